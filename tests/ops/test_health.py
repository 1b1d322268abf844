"""Health and readiness over aiohttp, on 127.0.0.1 ephemeral ports (the Slack HTTP server's own
answers are tested with it, in tests/adapters/test_slack_http.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.knowledge_base import KnowledgeBase
from bot.ops.health import HealthServer, Readiness

TIMEOUT = aiohttp.ClientTimeout(total=5)


@pytest.fixture
def readiness(tiny_kb_dir: Path) -> Readiness:
    return Readiness(KnowledgeBase(tiny_kb_dir), details=lambda: {"replica": "r1"})


@pytest.fixture
async def server(readiness: Readiness) -> AsyncIterator[HealthServer]:
    async with HealthServer("127.0.0.1", 0, readiness) as running:
        yield running


async def get(server: HealthServer, path: str) -> tuple[int, dict]:
    async with (
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
        session.get(f"http://127.0.0.1:{server.port}{path}") as response,
    ):
        return response.status, await response.json()


async def test_healthz_is_ok_while_the_process_runs(server: HealthServer):
    assert server.port != 0
    assert await get(server, "/healthz") == (200, {"status": "ok"})


async def test_readyz_is_503_until_the_chat_connection_is_up(
    server: HealthServer, readiness: Readiness
):
    status, body = await get(server, "/readyz")
    assert status == 503
    assert body["ready"] is False and body["index_loaded"] is True
    assert body["chat_connected"] is False

    readiness.chat_connected = True
    status, body = await get(server, "/readyz")
    assert status == 200
    assert body["ready"] is True
    assert body["version"] == readiness.kb.version
    assert (body["articles"], body["replica"]) == (3, "r1")
    assert body["passages"] >= 3


def test_a_connection_check_is_asked_on_every_probe(readiness: Readiness):
    connection = {"up": False}
    readiness.chat_check = lambda: connection["up"]
    readiness.chat_connected = True
    assert readiness()["ready"] is False
    connection["up"] = True
    assert readiness()["ready"] is True


async def test_without_a_knowledge_base_the_replica_is_not_ready():
    async with HealthServer("127.0.0.1", 0, Readiness(chat_connected=True)) as server:
        status, body = await get(server, "/readyz")
    assert status == 503
    assert body["index_loaded"] is False and body["version"] is None


async def test_a_failing_probe_makes_readyz_503_but_healthz_stays_ok():
    def broken() -> dict:
        raise RuntimeError("probe bug")

    async with HealthServer("127.0.0.1", 0, broken) as server:
        assert await get(server, "/readyz") == (
            503,
            {"ready": False, "error": "readiness probe failed"},
        )
        assert (await get(server, "/healthz"))[0] == 200


async def test_other_paths_are_not_found(server: HealthServer):
    async with (
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
        session.get(f"http://127.0.0.1:{server.port}/metrics") as response,
    ):
        assert response.status == 404


async def test_a_stopped_server_releases_its_port(readiness: Readiness):
    server = HealthServer("127.0.0.1", 0, readiness)
    await server.start()
    port = server.port
    await server.stop()
    with pytest.raises(aiohttp.ClientConnectionError):
        async with (
            aiohttp.ClientSession(timeout=TIMEOUT) as session,
            session.get(f"http://127.0.0.1:{port}/healthz"),
        ):
            pass
