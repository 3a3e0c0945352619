"""Loopback fakes of Slack, so tests drive the real slack-bolt / slack-sdk code paths.

Nothing here reaches slack.com: every server binds 127.0.0.1 on a free port.

* ``FakeSlackAPI`` -- the Web API (``WebClient(base_url=fake.base_url)``), the
  ``response_url`` endpoint used by ``respond()`` and the upload URL used by
  ``files_upload_v2``. Records every call; can be told to fail or rate-limit a method, or
  to limit the posts per channel as Slack does.
* ``FakeSocketModeServer`` -- the Socket Mode websocket that ``apps.connections.open``
  hands out. Pushes envelopes and records the acks.
* Request builders -- bodies exactly as Slack sends them (form fields for slash commands,
  form-encoded ``payload=`` JSON for interactivity, JSON for events) plus signed headers.
* ``BoltHTTPServer`` -- serves a bolt ``App`` over real HTTP through bolt's WSGI adapter.

Written against slack-bolt 1.30 / slack-sdk 3.47 (see the notes on ``close_socket_mode_handler``
about which client internals it touches).
"""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import itertools
import json
import socket
import socketserver
import ssl
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Mapping
from urllib.parse import parse_qsl, quote, urlencode, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_sdk.signature import SignatureVerifier

# ---------------------------------------------------------------------------
# Identities the fakes and the builders agree on by default.

TEAM_ID = "T0FAKE"
TEAM_DOMAIN = "review-desk-test"
APP_ID = "A0FAKE"
BOT_ID = "B0BOT"
BOT_USER_ID = "U0BOT"
USER_ID = "U0USER"
USER_NAME = "reviewer"
CHANNEL_ID = "C0CHAN"
CHANNEL_NAME = "reviews"
BOT_TOKEN = "xoxb-fake-bot-token"
DROP = -1  # the status of a stub that answers nothing and closes the connection
SLOW: dict = {}  # the body of a stub that answers as usual, only late
APP_TOKEN = "xapp-fake-app-token"
SIGNING_SECRET = "fake-signing-secret"
VERIFICATION_TOKEN = "fake-verification-token"

#: Pseudo method names under which non-Web-API requests are recorded.
RESPONSE_URL = "response_url"
FILE_UPLOAD = "file_upload"

_SEQ = itertools.count(1)
_TS_BASE = int(time.time())
_TS_SEQ = itertools.count(1)
_TS_LOCK = threading.Lock()


def new_ts() -> str:
    """A message timestamp, unique and increasing within the process (as Slack's are per channel)."""
    with _TS_LOCK:
        n = next(_TS_SEQ)
    return f"{_TS_BASE + n // 1_000_000}.{n % 1_000_000:06d}"


def _new_id(prefix: str) -> str:
    return f"{prefix}{next(_SEQ):08d}"


def _trigger_id() -> str:
    n = next(_SEQ)
    return f"{n}.{_TS_BASE}.{uuid.uuid4().hex}"


# ---------------------------------------------------------------------------
# Fake Web API


@dataclass
class ApiCall:
    """One request the fake received, and what it answered."""

    method: str  # "chat.postMessage", or RESPONSE_URL / FILE_UPLOAD
    http_method: str
    path: str
    headers: dict[str, str]  # lower-case names
    body: dict[str, Any]  # query + form/JSON/multipart fields, decoded
    raw_body: bytes
    status: int = 200
    response: Any = None

    @property
    def token(self) -> str | None:
        """The token the caller used: Authorization header first, then the ``token`` field."""
        auth = self.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:]
        return self.body.get("token")


@dataclass
class _Stub:
    status: int
    body: dict | Callable[[ApiCall], dict]
    headers: dict[str, str]
    remaining: int | None  # None: forever
    delay: float = 0.0  # seconds before answering


# Form fields that WebClient sends as JSON strings; decoded so tests compare structures.
_JSON_FIELDS = {"blocks", "attachments", "view", "files", "metadata", "unfurls", "user_auth_blocks"}


def _truthy(value: Any) -> bool:
    return value in (True, 1, "1", "true", "True")


def _decode_fields(fields: dict[str, Any]) -> dict[str, Any]:
    out = dict(fields)
    for key in _JSON_FIELDS & out.keys():
        value = out[key]
        if isinstance(value, str) and value[:1] in "[{":
            try:
                out[key] = json.loads(value)
            except ValueError:
                pass
    return out


def _parse_body(content_type: str, raw: bytes) -> dict[str, Any]:
    ctype = content_type.split(";", 1)[0].strip().lower()
    if not raw:
        return {}
    if ctype == "application/json" or raw[:1] == b"{":
        try:
            data = json.loads(raw)
            return data if isinstance(data, dict) else {"_json": data}
        except ValueError:
            return {"_raw": raw.decode("utf-8", "replace")}
    if ctype == "multipart/form-data":
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw
        )
        fields: dict[str, Any] = {}
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if part.get_filename() is None:
                fields[name] = payload.decode("utf-8")
            else:
                fields[name] = payload
        return fields
    try:
        return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
    except UnicodeDecodeError:  # a file's bytes, uploaded as they are
        return {}


