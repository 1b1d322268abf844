from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.loopback import free_port
from tests.postgres import PostgresCluster, postgres_bin
from tests.redis_server import NOT_INSTALLED, REDIS_SERVER, RedisServer

pytest_plugins = ["real_components", "pytester"]

REPO = Path(__file__).resolve().parent.parent
BUNDLED_KB = REPO / "knowledge"

ARTICLE = """---
title: {title}
publisher: {publisher}
author: Jane Reporter
published: 2024-10-25
url: https://example.org/{slug}
---
{body}
"""

TINY_ARTICLES = {
    "volcano": (
        "Volcano erupts near the coast",
        "The Coast Herald",
        "A volcano erupted on Tuesday near the coastal town of Ashford. "
        "Lava reached the harbour by the evening. "
        "Officials evacuated 2,500 residents from the area.\n\n"
        "Scientists said the eruption could last for weeks.",
    ),
    "election": (
        "Mayor wins a second term",
        "City Daily",
        "Mayor Alice Grant won a second term on Sunday with 61 percent of the vote. "
        "Turnout was the highest in a decade. "
        "Grant promised to build a new library downtown.",
    ),
    "football": (
        "Harbour FC lifts the cup",
        "Sports Weekly",
        "Harbour FC won the regional cup final 3-1 on Saturday. "
        "The striker Tom Okafor scored twice in the second half. "
        "Fans celebrated in the harbour until midnight.",
    ),
}


def write_article(directory: Path, slug: str, title: str, publisher: str, body: str) -> Path:
    path = directory / f"{slug}.md"
    path.write_text(
        ARTICLE.format(title=title, publisher=publisher, slug=slug, body=body), encoding="utf-8"
    )
    return path


def wire_articles(directory: Path, bodies: dict[str, str]) -> Path:
    """A knowledge folder of one wire article per slug, titled after it: ``directory``."""
    directory.mkdir()
    for slug, body in bodies.items():
        write_article(directory, slug, slug.title(), "Wire", body)
    return directory


@pytest.fixture
def tiny_kb_dir(tmp_path: Path) -> Path:
    """A three-article knowledge base about unrelated local news."""
    directory = tmp_path / "knowledge"
    directory.mkdir()
    for slug, (title, publisher, body) in TINY_ARTICLES.items():
        write_article(directory, slug, title, publisher, body)
    return directory


@pytest.fixture
def add_article(tiny_kb_dir: Path) -> Callable[..., Path]:
    def add(slug: str, body: str, title: str = "Another story", publisher: str = "Gazette") -> Path:
        return write_article(tiny_kb_dir, slug, title, publisher, body)

    return add


@pytest.fixture
def lexicon_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty learned lexicon (``bot.lexicon``) the bot reads instead of the shipped one, for
    this test only: a rule's test that the shipped table, relearned as dev sets grow, must not
    move; or one that writes its own table."""
    import bot.lexicon

    table = tmp_path / "lexicon.tsv"
    table.write_text("", encoding="utf-8")
    monkeypatch.setattr(bot.lexicon, "TABLE", table)
    bot.lexicon.learned.cache_clear()
    yield table
    bot.lexicon.learned.cache_clear()


@pytest.fixture(autouse=True)
def private_index_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep the command line's index cache out of the developer's home directory."""
    monkeypatch.setenv("INDEX_CACHE_DIR", str(tmp_path_factory.mktemp("index-cache")))


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep the feedback database out of the developer's home directory and database."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A real PostgreSQL server on 127.0.0.1 for the session; skipped only when not installed."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (Debian package postgresql; .ci/run installs it)")
    pytest.importorskip("psycopg", reason="psycopg is missing: pip install -e '.[test]'")
    cluster = PostgresCluster(bin_dir)
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A real redis-server on 127.0.0.1 for the test; skipped only when it is not installed."""
    if REDIS_SERVER is None:
        pytest.skip(NOT_INSTALLED)
    pytest.importorskip("redis", reason="the redis package is missing: pip install -e '.[test]'")
    server = RedisServer(tmp_path, free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> str:
    """A fresh, empty database on the session's PostgreSQL server."""
    return postgres_cluster.create_database()
