"""Fixtures for the Discord adapter tests: a fake Discord that discord.py is pointed at."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from fake_discord import (
    CHANNEL_ID,
    GUILD_ID,
    MODERATOR_ROLE_ID,
    OTHER_ROLE_ID,
    TOKEN,
    FakeDiscord,
    FakeGuild,
    connected,
)

from bot.adapters.discord import NewsdeskClient, build_client
from bot.config import Settings
from bot.knowledge_base import KnowledgeBase


@pytest.fixture
async def fake_discord(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """A running fake Discord with one guild; discord.py's URLs point at it for the test."""
    async with FakeDiscord(token=TOKEN) as fake:
        fake.patch_discord_py(monkeypatch)
        await fake.add_guild(
            FakeGuild(
                id=GUILD_ID,
                channel_id=CHANNEL_ID,
                roles={MODERATOR_ROLE_ID: "Moderators", OTHER_ROLE_ID: "Readers"},
            )
        )
        yield fake


@pytest.fixture
def guild(fake_discord: FakeDiscord) -> FakeGuild:
    return fake_discord.guilds[GUILD_ID]


@pytest.fixture
def discord_settings(tiny_kb_dir: Path) -> Callable[..., Settings]:
    """Settings for one guild with a moderator role and no cooldown; env and .env ignored."""

    def make(**overrides: object) -> Settings:
        values: dict[str, object] = {
            "knowledge_dir": tiny_kb_dir,
            "index_cache": False,
            "discord_token": TOKEN,
            "discord_guild_ids": [GUILD_ID],
            "discord_moderator_role_ids": [MODERATOR_ROLE_ID],
            "cooldown_seconds": 0,
        }
        return Settings(_env_file=None, **(values | overrides))  # type: ignore[call-arg]

    return make


@pytest.fixture
def kb(tiny_kb_dir: Path) -> KnowledgeBase:
    return KnowledgeBase(tiny_kb_dir)


@pytest.fixture
async def newsdesk(
    fake_discord: FakeDiscord, kb: KnowledgeBase, discord_settings: Callable[..., Settings]
) -> AsyncIterator[NewsdeskClient]:
    """The adapter's client, built as ``python -m bot discord`` builds it, connected to the fake."""
    async with connected(build_client(kb, discord_settings()), fake_discord) as client:
        yield client  # type: ignore[misc]
