"""Feedback on Slack, with the real Bolt app against the fake Slack Web API: 👍 / 👎 under answers,
thanked in a message only the voter sees, and /unanswered with its CSV file in the moderator's DM."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from fake_slack import FILE_UPLOAD, RESPONSE_URL, ApiCall, FakeSlack
from test_slack import (
    MEMBER,
    MODERATOR,
    VOLCANO_QUESTION,
    SlackHarness,
    answers,
    mention,
    running_bot,
)

from bot.adapters.slack_blocks import VOTE_DOWN_ACTION_ID, VOTE_UP_ACTION_ID
from bot.feedback import FeedbackRecorder, FeedbackStore
from bot.knowledge_base import KnowledgeBase
from bot.ops.runtime import Operations

OFF_TOPIC_QUESTION = "What is the capital of Australia?"


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        server.add_user(MEMBER)
        yield server


@pytest.fixture
def recorder(tmp_path: Path) -> FeedbackRecorder:
    url = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    return FeedbackRecorder(lambda: FeedbackStore.open(url)).start()


@pytest.fixture
def bot(tiny_kb_dir: Path, fake: FakeSlack, recorder: FeedbackRecorder) -> Iterator[SlackHarness]:
    kb = KnowledgeBase(tiny_kb_dir)
    ops = Operations.build(kb, platform="slack", feedback=recorder)
    with running_bot(kb, fake, ops, slack_moderator_ids=[MODERATOR]) as harness:
        yield harness
    recorder.close()


def vote_values(call: ApiCall) -> dict[str, str]:
    """The answer's vote buttons: action id -> value (the answer's id)."""
    return {
        element["action_id"]: element["value"]
        for block in call.params.get("blocks") or []
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"] in (VOTE_UP_ACTION_ID, VOTE_DOWN_ACTION_ID)
    }


def click_vote(bot: SlackHarness, action_id: str, answer_id: str, user: str = MEMBER) -> None:
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "team_id": bot.fake.team_id},
        "api_app_id": "A0NEWSDESK",
        "token": "legacy-verification-token",
        "container": {"type": "message", "message_ts": "1700000000.000001"},
        "trigger_id": f"13345224609.{time.monotonic_ns()}.8088930838d88f008e0",
        "team": {"id": bot.fake.team_id, "domain": "fake"},
        "channel": {"id": "C0NEWS", "name": "news"},
        "response_url": bot.fake.response_url("vote"),
        "actions": [
            {
                "action_id": action_id,
                "block_id": "votes",
                "type": "button",
                "value": answer_id,
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    reply = bot.post(
        urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
    )
    assert reply.status == 200


def thanks(bot: SlackHarness, count: int = 1) -> ApiCall:
    return bot.fake.wait_for(RESPONSE_URL, lambda c: c.path == "/respond/vote", count=count)[-1]


def report(bot: SlackHarness, days: str = "") -> ApiCall:
    bot.command("/unanswered", days, user=MODERATOR)
    return answers(bot.fake, lambda call: call.path == "/respond/unanswered")


def test_a_down_vote_is_thanked_privately_and_reaches_unanswered_with_the_csv_in_a_dm(
    bot: SlackHarness,
):
    bot.command("/ask", VOLCANO_QUESTION)
    answer = answers(bot.fake, lambda call: call.path == "/respond/ask")
    values = vote_values(answer)
    assert set(values) == {VOTE_UP_ACTION_ID, VOTE_DOWN_ACTION_ID}

    click_vote(bot, VOTE_DOWN_ACTION_ID, values[VOTE_DOWN_ACTION_ID])
    thanked = thanks(bot)
    assert thanked.params["response_type"] == "ephemeral"
    assert thanked.params["replace_original"] is False
    assert thanked.params["text"].startswith("Thanks for the 👎")

    listed = report(bot)
    assert listed.params["response_type"] == "ephemeral"
    assert f"“{VOLCANO_QUESTION}” — asked once" in listed.params["text"]
    assert "quoted volcano" in listed.params["text"]
    completed = bot.fake.wait_for("files.completeUploadExternal")[0]
    assert completed.params["channel_id"] == f"D{MODERATOR}"
    [upload] = bot.fake.calls_to(FILE_UPLOAD)
    [row] = csv.DictReader(io.StringIO(upload.body.decode()))
    assert (row["question"], row["votes_down"]) == (VOLCANO_QUESTION, "1")


def test_a_second_click_changes_the_vote(bot: SlackHarness):
    bot.command("/ask", VOLCANO_QUESTION)
    answer_id = vote_values(answers(bot.fake))[VOTE_DOWN_ACTION_ID]
    click_vote(bot, VOTE_DOWN_ACTION_ID, answer_id)
    thanks(bot)
    click_vote(bot, VOTE_UP_ACTION_ID, answer_id)
    assert thanks(bot, count=2).params["text"].startswith("Thanks for the 👍")
    assert (
        report(bot, "7")
        .params["text"]
        .startswith("No declined or voted-down questions in the last 7 days")
    )
    assert not bot.fake.calls_to("files.completeUploadExternal")


def test_a_vote_for_an_answer_this_replica_never_saw_is_thanked_and_counted(
    bot: SlackHarness, recorder: FeedbackRecorder
):
    click_vote(bot, VOTE_DOWN_ACTION_ID, "0ld0ld0ld0ld.0123456789abcdef")
    assert thanks(bot).params["text"].startswith("Thanks for the 👎")
    assert recorder.flush()
    assert (recorder.state().counts.down, recorder.state().lost) == (1, 0)


def test_a_declined_answer_has_no_votes_and_reaches_unanswered(bot: SlackHarness):
    bot.command("/ask", OFF_TOPIC_QUESTION)
    assert not vote_values(answers(bot.fake))
    assert f"“{OFF_TOPIC_QUESTION}” — asked once, declined once" in report(bot).params["text"]


def test_an_answer_to_a_mention_carries_the_vote_buttons(bot: SlackHarness):
    bot.event(mention(f"<@UBOT> {VOLCANO_QUESTION}"))
    posted = bot.fake.wait_for("chat.postMessage")[0]
    assert set(vote_values(posted)) == {VOTE_UP_ACTION_ID, VOTE_DOWN_ACTION_ID}


def test_unanswered_is_refused_to_a_member(bot: SlackHarness):
    bot.command("/unanswered", user=MEMBER)
    refusal = answers(bot.fake, lambda call: call.path == "/respond/unanswered")
    assert refusal.params["response_type"] == "ephemeral"
    assert refusal.params["text"].startswith("Only moderators can see the unanswered questions")
