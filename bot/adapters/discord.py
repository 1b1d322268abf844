"""The Discord surface: slash commands, mentions and direct messages over the core.

Each handler turns one interaction or message into one core call, run off the event loop
with ``asyncio.to_thread``, and the core's result into a message built by
``bot.adapters.discord_messages``. Interactions are acknowledged first (Discord's 3-second
deadline), no message ever pings anyone, and a failing handler apologises to the user, logs
the traceback and leaves the bot running.

The ops parts (``bot.ops.runtime.Operations``) live and die with the client: they start in
``setup_hook`` and stop in ``close``. Gateway events flip the readiness; ``/reload`` and
``/status`` go through them; every question is logged as one ``log_question`` line.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
import time
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord_messages import (
    TIMELINE_PICTURE,
    Reply,
    answer_reply,
    moderator_text,
    reload_text,
    shared_content,
    sources_reply,
    timeline_reply,
)
from bot.answer import MAX_QUESTION_CHARS
from bot.config import Settings
from bot.cooldown import Cooldown
from bot.knowledge_base import KnowledgeBase
from bot.logs import log_question
from bot.ops.runtime import Operations
from bot.render import APOLOGY, cooldown_text
from bot.timeline import Timeline

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()
SHARE_BUTTON_ID = "newsdesk:share"
INTERACTION_TOKEN_SECONDS = 15 * 60
"""How long Discord lets a bot edit or delete an interaction's response."""
PLATFORM = "discord"
MODERATORS = "members with the Manage Server permission or a moderator role"
REFUSALS = {
    "reload": f"Only moderators can reload the knowledge base: {MODERATORS}.",
    "status": f"Only moderators can see the bot's status: {MODERATORS}.",
}


def bot_intents() -> discord.Intents:
    """Guilds (roles and channels for the moderator check) and message events.

    Not the privileged Message Content intent: Discord sends the content of messages that
    mention the bot and of direct messages without it, and those are all the bot reads.
    """
    return discord.Intents(guilds=True, guild_messages=True, dm_messages=True)


def silence_voice_warnings() -> None:
    """The bot never joins a voice channel: no warning that voice libraries are missing.

    discord.py documents these class attributes as the way to turn the warnings off.
    """
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False


