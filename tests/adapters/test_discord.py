"""The Discord adapter, run with the real discord.py client against a fake Discord."""

from __future__ import annotations

import discord
from conftest import CHANNEL_ID, DISCORD_TOKEN, GUILD_ID, connected
from fake_discord import FakeDiscord


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
    assert fake_discord.calls_to("/users/@me")[0].authorization == f"Bot {DISCORD_TOKEN}"
