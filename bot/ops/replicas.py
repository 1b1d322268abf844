"""A ``/reload`` on any replica reaches every replica, through Redis pub/sub.

The replica that takes the command publishes a request on ``<namespace>:reload``, reloads
itself, and gathers the other replicas' replies on a channel named after the request for a
bounded time. The replicas it expects are those whose heartbeat is fresh in the sorted set
``<namespace>:replicas`` (score: Redis's clock at the last heartbeat, so replicas' clocks need
not agree). Redis only carries reload requests: questions never touch it, so a Redis outage
costs the broadcast (a reload then covers this replica only, and says so) and nothing else.

A Redis that restarts empty forgets who is there. Each replica registers again as soon as its
listener is back (and with every heartbeat), and each remembers the replicas it saw during the
last few heartbeats: when Redis has forgotten this replica too, those are still expected, so a
replica that has not come back yet is reported as silent instead of being left out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from bot.articles import Problem
from bot.control_characters import escape_controls
from bot.knowledge_base import KnowledgeBase, ReloadReport

try:
    from redis import asyncio as redis_asyncio
    from redis.asyncio.retry import Retry
    from redis.backoff import ExponentialBackoff
    from redis.exceptions import RedisError
except ImportError:  # the "replicas" extra is not installed; only a REDIS_URL needs it
    redis_asyncio = None
    RedisError = OSError  # type: ignore[assignment,misc]

log = logging.getLogger(__name__)

REPLY_SECONDS = 5.0
"""How long the requesting replica waits for the others' replies."""
HEARTBEAT_SECONDS = 5.0
MISSED_HEARTBEATS = 3
"""A replica silent for this many heartbeats is no longer expected to reply."""
REDIS_SECONDS = 3.0
"""Bound on any one Redis call, so a hung connection never holds a moderator's reload."""
RECONNECT_SECONDS = (0.5, 30.0)
"""First and longest pause before the listener tries Redis again."""
STOP_SECONDS = 1.0
STOP_ATTEMPTS = 5
"""A stop cancels its tasks again each second, this many times: on Python 3.11 a task inside
``asyncio.wait_for`` can miss a cancel that lands as its call completes, and go on listening."""
UNREACHABLE = "Redis unreachable: reloaded this replica only."
LOST = "Redis connection lost while gathering replies; those listed may still have reloaded."

RedisState = Literal["off", "connecting", "connected", "unreachable"]
REDIS_DOWN = (RedisError, OSError, TimeoutError)
T = TypeVar("T")


class MissingRedisPackage(RuntimeError):
    """REDIS_URL is set but the ``redis`` package is not installed."""


def default_replica_id() -> str:
    """Host name and process id: unique per process, and readable in a report."""
    return f"{socket.gethostname()}:{os.getpid()}"


class ReloadRequest(BaseModel):
    id: str
    origin: str
    requested_by: str
    platform: str = ""

    def reply_channel(self, namespace: str) -> str:
        return f"{namespace}:reload:reply:{self.id}"


class ReplicaResult(BaseModel):
    """One replica's reply: how its reload went."""

    replica_id: str
    status: Literal["reloaded", "unchanged", "refused", "busy", "error"]
    version: str | None = None
    problems: list[Problem] = []
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("reloaded", "unchanged")

    @classmethod
    def of(cls, replica_id: str, report: ReloadReport) -> ReplicaResult:
        return cls(
            replica_id=replica_id,
            status=report.status,
            version=report.version,
            problems=report.problems,
        )

    def failure_text(self) -> str:
        detail = escape_controls(self.error or "") or "; ".join(map(str, self.problems))
        return f"{escape_controls(self.replica_id)}: {self.status}" + (
            f" ({detail})" if detail else ""
        )


