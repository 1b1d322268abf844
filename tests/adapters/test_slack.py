"""The Slack adapter end to end: the real Bolt app over HTTP on 127.0.0.1, signed requests as Slack
sends them, and a fake Slack Web API (``fake_slack.py``) recording everything the bot posts."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import yaml
from fake_slack import FILE_UPLOAD, RESPONSE_URL, ApiCall, FakeSlack
from slack_sdk import WebClient

from bot.adapters import slack
from bot.adapters.slack_blocks import (
    HIGHLIGHT,
    MAX_BLOCKS,
    SECTION_LIMIT,
    SHARE_ACTION_ID,
    escape,
    plain_text,
    quoted_mrkdwn,
)
from bot.adapters.slack_guards import Moderators, SeenEvents
from bot.adapters.slack_http import DEFAULT_LIMITS, HttpLimits, SlackHttpServer, serving
from bot.config import Settings
from bot.knowledge_base import KnowledgeBase
from bot.logs import JsonFormatter
from bot.ops.runtime import Operations
from bot.render import APOLOGY, NO_ANSWER, refusal_text
from tests.desk.harness import FolderAdder
from tests.redis_server import RedisServer

REPO = Path(__file__).resolve().parents[2]
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
MEMBER, ADMIN, MODERATOR = "UMEMBER", "UADMIN", "UMOD"
VOLCANO_QUESTION = "When did the volcano erupt near Ashford?"
VOLCANO_LINK = "<https://example.org/volcano|Volcano erupts near the coast>"
VOLCANO_SOURCE = f"{VOLCANO_LINK} — The Coast Herald · Jane Reporter · 2024-10-25"

_event_ids = itertools.count(1)
_triggers = itertools.count(738474920)


# -- harness -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """Bolt's HTTP response to one request."""

    status: int
    body: str


