"""A burst of signed ``/ask`` commands against Slack's HTTP mode, in a process of its own.

    python benchmarks/bench_slack_http.py [--commands 300] [--at-once 30] [--kb knowledge]

Starts the bot's HTTP server in a child process (the production app and server; only its
``WebClient`` points at a local fake Slack), sends ``--commands`` signed ``/ask`` commands,
``--at-once`` at a time, each on a new connection as Slack opens them, and counts:

- acknowledged: HTTP 200 within Slack's 3 s;
- answered: a reply posted to the command's own ``response_url`` (the fake) within 60 s;
- ack latency: median, p99 and slowest, from sending the request to reading the answer.

The baseline, measured in the same run, is the server the bot used before: the standard
library's threaded WSGI server (``wsgiref`` with ``ThreadingMixIn``, listen backlog 5) with
Bolt's WSGI adapter, over the same app. ``--server`` runs only one of the two.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from bundled_questions import ANSWERED as QUESTIONS

SIGNING_SECRET = "benchmark-signing-secret"
TOKEN = "xoxb-benchmark"
ACK_SECONDS = 3.0
ANSWER_SECONDS = 60.0
SERVERS = ("wsgi", "aiohttp")


# -- the bot's side (child process) ----------------------------------------------------------------


def serve(server: str, port: int, slack_url: str, kb_dir: str) -> None:
    """The production app on ``server``; the fake Slack stands in for slack.com."""
    from slack_sdk import WebClient

    from bot.adapters import slack
    from bot.config import Settings
    from bot.knowledge_base import KnowledgeBase
    from bot.logs import configure_logging
    from bot.ops.runtime import Operations

    configure_logging("INFO", "plain")
    kb = KnowledgeBase(kb_dir)
    settings = Settings(
        _env_file=None,
        slack_signing_secret=SIGNING_SECRET,
        cooldown_seconds=0,
        knowledge_dir=kb_dir,
    )
    ops = Operations.build(kb, platform="slack")
    client = WebClient(token=TOKEN, base_url=f"{slack_url}/api/", timeout=30)
    with slack.ThreadedOperations(ops) as threaded:
        app = slack.create_app(kb, settings, threaded, client=client)
        if server == "aiohttp":
            from bot.adapters.slack_http import SlackHttpServer, serve_forever

            http = SlackHttpServer(app, SIGNING_SECRET, ops.readiness, host="127.0.0.1", port=port)
            serve_forever(http, ops)
        else:
            _serve_wsgi(app, port)


def _serve_wsgi(app: object, port: int) -> None:
    """The server of the bot before the aiohttp one, as it was."""
    from socketserver import ThreadingMixIn
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    from slack_bolt.adapter.wsgi import SlackRequestHandler

    class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
        daemon_threads = True

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

    handler = SlackRequestHandler(app, path="/slack/events")  # type: ignore[arg-type]

    def with_ready(environ, start_response):  # type: ignore[no-untyped-def]
        if environ.get("PATH_INFO") == "/readyz":
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok"]
        return handler(environ, start_response)

    make_server(
        "127.0.0.1", port, with_ready, server_class=ThreadingWSGIServer, handler_class=QuietHandler
    ).serve_forever()


# -- the fake Slack and the load (parent process) ------------------------------------------------


class FakeSlack:
    """auth.test for the app's start, and the response URLs the answers are posted to."""

    def __init__(self) -> None:
        self.answered: dict[str, float] = {}
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/auth.test", self._auth_test)
        app.router.add_post("/respond/{id}", self._respond)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        self.url = f"http://127.0.0.1:{self.runner.addresses[0][1]}"

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    async def _auth_test(self, request: web.Request) -> web.Response:
        return web.json_response(
            {"ok": True, "team_id": "T0", "user_id": "UBOT", "bot_id": "B0", "team": "Bench"}
        )

    async def _respond(self, request: web.Request) -> web.Response:
        await request.read()
        self.answered.setdefault(request.match_info["id"], time.perf_counter())
        return web.Response(text="ok")


