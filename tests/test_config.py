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
    ],
)
def test_a_bad_setting_stops_with_one_line_naming_it(name: str, value: str):
    result = run_cli("sources", "--kb", str(BUNDLED_KB), env={**os.environ, name: value})
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: setting {name}: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_empty_aliases_file_setting_means_no_fallback(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ALIASES_FILE", "")
    assert Settings().aliases_file is None
    monkeypatch.setenv("ALIASES_FILE", "/app/defaults/aliases.yml")
    assert Settings().aliases_file == Path("/app/defaults/aliases.yml")