class FakeSlackAPI:
    """The Slack Web API on 127.0.0.1, recording every call.

    Point ``WebClient(token=..., base_url=fake.base_url)`` at it. Answers are plausible enough
    for bolt's start-up (``auth.test``) and for the product's calls; tests assert on
    ``calls(method)`` / ``wait_for(method, predicate)``. ``users`` and ``channels`` can be
    seeded with fields that ``users.info`` / ``conversations.info`` merge into their answers.
    """

    def __init__(
        self,
        *,
        team_id: str = TEAM_ID,
        team_domain: str = TEAM_DOMAIN,
        bot_user_id: str = BOT_USER_ID,
        bot_id: str = BOT_ID,
        app_id: str = APP_ID,
        tls: "ssl.SSLContext | None" = None,
    ) -> None:
        self.tls = tls  # a server context: serve HTTPS (tests/fakes/tls.py), else HTTP
        self.team_id = team_id
        self.team_domain = team_domain
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.app_id = app_id
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}
        self.messages: dict[tuple[str, str], dict[str, Any]] = {}  # (channel, ts) -> message
        self.uploads: dict[str, dict[str, Any]] = {}  # file_id -> {filename, length, data}
        self.socket_mode: FakeSocketModeServer | None = None
        self._calls: list[ApiCall] = []
        self._stubs: dict[str, list[_Stub]] = {}
        self._channel_limit: tuple[float, int] | None = None
        self._buckets: dict[str, tuple[float, float]] = {}  # channel -> (tokens, when)
        self._cond = threading.Condition()
        self.connections = 0  # connections accepted so far (a kept-alive one counts once)
        self.idle_timeout: float | None = None  # close a connection idle this long (seconds)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._handlers: dict[str, Callable[[ApiCall], dict]] = {
            "api.test": lambda c: {"args": c.body},
            "auth.test": self._auth_test,
            "apps.connections.open": self._apps_connections_open,
            "chat.postMessage": self._chat_post_message,
            "chat.update": self._chat_update,
            "chat.postEphemeral": lambda c: {"message_ts": new_ts()},
            "chat.delete": lambda c: {"channel": c.body.get("channel"), "ts": c.body.get("ts")},
            "chat.getPermalink": self._chat_get_permalink,
            "conversations.info": self._conversations_info,
            "conversations.open": self._conversations_open,
            "conversations.history": self._conversations_history,
            "conversations.replies": self._conversations_replies,
            "users.info": self._users_info,
            "views.open": self._view,
            "views.push": self._view,
            "views.update": self._view,
            "views.publish": self._view,
            "files.getUploadURLExternal": self._files_get_upload_url,
            "files.completeUploadExternal": self._files_complete_upload,
        }

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> "FakeSlackAPI":
        fake = self

        class Handler(_RecordingHandler):
            owner = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        if self.tls is not None:  # the handshake happens in the handler's thread, on first read
            self._server.socket = self.tls.wrap_socket(self._server.socket, server_side=True,
                                                       do_handshake_on_connect=False)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="fake-slack-api", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = None

    def __enter__(self) -> "FakeSlackAPI":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "FakeSlackAPI is not started"
        return self._server.server_address[1]

    @property
    def root_url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """What ``WebClient(base_url=...)`` needs: ends with ``/api/``."""
        return f"{self.root_url}/api/"

    def response_url(self, key: str | None = None) -> str:
        """A loopback ``response_url`` whose posts (from ``respond()``) are recorded as RESPONSE_URL."""
        return f"{self.root_url}/response/{key or uuid.uuid4().hex}"

    def attach_socket_mode(self, server: "FakeSocketModeServer") -> None:
        """Make ``apps.connections.open`` hand out ``server``'s websocket URL."""
        self.socket_mode = server

    # -- inspection ----------------------------------------------------------

    def calls(self, method: str | None = None) -> list[ApiCall]:
        """Recorded calls (all, or those of one method), oldest first."""
        with self._cond:
            return [c for c in self._calls if method is None or c.method == method]

    def wait_for(
        self,
        method: str,
        predicate: Callable[[ApiCall], bool] | None = None,
        timeout: float = 5.0,
    ) -> ApiCall:
        """Block until a call of ``method`` (matching ``predicate``) was recorded; return it.

        For code that answers Slack first and works afterwards (bolt's default
        ``process_before_response=False``, Socket Mode, background jobs).
        """

        def match() -> ApiCall | None:
            for c in self._calls:
                if c.method == method and (predicate is None or predicate(c)):
                    return c
            return None

        with self._cond:
            found = self._cond.wait_for(match, timeout=timeout)
            if found is None:
                seen = [(c.method, c.body) for c in self._calls]
                raise AssertionError(f"no {method} call matched within {timeout}s; recorded: {seen}")
            return found

    async def wait_for_async(
        self,
        method: str,
        predicate: Callable[[ApiCall], bool] | None = None,
        timeout: float = 5.0,
    ) -> ApiCall:
        """``wait_for`` without blocking the running event loop."""
        return await asyncio.to_thread(self.wait_for, method, predicate, timeout)

    def reset(self) -> None:
        """Forget recorded calls, stubs, seeded users/channels and stored messages."""
        with self._cond:
            self._calls.clear()
            self._stubs.clear()
            self.users.clear()
            self.channels.clear()
            self.messages.clear()
            self.uploads.clear()
            self._channel_limit = None
            self._buckets.clear()

    # -- programming answers -------------------------------------------------

    def stub(
        self,
        method: str,
        body: dict | Callable[[ApiCall], dict],
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        times: int | None = None,
    ) -> None:
        """Answer ``method`` with ``body`` (a dict, or a function of the call) instead of the default.

        ``times=None`` keeps the stub forever; otherwise it is used that many times, after which
        the default answer (or the next stub) applies. Stubs are used in the order added.
        """
        with self._cond:
            self._stubs.setdefault(method, []).append(_Stub(status, body, dict(headers or {}), times))

    def fail(self, method: str, error: str = "internal_error", *, times: int | None = 1, status: int = 200) -> None:
        """Answer ``{"ok": false, "error": error}`` (how Slack reports most failures: with HTTP 200)."""
        self.stub(method, {"ok": False, "error": error}, status=status, times=times)

    def slow(self, method: str, seconds: float, *, times: int | None = 1) -> None:
        """Answer ``method`` as usual, but only after ``seconds``: a Slack that is slow (or a
        proxy that holds a rate-limited call)."""
        self.stub(method, SLOW, times=times)
        with self._cond:
            self._stubs[method][-1].delay = seconds

    def drop(self, method: str, *, times: int | None = 1) -> None:
        """Close the connection without answering, as a reset or a dead proxy does."""
        self.stub(method, {}, status=DROP, times=times)

    def rate_limit(self, method: str, *, retry_after: int = 1, times: int | None = 1) -> None:
        """Answer HTTP 429 with ``Retry-After``, as Slack does when a method's tier is exhausted."""
        self.stub(
            method,
            {"ok": False, "error": "ratelimited"},
            status=429,
            headers={"Retry-After": str(retry_after)},
            times=times,
        )

    def limit_channels(self, per_second: float = 1.0, *, burst: int = 1) -> None:
        """Answer ``chat.postMessage`` with HTTP 429 (``Retry-After: 1``) when a channel gets
        posts faster than ``per_second``, beyond a burst of ``burst``: Slack's limit on
        messages per channel, as a token bucket per channel."""
        with self._cond:
            self._channel_limit = (per_second, burst)
            self._buckets.clear()

    def _over_channel_limit(self, call: ApiCall) -> bool:
        if self._channel_limit is None or call.method != "chat.postMessage":
            return False
        rate, burst = self._channel_limit
        channel, now = str(call.body.get("channel", "")), time.monotonic()
        with self._cond:
            tokens, last = self._buckets.get(channel, (float(burst), now))
            tokens = min(float(burst), tokens + (now - last) * rate)
            over = tokens < 1
            self._buckets[channel] = (tokens if over else tokens - 1, now)
        return over

    # -- request handling (called from the server threads) -------------------

    def _handle(self, call: ApiCall) -> tuple[int, dict[str, str], bytes]:
        path = call.path
        if path.startswith("/response/"):
            call.method = RESPONSE_URL
            return self._finish(call, 200, {"Content-Type": "text/html"}, "ok")
        if path.startswith("/upload/"):
            call.method = FILE_UPLOAD
            file_id = path.rsplit("/", 1)[-1]
            with self._cond:
                if file_id in self.uploads:
                    self.uploads[file_id]["data"] = call.raw_body
            return self._finish(call, 200, {"Content-Type": "text/plain"}, f"OK - {len(call.raw_body)}")
        if not path.startswith("/api/"):
            return self._finish(call, 404, {"Content-Type": "text/plain"}, "not found")

        call.method = path[len("/api/") :]
        if self._over_channel_limit(call):
            return self._finish(call, 429, {"Content-Type": "application/json; charset=utf-8",
                                            "Retry-After": "1"},
                                {"ok": False, "error": "ratelimited"})
        stub = self._take_stub(call.method)
        if stub is not None and stub.delay:
            time.sleep(stub.delay)
        if stub is not None and stub.body is not SLOW:
            body = stub.body(call) if callable(stub.body) else stub.body
            headers = {"Content-Type": "application/json; charset=utf-8", **stub.headers}
            return self._finish(call, stub.status, headers, body)
        handler = self._handlers.get(call.method, lambda c: {})
        try:
            result = {"ok": True, **handler(call)}
        except Exception as exc:  # a broken fake must show up in the test, not hang it
            result = {"ok": False, "error": "fake_error", "detail": repr(exc)}
        return self._finish(call, 200, {"Content-Type": "application/json; charset=utf-8"}, result)

    def _take_stub(self, method: str) -> _Stub | None:
        with self._cond:
            for stub in self._stubs.get(method, []):
                if stub.remaining is None:
                    return stub
                if stub.remaining > 0:
                    stub.remaining -= 1
                    return stub
        return None

    def _finish(self, call: ApiCall, status: int, headers: dict[str, str], body: Any) -> tuple[int, dict, bytes]:
        call.status = status
        call.response = body
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        with self._cond:
            self._calls.append(call)
            self._cond.notify_all()
        return status, headers, data

    # -- default answers -----------------------------------------------------

    def _auth_test(self, call: ApiCall) -> dict:
        token = call.token or ""
        is_bot = not token.startswith("xoxp-")
        return {
            "url": f"https://{self.team_domain}.slack.com/",
            "team": "Review Desk Test",
            "user": "review-desk" if is_bot else USER_NAME,
            "team_id": self.team_id,
            "user_id": self.bot_user_id if is_bot else USER_ID,
            **({"bot_id": self.bot_id} if is_bot else {}),
            "is_enterprise_install": False,
        }

    def _apps_connections_open(self, call: ApiCall) -> dict:
        if self.socket_mode is None:
            raise RuntimeError("no FakeSocketModeServer attached (FakeSlackAPI.attach_socket_mode)")
        return {"url": self.socket_mode.new_connection_url()}

    def _message(self, args: dict, ts: str) -> dict:
        message = {
            "type": "message",
            "text": args.get("text", ""),
            "user": self.bot_user_id,
            "bot_id": self.bot_id,
            "app_id": self.app_id,
            "team": self.team_id,
            "ts": ts,
        }
        for key in ("blocks", "attachments", "thread_ts", "metadata"):
            if args.get(key) is not None:
                message[key] = args[key]
        return message

    def _chat_post_message(self, call: ApiCall) -> dict:
        args = call.body
        channel = str(args.get("channel", ""))
        if channel[:1] in ("U", "W"):  # posting to a user ID lands in the DM with them
            channel = "D" + channel[1:]
        ts = new_ts()
        message = self._message(args, ts)
        with self._cond:
            self.messages[(channel, ts)] = message
        return {"channel": channel, "ts": ts, "message": message}

    def _chat_update(self, call: ApiCall) -> dict:
        args = call.body
        channel, ts = args.get("channel"), args.get("ts")
        with self._cond:
            message = {**self.messages.get((channel, ts), {}), **self._message(args, ts)}
            self.messages[(channel, ts)] = message
        return {"channel": channel, "ts": ts, "text": args.get("text", ""), "message": message}

    def _chat_get_permalink(self, call: ApiCall) -> dict:
        channel, ts = call.body.get("channel"), str(call.body.get("message_ts", ""))
        link = f"https://{self.team_domain}.slack.com/archives/{channel}/p{ts.replace('.', '')}"
        return {"channel": channel, "permalink": link}

    def _conversations_info(self, call: ApiCall) -> dict:
        cid = call.body.get("channel", "")
        channel = {
            "id": cid,
            "name": CHANNEL_NAME if cid == CHANNEL_ID else cid.lower(),
            "is_channel": cid.startswith("C"),
            "is_group": False,
            "is_im": cid.startswith("D"),
            "is_private": cid.startswith("G"),
            "is_archived": False,
            "is_member": True,
            "created": _TS_BASE,
            "creator": USER_ID,
            "context_team_id": self.team_id,
            "topic": {"value": "", "creator": "", "last_set": 0},
            "purpose": {"value": "", "creator": "", "last_set": 0},
        }
        if _truthy(call.body.get("include_locale")):
            channel["locale"] = "en-US"
        channel.update(self.channels.get(cid, {}))
        return {"channel": channel}

    def _conversations_open(self, call: ApiCall) -> dict:
        users = str(call.body.get("users", "")).split(",")
        cid = call.body.get("channel") or "D" + users[0][1:]
        return {"channel": {"id": cid}}

    def _conversations_history(self, call: ApiCall) -> dict:
        cid = call.body.get("channel")
        with self._cond:
            msgs = [m for (c, _), m in self.messages.items() if c == cid and m.get("thread_ts") in (None, m["ts"])]
        return {"messages": sorted(msgs, key=lambda m: m["ts"], reverse=True), "has_more": False}

    def _conversations_replies(self, call: ApiCall) -> dict:
        cid, root = call.body.get("channel"), call.body.get("ts")
        with self._cond:
            msgs = [
                m for (c, ts), m in self.messages.items() if c == cid and root in (ts, m.get("thread_ts"))
            ]
        return {"messages": sorted(msgs, key=lambda m: m["ts"]), "has_more": False}

    def _users_info(self, call: ApiCall) -> dict:
        uid = call.body.get("user", "")
        seeded = dict(self.users.get(uid, {}))
        name = seeded.get("name", USER_NAME if uid == USER_ID else uid.lower())
        real_name = seeded.get("real_name", name.title())
        user = {
            "id": uid,
            "team_id": self.team_id,
            "name": name,
            "real_name": real_name,
            "deleted": False,
            "is_bot": uid == self.bot_user_id,
            "is_admin": False,
            "tz": "Europe/Berlin",
            "tz_label": "Central European Time",
            "tz_offset": 3600,
            "profile": {"real_name": real_name, "display_name": name, "email": f"{name}@example.com"},
        }
        locale = seeded.pop("locale", "en-US")
        user.update(seeded)
        if _truthy(call.body.get("include_locale")):
            user["locale"] = locale
        return {"user": user}

    def _view(self, call: ApiCall) -> dict:
        args = call.body
        view = args.get("view") or {}
        if isinstance(view, str):
            view = json.loads(view)
        view_id = args.get("view_id") or _new_id("V")
        return {
            "view": {
                "id": view_id,
                "team_id": self.team_id,
                "type": view.get("type", "modal"),
                "blocks": view.get("blocks", []),
                "private_metadata": view.get("private_metadata", ""),
                "callback_id": view.get("callback_id", ""),
                "external_id": args.get("external_id") or view.get("external_id", ""),
                "state": {"values": {}},
                "hash": f"{_TS_BASE}.{uuid.uuid4().hex[:8]}",
                "title": view.get("title"),
                "submit": view.get("submit"),
                "close": view.get("close"),
                "clear_on_close": False,
                "notify_on_close": view.get("notify_on_close", False),
                "previous_view_id": None,
                "root_view_id": view_id,
                "app_id": self.app_id,
                "app_installed_team_id": self.team_id,
                "bot_id": self.bot_id,
            }
        }

    def _files_get_upload_url(self, call: ApiCall) -> dict:
        file_id = _new_id("F")
        with self._cond:
            self.uploads[file_id] = {
                "filename": call.body.get("filename"),
                "length": int(call.body.get("length") or 0),
                "data": None,
            }
        return {"upload_url": f"{self.root_url}/upload/{file_id}", "file_id": file_id}

    def _files_complete_upload(self, call: ApiCall) -> dict:
        files = call.body.get("files") or []
        out = []
        for f in files:
            info = self.uploads.get(f["id"], {})
            name = info.get("filename") or f["id"]
            out.append(
                {
                    "id": f["id"],
                    "name": name,
                    "title": f.get("title") or name,
                    "size": len(info.get("data") or b""),
                    "user": self.bot_user_id,
                    "permalink": f"https://{self.team_domain}.slack.com/files/{self.bot_user_id}/{f['id']}/{name}",
                }
            )
        return {"files": out}


