"""Recording off the question path: nothing waits for the database, a failing one loses only
feedback, and /status counts what was asked and voted."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.feedback import FeedbackRecorder, FeedbackStore, FeedbackUnavailable
from bot.feedback.questions import asked_question
from bot.feedback.recorder import WARN_EVERY_SECONDS
from bot.knowledge_base import KnowledgeBase
from tests.feedback.records import NOW


class Ticks:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'feedback.sqlite3'}"


@pytest.fixture
def recorder(database: str) -> Iterator[FeedbackRecorder]:
    started = FeedbackRecorder(lambda: FeedbackStore.open(database), clock=lambda: NOW).start()
    yield started
    started.close()


def test_a_recorded_question_and_vote_reach_the_report(recorder: FeedbackRecorder, kb):
    answer = kb.ask("Who won the cup final?")
    recorder.record_question(answer, answer_id="v.1", platform="discord", channel="c1")
    assert recorder.record_vote("v.1", platform="discord", user="u1", up=False)
    assert recorder.flush()
    [group] = recorder.report(days=7).groups
    assert (group.question, group.votes_down, group.article_ids) == (
        "Who won the cup final?",
        1,
        ("football",),
    )


def test_recording_returns_while_the_database_is_still_locked(sqlite_url: str, kb, tmp_path):
    recorder = FeedbackRecorder(lambda: FeedbackStore.open(sqlite_url), clock=lambda: NOW).start()
    blocker = sqlite3.connect(tmp_path / "feedback.sqlite3", isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        recorder.record_question(
            kb.ask("What is the capital of Peru?"), answer_id="v.2", platform="slack"
        )
        assert not recorder.flush(timeout=0.5), "the write waits for the lock, not the caller"
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert recorder.flush()
    assert [g.question for g in recorder.report(days=7).groups] == ["What is the capital of Peru?"]
    recorder.close()


def test_a_full_queue_drops_feedback_and_counts_it(sqlite_url: str, kb: KnowledgeBase):
    recorder = FeedbackRecorder(lambda: FeedbackStore.open(sqlite_url), queue_size=2)
    answer = kb.ask("Who won the cup final?")
    for number in range(3):
        recorder.record_question(answer, answer_id=f"v.{number}", platform="console")
    state = recorder.state()
    assert state.lost == 1
    assert "queue is full" in (state.problem or "")
    assert state.counts.asked == 3


def test_status_counts_questions_the_answered_share_and_current_votes(kb: KnowledgeBase):
    recorder = FeedbackRecorder(None, clock=lambda: NOW)
    recorder.record_question(kb.ask("Who won the cup final?"), answer_id="a", platform="slack")
    recorder.record_question(kb.ask("What is the capital of Peru?"), answer_id="b", platform="x")
    recorder.record_vote("a", platform="slack", user="u1", up=True)
    recorder.record_vote("a", platform="slack", user="u1", up=True)
    recorder.record_vote("a", platform="slack", user="u2", up=True)
    recorder.record_vote("a", platform="slack", user="u2", up=False)
    counts = recorder.state().counts
    assert (counts.asked, counts.answered, counts.up, counts.down) == (2, 1, 1, 1)
    recorder.reset_counts()
    assert recorder.state().counts.asked == 0


def test_a_question_the_core_refused_to_search_is_not_kept(kb: KnowledgeBase):
    recorder = FeedbackRecorder(None)
    recorder.record_question(kb.ask("   "), answer_id="e", platform="console")
    assert recorder.state().counts.asked == 0


def test_a_vote_with_an_impossible_answer_id_is_ignored():
    recorder = FeedbackRecorder(None)
    assert not recorder.record_vote("", platform="discord", user="u", up=True)
    assert not recorder.record_vote("x" * 65, platform="discord", user="u", up=True)
    assert recorder.state().counts.up == 0


def test_switched_off_feedback_says_so_and_has_no_report():
    recorder = FeedbackRecorder(None).start()
    assert not recorder.state().on
    assert "FEEDBACK_ENABLED" in (recorder.state().problem or "")
    with pytest.raises(FeedbackUnavailable, match="FEEDBACK_ENABLED"):
        recorder.report(days=7)


def test_a_broken_database_is_reported_once_a_minute_not_per_question(
    tmp_path: Path, kb: KnowledgeBase, caplog: pytest.LogCaptureFixture
):
    damaged = tmp_path / "feedback.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    ticks = Ticks()
    recorder = FeedbackRecorder(lambda: FeedbackStore.open(f"sqlite:///{damaged}"), monotonic=ticks)
    with caplog.at_level(logging.WARNING, logger="bot.feedback.recorder"):
        recorder.start()
        answer = kb.ask("Who won the cup final?")
        for _ in range(5):
            recorder.record_question(answer, answer_id="v.1", platform="discord")
        assert recorder.flush()
        assert len(caplog.records) == 1
        ticks.now += WARN_EVERY_SECONDS + 1
        recorder.record_question(answer, answer_id="v.1", platform="discord")
        assert recorder.flush()
    assert len(caplog.records) == 2
    assert "not a database" in caplog.records[0].getMessage()
    assert recorder.state().lost == 6
    recorder.close()


def test_the_typo_corrected_form_is_kept_beside_the_question_as_typed(kb: KnowledgeBase):
    answer = kb.ask("Where did the volcanno erupt?")
    asked = asked_question(answer, answer_id="v.1", platform="console", channel=None, asked_at=NOW)
    assert (asked.question, asked.corrected) == (
        "Where did the volcanno erupt?",
        "Where did the volcano erupt?",
    )
    assert asked.article_ids == ("volcano",)
