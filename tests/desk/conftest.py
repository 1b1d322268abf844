"""Fixtures of the conversation suite (the harness is in ``harness.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import Clock, Conversation, Files, FolderAdder

from bot.adapters.console import LocalModeration
from bot.desk import Desk
from bot.desk.threads import ThreadContexts
from bot.knowledge_base import KnowledgeBase


@pytest.fixture
def kb(tiny_kb_dir: Path) -> KnowledgeBase:
    return KnowledgeBase(tiny_kb_dir)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def files() -> Files:
    return Files()


@pytest.fixture
def adder(tiny_kb_dir: Path) -> FolderAdder:
    return FolderAdder(tiny_kb_dir)


@pytest.fixture
def chat(kb: KnowledgeBase, clock: Clock, files: Files, adder: FolderAdder) -> Conversation:
    desk = Desk(
        kb,
        LocalModeration(kb),
        platform="test",
        contexts=ThreadContexts(max_threads=3, max_age=600, clock=clock),
        adder=adder,
        fetch_attachment=files,
        max_file_bytes=2_000,
    )
    return Conversation(desk, kb)
