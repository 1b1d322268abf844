"""The Discord adapter, run with the real discord.py client against a fake Discord.

Each test delivers what Discord would (INTERACTION_CREATE, MESSAGE_CREATE) through the
fake gateway and asserts on the REST calls the bot makes in reply.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from collections.abc import Callable
from pathlib import Path

import aiohttp
import discord
import discord.http
import pytest
from fake_discord import (
    CHANNEL_ID,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    EPHEMERAL,
    EVERYDAY_PERMISSIONS,
    GUILD_ID,
    MANAGE_GUILD,
    MESSAGE_CONTENT,
    MODERATOR,
    MODERATOR_ROLE_ID,
    OTHER_ROLE_ID,
    READER,
    TOKEN,
    FakeDiscord,
    FakeGuild,
    PushedInteraction,
    RestCall,
    connected,
    user_payload,
)

from bot.adapters.discord import (
    MODERATORS,
    SHARE_BUTTON_PREFIX,
    NewsdeskClient,
    build_client,
    run,
)
from bot.adapters.discord_messages import (
    CONTENT_LIMIT,
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    EMBEDS_PER_MESSAGE,
    FOOTER_LIMIT,
    TITLE_LIMIT,
    fit_quote,
)
from bot.answer import MAX_QUESTION_CHARS
from bot.config import Settings
from bot.knowledge_base import KnowledgeBase
from bot.logs import JsonFormatter
from bot.ops.runtime import Operations
from bot.render import APOLOGY, NO_ANSWER, refusal_text
from tests.desk.harness import FolderAdder
from tests.redis_server import RedisServer

VOLCANO_QUESTION = "When did the volcano erupt near Ashford?"
OFF_TOPIC_QUESTION = "What is the capital of Australia?"
DEADLINE = 3.0
"""Discord drops an interaction that is not acknowledged within three seconds."""

EXPECTED_COMMANDS = {"ask", "timeline", "sources", "reload", "status", "add", "unanswered"}


def is_message_call(call: RestCall) -> bool:
    """Calls that carry a message: sends, followups, edits, and message callbacks."""
    if call.method not in ("POST", "PATCH") or call.path.endswith("/typing"):
        return False
    if call.path.endswith("/callback"):
        return call.json["type"] != DEFERRED_CHANNEL_MESSAGE
    return call.path.startswith(("/webhooks/", "/channels/"))


async def callback(fake: FakeDiscord, pushed: PushedInteraction) -> RestCall:
    return await fake.wait_for_call(lambda c: c.path == pushed.callback_path)


async def final_response(fake: FakeDiscord, pushed: PushedInteraction) -> RestCall:
    """The edit that replaces a deferred response's "thinking…" with the result."""
    return await fake.wait_for_call(
        lambda c: c.path == pushed.original_path and c.method == "PATCH", timeout=10.0
    )


async def reply_in(fake: FakeDiscord, channel_id: int | str, after: int = 0) -> RestCall:
    path = f"/channels/{channel_id}/messages"
    return await fake.wait_for_call(
        lambda c: c.path == path and c.method == "POST", after=after, timeout=10.0
    )


def assert_no_pings(fake: FakeDiscord) -> None:
    message_calls = [call for call in fake.calls if is_message_call(call)]
    assert message_calls
    for call in message_calls:
        assert call.messages_payload["allowed_mentions"] == {"parse": []}, call


def embed_size(embed: dict) -> int:
    """Characters Discord counts towards the 6,000 per message."""
    return (
        len(embed.get("title", ""))
        + len(embed.get("description", ""))
        + len(embed.get("footer", {}).get("text", ""))
        + len(embed.get("author", {}).get("name", ""))
        + sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    )


# --- the fake itself -------------------------------------------------------------------------


async def test_fake_discord_serves_a_plain_client_login_gateway_and_sends(
    fake_discord: FakeDiscord,
) -> None:
    client = discord.Client(intents=discord.Intents.default())
    async with connected(client, fake_discord):
        assert client.user is not None and client.user.id == fake_discord.bot_id
        assert client.application_id == fake_discord.application_id
        assert fake_discord.identify is not None
        assert fake_discord.identify["intents"] == discord.Intents.default().value
        channel = client.get_channel(CHANNEL_ID)
        assert isinstance(channel, discord.TextChannel)
        assert channel.guild.id == GUILD_ID
        await channel.send("hello")
        await channel.typing()
    sent = fake_discord.calls_to(f"/channels/{CHANNEL_ID}/messages", "POST")
    assert [call.json["content"] for call in sent] == ["hello"]
    assert fake_discord.calls_to(f"/channels/{CHANNEL_ID}/typing", "POST")
    assert fake_discord.calls_to("/users/@me")[0].authorization == f"Bot {TOKEN}"


# --- connecting and registering --------------------------------------------------------------


