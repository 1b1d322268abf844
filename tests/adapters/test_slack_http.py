"""The Slack HTTP server's gates and limits, against the real Bolt app on 127.0.0.1.

Requests come over real sockets: ``urllib`` for whole requests, raw sockets for the slow,
stalled and excess connections an attacker would open.
"""

from __future__ import annotations

import json
import logging
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from fake_slack import RESPONSE_URL, FakeSlack
from slack_bolt.request import BoltRequest
from test_slack import (
    SIGNING_SECRET,
    VOLCANO_QUESTION,
    SlackHarness,
    running_bot,
    sign,
)

from bot.adapters.slack_http import HttpLimits
from bot.knowledge_base import KnowledgeBase

MARKER = "SECRET-LOOKING-MARKER"
TIGHT = HttpLimits(header_seconds=0.5, body_seconds=0.5, max_connections=3)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


@pytest.fixture
def bot(kb: KnowledgeBase, fake: FakeSlack) -> Iterator[SlackHarness]:
    with running_bot(kb, fake) as harness:
        yield harness


@pytest.fixture
def logged(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every record of every logger, from DEBUG up."""
    caplog.set_level(logging.DEBUG)
    return caplog


@pytest.fixture
def tight_bot(kb: KnowledgeBase, fake: FakeSlack) -> Iterator[SlackHarness]:
    with running_bot(kb, fake, limits=TIGHT) as harness:
        yield harness


def post_bytes(bot: SlackHarness, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(bot.url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def port_of(bot: SlackHarness) -> int:
    return int(bot.url.split(":")[2].split("/")[0])


def connect(bot: SlackHarness) -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", port_of(bot)), timeout=5)
    return connection


def read_until_closed(connection: socket.socket, seconds: float = 5.0) -> bytes:
    """Everything the server sends until it closes the connection; fails after ``seconds``."""
    connection.settimeout(seconds)
    received = b""
    while chunk := connection.recv(65536):
        received += chunk
    return received


def log_text(caplog: pytest.LogCaptureFixture) -> str:
    handler = logging.StreamHandler()
    lines = []
    for record in caplog.records:
        lines.append(handler.format(record))
        if record.exc_info:
            lines.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(lines)


def refusal_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if "refused" in record.getMessage()]


# -- 1. the body is capped and never logged ------------------------------------------------------


def test_a_body_over_a_megabyte_gets_413_and_one_short_line_without_the_body(
    bot: SlackHarness, logged: pytest.LogCaptureFixture
):
    body = (MARKER * 200_000).encode()  # 4.2 MB, unsigned
    status, _ = post_bytes(bot, body, {"Content-Type": "application/json"})

    assert status == 413
    assert MARKER not in log_text(logged)
    (line,) = refusal_lines(logged)
    assert "127.0.0.1" in line and "413" in line and len(line) < 200


def test_a_chunked_body_over_the_cap_is_cut_off_too(bot: SlackHarness):
    with connect(bot) as connection:
        connection.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"x" * 65536
        try:
            for _ in range(20):  # 1.3 MB, no Content-Length to refuse up front
                connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except OSError:
            pass  # the server may close before everything is sent
        assert read_until_closed(connection).startswith(b"HTTP/1.1 413")


def test_a_forged_request_is_refused_without_logging_its_body_or_headers(
    bot: SlackHarness, logged: pytest.LogCaptureFixture
):
    body = f"command=/ask&text={MARKER}&response_url={bot.fake.response_url()}"
    stamp = str(int(time.time()))
    status, _ = post_bytes(
        bot,
        body.encode(),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": f"v0={MARKER}",
            "User-Agent": MARKER,
        },
    )

    assert status == 401
    assert MARKER not in log_text(logged)
    (line,) = refusal_lines(logged)
    assert "invalid signature" in line and "127.0.0.1" in line
    assert bot.fake.quiet_for(0.3, RESPONSE_URL) == []


def test_bolts_own_signature_check_never_logs_the_body(
    bot: SlackHarness, logged: pytest.LogCaptureFixture
):
    """Should a request reach Bolt unchecked, its verification's INFO line (with the body) is
    dropped: the real Bolt app is given a forged request directly."""
    forged = BoltRequest(
        body=f"command=/ask&text={MARKER}",
        headers={
            "content-type": "application/x-www-form-urlencoded",
            "x-slack-request-timestamp": str(int(time.time())),
            "x-slack-signature": "v0=forged",
        },
    )
    app = _bolt_app_of(bot)

    assert app.dispatch(forged).status == 401
    assert MARKER not in log_text(logged)


def _bolt_app_of(bot: SlackHarness):
    """The App behind the harness, built the way ``running_bot`` builds it."""
    from slack_sdk import WebClient

    from bot.adapters import slack
    from bot.config import Settings

    config = Settings(_env_file=None, slack_signing_secret=SIGNING_SECRET)
    client = WebClient(token=bot.fake.token, base_url=bot.fake.base_url, timeout=5)
    return slack.create_app(bot.kb, config, slack.ThreadedOperations(bot.ops), client=client)


# -- 4. malformed requests: 400 or 401 and one line, no traceback ---------------------------------


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b"{not json", {"X-Slack-Signature": "v0=00"}, 401),
        (b'{"type": "\xff\xfe"}', {"X-Slack-Signature": "v0=00"}, 400),
        (b"{}", {"X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": "v0=00"}, 401),
        (b"{}", {"X-Slack-Request-Timestamp": "1e9", "X-Slack-Signature": "v0=00"}, 401),
        (b"{}", {"X-Slack-Signature": ""}, 401),
    ],
    ids=["invalid JSON", "invalid UTF-8", "word timestamp", "float timestamp", "no signature"],
)
def test_a_malformed_unauthenticated_request_gets_a_4xx_and_one_line(
    bot: SlackHarness,
    logged: pytest.LogCaptureFixture,
    body: bytes,
    headers: dict[str, str],
    status: int,
):
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": str(int(time.time())),
        **headers,
    }
    assert post_bytes(bot, body, headers)[0] == status
    assert len(refusal_lines(logged)) == 1
    assert not [record for record in logged.records if record.exc_info]
    assert "Traceback" not in log_text(logged)


def test_a_signed_body_that_is_not_json_gets_400_and_no_traceback(
    bot: SlackHarness, logged: pytest.LogCaptureFixture
):
    body, stamp = "{not json", str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": sign(body, stamp),
    }
    assert post_bytes(bot, body.encode(), headers)[0] == 400
    assert len(refusal_lines(logged)) == 1
    assert not [record for record in logged.records if record.exc_info]


def wait_until(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Polls ``condition`` every 10 ms; fails the test after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        time.sleep(0.01)


# -- 3. read timeouts and a bounded number of connections ------------------------------------------


def test_an_idle_connection_is_closed_after_the_header_timeout(tight_bot: SlackHarness):
    with connect(tight_bot) as connection:
        assert read_until_closed(connection) == b""


def test_a_header_sent_byte_by_byte_is_cut_off_at_the_header_timeout(tight_bot: SlackHarness):
    with connect(tight_bot) as connection:
        connection.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n")
        closed = False
        for _ in range(40):  # 4 s of "X-Slow: ..." a byte at a time, far past 0.5 s
            try:
                connection.sendall(b"X")
            except OSError:
                closed = True
                break
            time.sleep(0.1)
        if not closed:
            assert read_until_closed(connection, 1.0) == b""


def test_a_stalled_body_gets_408_after_the_body_timeout(tight_bot: SlackHarness):
    with connect(tight_bot) as connection:
        connection.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100\r\n\r\n{"type":'
        )
        assert read_until_closed(connection).startswith(b"HTTP/1.1 408")


def test_connections_beyond_the_limit_get_503_and_the_server_recovers(
    kb: KnowledgeBase, fake: FakeSlack, logged: pytest.LogCaptureFixture
):
    limits = HttpLimits(header_seconds=30, max_connections=3)
    with running_bot(kb, fake, limits=limits) as bot, ExitStack() as held:
        for _ in range(limits.max_connections):
            held.enter_context(connect(bot))
        wait_until(lambda: bot.server.open_connections == limits.max_connections)
        for _ in range(5):
            with connect(bot) as excess:
                assert read_until_closed(excess).startswith(b"HTTP/1.1 503")
        held.close()
        wait_until(lambda: bot.server.open_connections == 0)
        assert bot.command("/ask", VOLCANO_QUESTION).status == 200
        assert "Ashford" in fake.wait_for(RESPONSE_URL)[0].text_and_blocks()
    (line,) = [r.getMessage() for r in logged.records if "(503)" in r.getMessage()]
    assert "3 connections open" in line and "127.0.0.1" in line


# -- health on the same port ----------------------------------------------------------------------


def test_health_answers_get_and_head_and_nothing_else(bot: SlackHarness):
    port = port_of(bot)
    head = urllib.request.Request(f"http://127.0.0.1:{port}/readyz", method="HEAD")
    with urllib.request.urlopen(head, timeout=5) as response:
        assert (response.status, response.read()) == (200, b"")
    for method, path, status in (("POST", "/healthz", 404), ("GET", "/slack/events", 405)):
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method)
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == status


def test_the_replica_is_unready_once_the_server_stops(kb: KnowledgeBase, fake: FakeSlack):
    with running_bot(kb, fake) as bot:
        assert bot.ops.chat_connected
        status, body = bot.get("/readyz")
        assert status == 200 and body["ready"]
    assert not bot.ops.chat_connected
    assert not json.loads(json.dumps(bot.ops.readiness()))["ready"]


@pytest.mark.parametrize(
    "raw",
    [
        f"{MARKER} /slack/events HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
        f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: {MARKER}\r\n\r\n".encode(),
        f"POST /slack/events HTTP/1.1\r\nX-{MARKER}: {'y' * 10000}\r\n\r\n".encode(),
    ],
    ids=["bad method", "bad length", "huge header"],
)
def test_a_request_that_is_not_http_is_refused_without_logging_its_bytes(
    bot: SlackHarness, logged: pytest.LogCaptureFixture, raw: bytes
):
    with connect(bot) as connection:
        connection.sendall(raw)
        assert read_until_closed(connection)[:10] in (b"HTTP/1.0 4", b"HTTP/1.1 4")
    assert MARKER not in log_text(logged)
    (line,) = refusal_lines(logged)
    assert "not valid HTTP" in line and "127.0.0.1" in line
