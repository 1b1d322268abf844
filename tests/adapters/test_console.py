"""The console surface: what a newcomer sees first."""

from __future__ import annotations

import io
from pathlib import Path

from bot.adapters.console import ConsoleSession
from bot.knowledge_base import KnowledgeBase
from tests.conftest import BUNDLED_KB


def first_line(kb: KnowledgeBase) -> str:
    stdout = io.StringIO()
    ConsoleSession(kb).run(io.StringIO(""), stdout)
    return stdout.getvalue().splitlines()[0]


def test_the_first_line_names_the_bundled_folder_and_how_to_get_help() -> None:
    line = first_line(KnowledgeBase(BUNDLED_KB))
    assert f"5 articles in {BUNDLED_KB}/ (the bundled articles)" in line
    assert "/help" in line


def test_the_first_line_names_another_folder_without_calling_it_bundled(tiny_kb_dir: Path) -> None:
    line = first_line(KnowledgeBase(tiny_kb_dir))
    assert f"3 articles in {tiny_kb_dir}/," in line
    assert "bundled" not in line
