"""The feedback store: the questions people asked and their votes, in one SQL database.

SQLAlchemy Core, the same statements on SQLite (the default: one file under ``DATA_DIR``, WAL
mode, so the console and a single bot need nothing set up) and on PostgreSQL (``DATABASE_URL``,
shared by replicas). The schema is created on open. What is kept, and nothing more: the question
text and its typo-corrected form, platform, channel id, time, the answer's version and quoted
article ids, whether it was declined; a vote is an answer id, a salted hash of the user id and
up or down. Never a name.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    case,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)

DATABASE_FILE = "feedback.sqlite3"
MAX_ANSWER_ID = 64
MAX_CHANNEL = 128
CONNECT_TIMEOUT_SECONDS = 5

metadata = MetaData()

questions = Table(
    "feedback_questions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("answer_id", String(MAX_ANSWER_ID), nullable=False, index=True),
    Column("asked_at", DateTime(timezone=True), nullable=False, index=True),
    Column("platform", String(16), nullable=False),
    Column("channel", String(MAX_CHANNEL)),
    Column("question", Text, nullable=False),
    Column("corrected", Text, nullable=False),
    Column("declined", Boolean, nullable=False),
    Column("version", String(64), nullable=False),
    Column("article_ids", JSON, nullable=False),
)

votes = Table(
    "feedback_votes",
    metadata,
    Column("answer_id", String(MAX_ANSWER_ID), primary_key=True),
    Column("voter", String(64), primary_key=True),
    Column("up", Boolean, nullable=False),
    Column("voted_at", DateTime(timezone=True), nullable=False, index=True),
)
"""No foreign key to the questions: a vote may arrive before its question's row (another
replica's write still queued) or after it is gone (retention); it is kept either way."""

meta = Table(
    "feedback_meta",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("value", Text, nullable=False),
)


class FeedbackUnavailable(Exception):
    """The store cannot be opened or used; the message says why, for moderators."""


@dataclass(frozen=True)
class AskedQuestion:
    """One question as the store keeps it."""

    answer_id: str
    question: str
    corrected: str
    platform: str
    channel: str | None
    version: str
    article_ids: tuple[str, ...]
    declined: bool
    asked_at: datetime


@dataclass(frozen=True)
class Vote:
    """One person's vote on one answer; ``voter`` is already the salted hash."""

    answer_id: str
    voter: str
    up: bool
    voted_at: datetime


@dataclass(frozen=True)
class QuestionRow:
    """A recorded question with the votes its answer has, as a report reads it."""

    question: str
    corrected: str
    declined: bool
    asked_at: datetime
    article_ids: tuple[str, ...]
    answer_id: str
    votes_up: int
    votes_down: int


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / DATABASE_FILE}"


def voter_hash(salt: str, platform: str, user: str) -> str:
    """HMAC-SHA256 of ``platform:user``: the same person gives the same hash, and the hash
    cannot be turned back into the id without the salt."""
    message = f"{platform}:{user}".encode()
    return hmac.new(salt.encode(), message, hashlib.sha256).hexdigest()[:32]


class FeedbackStore:
    """The tables on one engine; every method is one transaction. Thread-safe."""

    def __init__(self, engine: Engine, salt: str) -> None:
        self.engine = engine
        self.salt = salt

    @classmethod
    def open(cls, url: str, salt: str | None = None) -> FeedbackStore:
        """Connect, create the schema, check that it can be written and settle the salt.

        Raises ``FeedbackUnavailable`` with the reason (read-only, not a database, refused…).
        """
        parsed = make_url(url)
        try:
            engine = _engine(parsed)
        except ImportError as error:
            raise FeedbackUnavailable(
                f"{display_name(parsed)} needs the {error.name} package: "
                "pip install 'newsdesk-bot[postgres]'"
            ) from error
        except (SQLAlchemyError, OSError) as error:
            raise FeedbackUnavailable(describe(error, parsed)) from error
        try:
            metadata.create_all(engine)
            with engine.begin() as connection:
                _claim(connection, "opened_at", datetime.now(UTC).isoformat(), replace=True)
                stored_salt = _claim(connection, "salt", salt or secrets.token_hex(32))
        except SQLAlchemyError as error:
            engine.dispose()
            raise FeedbackUnavailable(describe(error, parsed)) from error
        return cls(engine, salt or stored_salt)

    @property
    def name(self) -> str:
        """The database, without its password: ``sqlite:////data/feedback.sqlite3``."""
        return display_name(self.engine.url)

    def voter(self, platform: str, user: str) -> str:
        return voter_hash(self.salt, platform, user)

    def add(self, asked: Iterable[AskedQuestion], cast: Iterable[Vote] = ()) -> None:
        """Questions and votes in one transaction; a vote replaces the same person's earlier
        vote on the same answer (the last click counts)."""
        rows = [_question_row(question) for question in asked]
        with self.engine.begin() as connection:
            if rows:
                connection.execute(insert(questions), rows)
            for vote in cast:
                connection.execute(_upsert(self.engine.dialect.name, _vote_row(vote)))

    def add_questions(self, asked: Iterable[AskedQuestion]) -> None:
        self.add(asked)

    def add_vote(self, vote: Vote) -> None:
        self.add((), [vote])

    def vote_of(self, answer_id: str, voter: str) -> bool | None:
        with self.engine.connect() as connection:
            return connection.execute(
                select(votes.c.up).where(votes.c.answer_id == answer_id, votes.c.voter == voter)
            ).scalar()

    def purge(self, before: datetime) -> int:
        """Delete questions asked and votes cast before ``before``; how many rows went."""
        with self.engine.begin() as connection:
            gone = connection.execute(delete(questions).where(questions.c.asked_at < before))
            cast = connection.execute(delete(votes).where(votes.c.voted_at < before))
        return gone.rowcount + cast.rowcount

    def unanswered_rows(self, since: datetime) -> list[QuestionRow]:
        """Questions asked since ``since`` that were declined or whose answer has a down vote."""
        tally = (
            select(
                votes.c.answer_id,
                func.sum(case((votes.c.up, 1), else_=0)).label("up"),
                func.sum(case((votes.c.up, 0), else_=1)).label("down"),
            )
            .group_by(votes.c.answer_id)
            .subquery()
        )
        query = (
            select(questions, tally.c.up, tally.c.down)
            .join(tally, tally.c.answer_id == questions.c.answer_id, isouter=True)
            .where(questions.c.asked_at >= since)
            .where(or_(questions.c.declined, tally.c.down > 0))
            .order_by(questions.c.asked_at)
        )
        with self.engine.connect() as connection:
            return [_read_row(row._mapping) for row in connection.execute(query)]

    def close(self) -> None:
        self.engine.dispose()


