"""``/add`` from chat: the checks an attached file passes before the core add function sees it.

The core function (fetch limits, private-address refusal, validation, writing the file) is not
the desk's: it is passed in as an ``Adder``. The attachment is downloaded by the adapter
(``AttachmentFetcher``), which knows the platform's file host and credentials, with the same
size limit as an article file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from bot.desk.models import Attachment

ARTICLE_SUFFIXES = frozenset({".html", ".htm", ".md", ".markdown", ".txt"})
TEXT_TYPES = ("text/", "application/xhtml")


@dataclass(frozen=True)
class AddSource:
    """What to add: a web address, or a file's name and bytes."""

    url: str | None = None
    filename: str | None = None
    data: bytes | None = None


@dataclass(frozen=True)
class AddResult:
    """What the core add function did: the files it wrote and what it guessed, or why not."""

    added: tuple[str, ...] = ()
    guessed: tuple[str, ...] = ()
    refused: str | None = None
    text: str | None = None
    """The add function's own account of it, when it words one (shown instead of the lists)."""


Adder = Callable[[AddSource], AddResult]
AttachmentFetcher = Callable[[Attachment, int], bytes]
"""Downloads an attachment from the platform's file host, at most ``limit`` bytes (raising
``AttachmentTooLarge`` beyond), or raises ``OSError`` when it cannot."""


class AttachmentTooLarge(Exception):
    """The download went past the size limit (the size the platform announced was wrong)."""


def attachment_problem(attachment: Attachment, limit: int) -> str | None:
    """Why ``attachment`` cannot be an article before downloading it, or None."""
    if not attachment.from_platform_host:
        return "host"
    if PurePosixPath(attachment.filename.lower()).suffix not in ARTICLE_SUFFIXES:
        return "kind"
    if attachment.content_type and not attachment.content_type.startswith(TEXT_TYPES):
        return "not_text"
    if attachment.size > limit:
        return "too_large"
    return None


def is_web_address(text: str) -> bool:
    """Only http(s) addresses come from chat: never a path on the bot's own machine."""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in text


def is_text(data: bytes) -> bool:
    """UTF-8 without NUL bytes: what a Markdown, HTML or text article is."""
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
