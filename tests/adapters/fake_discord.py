"""A fake Discord on 127.0.0.1: the REST routes discord.py calls and a plain-JSON gateway.

The real discord.py client talks to it once ``FakeDiscord.patch_discord_py`` has pointed
``discord.http.Route.BASE`` and the default gateway URL here. Every REST request is recorded
as a ``RestCall``; a test pushes gateway dispatches (``INTERACTION_CREATE`` for slash commands
and button clicks, ``MESSAGE_CREATE`` for mentions and DMs, ``GUILD_CREATE``) and then waits,
with a bound, for the calls the bot makes in reply.

The gateway sends text frames. discord.py asks for ``compress=zlib-stream`` (or zstd) in the
URL but only decompresses binary frames, so uncompressed JSON text is accepted as it is.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pytest
from aiohttp import WSMsgType, web

if TYPE_CHECKING:
    import discord

API_PREFIX = "/api/v10"
EPHEMERAL = 1 << 6
LOADING = 1 << 7
DEFERRED_CHANNEL_MESSAGE = 5
CHANNEL_MESSAGE = 4
UPDATE_MESSAGE = 7
APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
BUTTON = 2
STRING_OPTION = 3
BOOLEAN_OPTION = 5
ATTACHMENT_OPTION = 11
PUBLIC_THREAD = 11
MANAGE_GUILD = 1 << 5
MESSAGE_CONTENT = 1 << 15
"""The privileged gateway intent for the content of messages that do not mention the bot."""
EVERYDAY_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 16) | (1 << 31)
"""View channel, send messages, read history, use application commands."""

CONNECT_TIMEOUT = 10.0

_HELLO, _HEARTBEAT, _IDENTIFY, _HEARTBEAT_ACK, _DISPATCH = 10, 1, 2, 11, 0


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


def user_payload(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "discriminator": "0",
        "global_name": name.title(),
        "avatar": None,
        "bot": bot,
    }


TOKEN = "fake.discord.token-for-tests"
GUILD_ID = 800_000_000_000_000_001
CHANNEL_ID = 800_000_000_000_000_002
MODERATOR_ROLE_ID = 800_000_000_000_000_003
OTHER_ROLE_ID = 800_000_000_000_000_004
READER = user_payload(700_000_000_000_000_001, "rita")
MODERATOR = user_payload(700_000_000_000_000_002, "maya")


@dataclass(frozen=True)
class UploadedFile:
    field: str
    filename: str | None
    content: bytes


@dataclass(frozen=True)
class RestCall:
    """One REST request the bot made; ``path`` has no ``/api/v10`` prefix."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: tuple[UploadedFile, ...]
    authorization: str | None
    at: float

    @property
    def messages_payload(self) -> dict[str, Any]:
        """The message body of a send, edit or interaction callback (``data`` for callbacks)."""
        body = self.json if isinstance(self.json, dict) else {}
        return body.get("data") or {} if self.path.endswith("/callback") else body


@dataclass(frozen=True)
class PushedInteraction:
    """An interaction the fake delivered, with the moment it left the gateway."""

    payload: dict[str, Any]
    sent_at: float

    @property
    def id(self) -> int:
        return int(self.payload["id"])

    @property
    def token(self) -> str:
        return self.payload["token"]

    @property
    def callback_path(self) -> str:
        return f"/interactions/{self.id}/{self.token}/callback"

    @property
    def webhook_path(self) -> str:
        return f"/webhooks/{self.payload['application_id']}/{self.token}"

    @property
    def original_path(self) -> str:
        return f"{self.webhook_path}/messages/@original"


@dataclass
class FakeGuild:
    """A guild with one text channel, an @everyone role, and optional extra roles."""

    id: int
    channel_id: int
    name: str = "Newsroom"
    roles: dict[int, str] = field(default_factory=dict)

    def payload(self, bot_user: dict[str, Any]) -> dict[str, Any]:
        everyone = {"id": str(self.id), "name": "@everyone", "permissions": "0", "position": 0}
        roles = [everyone] + [
            {"id": str(role_id), "name": name, "permissions": "0", "position": position}
            for position, (role_id, name) in enumerate(self.roles.items(), start=1)
        ]
        channel = {
            "id": str(self.channel_id),
            "type": 0,
            "guild_id": str(self.id),
            "name": "news",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
        }
        me = {"user": bot_user, "roles": [], "joined_at": _now_iso(), "flags": 0}
        return {
            "id": str(self.id),
            "name": self.name,
            "owner_id": "1",
            "unavailable": False,
            "member_count": 2,
            "roles": roles,
            "channels": [channel],
            "members": [me],
            "threads": [],
            "features": [],
        }


