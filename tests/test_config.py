import os
from pathlib import Path

import pytest

from bot.config import Settings
from tests.test_cli import BUNDLED_KB, run_cli


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("COOLDOWN_SECONDS", "inf"),
        ("COOLDOWN_SECONDS", "-1"),
        ("MAX_FILE_BYTES", "0"),
        ("LOG_LEVEL", "LOUD"),
        ("HEALTH_PORT", "seventy"),
        ("FETCH_ALLOWED_NETWORKS", "10.0.0.0/33"),
        ("FETCH_TIMEOUT_SECONDS", "0"),
    ],
)
def test_a_bad_setting_stops_with_one_line_naming_it(name: str, value: str):
    result = run_cli("sources", "--kb", str(BUNDLED_KB), env={**os.environ, name: value})
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: setting {name}: ")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "url",
    [
        "localhost:6379",
        "http://redis:6379",
        "redis://:hunter2-password@redis:port/0",
        "redis://:hunter2-password@redis:99999/0",
        "redis:///0",
        "redis://redis:6379/zero",
        "unix://",
    ],
)
def test_a_malformed_redis_url_stops_start_up_with_one_line_and_no_password(url: str):
    env = {**os.environ, "REDIS_URL": url, "DISCORD_TOKEN": "not-a-token"}
    result = run_cli("discord", "--kb", str(BUNDLED_KB), env=env)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: setting REDIS_URL: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "hunter2" not in result.stderr


@pytest.mark.parametrize(
    "url", ["redis://redis:6379/0", "rediss://:pw@cache.example:6380", "unix:///run/redis.sock"]
)
def test_a_usable_redis_url_is_accepted(url: str):
    assert Settings(_env_file=None, redis_url=url).redis_url.get_secret_value() == url


def test_an_empty_aliases_file_setting_means_no_fallback(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ALIASES_FILE", "")
    assert Settings().aliases_file is None
    monkeypatch.setenv("ALIASES_FILE", "/app/defaults/aliases.yml")
    assert Settings().aliases_file == Path("/app/defaults/aliases.yml")
