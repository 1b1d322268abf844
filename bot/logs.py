"""Logging for operators: one line per event, plain or JSON, with secrets blanked out.

Every value logged is kept on its line: JSON escapes control characters itself, and the plain
format writes them as escapes (``\\n``, ``\\x1b``), so a newline in a question or a file name
cannot start a line that looks like the bot's own. A traceback still spans lines, each indented,
so only an event's first line starts at the left margin.

The redaction runs as a handler filter, after the message is formatted with its arguments and
before any formatter sees it, so a token logged by mistake (in a message, an argument, an
``extra`` field or an exception's text) is written as ``***`` whatever the output format.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, TextIO
from urllib.parse import urlsplit

from pydantic import BaseModel, SecretStr

from bot.control_characters import escape_controls

if TYPE_CHECKING:
    from bot.answer import Answer

LogFormat = Literal["plain", "json"]
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
REDACTED = "***"
PLAIN_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
CONTINUATION = "  "
"""Indent of a traceback's lines in the plain format."""
ANSWER_EVENT = "answer"

_RECORD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
"""Attributes every LogRecord has; anything else on a record came from ``extra=``."""


def configure_logging(
    level: str,
    fmt: LogFormat,
    secrets: Iterable[SecretStr | str | None] = (),
    stream: TextIO | None = None,
) -> logging.Handler:
    """Send every log record to ``stream`` (stderr) as one plain or JSON line, secrets redacted.

    Replaces the handler a previous call installed, so calling it twice does not double lines.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_newsdesk", False)]:
        root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler._newsdesk = True  # type: ignore[attr-defined]
    handler.addFilter(RedactSecrets(secrets))
    handler.setFormatter(JsonFormatter() if fmt == "json" else PlainFormatter())
    root.addHandler(handler)
    root.setLevel(parse_level(level))
    return handler


def parse_level(level: str) -> int:
    """A level name (any case) as logging's number; an unknown name raises ``ValueError``."""
    if level.upper() not in LEVELS:
        raise ValueError(f"unknown log level {level!r}; use one of {', '.join(LEVELS)}")
    return logging.getLevelNamesMapping()[level.upper()]


def secret_values(settings: BaseModel) -> list[SecretStr]:
    """Every ``SecretStr`` field of a settings object, for ``RedactSecrets``.

    A secret URL's password is added on its own too: a client library that names the server
    in an error message may print the URL's parts without the whole URL.
    """
    secrets = [value for value in dict(settings).values() if isinstance(value, SecretStr)]
    passwords = [_url_password(secret.get_secret_value()) for secret in secrets]
    return secrets + [SecretStr(password) for password in passwords if password]


def _url_password(value: str) -> str | None:
    if "://" not in value:
        return None
    try:
        return urlsplit(value).password
    except ValueError:
        return None


def log_answer(
    logger: logging.Logger,
    *,
    platform: str,
    question: str,
    latency_ms: float,
    answered: bool,
    version: str,
    user: str | None = None,
) -> None:
    """The one line written for every question a chat platform asks."""
    fields: dict[str, Any] = {
        "event": ANSWER_EVENT,
        "platform": platform,
        "question": question,
        "latency_ms": round(latency_ms, 1),
        "answered": answered,
        "version": version,
    }
    if user is not None:
        fields["user"] = user
    logger.info("question answered" if answered else "question declined", extra=fields)


def log_question(
    logger: logging.Logger, *, platform: str, answer: Answer, started: float, user: str
) -> None:
    """``log_answer`` for an answer that took from ``started`` (``time.perf_counter()``) until now."""
    log_answer(
        logger,
        platform=platform,
        question=answer.question,
        latency_ms=(time.perf_counter() - started) * 1000,
        answered=answer.answered,
        version=answer.version,
        user=user,
    )


class RedactSecrets(logging.Filter):
    """Replaces every configured secret value with ``***`` in the record, in place.

    A secret shorter than ``WHOLE_WORD_BELOW`` characters is blanked out only where it stands
    as a whole word: a signing secret set to "s" must not turn every "s" of a log into ``***``.
    """

    WHOLE_WORD_BELOW = 8

    def __init__(self, secrets: Iterable[SecretStr | str | None]) -> None:
        super().__init__()
        plain = {_plain(secret) for secret in secrets}
        self.secrets = sorted((secret for secret in plain if secret), key=len, reverse=True)
        """Longest first, so a secret containing another is blanked out whole."""
        self._patterns = [
            re.compile(
                re.escape(secret)
                if len(secret) >= self.WHOLE_WORD_BELOW
                else rf"(?<!\w){re.escape(secret)}(?!\w)"
            )
            for secret in self.secrets
        ]

    def redact(self, text: str) -> str:
        for pattern in self._patterns:
            text = pattern.sub(REDACTED, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        record.msg, record.args = self.redact(_message(record)), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        for key, value in extra_fields(record).items():
            setattr(record, key, self._redact_value(value))
        return True

    def _redact_value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.redact(value)
        if isinstance(value, dict):
            return {key: self._redact_value(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self._redact_value(item) for item in value]
        if value is None or isinstance(value, bool | int | float):
            return value
        text = str(value)
        redacted = self.redact(text)
        return redacted if redacted != text else value


def _plain(secret: SecretStr | str | None) -> str:
    if isinstance(secret, SecretStr):
        return secret.get_secret_value()
    return secret or ""


def _message(record: logging.LogRecord) -> str:
    """The message with its arguments, or both side by side when they do not fit together."""
    try:
        return record.getMessage()
    except (TypeError, ValueError):
        return f"{record.msg} {record.args!r}"


def extra_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The fields a caller passed with ``extra=``."""
    return {k: v for k, v in vars(record).items() if k not in _RECORD_ATTRIBUTES}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, message, then the ``extra=`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        event: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": _message(record),
        }
        event.update(extra_fields(record))
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            event["exc"] = record.exc_text
        if record.stack_info:
            event["stack"] = record.stack_info
        return json.dumps(event, ensure_ascii=False, default=str)


class PlainFormatter(logging.Formatter):
    """The classic line, followed by the ``extra=`` fields as ``key=value`` pairs.

    The message and every field have their control characters escaped; a traceback or stack
    follows on lines of its own, indented by ``CONTINUATION``.
    """

    def __init__(self) -> None:
        super().__init__(PLAIN_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        record.message = escape_controls(_message(record))
        record.asctime = self.formatTime(record, self.datefmt)
        line = self.formatMessage(record)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        for block in (record.exc_text, record.stack_info):
            if block:
                line += "\n" + _indented(escape_controls(block, keep="\n"))
        return line

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        pairs = [
            f"{escape_controls(key)}={_plain_value(value)}"
            for key, value in extra_fields(record).items()
        ]
        return " ".join([line, *pairs])


def _indented(block: str) -> str:
    return "\n".join(CONTINUATION + line for line in block.split("\n"))


def _plain_value(value: Any) -> str:
    """Numbers and single words as they are; anything else JSON-quoted, so it stays one line."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return str(value)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    if text and not any(c.isspace() or c in "\"'=" for c in text):
        return escape_controls(text)
    return escape_controls(json.dumps(text, ensure_ascii=False))
