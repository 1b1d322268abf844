"""The Discord surface: slash commands, mentions, threads and direct messages, over the desk.

Only translation lives here: an interaction or a message becomes a ``bot.desk.Request``; the
desk's ``Reply`` becomes a message built by ``bot.adapters.discord_messages``. What a command
means, the cooldown, moderator gating, follow-ups, Share, ``/add`` and the apology are the
desk's. Interactions are acknowledged first (Discord's 3-second deadline: the desk's quick
``gate``, then a defer), the desk's work runs off the event loop, and no message pings anyone.

A mention in a channel is answered in a thread started on it (``DISCORD_REPLY_IN_THREAD=false``:
a plain reply); in that thread, further messages are follow-ups (without a mention when the
Message Content intent is on). The ops parts (``bot.ops.runtime.Operations``) live and die with
the client; gateway events flip the readiness.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
from collections import OrderedDict
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord_messages import (
    TIMELINE_PICTURE,
    DiscordReply,
    message_for,
    thread_name,
)
from bot.adapters.downloads import attachment_fetcher, on_host
from bot.answer import MAX_QUESTION_CHARS
from bot.config import Settings
from bot.desk import Attachment, Command, Desk, Reply, Request
from bot.desk.adding import Adder
from bot.desk.desk import is_quick, replies_privately
from bot.desk.threads import ThreadContexts
from bot.feedback.render import VOTE_DOWN, VOTE_UP
from bot.knowledge_base import KnowledgeBase
from bot.ops.replicas import ClusterReport
from bot.ops.runtime import Operations
from bot.render import APOLOGY, SHARE_BUTTON
from bot.timeline import Timeline

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()
SHARE_BUTTON_PREFIX = "newsdesk:share:"
VOTE_BUTTON_PREFIX = "newsdesk:vote:"
INTERACTION_TOKEN_SECONDS = 15 * 60
"""How long Discord lets a bot edit or delete an interaction's response."""
PRIVATE_COPIES = 1_000
"""Private answers whose /ask interaction is kept, to delete the copy once shared."""
PLATFORM = "discord"
MODERATORS = "members with the Manage Server permission or a moderator role"
FILE_HOSTS = frozenset({"cdn.discordapp.com", "media.discordapp.net"})
"""Where Discord serves attachments: the only hosts ``/add`` downloads from."""
COMMAND_NAMES = {
    "ask": "/ask",
    "timeline": "/timeline",
    "sources": "/sources",
    "reload": "/reload",
    "status": "/status",
    "add": "/add",
    "unanswered": "/unanswered",
}


def bot_intents(settings: Settings | None = None) -> discord.Intents:
    """Guilds (roles and channels for the moderator check) and message events.

    Not the privileged Message Content intent unless ``DISCORD_MESSAGE_CONTENT`` asks for it:
    Discord sends the content of messages that mention the bot and of direct messages without
    it; follow-ups without a mention in the bot's threads need it.
    """
    intents = discord.Intents(guilds=True, guild_messages=True, dm_messages=True)
    intents.message_content = bool(settings and settings.discord_message_content)
    return intents


class DeskModeration:
    """The desk's moderator operations on Discord: ``ops`` coroutines run on the client's loop,
    waited for by the worker thread the desk runs in."""

    def __init__(self, ops: Operations, client: discord.Client) -> None:
        self.ops = ops
        self.client = client

    def reload(self, requested_by: str) -> ClusterReport:
        return asyncio.run_coroutine_threadsafe(
            self.ops.reload(requested_by), self.client.loop
        ).result()

    def status(self) -> str:
        return self.ops.status()


def silence_voice_warnings() -> None:
    """The bot never joins a voice channel: no warning that voice libraries are missing.

    discord.py documents these class attributes as the way to turn the warnings off.
    """
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False