class ClusterReport(BaseModel):
    """What a reload did on this replica and, when broadcast, on the others."""

    requested_by: str
    replica_id: str
    local: ReloadReport
    broadcast: bool = False
    """Whether the request went out through Redis; False for a single process."""
    others: list[ReplicaResult] = []
    silent: list[str] = []
    """Replicas with a fresh heartbeat that did not reply in time."""
    note: str | None = None
    reply_seconds: float = REPLY_SECONDS

    @property
    def ok(self) -> bool:
        return self.local.ok and not self.silent and all(r.ok for r in self.others)

    @property
    def replicas(self) -> int:
        return 1 + len(self.others) + len(self.silent)

    @property
    def answered(self) -> int:
        """This replica and every other that replied."""
        return 1 + len(self.others)

    @property
    def on_version(self) -> int:
        """Replicas known to serve the version this replica serves now."""
        return 1 + sum(r.version == self.local.version for r in self.others)

    def failed(self) -> list[ReplicaResult]:
        return [result for result in self.others if not result.ok]

    def summary(self) -> str:
        lines = [self.local.summary()]
        if self.broadcast:
            lines.append(
                f"Replicas: {self.on_version} of {self.replicas} on version {self.local.version}."
            )
            lines.append(f"Answered: {self.answered} of {self.replicas} known replicas.")
            lines.extend(f"Failed on {result.failure_text()}" for result in self.failed())
            if self.silent:
                silent = ", ".join(escape_controls(name) for name in self.silent)
                lines.append(f"No answer within {self.reply_seconds:g} s: {silent}.")
        elif not self.note:
            lines.append(
                f"Replicas: 1 of 1 on version {self.local.version} "
                "(a single process: REDIS_URL is not set)."
            )
        if self.note:
            lines.append(self.note)
        return "\n".join(lines)


RemoteReloadHook = Callable[[ReloadRequest, ReloadReport], None]


