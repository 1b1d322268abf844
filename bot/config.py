"""Settings from the environment and ``.env``; secrets stay ``SecretStr`` so they never print."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.cache import default_cache_dir


def _split_csv(value: object) -> object:
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class Settings(BaseSettings):
    """Everything the bot can be configured with. Each field reads the upper-case env var."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    knowledge_dir: Path = Field(Path("knowledge"), description="Folder of article files.")
    max_file_bytes: int = Field(10_000_000, gt=0, description="Largest article file accepted.")
    index_cache: bool = Field(True, description="Keep the built index on disk between runs.")
    index_cache_dir: Path = Field(
        default_factory=default_cache_dir, description="Where the built index is kept."
    )
    cooldown_seconds: float = Field(5.0, ge=0, description="Per-user pause between questions.")

    discord_token: SecretStr | None = None
    discord_guild_ids: Annotated[list[int], NoDecode] = []
    discord_moderator_role_ids: Annotated[list[int], NoDecode] = []

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_moderator_ids: Annotated[list[str], NoDecode] = []

    _split = field_validator(
        "discord_guild_ids", "discord_moderator_role_ids", "slack_moderator_ids", mode="before"
    )(_split_csv)
