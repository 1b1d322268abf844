"""The Slack surface on slack-bolt: slash commands, mentions and direct messages.

A thin translator: a Slack payload becomes a core call (``kb.ask``, ``kb.reload``, the timeline),
and the core's result becomes Block Kit (``slack_blocks``). Every listener acknowledges first and
works afterwards, so Slack's three-second deadline holds however slow the work is; slash commands
answer through their ``response_url``, which works in any channel, invited or not.

``python -m bot slack`` runs Socket Mode when ``SLACK_APP_TOKEN`` is set, else (or with ``--http``)
serves ``POST /slack/events`` with request signatures checked against ``SLACK_SIGNING_SECRET``, and
``GET /healthz`` and ``/readyz`` on the same port (``slack_http``: the server and its limits). The ops parts (``bot.ops.runtime.Operations``:
health, ``/reload`` across replicas, ``/status``) are asyncio; ``ThreadedOperations`` runs them on a
background loop for Bolt's listener threads.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from pydantic import SecretStr
from slack_bolt import Ack, App, BoltContext, BoltResponse, Respond
from slack_bolt.error import BoltError
from slack_bolt.request import BoltRequest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.adapters.slack_blocks import (
    SHARE_ACTION_ID,
    SlackMessage,
    answer_message,
    notice_message,
    plain_text,
    reload_message,
    sources_message,
    timeline_message,
)
from bot.adapters.slack_guards import Moderators, SeenEvents
from bot.adapters.slack_http import serve_forever
from bot.config import Settings
from bot.cooldown import Cooldown
from bot.knowledge_base import KnowledgeBase
from bot.logs import log_question
from bot.ops.loop import BackgroundLoop
from bot.ops.replicas import ClusterReport
from bot.ops.runtime import Operations
from bot.render import APOLOGY, cooldown_text
from bot.timeline import Timeline
from bot.timeline.picture import PictureUnavailable, draw_png
from bot.timeline.render import empty_message, heading

log = logging.getLogger(__name__)

PLATFORM = "slack"
REFUSALS = {
    "/reload": "Only moderators can reload the articles (ask a workspace admin).",
    "/status": "Only moderators can see the bot's status (ask a workspace admin).",
}
PICTURE_NEEDS_INVITE = "To post the timeline's picture here, invite me first: `/invite @newsdesk`."
PRIVATE_WORD = "private"
WORKING_REACTION = "eyes"
SHOW_COMMAND = {"response_type": "in_channel"}
"""The acknowledgement that lets the channel see the command the answer replies to."""
LISTENER_THREADS = 16
"""Listeners ack, then work, on this pool: roomy, so acks stay prompt while answers are slow."""


class ThreadedOperations:
    """``Operations`` for Bolt's listener threads: its coroutines run on a background loop.

    ``start`` and ``stop`` bracket the app's life (``with`` does both); ``reload`` blocks the
    calling listener thread until every replica has answered or the reply time is up.
    """

    def __init__(self, ops: Operations) -> None:
        self.ops = ops
        self._loop = BackgroundLoop("slack-ops")

    def start(self) -> None:
        """Starts the loop and the ops parts on it; a failure (a port in use) stops both."""
        self._loop.start()
        try:
            self._loop.run(self.ops.start())
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        try:
            self._loop.run(self.ops.stop())
        finally:
            self._loop.stop()

    def __enter__(self) -> ThreadedOperations:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def reload(self, requested_by: str) -> ClusterReport:
        return self._loop.run(self.ops.reload(requested_by))

    def status(self) -> str:
        return self.ops.status()


class SlackBot:
    """The listeners, holding the knowledge base and the state one app needs (no globals)."""

    def __init__(self, kb: KnowledgeBase, settings: Settings, ops: ThreadedOperations) -> None:
        self.kb = kb
        self.ops = ops
        self.cooldown = Cooldown(settings.cooldown_seconds)
        self.moderators = Moderators(settings.slack_moderator_ids)
        self.seen_events = SeenEvents()

    def register(self, app: App) -> None:
        app.middleware(self.drop_redelivered_events)
        app.command("/ask")(self.ask_command)
        app.command("/timeline")(self.timeline_command)
        app.command("/sources")(self.sources_command)
        app.command("/reload")(self.reload_command)
        app.command("/status")(self.status_command)
        app.action(SHARE_ACTION_ID)(self.share_action)
        app.event("app_mention")(self.mention_event)
        app.event("message")(self.message_event)
        app.error(self.unhandled_error)

    # -- middleware ------------------------------------------------------------------------------

    def drop_redelivered_events(
        self, body: dict[str, Any], request: BoltRequest, next_: Callable[[], None]
    ) -> BoltResponse | None:
        """Acknowledge an event seen before without running a listener again.

        Runs after Bolt's signature check, so forged requests never fill the memory.
        """
        event_id = body.get("event_id")
        if isinstance(event_id, str) and not self.seen_events.first_time(event_id):
            retry = (request.headers.get("x-slack-retry-num") or ["?"])[0]
            log.info("ignoring re-delivered event %s (retry %s)", event_id, retry)
            return BoltResponse(status=200, body="")
        next_()
        return None

    # -- slash commands --------------------------------------------------------------------------

    def ask_command(self, ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        """``/ask [private] question``: quoted passages, in the channel or only to the asker."""
        started = time.perf_counter()
        if self._cooling_down(ack, command):
            return
        private, question = _split_private(command.get("text") or "")
        ack(SHOW_COMMAND if not private else "")
        with _apologising(
            lambda text: _respond(respond, notice_message(text), private=True),
            forgive=lambda: self.cooldown.release(_command_user(command)),
        ):
            answer = self.kb.ask(question)
            message = answer_message(answer, shareable=private and answer.answered)
            _respond(respond, message, private=private)
            log_question(
                log, platform=PLATFORM, answer=answer, started=started, user=command["user_id"]
            )

    def timeline_command(
        self, ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient
    ) -> None:
        """``/timeline [topic]``: the dated events as compact lines, then their picture."""
        if self._cooling_down(ack, command):
            return
        ack(SHOW_COMMAND)
        topic = (command.get("text") or "").strip() or None
        with _apologising(
            lambda text: _respond(respond, notice_message(text), private=True),
            forgive=lambda: self.cooldown.release(_command_user(command)),
        ):
            timeline = self.kb.timeline(topic)
            if not timeline.events:
                _respond(respond, notice_message(empty_message(timeline)), private=False)
                return
            _respond(respond, timeline_message(timeline), private=False)
            _upload_picture(timeline, command["channel_id"], respond, client)

    def sources_command(self, ack: Ack, respond: Respond) -> None:
        """``/sources``: the articles the bot quotes, only to the asker."""
        ack()
        with _apologising(lambda text: _respond(respond, notice_message(text), private=True)):
            _respond(respond, sources_message(self.kb.articles, self.kb.version), private=True)

    def reload_command(
        self, ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient
    ) -> None:
        """``/reload`` (moderators): re-read the articles on every replica, report privately."""
        ack()
        user_id, user_name = command["user_id"], command.get("user_name", "?")
        with _apologising(lambda text: _respond(respond, notice_message(text), private=True)):
            if self._refused(command, respond, client):
                return
            log.info("reload requested by %s (%s)", user_id, user_name)
            report = self.ops.reload(f"{user_name} (id {user_id})")
            log.info("reload by %s (%s): %s", user_id, user_name, report.summary())
            _respond(respond, reload_message(report), private=True)

    def status_command(
        self, ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient
    ) -> None:
        """``/status`` (moderators): version, counts, last reload and uptime, to the moderator."""
        ack()
        with _apologising(lambda text: _respond(respond, notice_message(text), private=True)):
            if self._refused(command, respond, client):
                return
            _respond(respond, notice_message(self.ops.status()), private=True)

    def _refused(self, command: dict[str, Any], respond: Respond, client: WebClient) -> bool:
        """Tell a user who is not a moderator, privately, that the command is not theirs."""
        user_id = command["user_id"]
        if self.moderators.allows(user_id, client):
            return False
        name = command["command"]
        log.info("refused %s from %s (%s)", name, user_id, command.get("user_name", "?"))
        _respond(respond, notice_message(REFUSALS[name]), private=True)
        return True

    def share_action(
        self, ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
    ) -> None:
        """The "Share with channel" button of a private answer: post it for everyone."""
        ack()
        with _apologising(lambda text: _respond(respond, notice_message(text), private=True)):
            answer = self.kb.ask(action.get("value") or "")
            message = answer_message(answer, shared_by=body["user"]["id"])
            _respond(respond, message, private=False, replace_original=False)
            respond(delete_original=True)

    # -- events ----------------------------------------------------------------------------------

    def mention_event(self, event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        """A mention in a channel: answered in the mention's thread."""
        if _from_a_bot_or_edited(event):
            return
        self._answer_message(event, client, context, event.get("thread_ts") or event["ts"])

    def message_event(self, event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        """A direct message: answered in the DM (in its thread when it was written in one)."""
        if event.get("channel_type") != "im" or _from_a_bot_or_edited(event):
            return
        self._answer_message(event, client, context, event.get("thread_ts"))

    def _answer_message(
        self,
        event: dict[str, Any],
        client: WebClient,
        context: BoltContext,
        thread_ts: str | None,
    ) -> None:
        started = time.perf_counter()
        channel, user = event["channel"], event.get("user", "")
        user_key = f"{context.team_id}:{user}"
        wait = self.cooldown.check(user_key)
        if wait:
            _whisper(client, channel, user, thread_ts, cooldown_text(wait))
            return
        question = plain_text(event.get("text") or "", context.bot_user_id)
        with (
            _reaction(client, channel, event["ts"]),
            _apologising(
                lambda text: _whisper(client, channel, user, thread_ts, text),
                forgive=lambda: self.cooldown.release(user_key),
            ),
        ):
            answer = self.kb.ask(question)
            client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                unfurl_links=False,
                unfurl_media=False,
                **answer_message(answer).kwargs(),
            )
            log_question(log, platform=PLATFORM, answer=answer, started=started, user=user)

    # -- shared ----------------------------------------------------------------------------------

    def _cooling_down(self, ack: Ack, command: dict[str, Any]) -> bool:
        """Ack with a friendly ephemeral note when the user asked too recently."""
        wait = self.cooldown.check(_command_user(command))
        if wait:
            ack(text=cooldown_text(wait))
        return bool(wait)

    def unhandled_error(self, error: Exception, body: dict[str, Any]) -> None:
        log.error("unhandled error for a %s request", body.get("type", "command"), exc_info=error)


