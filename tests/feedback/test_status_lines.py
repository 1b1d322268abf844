"""/status gains the questions asked, the answered share and the votes since the last reload."""

from __future__ import annotations

from pathlib import Path

from bot.feedback import FeedbackRecorder, FeedbackStore
from bot.knowledge_base import KnowledgeBase
from bot.ops.runtime import Operations
from bot.ops.status import StatusTracker, status_text
from tests.feedback.records import NOW


def test_status_counts_questions_the_answered_share_and_votes(kb: KnowledgeBase, tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    recorder = FeedbackRecorder(lambda: FeedbackStore.open(url), clock=lambda: NOW).start()
    for question in (
        "Who won the cup final?",
        "What is the capital of Peru?",
        "Who won a second term?",
    ):
        recorder.record_question(kb.ask(question), answer_id=question, platform="discord")
    recorder.record_vote("Who won a second term?", platform="discord", user="u1", up=False)
    lines = status_text(kb, StatusTracker(), recorder).splitlines()
    assert lines[-2:] == [
        "Since 2026-12-01 12:00 UTC: 3 questions asked, 2 answered (67%); votes 👍 0 👎 1.",
        f"Feedback is kept in sqlite:///{tmp_path / 'feedback.sqlite3'}.",
    ]
    recorder.close()


def test_status_says_feedback_is_off_and_why_and_counts_what_was_lost(
    kb: KnowledgeBase, tmp_path: Path
):
    (tmp_path / "feedback.sqlite3").write_bytes(b"not sqlite" * 200)
    url = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    recorder = FeedbackRecorder(lambda: FeedbackStore.open(url)).start()
    recorder.record_question(kb.ask("Who won the cup final?"), answer_id="a", platform="slack")
    assert recorder.flush()
    lines = status_text(kb, StatusTracker(), recorder).splitlines()
    assert lines[-2].startswith("Feedback is off: ")
    assert "not a database" in lines[-2]
    assert lines[-1] == "Feedback records lost since start-up: 1."
    recorder.close()


async def test_a_reload_starts_the_counts_afresh(kb: KnowledgeBase):
    recorder = FeedbackRecorder(None)
    recorder.record_question(kb.ask("Who won the cup final?"), answer_id="a", platform="slack")
    ops = Operations.build(kb, platform="slack", feedback=recorder)
    assert "1 question asked" in ops.status()
    await ops.reload("a moderator")
    assert "0 questions asked" in ops.status()
