"""Fetching one page for ``add``, safely: the moderator gives the address, not the bot's host.

A page is fetched with aiohttp, redirects are followed by hand so that every hop is checked
again, and the body is read in chunks until the size limit. Only ``http``/``https``, only
``text/html`` or ``text/plain``, and never an address in a private, loopback, link-local,
reserved, multicast or otherwise non-global range unless the settings allow it.

The address check runs in aiohttp's resolver: the addresses it checks are the very addresses
the connection is made to, so a name that resolves to a public address when checked and to a
private one a moment later (DNS rebinding) cannot slip through. Addresses written in the URL
itself (``http://10.0.0.1/``) never reach a resolver and are checked before the request.
Proxies from the environment are not used (``trust_env=False``), so nothing is relayed
through a host the check did not see.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from email.message import Message

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

from bot.config import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Lookup = Callable[[str, int], Awaitable[list[str]]]
"""Resolves a host name and port to IP addresses (tests give their own)."""

ACCEPTED_TYPES = ("text/html", "text/plain")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "newsdesk-bot/0.1 (fetching one article a moderator asked for)"
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A page that could not or may not be fetched; the message is one line saying why."""


@dataclass(frozen=True)
class FetchPolicy:
    """The limits of one fetch."""

    max_bytes: int = 10_000_000
    timeout_seconds: float = 20.0
    max_redirects: int = 5
    allow_private: bool = False
    allowed_networks: tuple[IPNetwork, ...] = ()
    """Private networks allowed all the same (an intranet news site; a test server)."""
    lookup: Lookup | None = field(default=None, compare=False)
    """How host names are resolved; ``None``: the system resolver."""

    def refusal(self, address: IPAddress) -> str | None:
        """The kind of range that keeps ``address`` out ("loopback"), or ``None``."""
        if self.allow_private or address.is_global:
            return None
        if any(address in network for network in self.allowed_networks):
            return None
        return _address_kind(address)


@dataclass(frozen=True)
class FetchedPage:
    """A page's bytes as served, from the address the last redirect led to."""

    url: str
    content_type: str
    charset: str | None
    data: bytes

    @property
    def is_html(self) -> bool:
        return self.content_type == "text/html"


def fetch_page(url: str, policy: FetchPolicy) -> FetchedPage:
    """``fetch_page_async`` from synchronous code (a command, or a worker thread)."""
    return asyncio.run(fetch_page_async(url, policy))


async def fetch_page_async(url: str, policy: FetchPolicy) -> FetchedPage:
    """Fetch ``url`` within ``policy``; ``FetchError`` says in one line why not."""
    connector = aiohttp.TCPConnector(resolver=CheckedResolver(policy), use_dns_cache=False)
    timeout = aiohttp.ClientTimeout(total=policy.timeout_seconds)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9"}
    try:
        async with (
            asyncio.timeout(policy.timeout_seconds),
            aiohttp.ClientSession(
                connector=connector, timeout=timeout, headers=headers, trust_env=False
            ) as session,
        ):
            return await _follow(session, _checked_url(url, policy), policy)
    except TimeoutError:
        raise FetchError(f"no complete answer within {policy.timeout_seconds:g} s") from None
    except AddressRefused as error:
        raise FetchError(f"refused: {error}") from None
    except aiohttp.ClientConnectorDNSError as error:
        if isinstance(error.os_error, AddressRefused):
            raise FetchError(f"refused: {error.os_error}") from None
        raise FetchError(f"cannot resolve {error.host}") from None
    except aiohttp.ClientConnectorError as error:
        raise FetchError(f"cannot connect to {error.host}:{error.port}") from None
    except aiohttp.ClientError as error:
        raise FetchError(f"the fetch failed ({type(error).__name__}: {error})") from None


async def _follow(session: aiohttp.ClientSession, url: URL, policy: FetchPolicy) -> FetchedPage:
    visited = [url]
    while True:
        async with session.get(url, allow_redirects=False) as response:
            location = response.headers.get("Location")
            if response.status in REDIRECT_STATUSES and location:
                url = _checked_url(str(url.join(URL(location))), policy)
                if url in visited:
                    hops = " → ".join(str(hop) for hop in [*visited, url])
                    raise FetchError(f"redirects in a loop ({hops})")
                if len(visited) > policy.max_redirects:
                    raise FetchError(f"more than {policy.max_redirects} redirects")
                visited.append(url)
                continue
            return await _page(response, url, policy)


