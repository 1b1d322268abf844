"""Grouping the unanswered questions, and the report as text, JSON and CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from bot.feedback.questions import corrected_form, group_key
from bot.feedback.render import unanswered_text
from bot.feedback.report import CSV_COLUMNS, build_report
from bot.feedback.store import QuestionRow
from tests.feedback.records import NOW

SINCE = NOW - timedelta(days=30)


def row(question: str, *, minutes: int = 0, corrected: str | None = None, **fields) -> QuestionRow:
    values = {
        "declined": True,
        "article_ids": (),
        "answer_id": f"v1.{question}",
        "votes_up": 0,
        "votes_down": 0,
    }
    values.update(fields)
    return QuestionRow(
        question=question,
        corrected=corrected or question,
        asked_at=NOW - timedelta(minutes=minutes),
        **values,
    )


def test_case_punctuation_and_word_order_are_folded_into_one_group():
    report = build_report(
        [
            row("Who won the cup?", minutes=30),
            row("who won THE cup", minutes=20),
            row("The cup: who won?", minutes=10),
            row("Who won the cup?", minutes=5),
        ],
        days=30,
        since=SINCE,
    )
    [group] = report.groups
    assert (group.question, group.asked, group.declined) == ("Who won the cup?", 4, 4)
    assert group.other_forms == ("The cup: who won?", "who won THE cup")
    assert group.last_asked == NOW - timedelta(minutes=5)


def test_typo_corrected_forms_are_grouped_with_the_question_they_meant():
    report = build_report(
        [
            row("Where did the volcano erupt?"),
            row("Where did the volcanno erupt?", corrected="Where did the volcano erupt?"),
        ],
        days=30,
        since=SINCE,
    )
    [group] = report.groups
    assert group.asked == 2


def test_most_asked_first_then_most_recent():
    report = build_report(
        [
            row("What about Peru?", minutes=1),
            row("Who is the mayor of Oslo?", minutes=50),
            row("Who is the mayor of Oslo?", minutes=40),
            row("What about Chile?", minutes=2),
        ],
        days=30,
        since=SINCE,
    )
    assert [g.question for g in report.groups] == [
        "Who is the mayor of Oslo?",
        "What about Peru?",
        "What about Chile?",
    ]


def test_a_voted_down_answer_names_the_articles_it_quoted_and_counts_votes_once_per_answer():
    shared = {"declined": False, "answer_id": "v1.cup", "votes_down": 2, "votes_up": 1}
    report = build_report(
        [
            row("Who won the cup?", article_ids=("football", "election"), **shared),
            row("who won the cup", article_ids=("football", "election"), **shared),
        ],
        days=30,
        since=SINCE,
    )
    [group] = report.groups
    assert (group.asked, group.declined, group.votes_down, group.votes_up) == (2, 0, 2, 1)
    assert group.article_ids == ("football", "election")


def test_an_answer_liked_more_than_disliked_is_not_listed():
    liked = row("Who won?", declined=False, votes_down=1, votes_up=3)
    assert build_report([liked], days=30, since=SINCE).groups == ()


def test_the_text_lists_counts_last_asked_and_quoted_articles():
    down = {"declined": False, "votes_down": 1, "article_ids": ("football",)}
    text = unanswered_text(
        build_report(
            [row("What is the capital of Peru?"), row("Who won the cup?", **down)],
            days=30,
            since=SINCE,
        )
    )
    assert text.splitlines() == [
        "2 unanswered questions in the last 30 days (since 2026-11-01 12:00 UTC), most asked first:",
        "1. “What is the capital of Peru?” — asked once, declined once, last 2026-12-01 12:00 UTC",
        "2. “Who won the cup?” — asked once, 👎 1 👍 0, last 2026-12-01 12:00 UTC, quoted football",
    ]


def test_a_long_report_is_cut_in_chat_and_says_where_the_rest_is():
    report = build_report([row(f"Question number {n}?") for n in range(30)], days=7, since=SINCE)
    text = unanswered_text(report, limit=5)
    assert text.count("“Question number") == 5
    assert text.endswith("… and 25 more (see the CSV file, or `report --csv`).")


def test_an_empty_report_says_so_in_text_json_and_csv():
    report = build_report([], days=7, since=SINCE)
    assert unanswered_text(report) == (
        "No declined or voted-down questions in the last 7 days (since 2026-11-01 12:00 UTC)."
    )
    assert report.to_json() == {"days": 7, "since": SINCE.isoformat(), "questions": []}
    assert report.to_csv() == ",".join(CSV_COLUMNS) + "\n"


def test_the_csv_has_one_row_per_group_with_quotes_and_commas_escaped():
    report = build_report([row('He said "no, never", then?')], days=7, since=SINCE)
    [header, record] = list(csv.reader(io.StringIO(report.to_csv())))
    assert header == list(CSV_COLUMNS)
    assert record[:3] == ['He said "no, never", then?', "1", "1"]


def test_corrected_form_replaces_only_whole_words_in_any_case():
    assert corrected_form("Puttin and puttin, putting", {"puttin": "putin"}) == (
        "putin and putin, putting"
    )
    assert group_key("Who won?") == group_key("WON who")
