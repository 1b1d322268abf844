"""Articles and their files: the records, the file kinds, reading a file safely, clear errors.

How a file's text becomes an article (front matter, cleaning, guessed fields) is in
``bot.ingest.text``, imported only to build.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.control_characters import escape_controls

if TYPE_CHECKING:
    import yaml

ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
ARTICLE_FILE_SUFFIXES = ARTICLE_SUFFIXES | HTML_SUFFIXES


class Problem(BaseModel):
    """One reason a knowledge-base file cannot be used."""

    # Its validator is made when a problem is first met, not at import: a start from the
    # index cache usually meets none (pydantic's defer_build; a few milliseconds a model).
    model_config = ConfigDict(defer_build=True)

    file: str
    reason: str

    def __str__(self) -> str:
        return f"{escape_controls(self.file)}: {escape_controls(self.reason)}"


class ArticleError(ValueError):
    """A file that is not a usable article; the message says why."""


class FrontMatter(BaseModel):
    """The YAML header of an article file. Unknown keys are set aside, not rejected:
    ``check`` names them, since a misspelt ``authr:`` would otherwise vanish silently."""

    model_config = ConfigDict(extra="allow", defer_build=True)  # read only to build

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    tags: list[str] = Field(default_factory=list)

    @field_validator("title", "publisher", "author", "url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _timestamp_is_its_date(cls, value: Any) -> Any:
        """A full timestamp (``2024-10-24T10:00:00+03:00``) gives its date, as written."""
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, str) and len(value.strip()) > 10:
            with suppress(ValueError):
                return datetime.fromisoformat(value.strip()).date()
        return value


class Article(BaseModel):
    """An article of the knowledge base; passages quote ``text`` by character offsets."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    path: str
    text: str
    captions: tuple[tuple[int, int], ...] = ()
    guessed: tuple[str, ...] = ()
    provenance: tuple[tuple[str, str], ...] = ()
    """(field, where it was read) for each guessed field: ``("published", "the line '…'")``."""
    conflicts: tuple[tuple[str, str], ...] = ()
    """(field, why it was left empty) where two signals of the page disagree."""
    title_from_sentence: bool = False
    """The page shows no headline: the title is its first sentence, which stays in the text."""
    unknown_keys: tuple[str, ...] = ()
    """Front-matter keys that are not article fields, ignored."""

    def reference(self) -> dict[str, str | None]:
        """The attribution object of the JSON outputs."""
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "author": self.author,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
        }


def is_html(name: str) -> bool:
    """Whether a file of this name is a web page (read by the HTML reader, ``bot.ingest.html``)."""
    return os.path.splitext(name)[1].lower() in HTML_SUFFIXES


def read_file(path: Path, *, max_bytes: int) -> bytes:
    """An article file's bytes, or ``ArticleError`` naming the size limit or the OS error.

    A file that changes while it is read (its size, modification time or inode differ before
    and after, or fewer bytes came than it has) is read once more, then refused as changing:
    a file being written in place is never taken half-written from the middle of a write.
    """
    try:
        for _ in range(2):
            data, steady = _read_once(path, max_bytes)
            if steady:
                return data
    except OSError as error:
        raise ArticleError(f"cannot be read ({error.strerror or error})") from None
    raise ArticleError(
        "changed while it was read, twice; write the new version elsewhere and move it in"
    )


def _read_once(path: Path, max_bytes: int) -> tuple[bytes, bool]:
    """The file's bytes, and whether it stayed the same file of the same size while read."""
    before = path.stat()
    if not stat.S_ISREG(before.st_mode):  # a FIFO would block a reload, /dev/zero never end
        raise ArticleError("not a regular file")
    if before.st_size > max_bytes:
        raise ArticleError(f"file is {before.st_size:,} bytes, over the {max_bytes:,}-byte limit")
    with path.open("rb") as handle:
        # As much as stat() gave, plus what the file may have grown by since, up to the limit:
        # a read of the limit itself would allocate ten megabytes for every file.
        data = handle.read(before.st_size + 1)
        if len(data) > before.st_size:
            data += handle.read(max_bytes + 1 - len(data))
        after = os.fstat(handle.fileno())
    if len(data) > max_bytes:
        raise ArticleError(f"file is over the {max_bytes:,}-byte limit")
    steady = _identity(before) == _identity(after) and len(data) == after.st_size
    return data, steady


def _identity(info: os.stat_result) -> tuple[int, int, int, int]:
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def describe_yaml_error(error: yaml.YAMLError, first_line: int = 1) -> str:
    """A YAML error as one line, " (line N): what is wrong"; PyYAML's own spans several.

    ``first_line`` is the file line of the YAML's first line (2 inside front matter).
    """
    mark = getattr(error, "problem_mark", None)
    where = f" (line {mark.line + first_line})" if mark else ""
    problem = getattr(error, "problem", None) or " ".join(str(error).split())
    return f"{where}: {problem}"
