"""The conversation, once for every surface: a ``Request`` in, a ``Reply`` out.

The desk owns what happens around a question: which command it is, the cooldown, who may use
moderator commands, reading follow-ups with the thread's context, asking the core, logging the
question, keeping private answers for Share, ``/add``, and the apology when something fails.
Adapters decide nothing of this; they translate.

``gate`` is the quick part (no core call): refusals and the cooldown, so that an adapter can
answer the platform at once and defer only real work. ``work`` does the rest. ``handle`` is both.

**Share** means one thing everywhere: post to the channel *the answer the person was shown*. The
desk keeps private answers by id for a while; when the id is no longer kept (a restart, another
replica) and the request carries the question, the question is asked again: on the same version
of the articles that is the same answer (the core is deterministic), on another version it is
the current answer, and the post says so.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Protocol

from bot import render
from bot.answer import Answer
from bot.cooldown import Cooldown
from bot.desk.adding import (
    Adder,
    AddResult,
    AddSource,
    AttachmentFetcher,
    AttachmentTooLarge,
    attachment_problem,
    is_text,
    is_web_address,
)
from bot.desk.followup import Focus, Reading, focus_of, needs_context, read_followup
from bot.desk.kept_answers import KeptAnswers, answer_id, version_of
from bot.desk.models import MODERATOR_COMMANDS, VOTES, Command, Reply, ReplyKind, Request
from bot.desk.threads import EXPIRED, ThreadContext, ThreadContexts
from bot.desk.voting import LastAnswers, unanswered_reply, vote_reply
from bot.feedback import FeedbackRecorder
from bot.knowledge_base import KnowledgeBase
from bot.logs import log_question
from bot.timeline import Timeline

log = logging.getLogger(__name__)

COOLED_COMMANDS = frozenset({Command.ASK, Command.TIMELINE})
PRIVATE_COMMANDS = frozenset(
    {Command.SOURCES, Command.RELOAD, Command.STATUS, Command.ADD, Command.HELP, Command.UNANSWERED}
    | VOTES
)
DEFAULT_NAMES = {command.value: f"/{command.value}" for command in Command if command != "share"}


class ReloadOutcome(Protocol):
    ok: bool

    def summary(self) -> str: ...


class Moderation(Protocol):
    """The moderator operations the surface runs the desk with (``bot.ops`` or the console's)."""

    def reload(self, requested_by: str) -> ReloadOutcome: ...

    def status(self) -> str: ...


class Desk:
    """One per process and platform; safe to call from several threads at once."""

    def __init__(
        self,
        kb: KnowledgeBase,
        moderation: Moderation,
        *,
        platform: str,
        cooldown_seconds: float = 0.0,
        command_names: Mapping[str, str] = DEFAULT_NAMES,
        who_moderates: str = "ask an administrator",
        contexts: ThreadContexts | None = None,
        kept: KeptAnswers | None = None,
        adder: Adder | None = None,
        fetch_attachment: AttachmentFetcher | None = None,
        max_file_bytes: int = 10_000_000,
        passages: int = 3,
        draw_picture: Callable[[Timeline], bytes | None] | None = None,
        feedback: FeedbackRecorder | None = None,
    ) -> None:
        self.kb = kb
        self.moderation = moderation
        self.platform = platform
        self.cooldown = Cooldown(cooldown_seconds)
        self.command_names = dict(command_names)
        self.who_moderates = who_moderates
        self.contexts = contexts if contexts is not None else ThreadContexts()
        self.kept = kept if kept is not None else KeptAnswers()
        self.adder = adder
        self.fetch_attachment = fetch_attachment
        self.max_file_bytes = max_file_bytes
        self.passages = passages
        self.draw_picture = draw_picture
        self.feedback = feedback
        self.last_answers = LastAnswers()

    # -- the two phases ---------------------------------------------------------------------------

    def handle(self, request: Request) -> Reply | None:
        """The reply to ``request``, or None when it is not for the bot (an unaddressed message
        in a thread the bot has no conversation in)."""
        if not self.wants(request):
            return None
        return self.gate(request) or self.work(request)

    def wants(self, request: Request) -> bool:
        """Addressed to the bot, or said in a thread where the bot is in a conversation."""
        if request.addressed:
            return True
        return request.thread is not None and self.contexts.get(request.thread) is not None

    def gate(self, request: Request) -> Reply | None:
        """A refusal or the cooldown's note, decided at once; None lets the request through.

        Letting a cooled command through counts as the user's question for the cooldown.
        """
        if request.command in MODERATOR_COMMANDS and not request.is_moderator:
            who = request.requested_by or request.user
            log.info("refused /%s for %s: not a moderator", request.command, who)
            return _notice(render.refusal_text(request.command, self.who_moderates))
        if request.command == Command.ADD and self.kb.reloading:
            return _notice(render.ADD_WHILE_RELOADING)
        if request.command in COOLED_COMMANDS:
            wait = self.cooldown.check(self._cooldown_key(request))
            if wait:
                return _notice(render.cooldown_text(wait))
        return None

    def work(self, request: Request) -> Reply:
        """The reply to a request ``gate`` let through; a failure becomes the apology."""
        try:
            return self._commands()[request.command](request)
        except Exception:
            log.exception("/%s failed for %s on %s", request.command, request.user, self.platform)
            self.forgive(request)
            return _notice(render.APOLOGY)

    def forgive(self, request: Request) -> None:
        """The request failed on our side: the user may ask again at once."""
        self.cooldown.release(self._cooldown_key(request))

    def _cooldown_key(self, request: Request) -> str:
        return f"{request.platform}:{request.user}"

    def _commands(self) -> dict[Command, Callable[[Request], Reply]]:
        return {
            Command.ASK: self.ask,
            Command.TIMELINE: self.timeline,
            Command.SOURCES: self.sources,
            Command.RELOAD: self.reload,
            Command.STATUS: self.status,
            Command.ADD: self.add,
            Command.SHARE: self.share,
            Command.HELP: self.help,
            Command.UP: self.vote,
            Command.DOWN: self.vote,
            Command.UNANSWERED: self.unanswered,
        }

    # -- questions --------------------------------------------------------------------------------

    def ask(self, request: Request) -> Reply:
        started = time.perf_counter()
        reading = self._read(request)
        if isinstance(reading, Reply):
            self.forgive(request)
            return reading
        answer = self.kb.ask(reading.text, self.passages)
        log_question(log, platform=self.platform, answer=answer, started=started, user=request.user)
        if request.thread is not None:
            self._remember(request.thread, reading)
        reply = self._answer_reply(answer, request, reading)
        self._record(reply, request)
        return reply

    def _record(self, reply: Reply, request: Request) -> None:
        """Queue the question for the feedback store (written off this path) and remember it
        as the person's last answer, for a vote without a button."""
        if reply.answer is None or reply.answer_id is None:
            return
        self.last_answers.keep(self._cooldown_key(request), reply.answer_id)
        if self.feedback is not None:
            self.feedback.record_question(
                reply.answer,
                answer_id=reply.answer_id,
                platform=self.platform,
                channel=request.channel,
            )

    def _read(self, request: Request) -> Reading | Reply:
        """The question as read with the thread's context, or the notice why it cannot be."""
        context = self.contexts.get(request.thread) if request.thread else None
        if context is EXPIRED and needs_context(request.text):
            minutes = max(1, round(self.contexts.max_age / 60))
            return _notice(render.followup_expired_text(minutes), private=False)
        previous = context.focus if isinstance(context, ThreadContext) else None
        reading = read_followup(request.text, previous)
        if reading.ambiguous and reading.pronoun:
            return _notice(
                render.ambiguous_pronoun_text(reading.pronoun, reading.ambiguous), private=False
            )
        return reading

    def _remember(self, thread: str, reading: Reading) -> None:
        focus = focus_of(reading.text)
        if not focus.names:
            context = self.contexts.get(thread)
            focus = context.focus if isinstance(context, ThreadContext) else Focus()
        self.contexts.keep(thread, reading.text, focus)

    def _answer_reply(self, answer: Answer, request: Request, reading: Reading) -> Reply:
        identifier = answer_id(answer.question, answer.version, self.passages)
        shareable = request.private and answer.answered
        if shareable:
            self.kept.keep(identifier, answer)
        read_as = answer.question if reading.rewritten else None
        text = render.answer_text(answer)
        if read_as:
            text = f"{render.read_as_text(read_as)}\n{text}"
        return Reply(
            ReplyKind.ANSWER,
            text,
            private=request.private,
            answer=answer,
            answer_id=identifier,
            read_as=read_as,
            shareable=shareable,
            version=answer.version,
        )

    def share(self, request: Request) -> Reply:
        """Post the answer the person was shown (see the module's docstring)."""
        identifier = request.answer_id or ""
        answer, note = self.kept.get(identifier), None
        if answer is None and request.text:
            answer = self.kb.ask(request.text, self.passages)
            if answer.version != version_of(identifier):
                note = render.SHARED_AGAIN
                identifier = answer_id(answer.question, answer.version, self.passages)
        if answer is None or not answer.answered:
            return _notice(render.ANSWER_GONE)
        heading = render.shared_heading(request.display or request.user)
        body = "\n".join(part for part in (heading, note, render.answer_text(answer)) if part)
        return Reply(
            ReplyKind.ANSWER,
            body,
            answer=answer,
            answer_id=identifier,
            shared_by=request.display or request.user,
            note=note,
            version=answer.version,
        )

    def timeline(self, request: Request) -> Reply:
        from bot.timeline.render import timeline_text

        timeline = self.kb.timeline(request.text.strip() or None)
        picture = None
        if request.wants_picture and timeline.events and self.draw_picture is not None:
            picture = self.draw_picture(timeline)
        return Reply(
            ReplyKind.TIMELINE,
            timeline_text(timeline),
            timeline=timeline,
            picture=picture,
            version=self.kb.version,
        )

    def sources(self, request: Request) -> Reply:
        articles = tuple(self.kb.articles)
        return Reply(
            ReplyKind.SOURCES,
            render.sources_text(articles),
            private=True,
            articles=articles,
            version=self.kb.version,
        )

    def help(self, request: Request) -> Reply:
        typed = request.text.strip()
        if typed:
            return _notice(render.unknown_command_text(typed, self.command_names))
        return _notice(render.help_text(self.command_names, request.is_moderator))

    def vote(self, request: Request) -> Reply:
        """👍 / 👎 on an answer: the button's answer id, else the person's last answer."""
        answer = request.answer_id or self.last_answers.get(self._cooldown_key(request))
        return vote_reply(self.feedback, request, answer)

    # -- moderators -------------------------------------------------------------------------------

    def unanswered(self, request: Request) -> Reply:
        return unanswered_reply(self.feedback, request.text)

    def reload(self, request: Request) -> Reply:
        who = request.requested_by or request.user
        log.info("reload requested by %s on %s", who, self.platform)
        report = self.moderation.reload(who)
        log.info("reload by %s: %s", who, report.summary())
        return _report(report.summary())

    def status(self, request: Request) -> Reply:
        return _report(self.moderation.status())

    def add(self, request: Request) -> Reply:
        """Add one article from a URL or an attached file, then reload everywhere."""
        if self.adder is None:
            return _notice(render.ADD_UNAVAILABLE)
        source = self._add_source(request)
        if isinstance(source, Reply):
            return source
        who = request.requested_by or request.user
        log.info("add requested by %s on %s: %s", who, self.platform, source.url or source.filename)
        result: AddResult = self.adder(source)
        if result.refused:
            return _report(result.text or render.chat_add_refused_text(result.refused))
        report = self.moderation.reload(who)
        if result.text:
            return _report(f"{result.text}\n{report.summary()}")
        return _report(render.chat_add_text(result.added, result.guessed, report.summary()))

    def _add_source(self, request: Request) -> AddSource | Reply:
        if len(request.attachments) > 1:
            return _refuse_file("", "several", self.max_file_bytes)
        if request.attachments:
            attachment = request.attachments[0]
            problem = attachment_problem(attachment, self.max_file_bytes)
            if problem is None and self.fetch_attachment is None:
                problem = "download"
            if problem:
                return _refuse_file(attachment.filename, problem, self.max_file_bytes)
            try:
                data = self.fetch_attachment(attachment, self.max_file_bytes)  # type: ignore[misc]
            except AttachmentTooLarge:
                return _refuse_file(attachment.filename, "too_large", self.max_file_bytes)
            except OSError as error:
                log.warning("downloading %s failed: %s", attachment.filename, error)
                return _refuse_file(attachment.filename, "download", self.max_file_bytes)
            if not is_text(data):
                return _refuse_file(attachment.filename, "not_text", self.max_file_bytes)
            return AddSource(filename=attachment.filename, data=data)
        url = request.text.strip()
        if not is_web_address(url):
            return _notice(render.ADD_NEEDS_SOURCE)
        return AddSource(url=url)


QUICK_COMMANDS = frozenset({Command.SOURCES, Command.STATUS, Command.HELP}) | VOTES


def is_quick(request: Request) -> bool:
    """Whether the work is quick enough to do on a platform's event loop and answer at once
    (nothing searched, nothing loaded): the rest is deferred and done off the loop."""
    return request.command in QUICK_COMMANDS


def replies_privately(request: Request) -> bool:
    """Whether the reply to ``request`` is for the asker only (known before the work is done,
    so a platform can defer privately)."""
    return request.private or request.command in PRIVATE_COMMANDS


def _notice(text: str, *, private: bool = True) -> Reply:
    return Reply(ReplyKind.NOTICE, text, private=private)


def _report(text: str) -> Reply:
    return Reply(ReplyKind.REPORT, text, private=True)


def _refuse_file(filename: str, reason: str, limit: int) -> Reply:
    return _notice(render.attachment_refusal_text(filename, reason, limit))
