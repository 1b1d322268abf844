"""What crosses between the adapters and the desk: a neutral ``Request`` in, a ``Reply`` out.

No platform object ever reaches the desk: an adapter copies what it needs out of a Discord
interaction or a Slack payload into a ``Request``, and turns a ``Reply`` into platform calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.answer import Answer
from bot.articles import Article
from bot.timeline import Timeline


class Command(StrEnum):
    """What a request asks the desk to do; the platform's command names map onto these."""

    ASK = "ask"
    TIMELINE = "timeline"
    SOURCES = "sources"
    RELOAD = "reload"
    STATUS = "status"
    ADD = "add"
    SHARE = "share"
    HELP = "help"
    UP = "up"
    DOWN = "down"
    UNANSWERED = "unanswered"


MODERATOR_COMMANDS = frozenset({Command.RELOAD, Command.STATUS, Command.ADD, Command.UNANSWERED})
VOTES = frozenset({Command.UP, Command.DOWN})


@dataclass(frozen=True)
class Attachment:
    """A file that came with a request: its name, size and where the adapter may download it.

    ``url`` is the platform's own file address; ``from_platform_host`` says whether the adapter
    checked it against the platform's file host (only such files are downloaded).
    """

    filename: str
    size: int
    url: str
    content_type: str | None = None
    from_platform_host: bool = True


@dataclass(frozen=True)
class Request:
    """One thing a person asked of the bot, on any surface.

    ``user`` is unique on its platform (Slack: ``team:user``); ``display`` is how the platform
    shows that user in a message (a Discord or Slack mention, never a name the desk reads).
    ``thread`` keys the follow-up context (None: no conversation is kept); ``addressed`` is
    False for a message in a thread that did not mention the bot, answered only when the desk
    has a conversation there. ``is_moderator`` is the adapter's verdict (roles, admins, ids).
    """

    platform: str
    user: str
    command: Command
    text: str = ""
    channel: str | None = None
    thread: str | None = None
    addressed: bool = True
    private: bool = False
    is_moderator: bool = False
    display: str = ""
    attachments: tuple[Attachment, ...] = ()
    answer_id: str | None = None
    wants_picture: bool = False
    requested_by: str = ""
    """Who asked, for moderator logs and the reload record: "ann (id U1)"."""


@dataclass(frozen=True)
class ReplyFile:
    """A file that goes with a reply where the platform allows (the CSV of /unanswered)."""

    name: str
    data: bytes
    content_type: str = "text/csv"


class ReplyKind(StrEnum):
    ANSWER = "answer"
    TIMELINE = "timeline"
    SOURCES = "sources"
    REPORT = "report"
    NOTICE = "notice"


@dataclass(frozen=True)
class Reply:
    """What the desk answers; adapters choose the platform's form from ``kind``.

    ``text`` is the whole reply as plain text (the console shows it; platforms use it as the
    fallback and for notices and reports). ``answer_id`` names an answer for Share and feedback
    (the same question on the same version gives the same id). ``read_as`` is set when a
    follow-up was read together with the thread's previous question.
    """

    kind: ReplyKind
    text: str
    private: bool = False
    answer: Answer | None = None
    answer_id: str | None = None
    read_as: str | None = None
    shareable: bool = False
    shared_by: str | None = None
    note: str | None = None
    timeline: Timeline | None = None
    picture: bytes | None = None
    articles: tuple[Article, ...] = field(default_factory=tuple)
    version: str = ""
    file: ReplyFile | None = None

    @property
    def votable(self) -> bool:
        """An answer everyone sees, with passages: it carries 👍 / 👎 (a private one once shared)."""
        return (
            self.kind == ReplyKind.ANSWER
            and not self.private
            and bool(self.answer_id)
            and self.answer is not None
            and self.answer.answered
        )
