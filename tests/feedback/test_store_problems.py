"""A database that cannot be used turns feedback off, says why, and never stops the answers."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from bot.config import Settings
from bot.feedback import FeedbackRecorder, FeedbackStore, recorder_for
from bot.knowledge_base import KnowledgeBase
from tests.postgres import PostgresCluster


def _start_from_settings(caplog: pytest.LogCaptureFixture) -> FeedbackRecorder:
    with caplog.at_level(logging.INFO, logger="bot.feedback"):
        return recorder_for(Settings())


def _assert_off_saying(recorder: FeedbackRecorder, caplog, reason: str, kb: KnowledgeBase):
    state = recorder.state()
    assert not state.on
    assert reason in (state.problem or "")
    assert any(
        "feedback is off" in record.getMessage() and reason in record.getMessage()
        for record in caplog.records
    )
    answer = kb.ask("Who won the cup final?")
    recorder.record_question(answer, answer_id="v.1", platform="console")
    assert answer.answered
    assert recorder.flush()
    recorder.close()


def test_a_corrupt_database_file_turns_feedback_off_saying_why(
    tmp_path: Path, monkeypatch, caplog, kb: KnowledgeBase
):
    (tmp_path / "feedback.sqlite3").write_bytes(b"\x00garbage, not SQLite\n" * 500)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    recorder = _start_from_settings(caplog)
    _assert_off_saying(recorder, caplog, "not a database", kb)
    assert (tmp_path / "feedback.sqlite3").read_bytes().startswith(b"\x00garbage"), "kept as is"


def test_a_read_only_database_turns_feedback_off_saying_why(
    tmp_path: Path, monkeypatch, caplog, kb: KnowledgeBase
):
    """Root ignores file modes, so the database is opened read-only by SQLite's URI mode."""
    path = tmp_path / "feedback.sqlite3"
    FeedbackStore.open(f"sqlite:///{path}").close()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    recorder = _start_from_settings(caplog)
    _assert_off_saying(recorder, caplog, "read-only", kb)


def test_a_data_dir_that_cannot_be_made_turns_feedback_off_saying_why(
    tmp_path: Path, monkeypatch, caplog, kb: KnowledgeBase
):
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "a-file" / "data"))
    recorder = _start_from_settings(caplog)
    _assert_off_saying(recorder, caplog, "cannot create its folder", kb)


def test_a_sqlite_database_is_in_wal_mode(tmp_path: Path):
    path = tmp_path / "feedback.sqlite3"
    FeedbackStore.open(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_postgresql_going_away_loses_only_feedback_and_writing_resumes_when_it_returns(
    postgres_cluster: PostgresCluster, postgres_url: str, kb: KnowledgeBase, caplog
):
    recorder = FeedbackRecorder(lambda: FeedbackStore.open(postgres_url)).start()
    before, during, after = (
        kb.ask(question)
        for question in (
            "What is the capital of Peru?",
            "What is the capital of Chile?",
            "What is the capital of Bolivia?",
        )
    )
    recorder.record_question(before, answer_id="v.before", platform="discord")
    assert recorder.flush()
    postgres_cluster.stop()
    try:
        with caplog.at_level(logging.WARNING, logger="bot.feedback.recorder"):
            recorder.record_question(during, answer_id="v.during", platform="discord")
            assert recorder.flush(timeout=30)
        state = recorder.state()
        assert (state.on, state.lost) == (False, 1)
        assert "127.0.0.1" in (state.problem or "")
        assert any("answers are not affected" in r.getMessage() for r in caplog.records)
    finally:
        postgres_cluster.start()
    recorder.record_question(after, answer_id="v.after", platform="discord")
    assert recorder.flush(timeout=30)
    state = recorder.state()
    assert (state.on, state.lost) == (True, 1)
    asked = sorted(group.question for group in recorder.report(days=1).groups)
    assert asked == ["What is the capital of Bolivia?", "What is the capital of Peru?"]
    recorder.close()


def test_a_postgresql_restart_while_the_bot_is_idle_loses_nothing(
    postgres_cluster: PostgresCluster, postgres_url: str, kb: KnowledgeBase
):
    """The pooled connection died with the old server; it is checked before it is used."""
    recorder = FeedbackRecorder(lambda: FeedbackStore.open(postgres_url)).start()
    declined = kb.ask("What is the capital of Peru?")
    recorder.record_question(declined, answer_id="v.before", platform="slack")
    assert recorder.flush()
    postgres_cluster.stop()
    postgres_cluster.start()
    recorder.record_question(declined, answer_id="v.after", platform="slack")
    assert recorder.flush(timeout=30)
    assert (recorder.state().on, recorder.state().lost) == (True, 0)
    [group] = recorder.report(days=1).groups
    assert group.asked == 2
    recorder.close()
