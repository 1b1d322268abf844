"""The console surface: ``python -m bot chat``, and the in-memory harness for the desk's tests.

A line becomes a ``Request`` ("/sources" in any case is the command, anything else a question),
the desk's ``Reply`` is printed as its text. The person at the console owns the files, so they
are a moderator; the whole session is one thread, so follow-ups read with the previous question.
An interactive terminal gets line editing and history (prompt_toolkit).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from bot.control_characters import for_terminal
from bot.desk import Command, Desk, Request
from bot.desk.adding import Adder
from bot.feedback import FeedbackRecorder
from bot.knowledge_base import KnowledgeBase, ReloadReport
from bot.ops.status import StatusTracker, status_text
from bot.render import console_greeting

BUNDLED_KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
"""The articles that come with the bot: a source checkout's, or the image's /app/knowledge."""

PLATFORM = "console"
THREAD = "console"
QUIT = frozenset({"/quit", "/exit"})
COMMAND_NAMES = {
    **{command.value: f"/{command.value}" for command in Command if command != Command.SHARE},
    "quit": "/quit",
}


class LocalModeration:
    """Reload and status for one process: the console's moderator commands."""

    def __init__(self, kb: KnowledgeBase, feedback: FeedbackRecorder | None = None) -> None:
        self.kb = kb
        self.tracker = StatusTracker()
        self.feedback = feedback

    def reload(self, requested_by: str) -> ReloadReport:
        report = self.kb.reload()
        self.tracker.record_reload(
            by=requested_by, platform=PLATFORM, ok=report.ok, summary=report.summary()
        )
        if report.ok and self.feedback is not None:
            self.feedback.reset_counts()
        return report

    def status(self) -> str:
        return status_text(self.kb, self.tracker, self.feedback)


def console_desk(
    kb: KnowledgeBase, adder: Adder | None = None, feedback: FeedbackRecorder | None = None
) -> Desk:
    return Desk(
        kb,
        LocalModeration(kb, feedback),
        platform=PLATFORM,
        command_names=COMMAND_NAMES,
        who_moderates="the console's user is one",
        adder=adder,
        max_file_bytes=kb.max_file_bytes,
        feedback=feedback,
    )


def line_request(line: str) -> Request | None:
    """The request one console line makes, or None for ``/quit``."""
    text = line.strip()
    word, _, rest = text.partition(" ")
    name = word.lower()
    if name in QUIT:
        return None
    if not text or name == "/help":
        return _request(Command.HELP, "")
    if not word.startswith("/"):
        return _request(Command.ASK, text)
    try:
        command = Command(name[1:])
    except ValueError:
        return _request(Command.HELP, word)
    if command == Command.SHARE:
        return _request(Command.HELP, word)
    return _request(command, rest.strip())


def _request(command: Command, text: str) -> Request:
    return Request(
        platform=PLATFORM,
        user="console",
        command=command,
        text=text,
        thread=THREAD,
        is_moderator=True,
        requested_by="the console",
        display="you",
    )


class ConsoleSession:
    """A chat session on standard input and output; ``reply`` is the whole logic."""

    def __init__(self, kb: KnowledgeBase, desk: Desk | None = None) -> None:
        self.kb = kb
        self.desk = desk or console_desk(kb)

    def reply(self, line: str) -> str | None:
        """The bot's reply to one line, or None to end the session."""
        request = line_request(line)
        if request is None:
            return None
        reply = self.desk.handle(request)
        return reply.text if reply is not None else ""

    def greeting(self) -> str:
        folder = self.kb.directory
        bundled = folder.resolve() == BUNDLED_KNOWLEDGE
        return console_greeting(len(self.kb.articles), folder, self.kb.version, bundled=bundled)

    def run(self, stdin: TextIO, stdout: TextIO) -> None:
        stdout.write(self.greeting() + "\n")
        lines = _edited_lines() if stdin.isatty() and stdout.isatty() else _plain_lines(stdin)
        for line in lines:
            reply = self.reply(line)
            if reply is None:
                break
            stdout.write(for_terminal(reply) + "\n")
            stdout.flush()
        stdout.flush()


def _plain_lines(stdin: TextIO) -> Iterator[str]:
    while line := stdin.readline():
        yield line


def _edited_lines() -> Iterator[str]:
    """Lines typed at a terminal, with editing and history (up arrow), until Ctrl-D."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import InMemoryHistory

    session: PromptSession[str] = PromptSession(history=InMemoryHistory())
    while True:
        try:
            yield session.prompt("\n? ")
        except KeyboardInterrupt:
            continue
        except EOFError:
            return
