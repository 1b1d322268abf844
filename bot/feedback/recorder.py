"""Recording feedback off the question path: a bounded queue and one writer thread.

``record_question`` and ``record_vote`` only put an item on the queue and return: an answer
never waits for the database. When the database is down, full, read-only or damaged, the items
are dropped and counted (``lost``), a warning is logged at most once a minute, and the bot keeps
answering. An unopened store is tried again at most once a minute, so a PostgreSQL server that
was down at start-up is used once it is up.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import SQLAlchemyError

from bot.answer import Answer
from bot.feedback.questions import asked_question, refused
from bot.feedback.report import UnansweredReport, read_report
from bot.feedback.store import (
    MAX_ANSWER_ID,
    AskedQuestion,
    FeedbackStore,
    FeedbackUnavailable,
    Vote,
    describe,
)

log = logging.getLogger(__name__)

QUEUE_SIZE = 1_000
BATCH = 500
"""Records written in one transaction at most: a busy bot commits once per batch, not per row."""
GATHER_SECONDS = 0.5
WARN_EVERY_SECONDS = 60.0
REOPEN_EVERY_SECONDS = 60.0
PURGE_EVERY_SECONDS = 3_600.0
REMEMBERED_VOTES = 50_000
"""Votes remembered for the counts in /status, so that a changed vote moves, not adds."""

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class FeedbackCounts:
    """What /status shows: questions and votes since ``since`` (start-up or the last reload)."""

    since: datetime
    asked: int = 0
    answered: int = 0
    up: int = 0
    down: int = 0


@dataclass(frozen=True)
class FeedbackState:
    """Whether feedback is being kept, where, and if not, why."""

    enabled: bool
    where: str | None
    problem: str | None
    lost: int
    counts: FeedbackCounts

    @property
    def on(self) -> bool:
        return self.enabled and self.where is not None and self.problem is None


@dataclass(frozen=True)
class _VoteItem:
    answer_id: str
    platform: str
    user: str
    up: bool
    voted_at: datetime


@dataclass
class _Flush:
    done: threading.Event = field(default_factory=threading.Event)


_STOP = object()


class FeedbackRecorder:
    """Owns the store for a process. ``open_store`` None means feedback is switched off."""

    def __init__(
        self,
        open_store: Callable[[], FeedbackStore] | None,
        *,
        retention_days: int = 90,
        queue_size: int = QUEUE_SIZE,
        clock: Clock = lambda: datetime.now(UTC),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._open_store = open_store
        self._retention = timedelta(days=retention_days)
        self._clock = clock
        self._monotonic = monotonic
        self._queue: queue.Queue[object] = queue.Queue(maxsize=queue_size)
        self._lock = threading.Lock()
        self._store: FeedbackStore | None = None
        self._problem: str | None = None if open_store else "switched off (FEEDBACK_ENABLED)"
        self._lost = 0
        self._counts = FeedbackCounts(since=clock())
        self._votes: OrderedDict[tuple[str, str, str], bool] = OrderedDict()
        self._last_warning = -WARN_EVERY_SECONDS
        self._last_open = -REOPEN_EVERY_SECONDS
        self._last_purge = -PURGE_EVERY_SECONDS
        self._thread: threading.Thread | None = None

    # -- life -------------------------------------------------------------------------------------

    def start(self) -> FeedbackRecorder:
        """Open the store (logging whether feedback is on, and if not why) and start writing."""
        if self._open_store is None:
            log.info("feedback is off: %s", self._problem)
            return self
        if self._open():
            log.info("feedback is kept in %s", self._store.name if self._store else "?")
        self._thread = threading.Thread(target=self._run, name="feedback-writer", daemon=True)
        self._thread.start()
        return self

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything recorded so far is written (or dropped); False on timeout."""
        if self._thread is None:
            return True
        marker = _Flush()
        try:
            self._queue.put(marker, timeout=timeout)
        except queue.Full:
            return False
        return marker.done.wait(timeout)

    def close(self, timeout: float = 10.0) -> None:
        """Write what is queued, then stop the writer and release the database."""
        if self._thread is not None:
            try:
                self._queue.put(_STOP, timeout=timeout)
            except queue.Full:
                log.warning("feedback: the writer did not drain its queue in %.0f s", timeout)
            self._thread.join(timeout)
            self._thread = None
        if self._store is not None:
            self._store.close()

    # -- the question path (never blocks) ---------------------------------------------------------

    def record_question(
        self, answer: Answer, *, answer_id: str, platform: str, channel: str | None = None
    ) -> None:
        """Keep the question; a question the core refused to search (empty, too long) is not a
        gap in the articles and is not kept."""
        if refused(answer):
            return
        with self._lock:
            self._counts = replace(
                self._counts,
                asked=self._counts.asked + 1,
                answered=self._counts.answered + answer.answered,
            )
        if self._open_store is None:
            return
        at = self._clock()
        item = asked_question(
            answer, answer_id=answer_id, platform=platform, channel=channel, asked_at=at
        )
        self._enqueue(item)

    def record_vote(self, answer_id: str, *, platform: str, user: str, up: bool) -> bool:
        """Count a vote (a second click by the same person changes it); False when the answer
        id cannot be one of ours (empty or too long), which is then ignored."""
        if not answer_id or len(answer_id) > MAX_ANSWER_ID:
            return False
        self._count_vote((platform, user, answer_id), up)
        if self._open_store is not None:
            self._enqueue(_VoteItem(answer_id, platform, user, up, self._clock()))
        return True

    def _count_vote(self, key: tuple[str, str, str], up: bool) -> None:
        with self._lock:
            before = self._votes.pop(key, None)
            self._votes[key] = up
            if len(self._votes) > REMEMBERED_VOTES:
                self._votes.popitem(last=False)
            if before == up:
                return
            counts = self._counts
            up_count = counts.up + (1 if up else 0) - (1 if before is True else 0)
            down_count = counts.down + (0 if up else 1) - (1 if before is False else 0)
            self._counts = replace(counts, up=up_count, down=down_count)

    def _enqueue(self, item: object) -> None:
        try:
            self._queue.put_nowait(item)
        except queue.Full:
            self._lose("the write queue is full (the database is too slow or down)")

    # -- moderators -------------------------------------------------------------------------------

    def state(self) -> FeedbackState:
        with self._lock:
            return FeedbackState(
                enabled=self._open_store is not None,
                where=self._store.name if self._store else None,
                problem=self._problem,
                lost=self._lost,
                counts=self._counts,
            )

    def reset_counts(self) -> None:
        """Start the /status counts afresh (after a reload)."""
        with self._lock:
            self._counts = FeedbackCounts(since=self._clock())
            self._votes.clear()

    def report(self, days: int, flush_timeout: float = 5.0) -> UnansweredReport:
        """The unanswered questions of the last ``days`` days, including what this process has
        queued (written first, waiting at most ``flush_timeout`` seconds).

        Raises ``FeedbackUnavailable`` saying why when there is no store to read.
        """
        self.flush(flush_timeout)
        store = self._store
        if store is None and self._open_store is not None and self._open():
            store = self._store
        if store is None:
            raise FeedbackUnavailable(self._problem or "no feedback store")
        try:
            return read_report(store, days=days, now=self._clock())
        except SQLAlchemyError as error:
            raise FeedbackUnavailable(describe(error, store.engine.url)) from error

    # -- the writer thread ------------------------------------------------------------------------

    def _run(self) -> None:
        self._purge_when_due()
        while True:
            batch = self._next_batch()
            records = [item for item in batch if isinstance(item, AskedQuestion | _VoteItem)]
            if records:
                self._purge_when_due()
                self._write(records)
            for item in batch:
                if isinstance(item, _Flush):
                    item.done.set()
            if any(item is _STOP for item in batch):
                return

    def _next_batch(self) -> list[object]:
        """Waits for a record, sleeps ``GATHER_SECONDS`` and takes what else arrived (up to
        ``BATCH``): a busy bot writes many rows per transaction, and the writer is not woken
        (taking the GIL from an answer) by every record put on the queue."""
        try:
            batch = [self._queue.get(timeout=PURGE_EVERY_SECONDS / 4)]
        except queue.Empty:
            self._purge_when_due()
            return []
        if not isinstance(batch[0], _Flush) and batch[0] is not _STOP:
            time.sleep(GATHER_SECONDS)
        while len(batch) < BATCH and not isinstance(batch[-1], _Flush) and batch[-1] is not _STOP:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return batch

    def _write(self, records: list[AskedQuestion | _VoteItem]) -> None:
        """One transaction for the batch: written whole, or lost whole and counted."""
        if self._store is None:
            self._open()
        store = self._store
        if store is None:
            self._lose(self._problem or "no feedback store", len(records))
            return
        asked = [record for record in records if isinstance(record, AskedQuestion)]
        cast = [
            Vote(item.answer_id, store.voter(item.platform, item.user), item.up, item.voted_at)
            for item in records
            if isinstance(item, _VoteItem)
        ]
        try:
            store.add(asked, cast)
        except SQLAlchemyError as error:
            self._lose(describe(error, store.engine.url), len(records))
            return
        if self._problem is not None:
            log.info("feedback: %s is writable again", store.name)
            with self._lock:
                self._problem = None

    def _open(self) -> bool:
        """Open the store now, unless the last failed attempt is under a minute old."""
        if self._open_store is None:
            return False
        now = self._monotonic()
        if now - self._last_open < REOPEN_EVERY_SECONDS:
            return False
        self._last_open = now
        try:
            store = self._open_store()
        except FeedbackUnavailable as error:
            self._fail(str(error))
            return False
        with self._lock:
            self._store, self._problem = store, None
        return True

    def _purge_when_due(self) -> None:
        now = self._monotonic()
        if self._store is None or now - self._last_purge < PURGE_EVERY_SECONDS:
            return
        self._last_purge = now
        try:
            gone = self._store.purge(self._clock() - self._retention)
        except SQLAlchemyError as error:
            self._fail(describe(error, self._store.engine.url))
            return
        if gone:
            log.info("feedback: deleted %d rows older than %s", gone, self._retention.days)

    def _lose(self, reason: str, count: int = 1) -> None:
        with self._lock:
            self._lost += count
        self._fail(reason)

    def _fail(self, reason: str) -> None:
        """Remember why; warn at most once a minute (and whenever the reason changes)."""
        with self._lock:
            changed, self._problem = reason != self._problem, reason
        now = self._monotonic()
        if changed or now - self._last_warning >= WARN_EVERY_SECONDS:
            self._last_warning = now
            log.warning("feedback is off, answers are not affected: %s", reason)
