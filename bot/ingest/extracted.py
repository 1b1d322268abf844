"""Pages already extracted, by the SHA-256 of their bytes: a reload does not run trafilatura
again on the HTML files that did not change.

A reload rebuilds the whole snapshot when any file changed, and trafilatura takes some 50 to
65 ms a page; with a few hundred pages in the folder, adding one article would re-read all of
them. The extractor is a pure function of the bytes (and of its own version, which is part
of the key), so its answer can be kept. Entries are JSON text, not pickles: what is kept is
exactly what ``read_html`` returned (text and metadata, or why the page has no text), and
the memory they take is their length. The least recently used entries go first when the
cache is over its size.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from datetime import date

from bot.articles import ArticleError
from bot.ingest.html import HtmlPage, PageMetadata, read_html, reader_version

DEFAULT_MAX_CHARS = 64_000_000
"""About the text of a few thousand news pages."""


class ExtractionCache:
    """``read_html`` answers kept by the SHA-256 of the page's bytes and the reader's version."""

    def __init__(self, max_chars: int = DEFAULT_MAX_CHARS) -> None:
        self.max_chars = max_chars
        self._entries: OrderedDict[str, str] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()
        self.extracted = 0
        """Pages extracted (not found in the cache) since it was made."""

    def __len__(self) -> int:
        return len(self._entries)

    def read(self, data: bytes) -> HtmlPage:
        """The page as ``read_html`` reads it; ``ArticleError`` when it has no article text."""
        key = _key(data)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
        if entry is None:
            entry = _extract(data)
            self._store(key, entry)
        return _page(entry)

    def known(self, pages: list[bytes]) -> dict[str, str]:
        """The entries of those of ``pages`` extracted before, to seed another process's cache
        (a build's worker), so that it does not extract them again."""
        keys = [_key(page) for page in pages]
        with self._lock:
            return {key: self._entries[key] for key in keys if key in self._entries}

    def entries(self) -> dict[str, str]:
        with self._lock:
            return dict(self._entries)

    def keep(self, entries: dict[str, str]) -> None:
        """Entries extracted by another process (a build's worker)."""
        for key, entry in entries.items():
            self._store(key, entry, extracted=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._chars = 0

    def _store(self, key: str, entry: str, extracted: bool = True) -> None:
        with self._lock:
            self.extracted += extracted
            if key in self._entries or len(entry) > self.max_chars:
                return
            self._entries[key] = entry
            self._chars += len(entry)
            while self._chars > self.max_chars:
                _, dropped = self._entries.popitem(last=False)
                self._chars -= len(dropped)


def _key(data: bytes) -> str:
    digest = hashlib.sha256(reader_version().encode())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def _extract(data: bytes) -> str:
    """``read_html``'s answer as JSON: the page, or the reason it has no text."""
    try:
        page = read_html(data)
    except ArticleError as error:
        return json.dumps({"error": str(error)})
    meta = page.metadata
    return json.dumps(
        {
            "text": page.text,
            "metadata": {
                "title": meta.title,
                "publisher": meta.publisher,
                "author": meta.author,
                "published": meta.published.isoformat() if meta.published else None,
                "url": meta.url,
            },
        },
        ensure_ascii=False,
    )


def _page(entry: str) -> HtmlPage:
    found = json.loads(entry)
    if "error" in found:
        raise ArticleError(found["error"])
    meta = found["metadata"]
    published = date.fromisoformat(meta["published"]) if meta["published"] else None
    return HtmlPage(text=found["text"], metadata=PageMetadata(**{**meta, "published": published}))


EXTRACTIONS = ExtractionCache()
"""The process's cache, which ``bot.ingest.files.article_file`` reads through: a reload in
the same process finds there every page it extracted before."""
