"""Every ``mrkdwn`` text the bot sends Slack is marked ``verbatim``: quoted article text and the
echoed question are shown as written, never auto-linked or parsed into mentions by Slack.
Checked on what the real Bolt app posts over HTTP to the fake Slack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_slack import RESPONSE_URL, ApiCall, FakeSlack
from test_slack import SlackHarness, mention, running_bot

from bot.knowledge_base import KnowledgeBase
from tests.conftest import write_article

QUESTION = "What did the notice at https://council.example/notice say to @here?"


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


@pytest.fixture
def bot(tiny_kb_dir: Path, fake: FakeSlack) -> Iterator[SlackHarness]:
    write_article(
        tiny_kb_dir,
        "notice",
        "Council notice at https://council.example/notice",
        "Gazette",
        "The council notice at https://council.example/notice told @here and #general "
        "that the harbour road closes on Friday 2024-10-18.",
    )
    with running_bot(KnowledgeBase(tiny_kb_dir), fake) as harness:
        yield harness


def mrkdwn_objects(call: ApiCall) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "mrkdwn":
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(call.params.get("blocks") or [])
    return found


def assert_all_verbatim(call: ApiCall) -> None:
    objects = mrkdwn_objects(call)
    assert objects, call.params
    assert [obj for obj in objects if obj.get("verbatim") is not True] == []


def test_an_answer_quotes_and_echoes_the_question_verbatim(bot: SlackHarness):
    bot.command("/ask", QUESTION)
    call = bot.fake.wait_for(RESPONSE_URL)[0]
    assert_all_verbatim(call)
    texts = [obj["text"] for obj in mrkdwn_objects(call)]
    assert any("https://council.example/notice told @here" in text for text in texts)
    assert any(text.startswith("*Question:* What did the notice") for text in texts)


def test_a_mention_answer_sources_and_timeline_are_verbatim_too(bot: SlackHarness):
    bot.event(mention(f"<@UBOT> {QUESTION}"))
    assert_all_verbatim(bot.fake.wait_for("chat.postMessage")[0])
    for command in ("/sources", "/timeline"):
        bot.command(command, "harbour road" if command == "/timeline" else "")
        call = bot.fake.wait_for(RESPONSE_URL, lambda c, name=command: name in c.path)[0]
        assert_all_verbatim(call)
