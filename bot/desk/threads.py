"""Follow-up context per thread, bounded in the number of threads and in age.

Lost harmlessly on restart: a follow-up then reads as a question of its own, and one that
cannot stand alone is told to ask in full.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from bot.desk.followup import Focus


@dataclass(frozen=True)
class ThreadContext:
    """The thread's previous question as it was read, and its focus."""

    question: str
    focus: Focus
    at: float


class Expired(Enum):
    """The bot talked in this thread, but longer ago than the context is kept."""

    EXPIRED = "expired"


EXPIRED = Expired.EXPIRED


class ThreadContexts:
    """``max_threads`` threads at most (least recently used dropped first), each for ``max_age``
    seconds; a thread whose context aged out is still known as the bot's, so a late follow-up is
    told why it is read on its own. Safe from any thread."""

    def __init__(
        self,
        *,
        max_threads: int = 2_000,
        max_age: float = 30 * 60,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_threads = max_threads
        self.max_age = max_age
        self._clock = clock
        self._entries: OrderedDict[str, ThreadContext | Expired] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, thread: str) -> ThreadContext | Expired | None:
        with self._lock:
            entry = self._entries.get(thread)
            if isinstance(entry, ThreadContext) and self._clock() - entry.at > self.max_age:
                self._entries[thread] = entry = EXPIRED
            return entry

    def keep(self, thread: str, question: str, focus: Focus) -> None:
        with self._lock:
            self._entries[thread] = ThreadContext(question, focus, self._clock())
            self._entries.move_to_end(thread)
            while len(self._entries) > self.max_threads:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
