"""The console surface: ``python -m bot chat``, and the in-memory harness for tests."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from bot.control_characters import for_terminal
from bot.knowledge_base import KnowledgeBase
from bot.render import answer_text, console_greeting, sources_text

BUNDLED_KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
"""The articles that come with the bot: a source checkout's, or the image's /app/knowledge."""

HELP = """Ask a question about the articles, or type a command:
  /sources    list the articles
  /timeline [topic]  a dated timeline of the events
  /reload     reload the knowledge directory
  /help       this help
  /quit       leave (or Ctrl-D)"""


class ConsoleSession:
    """A chat session on standard input and output; ``reply`` is the whole logic."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def reply(self, line: str) -> str | None:
        """The bot's reply to one line, or None to end the session."""
        text = line.strip()
        command, _, rest = text.partition(" ")
        if command in ("/quit", "/exit"):
            return None
        if command == "/help" or not text:
            return HELP
        if command == "/sources":
            return sources_text(self.kb.articles)
        if command == "/reload":
            return self.kb.reload().summary()
        if command == "/timeline":
            from bot.timeline.render import timeline_text

            return timeline_text(self.kb.timeline(rest.strip() or None))
        return answer_text(self.kb.ask(text))

    def greeting(self) -> str:
        folder = self.kb.directory
        bundled = folder.resolve() == BUNDLED_KNOWLEDGE
        return console_greeting(len(self.kb.articles), folder, self.kb.version, bundled=bundled)

    def run(self, stdin: TextIO, stdout: TextIO) -> None:
        interactive = stdin.isatty()
        stdout.write(self.greeting() + "\n")
        while True:
            if interactive:
                stdout.write("\n? ")
            stdout.flush()
            line = stdin.readline()
            if not line:
                break
            reply = self.reply(line)
            if reply is None:
                break
            stdout.write(for_terminal(reply) + "\n")
        stdout.flush()