@dataclass
class Result:
    server: str
    commands: int
    acknowledged: int
    answered: int
    errors: dict[str, int]
    ack_ms: list[float]
    seconds: float

    def line(self) -> str:
        ms = sorted(self.ack_ms) or [float("nan")]
        p99 = ms[min(len(ms) - 1, int(0.99 * len(ms)))]
        errors = ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items())) or "none"
        return (
            f"{self.server:8} acknowledged {self.acknowledged}/{self.commands} within "
            f"{ACK_SECONDS:g} s, answered {self.answered}/{self.commands}; ack ms median "
            f"{statistics.median(ms):.1f}, p99 {p99:.1f}, max {ms[-1]:.1f}; "
            f"errors: {errors}; {self.seconds:.1f} s"
        )


def signed_command(index: int, response_url: str) -> tuple[bytes, dict[str, str]]:
    body = urlencode(
        {
            "team_id": "T0",
            "channel_id": "C0",
            "user_id": f"U{index:05d}",
            "user_name": f"user{index}",
            "command": "/ask",
            "text": QUESTIONS[index % len(QUESTIONS)],
            "response_url": response_url,
            "trigger_id": f"t{index}",
        }
    )
    stamp = str(int(time.time()))
    digest = hmac.new(SIGNING_SECRET.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={digest.hexdigest()}",
    }
    return body.encode(), headers


async def burst(server: str, url: str, fake: FakeSlack, commands: int, at_once: int) -> Result:
    gate = asyncio.Semaphore(at_once)
    ack_ms: list[float] = []
    errors: dict[str, int] = {}
    acknowledged = 0
    connector = aiohttp.TCPConnector(limit=at_once, force_close=True)
    timeout = aiohttp.ClientTimeout(total=ACK_SECONDS)
    fake.answered.clear()

    async def one(session: aiohttp.ClientSession, index: int) -> None:
        nonlocal acknowledged
        body, headers = signed_command(index, f"{fake.url}/respond/{index}")
        async with gate:
            started = time.perf_counter()
            try:
                async with session.post(url, data=body, headers=headers) as response:
                    await response.read()
                    status = response.status
            except (aiohttp.ClientError, TimeoutError) as error:
                name = type(error).__name__
                errors[name] = errors.get(name, 0) + 1
                return
            ack_ms.append((time.perf_counter() - started) * 1000)
            if status == 200:
                acknowledged += 1
            else:
                errors[f"HTTP {status}"] = errors.get(f"HTTP {status}", 0) + 1

    started = time.perf_counter()
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        await asyncio.gather(*(one(session, index) for index in range(commands)))
    deadline = time.monotonic() + ANSWER_SECONDS
    while len(fake.answered) < acknowledged and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return Result(
        server,
        commands,
        acknowledged,
        len(fake.answered),
        errors,
        ack_ms,
        time.perf_counter() - started,
    )


async def run_one(server: str, args: argparse.Namespace, fake: FakeSlack) -> Result:
    port = free_port()
    command = [sys.executable, __file__, "--serve", server, "--port", str(port)]
    command.extend(["--slack", fake.url, "--kb", str(args.kb)])
    child = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    try:
        await ready(f"http://127.0.0.1:{port}/readyz")
        return await burst(
            server, f"http://127.0.0.1:{port}/slack/events", fake, args.commands, args.at_once
        )
    finally:
        child.terminate()
        child.wait(timeout=10)


async def ready(url: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
        while time.monotonic() < deadline:
            try:
                async with session.get(url) as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError(f"the bot did not become ready at {url}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def main(args: argparse.Namespace) -> None:
    fake = FakeSlack()
    await fake.start()
    try:
        for server in [args.server] if args.server else SERVERS:
            print((await run_one(server, args, fake)).line(), flush=True)
    finally:
        await fake.stop()


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commands", type=int, default=300)
    parser.add_argument("--at-once", type=int, default=30)
    parser.add_argument("--kb", type=Path, default=Path("knowledge"))
    parser.add_argument("--server", choices=SERVERS, help="only this server (default: both)")
    parser.add_argument("--serve", choices=SERVERS, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--slack", help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.serve:
        serve(arguments.serve, arguments.port, arguments.slack, str(arguments.kb))
    else:
        asyncio.run(main(arguments))
