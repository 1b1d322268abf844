"""Feedback at the desk: votes on answers, and the moderators' /unanswered report."""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock

from bot.desk.models import Command, Reply, ReplyFile, ReplyKind, Request
from bot.feedback import FeedbackRecorder, FeedbackUnavailable
from bot.feedback import render as wording

DEFAULT_DAYS = 30
MAX_DAYS = 36_500
LAST_ANSWERS = 10_000
"""People whose last answer is remembered, for the console's /up and /down."""


class LastAnswers:
    """Each person's last answer id, so that "/up" with no button knows what it is about."""

    def __init__(self, capacity: int = LAST_ANSWERS) -> None:
        self._capacity = capacity
        self._ids: OrderedDict[str, str] = OrderedDict()
        self._lock = Lock()

    def keep(self, person: str, answer_id: str) -> None:
        with self._lock:
            self._ids.pop(person, None)
            self._ids[person] = answer_id
            while len(self._ids) > self._capacity:
                self._ids.popitem(last=False)

    def get(self, person: str) -> str | None:
        with self._lock:
            return self._ids.get(person)


def vote_reply(feedback: FeedbackRecorder | None, request: Request, answer_id: str | None) -> Reply:
    """Count the vote and thank the person privately (a second click changes the vote)."""
    if not answer_id:
        return _private(wording.NO_LAST_ANSWER)
    if feedback is None:
        return _private(wording.feedback_off_text("not set up on this bot"))
    up = request.command == Command.UP
    if not feedback.record_vote(answer_id, platform=request.platform, user=request.user, up=up):
        return _private(wording.VOTE_NOT_OURS)
    return _private(wording.vote_thanks(up))


def unanswered_reply(feedback: FeedbackRecorder | None, text: str) -> Reply:
    """The report of the last N days (default 30) as text, with the CSV file when not empty."""
    days = _days(text)
    if days is None:
        return _private(wording.DAYS_EXPECTED)
    if feedback is None:
        return _report(wording.feedback_off_text("not set up on this bot"))
    try:
        report = feedback.report(days)
    except FeedbackUnavailable as error:
        return _report(wording.feedback_off_text(str(error)))
    csv = ReplyFile(f"unanswered-{days}d.csv", report.to_csv().encode()) if report.groups else None
    return Reply(ReplyKind.REPORT, wording.unanswered_text(report), private=True, file=csv)


def _days(text: str) -> int | None:
    word = text.strip()
    if not word:
        return DEFAULT_DAYS
    if not word.isdigit() or not 1 <= int(word) <= MAX_DAYS:
        return None
    return int(word)


def _private(text: str) -> Reply:
    return Reply(ReplyKind.NOTICE, text, private=True)


def _report(text: str) -> Reply:
    return Reply(ReplyKind.REPORT, text, private=True)
