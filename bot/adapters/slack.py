"""The Slack surface on slack-bolt: slash commands, mentions, threads and direct messages.

A thin translator: a Slack payload becomes a ``bot.desk.Request``, the desk's ``Reply`` becomes
Block Kit (``slack_blocks``). What a command means, the cooldown, moderators, follow-ups, Share,
``/add`` and the apology are the desk's. Every listener acknowledges first and works afterwards,
so Slack's three-second deadline holds however slow the work is; slash commands answer through
their ``response_url``, which works in any channel, invited or not. A mention is answered in its
thread; later messages in that thread are follow-ups, answered without a mention.

Slack reserves ``/status`` for its own command, so the moderators' status command is
``/newsdesk-status`` here. Web API calls that hit a rate limit are retried after Slack's
``Retry-After`` by slack_sdk's ``RateLimitErrorRetryHandler``. An event, command or click that
Slack delivers twice is answered once: per process, or across replicas through Redis.

``python -m bot slack`` runs Socket Mode when ``SLACK_APP_TOKEN`` is set, else (or with ``--http``)
serves ``POST /slack/events`` with request signatures checked against ``SLACK_SIGNING_SECRET``, and
``GET /healthz`` and ``/readyz`` on the same port (``slack_http``: the server and its limits). The ops parts (``bot.ops.runtime.Operations``:
health, ``/reload`` across replicas, ``/status``) are asyncio; ``ThreadedOperations`` runs them on a
background loop for Bolt's listener threads.
"""

from __future__ import annotations

import json
import logging
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
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.adapters.downloads import attachment_fetcher, on_host
from bot.adapters.slack_blocks import (
    SHARE_ACTION_ID,
    VOTE_DOWN_ACTION_ID,
    VOTE_UP_ACTION_ID,
    SlackMessage,
    message_for,
    notice_message,
    plain_text,
)
from bot.adapters.slack_guards import Moderators, RedisSeenEvents, SeenEvents
from bot.adapters.slack_http import SlackHttpServer, serve_forever
from bot.config import Settings
from bot.desk import Attachment, Command, Desk, Reply, Request
from bot.desk.adding import Adder
from bot.desk.desk import replies_privately
from bot.desk.models import MODERATOR_COMMANDS
from bot.desk.threads import ThreadContexts
from bot.knowledge_base import KnowledgeBase
from bot.ops.loop import BackgroundLoop
from bot.ops.replicas import ClusterReport
from bot.ops.runtime import Operations
from bot.render import APOLOGY, PICTURE_NEEDS_INVITE
from bot.timeline import Timeline
from bot.timeline.picture import PictureUnavailable, draw_png
from bot.timeline.render import heading

log = logging.getLogger(__name__)

PLATFORM = "slack"
MODERATORS = "workspace admins and the configured moderators"
STATUS_COMMAND = "/newsdesk-status"
"""Slack's own ``/status`` cannot be registered by an app."""
SLASH_COMMANDS = {
    "/ask": Command.ASK,
    "/timeline": Command.TIMELINE,
    "/sources": Command.SOURCES,
    "/reload": Command.RELOAD,
    STATUS_COMMAND: Command.STATUS,
    "/add": Command.ADD,
    "/unanswered": Command.UNANSWERED,
}
COMMAND_NAMES = {command.value: name for name, command in SLASH_COMMANDS.items()}
SLACK_FILE_HOSTS = frozenset({"files.slack.com"})
"""Where Slack serves files (``url_private_download``): the only host ``/add`` downloads from."""
RATE_LIMIT_RETRIES = 3
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


class SlackModeration:
    """The desk's moderator operations on Slack (``ThreadedOperations``, for listener threads)."""

    def __init__(self, ops: ThreadedOperations) -> None:
        self.ops = ops

    def reload(self, requested_by: str) -> ClusterReport:
        return self.ops.reload(requested_by)

    def status(self) -> str:
        return self.ops.status()


