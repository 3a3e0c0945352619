"""Loopback fake of Discord's REST API and gateway, for tests that run the real discord.py client.

The real client (command tree, context menus, views, DynamicItem, modals, threads) talks to
this fake over HTTP and a websocket on 127.0.0.1, so everything from payload parsing to the
outgoing HTTP calls is exercised without reaching discord.com.

Typical use (see ``tests/fakes/discord_fixtures.py`` for the fixtures)::

    async with discord_fake.run_client(bot):
        call = await discord_fake.interact(discord_fake.slash_command("review", {"text": "hi"},
                                                                      subcommand="forward"))
        assert call.json["data"]["content"] == "..."

Checked against discord.py 2.7.1 (pinned ``>=2.7.1,<2.8`` in pyproject.toml).  Pointing the
client at the fake needs two internals, ``discord.http.Route.BASE`` and
``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``; ``patch_discord_endpoints`` is the only
place that touches them.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import datetime as dt
import itertools
import json
import math
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Callable, Iterator, Optional, Union

import discord
import discord.gateway
import discord.http
import yarl
from aiohttp import WSMsgType, web

SUPPORTED_DISCORD_PY = ((2, 7, 1), (2, 8, 0))  # [min, max) of discord.py this fake was checked with
DISCORD_EPOCH_MS = 1420070400000
ALL_PERMISSIONS = str(discord.Permissions.all().value)
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024

# Interaction types and callback (response) types, as numbers on the wire.
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5
CB_MESSAGE, CB_DEFERRED_MESSAGE, CB_DEFERRED_UPDATE, CB_UPDATE, CB_AUTOCOMPLETE, CB_MODAL = 4, 5, 6, 7, 8, 9
EPHEMERAL_FLAG, LOADING_FLAG, HAS_THREAD_FLAG = 64, 128, 32

Json = dict[str, Any]

#: Keyword arguments for the client a test builds: with the default guild_ready_timeout (2 s)
#: READY waits that long for more GUILD_CREATEs; with 0 the wait is cancelled at once, so
#: ``on_guild_available`` never fires and READY races the GUILD_CREATE.
CLIENT_OPTIONS: dict[str, Any] = {"guild_ready_timeout": 0.05}


# --------------------------------------------------------------------------------------------
# Pointing discord.py at the fake
# --------------------------------------------------------------------------------------------


def check_discord_version() -> None:
    """Fail loudly on an unchecked discord.py: the patched attributes are internals."""
    low, high = SUPPORTED_DISCORD_PY
    got = tuple(discord.version_info[:3])
    if not (low <= got < high):
        raise RuntimeError(
            f"tests/fakes/discord_fake.py was checked with discord.py >={low},<{high}; found {got}. "
            "Re-check Route.BASE / DiscordWebSocket.DEFAULT_GATEWAY and the payload shapes."
        )


@contextlib.contextmanager
def patch_discord_endpoints(api_base: str, gateway_url: str) -> Iterator[None]:
    """Send discord.py's REST calls (webhooks and interaction callbacks included) and its
    gateway connection to the given URLs, and restore the originals afterwards.

    ``Route.BASE`` is read when a Route is built, so this covers every HTTP call;
    ``DEFAULT_GATEWAY`` is used for IDENTIFY (the fake's READY also gives its own URL as
    ``resume_gateway_url``, so a RESUME stays local too).
    """
    check_discord_version()
    route_cls = discord.http.Route
    ws_cls = discord.gateway.DiscordWebSocket
    old_base, old_gateway = route_cls.BASE, ws_cls.DEFAULT_GATEWAY
    route_cls.BASE = api_base.rstrip("/")
    ws_cls.DEFAULT_GATEWAY = yarl.URL(gateway_url)
    try:
        yield
    finally:
        route_cls.BASE = old_base
        ws_cls.DEFAULT_GATEWAY = old_gateway


# --------------------------------------------------------------------------------------------
# Recording and waiting
# --------------------------------------------------------------------------------------------


@dataclass
class Call:
    """One HTTP request the client made, as the fake received it."""

    method: str
    path: str  # below the API base, e.g. "/channels/1/messages"
    query: dict[str, str]
    json: Any  # JSON body, or the decoded multipart ``payload_json``; None when empty
    route: Optional[str] = None  # matched template, e.g. "/channels/{channel_id}/messages"; None if unknown
    params: dict[str, str] = field(default_factory=dict)  # values captured from the template
    files: list[Json] = field(default_factory=list)  # multipart files: field, filename, content_type, data
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 200
    response: Any = None

    def is_(self, method: str, route: str) -> bool:
        """True for this method and route template (``"POST", "/channels/{channel_id}/messages"``)."""
        return self.method == method and self.route == route

    def __repr__(self) -> str:
        body = json.dumps(self.json)[:200] if self.json is not None else ""
        return f"<Call {self.method} {self.path} {body}>"


class _Log:
    """An append-only list that coroutines can wait on, event-driven."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.items: list[Any] = []
        self._waiters: list[tuple[Callable[[Any], bool], int, asyncio.Future[Any]]] = []

    def append(self, item: Any) -> None:
        self.items.append(item)
        index = len(self.items) - 1
        for waiter in list(self._waiters):
            predicate, since, future = waiter
            if index < since or future.done():
                continue
            try:
                matched = predicate(item)
            except Exception as exc:  # a broken predicate fails the waiting test, not the fake
                future.set_exception(exc)
                self._waiters.remove(waiter)
                continue
            if matched:
                future.set_result(item)
                self._waiters.remove(waiter)

    async def wait_for(self, predicate: Callable[[Any], bool], timeout: float, since: int) -> Any:
        for item in self.items[since:]:
            if predicate(item):
                return item
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        waiter = (predicate, since, future)
        self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(future, timeout)
        except asyncio.TimeoutError:
            recent = "\n  ".join(repr(i) for i in self.items[since:][-15:]) or "(none)"
            raise AssertionError(f"no matching {self.what} within {timeout}s; recent ones:\n  {recent}") from None
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)


def _now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat()


def _json_response(data: Any, status: int = 200, headers: Optional[dict[str, str]] = None) -> web.Response:
    # Exactly "application/json": discord.py's json_or_text compares the whole header, and
    # web.json_response would add "; charset=utf-8", turning every answer into a str.
    return web.Response(body=json.dumps(data).encode(), status=status,
                        headers={"Content-Type": "application/json", **(headers or {})})


