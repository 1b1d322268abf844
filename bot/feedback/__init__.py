"""Feedback: the questions people asked, which were declined, and their votes on answers.

``FeedbackRecorder`` is what a surface holds (writes off the question path); ``FeedbackStore``
the database underneath; ``UnansweredReport`` what moderators read (``/unanswered``, ``report``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.feedback.recorder import FeedbackCounts, FeedbackRecorder, FeedbackState
from bot.feedback.report import UnansweredGroup, UnansweredReport
from bot.feedback.store import FeedbackStore, FeedbackUnavailable, default_url

if TYPE_CHECKING:
    from bot.config import Settings

__all__ = [
    "FeedbackCounts",
    "FeedbackRecorder",
    "FeedbackState",
    "FeedbackStore",
    "FeedbackUnavailable",
    "UnansweredGroup",
    "UnansweredReport",
    "open_store",
    "recorder_for",
    "store_url",
]


def store_url(settings: Settings) -> str:
    """``DATABASE_URL``, else the SQLite file under ``DATA_DIR``."""
    if settings.database_url is not None:
        return settings.database_url.get_secret_value()
    return default_url(settings.data_dir)


def open_store(settings: Settings) -> FeedbackStore:
    """Raises ``FeedbackUnavailable`` saying why."""
    salt = settings.feedback_salt.get_secret_value() if settings.feedback_salt else None
    return FeedbackStore.open(store_url(settings), salt)


def recorder_for(settings: Settings) -> FeedbackRecorder:
    """A started recorder as the settings ask (switched off with ``FEEDBACK_ENABLED=false``)."""
    opener = (lambda: open_store(settings)) if settings.feedback_enabled else None
    return FeedbackRecorder(opener, retention_days=settings.feedback_retention_days).start()
