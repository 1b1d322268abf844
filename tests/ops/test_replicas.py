"""Reload broadcast between replicas in one process, against a real redis-server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from replica_harness import eventually

from bot.knowledge_base import KnowledgeBase, ReloadReport
from bot.ops import replicas
from bot.ops.replicas import (
    UNREACHABLE,
    ClusterReport,
    ReloadBroadcaster,
    ReloadRequest,
    ReplicaResult,
    cancel_tasks,
)
from tests.conftest import write_article
from tests.loopback import free_port
from tests.redis_server import RedisServer

VOLCANO = "When did the volcano erupt near Ashford?"
Join = Callable[..., Awaitable[ReloadBroadcaster]]


def add_bridge(directory: Path, slug: str = "bridge") -> None:
    body = f"The old {slug} reopened on Monday after repairs."
    write_article(directory, slug, "Bridge reopens", "Gazette", body)


@pytest.fixture
async def join(redis_server: RedisServer, tiny_kb_dir: Path) -> AsyncIterator[Join]:
    """Starts a replica (its own KnowledgeBase) on the test's Redis; all leave at the end."""
    started: list[ReloadBroadcaster] = []

    async def start(
        replica_id: str, directory: Path = tiny_kb_dir, **options: object
    ) -> ReloadBroadcaster:
        options = {"heartbeat_seconds": 0.2, "reply_seconds": 5.0, **options}
        broadcaster = ReloadBroadcaster(
            redis_server.url, KnowledgeBase(directory), replica_id, **options
        )
        await broadcaster.start()
        started.append(broadcaster)
        return broadcaster

    yield start
    for broadcaster in started:
        await broadcaster.stop()


async def test_a_reload_reaches_every_replica_and_the_report_counts_them(
    join: Join, tiny_kb_dir: Path
):
    heard: list[tuple[str, str, str]] = []
    a = await join("a")
    b = await join(
        "b",
        on_remote_reload=lambda request, report: heard.append(
            (request.requested_by, request.platform, report.status)
        ),
    )
    old = b.kb.version
    add_bridge(tiny_kb_dir)

    report = await a.request_reload("@alice", platform="slack")

    assert report.broadcast and report.ok
    assert report.local.status == "reloaded"
    assert b.kb.version == a.kb.version != old
    assert (report.replicas, report.on_version) == (2, 2)
    assert [(r.replica_id, r.status) for r in report.others] == [("b", "reloaded")]
    assert heard == [("@alice", "slack", "reloaded")]
    assert report.summary().splitlines()[-2:] == [
        f"Replicas: 2 of 2 on version {a.kb.version}.",
        "Answered: 2 of 2 known replicas.",
    ]


async def test_a_replica_that_refuses_is_named_with_its_problem(join: Join, tmp_path: Path):
    dirs = {name: tmp_path / name for name in ("a", "b")}
    for directory in dirs.values():
        shutil.copytree(tmp_path / "knowledge", directory)
    a = await join("a", dirs["a"])
    b = await join("b", dirs["b"])
    add_bridge(dirs["a"])
    (dirs["b"] / "broken.md").write_bytes(b"\xff\xfe not text")

    report = await a.request_reload("@alice")

    assert not report.ok
    assert [(r.replica_id, r.status) for r in report.failed()] == [("b", "refused")]
    assert (report.replicas, report.on_version) == (2, 1)
    summary = report.summary()
    assert f"Replicas: 1 of 2 on version {a.kb.version}." in summary
    assert "Failed on b: refused (broken.md: " in summary
    assert b.kb.version != a.kb.version


async def test_a_live_replica_that_does_not_answer_is_named_and_a_departed_one_is_not(
    join: Join, redis_server: RedisServer
):
    from redis import asyncio as redis_asyncio

    a = await join("a", reply_seconds=1.0, heartbeat_seconds=2.0)
    async with redis_asyncio.from_url(redis_server.url) as client:
        seconds, microseconds = await client.time()
        now = seconds + microseconds / 1e6
        await client.zadd(a.members_key, {"ghost": now, "departed": now - 3600})

    report = await asyncio.wait_for(a.request_reload("@alice"), timeout=30)

    assert report.silent == ["ghost"]
    assert (report.replicas, report.on_version) == (2, 1)
    assert "No answer within 1 s: ghost." in report.summary()


async def test_malformed_messages_are_ignored_and_the_listener_keeps_answering(
    join: Join, redis_server: RedisServer, tiny_kb_dir: Path
):
    from redis import asyncio as redis_asyncio

    a = await join("a")
    b = await join("b")
    async with redis_asyncio.from_url(redis_server.url) as client:
        await client.publish(b.requests_channel, "not json")
        await client.publish(b.requests_channel, '{"id": 1}')
    add_bridge(tiny_kb_dir)

    report = await a.request_reload("@alice")

    assert [result.replica_id for result in report.others] == ["b"]
    assert b.kb.version == a.kb.version


