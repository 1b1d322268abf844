"""Feedback on Discord, with the real discord.py client against the fake Discord: 👍 / 👎 under
answers, private thanks without pings, and /unanswered with its CSV file."""

from __future__ import annotations

import copy
import csv
import io
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from fake_discord import (
    CHANNEL_MESSAGE,
    EPHEMERAL,
    GUILD_ID,
    MODERATOR,
    MODERATOR_ROLE_ID,
    READER,
    FakeDiscord,
    FakeGuild,
    PushedInteraction,
    RestCall,
    connected,
)
from test_discord import (
    OFF_TOPIC_QUESTION,
    VOLCANO_QUESTION,
    assert_no_pings,
    callback,
    final_response,
    reply_in,
)

from bot.adapters.discord import VOTE_BUTTON_PREFIX, NewsdeskClient, build_client
from bot.config import Settings
from bot.feedback import FeedbackRecorder, FeedbackStore
from bot.knowledge_base import KnowledgeBase
from bot.ops.runtime import Operations


@pytest.fixture
def recorder(tmp_path: Path) -> FeedbackRecorder:
    url = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    return FeedbackRecorder(lambda: FeedbackStore.open(url)).start()


@pytest.fixture
async def voting(
    fake_discord: FakeDiscord,
    kb: KnowledgeBase,
    discord_settings: Callable[..., Settings],
    recorder: FeedbackRecorder,
) -> AsyncIterator[NewsdeskClient]:
    ops = Operations.build(kb, platform="discord", feedback=recorder)
    async with connected(build_client(kb, discord_settings(), ops), fake_discord) as client:
        yield client  # type: ignore[misc]


def vote_ids(message: dict) -> dict[str, str]:
    """The answer's vote buttons: emoji -> custom id."""
    buttons = [b for row in message.get("components") or [] for b in row["components"]]
    return {
        b["emoji"]["name"]: b["custom_id"]
        for b in buttons
        if b["custom_id"].startswith(VOTE_BUTTON_PREFIX)
    }


async def ask(fake: FakeDiscord, guild: FakeGuild, question: str, **options) -> PushedInteraction:
    pushed = await fake.slash_command(
        "ask", {"question": question, **options}, user=READER, guild=guild
    )
    await final_response(fake, pushed)
    return pushed


async def click(fake: FakeDiscord, guild: FakeGuild, message: dict, emoji: str) -> dict:
    pushed = await fake.click_button(message, vote_ids(message)[emoji], user=READER, guild=guild)
    return (await callback(fake, pushed)).json


async def unanswered(fake: FakeDiscord, guild: FakeGuild, **options) -> RestCall:
    pushed = await fake.slash_command(
        "unanswered", options, user=MODERATOR, guild=guild, roles=(MODERATOR_ROLE_ID,)
    )
    return await final_response(fake, pushed)


