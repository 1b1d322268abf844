"""A real HTTP server on 127.0.0.1 (and one on 127.0.0.2) serving the pages a test sets up."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.ingest.fetch import FetchPolicy, parse_networks

Route = Callable[["PageHandler"], None]

NEWS_PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Harbour reopens after the storm | The Coast Herald</title>
<meta property="og:title" content="Harbour reopens after the storm">
<meta property="og:site_name" content="The Coast Herald">
<meta name="author" content="Mira Castell">
<meta property="article:published_time" content="2024-03-14T08:00:00+00:00">
<meta property="article:modified_time" content="2024-03-16T10:00:00+00:00">
<link rel="canonical" href="https://coastherald.example/2024/03/14/harbour-reopens">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour reopens after the storm</h1>
<p>The harbour of Ashford reopened to fishing boats on Thursday, three days after the storm
tore two piers from their moorings and sank a ferry at its berth.</p>
<p>Harbour master Olu Bankole said divers had cleared the channel overnight and that the
ferry would be raised by a crane barge from Dunmore next week.</p>
<p>Fishermen said they had lost a week of catch, and the council promised a relief fund of
40,000 pounds for the crews whose boats were damaged.</p>
</article>
<footer><p>Follow us on our official WhatsApp channel for the latest news.</p>
<p>© 2024 The Coast Herald. All rights reserved.</p></footer>
</body></html>
"""


class PageHandler(BaseHTTPRequestHandler):
    server: PageServer._Server

    def do_GET(self) -> None:
        self.server.owner.requests.append((self.path, self.headers.get("Host", "")))
        route = self.server.owner.routes.get(self.path)
        if route is None:
            self.reply(404, b"not here", "text/plain")
        else:
            route(self)

    def reply(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return None


@dataclass
class PageServer:
    """Routes by path; every request is recorded as (path, Host header)."""

    host: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    """Set at teardown, so that a handler made to hang returns at once."""

    class _Server(ThreadingHTTPServer):
        daemon_threads = True
        owner: PageServer

        def handle_error(self, request: object, client_address: object) -> None:
            return None  # a client that gave up (a size limit) resets the connection

    def start(self) -> PageServer:
        self._server = self._Server((self.host, 0), PageHandler)
        self._server.owner = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8"):
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = lambda handler: handler.reply(200, data, content_type)


@pytest.fixture
def server() -> Iterator[PageServer]:
    page_server = PageServer("127.0.0.1").start()
    yield page_server
    page_server.stop()


@pytest.fixture
def other_server() -> Iterator[PageServer]:
    """A second loopback server, on 127.0.0.2, outside the tests' allowed network."""
    page_server = PageServer("127.0.0.2").start()
    yield page_server
    page_server.stop()


@pytest.fixture
def policy() -> FetchPolicy:
    """Private addresses refused, except 127.0.0.1 where the test server listens."""
    return FetchPolicy(timeout_seconds=5, allowed_networks=parse_networks(["127.0.0.1/32"]))