def sign(body: str, timestamp: str, secret: str = SIGNING_SECRET) -> str:
    """Slack's v0 signature: HMAC-SHA256 of ``v0:timestamp:body`` keyed with the signing secret."""
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass
class SlackHarness:
    """The bot as Slack sees it: an HTTP endpoint that takes signed requests."""

    url: str
    fake: FakeSlack
    kb: KnowledgeBase
    ops: Operations
    server: SlackHttpServer

    def get(self, path: str) -> tuple[int, dict[str, Any]]:
        """GET ``path`` on the bot's HTTP server (the port of ``/slack/events``), as JSON."""
        return get_json(self.url.removesuffix("/slack/events") + path)

    def post(
        self,
        body: str,
        content_type: str,
        *,
        secret: str = SIGNING_SECRET,
        timestamp: float | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        stamp = str(int(timestamp if timestamp is not None else time.time()))
        request = urllib.request.Request(
            self.url,
            data=body.encode(),
            method="POST",
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": sign(body, stamp, secret),
                **(headers or {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                status, payload = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, payload = error.code, error.read()
        return Reply(status, payload.decode())

    def command(self, name: str, text: str = "", user: str = MEMBER, **post: Any) -> Reply:
        form = {
            "token": "legacy-verification-token",
            "team_id": self.fake.team_id,
            "team_domain": "fake",
            "channel_id": "C0NEWS",
            "channel_name": "news",
            "user_id": user,
            "user_name": user.lower(),
            "command": name,
            "text": text,
            "api_app_id": "A0NEWSDESK",
            "is_enterprise_install": "false",
            "response_url": self.fake.response_url(name.strip("/")),
            "trigger_id": f"13345224609.{next(_triggers)}.8088930838d88f008e0",
        }
        return self.post(urlencode(form), "application/x-www-form-urlencoded", **post)

    def event(self, event: dict[str, Any], event_id: str | None = None, **post: Any) -> Reply:
        envelope = {
            "token": "legacy-verification-token",
            "team_id": self.fake.team_id,
            "api_app_id": "A0NEWSDESK",
            "event": {"event_ts": event.get("ts"), **event},
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(_event_ids):08d}",
            "event_time": int(time.time()),
            "authorizations": [
                {"team_id": self.fake.team_id, "user_id": self.fake.bot_user_id, "is_bot": True}
            ],
        }
        return self.post(json.dumps(envelope), "application/json", **post)

    def click_share(self, value: str, user: str = MEMBER) -> Reply:
        payload = {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower(), "team_id": self.fake.team_id},
            "api_app_id": "A0NEWSDESK",
            "token": "legacy-verification-token",
            "container": {
                "type": "message",
                "message_ts": "1700000000.000001",
                "is_ephemeral": True,
            },
            "trigger_id": f"13345224609.{next(_triggers)}.8088930838d88f008e0",
            "team": {"id": self.fake.team_id, "domain": "fake"},
            "channel": {"id": "C0NEWS", "name": "news"},
            "response_url": self.fake.response_url("share"),
            "actions": [
                {
                    "action_id": SHARE_ACTION_ID,
                    "block_id": "share",
                    "type": "button",
                    "value": value,
                    "action_ts": f"{time.time():.6f}",
                }
            ],
        }
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded")


def mention(text: str, ts: str = "1700000100.000100", **extra: Any) -> dict[str, Any]:
    return {
        "type": "app_mention",
        "user": MEMBER,
        "text": text,
        "ts": ts,
        "channel": "C0NEWS",
        **extra,
    }


def direct_message(text: str, ts: str = "1700000200.000200", **extra: Any) -> dict[str, Any]:
    return {
        "type": "message",
        "channel_type": "im",
        "user": MEMBER,
        "text": text,
        "ts": ts,
        "channel": "D0MEMBER",
        **extra,
    }


@contextmanager
def running_bot(
    kb: KnowledgeBase,
    fake: FakeSlack,
    ops: Operations | None = None,
    app_options: dict[str, Any] | None = None,
    limits: HttpLimits = DEFAULT_LIMITS,
    **settings: Any,
) -> Iterator[SlackHarness]:
    """The production app and HTTP server, on an ephemeral loopback port, stopped afterwards."""
    config = Settings(
        _env_file=None,
        slack_signing_secret=SIGNING_SECRET,
        cooldown_seconds=settings.pop("cooldown_seconds", 0),
        **settings,
    )
    ops = ops or Operations.build(kb, platform="slack")
    client = WebClient(token=fake.token, base_url=fake.base_url, timeout=5)
    with slack.ThreadedOperations(ops) as threaded:
        app = slack.create_app(kb, config, threaded, client=client, **(app_options or {}))
        server = SlackHttpServer(
            app, SIGNING_SECRET, ops.readiness, host="127.0.0.1", port=0, limits=limits
        )
        with serving(server, ops):
            url = f"http://127.0.0.1:{server.port}/slack/events"
            yield SlackHarness(url, fake, kb, ops, server)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        server.add_user(MEMBER)
        server.add_user(ADMIN, admin=True)
        yield server


@pytest.fixture
def kb(tiny_kb_dir: Path) -> KnowledgeBase:
    return KnowledgeBase(tiny_kb_dir)


@pytest.fixture
def bot(kb: KnowledgeBase, fake: FakeSlack) -> Iterator[SlackHarness]:
    with running_bot(kb, fake, slack_moderator_ids=[MODERATOR]) as harness:
        yield harness


def get_json(url: str) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def answers(fake: FakeSlack, where: Callable[[ApiCall], bool] = lambda call: True) -> ApiCall:
    """The one response-URL reply matching ``where``, waiting for it (bounded)."""
    return fake.wait_for(RESPONSE_URL, where)[0]


def block_types(call: ApiCall) -> list[str]:
    return [block["type"] for block in call.params["blocks"]]


def section_texts(call: ApiCall) -> list[str]:
    return [b["text"]["text"] for b in call.params["blocks"] if b["type"] == "section"]


def context_texts(call: ApiCall) -> list[str]:
    return [
        element["text"]
        for block in call.params["blocks"]
        if block["type"] == "context"
        for element in block["elements"]
    ]


# -- requests and signatures ---------------------------------------------------------------------


def test_a_request_with_a_bad_signature_is_rejected_and_never_answered(bot: SlackHarness):
    forged = bot.command("/ask", VOLCANO_QUESTION, secret="not-the-signing-secret")
    stale = bot.command("/ask", VOLCANO_QUESTION, timestamp=time.time() - 600)
    forged_event = bot.event(mention(f"<@UBOT> {VOLCANO_QUESTION}"), secret="wrong")

    assert (forged.status, stale.status, forged_event.status) == (401, 401, 401)
    assert bot.fake.quiet_for(0.5, RESPONSE_URL) == []
    assert bot.fake.calls_to("chat.postMessage") == []


def test_slacks_url_verification_challenge_is_echoed(bot: SlackHarness):
    body = json.dumps(
        {
            "token": "t",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification",
        }
    )

    reply = bot.post(body, "application/json")

    assert reply.status == 200
    assert "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in reply.body


# -- /ask ----------------------------------------------------------------------------------------


def test_a_typo_is_answered_and_a_context_line_says_what_was_searched(bot: SlackHarness):
    bot.command("/ask", "When did the vulcano erupt?")
    call = answers(bot.fake)
    assert "Searched “vulcano” as “volcano”." in context_texts(call)[1]
    assert "A volcano erupted on Tuesday" in section_texts(call)[0]


def test_ask_posts_each_passage_as_a_quote_with_its_linked_attribution(bot: SlackHarness):
    reply = bot.command("/ask", VOLCANO_QUESTION)

    assert (reply.status, json.loads(reply.body)) == (200, {"response_type": "in_channel"})
    call = answers(bot.fake)
    assert call.params["response_type"] == "in_channel"
    assert block_types(call)[:3] == ["context", "section", "context"]
    assert f"*Question:* {VOLCANO_QUESTION}" in context_texts(call)[0]
    quote = section_texts(call)[0]
    assert all(line.startswith("> ") for line in quote.split("\n"))
    assert "*A volcano erupted on Tuesday near the coastal town of Ashford.*" in quote
    assert VOLCANO_SOURCE in context_texts(call)
    assert "A volcano erupted on Tuesday" in call.params["text"]
    assert call.params["unfurl_links"] is False


def test_ask_is_acknowledged_before_the_answer_is_ready(tiny_kb_dir: Path, fake: FakeSlack):
    release = threading.Event()

    class SlowKnowledgeBase(KnowledgeBase):
        def ask(self, question: str, k: int = 3):
            release.wait(timeout=10)
            return super().ask(question, k)

    with running_bot(SlowKnowledgeBase(tiny_kb_dir), fake) as bot:
        reply = bot.command("/ask", VOLCANO_QUESTION)
        assert reply.status == 200
        assert fake.calls_to(RESPONSE_URL) == []
        release.set()
        assert "Ashford" in answers(fake).text_and_blocks()


def test_a_question_nothing_answers_gets_the_no_answer_notice(bot: SlackHarness):
    bot.command("/ask", "What is the airspeed of an unladen swallow?")

    call = answers(bot.fake)
    assert call.params["response_type"] == "in_channel"
    assert call.params["text"] == escape(NO_ANSWER)
    assert section_texts(call) == [escape(NO_ANSWER)]


def test_an_empty_ask_explains_how_to_ask(bot: SlackHarness):
    bot.command("/ask", "   ")

    call = answers(bot.fake)
    assert "Please ask a question" in call.params["text"]


def test_pings_in_a_question_are_shown_not_executed(bot: SlackHarness):
    bot.command("/ask", "<!channel> <@U123> <!here|here> when did the volcano & lava erupt?")

    shown = answers(bot.fake).text_and_blocks()
    assert "&lt;!channel&gt; &lt;@U123&gt; &lt;!here|here&gt;" in shown
    assert "volcano &amp; lava" in shown
    for ping in ("<!channel>", "<@U123>", "<!here"):
        assert ping not in shown


def test_markup_inside_an_article_is_escaped_too(kb: KnowledgeBase, add_article, fake: FakeSlack):
    add_article(
        "pings", "The harbour master wrote <!everyone> and <@U0BOSS> about the ferry & the tides."
    )
    kb.reload()
    with running_bot(kb, fake) as bot:
        bot.command("/ask", "What did the harbour master write about the ferry?")

        shown = answers(bot.fake).text_and_blocks()
    assert "&lt;!everyone&gt; and &lt;@U0BOSS&gt;" in shown
    assert "<!everyone>" not in shown and "<@U0BOSS>" not in shown


def test_a_long_passage_is_cut_to_slacks_section_limit(
    kb: KnowledgeBase, add_article, fake: FakeSlack
):
    endless = "The ferry schedule & timetable changed " + " ".join(
        f"again<{n}>" for n in range(900)
    )
    add_article("ferry", endless + ".", title="Ferry timetable chaos")
    kb.reload()
    with running_bot(kb, fake) as bot:
        bot.command("/ask", "Why did the ferry schedule timetable change?")

        call = answers(bot.fake)
    assert len(call.params["blocks"]) <= MAX_BLOCKS
    assert all(len(text) <= SECTION_LIMIT for text in section_texts(call))
    assert all(len(text) <= SECTION_LIMIT for text in context_texts(call))
    ferry = next(text for text in section_texts(call) if "ferry" in text)
    assert ferry.startswith("> *The ferry schedule &amp; timetable changed again&lt;0&gt;")
    assert ferry.endswith("…*")
    assert len(call.params["text"]) <= 3000


def test_private_ask_is_ephemeral_and_its_button_shares_it_with_the_channel(bot: SlackHarness):
    ack = bot.command("/ask", f"private {VOLCANO_QUESTION}")

    assert (ack.status, ack.body) == (200, "")
    private = answers(bot.fake)
    assert private.params["response_type"] == "ephemeral"
    assert private.path == "/respond/ask"
    button = private.params["blocks"][-1]["elements"][0]
    assert button["action_id"] == SHARE_ACTION_ID
    assert json.loads(button["value"])["q"] == VOLCANO_QUESTION

    reply = bot.click_share(button["value"])

    assert reply.status == 200
    shared = answers(bot.fake, lambda call: call.params.get("response_type") == "in_channel")
    assert shared.path == "/respond/share"
    assert "<@UMEMBER> shared an answer:" in context_texts(shared)
    assert section_texts(shared) == section_texts(private)
    [votes] = [block for block in shared.params["blocks"] if block["type"] == "actions"]
    assert [button["action_id"] for button in votes["elements"]] == ["vote_up", "vote_down"]
    deleted = answers(bot.fake, lambda call: call.params.get("delete_original") is True)
    assert deleted.path == "/respond/share"


def test_the_cooldown_asks_a_quick_user_to_wait(kb: KnowledgeBase, fake: FakeSlack):
    with running_bot(kb, fake, cooldown_seconds=60) as bot:
        bot.command("/ask", VOLCANO_QUESTION)
        second = bot.command("/ask", "Who won the cup final?")
        bot.event(mention("<@UBOT> Who won the cup final?"))

        assert second.status == 200
        assert second.body.startswith("One question at a time, please: you can ask again in")
        whisper = fake.wait_for("chat.postEphemeral")[0]
        assert whisper.params["user"] == MEMBER
        assert "ask again in" in whisper.params["text"]
        assert len(fake.wait_for(RESPONSE_URL)) == 1
        assert fake.calls_to("chat.postMessage") == []


def test_an_error_gets_an_apology_and_the_bot_keeps_answering(
    tiny_kb_dir: Path, fake: FakeSlack, caplog: pytest.LogCaptureFixture
):
    class FaultyKnowledgeBase(KnowledgeBase):
        def ask(self, question: str, k: int = 3):
            if "explode" in question:
                raise RuntimeError("index on fire")
            return super().ask(question, k)

    with running_bot(FaultyKnowledgeBase(tiny_kb_dir), fake, cooldown_seconds=60) as bot:
        bot.command("/ask", "explode please")
        apology = answers(bot.fake)
        bot.event(mention("<@UBOT> explode again"))
        whisper = fake.wait_for("chat.postEphemeral")[0]
        bot.command("/ask", VOLCANO_QUESTION)
        answer = answers(bot.fake, lambda call: call.params.get("response_type") == "in_channel")

    assert apology.params["response_type"] == "ephemeral"
    assert apology.params["text"] == APOLOGY
    assert whisper.params["text"] == APOLOGY
    assert "Ashford" in answer.text_and_blocks()  # the failed questions used no cooldown
    assert "RuntimeError: index on fire" in caplog.text


def test_a_long_timeline_topic_keeps_every_section_within_slacks_limit(bot: SlackHarness):
    bot.command("/timeline", ("volcano " * 400).strip())
    call = answers(bot.fake)
    assert call.params["blocks"] and all(len(text) <= SECTION_LIMIT for text in section_texts(call))


# -- mentions and direct messages ----------------------------------------------------------------


def test_a_mention_is_answered_in_its_thread_with_eyes_while_working(bot: SlackHarness):
    bot.event(mention("<@UBOT> Who scored twice in the cup final?", ts="1700000100.000100"))

    posted = bot.fake.wait_for("chat.postMessage")[0]
    removed = bot.fake.wait_for("reactions.remove")[0]
    assert posted.params["channel"] == "C0NEWS"
    assert posted.params["thread_ts"] == "1700000100.000100"
    assert "Tom Okafor scored twice" in posted.text_and_blocks()
    assert "UBOT" not in context_texts(posted)[0]
    methods = [
        call.method for call in bot.fake.calls if call.method.startswith(("reactions", "chat"))
    ]
    assert methods == ["reactions.add", "chat.postMessage", "reactions.remove"]
    added = bot.fake.calls_to("reactions.add")[0]
    for reaction in (added, removed):
        assert {key: reaction.params[key] for key in ("channel", "timestamp", "name")} == {
            "channel": "C0NEWS",
            "timestamp": "1700000100.000100",
            "name": "eyes",
        }


def test_a_mention_inside_a_thread_is_answered_in_that_thread(bot: SlackHarness):
    bot.event(
        mention("<@UBOT> Who won the cup?", ts="1700000300.000300", thread_ts="1700000000.000009")
    )

    assert bot.fake.wait_for("chat.postMessage")[0].params["thread_ts"] == "1700000000.000009"


def test_a_mention_still_answers_when_reactions_are_not_allowed(bot: SlackHarness):
    bot.fake.fail("reactions.add", "missing_scope")

    bot.event(mention("<@UBOT> Who won the cup?"))

    assert "Harbour FC" in bot.fake.wait_for("chat.postMessage")[0].text_and_blocks()
    assert bot.fake.calls_to("reactions.remove") == []


def test_a_direct_message_is_answered_in_the_dm(bot: SlackHarness):
    bot.event(direct_message("What did Mayor Alice Grant promise?"))

    posted = bot.fake.wait_for("chat.postMessage")[0]
    assert posted.params["channel"] == "D0MEMBER"
    assert "thread_ts" not in posted.params
    assert "Alice Grant" in posted.text_and_blocks()


def test_own_messages_edits_and_other_bots_are_ignored(bot: SlackHarness):
    bot.event(direct_message("who won the election?", user="UBOT", bot_id="BBOT"))
    bot.event(direct_message("who won the election?", subtype="message_changed"))
    bot.event(direct_message("who won the election?", subtype="bot_message", bot_id="BOTHER"))
    bot.event(mention("<@UBOT> who won?", bot_id="BOTHER"))
    bot.event(direct_message("who won the election?", channel_type="channel", channel="C0NEWS"))

    assert bot.fake.quiet_for(0.5, "chat.postMessage") == []


def test_a_redelivered_event_is_answered_once(bot: SlackHarness):
    event = mention("<@UBOT> Who won the cup final?")
    first = bot.event(event, event_id="Ev0RETRIED")
    bot.fake.wait_for("chat.postMessage")
    retries = [
        bot.event(
            event,
            event_id="Ev0RETRIED",
            headers={"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"},
        )
        for n in (1, 2)
    ]

    assert [r.status for r in (first, *retries)] == [200, 200, 200]
    assert bot.fake.quiet_for(0.5, "chat.postMessage") == []
    bot.event(mention("<@UBOT> Who won the election?", ts="1700000400.000400"), event_id="Ev0OTHER")
    assert len(bot.fake.wait_for("chat.postMessage", count=2)) == 2


# -- /timeline ------------------------------------------------------------------------------------


def test_timeline_posts_its_compact_lines_then_uploads_its_picture(bot: SlackHarness):
    bot.command("/timeline")

    lines = answers(bot.fake)
    completed = bot.fake.wait_for("files.completeUploadExternal")[0]
    assert lines.params["response_type"] == "in_channel"
    assert section_texts(lines)[0] == "*Timeline (3 dated events)*"
    assert (
        "• *2024-10-22* · A volcano erupted on Tuesday near the coastal town of Ashford."
        " — The Coast Herald" in section_texts(lines)[1]
    )
    upload_url = bot.fake.calls_to("files.getUploadURLExternal")[0]
    assert upload_url.params["filename"] == "timeline.png"
    (upload,) = bot.fake.calls_to(FILE_UPLOAD)
    assert upload.body.startswith(b"\x89PNG")
    assert int(upload_url.params["length"]) == len(upload.body)
    assert completed.params["channel_id"] == "C0NEWS"
    assert completed.params["files"][0]["title"] == "Timeline (3 dated events)"


def test_a_timeline_topic_narrows_it_and_an_unknown_topic_says_so(bot: SlackHarness):
    bot.command("/timeline", "volcano")
    narrowed = answers(bot.fake)
    bot.command("/timeline", "submarines")
    empty = answers(bot.fake, lambda call: "submarines" in call.params["text"])

    assert section_texts(narrowed)[0] == "*Timeline: volcano (1 dated event)*"
    assert empty.params["text"] == "No dated events about “submarines” in the articles."


def test_the_timeline_picture_asks_for_an_invite_where_the_bot_is_not_a_member(
    bot: SlackHarness,
):
    bot.fake.fail("files.completeUploadExternal", "not_in_channel")

    bot.command("/timeline")

    note = answers(bot.fake, lambda call: call.params["response_type"] == "ephemeral")
    assert note.params["text"] == escape(slack.PICTURE_NEEDS_INVITE)
    assert len(bot.fake.calls_to(RESPONSE_URL)) == 2


# -- /sources and /reload ------------------------------------------------------------------------


def test_sources_lists_every_article_with_its_link_privately(bot: SlackHarness):
    bot.command("/sources")

    call = answers(bot.fake)
    assert call.params["response_type"] == "ephemeral"
    listing = "\n".join(section_texts(call))
    assert VOLCANO_SOURCE in listing
    assert "<https://example.org/election|Mayor wins a second term>" in listing
    assert f"3 articles · version {bot.kb.version}" in context_texts(call)[0]


def test_reload_is_refused_to_a_member_who_is_not_a_moderator(bot: SlackHarness, add_article):
    add_article("storm", "A storm closed the harbour on Monday.")

    bot.command("/reload", user=MEMBER)

    call = answers(bot.fake)
    assert call.params["response_type"] == "ephemeral"
    assert call.params["text"] == refusal_text("reload", slack.MODERATORS)
    assert len(bot.kb.articles) == 3


def test_a_listed_moderator_gets_the_reload_report(
    bot: SlackHarness, add_article, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.INFO)
    add_article("storm", "A storm closed the harbour on Monday.")

    bot.command("/reload", user=MODERATOR)

    call = answers(bot.fake)
    assert call.params["response_type"] == "ephemeral"
    assert call.params["text"].startswith("Reloaded: now version")
    assert "Added: storm" in call.params["text"]
    assert f"Replicas: 1 of 1 on version {bot.kb.version}" in call.params["text"]
    assert len(bot.kb.articles) == 4
    assert "reload requested by umod (id UMOD)" in caplog.text
    assert bot.fake.calls_to("users.info") == []
    assert bot.fake.token not in caplog.text and SIGNING_SECRET not in caplog.text


def test_a_workspace_admin_may_reload_and_the_check_is_cached(bot: SlackHarness):
    bot.command("/reload", user=ADMIN)
    answers(bot.fake)
    bot.command("/reload", user=ADMIN)

    replies = bot.fake.wait_for(RESPONSE_URL, count=2)
    assert [r.params["text"].split(":")[0] for r in replies] == ["Nothing changed"] * 2
    assert len(bot.fake.calls_to("users.info")) == 1


# -- operations: /status, question log, health ----------------------------------------------------


def test_a_moderator_sees_the_status_with_the_last_reload(bot: SlackHarness):
    bot.command(slack.STATUS_COMMAND, user=MODERATOR)
    before = answers(bot.fake)
    bot.command("/reload", user=MODERATOR)
    answers(bot.fake, lambda call: call.path == "/respond/reload")
    bot.command(slack.STATUS_COMMAND, user=MODERATOR)
    after = bot.fake.wait_for(
        RESPONSE_URL, lambda call: call.path == "/respond/newsdesk-status", count=2
    )[1]

    assert before.params["response_type"] == "ephemeral"
    first, last_reload, uptime, aliases = before.params["text"].splitlines()
    assert first.startswith(f"Knowledge base version {bot.kb.version}: 3 articles, ")
    assert last_reload == "Last reload: none since start-up."
    assert uptime.startswith("Up ") and uptime.endswith("UTC).")
    assert aliases.startswith("Aliases: ")
    assert "by umod (id UMOD) on slack, Nothing changed" in after.params["text"]


def test_status_is_refused_to_a_member_who_is_not_a_moderator(bot: SlackHarness):
    bot.command(slack.STATUS_COMMAND, user=MEMBER)

    call = answers(bot.fake)
    assert call.params["response_type"] == "ephemeral"
    assert call.params["text"] == refusal_text("status", slack.MODERATORS)


class AnswerLog(logging.Handler):
    """Collects the adapter's question lines; a test waits for them with a bound."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []
        self.changed = threading.Condition()

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "event", None) == "answer":
            with self.changed:
                self.records.append(record)
                self.changed.notify_all()

    def wait_for(self, count: int, timeout: float = 5.0) -> list[logging.LogRecord]:
        with self.changed:
            if not self.changed.wait_for(lambda: len(self.records) >= count, timeout):
                raise AssertionError(f"{len(self.records)} question lines, not {count}")
            return list(self.records)


@pytest.fixture
def answer_log() -> Iterator[AnswerLog]:
    logger = logging.getLogger("bot.desk")
    handler, level = AnswerLog(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_each_question_is_logged_once_with_platform_latency_and_version_but_no_secret(
    bot: SlackHarness, answer_log: AnswerLog
):
    bot.command("/ask", VOLCANO_QUESTION)
    (answered,) = answer_log.wait_for(1)
    bot.event(mention("<@UBOT> What is the airspeed of an unladen swallow?"))
    _, declined = answer_log.wait_for(2)

    assert (answered.platform, answered.question, answered.answered) == (
        "slack",
        VOLCANO_QUESTION,
        True,
    )
    assert (declined.question, declined.answered) == (
        "What is the airspeed of an unladen swallow?",
        False,
    )
    for record in (answered, declined):
        assert (record.version, record.user) == (bot.kb.version, f"{bot.fake.team_id}:{MEMBER}")
        assert record.latency_ms > 0
        line = JsonFormatter().format(record)
        assert json.loads(line)["event"] == "answer"
        assert bot.fake.token not in line and SIGNING_SECRET not in line


def test_health_and_readiness_answer_on_the_port_of_slack_events(bot: SlackHarness):
    assert bot.get("/healthz") == (200, {"status": "ok"})
    status, ready = bot.get("/readyz")
    assert status == 200
    assert (ready["ready"], ready["index_loaded"], ready["chat_connected"]) == (True, True, True)
    assert (ready["platform"], ready["version"], ready["articles"]) == ("slack", bot.kb.version, 3)


# -- pure formatting -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slack_text", "typed"),
    [
        ("<@UBOT> what did Putin say?", "what did Putin say?"),
        ("<@UBOT> ask <@U42|ann> about <#C1|news>", "ask @ann about #news"),
        ("<!here> <!subteam^S1|@desk> news?", "@here @desk news?"),
        (
            "see <https://a.example/x?a=1&amp;b=2|the story> &amp; <https://b.example>",
            "see the story & https://b.example",
        ),
        ("I typed &lt;!channel&gt; literally", "I typed <!channel> literally"),
    ],
)
def test_slack_markup_becomes_the_text_the_user_typed(slack_text: str, typed: str):
    assert plain_text(slack_text, bot_user_id="UBOT") == typed


def test_a_highlight_spanning_lines_is_bold_on_each_line_and_hugs_its_words():
    opening, closing = HIGHLIGHT
    marked = f"Before{opening} first line\nsecond <line> {closing}after"

    assert quoted_mrkdwn(marked) == "> Before *first line*\n> *second &lt;line&gt;* after"


def test_a_highlight_touching_other_text_is_kept_apart_by_zero_width_spaces():
    """Slack reads a star as bold only at a word boundary: "said.*The*" would show the stars."""
    opening, closing = HIGHLIGHT
    marked = f"Putin said.{opening}The troops left.{closing}Then"

    assert quoted_mrkdwn(marked) == "> Putin said.\u200b*The troops left.*\u200bThen"


def test_a_token_slack_rejects_stops_the_bot_with_a_clear_error(kb: KnowledgeBase, fake: FakeSlack):
    settings = Settings(_env_file=None, slack_signing_secret=SIGNING_SECRET)
    client = WebClient(token="xoxb-revoked", base_url=fake.base_url, timeout=5)
    ops = Operations.build(kb, platform="slack")
    with slack.ThreadedOperations(ops) as threaded, pytest.raises(SystemExit, match="rejected"):
        slack.create_app(kb, settings, threaded, client=client)


def test_an_unreachable_slack_stops_the_bot_with_a_clear_error(kb: KnowledgeBase):
    with socket.socket() as closed:  # bound, never listening: connections are refused
        closed.bind(("127.0.0.1", 0))
        base_url = f"http://127.0.0.1:{closed.getsockname()[1]}/api/"
        settings = Settings(_env_file=None, slack_signing_secret=SIGNING_SECRET)
        client = WebClient(token="xoxb-any", base_url=base_url, timeout=5)
        ops = Operations.build(kb, platform="slack")
        with slack.ThreadedOperations(ops) as threaded, pytest.raises(SystemExit, match="reach"):
            slack.create_app(kb, settings, threaded, client=client)


def test_http_mode_without_a_signing_secret_stops_with_a_clear_error(kb: KnowledgeBase):
    settings = Settings(_env_file=None, slack_bot_token="xoxb-unused", slack_signing_secret=None)

    with pytest.raises(SystemExit, match="SLACK_SIGNING_SECRET"):
        slack.run(kb, settings, http=True)


def test_socket_mode_runs_with_an_app_token_and_its_readiness_follows_the_connection(
    kb: KnowledgeBase, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
):
    probes: list[tuple[int, dict[str, Any]]] = []
    ops = Operations.build(kb, platform="slack", health_host="127.0.0.1", health_port=0)

    class RecordingSocketModeHandler:
        """Stands in for Bolt's handler: "connects", and probes the health port meanwhile."""

        def __init__(self, app: Any, app_token: str) -> None:
            self.app, self.app_token = app, app_token
            self.connected = False
            self.client = self

        def is_connected(self) -> bool:
            return self.connected

        def start(self) -> None:
            assert ops.health is not None
            probes.append(get_json(f"http://127.0.0.1:{ops.health.port}/readyz"))
            self.connected = True
            probes.append(get_json(f"http://127.0.0.1:{ops.health.port}/readyz"))
            assert self.app.client.base_url == fake.base_url
            assert self.app_token == "xapp-1-socket"

    monkeypatch.setattr(
        "slack_bolt.adapter.socket_mode.SocketModeHandler", RecordingSocketModeHandler
    )
    monkeypatch.setattr(slack, "WebClient", lambda token: WebClient(token, fake.base_url))
    settings = Settings(_env_file=None, slack_bot_token=fake.token, slack_app_token="xapp-1-socket")

    slack.run(kb, settings, ops=ops)

    (before, before_body), (after, after_body) = probes
    assert (before, before_body["chat_connected"], before_body["index_loaded"]) == (
        503,
        False,
        True,
    )
    assert (after, after_body["ready"], after_body["platform"]) == (200, True, "slack")
    assert ops.health is not None
    with pytest.raises(urllib.error.URLError):
        get_json(f"http://127.0.0.1:{ops.health.port}/healthz")


def test_a_health_port_in_use_stops_start_up_and_leaves_no_thread_behind(kb: KnowledgeBase):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ops = Operations.build(kb, platform="slack", health_host="127.0.0.1", health_port=port)

        with pytest.raises(OSError):
            slack.ThreadedOperations(ops).start()

    assert not [thread for thread in threading.enumerate() if thread.name == "slack-ops"]


@pytest.mark.parametrize(
    ("argv", "health_port"),
    [
        (["slack", "--http", "--port", "3000"], 8080),
        (["slack", "--http", "--port", "8080"], None),
        (["slack", "--http", "--health-port", "9000"], 9000),
        (["slack"], 8080),
    ],
    ids=["beside", "same port as the events", "flag over setting", "socket mode"],
)
def test_the_command_line_serves_health_on_its_own_port_unless_slack_http_has_it(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, argv: list[str], health_port: int | None
):
    from bot import cli

    given: list[Operations] = []
    monkeypatch.setattr(slack, "run", lambda *args, ops, **options: given.append(ops))
    settings = Settings(_env_file=None, health_port=8080, slack_app_token="xapp-1-socket")

    cli.run_slack(kb, cli.build_parser().parse_args(argv), settings)

    (ops,) = given
    assert (ops.health.port if ops.health else None) == health_port


# -- guards --------------------------------------------------------------------------------------


def test_seen_events_forget_the_oldest_beyond_their_capacity():
    seen = SeenEvents(capacity=2)

    assert [seen.first_time(e) for e in ("Ev1", "Ev2", "Ev1", "Ev3")] == [True, True, False, True]
    assert seen.first_time("Ev1") is False
    assert seen.first_time("Ev2") is True


def test_an_admin_verdict_is_asked_again_after_its_ttl(fake: FakeSlack):
    now = [0.0]
    moderators = Moderators(["UMOD"], ttl=300, clock=lambda: now[0])
    client = WebClient(fake.token, fake.base_url)

    verdicts = [moderators.allows(ADMIN, client), moderators.allows(MEMBER, client)]
    verdicts.append(moderators.allows(ADMIN, client))
    now[0] = 301
    verdicts.append(moderators.allows(ADMIN, client))
    fake.add_user("UNEWADMIN", admin=True)
    fake.fail("users.info", "ratelimited")
    verdicts.append(moderators.allows("UNEWADMIN", client))
    verdicts.append(moderators.allows("UNEWADMIN", client))
    verdicts.append(moderators.allows("UMOD", client))

    assert verdicts == [True, False, True, True, False, True, True]
    asked = [call.params["user"] for call in fake.calls_to("users.info")]
    assert asked == [ADMIN, MEMBER, ADMIN, "UNEWADMIN", "UNEWADMIN"]


# -- threads, follow-ups, /add, rate limits, replicas -----------------------------------------------


def thread_message(text: str, thread_ts: str, ts: str = "1700000400.000400") -> dict[str, Any]:
    """A channel message in a thread, without a mention (``message.channels``)."""
    return {
        "type": "message",
        "channel_type": "channel",
        "user": MEMBER,
        "text": text,
        "ts": ts,
        "thread_ts": thread_ts,
        "channel": "C0NEWS",
    }


def test_a_follow_up_in_the_bots_thread_needs_no_mention_and_says_how_it_was_read(
    bot: SlackHarness,
):
    started = "1700000300.000300"
    bot.event(mention("<@UBOT> Who scored twice for Harbour FC?", ts=started))
    bot.fake.wait_for("chat.postMessage")
    bot.event(thread_message("when did they win the cup?", thread_ts=started))
    follow_up = bot.fake.wait_for("chat.postMessage", count=2)[1]
    assert follow_up.params["thread_ts"] == started
    assert "*Read as:* when did Harbour FC win the cup?" in context_texts(follow_up)
    assert "won the regional cup final" in follow_up.text_and_blocks()


def test_a_thread_message_where_the_bot_has_no_conversation_is_left_alone(bot: SlackHarness):
    bot.event(thread_message("did they win?", thread_ts="1700000999.000001"))
    bot.event(mention("<@UBOT> Who scored twice?", ts="1700000500.000500"))
    [answer] = bot.fake.wait_for("chat.postMessage")
    assert answer.params["thread_ts"] == "1700000500.000500"
    assert bot.fake.quiet_for(0.3, "chat.postMessage") == []


def test_slacks_manifest_registers_no_built_in_command_and_every_command_the_app_serves():
    manifest = yaml.safe_load((REPO / "slack" / "manifest.yml").read_text(encoding="utf-8"))
    registered = {entry["command"] for entry in manifest["features"]["slash_commands"]}
    built_in = {
        line.strip()
        for line in (Path(__file__).parent / "slack_builtin_commands.txt").read_text().splitlines()
        if line.startswith("/")
    }
    assert "/status" in built_in
    assert registered.isdisjoint(built_in)
    assert registered == set(slack.SLASH_COMMANDS)


def test_a_rate_limited_call_is_retried_after_slacks_retry_after(bot: SlackHarness):
    bot.fake.rate_limit("chat.postMessage", retry_after=1)
    bot.event(mention(f"<@UBOT> {VOLCANO_QUESTION}"))
    limited, posted = bot.fake.wait_for("chat.postMessage", count=2, timeout=10)
    assert limited.params == {"rate_limited": True}
    assert "Ashford" in posted.text_and_blocks()


FERRY = b"---\ntitle: Ferry strike\n---\nFerry crews in Ashford went on strike on Monday.\n"


@pytest.fixture
def adding_bot(kb: KnowledgeBase, fake: FakeSlack, tiny_kb_dir: Path) -> Iterator[SlackHarness]:
    options = {"adder": FolderAdder(tiny_kb_dir), "file_hosts": frozenset({"127.0.0.1"})}
    with running_bot(kb, fake, app_options=options, slack_moderator_ids=[MODERATOR]) as harness:
        harness.adder = options["adder"]  # type: ignore[attr-defined]
        yield harness


def test_a_moderator_adds_a_file_attached_to_a_mention(adding_bot: SlackHarness):
    file = adding_bot.fake.host_file("ferry.md", FERRY)
    adding_bot.event(mention("<@UBOT>", user=MODERATOR, files=[file]))
    [report] = adding_bot.fake.wait_for("chat.postEphemeral")
    assert report.params["user"] == MODERATOR
    assert "Added: ferry.md" in report.params["text"]
    assert "Reloaded: now version" in report.params["text"]
    assert adding_bot.fake.downloads == ["ferry.md"]
    assert adding_bot.adder.given[0].data == FERRY  # type: ignore[attr-defined]


def test_a_member_who_attaches_a_file_is_refused(adding_bot: SlackHarness):
    file = adding_bot.fake.host_file("ferry.md", FERRY)
    adding_bot.event(mention("<@UBOT>", files=[file]))
    [refusal] = adding_bot.fake.wait_for("chat.postEphemeral")
    assert refusal.params["text"] == refusal_text("add", slack.MODERATORS)
    assert adding_bot.fake.downloads == []


def test_a_file_not_on_slacks_file_host_is_refused(
    kb: KnowledgeBase, fake: FakeSlack, tiny_kb_dir: Path
):
    adder = FolderAdder(tiny_kb_dir)
    with running_bot(
        kb, fake, app_options={"adder": adder}, slack_moderator_ids=[MODERATOR]
    ) as bot:
        file = fake.host_file("ferry.md", FERRY)  # on 127.0.0.1, not files.slack.com
        bot.event(mention("<@UBOT>", user=MODERATOR, files=[file]))
        [refusal] = fake.wait_for("chat.postEphemeral")
    assert "not on this platform's own file host" in refusal.params["text"]
    assert fake.downloads == [] and adder.given == []


def test_add_with_a_url_reaches_the_add_function(adding_bot: SlackHarness):
    adding_bot.command("/add", "https://example.org/news", user=MODERATOR)
    report = answers(adding_bot.fake)
    assert report.params["response_type"] == "ephemeral"
    assert report.params["text"].startswith("Not added:")
    assert adding_bot.adder.given[0].url == "https://example.org/news"  # type: ignore[attr-defined]


def test_an_event_delivered_to_two_replicas_is_answered_once_through_redis(
    tiny_kb_dir: Path, fake: FakeSlack, redis_server: RedisServer
):
    with (
        running_bot(KnowledgeBase(tiny_kb_dir), fake, redis_url=redis_server.url) as first,
        running_bot(KnowledgeBase(tiny_kb_dir), fake, redis_url=redis_server.url) as second,
    ):
        event = mention(f"<@UBOT> {VOLCANO_QUESTION}")
        first.event(event, event_id="EvTWICE")
        second.event(event, event_id="EvTWICE", headers={"X-Slack-Retry-Num": "1"})
        second.event(mention("<@UBOT> Who scored twice?"), event_id="EvOTHER")
        posted = fake.wait_for("chat.postMessage", count=2)
        assert fake.quiet_for(0.3, "chat.postMessage") == []
    assert sum("Ashford" in call.text_and_blocks() for call in posted) == 1


def test_without_redis_a_second_replica_answers_a_redelivered_event_too(
    tiny_kb_dir: Path, fake: FakeSlack
):
    """Per process only: what Redis adds, shown by its absence."""
    with (
        running_bot(KnowledgeBase(tiny_kb_dir), fake) as first,
        running_bot(KnowledgeBase(tiny_kb_dir), fake) as second,
    ):
        event = mention(f"<@UBOT> {VOLCANO_QUESTION}")
        first.event(event, event_id="EvTWICE")
        second.event(event, event_id="EvTWICE")
        assert len(fake.wait_for("chat.postMessage", count=2)) == 2