class _Http(Exception):
    """An error answer in Discord's shape (``{"message", "code"}``)."""

    def __init__(self, status: int, message: str, code: int, *,
                 extra: Optional[Json] = None, headers: Optional[dict[str, str]] = None) -> None:
        super().__init__(message)
        self.status, self.body = status, {"message": message, "code": code, **(extra or {})}
        self.headers = headers or {}


# --------------------------------------------------------------------------------------------
# The fake
# --------------------------------------------------------------------------------------------


class DiscordFake:
    """Discord's REST API (``/api/v10``) and gateway (``/gateway``) on 127.0.0.1, one guild.

    World: ``guild_id`` with one text channel ``channel_id`` ("reviews"), the bot user
    (``bot_user``, whose id is also ``application_id``) and two people, ``users["alice"]`` and
    ``users["bob"]``.  Messages, threads and synced commands the client creates are kept
    (``messages``, ``channels``, ``commands``) and survive a client restart, so a second
    client instance can click buttons on messages the first one posted.
    """

    def __init__(self, *, echo_events: bool = False) -> None:
        #: When True, REST writes are echoed as gateway events (MESSAGE_CREATE, THREAD_CREATE, ...).
        self.echo_events = echo_events
        self._ids = itertools.count(1)
        self.application_id = self.snowflake()
        self.guild_id = self.snowflake()
        self.channel_id = self.snowflake()
        self.bot_user = self._user(self.application_id, "review-desk", bot=True)
        self.roles: list[Json] = []  # the guild's roles besides @everyone
        self.users: dict[str, Json] = {
            name: self._user(self.snowflake(), name) for name in ("alice", "bob")
        }
        self.channels: dict[int, Json] = {self.channel_id: self._text_channel(self.channel_id, "reviews")}
        self.messages: dict[int, Json] = {}
        self.commands: dict[Optional[int], list[Json]] = {}  # guild id (None: global) -> synced commands
        self.interactions: dict[int, Json] = {}  # pushed interaction payloads by id
        self.modals: dict[str, Json] = {}  # modals the client opened, by custom_id
        self.original_responses: dict[str, int] = {}  # interaction token -> message id
        self.responded: set[str] = set()  # tokens of the interactions responded to
        self.no_direct_messages: set[str] = set()  # ids of users who refuse the bot's DMs

        self.calls = _Log("HTTP call")
        self.gateway_frames = _Log("gateway frame")  # frames received from the client: {"op", "d"}
        self.unknown_routes: list[Call] = []  # calls no route matched (answered with {} or 204)
        self.server_errors: list[Exception] = []  # exceptions raised by the fake's own handlers
        self._failures: list[list[Any]] = []  # [method, route, _Http, times left] (see fail())

        self._sockets: list[_GatewayConnection] = []
        self._identified = _Log("gateway IDENTIFY")
        self._runner: Optional[web.AppRunner] = None
        self.port: Optional[int] = None

    # ----- lifecycle --------------------------------------------------------------------

    async def start(self) -> "DiscordFake":
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/gateway/", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._api)
        app.on_shutdown.append(self._close_sockets)
        self._runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> "DiscordFake":
        return await self.start()

    async def __aexit__(self, *exc: Any) -> None:
        await self.stop()

    @property
    def api_base(self) -> str:
        """Value for the product's ``DISCORD_API_BASE_URL``."""
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        """Value for the product's ``DISCORD_GATEWAY_URL``."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    def patched(self) -> contextlib.AbstractContextManager[None]:
        """Point discord.py at this fake for the duration of a ``with`` block."""
        return patch_discord_endpoints(self.api_base, self.gateway_url)

    @contextlib.asynccontextmanager
    async def run_client(
        self, client: discord.Client, token: str = "test-token", *, timeout: float = 5.0
    ) -> AsyncIterator[discord.Client]:
        """Run ``client.start(token)`` in a task until the client is ready; close it on exit.

        Fails fast (instead of hanging) when start-up raises.  Build the client with a low
        ``guild_ready_timeout`` (see ``CLIENT_OPTIONS``), or READY waits 2 s for more guilds.
        """
        if discord.http.Route.BASE != self.api_base:
            raise RuntimeError("discord.py is not pointed at this fake: use `with fake.patched():` "
                               "(the discord_fake fixture does it)")
        since = len(self._identified.items)
        task = asyncio.create_task(client.start(token), name="discord-fake-client")
        try:
            await self._race(task, self._identified.wait_for(lambda _: True, timeout, since), timeout)
            await self._race(task, client.wait_until_ready(), timeout)
            yield client
        finally:
            await client.close()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, timeout)

    @staticmethod
    async def _race(task: asyncio.Task[Any], awaitable: Any, timeout: float) -> None:
        waiter = asyncio.ensure_future(awaitable)
        done, _ = await asyncio.wait({task, waiter}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if waiter in done:
            waiter.result()
            return
        waiter.cancel()
        if task in done:
            task.result()  # re-raise the start-up error
            raise AssertionError("client.start() returned before the client was ready")
        raise AssertionError(f"client not ready within {timeout}s")

    # ----- waiting ----------------------------------------------------------------------

    def mark(self) -> int:
        """Position in ``calls``; pass as ``since=`` to wait only for calls made after now."""
        return len(self.calls.items)

    async def wait_for(self, predicate: Callable[[Call], bool], *, timeout: float = 5.0, since: int = 0) -> Call:
        """Return the first call (at index >= ``since``) matching ``predicate``, waiting for it."""
        return await self.calls.wait_for(predicate, timeout, since)

    async def wait_for_route(
        self, method: str, route: str, *, timeout: float = 5.0, since: int = 0, **params: Any
    ) -> Call:
        """Wait for a call to a route template, optionally with given template values."""
        wanted = {k: str(v) for k, v in params.items()}

        def matches(call: Call) -> bool:
            return call.is_(method, route) and all(call.params.get(k) == v for k, v in wanted.items())

        return await self.wait_for(matches, timeout=timeout, since=since)

    async def wait_for_callback(self, interaction: Union[Json, int], *, timeout: float = 5.0) -> Call:
        """Wait for the client's response (``POST /interactions/{id}/{token}/callback``)."""
        interaction_id = interaction["id"] if isinstance(interaction, dict) else interaction
        return await self.wait_for_route(
            "POST", "/interactions/{interaction_id}/{token}/callback", interaction_id=interaction_id, timeout=timeout
        )

    async def wait_for_gateway(self, predicate: Callable[[Json], bool], *, timeout: float = 5.0, since: int = 0) -> Json:
        """Wait for a frame the client sent on the gateway (e.g. ``lambda f: f["op"] == 3``)."""
        return await self.gateway_frames.wait_for(predicate, timeout, since)

    def fail(self, method: str, route: str, status: int, code: int, message: str = "Failed",
             *, times: int = 1) -> None:
        """Answer the next ``times`` calls to a route template with Discord's error shape,
        e.g. ``fail("POST", "/channels/{channel_id}/messages", 403, 50001, "Missing Access")``."""
        self._failures.append([method, route, _Http(status, message, code), times])

    def rate_limit(self, method: str, route: str, retry_after: float, *, times: int = 1) -> None:
        """Answer the next ``times`` calls to a route with Discord's 429: ``retry_after`` seconds
        in the body, and the ``Via`` header of Discord's edge (without it discord.py takes the
        429 for a Cloudflare ban and does not wait)."""
        error = _Http(429, "You are being rate limited.", 0,
                      extra={"retry_after": retry_after, "global": False},
                      headers={"Via": "1.1 google", "Retry-After": str(math.ceil(retry_after)),
                               "X-RateLimit-Scope": "user"})
        self._failures.append([method, route, error, times])

    def _failure(self, call: Call) -> Optional["_Http"]:
        for failure in self._failures:
            method, route, error, times = failure
            if times and call.is_(method, route):
                failure[3] -= 1
                return error
        return None

    def calls_to(self, method: str, route: str) -> list[Call]:
        return [c for c in self.calls.items if c.is_(method, route)]

    # ----- gateway ----------------------------------------------------------------------

    async def push(self, event: str, data: Json, *, timeout: float = 5.0) -> None:
        """Send a dispatch event to every identified client (waits for one to identify)."""
        if event == "INTERACTION_CREATE":
            self.interactions[int(data["id"])] = data
        if not any(s.identified for s in self._sockets):
            await self._identified.wait_for(lambda _: True, timeout, len(self._identified.items))
        for sock in [s for s in self._sockets if s.identified]:
            await sock.dispatch(event, data)

    async def interact(self, payload: Json, *, timeout: float = 5.0) -> Call:
        """Push an INTERACTION_CREATE and return the client's callback call."""
        await self.push("INTERACTION_CREATE", payload, timeout=timeout)
        return await self.wait_for_callback(payload, timeout=timeout)

    async def disconnect_clients(self, code: int = 4000) -> None:
        """Close every gateway connection (the client will try to resume)."""
        for sock in list(self._sockets):
            await sock.ws.close(code=code)

    async def _close_sockets(self, _app: web.Application) -> None:
        await self.disconnect_clients(code=1001)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        conn = _GatewayConnection(self, ws)
        self._sockets.append(conn)
        try:
            await conn.send({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                self.gateway_frames.append(frame)
                await conn.handle(frame)
        finally:
            self._sockets.remove(conn)
        return ws

    def ready_payload(self, session_id: str, shard: Optional[list[int]]) -> Json:
        data = {
            "v": 10,
            "user": self.bot_user,
            "guilds": [{"id": str(self.guild_id), "unavailable": True}],
            "session_id": session_id,
            # Where discord.py RESUMEs: must stay on the fake, never the real gateway.
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "user_settings": {},
        }
        if shard is not None:
            data["shard"] = shard
        return data

    def guild_payload(self) -> Json:
        members = [self.member(self.bot_user)] + [self.member(u) for u in self.users.values()]
        return {
            "id": str(self.guild_id),
            "name": "Review Desk Test Guild",
            "icon": None,
            "owner_id": self.users["alice"]["id"],
            "roles": [self._everyone_role(), *self.roles],
            "emojis": [],
            "stickers": [],
            "features": [],
            "member_count": len(members),
            "members": members,
            "channels": [c for c in self.channels.values() if c["type"] in (0, 2, 4, 5, 15)],
            "threads": [c for c in self.channels.values() if c["type"] in (10, 11, 12)],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "large": False,
            "unavailable": False,
            "joined_at": _now_iso(),
            "preferred_locale": "en-US",
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "afk_timeout": 300,
            "system_channel_flags": 0,
        }

    # ----- world objects ----------------------------------------------------------------

    def snowflake(self) -> int:
        """A fresh, increasing id with a plausible timestamp."""
        return ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | (next(self._ids) & 0x3FFFFF)

    @staticmethod
    def _user(user_id: int, name: str, *, bot: bool = False) -> Json:
        return {
            "id": str(user_id),
            "username": name,
            "global_name": name.title() if not bot else None,
            "discriminator": "0",
            "avatar": None,
            "bot": bot,
            "public_flags": 0,
            "flags": 0,
        }

    def member(self, user: Json, *, roles: Optional[list[int]] = None, permissions: Optional[str] = None) -> Json:
        """A guild member object (``flags`` is required by discord.py)."""
        data = {
            "user": user,
            "roles": [str(r) for r in roles or []],
            "joined_at": _now_iso(),
            "premium_since": None,
            "nick": None,
            "avatar": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }
        if permissions is not None:
            data["permissions"] = permissions
        return data

    def role(self, role_id: int, name: str) -> Json:
        """A role in the guild (sent with GUILD_CREATE: add it before the client starts)."""
        role = {**self._everyone_role(), "id": str(role_id), "name": name, "position": 1}
        self.roles.append(role)
        return role

    def _everyone_role(self) -> Json:
        return {
            "id": str(self.guild_id),
            "name": "@everyone",
            "permissions": str(discord.Permissions.general().value),
            "position": 0,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }

    def _text_channel(self, channel_id: int, name: str) -> Json:
        return {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(self.guild_id),
            "name": name,
            "position": 0,  # required by discord.py when building a channel from a payload
            "permission_overwrites": [],
            "parent_id": None,
            "topic": None,
            "nsfw": False,
            "rate_limit_per_user": 0,
            "last_message_id": None,
            "flags": 0,
        }

    def _thread_channel(self, thread_id: int, parent_id: int, name: str, *, kind: int = 11,
                        auto_archive_duration: int = 1440) -> Json:
        now = _now_iso()
        return {
            "id": str(thread_id),
            "type": kind,
            "guild_id": str(self.guild_id),
            "parent_id": str(parent_id),
            "owner_id": self.bot_user["id"],
            "name": name,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "message_count": 0,
            "member_count": 1,
            "total_message_sent": 0,
            "flags": 0,
            "applied_tags": [],
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": auto_archive_duration,
                "archive_timestamp": now,
                "locked": False,
                "create_timestamp": now,
            },
            "member": {"id": str(thread_id), "user_id": self.bot_user["id"], "join_timestamp": now, "flags": 0},
        }

    def resolve_user(self, user: Union[str, Json, None]) -> Json:
        if user is None:
            return self.users["alice"]
        if isinstance(user, str):
            return self.users[user]
        return user

    def make_message(
        self,
        content: str = "",
        *,
        author: Union[str, Json, None] = None,
        channel_id: Optional[int] = None,
        embeds: Optional[list[Json]] = None,
        components: Optional[list[Json]] = None,
    ) -> Json:
        """Store and return a message as if a person (default alice) had posted it."""
        body = {"content": content, "embeds": embeds or [], "components": components or []}
        return self._new_message(channel_id or self.channel_id, self.resolve_user(author), body)

    def _new_message(self, channel_id: int, author: Json, body: Json, files: Optional[list[Json]] = None,
                     *, message_id: Optional[int] = None) -> Json:
        message_id = message_id or self.snowflake()
        message = {
            "id": str(message_id),
            "channel_id": str(channel_id),
            "guild_id": str(self.guild_id),
            "author": author,
            "member": {k: v for k, v in self.member(author).items() if k != "user"},
            "content": body.get("content") or "",
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": bool(body.get("tts", False)),
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": self._attachments(files or []),
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": int(body.get("flags") or 0),
        }
        if author.get("bot"):
            message["application_id"] = str(self.application_id)
        if body.get("message_reference"):
            ref = dict(body["message_reference"])
            ref.setdefault("channel_id", str(channel_id))
            ref.setdefault("guild_id", str(self.guild_id))
            message["message_reference"] = ref
            message["type"] = 19
            referenced = self.messages.get(int(ref["message_id"])) if ref.get("message_id") else None
            if referenced is not None:
                message["referenced_message"] = copy.deepcopy(referenced)
        self.messages[message_id] = message
        channel = self.channels.get(channel_id)
        if channel is not None:
            channel["last_message_id"] = str(message_id)
            if "message_count" in channel:
                channel["message_count"] += 1
                channel["total_message_sent"] += 1
        self._echo("MESSAGE_CREATE", message)
        return message

    def _attachments(self, files: list[Json]) -> list[Json]:
        return [
            {
                "id": str(self.snowflake()),
                "filename": f["filename"],
                "size": len(f["data"]),
                "content_type": f["content_type"],
                "url": f"{self.api_base}/attachments/{f['filename']}",
                "proxy_url": f"{self.api_base}/attachments/{f['filename']}",
            }
            for f in files
        ]

    def _edit_message(self, message: Json, body: Json, files: list[Json]) -> Json:
        empty: Json = {"content": "", "embeds": [], "components": [], "flags": 0}
        for key, default in empty.items():
            if key in body:
                message[key] = body[key] if body[key] is not None else default
        if files:
            message["attachments"] = message.get("attachments", []) + self._attachments(files)
        message["edited_timestamp"] = _now_iso()
        message["flags"] = int(message.get("flags") or 0) & ~LOADING_FLAG
        self._echo("MESSAGE_UPDATE", message)
        return message

    def _echo(self, event: str, data: Json) -> None:
        if self.echo_events and self._sockets:
            asyncio.get_running_loop().create_task(self.push(event, copy.deepcopy(data)))

    # ----- interaction payload builders -------------------------------------------------

    def interaction(
        self,
        type: int,
        data: Optional[Json] = None,
        *,
        user: Union[str, Json, None] = None,
        channel_id: Optional[int] = None,
        message: Optional[Json] = None,
        locale: str = "en-US",
        guild_locale: str = "en-US",
        roles: Optional[list[int]] = None,
        permissions: str = ALL_PERMISSIONS,
    ) -> Json:
        """A guild interaction as Discord sends it, with every key discord.py 2.7.1 reads."""
        interaction_id = self.snowflake()
        channel = self.channels[channel_id or self.channel_id]
        payload: Json = {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "type": type,
            "token": f"itok-{interaction_id}-{secrets.token_hex(8)}",
            "version": 1,
            "guild_id": str(self.guild_id),
            "guild": {"id": str(self.guild_id), "locale": guild_locale, "features": []},
            # A full channel object: when the channel is not cached discord.py builds it from
            # this, and TextChannel needs ``position``.
            "channel": copy.deepcopy(channel),
            "channel_id": channel["id"],
            "member": self.member(self.resolve_user(user), roles=roles, permissions=permissions),
            "app_permissions": ALL_PERMISSIONS,
            "locale": locale,
            "guild_locale": guild_locale,
            "entitlements": [],
            "entitlement_sku_ids": [],
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0,  # guild
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,  # read unconditionally by discord.py
        }
        if data is not None:
            payload["data"] = data
        if message is not None:
            payload["message"] = copy.deepcopy(message)
        return payload

    def slash_command(
        self,
        name: str,
        options: Union[dict[str, Any], list[Json], None] = None,
        *,
        subcommand: Optional[str] = None,
        user: Union[str, Json, None] = None,
        locale: str = "en-US",
        guild_command: bool = False,
        resolved: Optional[Json] = None,
        **kwargs: Any,
    ) -> Json:
        """``/name [group] [subcommand] option:value ...`` as an APPLICATION_COMMAND interaction.

        ``options`` is ``{"text": "..."}`` (types inferred: str, int, float, bool) or raw option
        dicts.  ``subcommand`` is ``"forward"`` or ``"group forward"``.  Set ``guild_command``
        when the command was synced to the guild: discord.py then looks it up as a guild
        command (``data.guild_id``) and will not find a global one.
        """
        opts = _options(options)
        parts = (subcommand or "").split()
        if len(parts) > 2:
            raise ValueError("subcommand is 'sub' or 'group sub'")
        for kind, part in zip((1, 2), reversed(parts)):  # innermost: subcommand (1), outer: group (2)
            opts = [{"type": kind, "name": part, "options": opts}]
        data: Json = {"id": str(self._command_id(name, 1, guild_command)), "name": name, "type": 1, "options": opts}
        if guild_command:
            data["guild_id"] = str(self.guild_id)
        if resolved:
            data["resolved"] = resolved
        return self.interaction(APPLICATION_COMMAND, data, user=user, locale=locale, **kwargs)

    def message_context_menu(
        self, name: str, message: Union[Json, int], *, user: Union[str, Json, None] = None,
        guild_command: bool = False, **kwargs: Any,
    ) -> Json:
        """A message context-menu command ("Apps > name") on ``message``."""
        message = self._message_arg(message)
        data: Json = {
            "id": str(self._command_id(name, 3, guild_command)),
            "name": name,
            "type": 3,
            "target_id": message["id"],
            "resolved": {"messages": {message["id"]: copy.deepcopy(message)}},
        }
        if guild_command:
            data["guild_id"] = str(self.guild_id)
        return self.interaction(APPLICATION_COMMAND, data, user=user, **kwargs)

    def user_context_menu(
        self, name: str, target: Union[str, Json], *, user: Union[str, Json, None] = None,
        guild_command: bool = False, **kwargs: Any,
    ) -> Json:
        """A user context-menu command on ``target``."""
        target = self.resolve_user(target)
        member = {k: v for k, v in self.member(target, permissions=ALL_PERMISSIONS).items() if k != "user"}
        data: Json = {
            "id": str(self._command_id(name, 2, guild_command)),
            "name": name,
            "type": 2,
            "target_id": target["id"],
            "resolved": {"users": {target["id"]: target}, "members": {target["id"]: member}},
        }
        if guild_command:
            data["guild_id"] = str(self.guild_id)
        return self.interaction(APPLICATION_COMMAND, data, user=user, **kwargs)

    def button_click(
        self,
        custom_id: str,
        message: Union[Json, int, None] = None,
        *,
        user: Union[str, Json, None] = None,
        component_type: int = 2,
        values: Optional[list[str]] = None,
        **kwargs: Any,
    ) -> Json:
        """A MESSAGE_COMPONENT interaction: a click on a button (or a select, with ``values``).

        ``message`` must carry the component: discord.py rebuilds a DynamicItem from the
        message's components and silently ignores the click otherwise.  Without ``message`` a
        bot message holding just this button is made up.
        """
        if message is None:
            row = {"type": 1, "components": [{"type": 2, "style": 1, "label": custom_id, "custom_id": custom_id}]}
            message = self._new_message(self.channel_id, self.bot_user, {"components": [row]})
        else:
            message = self._message_arg(message)
            if not any(c.get("custom_id") == custom_id for c in _walk(message.get("components", []))):
                raise ValueError(f"message {message['id']} has no component with custom_id {custom_id!r}")
        data: Json = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = values
        return self.interaction(MESSAGE_COMPONENT, data, user=user, message=message,
                                channel_id=int(message["channel_id"]), **kwargs)

    def modal_submit(
        self,
        custom_id: str,
        values: Optional[dict[str, Union[str, list[str]]]] = None,
        *,
        components: Optional[list[Json]] = None,
        user: Union[str, Json, None] = None,
        message: Union[Json, int, None] = None,
        resolved: Optional[Json] = None,
        **kwargs: Any,
    ) -> Json:
        """A MODAL_SUBMIT for a modal the client opened (or raw ``components``); ``resolved``
        carries the users and roles picked in its selects.

        ``values`` maps each field's custom_id to its text (or list, for selects).  The
        submission mirrors the opened modal's layout (action rows or labels), as Discord does.
        """
        if components is None:
            components = _modal_answer(self.modals.get(custom_id), values or {})
        data = {"custom_id": custom_id, "components": components}
        if resolved:
            data["resolved"] = resolved
        if message is not None:
            message = self._message_arg(message)
        return self.interaction(MODAL_SUBMIT, data, user=user, message=message, **kwargs)

    def _message_arg(self, message: Union[Json, int]) -> Json:
        if isinstance(message, dict):
            return self.messages.get(int(message["id"]), message)
        return self.messages[int(message)]

    def _command_id(self, name: str, kind: int, guild_command: bool) -> int:
        for cmd in self.commands.get(self.guild_id if guild_command else None, []):
            if cmd["name"] == name and cmd.get("type", 1) == kind:
                return int(cmd["id"])
        return self.snowflake()

    def response_message(self, interaction: Union[Json, int]) -> Optional[Json]:
        """The message an interaction's response created (after send_message or defer)."""
        payload = self.interactions[int(interaction["id"] if isinstance(interaction, dict) else interaction)]
        message_id = self.original_responses.get(payload["token"])
        return self.messages.get(message_id) if message_id is not None else None

    # ----- REST -------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body, files = await _read_body(request)
        call = Call(
            method=request.method,
            path=path,
            query=dict(request.query),
            json=body,
            files=files,
            headers=dict(request.headers),
        )
        handler = None
        for method, regex, template, func in _ROUTES:
            match = regex.fullmatch(path)
            if match and method == request.method:
                call.route, call.params, handler = template, match.groupdict(), func
                break
        status, response, headers = 200, None, {}
        try:
            if handler is None:
                self.unknown_routes.append(call)
                status, response = (204, None) if request.method == "DELETE" else (200, {})
            elif (failure := self._failure(call)) is not None:
                raise failure
            else:
                response = handler(self, call, **call.params)
                if response is None:
                    status = 204
        except _Http as exc:
            status, response, headers = exc.status, exc.body, exc.headers
        except Exception as exc:  # a bug in the fake: answer 400 (a 5xx makes discord.py retry with sleeps)
            self.server_errors.append(exc)
            status, response = 400, {"message": f"discord fake failed: {exc!r}", "code": 0}
        call.status, call.response = status, response
        self.calls.append(call)
        if status == 204:
            return web.Response(status=204)
        return _json_response(response, status, headers)

    def _channel(self, channel_id: str) -> Json:
        try:
            return self.channels[int(channel_id)]
        except KeyError:
            raise _Http(404, "Unknown Channel", 10003) from None

    def _message(self, message_id: str) -> Json:
        try:
            return self.messages[int(message_id)]
        except KeyError:
            raise _Http(404, "Unknown Message", 10008) from None

    def _interaction_by_token(self, token: str) -> Optional[Json]:
        return next((i for i in self.interactions.values() if i["token"] == token), None)

    def _original(self, token: str) -> Json:
        try:
            return self.messages[self.original_responses[token]]
        except KeyError:
            raise _Http(404, "Unknown Message", 10008) from None


def _options(options: Union[dict[str, Any], list[Json], None]) -> list[Json]:
    if options is None:
        return []
    if isinstance(options, list):
        return options
    kinds = {bool: 5, int: 4, float: 10, str: 3}
    return [{"type": kinds[type(v)], "name": k, "value": v} for k, v in options.items()]


def _walk(components: list[Json]) -> Iterator[Json]:
    for comp in components:
        yield comp
        yield from _walk(comp.get("components", []))
        if isinstance(comp.get("component"), dict):
            yield from _walk([comp["component"]])
        if isinstance(comp.get("accessory"), dict):
            yield from _walk([comp["accessory"]])


def _field_answer(field_: Json, values: dict[str, Any]) -> Json:
    custom_id = field_.get("custom_id")
    answer: Json = {"type": field_["type"], "custom_id": custom_id}
    if "id" in field_:
        answer["id"] = field_["id"]
    value = values.get(custom_id, "" if field_["type"] == 4 else [])
    if field_["type"] == 4:
        answer["value"] = value
    else:
        answer["values"] = list(value) if isinstance(value, (list, tuple)) else [value]
    return answer


def _modal_answer(modal: Optional[Json], values: dict[str, Any]) -> list[Json]:
    if modal is None:  # unknown layout: one action row per text field
        return [{"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]} for k, v in values.items()]
    out = []
    for comp in modal.get("components", []):
        if comp["type"] == 1:
            out.append({"type": 1, "components": [_field_answer(c, values) for c in comp.get("components", [])]})
        elif comp["type"] == 18:  # label wrapping one field
            out.append({"type": 18, "id": comp.get("id"), "component": _field_answer(comp["component"], values)})
    return out


async def _read_body(request: web.Request) -> tuple[Any, list[Json]]:
    if request.content_type.startswith("multipart/"):
        payload, files = None, []
        reader = await request.multipart()
        async for part in reader:
            if part.name == "payload_json":
                payload = json.loads(await part.text())
            else:
                data = await part.read(decode=False)
                files.append({
                    "field": part.name,
                    "filename": part.filename,
                    "content_type": part.headers.get("Content-Type"),
                    "data": bytes(data),
                })
        return payload, files
    raw = await request.read()
    if not raw:
        return None, []
    try:
        return json.loads(raw), []
    except ValueError:
        return raw.decode(errors="replace"), []


# --------------------------------------------------------------------------------------------
# Gateway connection
# --------------------------------------------------------------------------------------------


class _GatewayConnection:
    def __init__(self, fake: DiscordFake, ws: web.WebSocketResponse) -> None:
        self.fake, self.ws = fake, ws
        self.seq = 0
        self.identified = False
        self.session_id = secrets.token_hex(16)

    async def send(self, frame: Json) -> None:
        """A frame for a peer that is gone (a killed bot whose socket is still closing) is lost,
        as it is on Discord."""
        if not self.ws.closed:
            try:
                await self.ws.send_str(json.dumps(frame))
            except ConnectionResetError:
                pass

    async def dispatch(self, event: str, data: Json) -> None:
        self.seq += 1
        await self.send({"op": 0, "t": event, "s": self.seq, "d": data})

    async def handle(self, frame: Json) -> None:
        op, data = frame.get("op"), frame.get("d")
        if op == 1:  # heartbeat
            await self.send({"op": 11, "d": None, "s": None, "t": None})
        elif op == 2:  # identify
            await self.dispatch("READY", self.fake.ready_payload(self.session_id, (data or {}).get("shard")))
            await self.dispatch("GUILD_CREATE", self.fake.guild_payload())
            self.identified = True
            self.fake._identified.append(data)
        elif op == 6:  # resume
            self.seq = max(self.seq, int((data or {}).get("seq") or 0))
            self.identified = True
            await self.dispatch("RESUMED", {})
            self.fake._identified.append(data)
        elif op == 8:  # request guild members
            data = data or {}
            members = self.fake.guild_payload()["members"]
            if data.get("user_ids"):
                members = [m for m in members if int(m["user"]["id"]) in set(map(int, data["user_ids"]))]
            elif data.get("query"):
                members = [m for m in members if m["user"]["username"].startswith(data["query"])]
            if data.get("limit"):
                members = members[: data["limit"]]
            chunk = {"guild_id": str(self.fake.guild_id), "members": members, "chunk_index": 0, "chunk_count": 1,
                     "not_found": [], "presences": []}
            if data.get("nonce"):
                chunk["nonce"] = data["nonce"]
            await self.dispatch("GUILD_MEMBERS_CHUNK", chunk)


# --------------------------------------------------------------------------------------------
# REST route handlers.  Each takes (fake, call, **template values) and returns the JSON answer
# (None means 204 No Content).
# --------------------------------------------------------------------------------------------

_ROUTES: list[tuple[str, re.Pattern[str], str, Callable[..., Any]]] = []


def _route(method: str, template: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    regex = re.compile(re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template))

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        _ROUTES.append((method, regex, template, func))
        return func

    return register


@_route("GET", "/users/@me")
def _get_me(fake: DiscordFake, call: Call) -> Json:
    return fake.bot_user


@_route("GET", "/oauth2/applications/@me")
@_route("GET", "/applications/@me")
def _get_application(fake: DiscordFake, call: Call) -> Json:
    return {
        "id": str(fake.application_id),
        "name": "review-desk",
        "description": "",
        "icon": None,
        "bot_public": False,
        "bot_require_code_grant": False,
        "owner": fake.users["alice"],
        "verify_key": "0" * 64,
        "flags": 0,
        "summary": "",
        "team": None,
        "interactions_endpoint_url": None,  # set, discord.py warns that interactions bypass it
        "bot": fake.bot_user,
    }


@_route("GET", "/gateway")
def _get_gateway(fake: DiscordFake, call: Call) -> Json:
    return {"url": fake.gateway_url}


@_route("GET", "/gateway/bot")
def _get_gateway_bot(fake: DiscordFake, call: Call) -> Json:
    return {
        "url": fake.gateway_url,
        "shards": 1,
        "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1},
    }


def _store_command(fake: DiscordFake, guild_id: Optional[int], body: Json) -> Json:
    cmd = dict(body)
    existing = next((c for c in fake.commands.get(guild_id, [])
                     if c["name"] == cmd["name"] and c.get("type", 1) == cmd.get("type", 1)), None)
    cmd.update({
        "id": existing["id"] if existing else str(fake.snowflake()),
        "application_id": str(fake.application_id),
        "version": str(fake.snowflake()),
        "type": cmd.get("type", 1),
        "description": cmd.get("description", ""),
        "options": cmd.get("options", []),
        "default_member_permissions": cmd.get("default_member_permissions"),
        "nsfw": cmd.get("nsfw", False),
    })
    if guild_id is not None:
        cmd["guild_id"] = str(guild_id)
    return cmd


@_route("PUT", "/applications/{application_id}/commands")
def _sync_global(fake: DiscordFake, call: Call, application_id: str) -> list[Json]:
    fake.commands[None] = [_store_command(fake, None, c) for c in call.json or []]
    return fake.commands[None]


@_route("PUT", "/applications/{application_id}/guilds/{guild_id}/commands")
def _sync_guild(fake: DiscordFake, call: Call, application_id: str, guild_id: str) -> list[Json]:
    fake.commands[int(guild_id)] = [_store_command(fake, int(guild_id), c) for c in call.json or []]
    return fake.commands[int(guild_id)]


@_route("GET", "/applications/{application_id}/commands")
def _list_global(fake: DiscordFake, call: Call, application_id: str) -> list[Json]:
    return fake.commands.get(None, [])


@_route("GET", "/applications/{application_id}/guilds/{guild_id}/commands")
def _list_guild(fake: DiscordFake, call: Call, application_id: str, guild_id: str) -> list[Json]:
    return fake.commands.get(int(guild_id), [])


@_route("POST", "/applications/{application_id}/commands")
def _upsert_global(fake: DiscordFake, call: Call, application_id: str) -> Json:
    cmd = _store_command(fake, None, call.json)
    fake.commands[None] = [c for c in fake.commands.get(None, []) if c["id"] != cmd["id"]] + [cmd]
    return cmd


@_route("POST", "/applications/{application_id}/guilds/{guild_id}/commands")
def _upsert_guild(fake: DiscordFake, call: Call, application_id: str, guild_id: str) -> Json:
    gid = int(guild_id)
    cmd = _store_command(fake, gid, call.json)
    fake.commands[gid] = [c for c in fake.commands.get(gid, []) if c["id"] != cmd["id"]] + [cmd]
    return cmd


@_route("GET", "/guilds/{guild_id}")
def _get_guild(fake: DiscordFake, call: Call, guild_id: str) -> Json:
    if int(guild_id) != fake.guild_id:
        raise _Http(404, "Unknown Guild", 10004)
    return {k: v for k, v in fake.guild_payload().items() if k not in ("members", "channels", "threads")}


@_route("GET", "/guilds/{guild_id}/channels")
def _get_guild_channels(fake: DiscordFake, call: Call, guild_id: str) -> list[Json]:
    return [c for c in fake.channels.values() if c["type"] not in (10, 11, 12)]


@_route("GET", "/guilds/{guild_id}/members/{user_id}")
def _get_member(fake: DiscordFake, call: Call, guild_id: str, user_id: str) -> Json:
    for user in [fake.bot_user, *fake.users.values()]:
        if user["id"] == user_id:
            return fake.member(user)
    raise _Http(404, "Unknown Member", 10007)


@_route("GET", "/users/{user_id}")
def _get_user(fake: DiscordFake, call: Call, user_id: str) -> Json:
    for user in [fake.bot_user, *fake.users.values()]:
        if user["id"] == user_id:
            return user
    raise _Http(404, "Unknown User", 10013)


@_route("POST", "/users/@me/channels")
def _create_dm(fake: DiscordFake, call: Call) -> Json:
    recipient = _get_user(fake, call, str(call.json["recipient_id"]))
    for channel in fake.channels.values():
        if channel["type"] == 1 and channel["recipients"][0]["id"] == recipient["id"]:
            return channel
    channel = {"id": str(fake.snowflake()), "type": 1, "recipients": [recipient], "last_message_id": None}
    fake.channels[int(channel["id"])] = channel
    return channel


@_route("GET", "/channels/{channel_id}")
def _get_channel(fake: DiscordFake, call: Call, channel_id: str) -> Json:
    return fake._channel(channel_id)


@_route("PATCH", "/channels/{channel_id}")
def _edit_channel(fake: DiscordFake, call: Call, channel_id: str) -> Json:
    channel = fake._channel(channel_id)
    body = call.json or {}
    meta = channel.get("thread_metadata")
    for key, value in body.items():
        if meta is not None and key in ("archived", "locked", "auto_archive_duration", "invitable"):
            meta[key] = value
            if key == "archived":
                meta["archive_timestamp"] = _now_iso()
        else:
            channel[key] = value
    fake._echo("THREAD_UPDATE" if meta is not None else "CHANNEL_UPDATE", channel)
    return channel


@_route("POST", "/channels/{channel_id}/messages")
def _create_message(fake: DiscordFake, call: Call, channel_id: str) -> Json:
    channel = fake._channel(channel_id)
    if channel["type"] == 1 and channel["recipients"][0]["id"] in fake.no_direct_messages:
        raise _Http(403, "Cannot send messages to this user", 50007)
    if channel.get("thread_metadata", {}).get("archived"):
        channel["thread_metadata"]["archived"] = False  # posting unarchives, as on Discord
    return fake._new_message(int(channel_id), fake.bot_user, call.json or {}, call.files)


@_route("GET", "/channels/{channel_id}/messages/{message_id}")
def _get_message(fake: DiscordFake, call: Call, channel_id: str, message_id: str) -> Json:
    return fake._message(message_id)


@_route("GET", "/channels/{channel_id}/messages")
def _list_messages(fake: DiscordFake, call: Call, channel_id: str) -> list[Json]:
    found = [m for m in fake.messages.values() if m["channel_id"] == channel_id]
    return sorted(found, key=lambda m: int(m["id"]), reverse=True)[: int(call.query.get("limit", 50))]


@_route("PATCH", "/channels/{channel_id}/messages/{message_id}")
def _edit_message(fake: DiscordFake, call: Call, channel_id: str, message_id: str) -> Json:
    return fake._edit_message(fake._message(message_id), call.json or {}, call.files)


@_route("DELETE", "/channels/{channel_id}/messages/{message_id}")
def _delete_message(fake: DiscordFake, call: Call, channel_id: str, message_id: str) -> None:
    fake.messages.pop(int(message_id), None)


@_route("PUT", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me")
@_route("DELETE", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me")
def _own_reaction(fake: DiscordFake, call: Call, channel_id: str, message_id: str, emoji: str) -> None:
    fake._message(message_id)


@_route("POST", "/channels/{channel_id}/messages/{message_id}/threads")
def _thread_from_message(fake: DiscordFake, call: Call, channel_id: str, message_id: str) -> Json:
    message = fake._message(message_id)
    body = call.json or {}
    # On Discord a thread started from a message has the message's id.
    thread = fake._thread_channel(int(message_id), int(channel_id), body.get("name", "thread"),
                                  auto_archive_duration=body.get("auto_archive_duration") or 1440)
    fake.channels[int(message_id)] = thread
    message["thread"] = thread
    message["flags"] = int(message.get("flags") or 0) | HAS_THREAD_FLAG
    fake._echo("THREAD_CREATE", dict(thread, newly_created=True))
    return thread


@_route("POST", "/channels/{channel_id}/threads")
def _thread_without_message(fake: DiscordFake, call: Call, channel_id: str) -> Json:
    body = call.json or {}
    thread = fake._thread_channel(fake.snowflake(), int(channel_id), body.get("name", "thread"),
                                  kind=body.get("type") or 11,
                                  auto_archive_duration=body.get("auto_archive_duration") or 1440)
    fake.channels[int(thread["id"])] = thread
    fake._echo("THREAD_CREATE", dict(thread, newly_created=True))
    return thread


@_route("PUT", "/channels/{channel_id}/thread-members/{user_id}")
@_route("DELETE", "/channels/{channel_id}/thread-members/{user_id}")
def _thread_member(fake: DiscordFake, call: Call, channel_id: str, user_id: str) -> None:
    fake._channel(channel_id)


@_route("POST", "/channels/{channel_id}/typing")
def _typing(fake: DiscordFake, call: Call, channel_id: str) -> None:
    return None


@_route("POST", "/interactions/{interaction_id}/{token}/callback")
def _interaction_callback(fake: DiscordFake, call: Call, interaction_id: str, token: str) -> Json:
    body = call.json or {}
    kind, data = body.get("type"), body.get("data") or {}
    interaction = fake.interactions.get(int(interaction_id)) or {}
    channel_id = int(interaction.get("channel_id") or fake.channel_id)
    fake.responded.add(token)
    message: Optional[Json] = None
    if kind == CB_MESSAGE:
        message = fake._new_message(channel_id, fake.bot_user, data, call.files)
        fake.original_responses[token] = int(message["id"])
    elif kind == CB_DEFERRED_MESSAGE:
        message = fake._new_message(channel_id, fake.bot_user, {"flags": int(data.get("flags") or 0) | LOADING_FLAG})
        fake.original_responses[token] = int(message["id"])
    elif kind in (CB_UPDATE, CB_DEFERRED_UPDATE) and interaction.get("message"):
        target = fake.messages.get(int(interaction["message"]["id"]))
        if target is not None:
            message = fake._edit_message(target, data, call.files) if kind == CB_UPDATE else target
            fake.original_responses[token] = int(target["id"])
    elif kind == CB_MODAL:
        fake.modals[data.get("custom_id")] = data
    # discord.py posts with ?with_response=1 and reads this InteractionCallbackResponse shape.
    answer: Json = {
        "interaction": {
            "id": interaction_id,
            "type": interaction.get("type", APPLICATION_COMMAND),
            "response_message_loading": kind == CB_DEFERRED_MESSAGE,
            "response_message_ephemeral": bool(int((message or data).get("flags") or 0) & EPHEMERAL_FLAG),
        },
        "resource": {"type": kind},
    }
    if message is not None:
        answer["interaction"]["response_message_id"] = message["id"]
        if kind in (CB_MESSAGE, CB_UPDATE):
            answer["resource"]["message"] = message
    return answer


def _webhook_channel(fake: DiscordFake, token: str) -> int:
    interaction = fake._interaction_by_token(token) or {}
    return int(interaction.get("channel_id") or fake.channel_id)


@_route("POST", "/webhooks/{application_id}/{token}")
def _followup(fake: DiscordFake, call: Call, application_id: str, token: str) -> Optional[Json]:
    if token not in fake.responded:  # a follow-up needs the interaction's response first
        raise _Http(404, "Unknown Webhook", 10015)
    channel_id = int(call.query.get("thread_id") or _webhook_channel(fake, token))
    message = fake._new_message(channel_id, fake.bot_user, call.json or {}, call.files)
    message["webhook_id"] = application_id
    return message if call.query.get("wait") in ("1", "true", "True") else None


@_route("GET", "/webhooks/{application_id}/{token}/messages/@original")
def _get_original(fake: DiscordFake, call: Call, application_id: str, token: str) -> Json:
    return fake._original(token)


@_route("PATCH", "/webhooks/{application_id}/{token}/messages/@original")
def _edit_original(fake: DiscordFake, call: Call, application_id: str, token: str) -> Json:
    return fake._edit_message(fake._original(token), call.json or {}, call.files)


@_route("DELETE", "/webhooks/{application_id}/{token}/messages/@original")
def _delete_original(fake: DiscordFake, call: Call, application_id: str, token: str) -> None:
    fake.messages.pop(fake.original_responses.pop(token, 0), None)


@_route("GET", "/webhooks/{application_id}/{token}/messages/{message_id}")
def _get_followup(fake: DiscordFake, call: Call, application_id: str, token: str, message_id: str) -> Json:
    return fake._message(message_id)


@_route("PATCH", "/webhooks/{application_id}/{token}/messages/{message_id}")
def _edit_followup(fake: DiscordFake, call: Call, application_id: str, token: str, message_id: str) -> Json:
    return fake._edit_message(fake._message(message_id), call.json or {}, call.files)


@_route("DELETE", "/webhooks/{application_id}/{token}/messages/{message_id}")
def _delete_followup(fake: DiscordFake, call: Call, application_id: str, token: str, message_id: str) -> None:
    fake.messages.pop(int(message_id), None)


# "@original" must win over "{message_id}": try more specific (literal) templates first.
_ROUTES.sort(key=lambda r: r[2].count("{"))
