"""Pages already extracted are not extracted again: the reload of a folder of HTML pages runs
trafilatura only on the pages whose bytes changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import NEWS_PAGE

from bot.articles import ArticleError
from bot.ingest import extracted
from bot.ingest.extracted import ExtractionCache
from bot.ingest.html import read_html
from bot.knowledge_base import KnowledgeBase


def test_a_page_read_twice_is_extracted_once_and_read_the_same():
    cache = ExtractionCache()
    first = cache.read(NEWS_PAGE.encode())
    second = cache.read(NEWS_PAGE.encode())
    assert cache.extracted == 1
    assert first == second == read_html(NEWS_PAGE.encode())


def test_changed_bytes_are_extracted_again():
    cache = ExtractionCache()
    cache.read(NEWS_PAGE.encode())
    changed = cache.read(NEWS_PAGE.replace("three days", "four days").encode())
    assert cache.extracted == 2
    assert "four days" in changed.text


def test_a_page_without_text_is_refused_again_from_the_cache():
    cache = ExtractionCache()
    menu = b"<html><body></body></html>"
    for _ in range(2):
        with pytest.raises(ArticleError, match="no article text"):
            cache.read(menu)
    assert cache.extracted == 1


def test_the_cache_keeps_json_and_drops_the_least_recently_used_over_its_size():
    one = NEWS_PAGE.encode()
    two = NEWS_PAGE.replace("three days", "four days").encode()
    size = len(extracted._extract(one))
    cache = ExtractionCache(max_chars=size + size // 2)
    cache.read(one)
    cache.read(two)  # over the size: the first goes
    assert len(cache) == 1
    assert all(json.loads(entry)["text"] for entry in cache._entries.values())
    cache.read(two)
    assert cache.extracted == 2
    cache.read(one)
    assert cache.extracted == 3


def test_a_reload_extracts_only_the_changed_page(tmp_path: Path, monkeypatch):
    cache = ExtractionCache()
    monkeypatch.setattr(extracted, "EXTRACTIONS", cache)
    for number in range(3):
        page = NEWS_PAGE.replace("three days", f"{number + 3} days").replace(
            "Harbour reopens after the storm", f"Harbour {number} reopens after the storm"
        )
        (tmp_path / f"page{number}.html").write_text(page)
    kb = KnowledgeBase(tmp_path)
    assert cache.extracted == 3
    (tmp_path / "page1.html").write_text(NEWS_PAGE.replace("three days", "nine days"))
    report = kb.reload()
    assert report.status == "reloaded"
    assert cache.extracted == 4
