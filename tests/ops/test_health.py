"""Health and readiness over aiohttp and in front of a WSGI app, on 127.0.0.1 ephemeral ports."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from wsgiref.simple_server import WSGIServer, make_server

import aiohttp
import pytest

from bot.knowledge_base import KnowledgeBase
from bot.ops.health import HealthServer, Readiness, with_health

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


# -- WSGI (the Slack HTTP server) ----------------------------------------------------------------


def slack_stand_in(environ, start_response):
    """What Bolt's WSGI handler does with a path it does not serve."""
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"not the health app"]


@pytest.fixture
def wsgi_server(readiness: Readiness) -> Iterator[WSGIServer]:
    server = make_server("127.0.0.1", 0, with_health(slack_stand_in, readiness))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def wsgi_get(server: WSGIServer, path: str, method: str = "GET") -> tuple[int, bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{server.server_port}{path}", method=method)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_the_wsgi_wrapper_answers_health_and_readiness(
    wsgi_server: WSGIServer, readiness: Readiness
):
    assert wsgi_get(wsgi_server, "/healthz") == (200, b'{"status": "ok"}')
    status, body = wsgi_get(wsgi_server, "/readyz")
    assert status == 503 and json.loads(body)["chat_connected"] is False
    readiness.chat_connected = True
    status, body = wsgi_get(wsgi_server, "/readyz")
    assert status == 200 and json.loads(body)["version"] == readiness.kb.version


def test_the_wsgi_wrapper_passes_every_other_request_through(wsgi_server: WSGIServer):
    assert wsgi_get(wsgi_server, "/slack/events") == (404, b"not the health app")
    assert wsgi_get(wsgi_server, "/healthz", method="POST") == (404, b"not the health app")


def test_a_head_request_gets_the_status_without_a_body(wsgi_server: WSGIServer):
    assert wsgi_get(wsgi_server, "/readyz", method="HEAD") == (503, b"")
