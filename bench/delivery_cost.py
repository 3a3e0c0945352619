"""What a forward costs end to end through the Slack adapter, delivery included: SQL
statements and transactions per forward (and per click: a vote, a claim), process CPU ms,
and Web API calls, with the Web API on a loopback fake and the work done inline (no inbox).

    .venv/bin/python bench/delivery_cost.py [--count 300] [--postgres] [--sql]
                                           [--client kept|urlopen] [--tls]

`--postgres`: a fresh schema in the database TEST_POSTGRES_URL names (one of your own, never
the tests'). `--sql` prints the statements of one forward after the warm-up. `--client
urlopen`: slack_sdk's own WebClient, a new connection per call (the bot's client before it
kept connections alive). `--tls`: the fake serves HTTPS with a self-signed certificate, so
each new connection costs a TLS handshake as against Slack (and the client, given no SSL
context as the bot's is, trusts the system's certificates, to which the bench adds the fake's
through SSL_CERT_FILE). CPU is the whole process's (the
fake's server threads included) and the forwarding thread's alone (the bot's side).
Asserts nothing.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ack_latency import REVIEW, prepare_team  # noqa: E402
from bench.common import CHANNEL_ID, TEAM_ID, database  # noqa: E402
from tests.fakes.slack_fake import (BOT_TOKEN, SIGNING_SECRET, FakeSlackAPI,  # noqa: E402
                                    block_action_body, bolt_request, slash_command_body)


def web_client(kind: str, base_url: str, tls: bool):
    """The adapter's client, as make_client builds it, or slack_sdk's own over urlopen."""
    from datetime import datetime

    from slack_sdk import WebClient

    from bot.adapters.slack.patience import CALL_TIMEOUT, Patience, retry_handlers
    from bot.adapters.slack.webclient import KeptAliveClient
    from tests.fakes.tls import system_bundle

    if tls:  # no ssl given, as the bot gives none: the system's certificates, and the fake's
        os.environ["SSL_CERT_FILE"] = system_bundle()
    make = KeptAliveClient if kind == "kept" else WebClient
    return make(token=BOT_TOKEN, base_url=base_url, timeout=CALL_TIMEOUT,
                retry_handlers=retry_handlers(Patience(datetime.now)))


def measure(count: int, url: str, show: bool = False, client: str = "kept",
            tls: bool = False) -> dict:
    from sqlalchemy import event
    from tests.fakes.tls import server_context

    from app.main import build
    from bot.adapters.slack.adapter import SlackAdapter
    from bot.adapters.slack.config import SlackSettings
    from bot.adapters.slack.outbound import Pacer
    from bot.settings import Settings

    prepare_team(url)
    tally: Counter = Counter()
    shown: list[str] = []
    with FakeSlackAPI(tls=server_context() if tls else None) as api:
        app = build(Settings(database_url=url))
        app.settings = replace(app.settings, sections={"slack": SlackSettings(
            bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_base_url=api.base_url)})
        adapter = SlackAdapter(app, process_before_response=True,
                               client=web_client(client, api.base_url, tls),
                               pacer=Pacer(clock=lambda: 0.0, sleep=lambda s: None))
        engine = app.desk.db.engine

        @event.listens_for(engine, "before_cursor_execute")
        def statement(conn, cursor, sql, params, context, many):  # noqa: ANN001
            tally["statements"] += 1
            if show:
                shown.append(" ".join(sql.split())[:160])

        @event.listens_for(engine, "commit")
        def commit(conn):  # noqa: ANN001
            tally["transactions"] += 1

        def forward(n: int) -> None:
            adapter.app.dispatch(bolt_request(slash_command_body(
                "/review", REVIEW.format(n=n, t=n % 40 + 1), user_id="U0ANN", team_id=TEAM_ID,
                channel_id=CHANNEL_ID)))

        forward(1)  # warm: first users.info, caches
        forward(2)
        tally.clear()
        shown.clear()
        forward(3)
        one = dict(tally)
        sql = list(shown)
        show = False
        tally.clear()
        calls, connections = len(api.calls()), api.connections
        cpu, own, wall = time.process_time(), time.thread_time(), time.perf_counter()
        for n in range(4, count + 4):
            forward(n)
        cpu, own = time.process_time() - cpu, time.thread_time() - own
        wall = time.perf_counter() - wall
        connections = api.connections - connections
        forwards = dict(tally)
        api_calls = (len(api.calls()) - calls) / count
        tally.clear()
        show, shown[:] = bool(sql), []
        clicks = 0
        for case_id in range(4, min(count, 100) + 4):
            for action, user in (("vote_respond", "U0BOB"), ("vote_respond", "U0CAT"),
                                 ("claim", "U0DAN")):
                adapter.app.dispatch(bolt_request(block_action_body(
                    action, str(case_id), user=user, team_id=TEAM_ID, channel=CHANNEL_ID)))
                clicks += 1
                if show:
                    sql += ["-- a vote"] + shown
                    show = False
        app.desk.db.dispose()
    return {"one forward": one, "sql": sql,
            "statements/forward": forwards["statements"] / count,
            "transactions/forward": forwards["transactions"] / count,
            "cpu ms/forward": cpu * 1000 / count,
            "thread cpu ms/forward": own * 1000 / count, "wall ms/forward": wall * 1000 / count,
            "api calls/forward": api_calls, "connections/forward": connections / count,
            "statements/click": tally["statements"] / clicks,
            "transactions/click": tally["transactions"] / clicks}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--sql", action="store_true")
    parser.add_argument("--client", choices=["kept", "urlopen"], default="kept")
    parser.add_argument("--tls", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with database("postgres" if args.postgres else "sqlite") as url:
        result = measure(args.count, url, args.sql, args.client, args.tls)
    for line in result.pop("sql"):
        print(line)
    for name, value in result.items():
        print(f"{name}: {value:.2f}" if isinstance(value, float) else f"{name}: {value}")


if __name__ == "__main__":
    main()