class NewsdeskClient(discord.Client):
    """A Discord client that answers from ``kb`` through the desk; built by ``build_client``.

    ``adder`` is the core add function for ``/add``; ``file_hosts`` the hosts attachments are
    downloaded from (Discord's CDN). ``options`` go to ``discord.Client`` as they are.
    """

    def __init__(
        self,
        kb: KnowledgeBase,
        settings: Settings,
        ops: Operations,
        *,
        adder: Adder | None = None,
        file_hosts: frozenset[str] = FILE_HOSTS,
        **options: Any,
    ) -> None:
        silence_voice_warnings()
        super().__init__(intents=bot_intents(settings), allowed_mentions=NO_PINGS, **options)
        self.kb = kb
        self.settings = settings
        self.ops = ops
        self.file_hosts = file_hosts
        self.desk = Desk(
            kb,
            DeskModeration(ops, self),
            platform=PLATFORM,
            cooldown_seconds=settings.cooldown_seconds,
            command_names=COMMAND_NAMES,
            who_moderates=MODERATORS,
            contexts=ThreadContexts(
                max_threads=settings.followup_max_threads,
                max_age=settings.followup_max_age_seconds,
            ),
            adder=adder,
            fetch_attachment=attachment_fetcher(file_hosts),
            max_file_bytes=settings.max_file_bytes,
            draw_picture=timeline_picture,
            feedback=ops.feedback,
        )
        self.private_copies: OrderedDict[str, discord.Interaction] = OrderedDict()
        self.tree = NewsdeskTree(self)
        add_commands(self.tree, self)

    @property
    def registers_commands(self) -> bool:
        """Whether this process registers the slash commands (one process per bot does)."""
        return True

    async def setup_hook(self) -> None:
        await self.ops.start()
        self.add_dynamic_items(ShareButton, VoteButton)
        if self.registers_commands:
            await sync_commands(self.tree, self.settings.discord_guild_ids)
        else:
            log.info("slash commands are registered by the process that runs shard 0")

    async def close(self) -> None:
        await super().close()
        await self.ops.stop()

    async def on_ready(self) -> None:
        self.connection_changed(up=True)
        log.info("connected to Discord as %s (id %s)", self.user, self.user and self.user.id)

    async def on_resumed(self) -> None:
        self.connection_changed(up=True)

    async def on_disconnect(self) -> None:
        self.connection_changed(up=False)

    def connection_changed(self, *, up: bool) -> None:
        """The gateway connection came up (READY, RESUMED) or went down: readiness follows."""
        self.ops.chat_connected = up

    # -- interactions -----------------------------------------------------------------------------

    def interaction_request(
        self, interaction: discord.Interaction, command: Command, text: str = "", **details: Any
    ) -> Request:
        user = interaction.user
        return Request(
            platform=PLATFORM,
            user=str(user.id),
            command=command,
            text=text,
            channel=str(interaction.channel_id),
            is_moderator=is_moderator(interaction, self.settings.discord_moderator_role_ids),
            display=user.mention,
            requested_by=f"{user} (id {user.id})",
            **details,
        )

    async def respond(self, interaction: discord.Interaction, request: Request) -> None:
        """Gate at once (refusals and the cooldown are private responses), else defer, let the
        desk work off the event loop, and put its reply in place of "thinking…"."""
        refusal = self.desk.gate(request)
        if refusal is not None:
            await send_ephemeral(interaction, message_for(refusal).content)
            return
        if is_quick(request):
            message = message_for(self.desk.work(request))
            await send_ephemeral(interaction, message.content, message.embeds)
            return
        await interaction.response.defer(ephemeral=replies_privately(request), thinking=True)
        reply = await asyncio.to_thread(self.desk.work, request)
        message = message_for(reply, echo_question=True)
        await interaction.edit_original_response(
            content=message.content or None,
            embeds=message.embeds,
            attachments=reply_files(reply),
            view=answer_view(reply),
            allowed_mentions=NO_PINGS,
        )
        if reply.shareable and reply.answer_id:
            self.keep_private_copy(reply.answer_id, interaction)

    def keep_private_copy(self, answer_id: str, interaction: discord.Interaction) -> None:
        """The /ask interaction of a private answer, to delete its copy once shared."""
        self.private_copies[answer_id] = interaction
        while len(self.private_copies) > PRIVATE_COPIES:
            self.private_copies.popitem(last=False)

    async def share(self, interaction: discord.Interaction, answer_id: str) -> None:
        request = self.interaction_request(interaction, Command.SHARE, answer_id=answer_id)
        reply = await asyncio.to_thread(self.desk.work, request)
        message = message_for(reply, echo_question=True)
        if reply.private:
            await send_ephemeral(interaction, message.content, message.embeds)
            return
        await interaction.response.send_message(
            message.content,
            embeds=message.embeds,
            view=answer_view(reply) or discord.utils.MISSING,
            allowed_mentions=NO_PINGS,
        )
        asked = self.private_copies.pop(answer_id, None)
        if asked is not None:
            await remove_private_copy(asked)

    async def vote(self, interaction: discord.Interaction, answer_id: str, up: bool) -> None:
        """A 👍 / 👎 click: the desk counts it (a second click changes it); thanked privately."""
        command = Command.UP if up else Command.DOWN
        request = self.interaction_request(interaction, command, answer_id=answer_id)
        reply = self.desk.work(request)
        await send_ephemeral(interaction, message_for(reply).content)

    # -- messages ---------------------------------------------------------------------------------

    async def on_message(self, message: discord.Message) -> None:
        request = self.message_request(message)
        if request is None or not self.desk.wants(request):
            return
        try:
            await self.answer_message(message, request)
        except Exception:
            log.exception("answering message %s failed", message.id)
            self.desk.forgive(request)
            await reply_to(message, DiscordReply(content=APOLOGY))

    def message_request(self, message: discord.Message) -> Request | None:
        """A user's ordinary message as a request: a mention, a DM, or a message in a thread
        (answered only when the desk has a conversation there). A file attached to a mention
        is an ``/add``."""
        if message.author.bot or self.user is None:
            return None
        if message.type not in (discord.MessageType.default, discord.MessageType.reply):
            return None
        mentioned = message.guild is None or self.user in message.mentions
        files = tuple(self.attachment(a) for a in message.attachments)
        author = message.author
        return Request(
            platform=PLATFORM,
            user=str(author.id),
            command=Command.ADD if mentioned and files else Command.ASK,
            text=without_mention(message.content, self.user.id),
            channel=str(message.channel.id),
            thread=self.thread_key(message, mentioned),
            addressed=mentioned,
            is_moderator=member_is_moderator(author, self.settings.discord_moderator_role_ids),
            display=author.mention,
            requested_by=f"{author} (id {author.id})",
            attachments=files if mentioned else (),
        )

    def thread_key(self, message: discord.Message, mentioned: bool) -> str | None:
        """A DM or thread is its own conversation; a mention in a channel starts a thread on
        itself (same id as the message) unless plain replies are configured."""
        channel = message.channel
        if message.guild is None or isinstance(channel, discord.Thread) or not mentioned:
            return f"{PLATFORM}:{channel.id}"
        if self.settings.discord_reply_in_thread:
            return f"{PLATFORM}:{message.id}"
        return None

    def attachment(self, file: discord.Attachment) -> Attachment:
        return Attachment(
            filename=file.filename,
            size=file.size,
            url=file.url,
            content_type=file.content_type,
            from_platform_host=on_host(file.url, self.file_hosts),
        )

    async def answer_message(self, message: discord.Message, request: Request) -> None:
        refusal = self.desk.gate(request)
        if refusal is not None:
            await reply_to(message, message_for(refusal))
            return
        async with message.channel.typing():
            reply = await asyncio.to_thread(self.desk.work, request)
        where = await self.answer_place(message, request, reply)
        await send_in(where, message, message_for(reply, echo_question=False), answer_view(reply))

    async def answer_place(
        self, message: discord.Message, request: Request, reply: Reply
    ) -> discord.abc.Messageable | None:
        """The thread started on ``message`` when the answer goes in one, else None (a reply)."""
        if request.thread != f"{PLATFORM}:{message.id}" or reply.private:
            return None
        try:
            return await message.create_thread(name=thread_name(request.text))
        except discord.HTTPException as error:
            log.info("could not start a thread on message %s: %s", message.id, error)
            return None


