"""Feedback through the desk, as every surface reaches it: questions kept, votes, /unanswered.

The console runs on the same desk, so its /up and /down are checked here too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import Conversation

from bot.adapters.console import ConsoleSession, LocalModeration, console_desk
from bot.desk import Command, Desk, ReplyKind
from bot.feedback import FeedbackRecorder, FeedbackStore
from bot.knowledge_base import KnowledgeBase

VOLCANO = "When did the volcano erupt near Ashford?"
PERU = "What is the capital of Peru?"


@pytest.fixture
def recorder(tmp_path: Path) -> Iterator[FeedbackRecorder]:
    url = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    started = FeedbackRecorder(lambda: FeedbackStore.open(url)).start()
    yield started
    started.close()


@pytest.fixture
def talk(kb: KnowledgeBase, recorder: FeedbackRecorder) -> Conversation:
    desk = Desk(kb, LocalModeration(kb, recorder), platform="test", feedback=recorder)
    return Conversation(desk, kb)


def unanswered(talk: Conversation, days: str = "") -> str:
    return talk.text(days, Command.UNANSWERED, moderator=True)


def test_a_declined_question_reaches_unanswered_with_a_csv_file(talk: Conversation):
    talk.say(PERU)
    talk.say("The capital of Peru is what?", user="bob")
    talk.say(PERU, user="cy")
    reply = talk.say("", Command.UNANSWERED, moderator=True)
    assert reply is not None and reply.private and reply.kind == ReplyKind.REPORT
    assert "1. “What is the capital of Peru?” — asked 3 times, declined 3 times" in reply.text
    assert reply.file is not None and reply.file.name == "unanswered-30d.csv"
    rows = list(csv.DictReader(io.StringIO(reply.file.data.decode())))
    assert [(row["question"], row["asked"]) for row in rows] == [(PERU, "3")]


def test_a_voted_down_answer_reaches_unanswered_naming_the_article_it_quoted(talk: Conversation):
    answer = talk.say(VOLCANO)
    assert answer is not None and answer.votable
    vote = talk.say("", Command.DOWN, answer_id=answer.answer_id)
    assert vote is not None and vote.private
    assert vote.text.startswith("Thanks for the 👎")
    assert "quoted volcano" in unanswered(talk)


def test_a_second_click_changes_the_vote(talk: Conversation):
    answer = talk.say(VOLCANO)
    assert answer is not None
    talk.say("", Command.DOWN, answer_id=answer.answer_id)
    talk.say("", Command.UP, answer_id=answer.answer_id)
    assert unanswered(talk).startswith("No declined or voted-down questions")


def test_a_vote_for_an_answer_the_store_never_saw_is_thanked_and_kept(talk: Conversation):
    """After a restart or from another replica: the button still carries the answer's id."""
    vote = talk.say("", Command.DOWN, answer_id=f"{talk.kb.version}.0123456789abcdef")
    assert vote is not None and vote.text.startswith("Thanks for the 👎")
    assert unanswered(talk).startswith("No declined or voted-down questions")


def test_a_vote_without_a_button_is_on_the_persons_last_answer(talk: Conversation):
    talk.say(VOLCANO, user="ann")
    talk.say("", Command.DOWN, user="ann")
    assert "quoted volcano" in unanswered(talk)


def test_a_vote_before_any_answer_says_there_is_nothing_to_vote_on(talk: Conversation):
    assert talk.text("", Command.UP) == "There is no answer to vote on yet: ask a question first."


def test_only_an_answer_everyone_sees_carries_the_vote_buttons(talk: Conversation):
    private = talk.say(VOLCANO, private=True)
    declined = talk.say(PERU, user="bob")
    assert private is not None and not private.votable
    assert declined is not None and not declined.votable
    shared = talk.say("", Command.SHARE, user="cy", answer_id=private.answer_id)
    assert shared is not None and shared.votable and shared.answer_id == private.answer_id


def test_unanswered_is_for_moderators_only(talk: Conversation):
    reply = talk.say("", Command.UNANSWERED)
    assert reply is not None and reply.private
    assert reply.text.startswith("Only moderators can see the unanswered questions")


def test_unanswered_with_days_that_are_not_a_number_says_how(talk: Conversation):
    assert unanswered(talk, "last week").startswith("Give /unanswered a number of days")
    assert unanswered(talk, "7").startswith("No declined or voted-down questions in the last 7")


def test_a_question_of_1000_characters_is_kept_whole(talk: Conversation):
    question = ("What is the capital of Peru" + " or of Chile" * 100)[:999] + "?"
    assert len(question) == 1_000
    declined = talk.say(question)
    assert declined is not None and declined.answer is not None and not declined.answer.answered
    report = talk.say("", Command.UNANSWERED, moderator=True)
    assert report is not None and report.file is not None
    assert f"“{question}”" in report.text
    [row] = csv.DictReader(io.StringIO(report.file.data.decode()))
    assert row["question"] == question


def test_unanswered_says_why_when_feedback_is_off(kb: KnowledgeBase, tmp_path: Path):
    (tmp_path / "feedback.sqlite3").write_bytes(b"damaged" * 500)
    url = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    recorder = FeedbackRecorder(lambda: FeedbackStore.open(url)).start()
    talk = Conversation(Desk(kb, LocalModeration(kb), platform="t", feedback=recorder), kb)
    assert talk.say(VOLCANO) is not None, "answers are not affected"
    text = unanswered(talk)
    assert text.startswith("Feedback is off: ") and "not a database" in text
    recorder.close()


def test_the_console_votes_on_its_last_answer_and_reports_its_declined_questions(
    kb: KnowledgeBase, recorder: FeedbackRecorder
):
    session = ConsoleSession(kb, console_desk(kb, feedback=recorder))
    session.reply(PERU)
    session.reply(VOLCANO)
    assert (session.reply("/down") or "").startswith("Thanks for the 👎")
    report = session.reply("/unanswered") or ""
    assert "“What is the capital of Peru?” — asked once, declined once" in report
    assert "quoted volcano" in report
    status = session.reply("/status") or ""
    assert "2 questions asked, 1 answered (50%); votes 👍 0 👎 1." in status
