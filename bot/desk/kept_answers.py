"""Answers shown privately, kept for a while so that Share posts exactly what was shown."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from bot.answer import Answer


def answer_id(question: str, version: str, k: int) -> str:
    """The same question on the same version with the same ``k`` gives the same answer (the core
    is deterministic), so the id is derived from them: ``<version>.<hash>``."""
    digest = hashlib.sha256(f"{k}\n{question}".encode()).hexdigest()[:16]
    return f"{version}.{digest}"


def version_of(identifier: str) -> str:
    return identifier.rpartition(".")[0]


class KeptAnswers:
    """The last ``capacity`` answers by id, each for ``max_age`` seconds."""

    def __init__(
        self,
        *,
        capacity: int = 1_000,
        max_age: float = 24 * 3600,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._capacity = capacity
        self._max_age = max_age
        self._clock = clock
        self._answers: OrderedDict[str, tuple[float, Answer]] = OrderedDict()
        self._lock = threading.Lock()

    def keep(self, identifier: str, answer: Answer) -> None:
        with self._lock:
            self._answers[identifier] = (self._clock(), answer)
            self._answers.move_to_end(identifier)
            while len(self._answers) > self._capacity:
                self._answers.popitem(last=False)

    def get(self, identifier: str) -> Answer | None:
        with self._lock:
            entry = self._answers.get(identifier)
        if entry is None or self._clock() - entry[0] > self._max_age:
            return None
        return entry[1]