def _command_user(command: dict[str, Any]) -> str:
    """The cooldown's key for the user of a slash command."""
    return f"{command.get('team_id')}:{command['user_id']}"


def _split_private(text: str) -> tuple[bool, str]:
    first, _, rest = text.strip().partition(" ")
    if first.lower() == PRIVATE_WORD:
        return True, rest.strip()
    return False, text.strip()


def _from_a_bot_or_edited(event: dict[str, Any]) -> bool:
    """Subtypes are edits, deletions, joins and bot posts; bots are never answered (no loops)."""
    return bool(event.get("subtype") or event.get("bot_id") or event.get("bot_profile"))


def _respond(respond: Respond, message: SlackMessage, *, private: bool, **options: Any) -> None:
    """Reply through the request's response URL, which works in channels the bot is not in."""
    response = respond(
        response_type="ephemeral" if private else "in_channel",
        unfurl_links=False,
        unfurl_media=False,
        **message.kwargs(),
        **options,
    )
    if response.status_code != 200:
        log.warning("response_url refused the reply: %s %s", response.status_code, response.body)


def _upload_picture(
    timeline: Timeline, channel_id: str, respond: Respond, client: WebClient
) -> None:
    """The timeline's PNG into the channel; the bot must be a member, so say so when it is not."""
    try:
        png = draw_png(timeline)
    except PictureUnavailable as error:
        log.warning("no timeline picture: %s", error)
        return
    try:
        client.files_upload_v2(
            channel=channel_id,
            file=png,
            filename="timeline.png",
            title=heading(timeline),
            alt_txt=heading(timeline),
        )
    except SlackApiError as error:
        if error.response.get("error") not in ("not_in_channel", "channel_not_found"):
            raise
        _respond(respond, notice_message(PICTURE_NEEDS_INVITE), private=True)


