"""Sample records for the feedback tests."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.feedback.store import AskedQuestion

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)

ASKED = AskedQuestion(
    answer_id="v1.abc",
    question="Who won the cup?",
    corrected="Who won the cup?",
    platform="discord",
    channel="123",
    version="v1",
    article_ids=("football",),
    declined=False,
    asked_at=NOW,
)
