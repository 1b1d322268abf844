"""A fake Slack on 127.0.0.1: the Web API, response URLs and file upload URLs, all recorded.

The bot's real ``WebClient`` talks to it through ``base_url``; slash commands and block actions
carry a ``response_url`` that points here too, so every message the bot sends, by any route, lands
in ``FakeSlack.calls``. Modelled on slack-bolt's own ``tests/mock_web_api_server``.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

RESPONSE_URL = "response_url"
FILE_UPLOAD = "file_upload"

_JSON_FORM_FIELDS = ("blocks", "attachments", "files", "metadata")


@dataclass(frozen=True)
class ApiCall:
    """One request the bot made: a Web API method, a response URL post or a file upload."""

    method: str
    params: dict[str, Any]
    path: str
    token: str | None
    body: bytes = b""

    def text_and_blocks(self) -> str:
        """The fallback text and every block's text, joined, for substring assertions."""
        return "\n".join([str(self.params.get("text", "")), *_block_texts(self.params)])


def _block_texts(params: dict[str, Any]) -> Iterator[str]:
    for block in params.get("blocks") or []:
        yield from _texts_in(block)


def _texts_in(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("text"), str):
            yield node["text"]
        for value in node.values():
            if isinstance(value, dict | list):
                yield from _texts_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts_in(item)


@dataclass
class _RateLimit:
    retry_after: int
    times: int


@dataclass
class _Failure:
    error: str
    times: int


