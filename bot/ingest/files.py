"""One article from one file's bytes, by the file's kind: HTML pages or text with front matter.

An HTML page is read by trafilatura (``bot.ingest.html``); its text and metadata then go
through exactly the path of a text file with front matter, so both are cleaned by the same
rules and validated the same way. Every field an HTML page gives is reported as guessed,
with where it came from: nobody wrote it down for this knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import yaml

from bot.articles import Article, ArticleError, FrontMatter, is_html
from bot.ingest import extracted
from bot.ingest.extracted import ExtractionCache
from bot.ingest.html import PAGE_SOURCES
from bot.ingest.text import read_text_article, split_article

METADATA_FIELDS = ("title", "publisher", "author", "published", "url")


@dataclass(frozen=True)
class ArticleReading:
    """An article and, for each field that was guessed, where it came from."""

    article: Article
    sources: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ArticleFile:
    """A file as an article file: its own bytes for text, or for an HTML page the front
    matter of what the page says and the extracted text, with where each field came from."""

    document: bytes
    sources: dict[str, str] = field(default_factory=dict)

    @cached_property
    def parts(self) -> tuple[FrontMatter, str] | str:
        """Its front matter and body, or why it cannot be read as an article. Split once: the
        folder's shared lines are counted on the body, which is then cleaned."""
        try:
            return split_article(self.document)
        except ArticleError as error:
            return str(error)

    @property
    def lines(self) -> str:
        """The text whose lines count towards the folder's boilerplate (none when the file
        cannot be read as an article: its problem is reported when it is read)."""
        return "" if isinstance(self.parts, str) else self.parts[1]


def article_file(
    data: bytes,
    *,
    path: str,
    url: str | None = None,
    html: bool | None = None,
    extractions: ExtractionCache | None = None,
) -> ArticleFile:
    """``data`` as an article file; an HTML page (by ``path``'s suffix unless ``html`` says) is
    extracted, or ``ArticleError`` when it has no text. ``url`` (where a page was fetched)
    stands in for a missing canonical link. A page whose bytes were extracted before is taken
    from ``extractions``, by default the process's (see ``bot.ingest.extracted``)."""
    if not (is_html(path) if html is None else html):
        return ArticleFile(data)
    page = (extracted.EXTRACTIONS if extractions is None else extractions).read(data)
    known = {name: getattr(page.metadata, name) for name in METADATA_FIELDS}
    sources = {name: PAGE_SOURCES[name] for name, value in known.items() if value is not None}
    if known["url"] is None and url is not None:
        known["url"], sources["url"] = url, "the address it was fetched from"
    document = article_document({k: v for k, v in known.items() if v is not None}, page.text)
    return ArticleFile(document.encode(), sources)


def read_article_file(
    source: ArticleFile, *, article_id: str, path: str, boilerplate: frozenset[str] = frozenset()
) -> ArticleReading:
    """The article of an article file: cleaned by the raw-text rules, every guess with its
    source (the page's metadata first, then what the text showed)."""
    if isinstance(source.parts, str):
        raise ArticleError(source.parts)
    article = read_text_article(
        source.parts, article_id=article_id, path=path, boilerplate=boilerplate
    )
    sources = source.sources | dict(article.provenance)
    article = article.model_copy(
        update={"guessed": tuple(sources), "provenance": tuple(sources.items())}
    )
    return ArticleReading(article, sources)


def read_article(
    data: bytes,
    *,
    article_id: str,
    path: str,
    boilerplate: frozenset[str] = frozenset(),
    url: str | None = None,
) -> ArticleReading:
    """Read a knowledge-base file of any accepted kind; ``ArticleError`` says what is wrong."""
    source = article_file(data, path=path, url=url)
    return read_article_file(source, article_id=article_id, path=path, boilerplate=boilerplate)


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
