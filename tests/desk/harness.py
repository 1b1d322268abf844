"""The conversation harness: the desk driven with neutral requests, as every surface drives it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.desk import Attachment, Command, Desk, Reply, Request
from bot.desk.adding import AddResult, AddSource, AttachmentTooLarge
from bot.knowledge_base import KnowledgeBase


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class FolderAdder:
    """The add function's contract, played by a folder: a file is written as it came; a URL
    is refused (no network in these tests). Records what it was given."""

    directory: Path
    given: list[AddSource] = field(default_factory=list)

    def __call__(self, source: AddSource) -> AddResult:
        self.given.append(source)
        if source.data is None or source.filename is None:
            return AddResult(refused=f"{source.url} could not be fetched in this test")
        (self.directory / source.filename).write_bytes(source.data)
        return AddResult(added=(source.filename,), guessed=("date: none found",))


@dataclass
class Files:
    """The platform's file host: attachment URL -> bytes."""

    stored: dict[str, bytes] = field(default_factory=dict)

    def __call__(self, attachment: Attachment, limit: int) -> bytes:
        data = self.stored[attachment.url]
        if len(data) > limit:
            raise AttachmentTooLarge(attachment.filename)
        return data


@dataclass
class Conversation:
    desk: Desk
    kb: KnowledgeBase

    def say(
        self,
        text: str,
        command: Command = Command.ASK,
        *,
        user: str = "ann",
        thread: str | None = "thread-1",
        moderator: bool = False,
        **details: object,
    ) -> Reply | None:
        request = Request(
            platform="test",
            user=user,
            command=command,
            text=text,
            thread=thread,
            is_moderator=moderator,
            display=f"@{user}",
            **details,  # type: ignore[arg-type]
        )
        return self.desk.handle(request)

    def text(self, text: str, command: Command = Command.ASK, **options: object) -> str:
        reply = self.say(text, command, **options)
        assert reply is not None
        return reply.text
