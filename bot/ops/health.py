"""``GET /healthz`` (the process is up) and ``GET /readyz`` (it can answer) for orchestrators.

One pure function decides both answers (``health_response``); ``HealthServer`` serves them over
aiohttp beside the Discord and Socket Mode adapters, and the Slack HTTP server
(``bot.adapters.slack_http``) answers them on its own port, so every surface reports the same JSON.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    from bot.knowledge_base import KnowledgeBase

log = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
ReadinessProbe = Callable[[], Mapping[str, Any]]
"""Returns the readiness report; its ``"ready"`` value decides between 200 and 503."""


@dataclass(frozen=True)
class HealthResponse:
    status: int
    body: Mapping[str, Any]

    def json_bytes(self) -> bytes:
        return json.dumps(self.body, default=str).encode()


def health_response(path: str, ready: ReadinessProbe) -> HealthResponse | None:
    """The answer for a health path, or None when ``path`` is not one.

    A probe that raises makes the replica unready (503) but never takes ``/healthz`` down.
    """
    if path == HEALTH_PATH:
        return HealthResponse(200, {"status": "ok"})
    if path != READY_PATH:
        return None
    try:
        report = dict(ready())
    except Exception:
        log.exception("the readiness probe failed")
        report = {"ready": False, "error": "readiness probe failed"}
    return HealthResponse(200 if report.get("ready") else 503, report)


@dataclass
class Readiness:
    """The readiness report of one replica.

    The adapter either flips ``chat_connected`` as its connection comes and goes, or gives a
    ``chat_check`` asked on every probe (e.g. Socket Mode's ``client.is_connected``).
    ``details`` adds fields such as the replica id, shard ids or the Redis state.
    """

    kb: KnowledgeBase | None = None
    chat_connected: bool = False
    chat_check: Callable[[], bool] | None = None
    details: Callable[[], Mapping[str, Any]] = field(default=dict)

    def connected(self) -> bool:
        return self.chat_connected if self.chat_check is None else bool(self.chat_check())

    def __call__(self) -> dict[str, Any]:
        snapshot = self.kb.snapshot if self.kb is not None else None
        connected = self.connected()
        return {
            "ready": snapshot is not None and connected,
            "index_loaded": snapshot is not None,
            "chat_connected": connected,
            "version": snapshot.version if snapshot else None,
            "articles": len(snapshot.articles) if snapshot else 0,
            "passages": len(snapshot.passages) if snapshot else 0,
            **self.details(),
        }


class HealthServer:
    """An aiohttp server for the two health paths; ``port=0`` picks a free port."""

    def __init__(self, host: str, port: int, ready: ReadinessProbe) -> None:
        self.host = host
        self.port = port
        self.ready = ready
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get(HEALTH_PATH, self._handle)
        app.router.add_get(READY_PATH, self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        self.port = self._runner.addresses[0][1]
        log.info("health: GET %s and %s on %s:%d", HEALTH_PATH, READY_PATH, self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> HealthServer:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def _handle(self, request: web.Request) -> web.Response:
        response = health_response(request.path, self.ready)
        assert response is not None, "only the health paths are routed here"
        return web.Response(
            status=response.status, body=response.json_bytes(), content_type="application/json"
        )
