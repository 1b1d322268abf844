"""``/status`` for moderators: what is live, since when, and what the last reload did.

Pure text; both adapters send ``status_text`` as it is (it uses no platform markup).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.feedback import FeedbackRecorder
from bot.feedback.render import status_lines
from bot.knowledge_base import KnowledgeBase


@dataclass(frozen=True)
class ReloadRecord:
    at: datetime
    by: str
    platform: str
    ok: bool
    summary: str


class StatusTracker:
    """The process's start time and its last reload; one per process, shared by its adapters."""

    def __init__(
        self,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self.started_at = clock()
        self._started = monotonic()
        self._last_reload: ReloadRecord | None = None

    def record_reload(self, *, by: str, platform: str, ok: bool, summary: str) -> ReloadRecord:
        """Remember a reload; ``summary`` is the report the moderator got (its first line is kept)."""
        record = ReloadRecord(self._clock(), by, platform, ok, summary)
        with self._lock:
            self._last_reload = record
        return record

    @property
    def last_reload(self) -> ReloadRecord | None:
        with self._lock:
            return self._last_reload

    def uptime_seconds(self) -> float:
        return self._monotonic() - self._started


def status_text(
    kb: KnowledgeBase, tracker: StatusTracker, feedback: FeedbackRecorder | None = None
) -> str:
    """What is live; with ``feedback``, the questions and votes since the last reload too."""
    snapshot = kb.snapshot
    lines = [
        f"Knowledge base version {snapshot.version}: "
        f"{len(snapshot.articles)} articles, {len(snapshot.passages)} passages.",
        reload_line(tracker.last_reload),
        f"Up {duration_text(tracker.uptime_seconds())} (since {_when(tracker.started_at)}).",
        aliases_line(kb),
    ]
    if feedback is not None:
        lines.extend(status_lines(feedback.state()))
    return "\n".join(lines)


def aliases_line(kb: KnowledgeBase) -> str:
    live = kb.snapshot.aliases_file
    if live is None:
        return "Aliases: none (no aliases.yml in the knowledge folder, and no ALIASES_FILE)."
    if Path(live).parent == kb.directory:
        return f"Aliases: {live}."
    return f"Aliases: {live} (ALIASES_FILE: the knowledge folder has no aliases.yml)."


def reload_line(record: ReloadRecord | None) -> str:
    if record is None:
        return "Last reload: none since start-up."
    first_line = record.summary.strip().splitlines()[0] if record.summary.strip() else "no report"
    outcome = "" if record.ok else "failed: "
    return (
        f"Last reload: {_when(record.at)} by {record.by} on {record.platform}, "
        f"{outcome}{first_line}"
    )


def duration_text(seconds: float) -> str:
    """The two largest units, e.g. ``3 d 4 h``, ``2 h 5 min``, ``4 min 10 s``, ``12 s``."""
    remaining = max(0, int(seconds))
    parts: list[str] = []
    for unit, size in (("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1)):
        count, remaining = divmod(remaining, size)
        if count or (parts and len(parts) < 2):
            parts.append(f"{count} {unit}")
        if len(parts) == 2:
            break
    return " ".join(parts) or "0 s"


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
