"""Adding one article to a knowledge folder: from a URL, an HTML file, a text file or bytes.

``add_article`` is what the ``add`` command and the moderators' chat ``/add`` call. It never
prints: it returns an ``AddReport`` that the caller renders (``bot.render.add_report_text``).

What is written, for a page titled "Putin hosts BRICS summit in Kazan":

- ``putin-hosts-brics-summit-in-kazan.md``: YAML front matter with every field found (``null``
  where none was, so a reload does not guess again), ``#`` comment lines saying where the
  article came from and where each field was found, then the article's cleaned text;
- ``originals/putin-hosts-brics-summit-in-kazan.html``: the HTML page exactly as it was read,
  when there was one. The loader reads only the top level of the folder, so the page is not
  indexed a second time.

The new file is read back exactly as a reload reads it before anything is written, and it is
refused when it would not load, when its text or its canonical link is already in the
knowledge base, or when its path would leave the folder. Existing files are never overwritten:
a different article with the same title gets ``-2``, ``-3``… after its name.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel

from bot.articles import (
    ARTICLE_FILE_SUFFIXES,
    ARTICLE_SUFFIXES,
    Article,
    ArticleError,
    is_html,
    read_file,
)
from bot.ingest.fetch import FetchError, FetchPolicy, fetch_page
from bot.ingest.files import (
    METADATA_FIELDS,
    ArticleReading,
    article_document,
    article_file,
    read_article,
    read_article_file,
    text_fingerprint,
)

ORIGINALS_DIR = "originals"
"""Where the HTML pages of added articles are kept, inside the knowledge folder."""
FETCHED_FROM = "the address it was fetched from"
_SLUG_MAX = 80


class GuessedField(BaseModel):
    """A field the moderator did not write, and where it was found."""

    field: str
    value: str
    source: str


class AddReport(BaseModel):
    """What ``add`` did with one source: the file it wrote, or why it refused."""

    source: str
    status: Literal["added", "refused"]
    path: str | None = None
    """The article file written."""
    original: str | None = None
    """The HTML page kept beside it."""
    article_id: str | None = None
    title: str | None = None
    guessed: list[GuessedField] = []
    problems: list[str] = []

    @property
    def ok(self) -> bool:
        return self.status == "added"


@dataclass(frozen=True)
class Document:
    """Bytes to add and what they are: a fetched page, a file, or a chat attachment."""

    name: str
    """Where they came from: a URL or a file name (its suffix tells HTML from text)."""
    data: bytes
    html: bool
    url: str | None = None
    """The address they were fetched from, if any."""


class AddRefused(Exception):
    """One source that cannot be added; the message says why."""


def add_article(
    source: str,
    directory: Path,
    *,
    existing: Iterable[Article],
    policy: FetchPolicy,
) -> AddReport:
    """Add a URL, an HTML file or a text file to ``directory``; see the module docstring."""
    try:
        document = load_document(source, policy)
    except (AddRefused, FetchError, ArticleError) as error:
        return AddReport(source=source, status="refused", problems=[str(error)])
    return add_document(document, directory, existing=existing, max_bytes=policy.max_bytes)


def load_document(source: str, policy: FetchPolicy) -> Document:
    """A URL fetched within ``policy``, or a file read with the same size limit."""
    if "://" in source:
        page = fetch_page(source, policy)
        data = page.data if page.is_html else _as_utf8(page.data, page.charset)
        return Document(name=page.url, data=data, html=page.is_html, url=page.url)
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_FILE_SUFFIXES:
        kinds = ", ".join(sorted(ARTICLE_FILE_SUFFIXES))
        raise AddRefused(f"not an HTML or text file (expected {kinds})")
    return Document(
        name=path.name, data=read_file(path, max_bytes=policy.max_bytes), html=is_html(source)
    )


def add_document(
    document: Document, directory: Path, *, existing: Iterable[Article], max_bytes: int
) -> AddReport:
    """Read, validate and write one document; refusals come back in the report."""
    try:
        return _add(document, directory, list(existing), max_bytes)
    except (AddRefused, ArticleError) as error:
        return AddReport(source=document.name, status="refused", problems=[str(error)])


def _add(document: Document, directory: Path, existing: list[Article], max_bytes: int) -> AddReport:
    if not directory.is_dir():
        raise AddRefused(f"the knowledge folder {directory} does not exist")
    reading = _read(document)
    stem = _free_stem(directory, slugify(reading.article.title), {a.id for a in existing})
    target = _inside(directory, f"{stem}.md")
    original = _inside(directory, f"{ORIGINALS_DIR}/{stem}.html") if document.html else None
    content = _article_file(reading, document, original and f"{ORIGINALS_DIR}/{original.name}")
    if len(content) > max_bytes:
        raise AddRefused(f"the article file would be over the {max_bytes:,}-byte limit")
    written = read_article(content, article_id=stem, path=str(target)).article  # as a reload reads
    _refuse_duplicate(written, existing)
    if original is not None:
        _write_new(original, document.data)
    try:
        _write_new(target, content)
    except AddRefused:
        if original is not None:
            original.unlink(missing_ok=True)
        raise
    return AddReport(
        source=document.name,
        status="added",
        path=str(target),
        original=str(original) if original else None,
        article_id=stem,
        title=written.title,
        guessed=[
            GuessedField(field=name, value=_shown(getattr(written, name)), source=where)
            for name, where in reading.sources.items()
        ],
    )


def _read(document: Document) -> ArticleReading:
    name = document.name if document.html else _text_name(document.name)
    source = article_file(document.data, path=name, url=document.url, html=document.html)
    reading = read_article_file(source, article_id="new", path=name)
    if reading.article.url is None and document.url is not None:
        article = reading.article.model_copy(update={"url": document.url})
        return ArticleReading(article, {**reading.sources, "url": FETCHED_FROM})
    return reading


def _text_name(name: str) -> str:
    return name if Path(name).suffix.lower() in ARTICLE_SUFFIXES else f"{name}.txt"


def _as_utf8(data: bytes, charset: str | None) -> bytes:
    try:
        return data.decode(charset or "utf-8").encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        raise AddRefused(f"the text is not valid {charset or 'UTF-8'}") from None


def _article_file(reading: ArticleReading, document: Document, original: str | None) -> bytes:
    article = reading.article
    fields = {name: getattr(article, name) for name in METADATA_FIELDS}
    if article.tags:
        fields["tags"] = list(article.tags)
    comments = [f"Added by `add` from {document.name}"]
    if original:
        comments.append(f"The page as it was read: {original}")
    comments.extend(f"{name}: from {where}" for name, where in reading.sources.items())
    return article_document(fields, article.text, comments).encode("utf-8")


def _refuse_duplicate(article: Article, existing: list[Article]) -> None:
    """Refuse a second copy: the same text (as a reload compares it) or the same address."""
    fingerprint = text_fingerprint(article.text)
    address = canonical_address(article.url)
    for other in existing:
        if text_fingerprint(other.text) == fingerprint:
            raise AddRefused(f"duplicate: the same text as {Path(other.path).name}")
        if address and canonical_address(other.url) == address:
            raise AddRefused(
                f"duplicate: the same address as {Path(other.path).name} ({article.url})"
            )


def canonical_address(url: str | None) -> str | None:
    """An address compared loosely: scheme and host in lower case, no fragment, no final "/"."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def slugify(title: str) -> str:
    """A file name from a title: "Putin's talks: what's next?" → "putins-talks-whats-next".

    Letters of any script are kept; everything else (``/``, ``..``, spaces) becomes one "-",
    so a title can never name a path. Cut at a word boundary near 80 characters.
    """
    text = unicodedata.normalize("NFKC", title).casefold().replace("'", "").replace("’", "")
    slug = re.sub(r"[\W_]+", "-", text).strip("-")
    if len(slug) > _SLUG_MAX:
        slug = slug[:_SLUG_MAX].rsplit("-", 1)[0]
    return slug or "article"


