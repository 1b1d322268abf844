"""Downloading a file a user attached, from the platform's own file host, within a size limit."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from bot.desk.adding import AttachmentFetcher, AttachmentTooLarge
from bot.desk.models import Attachment

DOWNLOAD_SECONDS = 20.0
CHUNK = 64 * 1024


def on_host(url: str, hosts: Iterable[str]) -> bool:
    """Whether ``url`` is https (or http on loopback, for tests) on one of ``hosts``."""
    parts = urlsplit(url)
    allowed = parts.scheme == "https" or (parts.scheme == "http" and parts.hostname == "127.0.0.1")
    return allowed and parts.hostname in set(hosts)


def download(url: str, limit: int, headers: Mapping[str, str] | None = None) -> bytes:
    """At most ``limit`` bytes from ``url``; ``AttachmentTooLarge`` beyond, ``OSError`` on failure.

    Redirects are not followed off the first host: a file host that sends elsewhere is refused.
    """
    request = urllib.request.Request(url, headers=dict(headers or {}))
    with urllib.request.urlopen(request, timeout=DOWNLOAD_SECONDS) as response:
        if urlsplit(response.geturl()).hostname != urlsplit(url).hostname:
            raise OSError(f"the file host redirected to {urlsplit(response.geturl()).hostname}")
        data = bytearray()
        while chunk := response.read(CHUNK):
            data += chunk
            if len(data) > limit:
                raise AttachmentTooLarge(url)
    return bytes(data)


def attachment_fetcher(
    hosts: Iterable[str], headers: Mapping[str, str] | None = None
) -> AttachmentFetcher:
    """The desk's ``AttachmentFetcher`` for one platform: its hosts, its credentials."""
    allowed = frozenset(hosts)

    def fetch(attachment: Attachment, limit: int) -> bytes:
        if not on_host(attachment.url, allowed):
            raise OSError("not on the platform's file host")
        return download(attachment.url, limit, headers)

    return fetch
