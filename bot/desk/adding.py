"""``/add`` from chat: the checks an attached file passes before the core add function sees it.

The core function (fetch limits, private-address refusal, validation, writing the file) is not
the desk's: it is passed in as an ``Adder``; ``core_adder`` makes one of ``bot.ingest.add``, the
function behind ``python -m bot add``. The attachment is downloaded by the adapter
(``AttachmentFetcher``), which knows the platform's file host and credentials, with the same
size limit as an article file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bot.desk.models import Attachment

if TYPE_CHECKING:
    from bot.ingest.add import AddReport
    from bot.ingest.fetch import FetchPolicy
    from bot.knowledge_base import KnowledgeBase

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


def core_adder(kb: KnowledgeBase, policy: FetchPolicy) -> Adder:
    """``bot.ingest.add`` as the desk's ``Adder``: a web address fetched within ``policy`` (size,
    time, redirects, private addresses), an attachment's bytes read as a document; each checked
    against the live articles and written into the knowledge folder (the desk then reloads)."""
    from bot.articles import is_html
    from bot.ingest.add import Document, add_article, add_document

    def add(source: AddSource) -> AddResult:
        if source.url is not None:
            report = add_article(source.url, kb.directory, existing=kb.articles, policy=policy)
        else:
            name, data = source.filename or "attachment.txt", source.data or b""
            document = Document(name=name, data=data, html=is_html(name))
            report = add_document(
                document, kb.directory, existing=kb.articles, max_bytes=policy.max_bytes
            )
        return add_result(report, kb.directory)

    return add


def add_result(report: AddReport, directory: Path) -> AddResult:
    """The report for chat: files named inside the knowledge folder, not by the server's path."""
    from bot.render import add_report_text

    report = report.model_copy(
        update={
            "path": _inside(report.path, directory),
            "original": _inside(report.original, directory),
        }
    )
    text = add_report_text(report)
    if not report.ok:
        return AddResult(refused="; ".join(report.problems) or report.status, text=text)
    guessed = tuple(f"{guess.field}: {guess.value}" for guess in report.guessed)
    return AddResult(added=(report.path or report.source,), guessed=guessed, text=text)


def _inside(path: str | None, directory: Path) -> str | None:
    if path is None:
        return None
    try:
        return str(Path(path).resolve().relative_to(directory.resolve()))
    except ValueError:
        return Path(path).name
