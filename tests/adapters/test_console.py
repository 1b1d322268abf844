"""The console surface: what a newcomer sees first; lines to requests, replies to text, one
conversation per session."""

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


def test_commands_work_in_any_case(kb: KnowledgeBase):
    session = ConsoleSession(kb)
    assert "Harbour FC lifts the cup" in (session.reply("/Sources") or "")
    assert "Harbour FC lifts the cup" in (session.reply("/SOURCES") or "")


def test_an_unknown_command_says_so_and_lists_the_commands(kb: KnowledgeBase):
    reply = ConsoleSession(kb).reply("/sauces") or ""
    assert reply.startswith("There is no command /sauces.")
    assert "/sources" in reply and "/timeline" in reply and "/quit" in reply


def test_the_console_keeps_the_conversation_between_lines(kb: KnowledgeBase):
    session = ConsoleSession(kb)
    session.reply("Who scored twice for Harbour FC?")
    reply = session.reply("when did they win the cup?") or ""
    assert reply.startswith("Read as: when did Harbour FC win the cup?")


def test_quit_ends_the_session(kb: KnowledgeBase):
    assert ConsoleSession(kb).reply("/QUIT") is None


def test_the_console_user_is_a_moderator(kb: KnowledgeBase):
    assert (ConsoleSession(kb).reply("/reload") or "").startswith("Nothing changed")


def test_a_terminal_line_can_be_recalled_with_the_up_arrow_and_edited():
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from bot.adapters.console import _edited_lines

    with create_pipe_input() as typed, create_app_session(input=typed, output=DummyOutput()):
        lines = _edited_lines()
        typed.send_text("Who scored twice?\r")
        assert next(lines) == "Who scored twice?"
        typed.send_text("\x1b[A\x7f\x7f\x7f\x7f\x7f\x7fonce?\r")  # up arrow, six backspaces
        assert next(lines) == "Who scored once?"
        typed.close()
        assert list(lines) == []