async def test_a_down_vote_is_thanked_privately_and_reaches_unanswered_with_a_csv_file(
    fake_discord: FakeDiscord, voting: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await ask(fake_discord, guild, VOLCANO_QUESTION)
    answer = fake_discord.originals[pushed.token]
    thanks = await click(fake_discord, guild, answer, "👎")
    assert thanks["type"] == CHANNEL_MESSAGE
    assert thanks["data"]["flags"] & EPHEMERAL
    assert thanks["data"]["content"].startswith("Thanks for the 👎")
    report = await unanswered(fake_discord, guild)
    assert "“When did the volcano erupt near Ashford?” — asked once" in report.json["content"]
    assert "quoted volcano" in report.json["content"]
    [upload] = report.files
    assert upload.filename == "unanswered-30d.csv"
    [row] = csv.DictReader(io.StringIO(upload.content.decode()))
    assert (row["question"], row["votes_down"], row["articles"]) == (
        VOLCANO_QUESTION,
        "1",
        "volcano",
    )
    assert_no_pings(fake_discord)


async def test_a_second_click_changes_the_vote(
    fake_discord: FakeDiscord, voting: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await ask(fake_discord, guild, VOLCANO_QUESTION)
    answer = fake_discord.originals[pushed.token]
    await click(fake_discord, guild, answer, "👎")
    await click(fake_discord, guild, answer, "👍")
    report = await unanswered(fake_discord, guild, days=7)
    assert report.json["content"].startswith("No declined or voted-down questions in the last 7")
    assert not report.files


async def test_a_vote_on_an_answer_from_before_a_restart_is_still_counted(
    fake_discord: FakeDiscord, voting: NewsdeskClient, guild: FakeGuild, recorder
) -> None:
    """The button carries the answer's id; a process that never saw that answer counts it."""
    pushed = await ask(fake_discord, guild, VOLCANO_QUESTION)
    earlier = copy.deepcopy(fake_discord.originals[pushed.token])
    unknown = "0ld0ld0ld0ld.0123456789abcdef"
    for row in earlier["components"]:
        for button in row["components"]:
            way = button["custom_id"].removeprefix(VOTE_BUTTON_PREFIX).split(":")[0]
            button["custom_id"] = f"{VOTE_BUTTON_PREFIX}{way}:{unknown}"
    thanks = await click(fake_discord, guild, earlier, "👎")
    assert thanks["data"]["content"].startswith("Thanks for the 👎")
    assert recorder.flush()
    assert recorder.state().counts.down == 1 and recorder.state().lost == 0


async def test_a_private_answer_has_only_share_and_its_shared_post_carries_the_votes(
    fake_discord: FakeDiscord, voting: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await ask(fake_discord, guild, VOLCANO_QUESTION, private=True)
    private = fake_discord.originals[pushed.token]
    assert not vote_ids(private)
    [share] = [b for row in private["components"] for b in row["components"]]
    clicked = await fake_discord.click_button(private, share["custom_id"], user=READER, guild=guild)
    shared = (await callback(fake_discord, clicked)).json["data"]
    assert set(vote_ids(shared)) == {"👍", "👎"}


async def test_a_declined_answer_has_no_vote_buttons_and_reaches_unanswered(
    fake_discord: FakeDiscord, voting: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await ask(fake_discord, guild, OFF_TOPIC_QUESTION)
    assert not vote_ids(fake_discord.originals[pushed.token])
    report = await unanswered(fake_discord, guild)
    assert f"“{OFF_TOPIC_QUESTION}” — asked once, declined once" in report.json["content"]


async def test_an_answer_to_a_mention_carries_the_vote_buttons(
    fake_discord: FakeDiscord, voting: NewsdeskClient, guild: FakeGuild
) -> None:
    message = await fake_discord.post_message(
        f"<@{fake_discord.bot_id}> {VOLCANO_QUESTION}",
        author=READER,
        guild=guild,
        mentions=(fake_discord.bot_user,),
    )
    reply = await reply_in(fake_discord, message["id"])
    assert set(vote_ids(reply.json)) == {"👍", "👎"}


async def test_unanswered_is_refused_privately_to_members(
    fake_discord: FakeDiscord, voting: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await fake_discord.slash_command("unanswered", user=READER, guild=guild)
    refusal = (await callback(fake_discord, pushed)).json
    assert refusal["data"]["flags"] & EPHEMERAL
    assert refusal["data"]["content"].startswith("Only moderators can see the unanswered questions")


async def test_status_counts_the_questions_and_votes(
    fake_discord: FakeDiscord, voting: NewsdeskClient, guild: FakeGuild
) -> None:
    pushed = await ask(fake_discord, guild, VOLCANO_QUESTION)
    await click(fake_discord, guild, fake_discord.originals[pushed.token], "👍")
    status = await fake_discord.slash_command(
        "status", user=MODERATOR, guild=fake_discord.guilds[GUILD_ID], roles=(MODERATOR_ROLE_ID,)
    )
    content = (await callback(fake_discord, status)).json["data"]["content"]
    assert "1 question asked, 1 answered (100%); votes 👍 1 👎 0." in content
