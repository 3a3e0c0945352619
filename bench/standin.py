"""A fast loopback stand-in for Slack's Web API, for load: it answers what the bot calls
with the fewest fields that do, keeps no bodies, and notes when each case card arrived.

Review texts sent by the load generator carry a marker `bench-<n>`; a `chat.postMessage`
outside a thread whose body holds the marker is that review's card, and its first button's
value is the case's id. Runs on the caller's asyncio loop, on 127.0.0.1 and a free port.
"""
from __future__ import annotations

import itertools
import json
import re
import time
from collections import Counter
from urllib.parse import parse_qsl

from aiohttp import web

from bench.common import TEAM_ID

MARKER = re.compile(rb"bench-(\d+)")
BUTTON_VALUE = re.compile(rb'"value":\s*"(\d+)"')
TS_BASE = int(time.time())
MEMBERS = 6  # people in the review channel, besides the bot


class StandIn:
    def __init__(self) -> None:
        self.cards: dict[int, float] = {}  # marker -> time.perf_counter() of the card's arrival
        self.case_ids: dict[int, int] = {}  # marker -> case id
        self.calls: Counter[str] = Counter()
        self._ts = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    async def start(self) -> "StandIn":
        app = web.Application(client_max_size=8 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self.handle)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False,
                                     shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def reset(self) -> None:
        self.cards.clear()
        self.case_ids.clear()
        self.calls.clear()

    def ts(self) -> str:
        n = next(self._ts)
        return f"{TS_BASE + n // 1_000_000}.{n % 1_000_000:06d}"

    async def handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        raw = await request.read()
        self.calls[method] += 1
        args: dict = dict(request.query)
        if method == "chat.postMessage":
            arrived = time.perf_counter()
            args = _args(request.content_type, raw)
            if not args.get("thread_ts"):
                found = MARKER.search(raw)
                if found:
                    n = int(found.group(1))
                    self.cards.setdefault(n, arrived)
                    value = BUTTON_VALUE.search(raw)
                    if value:
                        self.case_ids.setdefault(n, int(value.group(1)))
            return _ok(channel=args.get("channel", ""), ts=self.ts(),
                       message={"type": "message", "ts": ""})
        if method in ("users.info", "conversations.info"):
            if raw:
                args.update(_args(request.content_type, raw))
            if method == "users.info":
                uid = args.get("user", "")
                return _ok(user={"id": uid, "name": uid.lower(), "locale": "en-US",
                                 "profile": {"display_name": uid.lower()}})
            return _ok(channel={"id": args.get("channel", ""), "is_member": True,
                                "num_members": MEMBERS + 1})
        if method == "auth.test":
            return _ok(user_id="U0BOT", bot_id="B0BOT", team_id=TEAM_ID, user="review-desk",
                       team="Bench", url="https://bench.slack.com/")
        if method == "chat.update":
            args = _args(request.content_type, raw)
            return _ok(channel=args.get("channel", ""), ts=args.get("ts", ""))
        if method == "chat.getPermalink":
            return _ok(permalink="https://bench.slack.com/archives/C/p1")
        if method.startswith("views."):
            return _ok(view={"id": "V0BENCH"})
        return _ok(message_ts=self.ts())


def _args(content_type: str, raw: bytes) -> dict:
    if not raw:
        return {}
    if content_type == "application/json" or raw[:1] == b"{":
        try:
            data = json.loads(raw)
            return data if isinstance(data, dict) else {}
        except ValueError:
            return {}
    return dict(parse_qsl(raw.decode("utf-8", "replace")))


def _ok(**fields: object) -> web.Response:
    return web.Response(body=json.dumps({"ok": True, **fields}).encode(),
                        content_type="application/json")