@dataclass
class FakeSlack:
    """A recording Slack Web API. Use as a context manager, or ``start()`` and ``stop()``."""

    token: str = "xoxb-fake-bot-token"
    team_id: str = "T0FAKE"
    bot_user_id: str = "UBOT"
    bot_id: str = "BBOT"
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: list[ApiCall] = field(default_factory=list, init=False)
    _server: ThreadingHTTPServer | None = field(default=None, init=False, repr=False)
    _thread: threading.Thread | None = field(default=None, init=False, repr=False)
    _changed: threading.Condition = field(default_factory=threading.Condition, init=False)
    _failures: dict[str, _Failure] = field(default_factory=dict, init=False)
    _rate_limits: dict[str, _RateLimit] = field(default_factory=dict, init=False)
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict, init=False)
    """The file host: name -> (bytes, mimetype), served at ``/files/`` to the bot token only."""
    downloads: list[str] = field(default_factory=list, init=False)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1), init=False)

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def origin(self) -> str:
        assert self._server is not None, "FakeSlack is not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def base_url(self) -> str:
        """What ``WebClient(base_url=...)`` needs: the Web API root with its trailing slash."""
        return f"{self.origin}/api/"

    def response_url(self, name: str = "cmd") -> str:
        """A response URL for a slash command or block action payload."""
        return f"{self.origin}/respond/{name}"

    # -- scripting -------------------------------------------------------------------------------

    def fail(self, method: str, error: str, times: int = 1) -> None:
        """Answer the next ``times`` calls of ``method`` with ``{"ok": false, "error": error}``."""
        self._failures[method] = _Failure(error, times)

    def rate_limit(self, method: str, retry_after: int = 1, times: int = 1) -> None:
        """Answer the next ``times`` calls of ``method`` with HTTP 429 and ``Retry-After``."""
        self._rate_limits[method] = _RateLimit(retry_after, times)

    def host_file(
        self, name: str, content: bytes, mimetype: str = "text/markdown"
    ) -> dict[str, Any]:
        """Store a file; the file object a ``file_share`` message or mention carries."""
        self.files[name] = (content, mimetype)
        url = f"{self.origin}/files/{name}"
        return {
            "id": f"F{len(self.files):08d}",
            "name": name,
            "mimetype": mimetype,
            "size": len(content),
            "url_private": url,
            "url_private_download": url,
        }

    def add_user(self, user_id: str, *, admin: bool = False, owner: bool = False) -> None:
        self.users[user_id] = {
            "id": user_id,
            "team_id": self.team_id,
            "name": user_id.lower(),
            "is_admin": admin,
            "is_owner": owner,
            "is_primary_owner": False,
            "is_bot": False,
        }

    # -- inspection ------------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[ApiCall]:
        with self._changed:
            return [call for call in self.calls if call.method == method]

    def wait_for(
        self,
        method: str,
        where: Callable[[ApiCall], bool] = lambda call: True,
        *,
        count: int = 1,
        timeout: float = 5.0,
    ) -> list[ApiCall]:
        """Block until ``count`` calls of ``method`` match ``where``; fail with what was seen."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                matching = [c for c in self.calls if c.method == method and where(c)]
                if len(matching) >= count:
                    return matching
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.params) for c in self.calls]
                    raise AssertionError(f"no {count} x {method} within {timeout}s; saw {seen}")
                self._changed.wait(left)

    def quiet_for(self, seconds: float, method: str) -> list[ApiCall]:
        """Wait up to ``seconds`` for a new call of ``method``; return such calls (none is good)."""
        deadline = time.monotonic() + seconds
        with self._changed:
            before = len(self.calls)
            while (left := deadline - time.monotonic()) > 0:
                fresh = [c for c in self.calls[before:] if c.method == method]
                if fresh:
                    return fresh
                self._changed.wait(left)
            return [c for c in self.calls[before:] if c.method == method]

    # -- the API ---------------------------------------------------------------------------------

    def _record(self, call: ApiCall) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _next_ts(self) -> str:
        return f"1700000000.{next(self._ids):06d}"

    def _answer(self, call: ApiCall) -> dict[str, Any]:
        if call.token != self.token:
            return {"ok": False, "error": "invalid_auth"}
        failure = self._failures.get(call.method)
        if failure is not None and failure.times > 0:
            failure.times -= 1
            return {"ok": False, "error": failure.error}
        build = _API_ANSWERS.get(call.method)
        if build is None:
            return {"ok": False, "error": "unknown_method"}
        return {"ok": True, **build(self, call.params)}


def _auth_test(fake: FakeSlack, params: dict[str, Any]) -> dict[str, Any]:
    return {
        "url": "https://fake.slack.com/",
        "team": "Fake Newsroom",
        "team_id": fake.team_id,
        "user": "newsdesk",
        "user_id": fake.bot_user_id,
        "bot_id": fake.bot_id,
    }


def _post_message(fake: FakeSlack, params: dict[str, Any]) -> dict[str, Any]:
    ts = fake._next_ts()
    message = {"type": "message", "ts": ts, "text": params.get("text", ""), "bot_id": fake.bot_id}
    return {"channel": params.get("channel"), "ts": ts, "message": message}


def _post_ephemeral(fake: FakeSlack, params: dict[str, Any]) -> dict[str, Any]:
    return {"message_ts": fake._next_ts()}


def _update(fake: FakeSlack, params: dict[str, Any]) -> dict[str, Any]:
    return {"channel": params.get("channel"), "ts": params.get("ts"), "text": params.get("text")}


def _users_info(fake: FakeSlack, params: dict[str, Any]) -> dict[str, Any]:
    user = fake.users.get(str(params.get("user")))
    if user is None:
        return {"ok": False, "error": "user_not_found"}
    return {"user": user}


def _get_upload_url(fake: FakeSlack, params: dict[str, Any]) -> dict[str, Any]:
    file_id = f"F{next(fake._ids):08d}"
    return {"upload_url": f"{fake.origin}/upload/{file_id}", "file_id": file_id}


def _complete_upload(fake: FakeSlack, params: dict[str, Any]) -> dict[str, Any]:
    files = params.get("files") or []
    return {"files": [{"id": f.get("id"), "title": f.get("title")} for f in files]}


def _open_conversation(fake: FakeSlack, params: dict[str, Any]) -> dict[str, Any]:
    """A direct-message channel with the user (``users``), named after them."""
    return {"channel": {"id": f"D{params.get('users', '')}"}}


def _empty(fake: FakeSlack, params: dict[str, Any]) -> dict[str, Any]:
    return {}


_API_ANSWERS: dict[str, Callable[[FakeSlack, dict[str, Any]], dict[str, Any]]] = {
    "auth.test": _auth_test,
    "chat.postMessage": _post_message,
    "chat.postEphemeral": _post_ephemeral,
    "chat.update": _update,
    "chat.delete": _empty,
    "reactions.add": _empty,
    "reactions.remove": _empty,
    "users.info": _users_info,
    "files.getUploadURLExternal": _get_upload_url,
    "files.completeUploadExternal": _complete_upload,
    "conversations.open": _open_conversation,
}


def _parse_params(content_type: str, query: str, body: bytes) -> dict[str, Any]:
    params: dict[str, Any] = dict(parse_qsl(query))
    if content_type.startswith("application/json") and body:
        params.update(json.loads(body))
    elif content_type.startswith("application/x-www-form-urlencoded"):
        params.update(parse_qsl(body.decode("utf-8")))
    for name in _JSON_FORM_FIELDS:
        if isinstance(params.get(name), str):
            params[name] = json.loads(params[name])
    return params


def _handler_for(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def do_GET(self) -> None:
            self._handle()

        def do_POST(self) -> None:
            self._handle()

        def _handle(self) -> None:
            url = urlsplit(self.path)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            auth = self.headers.get("Authorization") or ""
            token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None
            if url.path.startswith("/files/"):
                self._file(url.path.removeprefix("/files/"), token)
            elif url.path.startswith("/api/") and self._rate_limited(
                url.path.removeprefix("/api/")
            ):
                pass
            elif url.path.startswith("/upload/"):
                fake._record(ApiCall(FILE_UPLOAD, {}, url.path, token, body))
                self._reply(HTTPStatus.OK, f"OK - {len(body)}".encode(), "text/plain")
            elif url.path.startswith("/respond/"):
                params = _parse_params(self.headers.get("Content-Type") or "", "", body)
                fake._record(ApiCall(RESPONSE_URL, params, url.path, token, body))
                self._reply(HTTPStatus.OK, b"ok", "text/plain")
            elif url.path.startswith("/api/"):
                content_type = self.headers.get("Content-Type") or ""
                params = _parse_params(content_type, url.query, body)
                call = ApiCall(url.path.removeprefix("/api/"), params, url.path, token, body)
                answer = fake._answer(call)
                fake._record(call)
                self._reply(HTTPStatus.OK, json.dumps(answer).encode(), "application/json")
            else:
                self._reply(HTTPStatus.NOT_FOUND, b"not found", "text/plain")

        def _file(self, name: str, token: str | None) -> None:
            fake.downloads.append(name)
            stored = fake.files.get(name)
            if stored is None or token != fake.token:
                self._reply(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
                return
            self._reply(HTTPStatus.OK, stored[0], stored[1])

        def _rate_limited(self, method: str) -> bool:
            limit = fake._rate_limits.get(method)
            if limit is None or limit.times <= 0:
                return False
            limit.times -= 1
            fake._record(ApiCall(method, {"rate_limited": True}, f"/api/{method}", None, b""))
            payload = json.dumps({"ok": False, "error": "ratelimited"}).encode()
            self.send_response(HTTPStatus.TOO_MANY_REQUESTS)
            self.send_header("Retry-After", str(limit.retry_after))
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return True

        def _reply(self, status: HTTPStatus, payload: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    return Handler
