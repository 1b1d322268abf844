"""The unanswered-questions report: declined and voted-down questions, grouped.

Questions are grouped by their typo-corrected form with case, punctuation and word order
folded ("Who won the cup?", "the cup: who won" and "who wno the cup" meet), most asked first.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.feedback.questions import group_key
from bot.feedback.store import FeedbackStore, QuestionRow

CSV_COLUMNS = (
    "question",
    "asked",
    "declined",
    "votes_down",
    "votes_up",
    "last_asked",
    "articles",
    "other_forms",
)


@dataclass(frozen=True)
class UnansweredGroup:
    """One question and its rephrasings; ``question`` is the form asked most (latest on a tie)."""

    question: str
    asked: int
    declined: int
    votes_up: int
    votes_down: int
    last_asked: datetime
    article_ids: tuple[str, ...]
    """The articles the voted-down answers quoted, most quoted first."""
    other_forms: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "asked": self.asked,
            "declined": self.declined,
            "votes_down": self.votes_down,
            "votes_up": self.votes_up,
            "last_asked": self.last_asked.isoformat(),
            "articles": list(self.article_ids),
            "other_forms": list(self.other_forms),
        }


@dataclass(frozen=True)
class UnansweredReport:
    days: int
    since: datetime
    groups: tuple[UnansweredGroup, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "since": self.since.isoformat(),
            "questions": [group.to_json() for group in self.groups],
        }

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for group in self.groups:
            row = group.to_json()
            row["articles"] = " ".join(group.article_ids)
            row["other_forms"] = " | ".join(group.other_forms)
            writer.writerow(row[column] for column in CSV_COLUMNS)
        return out.getvalue()


def read_report(store: FeedbackStore, *, days: int, now: datetime) -> UnansweredReport:
    """The report of the ``days`` days before ``now``; raises what the database raises."""
    since = now - timedelta(days=days)
    return build_report(store.unanswered_rows(since), days=days, since=since)


def build_report(rows: Iterable[QuestionRow], *, days: int, since: datetime) -> UnansweredReport:
    by_key: dict[str, list[QuestionRow]] = {}
    for row in rows:
        by_key.setdefault(group_key(row.corrected), []).append(row)
    groups = [group for group in map(_group, by_key.values()) if _unanswered(group)]
    groups.sort(key=lambda group: (-group.asked, -group.last_asked.timestamp(), group.question))
    return UnansweredReport(days=days, since=since, groups=tuple(groups))


def _unanswered(group: UnansweredGroup) -> bool:
    return group.declined > 0 or group.votes_down > group.votes_up


def _group(rows: list[QuestionRow]) -> UnansweredGroup:
    latest = {row.question: row.asked_at for row in rows}
    forms = Counter(row.question for row in rows)
    ranked = sorted(forms, key=lambda form: (-forms[form], -latest[form].timestamp()))
    answers = {row.answer_id: row for row in rows}
    quoted = Counter(
        article
        for row in answers.values()
        if row.votes_down > row.votes_up
        for article in row.article_ids
    )
    return UnansweredGroup(
        question=ranked[0],
        asked=len(rows),
        declined=sum(row.declined for row in rows),
        votes_up=sum(row.votes_up for row in answers.values()),
        votes_down=sum(row.votes_down for row in answers.values()),
        last_asked=max(row.asked_at for row in rows),
        article_ids=tuple(article for article, _ in quoted.most_common()),
        other_forms=tuple(ranked[1:]),
    )
