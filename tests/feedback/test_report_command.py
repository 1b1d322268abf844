"""``python -m bot report`` and the feedback settings at start-up."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.feedback.store import FeedbackStore, Vote
from tests.feedback.records import ASKED
from tests.test_cli import run_cli


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    return tmp_path


def test_report_on_an_empty_store_says_there_is_nothing(data_dir: Path, capsys):
    assert main(["report"]) == 0
    assert capsys.readouterr().out.startswith(
        "No declined or voted-down questions in the last 30 days"
    )
    assert (data_dir / "feedback.sqlite3").exists(), "created on first use"


def test_report_on_an_empty_store_as_json_and_csv(data_dir: Path, capsys):
    assert main(["report", "--json", "--days", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["days"], data["questions"]) == (3, [])
    assert main(["report", "--csv"]) == 0
    assert capsys.readouterr().out.startswith("question,asked,declined,")


def test_report_lists_what_the_bot_recorded(data_dir: Path, capsys):
    store = FeedbackStore.open(f"sqlite:///{data_dir / 'feedback.sqlite3'}")
    now = datetime.now(UTC)
    store.add_questions([replace(ASKED, asked_at=now)])
    store.add_vote(Vote(ASKED.answer_id, store.voter("discord", "u1"), up=False, voted_at=now))
    store.close()
    assert main(["report", "--json"]) == 0
    [question] = json.loads(capsys.readouterr().out)["questions"]
    assert question["question"] == "Who won the cup?"
    assert (question["votes_down"], question["articles"]) == (1, ["football"])


def test_report_on_a_corrupt_store_is_one_error_line(data_dir: Path):
    (data_dir / "feedback.sqlite3").write_bytes(b"garbage" * 300)
    result = run_cli("report", env={**os.environ, "DATA_DIR": str(data_dir)})
    assert result.returncode == 1
    assert result.stderr.startswith("error: the feedback store is unavailable: ")
    assert "not a database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "value", ["postgres//db.example/newsdesk", "mysql://db/newsdesk", "not a url", "sqlite//x"]
)
def test_a_malformed_database_url_stops_with_one_line_naming_it(value: str):
    result = run_cli("report", env={**os.environ, "DATABASE_URL": value})
    assert result.returncode == 2
    assert result.stderr.startswith("error: setting DATABASE_URL: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_database_url_password_is_never_printed(data_dir: Path):
    url = "postgresql://bot:hunter2secret@127.0.0.1:1/newsdesk"
    result = run_cli("report", env={**os.environ, "DATABASE_URL": url})
    assert result.returncode == 1
    assert "hunter2secret" not in result.stderr + result.stdout
    assert "127.0.0.1" in result.stderr


@pytest.mark.parametrize(("name", "value"), [("FEEDBACK_RETENTION_DAYS", "0")])
def test_a_bad_feedback_setting_stops_with_one_line(name: str, value: str):
    result = run_cli("report", env={**os.environ, name: value})
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: setting {name}: ")


def test_the_console_starts_on_a_corrupt_store_and_says_feedback_is_off_and_why(
    data_dir: Path, tiny_kb_dir: Path
):
    (data_dir / "feedback.sqlite3").write_bytes(b"garbage" * 300)
    result = run_cli(
        "chat",
        "--kb",
        str(tiny_kb_dir),
        stdin="Who won a second term?\n/status\n",
        env={**os.environ, "DATA_DIR": str(data_dir)},
    )
    assert result.returncode == 0
    assert "feedback is off, answers are not affected" in result.stderr
    assert "not a database" in result.stderr
    assert "Mayor Alice Grant won a second term" in result.stdout
    assert "Feedback is off: " in result.stdout
