"""Article files: reading, front matter, metadata inference and validation with clear errors."""

from __future__ import annotations

import os
import re
import stat
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.cleaning import clean
from bot.control_characters import escape_controls

ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it: the same documents, ten times faster."""
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^---[ \t]*\r?\n?", re.S | re.M)


class Problem(BaseModel):
    """One reason a knowledge-base file cannot be used."""

    file: str
    reason: str

    def __str__(self) -> str:
        return f"{escape_controls(self.file)}: {escape_controls(self.reason)}"


class ArticleError(ValueError):
    """A file that is not a usable article; the message says why."""


class FrontMatter(BaseModel):
    """The YAML header of an article file. Unknown keys are set aside, not rejected:
    ``check`` names them, since a misspelt ``authr:`` would otherwise vanish silently."""

    model_config = ConfigDict(extra="allow")

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


def parse_article(
    data: bytes, *, article_id: str, path: str, boilerplate: frozenset[str] = frozenset()
) -> Article:
    """Build an ``Article`` from a file's bytes: front matter if any, cleaned body, guesses.

    ``boilerplate``: keys of lines seen in other articles of the folder
    (``bot.cleaning.repeated_lines``).
    """
    header, body = split_article(data)
    return article_from_parts(
        header, body, article_id=article_id, path=path, boilerplate=boilerplate
    )


def split_article(data: bytes) -> tuple[FrontMatter, str]:
    """A file's front matter and body, or ``ArticleError`` naming what is wrong. A build
    splits each file once: the folder's shared lines are counted on the body, then cleaned."""
    return _split_front_matter(_decode(data))


def article_from_parts(
    header: FrontMatter,
    body: str,
    *,
    article_id: str,
    path: str,
    boilerplate: frozenset[str] = frozenset(),
) -> Article:
    """``parse_article`` from a file already split by ``split_article``."""
    cleaned = clean(body, title=header.title, boilerplate=boilerplate)
    if not cleaned.paragraphs:
        if header.title is None and cleaned.headline:
            raise ArticleError(
                "no article text: its only line was taken as the title "
                "(add `title:` to the front matter, or more text)"
            )
        raise ArticleError("no article text after removing page furniture")
    guessed = []
    fields = header.model_dump(exclude=set(header.model_extra or ()))
    inferred = {
        "title": cleaned.headline,
        "author": cleaned.author,
        "published": cleaned.published,
        "publisher": cleaned.publisher,
    }
    for name, value in inferred.items():
        if fields[name] is None and name not in header.model_fields_set and value is not None:
            fields[name] = value
            guessed.append(name)
    if not fields["title"]:
        raise ArticleError("no title: add `title:` to the front matter")
    return Article(
        id=article_id,
        path=path,
        text=cleaned.text,
        captions=_caption_spans(cleaned.paragraphs, cleaned.captions),
        guessed=tuple(guessed),
        provenance=tuple((name, cleaned.sources.get(name, "the text")) for name in guessed),
        conflicts=tuple(
            (name, why)
            for name, why in cleaned.conflicts.items()
            if fields.get(name) is None and name not in header.model_fields_set
        ),
        title_from_sentence="title" in guessed and cleaned.title_guessed,
        unknown_keys=tuple(str(key) for key in header.model_extra or ()),
        **{**fields, "tags": tuple(fields["tags"])},
    )


def _decode(data: bytes) -> str:
    if not data.strip():
        raise ArticleError("file is empty")
    if b"\x00" in data:
        raise ArticleError("binary file (contains NUL bytes), expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(f"not UTF-8 text (invalid byte at offset {error.start})") from None


def _split_front_matter(text: str) -> tuple[FrontMatter, str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        if text.startswith("---"):
            raise ArticleError("front matter opened with `---` but never closed")
        return FrontMatter(), text
    try:
        data = yaml.load(match["yaml"], Loader=_SAFE_LOADER)
    except yaml.YAMLError as error:
        raise ArticleError(f"malformed front matter{describe_yaml_error(error, 2)}") from None
    except ValueError as error:
        raise ArticleError(f"malformed front matter: {error}") from None
    except RecursionError:
        raise ArticleError("malformed front matter: nested too deeply") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError("front matter must be a mapping of `key: value` lines")
    try:
        header = FrontMatter.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise ArticleError(f"front matter field `{field}`: {first['msg']}") from None
    return header, text[match.end() :]


def describe_yaml_error(error: yaml.YAMLError, first_line: int = 1) -> str:
    """A YAML error as one line, " (line N): what is wrong"; PyYAML's own spans several.

    ``first_line`` is the file line of the YAML's first line (2 inside front matter).
    """
    mark = getattr(error, "problem_mark", None)
    where = f" (line {mark.line + first_line})" if mark else ""
    problem = getattr(error, "problem", None) or " ".join(str(error).split())
    return f"{where}: {problem}"


def _caption_spans(paragraphs: list[str], captions: set[int]) -> tuple[tuple[int, int], ...]:
    spans, offset = [], 0
    for index, paragraph in enumerate(paragraphs):
        if index in captions:
            spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    return tuple(spans)