class FakeDiscord:
    """The fake server. Use as ``async with FakeDiscord(token=...) as fake``."""

    def __init__(
        self,
        *,
        token: str,
        application_id: int = 900_000_000_000_000_001,
        bot_id: int = 900_000_000_000_000_002,
    ) -> None:
        self.token = token
        self.application_id = application_id
        self.bot_user = user_payload(bot_id, "newsdesk", bot=True)
        self.guilds: dict[int, FakeGuild] = {}
        self.calls: list[RestCall] = []
        self.commands: dict[int | None, list[dict[str, Any]]] = {}
        """Registered application commands by guild id (``None`` for global)."""
        self.messages: dict[int, dict[str, Any]] = {}
        self.interactions: dict[int, dict[str, Any]] = {}
        self.files: dict[str, tuple[bytes, str]] = {}
        """The CDN: attachment file name -> (bytes, content type), served at ``/files/``."""
        self.downloads: list[str] = []
        """File names fetched from the fake CDN, in order."""
        self.threads: dict[int, dict[str, Any]] = {}
        """Threads the bot started, by id (the id of the message they were started on)."""
        self.originals: dict[str, dict[str, Any]] = {}
        """Each interaction's original response message, by interaction token."""
        self.identify: dict[str, Any] | None = None
        self.ready_gate = asyncio.Event()
        """Cleared, the gateway holds READY after IDENTIFY until it is set (bounded wait)."""
        self.ready_gate.set()
        self._identified = asyncio.Event()
        self.fail_next: dict[str, int] = {}
        """Path prefix -> HTTP status to answer once instead of the normal reply."""
        self._ids = itertools.count(1_300_000_000_000_000_000)
        self._sequence = itertools.count(1)
        self._changed = asyncio.Condition()
        self._socket: web.WebSocketResponse | None = None
        self._connected = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    @property
    def bot_id(self) -> int:
        return int(self.bot_user["id"])

    @property
    def gateway_url(self) -> str:
        return self.base_url.replace("http://", "ws://") + "/gateway"

    def next_id(self) -> int:
        return next(self._ids)

    async def __aenter__(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/files/{name}", self._file)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._socket is not None and not self._socket.closed:
            await self._socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def patch_discord_py(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Point discord.py's REST base and its default gateway at this server."""
        import discord.gateway
        import discord.http
        import yarl

        monkeypatch.setattr(discord.http.Route, "BASE", self.base_url + API_PREFIX)
        monkeypatch.setattr(
            discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(self.gateway_url)
        )

    # ---- waiting -------------------------------------------------------------------------

    async def wait_for_call(
        self, predicate: Callable[[RestCall], bool], *, timeout: float = 5.0, after: int = 0
    ) -> RestCall:
        """The first recorded call (from index ``after``) that matches, waiting up to ``timeout``."""

        def find() -> RestCall | None:
            return next((call for call in self.calls[after:] if predicate(call)), None)

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(find), timeout)
        found = find()
        assert found is not None
        return found

    async def wait_connected(self, timeout: float = 5.0) -> None:
        await asyncio.wait_for(self._connected.wait(), timeout)

    async def wait_identified(self, timeout: float = 5.0) -> None:
        """Until the bot has sent IDENTIFY (READY may still be held by ``ready_gate``)."""
        await asyncio.wait_for(self._identified.wait(), timeout)

    def calls_to(self, path: str, method: str | None = None) -> list[RestCall]:
        return [c for c in self.calls if c.path == path and method in (None, c.method)]

    async def _record(self, call: RestCall) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    # ---- gateway -------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._socket = socket
        await socket.send_json({"op": _HELLO, "d": {"heartbeat_interval": 45_000}})
        async for message in socket:
            if message.type != WSMsgType.TEXT:
                break
            await self._gateway_message(socket, json.loads(message.data))
        self._connected.clear()
        return socket

    async def _gateway_message(self, socket: web.WebSocketResponse, message: dict) -> None:
        if message["op"] == _HEARTBEAT:
            await socket.send_json({"op": _HEARTBEAT_ACK})
        elif message["op"] == _IDENTIFY:
            if message["d"]["token"] != self.token:
                await socket.close(code=4004, message=b"Authentication failed.")
                return
            self.identify = message["d"]
            self._identified.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.ready_gate.wait(), CONNECT_TIMEOUT)
            await self.dispatch("READY", self._ready_payload())
            for guild in self.guilds.values():
                await self.dispatch("GUILD_CREATE", guild.payload(self.bot_user))
            self._connected.set()

    def _ready_payload(self) -> dict[str, Any]:
        """READY as Discord sends it; a sharded IDENTIFY gets its ``shard`` pair back."""
        shard = (self.identify or {}).get("shard")
        return {
            "v": 10,
            "user": self.bot_user,
            "guilds": [{"id": str(gid), "unavailable": True} for gid in self.guilds],
            "session_id": "fake-session",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            **({"shard": shard} if shard else {}),
        }

    async def dispatch(self, event: str, data: dict[str, Any]) -> float:
        """Send one DISPATCH frame; returns the monotonic time it was sent."""
        if self._socket is None or self._socket.closed:
            raise RuntimeError("the bot is not connected to the fake gateway")
        await self._socket.send_json(
            {"op": _DISPATCH, "t": event, "s": next(self._sequence), "d": data}
        )
        return time.monotonic()

    async def add_guild(self, guild: FakeGuild) -> None:
        """Make the bot a member of ``guild`` (sent at once when connected, else in READY)."""
        self.guilds[guild.id] = guild
        if self._connected.is_set():
            await self.dispatch("GUILD_CREATE", guild.payload(self.bot_user))

    # ---- the CDN -------------------------------------------------------------------------

    def attach(
        self, filename: str, content: bytes, content_type: str = "text/markdown", size: int = -1
    ) -> dict[str, Any]:
        """Store a file on the fake CDN; the attachment object a message or command carries.

        ``size`` is what Discord announces (by default the real size).
        """
        self.files[filename] = (content, content_type)
        return {
            "id": str(self.next_id()),
            "filename": filename,
            "size": len(content) if size < 0 else size,
            "url": f"{self.base_url}/files/{filename}",
            "proxy_url": f"{self.base_url}/files/{filename}",
            "content_type": content_type,
        }

    async def _file(self, request: web.Request) -> web.Response:
        self.downloads.append(request.match_info["name"])
        stored = self.files.get(request.match_info["name"])
        if stored is None:
            return web.Response(status=404)
        return web.Response(body=stored[0], headers={"Content-Type": stored[1]})

    # ---- events a test pushes ------------------------------------------------------------

    async def slash_command(
        self,
        name: str,
        options: dict[str, str | bool | dict[str, Any]] | None = None,
        *,
        user: dict[str, Any],
        guild: FakeGuild | None = None,
        roles: tuple[int, ...] = (),
        permissions: int = EVERYDAY_PERMISSIONS,
    ) -> PushedInteraction:
        """Deliver ``/name`` as the Discord client would after the user submits it."""
        data: dict[str, Any] = {
            "id": str(self._command_id(name, guild)),
            "name": name,
            "type": 1,
            "options": [_option(key, value) for key, value in (options or {}).items()],
        }
        files = [value for value in (options or {}).values() if isinstance(value, dict)]
        if files:
            data["resolved"] = {"attachments": {file["id"]: file for file in files}}
        if guild is not None and any(c["name"] == name for c in self.commands.get(guild.id, [])):
            data["guild_id"] = str(guild.id)
        payload = self._interaction(APPLICATION_COMMAND, data, user, guild, roles, permissions)
        return await self._push_interaction(payload)

    async def click_button(
        self,
        message: dict[str, Any],
        custom_id: str,
        *,
        user: dict[str, Any],
        guild: FakeGuild | None = None,
        permissions: int = EVERYDAY_PERMISSIONS,
    ) -> PushedInteraction:
        data = {"custom_id": custom_id, "component_type": BUTTON}
        payload = self._interaction(MESSAGE_COMPONENT, data, user, guild, (), permissions)
        payload["message"] = message
        return await self._push_interaction(payload)

    async def post_message(
        self,
        content: str,
        *,
        author: dict[str, Any],
        guild: FakeGuild | None = None,
        mentions: tuple[dict[str, Any], ...] = (),
        mention_roles: tuple[int, ...] = (),
        channel_id: int | None = None,
        attachments: tuple[dict[str, Any], ...] = (),
        roles: tuple[int, ...] = (),
    ) -> dict[str, Any]:
        """A user's message: in ``guild``'s channel, or a DM when ``guild`` is None."""
        message = {
            "id": str(self.next_id()),
            "channel_id": str(channel_id or (guild.channel_id if guild else self.next_id())),
            "author": author,
            "content": content,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": list(mentions),
            "mention_roles": [str(role) for role in mention_roles],
            "attachments": list(attachments),
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
        }
        if guild is not None:
            message["guild_id"] = str(guild.id)
            message["member"] = {
                "roles": [str(role) for role in roles],
                "joined_at": _now_iso(),
                "flags": 0,
            }
        await self.dispatch("MESSAGE_CREATE", message)
        return message

    def _command_id(self, name: str, guild: FakeGuild | None) -> int:
        scopes = ([guild.id] if guild else []) + [None]
        for scope in scopes:
            for command in self.commands.get(scope, []):
                if command["name"] == name:
                    return int(command["id"])
        return self.next_id()

    def _interaction(
        self,
        kind: int,
        data: dict[str, Any],
        user: dict[str, Any],
        guild: FakeGuild | None,
        roles: tuple[int, ...],
        permissions: int,
    ) -> dict[str, Any]:
        interaction_id = self.next_id()
        payload: dict[str, Any] = {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "type": kind,
            "token": f"interaction-token-{interaction_id}",
            "version": 1,
            "data": data,
            "app_permissions": str(EVERYDAY_PERMISSIONS),
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if guild is None:
            channel_id = self.next_id()
            payload["user"] = user
            payload["channel"] = {"id": str(channel_id), "type": 1, "recipients": [user]}
            payload["channel_id"] = str(channel_id)
            payload["context"] = 1
            payload["authorizing_integration_owners"] = {"1": user["id"]}
        else:
            payload["guild_id"] = str(guild.id)
            payload["guild_locale"] = "en-US"
            payload["channel_id"] = str(guild.channel_id)
            payload["channel"] = guild.payload(self.bot_user)["channels"][0]
            payload["member"] = {
                "user": user,
                "roles": [str(role) for role in roles],
                "permissions": str(permissions),
                "joined_at": _now_iso(),
                "flags": 0,
            }
            payload["context"] = 0
            payload["authorizing_integration_owners"] = {"0": str(guild.id)}
        return payload

    async def _push_interaction(self, payload: dict[str, Any]) -> PushedInteraction:
        self.interactions[int(payload["id"])] = payload
        sent_at = await self.dispatch("INTERACTION_CREATE", payload)
        return PushedInteraction(payload=payload, sent_at=sent_at)

    # ---- REST ----------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body, files = await _read_body(request)
        call = RestCall(
            method=request.method,
            path=path,
            query=dict(request.query),
            json=body,
            files=files,
            authorization=request.headers.get("Authorization"),
            at=time.monotonic(),
        )
        await self._record(call)
        for prefix, status in list(self.fail_next.items()):
            if path.startswith(prefix):
                del self.fail_next[prefix]
                return _json({"message": "injected failure", "code": 0}, status=status)
        if _needs_bot_token(path) and call.authorization != f"Bot {self.token}":
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        return self._route(call)

    def _route(self, call: RestCall) -> web.StreamResponse:
        parts = call.path.strip("/").split("/")
        method = call.method
        if call.path == "/users/@me" and method == "GET":
            return _json(self.bot_user)
        if call.path == "/oauth2/applications/@me" and method == "GET":
            return _json(self._application())
        if call.path in ("/gateway", "/gateway/bot") and method == "GET":
            return _json(
                {
                    "url": self.gateway_url,
                    "shards": 1,
                    "session_start_limit": {
                        "total": 1000,
                        "remaining": 999,
                        "reset_after": 0,
                        "max_concurrency": 1,
                    },
                }
            )
        if parts[0] == "applications" and parts[-1] == "commands":
            return self._commands(call, int(parts[3]) if len(parts) == 5 else None)
        if parts[0] == "interactions" and parts[-1] == "callback" and method == "POST":
            return _json(self._callback(int(parts[1]), call))
        if parts[0] == "webhooks" and len(parts) >= 3:
            return self._webhook(call, parts)
        if parts[0] == "channels" and len(parts) == 3 and parts[2] == "typing":
            return web.Response(status=204)
        if parts[0] == "channels" and parts[-1] == "threads" and len(parts) == 5:
            return _json(self._thread(int(parts[1]), int(parts[3]), call))
        if (
            parts[0] == "channels"
            and len(parts) == 3
            and parts[2] == "messages"
            and method == "POST"
        ):
            return _json(self._message(int(parts[1]), call))
        return _json({"message": "404: Not Found (fake)", "code": 0}, status=404)

    def _application(self) -> dict[str, Any]:
        return {
            "id": str(self.application_id),
            "name": "Newsdesk",
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": user_payload(1, "owner"),
            "verify_key": "0" * 64,
            "flags": 0,
        }

    def _commands(self, call: RestCall, guild_id: int | None) -> web.Response:
        if call.method == "PUT":
            self.commands[guild_id] = [
                {
                    **command,
                    "id": str(self.next_id()),
                    "application_id": str(self.application_id),
                    "version": "1",
                    **({"guild_id": str(guild_id)} if guild_id else {}),
                }
                for command in call.json
            ]
        return _json(self.commands.get(guild_id, []))

    def _callback(self, interaction_id: int, call: RestCall) -> dict[str, Any]:
        """Create the interaction's original response (a "thinking" one for a defer)."""
        kind = call.json["type"]
        data = call.json.get("data") or {}
        interaction = self.interactions[interaction_id]
        result: dict[str, Any] = {
            "interaction": {
                "id": str(interaction_id),
                "type": interaction["type"],
                "response_message_loading": kind == DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(data.get("flags", 0) & EPHEMERAL),
            },
            "resource": {"type": kind},
        }
        if kind in (DEFERRED_CHANNEL_MESSAGE, CHANNEL_MESSAGE):
            body = data if kind == CHANNEL_MESSAGE else {"flags": data.get("flags", 0) | LOADING}
            message = self._message(int(interaction["channel_id"]), call, body=body, webhook=True)
            self.originals[interaction["token"]] = message
            result["interaction"]["response_message_id"] = message["id"]
            if kind == CHANNEL_MESSAGE:
                result["resource"]["message"] = message
        elif kind == UPDATE_MESSAGE and "message" in interaction:
            message = self.messages[int(interaction["message"]["id"])]
            result["resource"]["message"] = self._edit(message, data, call.files)
        return result

    def _webhook(self, call: RestCall, parts: list[str]) -> web.StreamResponse:
        token = parts[2]
        if len(parts) == 5 and parts[3] == "messages":
            return self._webhook_message(call, token, parts[4])
        if len(parts) == 3 and call.method == "POST":
            return _json(self._message(self._interaction_channel(token), call, webhook=True))
        return _json({"message": "404: Not Found (fake)", "code": 0}, status=404)

    def _webhook_message(self, call: RestCall, token: str, which: str) -> web.StreamResponse:
        """GET, PATCH or DELETE of an interaction's original response or one of its followups."""
        if which == "@original":
            message = self.originals.get(token)
        else:
            message = self.messages.get(int(which))
        if message is None:
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        if call.method == "DELETE":
            self.messages.pop(int(message["id"]), None)
            if self.originals.get(token) is message:
                del self.originals[token]
            return web.Response(status=204)
        if call.method == "PATCH":
            self._edit(message, call.json or {}, call.files)
        return _json(message)

    def _edit(
        self, message: dict[str, Any], body: dict[str, Any], files: tuple[UploadedFile, ...]
    ) -> dict[str, Any]:
        for key, empty in (("content", ""), ("embeds", []), ("components", [])):
            if key in body:
                message[key] = body[key] or empty
        if files or "attachments" in body:
            message["attachments"] = self._attachments(files)
        message["flags"] = message["flags"] & ~LOADING
        message["edited_timestamp"] = _now_iso()
        return message

    def _attachments(self, files: tuple[UploadedFile, ...]) -> list[dict[str, Any]]:
        return [
            {
                "id": str(self.next_id()),
                "filename": file.filename,
                "size": len(file.content),
                "url": f"{self.base_url}/attachments/{file.filename}",
                "proxy_url": f"{self.base_url}/attachments/{file.filename}",
            }
            for file in files
        ]

    def _thread(self, channel_id: int, message_id: int, call: RestCall) -> dict[str, Any]:
        """A public thread started on a message: it has the message's id."""
        guild_id = next(
            (gid for gid, guild in self.guilds.items() if guild.channel_id == channel_id), None
        )
        thread = {
            "id": str(message_id),
            "type": PUBLIC_THREAD,
            "guild_id": str(guild_id),
            "parent_id": str(channel_id),
            "owner_id": str(self.bot_id),
            "name": (call.json or {}).get("name", ""),
            "last_message_id": None,
            "message_count": 0,
            "member_count": 1,
            "rate_limit_per_user": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": (call.json or {}).get("auto_archive_duration", 1440),
                "archive_timestamp": _now_iso(),
                "locked": False,
            },
        }
        self.threads[message_id] = thread
        return thread

    def _interaction_channel(self, token: str) -> int:
        for interaction in self.interactions.values():
            if interaction["token"] == token:
                return int(interaction["channel_id"])
        return self.next_id()

    def _message(
        self,
        channel_id: int,
        call: RestCall,
        *,
        body: dict[str, Any] | None = None,
        webhook: bool = False,
    ) -> dict[str, Any]:
        """The message object Discord would return for a send, and remember it."""
        sent = body if body is not None else (call.json if isinstance(call.json, dict) else {})
        message = {
            "id": str(self.next_id()),
            "channel_id": str(channel_id),
            "author": self.bot_user,
            "content": sent.get("content") or "",
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": self._attachments(call.files),
            "embeds": sent.get("embeds") or [],
            "pinned": False,
            "type": 19 if sent.get("message_reference") else 0,
            "flags": sent.get("flags", 0),
            "components": sent.get("components") or [],
        }
        if webhook:
            message["webhook_id"] = str(self.application_id)
            message["application_id"] = str(self.application_id)
        self.messages[int(message["id"])] = message
        return message