def _whisper(client: WebClient, channel: str, user: str, thread_ts: str | None, text: str) -> None:
    """An ephemeral note to ``user`` in ``channel`` (or its thread)."""
    client.chat_postEphemeral(
        channel=channel, user=user, thread_ts=thread_ts, **notice_message(text).kwargs()
    )


@contextmanager
def _apologising(
    apologise: Callable[[str], None], forgive: Callable[[], None] | None = None
) -> Iterator[None]:
    """Any error: traceback to the log, a short apology to the user, and the bot carries on.

    ``forgive`` gives the user's question back to the cooldown, since the apology says to try
    again.
    """
    try:
        yield
    except Exception:
        log.exception("a Slack handler failed")
        if forgive is not None:
            forgive()
        try:
            apologise(APOLOGY)
        except Exception:
            log.exception("could not even apologise")


@contextmanager
def _reaction(client: WebClient, channel: str, ts: str) -> Iterator[None]:
    """:eyes: on the message while the bot works on it; missing scopes only cost the reaction."""
    added = _react(client.reactions_add, channel, ts)
    try:
        yield
    finally:
        if added:
            _react(client.reactions_remove, channel, ts)


def _react(method: Callable[..., Any], channel: str, ts: str) -> bool:
    try:
        method(channel=channel, timestamp=ts, name=WORKING_REACTION)
    except SlackApiError as error:
        log.debug("reaction failed: %s", error.response.get("error"))
        return False
    return True


