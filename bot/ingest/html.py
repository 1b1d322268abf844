"""HTML news pages: the main text and the page's own metadata, through trafilatura.

Hand-written HTML parsing is brittle; trafilatura separates the article from navigation,
footers and comments, and reads the title, site name, author and canonical link from the
page's metadata (``og:`` tags, JSON-LD, ``<meta name="author">``, ``<link rel="canonical">``).
The date comes from htmldate (which trafilatura calls) in its *original date* mode and without
its extensive search, which would fall back to a copyright year or any date in the text: a
wrong date is worse than none.

The extracted text is then cleaned by the same rules as raw text (``bot.ingest.text``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.metadata import version
from typing import TYPE_CHECKING

from bot.articles import ArticleError

if TYPE_CHECKING:
    from trafilatura.settings import Document


_DATE_SEARCH = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True)
class PageMetadata:
    """What the page says about itself; ``None`` where it says nothing."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None


PAGE_SOURCES = {
    "title": "the page's title metadata",
    "publisher": "the page's site name",
    "author": "the page's author metadata",
    "published": "the page's date metadata, read by htmldate",
    "url": "the page's canonical link",
}
"""Where each ``PageMetadata`` field comes from, as ``check`` and ``add`` report it."""


@dataclass(frozen=True)
class HtmlPage:
    """An HTML page as read: the extractor's text (one paragraph per line) and metadata."""

    text: str
    metadata: PageMetadata


@cache
def reader_version() -> str:
    """Part of each HTML file's digest: a new extractor may read the same bytes differently."""
    return f"trafilatura {version('trafilatura')}, htmldate {version('htmldate')}"


def read_html(data: bytes) -> HtmlPage:
    """The main text and metadata of a page; ``ArticleError`` when it has no article text.

    >>> read_html(b"<html><body><nav>Home</nav></body></html>")  # doctest: +SKIP
    ArticleError: no article text found in the page
    """
    import trafilatura  # 0.4 s to import: only when there is a page to read

    if not data.strip():
        raise ArticleError("file is empty")
    document = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_SEARCH,
    )
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        raise ArticleError("no article text found in the page")
    return HtmlPage(text=text, metadata=_metadata(document))


def _metadata(document: Document) -> PageMetadata:
    return PageMetadata(
        title=_present(document.title),
        publisher=_present(document.sitename),
        author=_present(document.author),
        published=_iso_date(document.date),
        url=_web_address(document.url),
    )


def _present(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _web_address(value: str | None) -> str | None:
    """A canonical link, if it is an absolute http(s) address (not "/story" or "about:")."""
    value = _present(value)
    return value if value and value.startswith(("http://", "https://")) else None
