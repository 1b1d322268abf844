"""Fixtures for the feedback tests: one store per test, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.feedback.store import FeedbackStore
from bot.knowledge_base import KnowledgeBase


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database of each kind the store supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    request.applymarker(pytest.mark.real_component)
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(database: str) -> Iterator[FeedbackStore]:
    opened = FeedbackStore.open(database)
    yield opened
    opened.close()


@pytest.fixture
def kb(tiny_kb_dir: Path) -> KnowledgeBase:
    return KnowledgeBase(tiny_kb_dir)
