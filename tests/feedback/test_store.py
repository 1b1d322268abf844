"""The store on SQLite and on a real PostgreSQL: the same statements, the same results."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from bot.feedback.store import (
    FeedbackStore,
    FeedbackUnavailable,
    Vote,
    meta,
    questions,
    voter_hash,
    votes,
)
from tests.feedback.records import ASKED, NOW

LONG_AGO = NOW - timedelta(days=365)


def test_a_question_and_a_down_vote_come_back_in_the_unanswered_rows(store: FeedbackStore):
    store.add_questions([ASKED])
    store.add_vote(Vote("v1.abc", store.voter("discord", "u1"), up=False, voted_at=NOW))
    [row] = store.unanswered_rows(LONG_AGO)
    assert (row.question, row.article_ids, row.votes_down, row.votes_up) == (
        "Who won the cup?",
        ("football",),
        1,
        0,
    )
    assert row.asked_at == NOW


def test_an_answered_question_without_down_votes_is_not_unanswered(store: FeedbackStore):
    store.add_questions([ASKED])
    store.add_vote(Vote("v1.abc", store.voter("discord", "u1"), up=True, voted_at=NOW))
    assert store.unanswered_rows(LONG_AGO) == []


def test_a_second_click_changes_the_vote_and_a_repeat_counts_once(store: FeedbackStore):
    store.add_questions([ASKED])
    voter = store.voter("slack", "T1:U1")
    for up in (True, True, False):
        store.add_vote(Vote("v1.abc", voter, up=up, voted_at=NOW))
    [row] = store.unanswered_rows(LONG_AGO)
    assert (row.votes_up, row.votes_down) == (0, 1)
    assert store.vote_of("v1.abc", voter) is False


def test_a_vote_for_an_answer_the_store_never_saw_is_kept_for_when_its_question_arrives(
    database: str,
):
    """Another replica's question row may land after the vote, or never: the vote is kept."""
    voting_replica = FeedbackStore.open(database)
    voting_replica.add_vote(Vote("v1.abc", voting_replica.voter("discord", "u1"), False, NOW))
    assert voting_replica.unanswered_rows(LONG_AGO) == []
    asking_replica = FeedbackStore.open(database)
    asking_replica.add_questions([ASKED])
    [row] = voting_replica.unanswered_rows(LONG_AGO)
    assert row.votes_down == 1
    voting_replica.close()
    asking_replica.close()


def test_a_question_of_1000_characters_is_kept_whole(store: FeedbackStore):
    long_question = ("Why " + "really " * 200)[:999] + "?"
    assert len(long_question) == 1_000
    store.add_questions(
        [replace(ASKED, question=long_question, corrected=long_question, declined=True)]
    )
    [row] = store.unanswered_rows(LONG_AGO)
    assert row.question == long_question


def test_rows_older_than_the_retention_are_deleted(store: FeedbackStore):
    old = replace(ASKED, answer_id="v0.old", declined=True, asked_at=NOW - timedelta(days=91))
    store.add_questions([old, replace(ASKED, declined=True)])
    store.add_vote(Vote("v0.old", "someone", up=False, voted_at=NOW - timedelta(days=91)))
    store.add_vote(Vote("v1.abc", "someone", up=False, voted_at=NOW))
    assert store.purge(NOW - timedelta(days=90)) == 2
    assert [row.answer_id for row in store.unanswered_rows(LONG_AGO)] == ["v1.abc"]
    with store.engine.connect() as connection:
        assert connection.execute(select(votes.c.answer_id)).scalars().all() == ["v1.abc"]


def test_the_salt_is_generated_once_and_every_opener_uses_it(database: str):
    first, again = FeedbackStore.open(database), FeedbackStore.open(database)
    assert len(first.salt) == 64
    assert first.salt == again.salt
    assert first.voter("discord", "u1") == again.voter("discord", "u1")
    first.close()
    again.close()


def test_a_salt_from_the_settings_is_used_instead_and_never_stored(database: str):
    salted = FeedbackStore.open(database, salt="pepper")
    assert salted.voter("discord", "u1") == voter_hash("pepper", "discord", "u1")
    with salted.engine.connect() as connection:
        assert "pepper" not in connection.execute(select(meta.c.value)).scalars().all()
    salted.close()


def test_the_user_id_is_stored_only_as_a_salted_hash(store: FeedbackStore):
    store.add_vote(Vote("v1.abc", store.voter("discord", "4242"), up=True, voted_at=NOW))
    with store.engine.connect() as connection:
        [voter] = connection.execute(select(votes.c.voter)).scalars().all()
    assert "4242" not in voter
    assert voter != voter_hash("", "discord", "4242")
    assert len(voter) == 32


def test_the_question_row_keeps_what_the_readme_lists_and_no_user(store: FeedbackStore):
    store.add_questions([ASKED])
    assert {column.name for column in questions.columns} == {
        "id",
        "answer_id",
        "asked_at",
        "platform",
        "channel",
        "question",
        "corrected",
        "declined",
        "version",
        "article_ids",
    }


def test_replicas_opening_a_new_database_at_the_same_moment_all_succeed(database: str):
    def open_one(_: int) -> str:
        try:
            FeedbackStore.open(database).close()
        except FeedbackUnavailable as error:
            return str(error)
        return "ok"

    with ThreadPoolExecutor(6) as pool:
        assert list(pool.map(open_one, range(6))) == ["ok"] * 6