class _RecordingHandler(BaseHTTPRequestHandler):
    """Turns an HTTP request into an ``ApiCall`` for its ``owner`` and writes the answer."""

    owner: FakeSlackAPI
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        self.timeout = self.owner.idle_timeout  # a read that waits longer closes the connection
        with self.owner._cond:
            self.owner.connections += 1
        super().setup()
        # The head and the body of an answer are two writes: without this, on a kept-alive
        # connection the body waits for the client's delayed ACK (40 ms), as no real server's.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _serve(self) -> None:
        raw = self._read_body()
        parts = urlsplit(self.path)
        body = dict(parse_qsl(parts.query, keep_blank_values=True))
        body.update(_parse_body(self.headers.get("Content-Type", ""), raw))
        call = ApiCall(
            method="",
            http_method=self.command,
            path=parts.path,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=_decode_fields(body),
            raw_body=raw,
        )
        status, headers, data = self.owner._handle(call)
        if status == DROP:  # a connection reset: no answer at all
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = _serve

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass


# ---------------------------------------------------------------------------
# Fake Socket Mode server


class FakeSocketModeServer:
    """The Socket Mode websocket, served by aiohttp in its own thread and loop.

    Works with slack-sdk's builtin client (bolt's ``SocketModeHandler``): it connects to
    whatever ``apps.connections.open`` returns, so pass the ``FakeSlackAPI`` (or call its
    ``attach_socket_mode``). ``push*`` sends an envelope to the newest connection and returns
    its ``envelope_id``; ``wait_ack(envelope_id)`` returns the ack the app sent back.
    Close the app's handler (``close_socket_mode_handler``) before stopping the server, or a
    client with auto-reconnect keeps asking ``apps.connections.open`` for a new URL.
    """

    def __init__(
        self,
        api: FakeSlackAPI | None = None,
        *,
        app_id: str = APP_ID,
        ping_interval: float | None = 0.1,
    ) -> None:
        self.app_id = app_id
        # Slack pings its clients; so does the fake, often. The builtin client blocks in recv()
        # for up to 3 s, and replacing a session (on a "disconnect" message) or closing waits
        # for that recv: each ping wakes it. None: no pings.
        self.ping_interval = ping_interval
        self._pinger: asyncio.Task | None = None
        self._cond = threading.Condition()
        self._sockets: list[Any] = []
        self._connections_total = 0
        self._received: list[dict] = []
        self._acks: dict[str, dict] = {}
        self._tickets = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: Any = None
        self._thread: threading.Thread | None = None
        self.port: int | None = None
        if api is not None:
            api.attach_socket_mode(self)

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> "FakeSocketModeServer":
        from aiohttp import web

        self._loop = asyncio.new_event_loop()
        ready = threading.Event()
        error: list[BaseException] = []

        async def setup() -> None:
            app = web.Application()
            app.router.add_get("/link/", self._ws_handler)
            app.router.add_get("/link", self._ws_handler)
            self._runner = web.AppRunner(app, shutdown_timeout=1.0, handle_signals=False, access_log=None)
            await self._runner.setup()
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            await site.start()
            self.port = self._runner.addresses[0][1]
            if self.ping_interval:
                self._pinger = asyncio.create_task(self._ping_forever(self.ping_interval))

        def run() -> None:
            asyncio.set_event_loop(self._loop)
            try:
                self._loop.run_until_complete(setup())
            except BaseException as exc:  # surfaced by start()
                error.append(exc)
                ready.set()
                return
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="fake-socket-mode", daemon=True)
        self._thread.start()
        ready.wait(timeout=10)
        if error:
            raise error[0]
        return self

    def stop(self) -> None:
        if self._loop is None:
            return

        async def shutdown() -> None:
            if self._pinger is not None:
                self._pinger.cancel()
            await self._close_sockets(1001)
            await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()
        self._loop = None

    def __enter__(self) -> "FakeSocketModeServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def new_connection_url(self) -> str:
        """A fresh ``ws://`` URL, as ``apps.connections.open`` returns one per call."""
        assert self.port is not None, "FakeSocketModeServer is not started"
        return f"ws://127.0.0.1:{self.port}/link/?ticket={next(self._tickets)}&app_id={self.app_id}"

    # -- the websocket -------------------------------------------------------

    async def _ws_handler(self, request: Any) -> Any:
        from aiohttp import WSMsgType, web

        # timeout: how long close() waits for the peer's close frame (the builtin client sends none).
        ws = web.WebSocketResponse(autoping=True, timeout=0.5)
        await ws.prepare(request)
        with self._cond:
            open_now = len(self._sockets) + 1
        hello = {
            "type": "hello",
            "num_connections": open_now,
            "debug_info": {"host": "fake-socket-mode", "approximate_connection_time": 18060},
            "connection_info": {"app_id": self.app_id},
        }
        await ws.send_str(json.dumps(hello))
        with self._cond:  # announced only once hello is out, so pushes always follow it
            self._sockets.append(ws)
            self._connections_total += 1
            self._cond.notify_all()
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                try:
                    data = json.loads(msg.data)
                except ValueError:
                    data = {"_raw": msg.data}
                with self._cond:
                    self._received.append(data)
                    if isinstance(data, dict) and "envelope_id" in data:
                        self._acks[data["envelope_id"]] = data
                    self._cond.notify_all()
        finally:
            with self._cond:
                if ws in self._sockets:
                    self._sockets.remove(ws)
                self._cond.notify_all()
        return ws

    async def _ping_forever(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            await self._ping_sockets()

    async def _ping_sockets(self) -> None:
        with self._cond:
            sockets = list(self._sockets)
        await asyncio.gather(*(ws.ping(b"fake") for ws in sockets if not ws.closed), return_exceptions=True)

    async def _close_sockets(self, code: int) -> None:
        with self._cond:
            sockets = list(self._sockets)
        await asyncio.gather(*(ws.close(code=code) for ws in sockets), return_exceptions=True)

    def _run(self, coro: Any, timeout: float = 5.0) -> Any:
        assert self._loop is not None, "FakeSocketModeServer is not started"
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout=timeout)

    # -- driving the app -----------------------------------------------------

    @property
    def connection_count(self) -> int:
        """Open connections right now."""
        with self._cond:
            return len(self._sockets)

    @property
    def connections_total(self) -> int:
        """Connections ever accepted (grows on each reconnect)."""
        with self._cond:
            return self._connections_total

    def wait_connected(self, total: int = 1, timeout: float = 5.0) -> None:
        """Block until ``total`` connections were accepted and one is open."""
        with self._cond:
            ok = self._cond.wait_for(lambda: self._connections_total >= total and self._sockets, timeout=timeout)
        if not ok:
            raise AssertionError(f"socket mode client did not connect within {timeout}s")

    def send_json(self, message: dict, timeout: float = 5.0) -> None:
        """Send any JSON message (e.g. ``{"type": "disconnect", "reason": "refresh_requested"}``)."""
        self.wait_connected(timeout=timeout)
        with self._cond:
            ws = self._sockets[-1]
        self._run(ws.send_str(json.dumps(message)), timeout)

    def push(
        self,
        type: str,
        payload: dict,
        *,
        envelope_id: str | None = None,
        accepts_response_payload: bool | None = None,
        retry_attempt: int | None = None,
        retry_reason: str | None = None,
        timeout: float = 5.0,
    ) -> str:
        """Push one envelope; returns its ``envelope_id``.

        ``accepts_response_payload`` defaults as Slack sets it: true for slash commands and for
        interactive payloads whose ack can carry a body (view submissions, suggestions).
        ``retry_attempt``/``retry_reason`` are only sent when given (Slack sends them on
        ``events_api`` envelopes: 0 and "" on the first delivery).
        """
        envelope_id = envelope_id or str(uuid.uuid4())
        if accepts_response_payload is None:
            accepts_response_payload = type == "slash_commands" or (
                type == "interactive"
                and payload.get("type") in ("view_submission", "block_suggestion", "dialog_suggestion")
            )
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "type": type,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
        }
        if retry_attempt is not None:
            envelope["retry_attempt"] = retry_attempt
        if retry_reason is not None:
            envelope["retry_reason"] = retry_reason
        self.send_json(envelope, timeout)
        return envelope_id

    async def push_async(self, type: str, payload: dict, **kw: Any) -> str:
        """``push`` from a test running an event loop (the client may need that loop to connect)."""
        return await asyncio.to_thread(self.push, type, payload, **kw)

    def push_slash_command(self, payload: dict, **kw: Any) -> str:
        return self.push("slash_commands", payload, **kw)

    def push_interactive(self, payload: dict, **kw: Any) -> str:
        return self.push("interactive", payload, **kw)

    def push_event(self, payload: dict, *, retry_attempt: int = 0, retry_reason: str = "", **kw: Any) -> str:
        """Push an Events API envelope; first delivery by default (``retry_attempt=0``)."""
        return self.push("events_api", payload, retry_attempt=retry_attempt, retry_reason=retry_reason, **kw)

    def wait_ack(self, envelope_id: str, timeout: float = 5.0) -> dict:
        """Block until the app acked ``envelope_id``; returns ``{"envelope_id", ["payload"]}``."""
        with self._cond:
            ok = self._cond.wait_for(lambda: envelope_id in self._acks, timeout=timeout)
            if not ok:
                raise AssertionError(f"no ack for envelope {envelope_id} within {timeout}s")
            return self._acks[envelope_id]

    async def wait_ack_async(self, envelope_id: str, timeout: float = 5.0) -> dict:
        return await asyncio.to_thread(self.wait_ack, envelope_id, timeout)

    @property
    def acks(self) -> list[dict]:
        with self._cond:
            return list(self._acks.values())

    @property
    def received(self) -> list[dict]:
        """Every text message the clients sent, in order."""
        with self._cond:
            return list(self._received)

    def ping_all(self, timeout: float = 5.0) -> None:
        """Ping every connection now (wakes a client blocked in ``recv``)."""
        self._run(self._ping_sockets(), timeout)

    def disconnect_all(self, code: int = 1000, timeout: float = 5.0) -> None:
        """Close every connection from the server side.

        The builtin client reconnects only at its next state check (every ``ping_interval``
        of the handler, 10 s by default): its close callback still sees the session as
        connected. To test a reconnect, send ``{"type": "disconnect", "reason":
        "refresh_requested"}`` with ``send_json`` (what Slack does; the client reconnects at once).
        """
        self._run(self._close_sockets(code), timeout)
        with self._cond:
            self._cond.wait_for(lambda: not self._sockets, timeout=timeout)