class ReloadBroadcaster:
    """Reloads this replica's ``kb`` and, with a ``redis_url``, every other replica's too.

    ``start()`` joins the replicas (listener and heartbeat); ``request_reload`` works with or
    without it. ``on_remote_reload`` hears of reloads other replicas asked for (e.g. to record
    them for ``/status``).
    """

    def __init__(
        self,
        redis_url: str | None,
        kb: KnowledgeBase,
        replica_id: str | None = None,
        *,
        namespace: str = "newsdesk",
        reply_seconds: float = REPLY_SECONDS,
        heartbeat_seconds: float = HEARTBEAT_SECONDS,
        on_remote_reload: RemoteReloadHook | None = None,
    ) -> None:
        self.kb = kb
        self.replica_id = replica_id or default_replica_id()
        self.namespace = namespace
        self.reply_seconds = reply_seconds
        self.heartbeat_seconds = heartbeat_seconds
        self.on_remote_reload = on_remote_reload
        self._redis = _client(redis_url) if redis_url else None
        self._state: RedisState = "connecting" if self._redis else "off"
        self._tasks: list[asyncio.Task[None]] = []
        self._reregistering: set[asyncio.Task[None]] = set()
        self._seen: dict[str, float] = {}
        """Other replicas' ids, and when (loop time) this one last saw them live in Redis."""
        self._registered = False
        self._forgotten_at: float | None = None
        """When Redis was last found to have lost this replica's registration (loop time)."""

    @property
    def redis_state(self) -> RedisState:
        """The listener's link to Redis ("connecting" until ``start()`` has tried once)."""
        return self._state

    @property
    def requests_channel(self) -> str:
        return f"{self.namespace}:reload"

    @property
    def members_key(self) -> str:
        return f"{self.namespace}:replicas"

    # -- joining and leaving ---------------------------------------------------------------------

    async def start(self) -> None:
        """Join the replicas: returns once registered and subscribed, or after one failed try."""
        if self._redis is None or self._tasks:
            return
        await self._beat()
        first_try = asyncio.Event()
        self._tasks = [
            asyncio.create_task(self._listen(first_try), name="reload-listener"),
            asyncio.create_task(self._heartbeat(), name="reload-heartbeat"),
        ]
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(first_try.wait(), 2 * REDIS_SECONDS)

    async def stop(self) -> None:
        """Cancel the listener and the heartbeat, leave the members' set, close the client:
        every step bounded, so a shutdown never hangs on Redis or on a missed cancel."""
        await cancel_tasks(self._tasks + list(self._reregistering))
        self._tasks = []
        if self._redis is not None:
            with contextlib.suppress(*REDIS_DOWN):
                await self._bounded(self._redis.zrem(self.members_key, self.replica_id))
            with contextlib.suppress(*REDIS_DOWN):
                await self._bounded(self._redis.aclose())

    async def __aenter__(self) -> ReloadBroadcaster:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # -- asking for a reload ---------------------------------------------------------------------

    async def request_reload(self, requested_by: str, platform: str = "") -> ClusterReport:
        """Reload here and on every replica; never raises for Redis trouble."""
        if self._redis is None:
            return self._report(requested_by, await self._reload_here())
        request = ReloadRequest(
            id=uuid.uuid4().hex,
            origin=self.replica_id,
            requested_by=requested_by,
            platform=platform,
        )
        replies = self._redis.pubsub(ignore_subscribe_messages=True)
        try:
            expected = await self._announce(request, replies)
        except REDIS_DOWN as error:
            await _close_quietly(replies)
            self._mark_unreachable(error)
            return self._report(requested_by, await self._reload_here(), note=UNREACHABLE)
        local = asyncio.create_task(self._reload_here())
        try:
            others, note = await self._gather(replies, expected)
        finally:
            await _close_quietly(replies)
        answered = {result.replica_id for result in others}
        return self._report(
            requested_by,
            await local,
            broadcast=True,
            others=sorted(others, key=lambda result: result.replica_id),
            silent=sorted(expected - answered),
            note=note,
        )

    def _report(self, requested_by: str, local: ReloadReport, **fields: Any) -> ClusterReport:
        return ClusterReport(
            requested_by=requested_by,
            replica_id=self.replica_id,
            local=local,
            reply_seconds=self.reply_seconds,
            **fields,
        )

    async def _announce(self, request: ReloadRequest, replies: Any) -> set[str]:
        """Listen for replies, then publish the request; the replicas expected to reply."""
        assert self._redis is not None
        await self._bounded(replies.subscribe(request.reply_channel(self.namespace)))
        expected = await self._live_replicas()
        await self._bounded(self._redis.publish(self.requests_channel, request.model_dump_json()))
        log.info(
            "reload %s by %s sent to %d other replicas",
            request.id,
            request.requested_by,
            len(expected),
        )
        return expected - {self.replica_id}

    async def _gather(
        self, replies: Any, expected: set[str]
    ) -> tuple[list[ReplicaResult], str | None]:
        """Replies until every expected replica answered or the time is up."""
        results: dict[str, ReplicaResult] = {}
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.reply_seconds
        while not expected <= results.keys() and (left := deadline - loop.time()) > 0:
            try:
                message = await self._bounded(
                    replies.get_message(ignore_subscribe_messages=True, timeout=left), left + 1
                )
            except REDIS_DOWN as error:
                self._mark_unreachable(error)
                return list(results.values()), LOST
            if result := _parse(ReplicaResult, message):
                results[result.replica_id] = result
        return list(results.values()), None

    async def _live_replicas(self) -> set[str]:
        """Replicas with a fresh heartbeat, and those seen lately if Redis forgot this one."""
        assert self._redis is not None
        now = await self._redis_now()
        horizon = now - self.heartbeat_seconds * MISSED_HEARTBEATS
        live = set(
            await self._bounded(self._redis.zrangebyscore(self.members_key, horizon, "+inf"))
        )
        if self._registered and self.replica_id not in live:
            self._forgotten_at = asyncio.get_running_loop().time()
        self._remember(live)
        return live | self._remembered()

    def _remember(self, live: set[str]) -> None:
        now = asyncio.get_running_loop().time()
        self._seen.update((replica, now) for replica in live - {self.replica_id})

    def _remembered(self) -> set[str]:
        """Replicas seen within the last heartbeats, while Redis has lately forgotten replicas."""
        now = asyncio.get_running_loop().time()
        window = self.heartbeat_seconds * MISSED_HEARTBEATS
        if self._forgotten_at is None or now - self._forgotten_at > window:
            return set()
        return {replica for replica, seen in self._seen.items() if now - seen <= window}

    async def _reload_here(self) -> ReloadReport:
        report = await asyncio.to_thread(self.kb.reload)
        log.info("reload on %s: %s", self.replica_id, report.summary().splitlines()[0])
        return report

    # -- answering other replicas ----------------------------------------------------------------

    async def _listen(self, first_try: asyncio.Event) -> None:
        """Subscribe and answer requests until cancelled, reconnecting with a growing pause."""
        assert self._redis is not None
        pause = RECONNECT_SECONDS[0]
        while True:
            pubsub = self._redis.pubsub(ignore_subscribe_messages=True)
            try:
                await self._bounded(pubsub.subscribe(self.requests_channel))
                await self._beat()  # Redis may have restarted empty: register again at once
                if pubsub.connection is not None:  # redis-py's own reconnects, below our loop
                    pubsub.connection.register_connect_callback(self._listener_reconnected)
                self._mark_connected()
                first_try.set()
                pause = RECONNECT_SECONDS[0]
                async for message in pubsub.listen():
                    await self._answer(message)
            except REDIS_DOWN as error:
                self._mark_unreachable(error)
            except Exception:
                log.exception("replicas: the reload listener failed; it starts again")
            finally:
                first_try.set()
                await _close_quietly(pubsub)
            await asyncio.sleep(pause)
            pause = min(pause * 2, RECONNECT_SECONDS[1])

    def _listener_reconnected(self, connection: Any) -> None:
        """redis-py reconnected the listener by itself (and subscribed again): register too."""
        task = asyncio.get_running_loop().create_task(self._beat())
        self._reregistering.add(task)
        task.add_done_callback(self._reregistering.discard)

    async def _answer(self, message: Any) -> None:
        request = _parse(ReloadRequest, message)
        if request is None or request.origin == self.replica_id:
            return
        result = await self._reload_for(request)
        assert self._redis is not None
        await self._bounded(
            self._redis.publish(request.reply_channel(self.namespace), result.model_dump_json())
        )

    async def _reload_for(self, request: ReloadRequest) -> ReplicaResult:
        """This replica's reload for another's request; a failure is a reply, never a crash."""
        try:
            report = await self._reload_here()
        except Exception as error:
            log.exception("reload %s asked by %s failed here", request.id, request.origin)
            return ReplicaResult(replica_id=self.replica_id, status="error", error=str(error))
        if self.on_remote_reload is not None:
            try:
                self.on_remote_reload(request, report)
            except Exception:
                log.exception("the remote-reload hook failed")
        return ReplicaResult.of(self.replica_id, report)

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(self.heartbeat_seconds)
            await self._beat()

    async def _beat(self) -> None:
        """Keep this replica in the members set, note the others, and drop the silent ones."""
        assert self._redis is not None
        try:
            now = await self._redis_now()
            added = await self._bounded(self._redis.zadd(self.members_key, {self.replica_id: now}))
            if added and self._registered:
                self._forgotten_at = asyncio.get_running_loop().time()
                log.info("replicas: Redis had forgotten %s; registered again", self.replica_id)
            self._registered = True
            horizon = now - self.heartbeat_seconds * MISSED_HEARTBEATS
            await self._bounded(self._redis.zremrangebyscore(self.members_key, "-inf", horizon))
            live = await self._bounded(self._redis.zrangebyscore(self.members_key, horizon, "+inf"))
            self._remember(set(live))
        except REDIS_DOWN as error:
            log.debug("replicas: heartbeat failed: %s", error)

    # -- shared ----------------------------------------------------------------------------------

    async def _redis_now(self) -> float:
        assert self._redis is not None
        seconds, microseconds = await self._bounded(self._redis.time())
        return seconds + microseconds / 1e6

    async def _bounded(self, call: Awaitable[T], seconds: float = REDIS_SECONDS) -> T:
        return await asyncio.wait_for(call, seconds)

    def _mark_connected(self) -> None:
        if self._state != "connected":
            log.info("replicas: connected to Redis as %s", self.replica_id)
        self._state = "connected"

    def _mark_unreachable(self, error: BaseException) -> None:
        if self._state != "unreachable":
            log.warning(
                "replicas: Redis unreachable (%s); reloads cover this replica only",
                str(error) or type(error).__name__,
            )
        self._state = "unreachable"