async def _page(response: aiohttp.ClientResponse, url: URL, policy: FetchPolicy) -> FetchedPage:
    if response.status != 200:
        raise FetchError(f"the server answered {response.status} {response.reason or ''}".strip())
    content_type, charset = _media_type(response.headers.get("Content-Type", ""))
    if content_type not in ACCEPTED_TYPES:
        raise FetchError(f"not a web page or text (Content-Type: {content_type or 'none'})")
    declared = response.content_length
    if declared is not None and declared > policy.max_bytes:
        raise FetchError(_too_large(policy.max_bytes, declared))
    data = bytearray()
    async for chunk in response.content.iter_chunked(_CHUNK):
        data += chunk
        if len(data) > policy.max_bytes:
            raise FetchError(_too_large(policy.max_bytes))
    return FetchedPage(str(url), content_type, charset, bytes(data))


def _too_large(limit: int, size: int | None = None) -> str:
    detail = f"{size:,} bytes, " if size is not None else ""
    return f"the page is too large ({detail}over the {limit:,}-byte limit)"


def _media_type(header: str) -> tuple[str, str | None]:
    """``text/html; charset=utf-8`` → ("text/html", "utf-8"), parsed by the standard library."""
    message = Message()
    message["Content-Type"] = header or "application/octet-stream"
    return message.get_content_type(), message.get_content_charset()


def _checked_url(text: str, policy: FetchPolicy) -> URL:
    """The URL if its scheme and host are acceptable; an address written in it is checked."""
    try:
        url = URL(text.strip())
    except (ValueError, TypeError):
        raise FetchError(f"not a valid address: {text!r}") from None
    if url.scheme not in ("http", "https"):
        raise FetchError(f"only http and https addresses are fetched, not {text!r}")
    if not url.host:
        raise FetchError(f"no host name in {text!r}")
    try:
        literal = ipaddress.ip_address(url.host)
    except ValueError:
        return url
    if kind := policy.refusal(literal):
        raise FetchError(f"refused: {literal} is {_a(kind)} address")
    return url


class AddressRefused(OSError):
    """A host name resolves to an address the policy does not allow."""


class CheckedResolver(AbstractResolver):
    """aiohttp's resolver, refusing a host if *any* of its addresses is not allowed."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        addresses = [ipaddress.ip_address(a) for a in await self._lookup(host, port, family)]
        if not addresses:
            raise AddressRefused(f"{host} does not resolve to any address")
        for address in addresses:
            if kind := self.policy.refusal(address):
                raise AddressRefused(f"{host} resolves to {address}, {_a(kind)} address")
        return [_result(host, address, port) for address in addresses]

    async def _lookup(self, host: str, port: int, family: socket.AddressFamily) -> list[str]:
        if self.policy.lookup is not None:
            return await self.policy.lookup(host, port)
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, family=family, type=socket.SOCK_STREAM)
        except socket.gaierror as error:
            raise OSError(f"cannot resolve {host} ({error.strerror})") from None
        return list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))

    async def close(self) -> None:
        return None


def _result(host: str, address: IPAddress, port: int) -> ResolveResult:
    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    return {
        "hostname": host,
        "host": str(address),
        "port": port,
        "family": family,
        "proto": 0,
        "flags": socket.AI_NUMERICHOST,
    }


def _address_kind(address: IPAddress) -> str:
    kinds: Sequence[tuple[str, bool]] = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    )
    return next((kind for kind, matches in kinds if matches), "non-public")


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def parse_networks(values: Sequence[str]) -> tuple[IPNetwork, ...]:
    """``["127.0.0.1", "10.1.0.0/16"]`` → networks; a bare address is a one-address network."""
    return tuple(ipaddress.ip_network(value, strict=False) for value in values)


def fetch_policy(settings: Settings) -> FetchPolicy:
    """The fetch limits the settings give (``MAX_FILE_BYTES``, ``FETCH_*``)."""
    return FetchPolicy(
        max_bytes=settings.max_file_bytes,
        timeout_seconds=settings.fetch_timeout_seconds,
        max_redirects=settings.fetch_max_redirects,
        allow_private=settings.fetch_allow_private,
        allowed_networks=parse_networks(settings.fetch_allowed_networks),
    )