def close_socket_mode_handler(handler: Any, server: FakeSocketModeServer | None = None) -> None:
    """Close bolt's builtin ``SocketModeHandler`` in milliseconds instead of seconds.

    ``handler.close()`` alone waits for the receiver thread's blocking ``recv`` (3 s socket
    timeout for non-TLS URLs) and for the message queue poll (1 s). So: turn auto-reconnect
    off, mark the session terminated and have the server ping (the receiver wakes, sees the
    flag and lets go of the socket), flag the client closed and wake its queue, then close.
    A server-side close frame would also wake the receiver, but then the receiver and
    ``close()`` both disconnect, and slack-sdk's unlocked ``sock is not None`` check races
    (``AttributeError: 'NoneType' object has no attribute 'close'`` logged as an error).
    Touches slack-sdk 3.47 ``SocketModeClient`` attributes (``auto_reconnect_enabled``,
    ``current_session_state``, ``closed``, ``message_queue``).
    """
    client = handler.client
    client.default_auto_reconnect_enabled = False
    client.auto_reconnect_enabled = False
    client.current_session_state.terminated = True
    if server is not None:
        server.ping_all()
    client.closed = True
    client.message_queue.put(None)  # process_message() skips None
    handler.close()


# ---------------------------------------------------------------------------
# Signed requests


