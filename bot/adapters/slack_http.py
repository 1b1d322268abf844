"""Slack's HTTP mode: an aiohttp server in front of the Bolt app, with the limits an open port needs.

Anyone on the internet can reach ``POST /slack/events``, so every request passes these gates
before Bolt sees it, each refusal logged as one short line (reason, status, peer address; never
a header value or a byte of the body):

1. the body is at most ``max_body_bytes`` (413), read within ``body_seconds`` (408);
2. ``X-Slack-Request-Timestamp`` is a number and ``X-Slack-Signature`` is present (401);
3. the body is UTF-8 (400);
4. the signature is Slack's, checked by slack_sdk's ``SignatureVerifier`` (401);
5. the body parses as the JSON or form Slack sends (400).

The request line and headers must arrive within ``header_seconds`` of the connection opening
(aiohttp's keep-alive timer covers a connection until its first request is read, and between
requests), at most ``max_connections`` connections are served at once (the next gets a 503 and
is closed), and the listen backlog is ``backlog``. The Bolt app itself is synchronous: its
``dispatch`` runs on a bounded thread pool, returns once the listener has acknowledged, and the
listener carries on with the work on Bolt's own executor.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from slack_bolt import App
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.request import BoltRequest
from slack_sdk.signature import SignatureVerifier

from bot.ops.health import ReadinessProbe, health_response
from bot.ops.loop import BackgroundLoop

if TYPE_CHECKING:
    from bot.ops.runtime import Operations

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
BOLT_VERIFICATION_LOGGER = "slack_bolt.RequestVerification"
"""Bolt logs a failed signature check here at INFO, with the whole body; kept at WARNING."""
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_OVERLOADED = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
    b"Content-Length: 5\r\nConnection: close\r\n\r\nbusy\n"
)


@dataclass(frozen=True)
class HttpLimits:
    """The HTTP server's limits; the defaults are documented in docs/operations.md."""

    max_body_bytes: int = 1_000_000
    """Slack's own payloads are a few kilobytes; a modal's view state stays far below this."""
    header_seconds: float = 10.0
    """From the connection opening (or the end of the previous request) to a complete header."""
    body_seconds: float = 10.0
    """From the end of the header to the last byte of the body."""
    max_connections: int = 1000
    backlog: int = 1024
    """Connections the kernel queues before the server accepts them (the stdlib's default is 5)."""
    dispatch_threads: int = 64
    """Requests handed to Bolt at once; each holds its thread only until the listener acks."""
    lingering_seconds: float = 2.0
    """How long the unread rest of a refused body is read and dropped before the socket closes."""


DEFAULT_LIMITS = HttpLimits()


@dataclass(frozen=True)
class Refusal(Exception):
    """A request turned away before Bolt saw it."""

    status: int
    reason: str


class _BoundedServer(web.Server):
    """aiohttp's low-level server, answering 503 to connections beyond ``max_connections``.

    A flood of connections is logged as one line per ``OVERLOAD_LOG_SECONDS``, with a count.
    """

    OVERLOAD_LOG_SECONDS = 10.0

    def __init__(self, handler: object, *, max_connections: int, **kwargs: object) -> None:
        super().__init__(handler, **kwargs)  # type: ignore[arg-type]
        self.max_connections = max_connections
        self._refused = 0
        self._logged_at = float("-inf")

    def connection_made(self, handler: web.RequestHandler, transport: asyncio.Transport) -> None:
        super().connection_made(handler, transport)
        if len(self.connections) <= self.max_connections:
            return
        transport.write(_OVERLOADED)
        handler.force_close()
        transport.close()
        self._refused += 1
        now = asyncio.get_running_loop().time()
        if now - self._logged_at >= self.OVERLOAD_LOG_SECONDS:
            log.warning(
                "slack http: %d connections open, the most allowed; refused %d (503), the "
                "last from %s",
                self.max_connections,
                self._refused,
                _host(transport.get_extra_info("peername")),
            )
            self._refused, self._logged_at = 0, now