class SlackBot:
    """The listeners: each turns a Slack payload into a ``Request`` for the desk and its
    ``Reply`` into Slack calls. No globals; one per app."""

    def __init__(
        self,
        desk: Desk,
        settings: Settings,
        seen: SeenEvents | RedisSeenEvents | None = None,
        file_hosts: frozenset[str] = SLACK_FILE_HOSTS,
    ) -> None:
        self.desk = desk
        self.file_hosts = file_hosts
        self.moderators = Moderators(settings.slack_moderator_ids)
        self.seen_events = seen or SeenEvents()

    def register(self, app: App) -> None:
        app.middleware(self.drop_redelivered_events)
        for name, command in SLASH_COMMANDS.items():
            app.command(name)(self.command_listener(command))
        app.action(SHARE_ACTION_ID)(self.share_action)
        app.action(VOTE_UP_ACTION_ID)(self.vote_action)
        app.action(VOTE_DOWN_ACTION_ID)(self.vote_action)
        app.event("app_mention")(self.mention_event)
        app.event("message")(self.message_event)
        app.error(self.unhandled_error)

    # -- middleware ------------------------------------------------------------------------------

    def drop_redelivered_events(
        self, body: dict[str, Any], request: BoltRequest, next_: Callable[[], None]
    ) -> BoltResponse | None:
        """Acknowledge an event or command seen before (here, or on another replica through
        Redis) without running a listener again.

        Events are known by ``event_id``, commands and button clicks by ``trigger_id``. Runs
        after Bolt's signature check, so forged requests never fill the memory.
        """
        delivery = delivery_id(body)
        if delivery is not None and not self.seen_events.first_time(delivery):
            retry = (request.headers.get("x-slack-retry-num") or ["?"])[0]
            log.info("ignoring re-delivered %s (retry %s)", delivery, retry)
            return BoltResponse(status=200, body="")
        next_()
        return None

    # -- slash commands --------------------------------------------------------------------------

    def command_listener(self, command: Command) -> Callable[..., None]:
        def listener(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
            self.slash_command(command, ack, body, respond, client)

        listener.__name__ = f"{command.value}_command"
        return listener

    def slash_command(
        self,
        command: Command,
        ack: Ack,
        body: dict[str, Any],
        respond: Respond,
        client: WebClient,
    ) -> None:
        """Ack within Slack's three seconds, then let the desk work and answer through the
        response URL. A cooldown note is the ack itself; moderator commands ack first, since
        asking Slack whether the user is an admin may take a while, and refuse privately."""
        acked = command in MODERATOR_COMMANDS
        if acked:
            ack()
        request = self.command_request(command, body, client)
        refusal = self.desk.gate(request)
        if refusal is not None:
            if acked:
                _respond(respond, message_for(refusal), private=True)
            else:
                ack(text=refusal.text)
            return
        if not acked:
            ack(SHOW_COMMAND if not replies_privately(request) else "")
        with _apologising(lambda text: _respond(respond, notice_message(text), private=True)):
            reply = self.desk.work(request)
            _respond(respond, message_for(reply), private=reply.private)
            if reply.picture is not None and reply.timeline is not None:
                _upload_picture(reply.picture, reply.timeline, body["channel_id"], respond, client)
            if reply.file is not None:
                _send_file_privately(reply, body["user_id"], client)

    def command_request(self, command: Command, body: dict[str, Any], client: WebClient) -> Request:
        user_id, user_name = body["user_id"], body.get("user_name", "?")
        text = (body.get("text") or "").strip()
        private = False
        if command == Command.ASK:
            private, text = _split_private(text)
        moderator = command in MODERATOR_COMMANDS and self.moderators.allows(user_id, client)
        return Request(
            platform=PLATFORM,
            user=f"{body.get('team_id')}:{user_id}",
            command=command,
            text=text,
            channel=body.get("channel_id"),
            private=private,
            is_moderator=moderator,
            display=f"<@{user_id}>",
            requested_by=f"{user_name} (id {user_id})",
            wants_picture=command == Command.TIMELINE,
        )

    def share_action(
        self, ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
    ) -> None:
        """The "Share with channel" button of a private answer: the desk's Share."""
        ack()
        user = body["user"]["id"]
        answer_id, question = share_value(action.get("value") or "")
        request = Request(
            platform=PLATFORM,
            user=f"{body.get('team', {}).get('id')}:{user}",
            command=Command.SHARE,
            text=question,
            answer_id=answer_id,
            display=f"<@{user}>",
        )
        with _apologising(lambda text: _respond(respond, notice_message(text), private=True)):
            reply = self.desk.work(request)
            if reply.private:
                _respond(respond, message_for(reply), private=True, replace_original=False)
                return
            _respond(respond, message_for(reply), private=False, replace_original=False)
            respond(delete_original=True)

    def vote_action(
        self, ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
    ) -> None:
        """👍 / 👎 under an answer: counted once per person (a second click changes it) and
        thanked in a message only the voter sees."""
        ack()
        user = body["user"]["id"]
        request = Request(
            platform=PLATFORM,
            user=f"{body.get('team', {}).get('id')}:{user}",
            command=Command.UP if action.get("action_id") == VOTE_UP_ACTION_ID else Command.DOWN,
            channel=(body.get("channel") or {}).get("id"),
            answer_id=str(action.get("value") or ""),
            display=f"<@{user}>",
        )
        with _apologising(lambda text: _respond(respond, notice_message(text), private=True)):
            reply = self.desk.work(request)
            _respond(respond, message_for(reply), private=True, replace_original=False)

    # -- events ----------------------------------------------------------------------------------

    def mention_event(self, event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        """A mention in a channel: answered in the mention's thread. Files with it: ``/add``."""
        if _from_a_bot_or_edited(event):
            return
        thread_ts = event.get("thread_ts") or event["ts"]
        self._answer_event(event, client, context, thread_ts, addressed=True)

    def message_event(self, event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        """A direct message (answered in the DM), or a message in a thread where the bot is in a
        conversation (a follow-up without a mention). Mentions come as ``app_mention``."""
        if _from_a_bot_or_edited(event) and event.get("subtype") != "file_share":
            return
        if event.get("bot_id") or event.get("bot_profile"):
            return
        direct = event.get("channel_type") == "im"
        if not direct and (not event.get("thread_ts") or _mentions(event, context.bot_user_id)):
            return
        self._answer_event(event, client, context, event.get("thread_ts"), addressed=direct)

    def _answer_event(
        self,
        event: dict[str, Any],
        client: WebClient,
        context: BoltContext,
        thread_ts: str | None,
        *,
        addressed: bool,
    ) -> None:
        request = self.event_request(event, client, context, thread_ts, addressed=addressed)
        if not self.desk.wants(request):
            return
        channel, user = event["channel"], event.get("user", "")
        whisper = lambda text: _whisper(client, channel, user, thread_ts, text)  # noqa: E731
        refusal = self.desk.gate(request)
        if refusal is not None:
            whisper(refusal.text)
            return
        with _reaction(client, channel, event["ts"]), _apologising(whisper):
            reply = self.desk.work(request)
            if reply.private:
                whisper(reply.text)
                return
            client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                unfurl_links=False,
                unfurl_media=False,
                **message_for(reply).kwargs(),
            )

    def event_request(
        self,
        event: dict[str, Any],
        client: WebClient,
        context: BoltContext,
        thread_ts: str | None,
        *,
        addressed: bool,
    ) -> Request:
        user, channel = event.get("user", ""), event["channel"]
        files = tuple(slack_attachment(file, self.file_hosts) for file in event.get("files") or ())
        command = Command.ADD if addressed and files else Command.ASK
        moderator = command == Command.ADD and self.moderators.allows(user, client)
        conversation = f"{PLATFORM}:{context.team_id}:{channel}"
        return Request(
            platform=PLATFORM,
            user=f"{context.team_id}:{user}",
            command=command,
            text=plain_text(event.get("text") or "", context.bot_user_id),
            channel=channel,
            thread=f"{conversation}:{thread_ts}" if thread_ts else conversation,
            addressed=addressed,
            is_moderator=moderator,
            display=f"<@{user}>",
            requested_by=f"{user} (id {user})",
            attachments=files if addressed else (),
        )

    def unhandled_error(self, error: Exception, body: dict[str, Any]) -> None:
        log.error("unhandled error for a %s request", body.get("type", "command"), exc_info=error)


def delivery_id(body: dict[str, Any]) -> str | None:
    """What identifies one delivery across retries: the event id, else the trigger id."""
    for key in ("event_id", "trigger_id"):
        value = body.get(key)
        if isinstance(value, str) and value:
            return f"{key}:{value}"
    return None


def share_value(value: str) -> tuple[str, str]:
    """The answer id and question a Share button carries (a bare question from older buttons)."""
    try:
        data = json.loads(value)
    except ValueError:
        return "", value
    if not isinstance(data, dict):
        return "", value
    return str(data.get("id") or ""), str(data.get("q") or "")


def slack_attachment(file: dict[str, Any], hosts: frozenset[str]) -> Attachment:
    url = str(file.get("url_private_download") or file.get("url_private") or "")
    return Attachment(
        filename=str(file.get("name") or "file"),
        size=int(file.get("size") or 0),
        url=url,
        content_type=file.get("mimetype"),
        from_platform_host=on_host(url, hosts),
    )


def _mentions(event: dict[str, Any], bot_user_id: str | None) -> bool:
    return bool(bot_user_id) and f"<@{bot_user_id}" in (event.get("text") or "")


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
    png: bytes, timeline: Timeline, channel_id: str, respond: Respond, client: WebClient
) -> None:
    """The timeline's PNG into the channel; the bot must be a member, so say so when it is not."""
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


def _send_file_privately(reply: Reply, user_id: str, client: WebClient) -> None:
    """The report's CSV file in the moderator's direct messages with the bot (an ephemeral
    reply cannot carry a file); without the scope for it, the text reply stands alone."""
    assert reply.file is not None
    try:
        direct = client.conversations_open(users=user_id)["channel"]["id"]
        client.files_upload_v2(
            channel=direct, file=reply.file.data, filename=reply.file.name, title=reply.file.name
        )
    except SlackApiError as error:
        log.warning("could not send %s: %s", reply.file.name, error.response.get("error"))


def _whisper(client: WebClient, channel: str, user: str, thread_ts: str | None, text: str) -> None:
    """An ephemeral note to ``user`` in ``channel`` (or its thread)."""
    client.chat_postEphemeral(
        channel=channel, user=user, thread_ts=thread_ts, **notice_message(text).kwargs()
    )


@contextmanager
def _apologising(apologise: Callable[[str], None]) -> Iterator[None]:
    """A failure in Slack's calls (the desk apologises for its own): traceback to the log, a
    short apology to the user, and the bot carries on."""
    try:
        yield
    except Exception:
        log.exception("a Slack handler failed")
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


def timeline_picture(timeline: Timeline) -> bytes | None:
    """The PNG of ``timeline``, or None without matplotlib (logged)."""
    try:
        return draw_png(timeline)
    except PictureUnavailable as error:
        log.warning("no timeline picture: %s", error)
        return None


# -- app and servers ----------------------------------------------------------------------------


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value is not None else None


def create_app(
    kb: KnowledgeBase,
    settings: Settings,
    ops: ThreadedOperations,
    client: WebClient | None = None,
    *,
    adder: Adder | None = None,
    file_hosts: frozenset[str] = SLACK_FILE_HOSTS,
) -> App:
    """A Bolt app answering from ``kb``; tests pass ``WebClient(base_url=fake)``.

    ``ops`` must be started before ``/reload`` is used. ``adder`` is the core add function for
    ``/add``; ``file_hosts`` where attached files may be downloaded from (with the bot token).
    """
    if client is None:
        token = _secret(settings.slack_bot_token)
        if not token:
            raise SystemExit(
                "error: SLACK_BOT_TOKEN is not set (the xoxb-... Bot User OAuth Token)"
            )
        client = WebClient(token=token)
    with_rate_limit_retries(client)
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
    desk = Desk(
        kb,
        SlackModeration(ops),
        platform=PLATFORM,
        cooldown_seconds=settings.cooldown_seconds,
        command_names=COMMAND_NAMES,
        who_moderates=MODERATORS,
        contexts=ThreadContexts(
            max_threads=settings.followup_max_threads, max_age=settings.followup_max_age_seconds
        ),
        adder=adder,
        fetch_attachment=attachment_fetcher(
            file_hosts, {"Authorization": f"Bearer {client.token}"}
        ),
        max_file_bytes=settings.max_file_bytes,
        draw_picture=timeline_picture,
        feedback=ops.ops.feedback,
    )
    SlackBot(desk, settings, seen_events(settings), file_hosts).register(app)
    return app


def with_rate_limit_retries(client: WebClient) -> WebClient:
    """Let ``client`` retry a call Slack answered with HTTP 429, after its ``Retry-After``."""
    if not any(isinstance(h, RateLimitErrorRetryHandler) for h in client.retry_handlers):
        client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    return client


def seen_events(settings: Settings) -> SeenEvents | RedisSeenEvents:
    """Deliveries seen, shared by the replicas through Redis when ``REDIS_URL`` is set."""
    url = _secret(settings.redis_url)
    if not url:
        return SeenEvents()
    return RedisSeenEvents(url, namespace=settings.redis_namespace)


def uses_socket_mode(settings: Settings, http: bool) -> bool:
    """Socket Mode with an app token, unless ``--http`` asks for the HTTP server."""
    return bool(_secret(settings.slack_app_token)) and not http


def run(
    kb: KnowledgeBase,
    settings: Settings,
    http: bool = False,
    port: int = 3000,
    ops: Operations | None = None,
    adder: Adder | None = None,
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
        app = create_app(kb, settings, threaded, adder=adder)
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
        serve_forever(SlackHttpServer(app, signing_secret, ops.readiness, port=port), ops)


@contextmanager
def _until_interrupted() -> Iterator[None]:
    """Ctrl-C ends the bot quietly instead of with a traceback."""
    try:
        yield
    except KeyboardInterrupt:
        log.info("Slack: stopped")
