"""``/add`` from chat through the real add function (``bot.ingest.add``), as the bots run it:
a page from a real HTTP server on 127.0.0.1, attachments as bytes, then the reload."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from harness import Clock, Conversation, Files

from bot.adapters.console import LocalModeration
from bot.desk import Attachment, Command, Desk
from bot.desk.adding import core_adder
from bot.ingest.fetch import FetchPolicy, parse_networks
from bot.knowledge_base import KnowledgeBase
from tests.ingest.conftest import NEWS_PAGE, PageServer

FERRY = b"---\ntitle: Ferry strike\n---\nFerry crews in Ashford went on strike on Monday.\n"


@pytest.fixture
def server() -> Iterator[PageServer]:
    page_server = PageServer("127.0.0.1").start()
    yield page_server
    page_server.stop()


def desk_with(kb: KnowledgeBase, files: Files, policy: FetchPolicy) -> Conversation:
    desk = Desk(
        kb,
        LocalModeration(kb),
        platform="test",
        adder=core_adder(kb, policy),
        fetch_attachment=files,
        max_file_bytes=kb.max_file_bytes,
    )
    return Conversation(desk, kb)


LOOPBACK_ALLOWED = FetchPolicy(timeout_seconds=5, allowed_networks=parse_networks(["127.0.0.1/32"]))


def test_a_page_is_fetched_added_and_live_after_the_reload(
    kb: KnowledgeBase, files: Files, server: PageServer, clock: Clock
):
    server.page("/harbour", NEWS_PAGE)
    chat = desk_with(kb, files, LOOPBACK_ALLOWED)
    report = chat.text(server.url("/harbour"), Command.ADD, moderator=True)
    assert report.startswith(
        "Added “Harbour reopens after the storm” as harbour-reopens-after-the-storm.md"
    )
    assert "The page is kept as originals/harbour-reopens-after-the-storm.html." in report
    assert "Guessed author: Mira Castell (from the page's author metadata)" in report
    assert str(kb.directory) not in report
    assert f"Reloaded: now version {kb.version}" in report
    assert "crane barge from Dunmore" in chat.text("How will the ferry be raised in Ashford?")


def test_a_private_address_is_refused_with_the_add_functions_reason(
    kb: KnowledgeBase, files: Files, server: PageServer
):
    server.page("/harbour", NEWS_PAGE)
    version = kb.version
    chat = desk_with(kb, files, FetchPolicy(timeout_seconds=5))
    report = chat.text(server.url("/harbour"), Command.ADD, moderator=True)
    assert report.startswith("Not added:") and "loopback" in report
    assert server.requests == [] and kb.version == version


def test_an_attached_markdown_file_is_added(kb: KnowledgeBase, files: Files):
    files.stored["https://files.example/ferry.md"] = FERRY
    chat = desk_with(kb, files, LOOPBACK_ALLOWED)
    file = Attachment(filename="ferry.md", size=len(FERRY), url="https://files.example/ferry.md")
    report = chat.text("", Command.ADD, moderator=True, attachments=(file,))
    assert "Added “Ferry strike”" in report and "Reloaded" in report
    assert "strike on Monday" in chat.text("Why did ferry crews strike in Ashford?")


def test_the_same_file_twice_is_refused_as_a_duplicate(kb: KnowledgeBase, files: Files):
    files.stored["https://files.example/ferry.md"] = FERRY
    chat = desk_with(kb, files, LOOPBACK_ALLOWED)
    file = Attachment(filename="ferry.md", size=len(FERRY), url="https://files.example/ferry.md")
    chat.text("", Command.ADD, moderator=True, attachments=(file,))
    again = chat.text("", Command.ADD, moderator=True, attachments=(file,))
    assert again.startswith("Not added:")
