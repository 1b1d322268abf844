"""``/status``: version, counts, last reload and uptime, as plain text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.knowledge_base import KnowledgeBase
from bot.ops.status import StatusTracker, duration_text, status_text

START = datetime(2024, 10, 25, 9, 30, tzinfo=UTC)


class FakeClock:
    """Wall and monotonic time that a test moves forward by hand."""

    def __init__(self) -> None:
        self.elapsed = 0.0

    def now(self) -> datetime:
        return START + timedelta(seconds=self.elapsed)

    def monotonic(self) -> float:
        return 1000.0 + self.elapsed


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def tracker(clock: FakeClock) -> StatusTracker:
    return StatusTracker(clock=clock.now, monotonic=clock.monotonic)


def test_status_names_the_version_counts_and_uptime(
    tiny_kb_dir: Path, tracker: StatusTracker, clock: FakeClock
):
    kb = KnowledgeBase(tiny_kb_dir)
    clock.elapsed = 2 * 3600 + 5 * 60 + 7
    lines = status_text(kb, tracker).splitlines()
    assert lines[0] == (
        f"Knowledge base version {kb.version}: 3 articles, {len(kb.snapshot.passages)} passages."
    )
    assert lines[1] == "Last reload: none since start-up."
    assert lines[2] == "Up 2 h 5 min (since 2024-10-25 09:30 UTC)."


def test_status_reports_the_last_reload_who_where_and_its_result(
    tiny_kb_dir: Path, add_article, tracker: StatusTracker, clock: FakeClock
):
    kb = KnowledgeBase(tiny_kb_dir)
    add_article("bridge", "The old bridge reopened on Monday after repairs.")
    clock.elapsed = 600
    report = kb.reload()
    tracker.record_reload(by="@alice", platform="slack", ok=report.ok, summary=report.summary())
    line = status_text(kb, tracker).splitlines()[1]
    assert line == (
        "Last reload: 2024-10-25 09:40 UTC by @alice on slack, "
        f"Reloaded: now version {kb.version} ({report.articles} articles, "
        f"{report.passages} passages, {report.seconds:.2f} s)."
    )
    assert "4 articles" in status_text(kb, tracker).splitlines()[0]


def test_a_failed_reload_is_marked_as_failed(tiny_kb_dir: Path, tracker: StatusTracker):
    kb = KnowledgeBase(tiny_kb_dir)
    (tiny_kb_dir / "broken.md").write_bytes(b"\xff\xfe not text")
    report = kb.reload()
    assert not report.ok
    tracker.record_reload(by="mod#1", platform="discord", ok=False, summary=report.summary())
    line = status_text(kb, tracker).splitlines()[1]
    assert "by mod#1 on discord, failed: Reload refused" in line


def test_only_the_latest_reload_is_kept(tracker: StatusTracker, clock: FakeClock):
    tracker.record_reload(by="a", platform="slack", ok=True, summary="first")
    clock.elapsed = 60
    tracker.record_reload(by="b", platform="discord", ok=True, summary="second\nmore")
    last = tracker.last_reload
    assert last is not None
    assert (last.by, last.summary, last.at) == ("b", "second\nmore", START + timedelta(minutes=1))


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (12.9, "12 s"),
        (250, "4 min 10 s"),
        (3600, "1 h 0 min"),
        (3 * 86_400 + 4 * 3600 + 59, "3 d 4 h"),
    ],
)
def test_durations_show_their_two_largest_units(seconds: float, text: str):
    assert duration_text(seconds) == text


def test_status_says_which_aliases_file_is_live(
    tiny_kb_dir: Path, tmp_path: Path, tracker: StatusTracker
):
    fallback = tmp_path / "aliases.yml"
    fallback.write_text("magma: [lava]\n", encoding="utf-8")

    assert "Aliases: none" in status_text(KnowledgeBase(tiny_kb_dir), tracker)
    text = status_text(KnowledgeBase(tiny_kb_dir, aliases_fallback=fallback), tracker)
    assert f"Aliases: {fallback} (ALIASES_FILE: the knowledge folder has no aliases.yml)." in text
    (tiny_kb_dir / "aliases.yml").write_text("magma: [lava]\n", encoding="utf-8")
    text = status_text(KnowledgeBase(tiny_kb_dir, aliases_fallback=fallback), tracker)
    assert f"Aliases: {tiny_kb_dir / 'aliases.yml'}." in text