class NewsdeskClient(discord.Client):
    """A Discord client that answers from ``kb``; built by ``build_client``.

    ``options`` go to ``discord.Client`` as they are (e.g. ``guild_ready_timeout``).
    """

    def __init__(
        self, kb: KnowledgeBase, settings: Settings, ops: Operations, **options: Any
    ) -> None:
        silence_voice_warnings()
        super().__init__(intents=bot_intents(), allowed_mentions=NO_PINGS, **options)
        self.kb = kb
        self.settings = settings
        self.ops = ops
        self.cooldown = Cooldown(settings.cooldown_seconds)
        self.tree = NewsdeskTree(self)
        add_commands(self.tree, self)

    @property
    def registers_commands(self) -> bool:
        """Whether this process registers the slash commands (one process per bot does)."""
        return True

    async def setup_hook(self) -> None:
        await self.ops.start()
        self.add_view(ShareView())
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

    def cooldown_left(self, user: discord.abc.User) -> float:
        return self.cooldown.check(f"discord:{user.id}")

    def forgive(self, user: discord.abc.User) -> None:
        """The question failed on our side: the user may ask again at once."""
        self.cooldown.release(f"discord:{user.id}")

    async def ask(self, interaction: discord.Interaction, question: str, private: bool) -> None:
        started = time.perf_counter()
        wait = self.cooldown_left(interaction.user)
        if wait:
            await send_ephemeral(interaction, cooldown_text(wait))
            return
        await interaction.response.defer(ephemeral=private, thinking=True)
        answer = await asyncio.to_thread(self.kb.ask, question)
        reply = answer_reply(answer, echo_question=True)
        await interaction.edit_original_response(
            content=reply.content or None,
            embeds=reply.embeds,
            view=ShareView(asked=interaction) if private and answer.answered else None,
            allowed_mentions=NO_PINGS,
        )
        log_question(
            log, platform=PLATFORM, answer=answer, started=started, user=str(interaction.user.id)
        )

    async def timeline(self, interaction: discord.Interaction, topic: str | None) -> None:
        wait = self.cooldown_left(interaction.user)
        if wait:
            await send_ephemeral(interaction, cooldown_text(wait))
            return
        await interaction.response.defer(thinking=True)
        timeline = await asyncio.to_thread(self.kb.timeline, topic)
        picture = await asyncio.to_thread(timeline_picture, timeline)
        reply = timeline_reply(timeline, with_picture=picture is not None)
        files = [discord.File(io.BytesIO(picture), TIMELINE_PICTURE)] if picture else []
        await interaction.edit_original_response(
            content=reply.content or None,
            embeds=reply.embeds,
            attachments=files,
            allowed_mentions=NO_PINGS,
        )

    async def sources(self, interaction: discord.Interaction) -> None:
        reply = sources_reply(self.kb.articles, self.kb.version)
        await send_ephemeral(interaction, reply.content, reply.embeds)

    async def reload(self, interaction: discord.Interaction) -> None:
        """Reload on every replica (one without Redis); the report goes to the moderator."""
        if await self.refused(interaction, "reload"):
            return
        user = interaction.user
        await interaction.response.defer(ephemeral=True, thinking=True)
        log.info("reload requested by %s (id %s) in guild %s", user, user.id, interaction.guild_id)
        report = await self.ops.reload(f"{user} (id {user.id})")
        log.info("reload by %s (id %s): %s", user, user.id, report.summary())
        await interaction.edit_original_response(
            content=reload_text(report), allowed_mentions=NO_PINGS
        )

    async def status(self, interaction: discord.Interaction) -> None:
        if await self.refused(interaction, "status"):
            return
        await send_ephemeral(interaction, moderator_text(self.ops.status()))

    async def refused(self, interaction: discord.Interaction, command: str) -> bool:
        """Refuse ``/command`` to a member who is not a moderator (logged, told privately).

        Discord hides moderator commands from other members by default, but a server admin
        can grant them to anyone in the integration settings: this check still holds then.
        """
        if is_moderator(interaction, self.settings.discord_moderator_role_ids):
            return False
        user = interaction.user
        log.info("refused /%s for %s (id %s): not a moderator", command, user, user.id)
        await send_ephemeral(interaction, REFUSALS[command])
        return True

    async def on_message(self, message: discord.Message) -> None:
        if not self.is_addressed(message):
            return
        try:
            await self.answer_message(message)
        except Exception:
            log.exception("answering message %s failed", message.id)
            self.forgive(message.author)
            await reply_to(message, Reply(content=APOLOGY))

    def is_addressed(self, message: discord.Message) -> bool:
        """A user's ordinary message that mentions the bot, or any direct message to it."""
        if message.author.bot or self.user is None:
            return False
        if message.type not in (discord.MessageType.default, discord.MessageType.reply):
            return False
        return message.guild is None or self.user in message.mentions

    async def answer_message(self, message: discord.Message) -> None:
        started = time.perf_counter()
        wait = self.cooldown_left(message.author)
        if wait:
            await reply_to(message, Reply(content=cooldown_text(wait)))
            return
        question = without_mention(message.content, self.user.id if self.user else 0)
        async with message.channel.typing():
            answer = await asyncio.to_thread(self.kb.ask, question)
        await reply_to(message, answer_reply(answer, echo_question=False))
        log_question(
            log, platform=PLATFORM, answer=answer, started=started, user=str(message.author.id)
        )


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
        interaction.client.forgive(interaction.user)
        await apologise(interaction)