class ShardedNewsdeskClient(NewsdeskClient, discord.AutoShardedClient):
    """The same bot over several gateway connections (shards), for when one is not enough.

    This process runs ``DISCORD_SHARD_IDS`` (default: all) of ``DISCORD_SHARD_COUNT`` shards;
    other processes run the rest. It is ready when every one of its own shards is connected.
    """

    def __init__(
        self, kb: KnowledgeBase, settings: Settings, ops: Operations, **options: Any
    ) -> None:
        super().__init__(
            kb,
            settings,
            ops,
            shard_count=settings.discord_shard_count,
            shard_ids=settings.discord_shard_ids or None,
            **options,
        )
        self.shards_up: set[int] = set()
        base_details = ops.readiness.details
        ops.readiness.details = lambda: {
            **base_details(),
            "shards": sorted(self.own_shards),
            "shards_connected": sorted(self.shards_up),
        }

    @property
    def own_shards(self) -> set[int]:
        return set(self.shard_ids or range(self.shard_count or 0))

    @property
    def registers_commands(self) -> bool:
        return 0 in self.own_shards

    async def on_shard_ready(self, shard_id: int) -> None:
        self.shard_changed(shard_id, up=True)

    async def on_shard_resumed(self, shard_id: int) -> None:
        self.shard_changed(shard_id, up=True)

    async def on_shard_disconnect(self, shard_id: int) -> None:
        self.shard_changed(shard_id, up=False)

    def connection_changed(self, *, up: bool) -> None:
        """Whole-client events say nothing about which shard; ``shard_changed`` decides."""

    def shard_changed(self, shard_id: int, *, up: bool) -> None:
        if up:
            self.shards_up.add(shard_id)
        else:
            self.shards_up.discard(shard_id)
        self.ops.chat_connected = self.shards_up >= self.own_shards
        log.info("shard %d %s", shard_id, "connected" if up else "disconnected")