class SlackHttpServer:
    """``POST /slack/events`` for a Bolt app, plus ``GET /healthz`` and ``/readyz``."""

    def __init__(
        self,
        app: App,
        signing_secret: str,
        ready: ReadinessProbe,
        *,
        host: str = "0.0.0.0",
        port: int = 3000,
        limits: HttpLimits = DEFAULT_LIMITS,
    ) -> None:
        self.app = app
        self.ready = ready
        self.host = host
        self.port = port
        self.limits = limits
        self._verifier = SignatureVerifier(signing_secret)
        self._executor: ThreadPoolExecutor | None = None
        self._runner: web.ServerRunner | None = None
        quiet_bolt_signature_log()

    async def start(self) -> None:
        """Listen; ``port`` becomes the bound port (``port=0`` picks a free one)."""
        limits = self.limits
        self._executor = ThreadPoolExecutor(
            limits.dispatch_threads, thread_name_prefix="slack-http"
        )
        server = _BoundedServer(
            self._handle,
            max_connections=limits.max_connections,
            keepalive_timeout=limits.header_seconds,
            lingering_time=limits.lingering_seconds,
            access_log=None,
            logger=_ServerLog(),
        )
        self._runner = web.ServerRunner(server)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, backlog=limits.backlog)
        await site.start()
        self.port = self._runner.addresses[0][1]

    @property
    def open_connections(self) -> int:
        """Connections the server holds now, the refused ones included until they close."""
        return len(self._runner.server.connections) if self._runner is not None else 0

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    async def _handle(self, request: web.BaseRequest) -> web.StreamResponse:
        if request.method in ("GET", "HEAD"):
            health = health_response(request.path, self.ready)
            if health is not None:
                return web.Response(
                    status=health.status, body=health.json_bytes(), content_type="application/json"
                )
        if request.path != EVENTS_PATH:
            return web.Response(status=404, text="not found")
        if request.method != "POST":
            return web.Response(status=405, text="POST only", headers={"Allow": "POST"})
        try:
            bolt_request = await self._authenticated(request)
        except Refusal as refusal:
            log.info(
                "slack http: refused a request from %s: %s (%d)",
                request.remote or "?",
                refusal.reason,
                refusal.status,
            )
            response = web.Response(status=refusal.status, text=refusal.reason)
            if refusal.status in (408, 413):
                response.force_close()
            return response
        assert self._executor is not None
        loop = asyncio.get_running_loop()
        bolt_response = await loop.run_in_executor(self._executor, self.app.dispatch, bolt_request)
        return await to_aiohttp_response(bolt_response)

    async def _authenticated(self, request: web.BaseRequest) -> BoltRequest:
        """The request as Bolt takes it, once it passed every gate; else ``Refusal``."""
        body = await self._body(request)
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature", "")
        if not _TIMESTAMP.fullmatch(timestamp) or not signature:
            raise Refusal(401, "missing or malformed signature headers")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise Refusal(400, "body is not UTF-8") from None
        if not self._verifier.is_valid(text, timestamp, signature):
            raise Refusal(401, "invalid signature or stale timestamp")
        try:
            return BoltRequest(body=text, query=request.query_string, headers=dict(request.headers))
        except Exception:  # Bolt's parse_body: json.loads and friends
            raise Refusal(400, "signed, but not a payload Slack sends") from None

    async def _body(self, request: web.BaseRequest) -> bytes:
        limit = self.limits.max_body_bytes
        if request.content_length is not None and request.content_length > limit:
            raise Refusal(413, f"body over {limit:,} bytes")
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(self.limits.body_seconds):
                async for chunk in request.content.iter_any():
                    size += len(chunk)
                    if size > limit:
                        raise Refusal(413, f"body over {limit:,} bytes")
                    chunks.append(chunk)
        except TimeoutError:
            raise Refusal(408, f"body not received within {self.limits.body_seconds:g} s") from None
        return b"".join(chunks)


class _ServerLog:
    """What aiohttp's server logs, through here: a request that is not valid HTTP (a bad method,
    a malformed header, a header over 8 KB) becomes the same one short line as the other
    refusals, without aiohttp's traceback, which quotes the offending bytes."""

    def debug(self, msg: str, *args: object, exc_info: object = None, **_: object) -> None:
        self._log(logging.DEBUG, msg, args, exc_info)

    def exception(self, msg: str, *args: object, exc_info: object = True, **_: object) -> None:
        self._log(logging.ERROR, msg, args, exc_info)

    def error(self, msg: str, *args: object, exc_info: object = None, **_: object) -> None:
        self._log(logging.ERROR, msg, args, exc_info)

    def warning(self, msg: str, *args: object, exc_info: object = None, **_: object) -> None:
        self._log(logging.WARNING, msg, args, exc_info)

    def info(self, msg: str, *args: object, exc_info: object = None, **_: object) -> None:
        self._log(logging.INFO, msg, args, exc_info)

    @staticmethod
    def _log(level: int, msg: str, args: tuple[object, ...], exc_info: object) -> None:
        if isinstance(exc_info, HttpProcessingError):
            peer = args[0] if args else "?"
            log.info(
                "slack http: refused a request from %s: not valid HTTP (%d)", peer, exc_info.code
            )
            return
        log.log(level, msg, *args, exc_info=exc_info)  # type: ignore[arg-type]


def quiet_bolt_signature_log() -> None:
    """Keep Bolt's own "Invalid request signature ... body: ..." line out of the log.

    Our server refuses such requests before Bolt sees them; this holds should one get through.
    Bolt resets the logger's level whenever an ``App`` is built, so a filter does the work.
    """
    logger = logging.getLogger(BOLT_VERIFICATION_LOGGER)
    logger.setLevel(logging.WARNING)
    if not any(isinstance(f, _DropBelowWarning) for f in logger.filters):
        logger.addFilter(_DropBelowWarning())


class _DropBelowWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


def _host(peer: object) -> str:
    """The peer's address (no port), or "?" when the transport is already gone."""
    if isinstance(peer, tuple) and peer:
        return str(peer[0])
    return "?"


@contextmanager
def serving(server: SlackHttpServer, ops: Operations) -> Iterator[SlackHttpServer]:
    """The server listening on a loop of its own thread until the block ends (tests, benchmarks).

    The replica is ready from the moment the server listens.
    """
    with BackgroundLoop("slack-http") as loop:
        loop.run(server.start())
        ops.chat_connected = True
        try:
            yield server
        finally:
            ops.chat_connected = False
            loop.run(server.stop())


def serve_forever(server: SlackHttpServer, ops: Operations) -> None:
    """Serve on the calling thread until interrupted (Ctrl-C raises ``KeyboardInterrupt``)."""

    async def main() -> None:
        await server.start()
        ops.chat_connected = True
        try:
            await asyncio.Event().wait()
        finally:
            ops.chat_connected = False
            await server.stop()

    asyncio.run(main())
