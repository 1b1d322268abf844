"""Operator logs: one line per event, plain or JSON, and no secret ever written."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterator

import pytest
from pydantic import BaseModel, SecretStr

from bot.config import Settings
from bot.logs import (
    REDACTED,
    configure_logging,
    log_answer,
    parse_level,
    secret_values,
)

TOKEN = "xoxb-1234-5678-SuperSecretToken"
SIGNING = "8f742231b10e8888abcd99yyyzzz85a5"

Configure = Callable[..., io.StringIO]


@pytest.fixture
def configure() -> Iterator[Configure]:
    """Installs the project's handler on a string stream, and leaves the root logger as it was."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level

    def install(fmt: str = "json", level: str = "INFO", secrets=(TOKEN, SIGNING)) -> io.StringIO:
        stream = io.StringIO()
        configure_logging(level, fmt, [SecretStr(s) for s in secrets], stream=stream)
        return stream

    yield install
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
    root.setLevel(level)


def json_lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_json_lines_carry_time_level_logger_and_message(configure: Configure):
    stream = configure("json")
    logging.getLogger("bot.test").warning("disk %s is %d%% full", "/data", 93)
    [event] = json_lines(stream)
    assert event["level"] == "WARNING"
    assert event["logger"] == "bot.test"
    assert event["message"] == "disk /data is 93% full"
    assert event["ts"].endswith("+00:00")


def test_the_answer_event_is_one_json_line_with_every_field(configure: Configure):
    stream = configure("json")
    log_answer(
        logging.getLogger("bot.adapters.slack"),
        platform="slack",
        question="What did Putin say?\nAnd why?",
        latency_ms=12.3456,
        answered=True,
        version="b83b3679c8e4",
        user="U123",
    )
    assert len(stream.getvalue().splitlines()) == 1
    [event] = json_lines(stream)
    assert event["event"] == "answer"
    assert event["platform"] == "slack"
    assert event["question"] == "What did Putin say?\nAnd why?"
    assert event["latency_ms"] == 12.3
    assert event["answered"] is True
    assert event["version"] == "b83b3679c8e4"
    assert event["user"] == "U123"


def test_a_declined_question_says_so_and_leaves_out_an_unknown_user(configure: Configure):
    stream = configure("json")
    log_answer(
        logging.getLogger("bot"),
        platform="discord",
        question="weather?",
        latency_ms=3,
        answered=False,
        version="v1",
    )
    [event] = json_lines(stream)
    assert event["message"] == "question declined"
    assert event["answered"] is False
    assert "user" not in event


def test_plain_lines_append_extra_fields_as_key_value_pairs(configure: Configure):
    stream = configure("plain")
    log_answer(
        logging.getLogger("bot"),
        platform="discord",
        question='Who said "our business"?',
        latency_ms=8,
        answered=True,
        version="abc",
    )
    [line] = stream.getvalue().splitlines()
    assert " INFO bot: question answered " in line
    assert "platform=discord" in line
    assert 'question="Who said \\"our business\\"?"' in line
    assert "latency_ms=8" in line
    assert "answered=true" in line


def test_a_secret_in_the_message_or_its_arguments_is_redacted(configure: Configure):
    for fmt in ("json", "plain"):
        stream = configure(fmt)
        log = logging.getLogger("bot")
        log.info(f"token is {TOKEN}")
        log.info("settings: %r", {"slack_bot_token": TOKEN, "signing": SIGNING})
        output = stream.getvalue()
        assert TOKEN not in output and SIGNING not in output
        assert output.count(REDACTED) == 3


def test_a_secret_in_an_extra_field_is_redacted_even_when_nested(configure: Configure):
    stream = configure("json")
    logging.getLogger("bot").info(
        "request", extra={"headers": {"Authorization": f"Bearer {TOKEN}"}, "ids": [SIGNING, 7]}
    )
    [event] = json_lines(stream)
    assert event["headers"] == {"Authorization": f"Bearer {REDACTED}"}
    assert event["ids"] == [REDACTED, 7]


def test_a_secret_inside_an_exception_and_its_traceback_is_redacted(configure: Configure):
    for fmt in ("json", "plain"):
        stream = configure(fmt)
        try:
            raise RuntimeError(f"login failed with {TOKEN}")
        except RuntimeError:
            logging.getLogger("bot").exception("could not connect")
        output = stream.getvalue()
        assert TOKEN not in output
        assert f"RuntimeError: login failed with {REDACTED}" in output