# -- app and servers ----------------------------------------------------------------------------


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value is not None else None


def create_app(
    kb: KnowledgeBase,
    settings: Settings,
    ops: ThreadedOperations,
    client: WebClient | None = None,
) -> App:
    """A Bolt app answering from ``kb``; tests pass ``WebClient(base_url=fake)``.

    ``ops`` must be started before ``/reload`` is used.
    """
    if client is None:
        token = _secret(settings.slack_bot_token)
        if not token:
            raise SystemExit(
                "error: SLACK_BOT_TOKEN is not set (the xoxb-... Bot User OAuth Token)"
            )
        client = WebClient(token=token)
    try:
        app = App(  # checks the token with auth.test before anything else
            client=client,
            signing_secret=_secret(settings.slack_signing_secret) or "",
            name="newsdesk",
            process_before_response=False,
            listener_executor=ThreadPoolExecutor(LISTENER_THREADS, thread_name_prefix="slack"),
        )
    except BoltError as error:
        raise SystemExit(f"error: Slack rejected SLACK_BOT_TOKEN: {error}") from None
    except OSError as error:
        reason = getattr(error, "reason", None) or error.strerror or error
        raise SystemExit(f"error: cannot reach Slack to check SLACK_BOT_TOKEN ({reason})") from None
    SlackBot(kb, settings, ops).register(app)
    return app


def uses_socket_mode(settings: Settings, http: bool) -> bool:
    """Socket Mode with an app token, unless ``--http`` asks for the HTTP server."""
    return bool(_secret(settings.slack_app_token)) and not http


def run(
    kb: KnowledgeBase,
    settings: Settings,
    http: bool = False,
    port: int = 3000,
    ops: Operations | None = None,
) -> None:
    """Run until interrupted: Socket Mode with an app token, else HTTP on ``port``.

    Without ``ops``, a single replica without a health endpoint of its own.
    """
    socket_mode = uses_socket_mode(settings, http)
    if not socket_mode and not _secret(settings.slack_signing_secret):
        raise SystemExit(
            "error: SLACK_SIGNING_SECRET is not set; HTTP mode needs it (or set SLACK_APP_TOKEN "
            "for Socket Mode)"
        )
    ops = ops or Operations.build(kb, platform=PLATFORM)
    with ThreadedOperations(ops) as threaded:
        app = create_app(kb, settings, threaded)
        if socket_mode:
            _serve_socket_mode(app, _secret(settings.slack_app_token) or "", ops)
        else:
            _serve_http(app, ops, port, _secret(settings.slack_signing_secret) or "")


def _serve_socket_mode(app: App, app_token: str, ops: Operations) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(app, app_token)
    ops.readiness.chat_check = handler.client.is_connected
    log.info("Slack: Socket Mode, %d articles (version %s)", len(ops.kb.articles), ops.kb.version)
    with _until_interrupted():
        handler.start()


def _serve_http(app: App, ops: Operations, port: int, signing_secret: str) -> None:
    """``POST /slack/events`` (and the health paths) on ``port``, with ``slack_http``'s limits."""
    log.info(
        "Slack: HTTP on port %d, POST /slack/events, GET /healthz and /readyz, %d articles",
        port,
        len(ops.kb.articles),
    )
    with _until_interrupted():
        serve_forever(app, ops, signing_secret, port=port)


@contextmanager
def _until_interrupted() -> Iterator[None]:
    """Ctrl-C ends the bot quietly instead of with a traceback."""
    try:
        yield
    except KeyboardInterrupt:
        log.info("Slack: stopped")