class NewsdeskTree(app_commands.CommandTree[NewsdeskClient]):
    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        name = interaction.command.name if interaction.command else "?"
        log.error("/%s failed for user %s", name, interaction.user.id, exc_info=error)
        interaction.client.desk.forgive(  # type: ignore[attr-defined]
            Request(platform=PLATFORM, user=str(interaction.user.id), command=Command.ASK)
        )
        await apologise(interaction)


class ShareButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"newsdesk:share:(?P<answer>[\w.]+)"
):
    """The button under a private answer that posts it to the channel: the desk's Share.

    Its custom id carries the answer's id, so a click is understood after a restart too (the
    desk then says when the answer is no longer kept).
    """

    def __init__(self, answer_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                label=SHARE_BUTTON,
                style=discord.ButtonStyle.primary,
                custom_id=f"{SHARE_BUTTON_PREFIX}{answer_id}",
            )
        )
        self.answer_id = answer_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]
    ) -> ShareButton:
        return cls(match["answer"])

    async def callback(self, interaction: discord.Interaction) -> None:
        client = interaction.client
        assert isinstance(client, NewsdeskClient)
        try:
            await client.share(interaction, self.answer_id)
        except Exception:
            log.exception("sharing an answer failed for user %s", interaction.user.id)
            if not interaction.response.is_done():
                await apologise(interaction)


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"newsdesk:vote:(?P<way>up|down):(?P<answer>[\w.]+)",
):
    """👍 or 👎 under an answer everyone sees; its custom id carries the answer's id, so a click
    counts after a restart or on another replica too."""

    def __init__(self, answer_id: str, up: bool) -> None:
        way = "up" if up else "down"
        super().__init__(
            discord.ui.Button(
                emoji=VOTE_UP if up else VOTE_DOWN,
                style=discord.ButtonStyle.secondary,
                custom_id=f"{VOTE_BUTTON_PREFIX}{way}:{answer_id}",
            )
        )
        self.answer_id = answer_id
        self.up = up

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]
    ) -> VoteButton:
        return cls(match["answer"], match["way"] == "up")

    async def callback(self, interaction: discord.Interaction) -> None:
        client = interaction.client
        assert isinstance(client, NewsdeskClient)
        try:
            await client.vote(interaction, self.answer_id, self.up)
        except Exception:
            log.exception("a vote failed for user %s", interaction.user.id)
            if not interaction.response.is_done():
                await apologise(interaction)


def answer_view(reply: Reply) -> discord.ui.View | None:
    """Share under a private answer; 👍 / 👎 under one everyone sees (a shared one too)."""
    if not reply.answer_id or not (reply.shareable or reply.votable):
        return None
    view = discord.ui.View(timeout=None)
    if reply.shareable:
        view.add_item(ShareButton(reply.answer_id))
    if reply.votable:
        view.add_item(VoteButton(reply.answer_id, up=True))
        view.add_item(VoteButton(reply.answer_id, up=False))
    return view


