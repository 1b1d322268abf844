"""Per-user rate limiting shared by the chat adapters."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class Cooldown:
    """Allows one question per ``seconds`` per user; remembers at most ``max_users`` users."""

    def __init__(
        self,
        seconds: float,
        *,
        max_users: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self._max_users = max_users
        self._clock = clock
        self._last_use: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, user_key: str) -> float:
        """Return 0.0 and record the use when allowed, else the seconds left to wait."""
        if self.seconds <= 0:
            return 0.0
        now = self._clock()
        with self._lock:
            last = self._last_use.get(user_key)
            if last is not None and now - last < self.seconds:
                return self.seconds - (now - last)
            self._last_use[user_key] = now
            self._last_use.move_to_end(user_key)
            while len(self._last_use) > self._max_users:
                self._last_use.popitem(last=False)
            return 0.0

    def release(self, user_key: str) -> None:
        """Give back a question that failed on the bot's side: the apology says "try again"."""
        with self._lock:
            self._last_use.pop(user_key, None)