def _engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
    )


def _sqlite_engine(url: URL) -> Engine:
    """A SQLite file, its folder created on first use. WAL lets ``report`` read while the bot
    writes; with it, ``synchronous=NORMAL`` keeps the file whole on a crash and may lose only
    the last transactions on a power cut, which for feedback is the right trade."""
    path = url.database or ""
    if path and path != ":memory:" and not path.startswith("file:"):
        folder = Path(path).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            reason = error.strerror or str(error)
            raise FeedbackUnavailable(
                f"{path}: cannot create its folder {folder}: {reason}"
            ) from None
    engine = create_engine(url, connect_args={"timeout": CONNECT_TIMEOUT_SECONDS})

    @event.listens_for(engine, "connect")
    def _wal(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    return engine


def _claim(connection: Any, key: str, value: str, *, replace: bool = False) -> str:
    """Set ``key`` to ``value`` unless it is set (or always, with ``replace``); its value now.

    Replicas opening a new database at once each try to insert the salt; the first one wins and
    the others read it back.
    """
    if replace:
        connection.execute(delete(meta).where(meta.c.key == key))
    connection.execute(_insert_ignore(connection.dialect.name, {"key": key, "value": value}))
    return connection.execute(select(meta.c.value).where(meta.c.key == key)).scalar_one()


def _dialect_insert(dialect: str) -> Any:
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:
        raise FeedbackUnavailable(
            f"the feedback store supports SQLite and PostgreSQL, not {dialect}"
        )
    return dialect_insert


def _insert_ignore(dialect: str, values: dict[str, str]) -> Any:
    return _dialect_insert(dialect)(meta).values(values).on_conflict_do_nothing()


def _upsert(dialect: str, values: dict[str, Any]) -> Any:
    statement = _dialect_insert(dialect)(votes).values(values)
    return statement.on_conflict_do_update(
        index_elements=[votes.c.answer_id, votes.c.voter],
        set_={"up": statement.excluded.up, "voted_at": statement.excluded.voted_at},
    )


def _question_row(asked: AskedQuestion) -> dict[str, Any]:
    return {
        "answer_id": asked.answer_id,
        "asked_at": asked.asked_at,
        "platform": asked.platform,
        "channel": asked.channel[:MAX_CHANNEL] if asked.channel else None,
        "question": asked.question,
        "corrected": asked.corrected,
        "declined": asked.declined,
        "version": asked.version,
        "article_ids": list(asked.article_ids),
    }


def _vote_row(vote: Vote) -> dict[str, Any]:
    return {
        "answer_id": vote.answer_id,
        "voter": vote.voter,
        "up": vote.up,
        "voted_at": vote.voted_at,
    }


def _read_row(row: Any) -> QuestionRow:
    return QuestionRow(
        question=row["question"],
        corrected=row["corrected"],
        declined=bool(row["declined"]),
        asked_at=as_utc(row["asked_at"]),
        article_ids=tuple(row["article_ids"] or ()),
        answer_id=row["answer_id"],
        votes_up=int(row["up"] or 0),
        votes_down=int(row["down"] or 0),
    )


def as_utc(moment: datetime) -> datetime:
    """SQLite gives back naive times; every time the store writes is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def display_name(url: URL | str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def describe(error: BaseException, url: URL) -> str:
    """One line for moderators: which database, and the driver's own reason."""
    reason = _root_reason(error)
    if url.get_backend_name() == "sqlite" and url.database:
        where = url.database.removeprefix("file:").split("?")[0]
        if "not a database" in reason:
            reason += " (the file is damaged or is not SQLite; move it aside to start afresh)"
        elif "readonly" in reason or "read-only" in reason:
            reason = "the database is read-only"
        return f"{where}: {reason}"
    return f"{display_name(url)}: {reason}"


def _root_reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error.__cause__ or error
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    return lines[0] if lines else type(original).__name__
