"""Settings from the environment and ``.env``; secrets stay ``SecretStr`` so they never print."""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.cache import default_cache_dir
from bot.logs import parse_level
from bot.snapshot import MAX_BUILD_WORKERS, default_build_workers


def default_data_dir() -> Path:
    """Where the bot keeps what it writes: ``$XDG_DATA_HOME/newsdesk``, else ``~/.local/share``."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "newsdesk"


def normalised_database_url(value: object) -> object:
    """A SQLAlchemy database URL, checked at start-up; ``postgres://`` and ``postgresql://``
    mean PostgreSQL through psycopg 3 (SQLAlchemy's bare ``postgresql`` would need psycopg2).

    >>> normalised_database_url("postgres://bot@db/newsdesk")
    'postgresql+psycopg://bot@db/newsdesk'
    """
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    if not isinstance(value, str) or not value.strip():
        return None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    text = re.sub(r"^postgres(?:ql)?://", "postgresql+psycopg://", value.strip())
    try:
        url = make_url(text)
        url.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError):
        url = None
    if url is None or url.get_backend_name() not in ("sqlite", "postgresql"):
        raise ValueError(
            "not a database URL; expected sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
        )
    return text


def _split_csv(value: object) -> object:
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


REDIS_SCHEMES = ("redis", "rediss", "unix")


def redis_url_problem(url: str) -> str | None:
    """Why ``url`` is not a Redis URL redis-py can use, without repeating it (it may hold a
    password); None when it is one. ``redis://[:password@]host[:port][/db]``, ``rediss://`` for
    TLS, ``unix:///path/to/socket``."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        return f"not a URL ({error})"
    if parts.scheme not in REDIS_SCHEMES:
        return "must start with redis://, rediss:// or unix://"
    if parts.scheme == "unix":
        return (
            None if parts.path else "unix:// needs the socket's path, as in unix:///run/redis.sock"
        )
    if not parts.hostname:
        return "needs a host, as in redis://redis:6379/0"
    if port == 0:
        return "the port must be from 1 to 65535"
    database = parts.path.lstrip("/")
    if database and not database.isdigit():
        return "the database after the host must be a number, as in redis://redis:6379/0"
    return None


class Settings(BaseSettings):
    """Everything the bot can be configured with. Each field reads the upper-case env var."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    knowledge_dir: Path = Field(Path("knowledge"), description="Folder of article files.")
    max_file_bytes: int = Field(10_000_000, gt=0, description="Largest article file accepted.")
    aliases_file: Path | None = Field(
        None, description="Aliases used when the knowledge folder has no aliases.yml of its own."
    )
    index_cache: bool = Field(True, description="Keep the built index on disk between runs.")
    index_cache_dir: Path = Field(
        default_factory=default_cache_dir, description="Where the built index is kept."
    )
    build_workers: int = Field(
        default_factory=default_build_workers,
        ge=1,
        le=MAX_BUILD_WORKERS,
        description="Processes that build the index from a large folder (default: the CPUs "
        "available, at most 8); 1 builds in the bot's own process.",
    )
    fetch_timeout_seconds: float = Field(
        20.0,
        gt=0,
        le=600,
        description="Time limit of one page fetched by `add`, redirects included.",
    )
    fetch_max_redirects: int = Field(5, ge=0, le=20, description="Redirects `add` follows.")
    fetch_allow_private: bool = Field(
        False, description="Let `add` fetch from private, loopback and link-local addresses."
    )
    fetch_allowed_networks: Annotated[list[str], NoDecode] = Field(
        [], description="Private addresses or networks (CIDR) `add` may fetch from all the same."
    )
    cooldown_seconds: float = Field(
        5.0, ge=0, le=86_400, description="Per-user pause between questions (at most a day)."
    )
    followup_max_age_seconds: float = Field(
        1800.0, gt=0, le=86_400, description="How long a thread's follow-up context is kept."
    )
    followup_max_threads: int = Field(
        2000, gt=0, description="Threads whose follow-up context is kept at once."
    )

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="What the bot writes: the feedback database unless DATABASE_URL is set.",
    )
    database_url: SecretStr | None = Field(
        None,
        description="The feedback store: postgresql+psycopg://… shared by replicas "
        "(default: SQLite in DATA_DIR).",
    )
    feedback_enabled: bool = Field(True, description="Record questions asked and votes.")
    feedback_retention_days: int = Field(
        90, ge=1, le=36_500, description="Feedback older than this many days is deleted."
    )
    feedback_salt: SecretStr | None = Field(
        None, description="Salt of the user-id hashes (default: generated once, kept in the store)."
    )

    log_level: str = Field("INFO", description="DEBUG, INFO, WARNING, ERROR or CRITICAL.")
    log_format: Literal["plain", "json"] = Field(
        "plain", description="Log lines as plain text or one JSON object each."
    )
    health_host: str = Field("0.0.0.0", description="Address of the health endpoint.")
    health_port: int | None = Field(
        None, ge=0, le=65535, description="Serve GET /healthz and /readyz on this port."
    )
    redis_url: SecretStr | None = Field(
        None, description="redis://…: /reload then reaches every replica through Redis."
    )
    redis_namespace: str = Field("newsdesk", description="Prefix of the Redis keys and channels.")
    replica_id: str | None = Field(None, description="This replica's name (default host:pid).")

    discord_token: SecretStr | None = None
    discord_guild_ids: Annotated[list[int], NoDecode] = []
    discord_moderator_role_ids: Annotated[list[int], NoDecode] = []
    discord_shard_count: int | None = Field(
        None, gt=0, description="Total shards across all Discord processes."
    )
    discord_shard_ids: Annotated[list[int], NoDecode] = Field(
        [], description="The shards this process runs (default: all of them)."
    )
    discord_reply_in_thread: bool = Field(
        True, description="Answer a mention in a thread started on it (else a plain reply)."
    )
    discord_message_content: bool = Field(
        False,
        description="Ask for the Message Content intent, so follow-ups in the bot's threads "
        "need no mention (enable the intent in the Developer Portal first).",
    )

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_moderator_ids: Annotated[list[str], NoDecode] = []

    _split = field_validator(
        "discord_guild_ids",
        "discord_moderator_role_ids",
        "discord_shard_ids",
        "slack_moderator_ids",
        "fetch_allowed_networks",
        mode="before",
    )(_split_csv)

    _database_url = field_validator("database_url", mode="before")(normalised_database_url)

    @field_validator("fetch_allowed_networks")
    @classmethod
    def _networks(cls, values: list[str]) -> list[str]:
        for value in values:
            try:
                ipaddress.ip_network(value, strict=False)
            except ValueError:
                raise ValueError(f"{value!r} is not an IP address or network") from None
        return values

    @field_validator("redis_url")
    @classmethod
    def _usable_redis_url(cls, url: SecretStr | None) -> SecretStr | None:
        if url is None or not url.get_secret_value().strip():
            return None
        if problem := redis_url_problem(url.get_secret_value().strip()):
            raise ValueError(problem)
        return SecretStr(url.get_secret_value().strip())

    @field_validator("aliases_file", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        """``ALIASES_FILE=`` (empty) turns the fallback off rather than naming the cwd."""
        return None if value == "" else value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, level: str) -> str:
        parse_level(level)
        return level.upper()

    @field_validator("discord_shard_ids")
    @classmethod
    def _shards_within_count(cls, ids: list[int], info: ValidationInfo) -> list[int]:
        count = info.data.get("discord_shard_count")
        if ids and count is None:
            raise ValueError("needs DISCORD_SHARD_COUNT too")
        if count is not None and any(not 0 <= shard < count for shard in ids):
            raise ValueError(f"each shard id must be from 0 to {count - 1}")
        return ids