async def test_commands_are_registered_in_the_configured_guilds_only(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient
) -> None:
    app = fake_discord.application_id
    [put] = fake_discord.calls_to(f"/applications/{app}/guilds/{GUILD_ID}/commands", "PUT")
    commands = {command["name"]: command for command in put.json}
    assert set(commands) == EXPECTED_COMMANDS
    assert not fake_discord.calls_to(f"/applications/{app}/commands", "PUT")
    options = {option["name"]: option for option in commands["ask"]["options"]}
    assert options["question"]["required"] is True
    assert options["question"]["max_length"] == MAX_QUESTION_CHARS
    assert options["private"]["type"] == discord.AppCommandOptionType.boolean.value
    assert options["private"].get("required", False) is False
    for moderators_only in ("reload", "status", "unanswered"):
        assert int(commands[moderators_only]["default_member_permissions"]) == MANAGE_GUILD
        assert commands[moderators_only]["contexts"] == [0]
    assert all(command["description"] for command in put.json)


async def test_commands_are_registered_globally_without_guild_ids(
    fake_discord: FakeDiscord, kb: KnowledgeBase, discord_settings: Callable[..., Settings]
) -> None:
    client = build_client(kb, discord_settings(discord_guild_ids=[]))
    async with connected(client, fake_discord):
        [put] = fake_discord.calls_to(f"/applications/{fake_discord.application_id}/commands")
    assert {command["name"] for command in put.json} == EXPECTED_COMMANDS


async def test_the_bot_asks_for_no_privileged_intent(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient
) -> None:
    assert fake_discord.identify is not None
    intents = discord.Intents._from_value(fake_discord.identify["intents"])
    assert intents.guilds and intents.guild_messages and intents.dm_messages
    assert not (intents.message_content or intents.members or intents.presences)