def _free_stem(directory: Path, slug: str, taken_ids: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``…: no article id, article file or kept page is lost."""
    number = 1
    while True:
        stem = slug if number == 1 else f"{slug}-{number}"
        names = [f"{stem}{suffix}" for suffix in ARTICLE_FILE_SUFFIXES]
        paths = [directory / name for name in names] + [directory / ORIGINALS_DIR / f"{stem}.html"]
        if stem not in taken_ids and not any(p.exists() or p.is_symlink() for p in paths):
            return stem
        number += 1


def _inside(directory: Path, name: str) -> Path:
    """``directory / name``, refused if it resolves outside the folder (a symlinked ``originals``)."""
    path = directory / name
    root = directory.resolve()
    if not path.resolve().is_relative_to(root) or path.is_symlink():
        raise AddRefused(f"{name} would be written outside the knowledge folder {directory}")
    return path


def _write_new(path: Path, data: bytes) -> None:
    """Write a new file; never replace one (``O_EXCL``), never leave half a file behind."""
    try:
        path.parent.mkdir(exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise AddRefused(f"cannot write in {path.parent} ({error.strerror or error})") from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.link(temporary, path)
    except FileExistsError:
        raise AddRefused(f"{path.name} already exists; nothing was overwritten") from None
    except OSError as error:
        raise AddRefused(f"cannot write {path.name} ({error.strerror or error})") from None
    finally:
        temporary.unlink(missing_ok=True)


def _shown(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