def test_the_json_exception_text_stays_on_the_events_one_line(configure: Configure):
    stream = configure("json")
    try:
        raise ValueError("bad")
    except ValueError:
        logging.getLogger("bot").exception("failed")
    [event] = json_lines(stream)
    assert "Traceback" in event["exc"] and "ValueError: bad" in event["exc"]


def test_a_longer_secret_containing_a_shorter_one_is_redacted_whole(configure: Configure):
    stream = configure("json", secrets=("abc", "abcdef"))
    logging.getLogger("bot").info("abcdef and abc")
    assert json_lines(stream)[0]["message"] == f"{REDACTED} and {REDACTED}"


def test_unset_secrets_redact_nothing(configure: Configure):
    stream = configure("json", secrets=())
    configure_logging("INFO", "json", [None, SecretStr("")], stream=stream)
    logging.getLogger("bot").info("nothing to hide")
    assert json_lines(stream)[-1]["message"] == "nothing to hide"


def test_the_level_filters_and_configuring_twice_does_not_double_lines(configure: Configure):
    configure("json", level="debug")
    stream = configure("json", level="warning")
    log = logging.getLogger("bot")
    log.info("hidden")
    log.error("shown")
    assert [event["message"] for event in json_lines(stream)] == ["shown"]


def test_an_unknown_level_names_the_choices():
    with pytest.raises(ValueError, match=r"unknown log level 'LOUD'.*DEBUG, INFO"):
        parse_level("LOUD")


def test_every_secret_setting_is_collected_for_redaction(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("DISCORD_TOKEN", "discord-token-value")
    values = {secret.get_secret_value() for secret in secret_values(Settings(_env_file=None))}
    assert {TOKEN, "discord-token-value"} <= values


def test_the_password_inside_a_secret_url_is_redacted_on_its_own_too(configure: Configure):
    class WithUrl(BaseModel):
        redis_url: SecretStr = SecretStr("redis://:hunter2-long@redis.internal:6379/0")
        token: SecretStr = SecretStr("plain-token")

    values = [secret.get_secret_value() for secret in secret_values(WithUrl())]
    assert values == ["redis://:hunter2-long@redis.internal:6379/0", "plain-token", "hunter2-long"]
    stream = configure("json", secrets=values)
    logging.getLogger("bot").warning("AUTH failed with password hunter2-long")
    assert "hunter2-long" not in stream.getvalue()


def test_a_short_secret_is_blanked_only_where_it_is_a_whole_word(configure: Configure):
    stream = configure("plain", secrets=("s", "hunter2"))
    logging.getLogger("bot").info("passages served; redis://:hunter2@cache s")
    line = stream.getvalue()
    assert "passages served; redis://:***@cache ***" in line


FORGED = "\n2026-11-23 17:17:59,793 INFO bot.adapters.slack: reload by U0ADMIN"


def test_a_newline_in_a_logged_value_cannot_start_a_forged_plain_line(configure: Configure):
    stream = configure("plain")
    log = logging.getLogger("bot")
    log.info("refused %s from %s", "/reload", f"mallory{FORGED}")
    log_answer(
        log, platform="slack", question=f"why?{FORGED}", latency_ms=1, answered=False, version="v"
    )
    log.info("file", extra={"file": f"a\x85{FORGED}", "word": "x\x1b[2Jy"})

    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    assert "\x1b" not in stream.getvalue() and "\x85" not in stream.getvalue()
    assert "mallory\\n2026-11-23" in lines[0]
    assert 'question="why?\\n2026-11-23' in lines[1]
    assert "word=x\\x1b[2Jy" in lines[2]
    assert 'file="a\\x85\\n2026-11-23' in lines[2]


def test_a_traceback_keeps_its_lines_but_none_starts_at_the_margin(configure: Configure):
    stream = configure("plain")
    try:
        raise ValueError(f"bad name{FORGED}\x1b[2J")
    except ValueError:
        logging.getLogger("bot").exception("reload failed")

    first, *rest = stream.getvalue().splitlines()
    assert first.endswith("ERROR bot: reload failed")
    assert rest and all(line.startswith("  ") for line in rest)
    assert any("Traceback" in line for line in rest)
    assert "\x1b" not in stream.getvalue()


def test_json_lines_stay_one_line_per_event_whatever_the_values(configure: Configure):
    stream = configure("json")
    logging.getLogger("bot").info("refused %s", f"x{FORGED}", extra={"q": f"y{FORGED}\x1b"})
    [event] = json_lines(stream)
    assert event["message"] == f"refused x{FORGED}" and event["q"] == f"y{FORGED}\x1b"
