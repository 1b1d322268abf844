"""The one object adapters hold: ``ask()`` and ``reload()`` over an immutable snapshot.

A reload builds a complete new ``Snapshot`` and then replaces one reference, so questions in
flight finish on the snapshot they started with and a bad file never loses what was live.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from bot import memory
from bot.answer import Answer, answer_question
from bot.articles import Article, Problem
from bot.cache import IndexCache
from bot.control_characters import escape_controls
from bot.snapshot import (
    DEFAULT_MAX_FILE_BYTES,
    KnowledgeBaseError,
    Snapshot,
    load_snapshot,
)

if TYPE_CHECKING:
    from bot.timeline import Timeline

log = logging.getLogger(__name__)

__all__ = ["KnowledgeBase", "KnowledgeBaseError", "ReloadReport", "Snapshot", "load_snapshot"]


class ReloadReport(BaseModel):
    """What a reload did, for the moderator who asked."""

    model_config = ConfigDict(defer_build=True)  # a one-question run makes none

    status: Literal["reloaded", "unchanged", "refused", "busy"]
    version: str
    articles: int
    passages: int
    added: list[str] = []
    removed: list[str] = []
    changed: list[str] = []
    problems: list[Problem] = []
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status in ("reloaded", "unchanged")

    def summary(self) -> str:
        head = {
            "reloaded": f"Reloaded: now version {self.version}",
            "unchanged": f"Nothing changed: still version {self.version}",
            "refused": f"Reload refused; version {self.version} stays live",
            "busy": "A reload is already running; try again in a moment",
        }[self.status]
        lines = [
            f"{head} ({self.articles} articles, {self.passages} passages, {self.seconds:.2f} s)."
        ]
        for label, names in (
            ("Added", self.added),
            ("Removed", self.removed),
            ("Changed", self.changed),
        ):
            if names:
                lines.append(f"{label}: {', '.join(escape_controls(name) for name in names)}")
        lines.extend(f"Problem: {problem}" for problem in self.problems)
        return "\n".join(lines)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Keep Python's cyclic garbage collector off a snapshot being built or loaded from the cache.

    A snapshot of an archive is a few hundred thousand objects, none in reference cycles.
    Collections on the way would scan them again and again: loading from the cache takes
    three times as long, and a reload in a thread holds the GIL long enough to stall an
    adapter's event loop. On the way out ``gc.freeze()`` moves everything made meanwhile out
    of the collector's sight *before* it is switched back on (else its first young-generation
    pass would walk the whole snapshot at once). Frozen objects are still freed by reference
    counting when a snapshot is replaced.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


class KnowledgeBase:
    """The live knowledge base. ``ask`` is safe from any thread; ``reload`` swaps atomically."""

    def __init__(
        self,
        directory: Path | str,
        *,
        max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
        cache: IndexCache | None = None,
        progress: bool = False,
        aliases_fallback: Path | None = None,
        build_workers: int | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.build_workers = build_workers
        self.aliases_fallback = aliases_fallback
        self.max_file_bytes = max_file_bytes
        self.cache = cache
        self.progress = progress
        self._reload_lock = threading.Lock()
        self._snapshot = self._load()
        for problem in self._snapshot.problems:
            log.warning("skipped %s", problem)

    def _load(self) -> Snapshot:
        with _collector_paused():
            return load_snapshot(
                self.directory,
                max_file_bytes=self.max_file_bytes,
                cache=self.cache,
                progress=self.progress,
                aliases_fallback=self.aliases_fallback,
                workers=self.build_workers,
            )

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def version(self) -> str:
        return self._snapshot.version

    @property
    def articles(self) -> list[Article]:
        return list(self._snapshot.articles.values())

    def ask(self, question: str, k: int = 3) -> Answer:
        return answer_question(self._snapshot, question, k)

    def timeline(self, topic: str | None = None, limit: int | None = None) -> Timeline:
        """Dated, sourced events of the live snapshot, optionally about one topic."""
        from bot.timeline import DEFAULT_LIMIT, build_timeline

        return build_timeline(self._snapshot, topic, DEFAULT_LIMIT if limit is None else limit)

    @property
    def reloading(self) -> bool:
        """Whether a reload is running now (here, asked from any surface or replica)."""
        return self._reload_lock.locked()

    def reload(self) -> ReloadReport:
        """Build a new snapshot and swap it in, unless any file is bad or a reload is running."""
        if not self._reload_lock.acquire(blocking=False):
            return self._report("busy", self._snapshot)
        try:
            return self._reload()
        finally:
            self._reload_lock.release()

    def _reload(self) -> ReloadReport:
        started = time.perf_counter()
        old = self._snapshot
        try:
            new = self._load()
        except KnowledgeBaseError as error:
            problems = error.problems or [Problem(file=str(self.directory), reason=str(error))]
            return self._report("refused", old, problems=problems, started=started)
        if new.problems:
            return self._report("refused", old, problems=new.problems, started=started)
        if new.version == old.version:
            return self._report("unchanged", old, started=started)
        self._snapshot = new
        report = self._report("reloaded", new, old=old, started=started)
        del old, new
        memory.give_back_freed_memory()  # the old snapshot's, unless a question still holds it
        return report

    @staticmethod
    def _report(
        status: Literal["reloaded", "unchanged", "refused", "busy"],
        snapshot: Snapshot,
        *,
        old: Snapshot | None = None,
        problems: list[Problem] | None = None,
        started: float | None = None,
    ) -> ReloadReport:
        before = old.files if old else snapshot.files
        after = snapshot.files
        return ReloadReport(
            status=status,
            version=snapshot.version,
            articles=len(snapshot.articles),
            passages=len(snapshot.passages),
            added=sorted(after.keys() - before.keys()),
            removed=sorted(before.keys() - after.keys()),
            changed=sorted(n for n in after.keys() & before.keys() if after[n] != before[n]),
            problems=problems or [],
            seconds=time.perf_counter() - started if started else 0.0,
        )