class ShareView(discord.ui.View):
    """The button under a private answer that posts it to the channel.

    The answer is read back from the clicked message, so the persistent instance registered
    at start-up (no timeout, fixed custom id) shares answers sent before a restart. The
    instance sent with an answer also knows the ``/ask`` interaction and deletes the private
    copy once shared, while that interaction's token is valid.
    """

    def __init__(self, asked: discord.Interaction | None = None) -> None:
        super().__init__(timeout=None if asked is None else INTERACTION_TOKEN_SECONDS)
        self.asked = asked

    @discord.ui.button(
        label="Share with channel", style=discord.ButtonStyle.primary, custom_id=SHARE_BUTTON_ID
    )
    async def share(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        source = interaction.message
        if source is None:
            await send_ephemeral(interaction, "That answer is no longer available.")
            return
        await interaction.response.send_message(
            shared_content(interaction.user.mention, source.content),
            embeds=source.embeds,
            allowed_mentions=NO_PINGS,
        )
        if self.asked is not None:
            self.stop()
            await remove_private_copy(self.asked)

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item
    ) -> None:
        log.error("sharing an answer failed for user %s", interaction.user.id, exc_info=error)
        if not interaction.response.is_done():
            await apologise(interaction)


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
        await client.ask(interaction, question, private)

    @tree.command(name="timeline")
    @app_commands.describe(topic="Only events about this, for example: North Korean troops")
    async def timeline(
        interaction: discord.Interaction,
        topic: app_commands.Range[str, 1, MAX_QUESTION_CHARS] | None = None,
    ) -> None:
        """A dated timeline of the events in the articles, with a picture."""
        await client.timeline(interaction, topic)

    @tree.command(name="sources")
    async def sources(interaction: discord.Interaction) -> None:
        """List the articles the bot knows."""
        await client.sources(interaction)

    @tree.command(name="reload")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    async def reload(interaction: discord.Interaction) -> None:
        """Moderators: reload the articles from disk and report what changed."""
        await client.reload(interaction)

    @tree.command(name="status")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    async def status(interaction: discord.Interaction) -> None:
        """Moderators: knowledge-base version, article counts, last reload and uptime."""
        await client.status(interaction)


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


async def reply_to(message: discord.Message, reply: Reply) -> None:
    """Reply to ``message`` without pinging its author; still sent if it was deleted."""
    try:
        await message.channel.send(
            reply.content or None,
            embeds=reply.embeds,
            reference=message.to_reference(fail_if_not_exists=False),
            allowed_mentions=NO_PINGS,
        )
    except discord.HTTPException:
        log.exception("could not reply to message %s", message.id)


def build_client(
    kb: KnowledgeBase, settings: Settings, ops: Operations | None = None, **options: Any
) -> NewsdeskClient:
    """The client for ``settings``: sharded with ``DISCORD_SHARD_COUNT``, else one connection.

    Without ``ops``, a single replica without a health endpoint.
    """
    ops = ops or Operations.build(kb, platform=PLATFORM)
    if settings.discord_shard_count is None:
        return NewsdeskClient(kb, settings, ops, **options)
    return ShardedNewsdeskClient(kb, settings, ops, **options)


def run(kb: KnowledgeBase, settings: Settings, ops: Operations | None = None) -> None:
    """Run the bot until interrupted (``python -m bot discord``)."""
    if settings.discord_token is None:
        raise SystemExit("error: set DISCORD_TOKEN to the bot token (see docs/discord.md)")
    client = build_client(kb, settings, ops)
    try:
        client.run(settings.discord_token.get_secret_value(), log_handler=None)
    except discord.LoginFailure:
        raise SystemExit("error: Discord rejected DISCORD_TOKEN; reset it in the portal") from None
    except discord.PrivilegedIntentsRequired:
        raise SystemExit("error: an intent this bot asks for is not enabled") from None
    except OSError as error:  # aiohttp's connection errors are OSErrors
        raise SystemExit(f"error: cannot reach Discord ({error.strerror or error})") from None
