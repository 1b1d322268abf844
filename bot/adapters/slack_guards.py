"""Slack's duties that are not formatting: answering each event once, and knowing who may reload."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)

REDIS_SECONDS = 1.0
"""A de-duplication claim waits at most this long for Redis before answering anyway."""
WARNING_INTERVAL = 60.0


class SeenEvents:
    """Remembers the last ``capacity`` event ids, so a re-delivered event is recognised.

    Slack re-sends an event (with ``X-Slack-Retry-Num``) up to three times within about five
    minutes when it thinks the first delivery failed; the retry carries the same ``event_id``.
    A few thousand ids cover those minutes on a busy workspace; memory stays bounded.
    """

    def __init__(self, capacity: int = 4096) -> None:
        self._capacity = capacity
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, event_id: str) -> bool:
        """True the first time ``event_id`` is offered, False for every repeat still remembered."""
        with self._lock:
            if event_id in self._ids:
                self._ids.move_to_end(event_id)
                return False
            self._ids[event_id] = None
            if len(self._ids) > self._capacity:
                self._ids.popitem(last=False)
            return True


class RedisSeenEvents:
    """``SeenEvents`` shared by every replica: the first to claim a delivery in Redis answers it.

    The claim is ``SET key 1 NX EX ttl``: atomic, so two replicas handed the same retry at the
    same moment cannot both win, and it expires once Slack has stopped retrying. A delivery this
    process saw is known without asking Redis. When Redis cannot be reached the delivery is
    answered (a rare double answer beats a lost one), and that is logged at most once a minute.
    """

    def __init__(
        self,
        redis_url: str,
        *,
        namespace: str = "newsdesk",
        ttl_seconds: int = 600,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        try:
            import redis
        except ModuleNotFoundError:
            raise SystemExit(
                "error: REDIS_URL is set but the redis package is missing: "
                "pip install 'newsdesk-bot[replicas]'"
            ) from None
        self._errors: tuple[type[Exception], ...] = (redis.RedisError, OSError)
        self._redis = redis.Redis.from_url(
            redis_url, socket_timeout=REDIS_SECONDS, socket_connect_timeout=REDIS_SECONDS
        )
        self._prefix = f"{namespace}:slack:delivered:"
        self._ttl = ttl_seconds
        self._local = SeenEvents()
        self._clock = clock
        self._last_warning = float("-inf")

    def first_time(self, delivery: str) -> bool:
        if not self._local.first_time(delivery):
            return False
        try:
            claimed = self._redis.set(self._prefix + delivery, "1", nx=True, ex=self._ttl)
        except self._errors as error:
            self._warn(error)
            return True
        return bool(claimed)

    def _warn(self, error: Exception) -> None:
        now = self._clock()
        if now - self._last_warning >= WARNING_INTERVAL:
            self._last_warning = now
            log.warning("Redis unreachable for de-duplication, answering anyway: %s", error)


class Moderators:
    """Who may ``/reload``: the configured user ids, or workspace admins and owners.

    The admin check asks ``users.info`` and caches the verdict for ``ttl`` seconds, so a burst of
    commands costs one API call and a demoted admin loses the right within minutes. A failed
    call refuses this once and is not cached, so a transient error does not lock an admin out.
    """

    def __init__(
        self,
        moderator_ids: Iterable[str],
        *,
        ttl: float = 300.0,
        capacity: int = 1024,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ids = frozenset(moderator_ids)
        self._ttl = ttl
        self._capacity = capacity
        self._clock = clock
        self._verdicts: OrderedDict[str, tuple[float, bool]] = OrderedDict()
        self._lock = threading.Lock()

    def allows(self, user_id: str, client: WebClient) -> bool:
        if user_id in self._ids:
            return True
        cached = self._cached(user_id)
        if cached is not None:
            return cached
        verdict = _is_admin_or_owner(user_id, client)
        if verdict is None:
            return False
        with self._lock:
            self._verdicts[user_id] = (self._clock() + self._ttl, verdict)
            self._verdicts.move_to_end(user_id)
            while len(self._verdicts) > self._capacity:
                self._verdicts.popitem(last=False)
        return verdict

    def _cached(self, user_id: str) -> bool | None:
        with self._lock:
            entry = self._verdicts.get(user_id)
        if entry is None or entry[0] <= self._clock():
            return None
        return entry[1]


def _is_admin_or_owner(user_id: str, client: WebClient) -> bool | None:
    """Ask Slack; None when it cannot say (logged), which the caller treats as "no" for now."""
    try:
        user = client.users_info(user=user_id)["user"]
    except SlackApiError as error:
        log.warning("users.info failed for %s: %s", user_id, error.response.get("error"))
        return None
    return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