ModelT = TypeVar("ModelT", bound=BaseModel)


def _parse(model: type[ModelT], message: dict[str, Any] | None) -> ModelT | None:
    """A pub/sub message's payload as ``model``; anything else is logged and dropped."""
    if not message or message.get("type") != "message":
        return None
    try:
        return model.model_validate_json(message["data"])
    except ValidationError as error:
        log.warning("ignoring a malformed %s: %s", model.__name__, error)
        return None


async def cancel_tasks(tasks: list[asyncio.Task[Any]]) -> None:
    """Cancel the tasks and wait until they end, cancelling again those that go on."""
    pending = set(tasks)
    for _ in range(STOP_ATTEMPTS):
        if not pending:
            return
        for task in pending:
            task.cancel()
        _, pending = await asyncio.wait(pending, timeout=STOP_SECONDS)
    if pending:
        log.warning("replicas: %d task(s) still running after the stop", len(pending))


async def _close_quietly(pubsub: Any) -> None:
    with contextlib.suppress(*REDIS_DOWN):
        await asyncio.wait_for(pubsub.aclose(), REDIS_SECONDS)


def _client(redis_url: str) -> Any:
    """An asyncio Redis client that fails fast: the listener has its own reconnect loop."""
    if redis_asyncio is None:
        raise MissingRedisPackage(
            "REDIS_URL is set but the redis package is missing: pip install 'newsdesk-bot[replicas]'"
        )
    return redis_asyncio.from_url(
        redis_url,
        decode_responses=True,
        socket_connect_timeout=REDIS_SECONDS,
        socket_keepalive=True,
        retry=Retry(ExponentialBackoff(cap=0.5, base=0.05), retries=2),
    )
