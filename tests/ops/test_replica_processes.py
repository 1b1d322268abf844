"""Two bot processes on one knowledge directory and a real redis-server: a reload on one reaches
the other, and when Redis goes away both keep answering and a reload falls back to local."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from replica_harness import ReplicaProcess, eventually

from bot.ops.replicas import UNREACHABLE
from tests.conftest import write_article
from tests.redis_server import RedisServer

VOLCANO = "When did the volcano erupt near Ashford?"
TIMEOUT = aiohttp.ClientTimeout(total=5)


@pytest.fixture
async def pair(
    redis_server: RedisServer, tiny_kb_dir: Path, tmp_path: Path
) -> AsyncIterator[tuple[ReplicaProcess, ReplicaProcess]]:
    processes = [
        ReplicaProcess(tiny_kb_dir, redis_server.url, name, tmp_path / f"{name}.log")
        for name in ("replica-a", "replica-b")
    ]
    try:
        for process in processes:
            await process.start()
        yield processes[0], processes[1]
    finally:
        for process in processes:
            await process.stop()


async def readyz(process: ReplicaProcess) -> tuple[int, dict]:
    async with (
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
        session.get(f"http://127.0.0.1:{process.health_port}/readyz") as response,
    ):
        return response.status, await response.json()


async def version_of(process: ReplicaProcess) -> str:
    return (await readyz(process))[1]["version"]


async def test_a_reload_on_one_process_reaches_the_other_and_survives_redis_going_away(
    pair: tuple[ReplicaProcess, ReplicaProcess], redis_server: RedisServer, tiny_kb_dir: Path
):
    a, b = pair
    status, ready = await readyz(b)
    assert status == 200 and ready["redis"] == "connected"
    before = ready["version"]

    write_article(tiny_kb_dir, "bridge", "Bridge reopens", "Gazette", "The bridge reopened.")
    report = await a.command("reload @alice")

    after = report["local"]["version"]
    assert after != before
    assert f"Replicas: 2 of 2 on version {after}." in report["summary"]
    assert "Answered: 2 of 2 known replicas." in report["summary"]

    async def b_has_new_version() -> bool:
        return await version_of(b) == after

    await eventually(b_has_new_version)

    redis_server.stop()
    write_article(tiny_kb_dir, "ferry", "Ferry returns", "Gazette", "The ferry sailed again.")
    report = await a.command("reload @bob")

    assert report["note"] == UNREACHABLE and report["summary"].endswith(UNREACHABLE)
    assert report["local"]["status"] == "reloaded"
    assert await version_of(a) == report["local"]["version"] != after
    for process in (a, b):
        answer = await process.command(f"ask {VOLCANO}")
        assert answer["answered"], process.args
    status, ready = await readyz(b)
    assert status == 200 and ready["version"] == after

    async def b_sees_redis_gone() -> bool:
        return (await readyz(b))[1]["redis"] == "unreachable"

    await eventually(b_sees_redis_gone)