async def test_the_token_never_reaches_the_log(
    fake_discord: FakeDiscord,
    kb: KnowledgeBase,
    discord_settings: Callable[..., Settings],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    client = build_client(kb, discord_settings())
    async with connected(client, fake_discord):
        pushed = await fake_discord.slash_command(
            "ask", {"question": VOLCANO_QUESTION}, user=READER, guild=fake_discord.guilds[GUILD_ID]
        )
        await final_response(fake_discord, pushed)
    assert caplog.records
    assert TOKEN not in caplog.text


def test_no_warning_about_voice_libraries_the_bot_never_uses(
    kb: KnowledgeBase,
    discord_settings: Callable[..., Settings],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(discord.VoiceClient, "warn_nacl", True)
    monkeypatch.setattr(discord.VoiceClient, "warn_dave", True)
    caplog.set_level(logging.WARNING, logger="discord")

    build_client(kb, discord_settings())

    assert "voice" not in caplog.text


# --- /ask ------------------------------------------------------------------------------------


async def test_ask_is_deferred_at_once_then_answered_with_attributed_quotes(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await fake_discord.slash_command(
        "ask", {"question": VOLCANO_QUESTION}, user=READER, guild=guild
    )
    deferred = await callback(fake_discord, pushed)
    assert deferred.json["type"] == DEFERRED_CHANNEL_MESSAGE
    assert deferred.at - pushed.sent_at < DEADLINE / 3
    assert not deferred.json.get("data", {}).get("flags", 0) & EPHEMERAL

    answer = (await final_response(fake_discord, pushed)).json
    assert VOLCANO_QUESTION in answer["content"]
    first = answer["embeds"][0]
    assert first["title"] == "Volcano erupts near the coast"
    assert first["url"] == "https://example.org/volcano"
    assert "The Coast Herald" in first["footer"]["text"]
    assert "Jane Reporter" in first["footer"]["text"]
    assert "**A volcano erupted on Tuesday" in first["description"]
    [buttons] = answer["components"]
    assert [button["emoji"]["name"] for button in buttons["components"]] == ["👍", "👎"]
    assert_no_pings(fake_discord)


async def test_a_typo_is_answered_and_the_reply_says_what_was_searched(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await fake_discord.slash_command(
        "ask", {"question": "When did the vulcano erupt?"}, user=READER, guild=guild
    )
    answer = (await final_response(fake_discord, pushed)).json
    assert "Searched “vulcano” as “volcano”." in answer["content"]
    assert answer["embeds"][0]["title"] == "Volcano erupts near the coast"


async def test_a_question_the_articles_do_not_answer_gets_the_no_answer_notice(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await fake_discord.slash_command(
        "ask", {"question": OFF_TOPIC_QUESTION}, user=READER, guild=guild
    )
    answer = (await final_response(fake_discord, pushed)).json
    assert NO_ANSWER in answer["content"]
    assert OFF_TOPIC_QUESTION in answer["content"]
    assert not answer.get("embeds")


async def test_everyone_here_and_role_mentions_in_a_question_are_echoed_harmlessly(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    question = f"@everyone @here <@&{OTHER_ROLE_ID}> when did the volcano erupt?"
    pushed = await fake_discord.slash_command(
        "ask", {"question": question}, user=READER, guild=guild
    )
    content = (await final_response(fake_discord, pushed)).json["content"]
    assert "@\u200beveryone" in content and "@\u200bhere" in content
    assert "@everyone" not in content and "@here" not in content
    assert f"<@&{OTHER_ROLE_ID}>" not in content
    assert_no_pings(fake_discord)


async def test_a_private_answer_is_ephemeral_and_its_button_shares_it_with_the_channel(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await fake_discord.slash_command(
        "ask", {"question": VOLCANO_QUESTION, "private": True}, user=READER, guild=guild
    )
    deferred = await callback(fake_discord, pushed)
    assert deferred.json["data"]["flags"] & EPHEMERAL
    private_call = await final_response(fake_discord, pushed)
    private_message = fake_discord.originals[pushed.token]
    assert private_message["flags"] & EPHEMERAL
    [row] = private_call.json["components"]
    [button] = row["components"]
    assert button["custom_id"].startswith(SHARE_BUTTON_PREFIX)
    assert button["label"] == "Share with channel"

    click = await fake_discord.click_button(
        private_message, button["custom_id"], user=READER, guild=guild
    )
    shared = (await callback(fake_discord, click)).json
    assert shared["type"] == CHANNEL_MESSAGE
    assert not shared["data"].get("flags", 0) & EPHEMERAL
    assert f"<@{READER['id']}> shared an answer" in shared["data"]["content"]
    assert VOLCANO_QUESTION in shared["data"]["content"]
    assert shared["data"]["embeds"][0]["title"] == private_call.json["embeds"][0]["title"]
    await fake_discord.wait_for_call(
        lambda c: c.path == pushed.original_path and c.method == "DELETE"
    )
    assert pushed.token not in fake_discord.originals
    assert_no_pings(fake_discord)


async def test_a_second_question_within_the_cooldown_gets_a_friendly_ephemeral_message(
    fake_discord: FakeDiscord, kb: KnowledgeBase, discord_settings: Callable[..., Settings]
) -> None:
    guild = fake_discord.guilds[GUILD_ID]
    client = build_client(kb, discord_settings(cooldown_seconds=60))
    async with connected(client, fake_discord):
        first = await fake_discord.slash_command(
            "ask", {"question": VOLCANO_QUESTION}, user=READER, guild=guild
        )
        second = await fake_discord.slash_command(
            "ask", {"question": VOLCANO_QUESTION}, user=READER, guild=guild
        )
        other_user = await fake_discord.slash_command(
            "ask", {"question": VOLCANO_QUESTION}, user=MODERATOR, guild=guild
        )
        await final_response(fake_discord, first)
        refused = (await callback(fake_discord, second)).json
        await final_response(fake_discord, other_user)
    assert refused["type"] == CHANNEL_MESSAGE
    assert refused["data"]["flags"] & EPHEMERAL
    assert "you can ask again in 60 s" in refused["data"]["content"]


async def test_a_failing_handler_apologises_and_the_bot_keeps_answering(
    fake_discord: FakeDiscord,
    newsdesk: NewsdeskClient,
    guild: FakeGuild,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    real_ask = newsdesk.kb.ask
    failures = iter([RuntimeError("index exploded")])

    def ask_failing_once(question: str, k: int = 3):
        for failure in failures:
            raise failure
        return real_ask(question, k)

    monkeypatch.setattr(newsdesk.kb, "ask", ask_failing_once)
    broken = await fake_discord.slash_command(
        "ask", {"question": VOLCANO_QUESTION}, user=READER, guild=guild
    )
    apology = (await final_response(fake_discord, broken)).json
    assert apology["content"] == APOLOGY
    assert "index exploded" in caplog.text and "Traceback" in caplog.text

    working = await fake_discord.slash_command(
        "ask", {"question": VOLCANO_QUESTION}, user=READER, guild=guild
    )
    assert (await final_response(fake_discord, working)).json["embeds"]


async def test_a_question_that_failed_on_our_side_does_not_use_up_the_cooldown(
    fake_discord: FakeDiscord,
    kb: KnowledgeBase,
    discord_settings: Callable[..., Settings],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The apology says "try again": the cooldown must let the user."""
    guild = fake_discord.guilds[GUILD_ID]
    client = build_client(kb, discord_settings(cooldown_seconds=60))
    failures = iter([RuntimeError("index exploded")])
    real_ask = kb.ask

    def ask_failing_once(question: str, k: int = 3):
        for failure in failures:
            raise failure
        return real_ask(question, k)

    monkeypatch.setattr(kb, "ask", ask_failing_once)
    async with connected(client, fake_discord):
        broken = await fake_discord.slash_command(
            "ask", {"question": VOLCANO_QUESTION}, user=READER, guild=guild
        )
        assert (await final_response(fake_discord, broken)).json["content"] == APOLOGY
        again = await fake_discord.slash_command(
            "ask", {"question": VOLCANO_QUESTION}, user=READER, guild=guild
        )
        assert (await final_response(fake_discord, again)).json["embeds"]


async def test_a_long_timeline_topic_without_events_fits_one_message(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    topic = "submarines " + "_" * 989  # the longest topic allowed; escaping doubles each "_"
    pushed = await fake_discord.slash_command(
        "timeline", {"topic": topic}, user=READER, guild=guild
    )
    content = (await final_response(fake_discord, pushed)).json["content"]
    assert "No dated events about" in content and len(content) <= 2000


async def test_long_passages_stay_within_discord_limits_and_keep_the_highlight(
    fake_discord: FakeDiscord, long_kb_dir: Path, discord_settings: Callable[..., Settings]
) -> None:
    kb = KnowledgeBase(long_kb_dir)
    client = build_client(kb, discord_settings(knowledge_dir=long_kb_dir))
    async with connected(client, fake_discord):
        pushed = await fake_discord.slash_command(
            "ask",
            {"question": "How many residents were evacuated when lava flooded Ashford?"},
            user=READER,
            guild=fake_discord.guilds[GUILD_ID],
        )
        answer = (await final_response(fake_discord, pushed)).json
    embeds = answer["embeds"]
    assert len(embeds) == 3 <= EMBEDS_PER_MESSAGE
    assert len(answer["content"]) <= CONTENT_LIMIT
    assert sum(embed_size(embed) for embed in embeds) <= EMBED_TOTAL_LIMIT
    for embed in embeds:
        assert len(embed["title"]) <= TITLE_LIMIT
        assert len(embed["description"]) <= DESCRIPTION_LIMIT
        assert len(embed["footer"]["text"]) <= FOOTER_LIMIT
        assert embed["description"].count("**") == 2
        assert embed["description"].startswith("**Lava flooded Ashford")
        assert embed["description"].endswith("…**")


LONG_ARTICLE = """---
title: {title}
publisher: Herald
published: 2024-10-2{number}
---
{body}
"""
RUN_ON = ", ".join(["while the council argued about the harbour repairs and the budget"] * 60)
TOWN_NEWS = (
    "The mayor opened a new library downtown on Monday.",
    "Harbour FC won the cup final on Saturday.",
    "The school choir sang at the festival in the park.",
    "A new bakery opened on the high street.",
    "The bus company raised its fares in October.",
)


@pytest.fixture
def long_kb_dir(tmp_path: Path) -> Path:
    """Three articles that are one run-on sentence of 4,000 characters, and some short news."""
    directory = tmp_path / "long"
    directory.mkdir()
    for number in range(3):
        body = f"Lava flooded Ashford and officials evacuated 2,500 residents ({number}), {RUN_ON}."
        text = LONG_ARTICLE.format(title=f"Lava in Ashford {number}", number=number, body=body)
        (directory / f"lava-{number}.md").write_text(text, encoding="utf-8")
    for number, body in enumerate(TOWN_NEWS):
        text = LONG_ARTICLE.format(title=f"Town news {number}", number=number, body=body)
        (directory / f"town-{number}.md").write_text(text, encoding="utf-8")
    return directory


def test_a_cut_quote_keeps_its_highlighted_sentence_in_bold() -> None:
    start, end = "\ue000", "\ue001"
    marked = "word " * 400 + f"{start}The key sentence.{end}" + " more" * 400
    fitted = fit_quote(marked, 300)
    assert len(fitted) <= 300
    assert "**The key sentence.**" in fitted
    assert fitted.startswith("…") and fitted.endswith("…")


# --- mentions and direct messages ------------------------------------------------------------


async def test_a_mention_is_answered_in_a_thread_started_on_it_while_typing(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    message = await fake_discord.post_message(
        f"<@{fake_discord.bot_id}> {VOLCANO_QUESTION}",
        author=READER,
        guild=guild,
        mentions=(fake_discord.bot_user,),
    )
    started = await fake_discord.wait_for_call(
        lambda c: c.path == f"/channels/{CHANNEL_ID}/messages/{message['id']}/threads"
    )
    assert started.json["name"] == VOLCANO_QUESTION
    reply = await reply_in(fake_discord, message["id"])
    typing = fake_discord.calls_to(f"/channels/{CHANNEL_ID}/typing", "POST")
    assert typing and typing[0].at <= reply.at
    assert reply.json["embeds"][0]["title"] == "Volcano erupts near the coast"
    assert reply.json["allowed_mentions"] == {"parse": []}


async def test_with_plain_replies_set_a_mention_is_answered_as_a_reply(
    fake_discord: FakeDiscord, kb: KnowledgeBase, discord_settings: Callable[..., Settings]
) -> None:
    guild = fake_discord.guilds[GUILD_ID]
    client = build_client(kb, discord_settings(discord_reply_in_thread=False))
    async with connected(client, fake_discord):
        message = await fake_discord.post_message(
            f"<@{fake_discord.bot_id}> {VOLCANO_QUESTION}",
            author=READER,
            guild=guild,
            mentions=(fake_discord.bot_user,),
        )
        reply = await reply_in(fake_discord, CHANNEL_ID)
    assert int(reply.json["message_reference"]["message_id"]) == int(message["id"])
    assert reply.json["message_reference"]["fail_if_not_exists"] is False
    assert reply.json["embeds"][0]["title"] == "Volcano erupts near the coast"
    assert not [c for c in fake_discord.calls if c.path.endswith("/threads")]


async def test_a_follow_up_in_the_bots_thread_needs_no_mention_and_says_how_it_was_read(
    fake_discord: FakeDiscord, kb: KnowledgeBase, discord_settings: Callable[..., Settings]
) -> None:
    guild = fake_discord.guilds[GUILD_ID]
    client = build_client(kb, discord_settings(discord_message_content=True))
    async with connected(client, fake_discord):
        assert fake_discord.identify and fake_discord.identify["intents"] & MESSAGE_CONTENT
        first = await fake_discord.post_message(
            f"<@{fake_discord.bot_id}> Who scored twice for Harbour FC?",
            author=READER,
            guild=guild,
            mentions=(fake_discord.bot_user,),
        )
        thread = int(first["id"])
        await reply_in(fake_discord, thread)
        sent = len(fake_discord.calls)
        await fake_discord.post_message(
            "when did they win the cup?", author=READER, guild=guild, channel_id=thread
        )
        follow_up = await reply_in(fake_discord, thread, after=sent)
    assert follow_up.json["content"].startswith("Read as: when did Harbour FC win the cup?")
    assert "Harbour FC lifts the cup" in follow_up.json["embeds"][0]["title"]


async def test_a_message_without_a_mention_outside_the_bots_threads_is_left_alone(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    await fake_discord.post_message("when did they win the cup?", author=READER, guild=guild)
    await fake_discord.post_message("and who scored?", author=READER, guild=guild, channel_id=4242)
    last = await fake_discord.post_message(
        f"<@{fake_discord.bot_id}> {OFF_TOPIC_QUESTION}",
        author=READER,
        guild=guild,
        mentions=(fake_discord.bot_user,),
    )
    await reply_in(fake_discord, last["id"])
    posts = [c for c in fake_discord.calls if c.method == "POST" and c.path.endswith("/messages")]
    assert [c.path for c in posts] == [f"/channels/{last['id']}/messages"]


async def test_a_direct_message_is_answered_in_the_dm(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient
) -> None:
    message = await fake_discord.post_message(OFF_TOPIC_QUESTION, author=READER)
    reply = await reply_in(fake_discord, message["channel_id"])
    assert reply.json["content"] == NO_ANSWER
    assert int(reply.json["message_reference"]["message_id"]) == int(message["id"])


async def test_messages_not_for_the_bot_are_left_alone(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    other_bot = user_payload(700_000_000_000_000_099, "otherbot", bot=True)
    await fake_discord.post_message(VOLCANO_QUESTION, author=READER, guild=guild)
    await fake_discord.post_message(
        f"<@{fake_discord.bot_id}> {VOLCANO_QUESTION}",
        author=other_bot,
        guild=guild,
        mentions=(fake_discord.bot_user,),
    )
    last = await fake_discord.post_message(
        f"<@{fake_discord.bot_id}> {OFF_TOPIC_QUESTION}",
        author=READER,
        guild=guild,
        mentions=(fake_discord.bot_user,),
    )
    reply = await reply_in(fake_discord, last["id"])
    assert NO_ANSWER in reply.json["content"]
    assert len(fake_discord.calls_to(f"/channels/{CHANNEL_ID}/messages", "POST")) == 0


async def test_a_failing_mention_gets_an_apology_reply(
    fake_discord: FakeDiscord,
    newsdesk: NewsdeskClient,
    guild: FakeGuild,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(question: str, k: int = 3):
        raise RuntimeError("index exploded")

    monkeypatch.setattr(newsdesk.kb, "ask", broken)
    message = await fake_discord.post_message(
        f"<@{fake_discord.bot_id}> {VOLCANO_QUESTION}",
        author=READER,
        guild=guild,
        mentions=(fake_discord.bot_user,),
    )
    reply = await reply_in(fake_discord, CHANNEL_ID)
    assert reply.json["content"] == APOLOGY
    assert int(reply.json["message_reference"]["message_id"]) == int(message["id"])


# --- /reload ---------------------------------------------------------------------------------


async def test_reload_is_refused_ephemerally_to_members_who_are_not_moderators(
    fake_discord: FakeDiscord,
    newsdesk: NewsdeskClient,
    guild: FakeGuild,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    version = newsdesk.kb.version
    pushed = await fake_discord.slash_command(
        "reload", user=READER, guild=guild, roles=(OTHER_ROLE_ID,)
    )
    refusal = (await callback(fake_discord, pushed)).json
    assert refusal["type"] == CHANNEL_MESSAGE
    assert refusal["data"]["flags"] & EPHEMERAL
    assert refusal["data"]["content"] == refusal_text("reload", MODERATORS)
    assert newsdesk.kb.version == version
    assert f"refused /reload for rita (id {READER['id']})" in caplog.text


@pytest.mark.parametrize(
    ("roles", "permissions"),
    [((MODERATOR_ROLE_ID,), EVERYDAY_PERMISSIONS), ((), EVERYDAY_PERMISSIONS | MANAGE_GUILD)],
    ids=["moderator role", "manage server"],
)
async def test_reload_reports_to_a_moderator_and_is_logged_with_who_asked(
    fake_discord: FakeDiscord,
    newsdesk: NewsdeskClient,
    guild: FakeGuild,
    add_article: Callable[..., Path],
    caplog: pytest.LogCaptureFixture,
    roles: tuple[int, ...],
    permissions: int,
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    add_article("bridge", "The old bridge reopened on Monday after two years of repairs.")
    pushed = await fake_discord.slash_command(
        "reload", user=MODERATOR, guild=guild, roles=roles, permissions=permissions
    )
    deferred = (await callback(fake_discord, pushed)).json
    assert deferred["type"] == DEFERRED_CHANNEL_MESSAGE
    assert deferred["data"]["flags"] & EPHEMERAL
    report = (await final_response(fake_discord, pushed)).json
    assert fake_discord.originals[pushed.token]["flags"] & EPHEMERAL
    assert report["content"].startswith("Reloaded")
    assert "4 articles" in report["content"]
    assert "Added: bridge.md" in report["content"]
    assert f"Replicas: 1 of 1 on version {newsdesk.kb.version}" in report["content"]
    assert f"reload requested by maya (id {MODERATOR['id']})" in caplog.text
    assert_no_pings(fake_discord)


# --- /sources and /timeline ------------------------------------------------------------------


async def test_sources_lists_the_articles_to_the_asker(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await fake_discord.slash_command("sources", user=READER, guild=guild)
    listing = (await callback(fake_discord, pushed)).json
    assert listing["data"]["flags"] & EPHEMERAL
    assert listing["data"]["content"].startswith("3 articles")
    description = listing["data"]["embeds"][0]["description"]
    assert "Harbour FC lifts the cup — Sports Weekly" in description
    assert "<https://example.org/football>" in description


async def test_timeline_posts_the_compact_lines_and_attaches_the_picture(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await fake_discord.slash_command("timeline", user=READER, guild=guild)
    assert (await callback(fake_discord, pushed)).json["type"] == DEFERRED_CHANNEL_MESSAGE
    posted = await final_response(fake_discord, pushed)
    [embed] = posted.json["embeds"]
    assert embed["title"].startswith("Timeline")
    assert "2024-10-" in embed["description"]
    assert "The Coast Herald" in embed["description"]
    assert embed["image"]["url"] == "attachment://timeline.png"
    [picture] = posted.files
    assert picture.filename == "timeline.png"
    assert picture.content.startswith(b"\x89PNG")
    assert posted.json["allowed_mentions"] == {"parse": []}


async def test_timeline_without_matplotlib_is_posted_without_a_picture(
    fake_discord: FakeDiscord,
    newsdesk: NewsdeskClient,
    guild: FakeGuild,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.timeline import picture

    def unavailable(timeline: object) -> bytes:
        raise picture.PictureUnavailable(picture.INSTALL_HINT)

    monkeypatch.setattr(picture, "draw_png", unavailable)
    pushed = await fake_discord.slash_command("timeline", user=READER, guild=guild)
    posted = await final_response(fake_discord, pushed)
    [embed] = posted.json["embeds"]
    assert "2024-10-" in embed["description"]
    assert "image" not in embed
    assert not posted.files


async def test_a_timeline_topic_without_events_says_so_and_echoes_the_topic_harmlessly(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await fake_discord.slash_command(
        "timeline", {"topic": "@everyone quantum physics"}, user=READER, guild=guild
    )
    posted = await final_response(fake_discord, pushed)
    assert "No dated events about" in posted.json["content"]
    assert "@\u200beveryone quantum physics" in posted.json["content"]
    assert not posted.json.get("embeds") and not posted.files
    assert_no_pings(fake_discord)


def test_running_without_a_token_stops_with_a_clear_message(
    kb: KnowledgeBase, discord_settings: Callable[..., Settings]
) -> None:
    with pytest.raises(SystemExit, match="DISCORD_TOKEN"):
        run(kb, discord_settings(discord_token=None))


def test_an_unreachable_discord_stops_with_a_clear_message(
    kb: KnowledgeBase, discord_settings: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as closed:  # bound, never listening: connections are refused
        closed.bind(("127.0.0.1", 0))
        base = f"http://127.0.0.1:{closed.getsockname()[1]}/api/v10"
        monkeypatch.setattr(discord.http.Route, "BASE", base)
        with pytest.raises(SystemExit, match="cannot reach Discord"):
            run(kb, discord_settings(discord_token="abc.def.ghi"))


# --- operations: /status, question log, health, replicas, shards ----------------------------


async def test_status_shows_a_moderator_the_version_counts_last_reload_and_uptime(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    moderator = {"user": MODERATOR, "guild": guild, "roles": (MODERATOR_ROLE_ID,)}
    before = (
        await callback(fake_discord, await fake_discord.slash_command("status", **moderator))
    ).json
    reload = await fake_discord.slash_command("reload", **moderator)
    await final_response(fake_discord, reload)
    after = (
        await callback(fake_discord, await fake_discord.slash_command("status", **moderator))
    ).json

    assert before["type"] == CHANNEL_MESSAGE
    assert before["data"]["flags"] & EPHEMERAL
    first, last_reload, uptime, aliases = before["data"]["content"].splitlines()
    assert first.startswith(f"Knowledge base version {newsdesk.kb.version}: 3 articles, ")
    assert first.endswith(" passages.")
    assert last_reload == "Last reload: none since start-up."
    assert uptime.startswith("Up ") and "UTC" in uptime
    assert aliases.startswith("Aliases: ")
    assert f"by maya (id {MODERATOR['id']}) on discord, Nothing changed" in after["data"]["content"]
    assert_no_pings(fake_discord)


async def test_status_is_refused_to_members_who_are_not_moderators(
    fake_discord: FakeDiscord, newsdesk: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await fake_discord.slash_command(
        "status", user=READER, guild=guild, roles=(OTHER_ROLE_ID,)
    )
    refusal = (await callback(fake_discord, pushed)).json
    assert refusal["data"]["flags"] & EPHEMERAL
    assert refusal["data"]["content"] == refusal_text("status", MODERATORS)


async def eventually(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait until ``condition()`` holds, checking every 20 ms, for at most ``timeout`` seconds."""

    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(poll(), timeout)


def answer_events(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if getattr(record, "event", None) == "answer"]


async def test_each_question_is_logged_once_with_platform_latency_and_version_but_no_token(
    fake_discord: FakeDiscord,
    newsdesk: NewsdeskClient,
    guild: FakeGuild,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    pushed = await fake_discord.slash_command(
        "ask", {"question": VOLCANO_QUESTION}, user=READER, guild=guild
    )
    await final_response(fake_discord, pushed)
    message = await fake_discord.post_message(OFF_TOPIC_QUESTION, author=READER)
    await reply_in(fake_discord, message["channel_id"])
    await eventually(lambda: len(answer_events(caplog)) == 2)

    answered, declined = answer_events(caplog)
    assert (answered.platform, answered.question, answered.answered) == (
        "discord",
        VOLCANO_QUESTION,
        True,
    )
    assert (declined.question, declined.answered) == (OFF_TOPIC_QUESTION, False)
    for record in (answered, declined):
        assert record.version == newsdesk.kb.version
        assert record.user == READER["id"]
        assert record.latency_ms > 0
        line = JsonFormatter().format(record)
        assert json.loads(line)["event"] == "answer"
        assert TOKEN not in line and pushed.token not in line


async def get_json(port: int, path: str) -> tuple[int, dict]:
    async with (
        aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session,
        session.get(f"http://127.0.0.1:{port}{path}") as response,
    ):
        return response.status, await response.json()


async def test_the_health_port_answers_and_readiness_turns_true_after_ready(
    fake_discord: FakeDiscord, kb: KnowledgeBase, discord_settings: Callable[..., Settings]
) -> None:
    ops = Operations.build(kb, platform="discord", health_host="127.0.0.1", health_port=0)
    client = build_client(kb, discord_settings(), ops, guild_ready_timeout=0.05)
    fake_discord.ready_gate.clear()
    before_ready: list[tuple[int, dict]] = []

    async def probe_then_send_ready() -> None:
        await fake_discord.wait_identified()
        assert ops.health is not None
        before_ready.append(await get_json(ops.health.port, "/readyz"))
        before_ready.append(await get_json(ops.health.port, "/healthz"))
        fake_discord.ready_gate.set()

    probe = asyncio.create_task(probe_then_send_ready())
    async with connected(client, fake_discord):
        await asyncio.wait_for(probe, 5)
        await eventually(lambda: ops.readiness()["ready"])
        assert ops.health is not None
        status, ready = await get_json(ops.health.port, "/readyz")

    (not_ready_status, not_ready), healthz = before_ready
    assert healthz == (200, {"status": "ok"})
    assert not_ready_status == 503
    assert (not_ready["index_loaded"], not_ready["chat_connected"]) == (True, False)
    assert status == 200
    assert (ready["chat_connected"], ready["platform"], ready["version"]) == (
        True,
        "discord",
        kb.version,
    )
    assert "shard" not in (fake_discord.identify or {})
    with pytest.raises(aiohttp.ClientConnectionError):
        await get_json(ops.health.port, "/healthz")


async def test_a_reload_with_redis_reaches_the_other_replica_and_reports_both(
    fake_discord: FakeDiscord,
    tiny_kb_dir: Path,
    guild: FakeGuild,
    add_article: Callable[..., Path],
    discord_settings: Callable[..., Settings],
    redis_server: RedisServer,
) -> None:

    def replica(name: str) -> Operations:
        return Operations.build(
            KnowledgeBase(tiny_kb_dir),
            platform="discord",
            redis_url=redis_server.url,
            replica_id=name,
            namespace="discord-test",
        )

    here, other = replica("shard-0"), replica("shard-1")
    async with other, connected(build_client(here.kb, discord_settings(), here), fake_discord):
        add_article("bridge", "The old bridge reopened on Monday after two years of repairs.")
        pushed = await fake_discord.slash_command(
            "reload", user=MODERATOR, guild=guild, roles=(MODERATOR_ROLE_ID,)
        )
        report = (await final_response(fake_discord, pushed)).json["content"]

    assert report.startswith("Reloaded")
    assert f"Replicas: 2 of 2 on version {here.kb.version}." in report
    assert other.kb.version == here.kb.version
    assert f"by maya (id {MODERATOR['id']}) (via shard-0) on discord" in other.status()


@pytest.mark.parametrize(("shard_ids", "registers"), [([1], False), ([0], True)])
async def test_a_sharded_process_identifies_with_its_shard_and_only_shard_0_registers_commands(
    fake_discord: FakeDiscord,
    kb: KnowledgeBase,
    discord_settings: Callable[..., Settings],
    shard_ids: list[int],
    registers: bool,
) -> None:
    settings = discord_settings(discord_shard_count=2, discord_shard_ids=shard_ids)
    ops = Operations.build(kb, platform="discord")
    client = build_client(kb, settings, ops, guild_ready_timeout=0.05)
    assert isinstance(client, discord.AutoShardedClient)
    async with connected(client, fake_discord):
        await eventually(lambda: ops.readiness()["ready"])
        readiness = ops.readiness()

    assert fake_discord.identify is not None
    assert fake_discord.identify["shard"] == [shard_ids[0], 2]
    assert (readiness["shards"], readiness["shards_connected"]) == (shard_ids, shard_ids)
    app = fake_discord.application_id
    registered = fake_discord.calls_to(f"/applications/{app}/guilds/{GUILD_ID}/commands", "PUT")
    assert bool(registered) is registers


# --- /add ------------------------------------------------------------------------------------

FERRY = b"---\ntitle: Ferry strike\n---\nFerry crews in Ashford went on strike on Monday.\n"


async def mention_with_ferry(fake_discord: FakeDiscord, *, moderator: bool) -> str:
    """Mentions the bot with ``ferry.md`` attached, as a moderator or a member: the bot's reply.

    The file is served by the fake on 127.0.0.1, which is not Discord's own file host.
    """
    file = fake_discord.attach("ferry.md", FERRY)
    await fake_discord.post_message(
        f"<@{fake_discord.bot_id}>",
        author=MODERATOR if moderator else READER,
        guild=fake_discord.guilds[GUILD_ID],
        mentions=(fake_discord.bot_user,),
        attachments=(file,),
        roles=(MODERATOR_ROLE_ID,) if moderator else (),
    )
    return (await reply_in(fake_discord, CHANNEL_ID)).json["content"]


async def test_a_moderator_adds_an_attached_file_with_add_and_gets_the_report(
    fake_discord: FakeDiscord,
    kb: KnowledgeBase,
    tiny_kb_dir: Path,
    discord_settings: Callable[..., Settings],
) -> None:
    guild = fake_discord.guilds[GUILD_ID]
    adder = FolderAdder(tiny_kb_dir)
    client = build_client(kb, discord_settings(), adder=adder, file_hosts=frozenset({"127.0.0.1"}))
    async with connected(client, fake_discord):
        file = fake_discord.attach("ferry.md", FERRY)
        pushed = await fake_discord.slash_command(
            "add", {"file": file}, user=MODERATOR, guild=guild, roles=(MODERATOR_ROLE_ID,)
        )
        deferred = await callback(fake_discord, pushed)
        assert deferred.json["data"]["flags"] & EPHEMERAL
        report = (await final_response(fake_discord, pushed)).json["content"]
    assert "Added: ferry.md" in report and "Reloaded: now version" in report
    assert adder.given[0].data == FERRY
    assert fake_discord.downloads == ["ferry.md"]


async def test_a_url_given_to_add_reaches_the_add_function(
    fake_discord: FakeDiscord,
    kb: KnowledgeBase,
    tiny_kb_dir: Path,
    discord_settings: Callable[..., Settings],
) -> None:
    guild = fake_discord.guilds[GUILD_ID]
    adder = FolderAdder(tiny_kb_dir)
    async with connected(build_client(kb, discord_settings(), adder=adder), fake_discord):
        pushed = await fake_discord.slash_command(
            "add",
            {"url": "https://example.org/news"},
            user=MODERATOR,
            guild=guild,
            roles=(MODERATOR_ROLE_ID,),
        )
        report = (await final_response(fake_discord, pushed)).json["content"]
    assert report.startswith("Not added:")
    assert adder.given[0].url == "https://example.org/news"


async def test_a_file_attached_to_a_mention_by_a_member_is_refused(
    fake_discord: FakeDiscord,
    kb: KnowledgeBase,
    tiny_kb_dir: Path,
    discord_settings: Callable[..., Settings],
) -> None:
    adder = FolderAdder(tiny_kb_dir)
    async with connected(build_client(kb, discord_settings(), adder=adder), fake_discord):
        refusal = await mention_with_ferry(fake_discord, moderator=False)
    assert refusal == refusal_text("add", MODERATORS)
    assert adder.given == []


async def test_a_file_not_on_discords_file_host_is_refused_to_a_moderator_too(
    fake_discord: FakeDiscord,
    kb: KnowledgeBase,
    tiny_kb_dir: Path,
    discord_settings: Callable[..., Settings],
) -> None:
    adder = FolderAdder(tiny_kb_dir)
    async with connected(build_client(kb, discord_settings(), adder=adder), fake_discord):
        refusal = await mention_with_ferry(fake_discord, moderator=True)  # not on Discord's CDN
    assert "not on this platform's own file host" in refusal
    assert adder.given == []


async def test_a_mention_with_a_file_too_large_is_refused_before_downloading(
    fake_discord: FakeDiscord,
    kb: KnowledgeBase,
    tiny_kb_dir: Path,
    discord_settings: Callable[..., Settings],
) -> None:
    adder = FolderAdder(tiny_kb_dir)
    client = build_client(
        kb, discord_settings(max_file_bytes=50), adder=adder, file_hosts=frozenset({"127.0.0.1"})
    )
    async with connected(client, fake_discord):
        refusal = await mention_with_ferry(fake_discord, moderator=True)
    assert "larger than the 50-byte limit" in refusal
    assert fake_discord.downloads == []
    assert adder.given == []
