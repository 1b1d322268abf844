"""What the console and the command line print of an article that carries terminal escape
sequences: shown escaped, never sent to the terminal; ``check`` notes them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.adapters.console import ConsoleSession
from bot.cli import main
from bot.knowledge_base import KnowledgeBase

CLEAR = "\x1b[2J"
TITLE_BAR = "\x1b]0;pwned\x07"
QUESTION = "When did the bridge in Evilton reopen?"


@pytest.fixture
def escaping_kb(tiny_kb_dir: Path) -> Path:
    (tiny_kb_dir / "bridge.md").write_text(
        '---\ntitle: "Bridge \\e[2Jreopens"\npublisher: Gazette\npublished: 2024-10-20\n---\n'
        f"The bridge in Evilton reopened {CLEAR}{TITLE_BAR}on Monday after repairs.\r "
        "Traffic returned to the old road within an hour.\n\n"
        "The council said the work had cost less than planned.\n",
        encoding="utf-8",
    )
    return tiny_kb_dir


def assert_escaped(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output and "\r" not in output
    assert "\\x1b[2J" in output


def test_ask_prints_escape_sequences_escaped(escaping_kb: Path, capsys):
    assert main(["ask", "--kb", str(escaping_kb), QUESTION]) == 0
    assert_escaped(capsys.readouterr().out)


def test_sources_prints_a_title_with_an_escape_sequence_escaped(escaping_kb: Path, capsys):
    assert main(["sources", "--kb", str(escaping_kb)]) == 0
    out = capsys.readouterr().out
    assert_escaped(out)
    assert "Bridge \\x1b[2Jreopens" in out


def test_timeline_prints_escape_sequences_escaped(escaping_kb: Path, capsys):
    assert main(["timeline", "--kb", str(escaping_kb), "bridge"]) == 0
    out = capsys.readouterr().out
    assert_escaped(out)
    assert "reopened \\x1b[2J\\x1b]0;pwned\\x07on Monday" in out


def test_the_console_session_prints_escape_sequences_escaped(escaping_kb: Path):
    out = io.StringIO()
    ConsoleSession(KnowledgeBase(escaping_kb)).run(io.StringIO(f"{QUESTION}\n/sources\n"), out)
    assert_escaped(out.getvalue())


def test_check_notes_control_characters_without_failing(escaping_kb: Path, capsys):
    assert main(["check", "--kb", str(escaping_kb)]) == 0
    out = capsys.readouterr().out
    assert "bridge.md: control characters in the title (\\x1b)" in out
    assert "bridge.md: control characters in the text (\\x07 \\x1b)" in out
    assert "\x1b" not in out