def signed_headers(
    secret: str,
    body: str,
    timestamp: int | str | None = None,
    *,
    content_type: str | None = None,
) -> dict[str, str]:
    """Headers Slack sends with ``body``: signature, timestamp and content type.

    ``timestamp`` defaults to now; pass ``time.time() - 301`` for a stale request. The content
    type follows the body (JSON for events, form for everything else) unless given.
    """
    ts = str(int(time.time()) if timestamp is None else int(timestamp))
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    if content_type is None:
        content_type = "application/json" if body.startswith("{") else "application/x-www-form-urlencoded"
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature,
    }


def retry_headers(num: int, reason: str = "http_timeout") -> dict[str, str]:
    """The headers Slack adds when it resends an event it thinks failed."""
    return {"X-Slack-Retry-Num": str(num), "X-Slack-Retry-Reason": reason}


def bolt_request(
    body: str,
    secret: str = SIGNING_SECRET,
    *,
    timestamp: int | str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Any:
    """A signed ``BoltRequest`` for ``app.dispatch`` (``headers`` are added, e.g. ``retry_headers``)."""
    from slack_bolt import BoltRequest

    return BoltRequest(body=body, headers={**signed_headers(secret, body, timestamp), **(headers or {})})


def async_bolt_request(
    body: str,
    secret: str = SIGNING_SECRET,
    *,
    timestamp: int | str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Any:
    """A signed ``AsyncBoltRequest`` for ``await app.async_dispatch``."""
    from slack_bolt.request.async_request import AsyncBoltRequest

    return AsyncBoltRequest(body=body, headers={**signed_headers(secret, body, timestamp), **(headers or {})})


# ---------------------------------------------------------------------------
# Payloads exactly as Slack sends them. ``*_payload`` returns the dict (also what Socket Mode
# envelopes carry); ``*_body`` returns the HTTP request body string.


def form_body(fields: Mapping[str, Any]) -> str:
    """Form-encode fields the way Slack does (slash commands)."""
    return urlencode({k: "" if v is None else v for k, v in fields.items()})


def interactive_body(payload: Mapping[str, Any]) -> str:
    """Interactivity requests: one form field ``payload`` holding the JSON."""
    return "payload=" + quote(json.dumps(payload))


def _user(user_id: str, user_name: str, team_id: str) -> dict:
    return {"id": user_id, "username": user_name, "name": user_name, "team_id": team_id}


def _team(team_id: str) -> dict:
    return {"id": team_id, "domain": TEAM_DOMAIN}


def slash_command_payload(
    command: str = "/review",
    text: str = "",
    *,
    user_id: str = USER_ID,
    user_name: str = USER_NAME,
    team_id: str = TEAM_ID,
    channel_id: str = CHANNEL_ID,
    channel_name: str = CHANNEL_NAME,
    trigger_id: str | None = None,
    response_url: str = "",
    api_app_id: str = APP_ID,
    **extra: Any,
) -> dict[str, str]:
    fields = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "team_domain": TEAM_DOMAIN,
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": user_name,
        "command": command,
        "text": text,
        "api_app_id": api_app_id,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id or _trigger_id(),
    }
    fields.update({k: str(v) for k, v in extra.items()})
    return fields


def slash_command_body(command: str = "/review", text: str = "", **kw: Any) -> str:
    return form_body(slash_command_payload(command, text, **kw))


def block_action_payload(
    action_id: str,
    value: str | None = None,
    *,
    block_id: str = "actions",
    action_type: str = "button",
    user: str = USER_ID,
    user_name: str = USER_NAME,
    team_id: str = TEAM_ID,
    channel: str = CHANNEL_ID,
    message_ts: str | None = None,
    message: dict | None = None,
    view: dict | None = None,
    response_url: str = "",
    trigger_id: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A ``block_actions`` payload from a button in a message (or in ``view``, if given)."""
    action: dict[str, Any] = {
        "action_id": action_id,
        "block_id": block_id,
        "type": action_type,
        "action_ts": new_ts(),
    }
    if action_type == "button":
        action["text"] = {"type": "plain_text", "text": action_id, "emoji": True}
    if value is not None:
        action["value"] = value
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": _user(user, user_name, team_id),
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": trigger_id or _trigger_id(),
        "team": _team(team_id),
        "enterprise": None,
        "is_enterprise_install": False,
        "state": {"values": {}},
        "actions": [action],
    }
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view.get("id", "V0VIEW")}
        payload["view"] = view
    else:
        message_ts = message_ts or (message or {}).get("ts") or new_ts()
        payload["container"] = {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel,
            "is_ephemeral": False,
        }
        payload["channel"] = {"id": channel, "name": CHANNEL_NAME if channel == CHANNEL_ID else channel.lower()}
        payload["message"] = {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "app_id": APP_ID,
            "team": team_id,
            "text": "",
            "ts": message_ts,
            "blocks": [],
            **(message or {}),
        }
        payload["response_url"] = response_url
    payload.update(extra)
    return payload


def block_action_body(action_id: str, value: str | None = None, **kw: Any) -> str:
    return interactive_body(block_action_payload(action_id, value, **kw))


def message_shortcut_payload(
    callback_id: str,
    message: dict | None = None,
    *,
    channel: str = CHANNEL_ID,
    user: str = USER_ID,
    user_name: str = USER_NAME,
    team_id: str = TEAM_ID,
    response_url: str = "",
    trigger_id: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A message shortcut (``type: message_action``) on ``message`` ({text, ts, user, ...})."""
    msg = {"type": "message", "text": "", "user": USER_ID, "ts": new_ts(), "team": team_id, **(message or {})}
    payload = {
        "type": "message_action",
        "token": VERIFICATION_TOKEN,
        "action_ts": new_ts(),
        "team": _team(team_id),
        "user": _user(user, user_name, team_id),
        "channel": {"id": channel, "name": CHANNEL_NAME if channel == CHANNEL_ID else channel.lower()},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": trigger_id or _trigger_id(),
        "response_url": response_url,
        "message_ts": msg["ts"],
        "message": msg,
    }
    payload.update(extra)
    return payload


def message_shortcut_body(callback_id: str, message: dict | None = None, **kw: Any) -> str:
    return interactive_body(message_shortcut_payload(callback_id, message, **kw))


def global_shortcut_payload(
    callback_id: str,
    *,
    user: str = USER_ID,
    user_name: str = USER_NAME,
    team_id: str = TEAM_ID,
    trigger_id: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A global shortcut (``type: shortcut``): no channel, no response_url."""
    payload = {
        "type": "shortcut",
        "token": VERIFICATION_TOKEN,
        "action_ts": new_ts(),
        "team": _team(team_id),
        "user": _user(user, user_name, team_id),
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": trigger_id or _trigger_id(),
    }
    payload.update(extra)
    return payload


def global_shortcut_body(callback_id: str, **kw: Any) -> str:
    return interactive_body(global_shortcut_payload(callback_id, **kw))


def view_submission_payload(
    callback_id: str,
    state_values: dict | None = None,
    private_metadata: str = "",
    *,
    user: str = USER_ID,
    user_name: str = USER_NAME,
    team_id: str = TEAM_ID,
    view_id: str | None = None,
    blocks: list | None = None,
    response_urls: list | None = None,
    trigger_id: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A modal submission. ``state_values`` is ``{block_id: {action_id: {"type", "value"...}}}``."""
    view_id = view_id or _new_id("V")
    payload = {
        "type": "view_submission",
        "team": _team(team_id),
        "user": _user(user, user_name, team_id),
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": trigger_id or _trigger_id(),
        "view": {
            "id": view_id,
            "team_id": team_id,
            "type": "modal",
            "blocks": blocks or [],
            "private_metadata": private_metadata,
            "callback_id": callback_id,
            "state": {"values": state_values or {}},
            "hash": f"{_TS_BASE}.{uuid.uuid4().hex[:8]}",
            "title": {"type": "plain_text", "text": "Review Desk"},
            "clear_on_close": False,
            "notify_on_close": False,
            "close": {"type": "plain_text", "text": "Cancel"},
            "submit": {"type": "plain_text", "text": "Submit"},
            "previous_view_id": None,
            "root_view_id": view_id,
            "app_id": APP_ID,
            "external_id": "",
            "app_installed_team_id": team_id,
            "bot_id": BOT_ID,
        },
        "response_urls": response_urls or [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
    payload.update(extra)
    return payload


def view_submission_body(
    callback_id: str, state_values: dict | None = None, private_metadata: str = "", **kw: Any
) -> str:
    return interactive_body(view_submission_payload(callback_id, state_values, private_metadata, **kw))


def message_event(
    text: str = "",
    *,
    user: str = USER_ID,
    channel: str = CHANNEL_ID,
    ts: str | None = None,
    thread_ts: str | None = None,
    team_id: str = TEAM_ID,
    **extra: Any,
) -> dict[str, Any]:
    """The inner ``message`` event of a user's post (a thread reply when ``thread_ts`` is set)."""
    ts = ts or new_ts()
    event = {
        "client_msg_id": str(uuid.uuid4()),
        "type": "message",
        "text": text,
        "user": user,
        "ts": ts,
        "team": team_id,
        "channel": channel,
        "event_ts": ts,
        "channel_type": "im" if channel.startswith("D") else "channel",
    }
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
        event["parent_user_id"] = extra.pop("parent_user_id", BOT_USER_ID)
    event.update(extra)
    return event


def event_payload(
    event: dict | None = None,
    *,
    event_id: str | None = None,
    team_id: str = TEAM_ID,
    bot_user_id: str = BOT_USER_ID,
    **extra: Any,
) -> dict[str, Any]:
    """The Events API envelope (``type: event_callback``) around ``event``."""
    event = event if event is not None else message_event()
    payload = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "context_team_id": team_id,
        "context_enterprise_id": None,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
        "event_time": int(float(event.get("event_ts", time.time()))),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": bot_user_id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{uuid.uuid4().hex}",
    }
    payload.update(extra)
    return payload


def event_body(event: dict | None = None, **kw: Any) -> str:
    return json.dumps(event_payload(event, **kw))


# ---------------------------------------------------------------------------
# Serving a bolt App over real HTTP


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietWSGIRequestHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class BoltHTTPServer:
    """Serves a bolt ``App`` on 127.0.0.1 through ``slack_bolt.adapter.wsgi``, in a thread.

    The same path a production WSGI server takes (body bytes, headers from the environ,
    signature check), so 401s and ack bodies are what Slack would get.
    """

    def __init__(self, app: Any, path: str = "/slack/events") -> None:
        from slack_bolt.adapter.wsgi import SlackRequestHandler

        self.path = path
        self._wsgi = SlackRequestHandler(app, path=path)
        self._server: WSGIServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> "BoltHTTPServer":
        self._server = make_server(
            "127.0.0.1", 0, self._wsgi, server_class=_ThreadingWSGIServer, handler_class=_QuietWSGIRequestHandler
        )
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="bolt-http", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = None

    def __enter__(self) -> "BoltHTTPServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._server is not None, "BoltHTTPServer is not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}{self.path}"


@dataclass
class HttpResult:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    text: str = ""

    def json(self) -> Any:
        return json.loads(self.text)


def http_post(url: str, body: str, headers: Mapping[str, str], timeout: float = 5.0) -> HttpResult:
    """POST like Slack does; error statuses are returned, not raised."""
    req = urllib.request.Request(url, data=body.encode("utf-8"), headers=dict(headers), method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return HttpResult(resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read().decode())
    except urllib.error.HTTPError as err:
        return HttpResult(err.code, {k.lower(): v for k, v in err.headers.items()}, err.read().decode())