async def test_redis_going_away_keeps_questions_answered_and_reloads_fall_back_to_local(
    join: Join, redis_server: RedisServer, tiny_kb_dir: Path
):
    a = await join("a")
    b = await join("b")
    redis_server.stop()
    add_bridge(tiny_kb_dir)

    report = await a.request_reload("@alice")

    assert report.note == UNREACHABLE and not report.broadcast
    assert report.local.status == "reloaded"
    assert report.summary().splitlines()[-1] == UNREACHABLE
    assert a.redis_state == "unreachable"
    assert a.kb.ask(VOLCANO).answered and b.kb.ask(VOLCANO).answered
    assert b.kb.version != a.kb.version

    redis_server.start()
    await eventually(_connected(a, b), seconds=20)
    add_bridge(tiny_kb_dir, "bridge-two")
    report = await a.request_reload("@bob")
    assert report.broadcast and (report.replicas, report.on_version) == (2, 2)
    assert b.kb.version == a.kb.version


def _connected(*members: ReloadBroadcaster) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return all(member.redis_state == "connected" for member in members)

    return check


async def test_an_unreachable_redis_url_still_reloads_this_replica_and_says_so(tiny_kb_dir: Path):
    pytest.importorskip("redis")
    kb = KnowledgeBase(tiny_kb_dir)
    broadcaster = ReloadBroadcaster(f"redis://127.0.0.1:{free_port()}/0", kb, "alone")
    async with broadcaster:
        assert broadcaster.redis_state == "unreachable"
        add_bridge(tiny_kb_dir)
        report = await asyncio.wait_for(broadcaster.request_reload("@alice"), timeout=30)
    assert report.local.status == "reloaded" and report.note == UNREACHABLE
    assert "4 articles" in report.summary()


async def test_without_a_redis_url_it_reloads_as_a_single_process(tiny_kb_dir: Path):
    kb = KnowledgeBase(tiny_kb_dir)
    async with ReloadBroadcaster(None, kb) as broadcaster:
        add_bridge(tiny_kb_dir)
        report = await broadcaster.request_reload("@alice")
    assert broadcaster.redis_state == "off"
    assert not report.broadcast and report.note is None
    assert report.summary() == (
        f"{report.local.summary()}\nReplicas: 1 of 1 on version {report.local.version} "
        "(a single process: REDIS_URL is not set)."
    )
    assert report.local.status == "reloaded"


def test_a_redis_url_without_the_redis_package_names_the_extra(
    tiny_kb_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(replicas, "redis_asyncio", None)
    with pytest.raises(replicas.MissingRedisPackage, match=r"newsdesk-bot\[replicas\]"):
        ReloadBroadcaster("redis://127.0.0.1:6379/0", KnowledgeBase(tiny_kb_dir))


def test_the_summary_lists_failures_and_silent_replicas_after_the_local_report():
    local = ReloadReport(status="reloaded", version="v2", articles=4, passages=9)
    report = ClusterReport(
        requested_by="@alice",
        replica_id="a",
        local=local,
        broadcast=True,
        others=[
            ReplicaResult(replica_id="b", status="reloaded", version="v2"),
            ReplicaResult(replica_id="c", status="error", error="disk full"),
        ],
        silent=["d"],
        reply_seconds=5,
    )
    assert report.summary().splitlines()[1:] == [
        "Replicas: 2 of 4 on version v2.",
        "Answered: 3 of 4 known replicas.",
        "Failed on c: error (disk full)",
        "No answer within 5 s: d.",
    ]


def test_a_request_names_its_own_reply_channel():
    request = ReloadRequest(id="r1", origin="a", requested_by="@alice")
    assert request.reply_channel("newsdesk") == "newsdesk:reload:reply:r1"


async def test_after_redis_restarts_empty_a_replica_not_back_yet_is_still_known_and_named(
    join: Join, redis_server: RedisServer, tiny_kb_dir: Path
):
    """Redis loses every registration; the reload comes before the other replica is back."""
    a = await join("a", heartbeat_seconds=2.0, reply_seconds=1.0)
    b = await join("b", heartbeat_seconds=2.0, reply_seconds=1.0)
    await asyncio.sleep(0.1)
    await a._beat()  # as its heartbeat does: a has seen b
    redis_server.stop()
    redis_server.start()
    add_bridge(tiny_kb_dir)

    report = await a.request_reload("@alice")

    assert report.broadcast
    assert report.replicas == 2, report.summary()
    lines = report.summary().splitlines()
    if report.silent:
        assert report.silent == ["b"] and "No answer within 1 s: b." in lines
        assert "Answered: 1 of 2 known replicas." in lines
    else:
        assert "Answered: 2 of 2 known replicas." in lines and b.kb.version == a.kb.version


async def test_a_replica_registers_again_as_soon_as_redis_is_back(
    join: Join, redis_server: RedisServer
):
    from redis import asyncio as redis_asyncio

    b = await join("b", heartbeat_seconds=60.0)
    redis_server.stop()
    redis_server.start()

    async with redis_asyncio.from_url(redis_server.url) as client:

        async def registered() -> bool:
            return await client.zscore(b.members_key, "b") is not None

        await eventually(registered, seconds=20)


async def test_a_stop_ends_a_task_that_missed_its_first_cancel():
    """On Python 3.11 ``asyncio.wait_for`` can swallow a cancel that lands as its call
    completes; the listener then goes on. A stop cancels again until the task ends."""
    listening = asyncio.Event()

    async def listener_that_misses_a_cancel() -> None:
        try:
            listening.set()
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            pass
        await asyncio.sleep(60)

    task = asyncio.create_task(listener_that_misses_a_cancel())
    await listening.wait()
    await asyncio.wait_for(cancel_tasks([task]), 10)
    assert task.cancelled()