def add_commands(tree: app_commands.CommandTree, client: NewsdeskClient) -> None:
    """The slash commands; their docstrings are the descriptions users see."""

    @tree.command(name="ask")
    @app_commands.describe(
        question="What you want to know about the news articles",
        private="Only you see the answer (with a button to share it)",
    )
    async def ask(
        interaction: discord.Interaction,
        question: app_commands.Range[str, 1, MAX_QUESTION_CHARS],
        private: bool = False,
    ) -> None:
        """Ask about the news articles; the answer quotes them with their sources."""
        request = client.interaction_request(interaction, Command.ASK, question, private=private)
        await client.respond(interaction, request)

    @tree.command(name="timeline")
    @app_commands.describe(topic="Only events about this, for example: North Korean troops")
    async def timeline(
        interaction: discord.Interaction,
        topic: app_commands.Range[str, 1, MAX_QUESTION_CHARS] | None = None,
    ) -> None:
        """A dated timeline of the events in the articles, with a picture."""
        request = client.interaction_request(
            interaction, Command.TIMELINE, topic or "", wants_picture=True
        )
        await client.respond(interaction, request)

    @tree.command(name="sources")
    async def sources(interaction: discord.Interaction) -> None:
        """List the articles the bot knows."""
        await client.respond(interaction, client.interaction_request(interaction, Command.SOURCES))

    @tree.command(name="reload")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    async def reload(interaction: discord.Interaction) -> None:
        """Moderators: reload the articles from disk and report what changed."""
        await client.respond(interaction, client.interaction_request(interaction, Command.RELOAD))

    @tree.command(name="status")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    async def status(interaction: discord.Interaction) -> None:
        """Moderators: knowledge-base version, article counts, last reload and uptime."""
        await client.respond(interaction, client.interaction_request(interaction, Command.STATUS))

    @tree.command(name="unanswered")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.describe(days="The last N days (default 30)")
    async def unanswered(
        interaction: discord.Interaction, days: app_commands.Range[int, 1, 36_500] | None = None
    ) -> None:
        """Moderators: declined and voted-down questions, most asked first, with a CSV file."""
        text = str(days) if days is not None else ""
        request = client.interaction_request(interaction, Command.UNANSWERED, text)
        await client.respond(interaction, request)

    @tree.command(name="add")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.describe(
        url="The article's web address (https://…)",
        file="Or an HTML, Markdown or text file of the article",
    )
    async def add(
        interaction: discord.Interaction,
        url: app_commands.Range[str, 1, 2000] | None = None,
        file: discord.Attachment | None = None,
    ) -> None:
        """Moderators: add an article from a web address or a file, then reload."""
        files = (client.attachment(file),) if file is not None else ()
        request = client.interaction_request(interaction, Command.ADD, url or "", attachments=files)
        await client.respond(interaction, request)


async def sync_commands(tree: app_commands.CommandTree, guild_ids: list[int]) -> None:
    """Register the commands in ``guild_ids`` (instant) or, without any, globally."""
    if not guild_ids:
        synced = await tree.sync()
        log.info("registered %d global commands", len(synced))
        return
    for guild_id in guild_ids:
        guild = discord.Object(id=guild_id)
        tree.copy_global_to(guild=guild)
        synced = await tree.sync(guild=guild)
        log.info("registered %d commands in guild %s", len(synced), guild_id)


def is_moderator(interaction: discord.Interaction, moderator_role_ids: list[int]) -> bool:
    """Manage Server in this channel, or one of the configured moderator roles."""
    if interaction.guild is None or not isinstance(interaction.user, discord.Member):
        return False
    if interaction.permissions.manage_guild:
        return True
    return any(role.id in moderator_role_ids for role in interaction.user.roles)


def member_is_moderator(author: discord.abc.User, moderator_role_ids: list[int]) -> bool:
    """For a message: Manage Server in the guild, or one of the configured moderator roles."""
    if not isinstance(author, discord.Member):
        return False
    if author.guild_permissions.manage_guild:
        return True
    return any(role.id in moderator_role_ids for role in author.roles)


def without_mention(content: str, bot_id: int) -> str:
    return re.sub(rf"<@!?{bot_id}>", " ", content).strip()


