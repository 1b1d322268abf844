import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings
from tests.test_cli import BUNDLED_KB, REPO, run_cli


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


def test_a_setting_is_read_from_its_variable_in_any_case(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COOLDOWN_SECONDS", "7")
    monkeypatch.setenv("log_level", "debug")
    settings = Settings(_env_file=None)
    assert settings.cooldown_seconds == 7.0 and settings.log_level == "DEBUG"


def test_the_environment_wins_over_env_file_and_arguments_over_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "COOLDOWN_SECONDS=11\nMAX_FILE_BYTES=1234\nFOLLOWUP_MAX_THREADS\nNOT_A_SETTING=1\n"
        "DISCORD_GUILD_IDS=1, 2\n"
    )
    for name in ("COOLDOWN_SECONDS", "MAX_FILE_BYTES", "FOLLOWUP_MAX_THREADS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MAX_FILE_BYTES", "99")
    settings = Settings(_env_file=env_file)
    assert settings.cooldown_seconds == 11.0  # from the file
    assert settings.max_file_bytes == 99  # the environment wins
    assert settings.followup_max_threads == 2000  # a name without a value: the default
    assert settings.discord_guild_ids == [1, 2]
    assert Settings(_env_file=env_file, cooldown_seconds=3).cooldown_seconds == 3.0
    assert Settings(_env_file=None).cooldown_seconds == 5.0


def test_the_env_file_of_the_working_directory_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("COOLDOWN_SECONDS", raising=False)
    (tmp_path / ".env").write_text("cooldown_seconds=12\n")
    monkeypatch.chdir(tmp_path)
    assert Settings().cooldown_seconds == 12.0


def test_a_bad_setting_in_the_env_file_stops_with_one_line_naming_it(tmp_path: Path):
    (tmp_path / ".env").write_text("LOG_LEVEL=LOUD\n")
    env = {name: value for name, value in os.environ.items() if name.upper() != "LOG_LEVEL"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "sources", "--kb", str(BUNDLED_KB)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: setting LOG_LEVEL: ")
