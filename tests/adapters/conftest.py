"""Fixtures for the Discord adapter tests: a fake Discord that discord.py is pointed at."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import discord
import pytest
from fake_discord import FakeDiscord, FakeGuild

DISCORD_TOKEN = "fake.discord.token-for-tests"
GUILD_ID = 800_000_000_000_000_001
CHANNEL_ID = 800_000_000_000_000_002
MODERATOR_ROLE_ID = 800_000_000_000_000_003
OTHER_ROLE_ID = 800_000_000_000_000_004
CONNECT_TIMEOUT = 10.0


@pytest.fixture
async def fake_discord(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """A running fake Discord with one guild; discord.py's URLs point at it for the test."""
    async with FakeDiscord(token=DISCORD_TOKEN) as fake:
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


@contextlib.asynccontextmanager
async def connected(client: discord.Client, fake: FakeDiscord) -> AsyncIterator[discord.Client]:
    """Run ``client`` against ``fake`` until the block ends; always closes it, within bounds."""
    task = asyncio.create_task(client.start(DISCORD_TOKEN))
    try:
        waiter = asyncio.create_task(fake.wait_connected(CONNECT_TIMEOUT))
        done, _ = await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            waiter.cancel()
            task.result()
            raise RuntimeError("the client stopped before connecting")
        waiter.result()
        yield client
    finally:
        await asyncio.wait_for(client.close(), CONNECT_TIMEOUT)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(task, CONNECT_TIMEOUT)