def timeline_picture(timeline: Timeline) -> bytes | None:
    """The PNG of ``timeline``, or None without events or without matplotlib."""
    from bot.timeline.picture import PictureUnavailable, draw_png

    if not timeline.events:
        return None
    try:
        return draw_png(timeline)
    except PictureUnavailable as error:
        log.warning("timeline picture left out: %s", error)
        return None


async def send_ephemeral(
    interaction: discord.Interaction, content: str, embeds: list[discord.Embed] | None = None
) -> None:
    """Respond so that only the user who asked sees it."""
    await interaction.response.send_message(
        content, embeds=embeds or [], ephemeral=True, allowed_mentions=NO_PINGS
    )


async def remove_private_copy(asked: discord.Interaction) -> None:
    try:
        await asked.delete_original_response()
    except discord.HTTPException as error:
        log.info("could not remove the shared private answer: %s", error)


async def apologise(interaction: discord.Interaction) -> None:
    """Tell the user something failed: as the response, or in place of "thinking…"."""
    try:
        if interaction.response.is_done():
            await interaction.edit_original_response(
                content=APOLOGY, embeds=[], attachments=[], view=None, allowed_mentions=NO_PINGS
            )
        else:
            await send_ephemeral(interaction, APOLOGY)
    except discord.HTTPException:
        log.exception("could not send the apology for interaction %s", interaction.id)


def reply_files(reply: Reply) -> list[discord.File]:
    """The timeline's picture, or the report's CSV file."""
    files = []
    if reply.picture is not None:
        files.append(discord.File(io.BytesIO(reply.picture), TIMELINE_PICTURE))
    if reply.file is not None:
        files.append(discord.File(io.BytesIO(reply.file.data), reply.file.name))
    return files


async def reply_to(message: discord.Message, reply: DiscordReply) -> None:
    """Reply to ``message`` without pinging its author; still sent if it was deleted."""
    await send_in(None, message, reply)


async def send_in(
    where: discord.abc.Messageable | None,
    message: discord.Message,
    reply: DiscordReply,
    view: discord.ui.View | None = None,
) -> None:
    """Send ``reply`` (with its buttons) into ``where`` (a thread), or as a reply to ``message``."""
    try:
        if where is not None:
            await where.send(
                reply.content or None, embeds=reply.embeds, view=view, allowed_mentions=NO_PINGS
            )
            return
        await message.channel.send(
            reply.content or None,
            embeds=reply.embeds,
            view=view,
            reference=message.to_reference(fail_if_not_exists=False),
            allowed_mentions=NO_PINGS,
        )
    except discord.HTTPException:
        log.exception("could not reply to message %s", message.id)


def build_client(
    kb: KnowledgeBase, settings: Settings, ops: Operations | None = None, **options: Any
) -> NewsdeskClient:
    """The client for ``settings``: sharded with ``DISCORD_SHARD_COUNT``, else one connection.

    Without ``ops``, a single replica without a health endpoint. ``options`` may carry
    ``adder`` and ``file_hosts`` (see ``NewsdeskClient``).
    """
    ops = ops or Operations.build(kb, platform=PLATFORM)
    if settings.discord_shard_count is None:
        return NewsdeskClient(kb, settings, ops, **options)
    return ShardedNewsdeskClient(kb, settings, ops, **options)


def run(
    kb: KnowledgeBase,
    settings: Settings,
    ops: Operations | None = None,
    adder: Adder | None = None,
) -> None:
    """Run the bot until interrupted (``python -m bot discord``)."""
    if settings.discord_token is None:
        raise SystemExit("error: set DISCORD_TOKEN to the bot token (see docs/discord.md)")
    client = build_client(kb, settings, ops, adder=adder)
    try:
        client.run(settings.discord_token.get_secret_value(), log_handler=None)
    except discord.LoginFailure:
        raise SystemExit("error: Discord rejected DISCORD_TOKEN; reset it in the portal") from None
    except discord.PrivilegedIntentsRequired:
        raise SystemExit("error: an intent this bot asks for is not enabled") from None
    except OSError as error:  # aiohttp's connection errors are OSErrors
        raise SystemExit(f"error: cannot reach Discord ({error.strerror or error})") from None
