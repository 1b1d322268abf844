"""One adapter process's ops parts held together: readiness, health, reload and /status."""

from __future__ import annotations

from pathlib import Path

import aiohttp

from bot.knowledge_base import KnowledgeBase
from bot.ops.runtime import Operations
from tests.conftest import write_article
from tests.redis_server import RedisServer

TIMEOUT = aiohttp.ClientTimeout(total=5)


async def readyz(port: int) -> tuple[int, dict]:
    async with (
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
        session.get(f"http://127.0.0.1:{port}/readyz") as response,
    ):
        return response.status, await response.json()


async def test_readiness_follows_the_chat_connection_and_names_the_replica(tiny_kb_dir: Path):
    kb = KnowledgeBase(tiny_kb_dir)
    ops = Operations.build(
        kb, platform="discord", replica_id="shard-0", health_host="127.0.0.1", health_port=0
    )
    async with ops:
        assert ops.health is not None
        status, body = await readyz(ops.health.port)
        assert status == 503 and body["chat_connected"] is False
        ops.chat_connected = True
        status, body = await readyz(ops.health.port)
    assert status == 200
    assert (body["platform"], body["replica"], body["redis"]) == ("discord", "shard-0", "off")
    assert body["version"] == kb.version


async def test_a_reload_is_reported_and_recorded_for_status(tiny_kb_dir: Path):
    ops = Operations.build(KnowledgeBase(tiny_kb_dir), platform="discord")
    assert ops.health is None
    write_article(tiny_kb_dir, "bridge", "Bridge reopens", "Gazette", "The bridge reopened.")
    async with ops:
        report = await ops.reload("mod#7")
    assert report.local.status == "reloaded"
    status = ops.status().splitlines()
    assert "4 articles" in status[0]
    assert "by mod#7 on discord, Reloaded: now version" in status[1]


async def test_a_reload_asked_on_another_replica_shows_in_this_ones_status(
    redis_server: RedisServer, tiny_kb_dir: Path
):
    def replica(name: str) -> Operations:
        return Operations.build(
            KnowledgeBase(tiny_kb_dir),
            platform="slack",
            redis_url=redis_server.url,
            replica_id=name,
            namespace="test",
        )

    a, b = replica("a"), replica("b")
    write_article(tiny_kb_dir, "bridge", "Bridge reopens", "Gazette", "The bridge reopened.")
    async with a, b:
        report = await a.reload("@alice")
    assert (report.replicas, report.on_version) == (2, 2)
    assert "by @alice (via a) on slack, Reloaded: now version" in b.status()
    assert "by @alice on slack, Reloaded" in a.status()
