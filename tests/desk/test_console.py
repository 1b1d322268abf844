"""The console surface: lines to requests, replies to text, one conversation per session."""

from __future__ import annotations

from bot.adapters.console import ConsoleSession
from bot.knowledge_base import KnowledgeBase


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
