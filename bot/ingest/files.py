"""One article from one file's bytes, by the file's kind: HTML pages or text with front matter.

An HTML page is read by trafilatura (``bot.ingest.html``); its text and metadata then go
through exactly the path of a text file with front matter, so both are cleaned by the same
rules and validated the same way. Every field an HTML page gives is reported as guessed,
with where it came from: nobody wrote it down for this knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from bot.articles import ARTICLE_SUFFIXES, Article
from bot.ingest.html import HTML_SUFFIXES, PAGE_SOURCES, read_html
from bot.ingest.text import TEXT_SOURCE, read_text_article

ARTICLE_FILE_SUFFIXES = ARTICLE_SUFFIXES | HTML_SUFFIXES
METADATA_FIELDS = ("title", "publisher", "author", "published", "url")


@dataclass(frozen=True)
class ArticleReading:
    """An article and, for each field that was guessed, where it came from."""

    article: Article
    sources: dict[str, str] = field(default_factory=dict)


def is_html(name: str) -> bool:
    return Path(name).suffix.lower() in HTML_SUFFIXES


def read_article(data: bytes, *, article_id: str, path: str) -> ArticleReading:
    """Read a knowledge-base file of any accepted kind; ``ArticleError`` says what is wrong."""
    if is_html(path):
        return read_html_article(data, article_id=article_id, path=path)
    article = read_text_article(data, article_id=article_id, path=path)
    return ArticleReading(article, {name: TEXT_SOURCE for name in article.guessed})


def read_html_article(
    data: bytes, *, article_id: str, path: str, url: str | None = None
) -> ArticleReading:
    """An HTML page as an article; ``url`` (where it was fetched) stands in for a missing
    canonical link."""
    page = read_html(data)
    known = {name: getattr(page.metadata, name) for name in METADATA_FIELDS}
    sources = {name: PAGE_SOURCES[name] for name, value in known.items() if value is not None}
    if known["url"] is None and url is not None:
        known["url"], sources["url"] = url, "the address it was fetched from"
    document = article_document({k: v for k, v in known.items() if v is not None}, page.text)
    article = read_text_article(document.encode(), article_id=article_id, path=path)
    sources |= {name: TEXT_SOURCE for name in article.guessed}
    return ArticleReading(article.model_copy(update={"guessed": tuple(sources)}), sources)


def article_document(
    fields: dict[str, str | date | None], text: str, comments: list[str] | None = None
) -> str:
    """An article file: YAML front matter (``# comment`` lines first), then the text."""
    header = "".join(f"# {line}\n" for line in comments or [])
    if fields:
        header += yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1_000)
    return f"---\n{header}---\n{text}\n"


def text_fingerprint(text: str) -> str:
    """The text with case and spacing ignored: two files with the same one are one article."""
    return " ".join(text.split()).casefold()