def _json(data: Any, status: int = 200) -> web.Response:
    """Exactly ``application/json``: discord.py compares the header without parameters."""
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"}
    )


def _option(name: str, value: str | bool | dict[str, Any]) -> dict[str, Any]:
    if isinstance(value, dict):
        return {"name": name, "type": ATTACHMENT_OPTION, "value": value["id"]}
    kind = BOOLEAN_OPTION if isinstance(value, bool) else STRING_OPTION
    return {"name": name, "type": kind, "value": value}


def _needs_bot_token(path: str) -> bool:
    """Interaction callbacks and interaction webhooks authenticate with their own token."""
    return not path.startswith(("/interactions/", "/webhooks/"))


async def _read_body(request: web.Request) -> tuple[Any, tuple[UploadedFile, ...]]:
    if not request.can_read_body:
        return None, ()
    if request.content_type.startswith("multipart/"):
        payload: Any = None
        files = []
        reader = await request.multipart()
        async for part in reader:
            content = await part.read()  # type: ignore[union-attr]
            if part.name == "payload_json":  # type: ignore[union-attr]
                payload = json.loads(content)
            else:
                files.append(UploadedFile(part.name or "", part.filename, bytes(content)))  # type: ignore[union-attr]
        return payload, tuple(files)
    text = await request.text()
    return (json.loads(text) if text else None), ()


@contextlib.asynccontextmanager
async def connected(client: discord.Client, fake: FakeDiscord) -> AsyncIterator[discord.Client]:
    """Run ``client`` against ``fake`` for the block; always closes it, within bounds."""
    task = asyncio.create_task(client.start(fake.token))
    try:
        waiter = asyncio.create_task(fake.wait_connected(CONNECT_TIMEOUT))
        done, _ = await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            waiter.cancel()
            task.result()
            raise RuntimeError("the client stopped before connecting")
        waiter.result()
        yield client
    finally:
        await asyncio.wait_for(client.close(), CONNECT_TIMEOUT)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(task, CONNECT_TIMEOUT)
