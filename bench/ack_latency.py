"""Acknowledgement latency and throughput of the Slack HTTP mode, against a bare bolt app.

An open-loop load generator on loopback sends signed slash commands (forward a review, each
text unique) and button clicks (vote, claim on cases forwarded just before) at a fixed rate:
request n leaves at start + n / rate whatever happened to the earlier ones, so a slow server
shows as latency, not as a lower rate. Latency is measured from that planned moment to the
HTTP response; the card's latency from it to the card's arrival at the stand-in Web API.

The bot runs as its own process through the real entry point
(`review-desk slack --http --host 127.0.0.1 --port P`), with `SLACK_API_BASE_URL` pointing at
the stand-in; the bare bolt app (bench/bare_bolt.py) is served the same way.

    .venv/bin/python bench/ack_latency.py [--rates 10 50 100] [--seconds 10] [--no-postgres]
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import AsyncIterator, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp  # noqa: E402

from bench.common import (CHANNEL_ID, SIGNING_SECRET, TEAM_ID, Served, Table, bare_bolt_argv,  # noqa: E402
                          bot_env, database, free_port, kinds, ms, percentile,
                          review_desk_argv)
from bench.standin import StandIn  # noqa: E402
from tests.fakes.slack_fake import block_action_body, signed_headers, slash_command_body  # noqa: E402

REVIEW = ("bench-{n} We waited forty minutes for a cold pizza, the waiter never said sorry "
          "and the bill was wrong as well. Order {n}, table {t}.")
# Of every 20 requests: 12 forwards, 5 votes, 3 claims.
MIX = ["forward"] * 12 + ["vote"] * 5 + ["claim"] * 3
MIX = [MIX[(i * 7) % 20] for i in range(20)]  # spread out, same counts
TIMEOUT = 15.0
CARD_GRACE = 10.0  # how long to wait for the last cards after the last answer
REFERENCE = 10  # forwards a second at which the cards' latency is taken as flat


@dataclass
class Request:
    kind: str
    body: bytes
    headers: dict[str, str]
    marker: int | None = None


@dataclass
class Outcome:
    kind: str
    planned: float
    latency: float | None  # None: no answer (error or timeout)
    status: int
    marker: int | None
    lag: float = 0.0  # how late the generator sent it


@dataclass
class Run:
    outcomes: list[Outcome]
    cards: list[float] = field(default_factory=list)  # card latencies, seconds
    cards_missing: int = 0

    def latencies(self, kind: str | None = None) -> list[float]:
        return [o.latency for o in self.outcomes
                if o.latency is not None and o.status == 200 and kind in (None, o.kind)]

    @property
    def errors(self) -> int:
        return sum(1 for o in self.outcomes if o.latency is None or o.status != 200)

    @property
    def max_lag(self) -> float:
        return max((o.lag for o in self.outcomes), default=0.0)

    def p(self, q: float, kind: str | None = None) -> float | None:
        return percentile(self.latencies(kind), q)


class Markers:
    """Unique review numbers across a whole run, so every forward makes a new case."""

    def __init__(self) -> None:
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n


def signed(body: str) -> tuple[bytes, dict[str, str]]:
    return body.encode(), signed_headers(SIGNING_SECRET, body)


def forward_request(n: int, user: str = "U0ANN") -> Request:
    body = slash_command_body("/review", REVIEW.format(n=n, t=n % 40 + 1), user_id=user,
                              user_name=user.lower(), team_id=TEAM_ID, channel_id=CHANNEL_ID)
    return Request("forward", *signed(body), marker=n)


def click_request(kind: str, case_id: int, user: str) -> Request:
    action = "vote_respond" if kind == "vote" else "claim"
    body = block_action_body(action, str(case_id), user=user, user_name=user.lower(),
                             team_id=TEAM_ID, channel=CHANNEL_ID)
    return Request(kind, *signed(body))


def plan(count: int, markers: Markers, cases: Sequence[int], mix: Sequence[str] = MIX
         ) -> list[Request]:
    """`count` requests in the mix; votes and claims go to `cases` (two votes, then a claim,
    per case, by different people), or become forwards when there are no cases."""
    out: list[Request] = []
    votes = claims = 0
    for i in range(count):
        kind = mix[i % len(mix)] if cases else "forward"
        if kind == "forward":
            out.append(forward_request(markers.next(), f"U0FWD{i % 5}"))
        elif kind == "vote":
            out.append(click_request("vote", cases[(votes // 2) % len(cases)], f"U0VOTE{votes % 2}"))
            votes += 1
        else:
            out.append(click_request("claim", cases[claims % len(cases)], f"U0CLAIM{claims % 3}"))
            claims += 1
    return out


async def send(session: aiohttp.ClientSession, url: str, req: Request, planned: float
               ) -> Outcome:
    lag = time.perf_counter() - planned
    try:
        async with session.post(url, data=req.body, headers=req.headers) as resp:
            await resp.read()
            return Outcome(req.kind, planned, time.perf_counter() - planned, resp.status,
                           req.marker, lag)
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return Outcome(req.kind, planned, None, 0, req.marker, lag)


async def open_loop(session: aiohttp.ClientSession, url: str, requests: Sequence[Request],
                    rate: float) -> list[Outcome]:
    """Send request n at start + n / rate, without waiting for the answers."""
    start = time.perf_counter() + 0.05
    tasks = []
    for n, req in enumerate(requests):
        planned = start + n / rate
        delay = planned - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(send(session, url, req, planned)))
    return list(await asyncio.gather(*tasks))


async def closed_loop(session: aiohttp.ClientSession, url: str, requests: Sequence[Request],
                      concurrency: int) -> list[Outcome]:
    """As fast as `concurrency` requests in flight allow (for seeding, not for figures)."""
    queue = list(reversed(requests))
    out: list[Outcome] = []

    async def worker() -> None:
        while queue:
            req = queue.pop()
            out.append(await send(session, url, req, time.perf_counter()))

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return out


async def wait_cards(standin: StandIn, markers: Sequence[int], grace: float) -> None:
    deadline = time.perf_counter() + grace
    wanted = set(markers)
    while time.perf_counter() < deadline and not wanted <= standin.cards.keys():
        await asyncio.sleep(0.02)


async def measure(session: aiohttp.ClientSession, standin: StandIn, url: str,
                  requests: Sequence[Request], rate: float, *, cards: bool,
                  grace: float = CARD_GRACE) -> Run:
    outcomes = await open_loop(session, url, requests, rate)
    run = Run(outcomes)
    if cards:
        forwards = [o for o in outcomes if o.kind == "forward" and o.status == 200]
        await wait_cards(standin, [o.marker for o in forwards], grace)
        for o in forwards:
            arrived = standin.cards.get(o.marker)
            if arrived is None:
                run.cards_missing += 1
            else:
                run.cards.append(arrived - o.planned)
    return run


async def seed_cases(session: aiohttp.ClientSession, standin: StandIn, url: str,
                     markers: Markers, count: int) -> list[int]:
    """Forward `count` reviews (not measured); the ids of the cases they became."""
    requests = [forward_request(markers.next(), "U0SEED") for _ in range(count)]
    await closed_loop(session, url, requests, concurrency=4)
    wanted = [r.marker for r in requests]
    await wait_cards(standin, wanted, 30.0)
    return [standin.case_ids[m] for m in wanted if m in standin.case_ids]


def prepare_team(url: str) -> None:
    """The team as it is after `/review setup`: its review channel chosen."""
    from sqlalchemy import insert

    from storage.engine import make_engine
    from storage.migrate import upgrade
    from storage.models import Team

    upgrade(url)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(insert(Team), [dict(platform="slack", workspace=TEAM_ID, name="Bench",
                                             review_channel=CHANNEL_ID, language="en",
                                             timezone="UTC", work_days="mon-sun",
                                             work_hours="00:00-23:59", country="",
                                             votes_needed=2, digest_day=None, digest_hour=9,
                                             created_at=datetime.now(UTC))])
    finally:
        engine.dispose()


async def warm_up(session: aiohttp.ClientSession, standin: StandIn, url: str,
                  markers: Markers, rate: float, cases: list[int]) -> None:
    """One second at the first rate, not measured: every server thread has its connections
    and its code loaded before the figures start, the bare app's as the bot's."""
    await measure(session, standin, url, plan(max(1, int(rate)), markers, cases), rate,
                  cards=False)


def clicks_needed(count: int) -> int:
    votes = sum(1 for i in range(count) if MIX[i % len(MIX)] == "vote")
    claims = sum(1 for i in range(count) if MIX[i % len(MIX)] == "claim")
    return max((votes + 1) // 2, claims, 1)


# -- the two benchmarks ------------------------------------------------------------------------
SETUP_NAMES = {("web", "worker"): "postgres, web + worker",
               ("web",): "postgres, web alone (no worker)"}


def setups(dbs: Sequence[str], split_roles: bool) -> list[tuple[str, tuple[str, ...]]]:
    """Each database with one process that serves and works; with `split_roles`, PostgreSQL
    also with a web process and a worker process (`--role`), and with the web process alone:
    what the acknowledgement costs when no worker shares the machine (no cards then)."""
    split = [("postgres", roles) for roles in SETUP_NAMES for kind in dbs
             if split_roles and kind == "postgres"]
    return [(kind, ("all",)) for kind in dbs] + split


async def latency(rates: Sequence[float], seconds: float, dbs: Sequence[str], logs: Path,
                  profile: bool = False, split_roles: bool = False) -> tuple[Table, dict]:
    table = Table("1. Acknowledgement latency, Slack HTTP mode (ms)",
                  ["database", "rate/s", "app", "requests", "ack p50", "ack p95", "ack p99",
                   "errors", "card p50", "card p95", "card p99", "p50 ×bare", "p99 ×bare"])
    raw: dict = {}
    markers = Markers()
    async with StandInSession() as (standin, session):
        bare: dict[float, Run] = {}
        port = free_port()
        async with serving(bare_bolt_argv(port), bot_env("sqlite://", standin.base_url), port,
                           logs / "bare_bolt.log") as server:
            await warm_up(session, standin, server.url, markers, rates[0], [1, 2, 3])
            for rate in rates:
                n = max(1, int(rate * seconds))
                bare[rate] = await measure(session, standin, server.url,
                                           plan(n, markers, [1, 2, 3]), rate, cards=False)
        for kind, roles in setups(dbs, split_roles):
            with database(kind) as url:
                prepare_team(url)
                port = free_port()
                name = f"review_desk_{kind}_{'_'.join(roles)}"
                async with serving(review_desk_argv(port, roles[0]),
                                   bot_env(url, standin.base_url), port,
                                   logs / f"{name}.log") as server, \
                        serving(review_desk_argv(None, "worker"), bot_env(url, standin.base_url),
                                None, logs / f"{name}_worker.log", needed="worker" in roles):
                    kind, worked = SETUP_NAMES.get(roles, kind), roles != ("web",)
                    await warm_up(session, standin, server.url, markers, rates[0],
                                  await seed_cases(session, standin, server.url, markers, 3)
                                  if worked else [1, 2, 3])
                    for rate in rates:
                        n = max(1, int(rate * seconds))
                        cases = await seed_cases(session, standin, server.url, markers,
                                                 clicks_needed(n)) if worked else [1, 2, 3]
                        run = await measure(session, standin, server.url,
                                            plan(n, markers, cases), rate, cards=worked)
                        raw[(kind, rate)] = run
                        b = bare[rate]
                        if kind == dbs[0]:
                            _row(table, "–", rate, "bare bolt", b, None)
                        _row(table, kind, rate, "review-desk", run, b)
                    logged = server.errors_logged()
                    if logged:
                        table.notes.append(f"review-desk on {kind} logged {logged} error lines "
                                           f"(see {server.log_path}).")
    lag = max((r.max_lag for r in list(raw.values()) + list(bare.values())), default=0.0)
    table.notes += [
        f"Mix: 60 % forwards (`/review <text>`, each text unique), 25 % votes, 15 % claims on "
        f"cases forwarded just before; {seconds:g} s per rate, open loop. Ack: from the planned "
        "send time to the HTTP response. Card: from the planned send time to the card's "
        "`chat.postMessage` at the stand-in Web API. ×bare: review-desk / bare bolt at the "
        "same rate.",
        f"Largest lag of the load generator behind its plan: {lag * 1000:.1f} ms.",
    ]
    return table, raw


def _row(table: Table, kind: str, rate: float, app: str, run: Run, bare: Run | None) -> None:
    ratio = lambda q: (f"{run.p(q) / bare.p(q):.1f}" if bare and run.p(q) and bare.p(q)
                       else "–")
    cards = (lambda q: ms(percentile(run.cards, q))) if bare else (lambda q: "–")
    missing = f" ({run.cards_missing} missing)" if run.cards_missing else ""
    table.add(kind, f"{rate:g}", app, len(run.outcomes), ms(run.p(50)), ms(run.p(95)),
              ms(run.p(99)), run.errors, cards(50), cards(95), cards(99) + missing,
              ratio(50), ratio(99))


async def throughput(dbs: Sequence[str], seconds: float, start: int, step: int, limit: int,
                     logs: Path, split_roles: bool = False) -> Table:
    """Forwards only, the rate stepped up until the cards' latency is no longer flat (their
    p95 more than twice their p95 at REFERENCE forwards a second), p99 ack reaches 1 s, errors,
    or cards missing; the last good rate per setup."""
    table = Table("2. Throughput: forwards per second one process sustains",
                  ["database", "rate/s", "ack p50", "ack p99", "errors", "card p50",
                   "card p95", "×p95 at 10/s", "cards missing", "verdict"])
    best: dict[str, int] = {}
    markers = Markers()
    async with StandInSession() as (standin, session):
        for kind, roles in setups(dbs, split_roles):
            if roles == ("web",):  # no cards: nothing to sustain
                continue
            with database(kind) as url:
                prepare_team(url)
                port = free_port()
                name = f"throughput_{kind}_{'_'.join(roles)}"
                async with serving(review_desk_argv(port, roles[0]), bot_env(url, standin.base_url),
                                   port, logs / f"{name}.log") as server, \
                        serving(review_desk_argv(None, "worker"), bot_env(url, standin.base_url),
                                None, logs / f"{name}_worker.log", needed="worker" in roles):
                    kind = SETUP_NAMES.get(roles, kind)
                    await warm_up(session, standin, server.url, markers, REFERENCE, [])
                    await asyncio.sleep(1.0)
                    reference = None
                    for rate in [REFERENCE, *range(start, limit + 1, step)]:
                        n = max(1, int(rate * seconds))
                        run = await measure(session, standin, server.url,
                                            plan(n, markers, []), rate, cards=True,
                                            grace=max(CARD_GRACE, seconds))
                        p99, card95 = run.p(99), percentile(run.cards, 95)
                        reference = reference or card95
                        times = card95 / reference if card95 and reference else None
                        verdict = ("ack p99 ≥ 1 s" if (p99 or 9) >= 1.0 else "errors" if run.errors
                                   else "cards missing" if run.cards_missing
                                   else "cards not flat" if (times or 9) > 2.0 else "ok")
                        table.add(kind, rate, ms(run.p(50)), ms(p99), run.errors,
                                  ms(percentile(run.cards, 50)), ms(card95),
                                  f"{times:.1f}" if times else "–", run.cards_missing, verdict)
                        if verdict != "ok":
                            break
                        if rate != REFERENCE:
                            best[kind] = rate
                        await asyncio.sleep(1.0)  # let the last step's work drain
    table.notes.append(
        "Sustained: " + (", ".join(f"**{kind}: {rate} forwards/s**" for kind, rate in best.items())
                         or f"below {start}/s everywhere")
        + f" (the last rate whose cards' p95 latency stays within twice its value at "
        f"{REFERENCE}/s, with p99 ack under 1 s, no errors and no card missing "
        f"{max(CARD_GRACE, seconds):g} s after the step; {seconds:g} s per step).")
    return table


@asynccontextmanager
async def serving(argv: list[str], env: dict[str, str], port: int | None, log: Path,
                  needed: bool = True) -> AsyncIterator[Served | None]:
    """A server process, started off the loop (the stand-in on the loop answers its start-up
    calls); none when not `needed`."""
    if not needed:
        yield None
        return
    server = Served(argv, env, port, log)
    await asyncio.to_thread(server.start)
    try:
        yield server
    finally:
        await asyncio.to_thread(server.stop)


class StandInSession:
    """The stand-in Web API and an HTTP client session, on the running loop."""

    async def __aenter__(self) -> tuple[StandIn, aiohttp.ClientSession]:
        self.standin = await StandIn().start()
        self.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=0, force_close=False),
            timeout=aiohttp.ClientTimeout(total=TIMEOUT))
        return self.standin, self.session

    async def __aexit__(self, *exc: object) -> None:
        await self.session.close()
        await self.standin.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Slack HTTP acknowledgement latency")
    parser.add_argument("--rates", type=float, nargs="+", default=[10, 50, 100])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--throughput", action="store_true", help="also step up to the limit")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--step", type=int, default=20, help="forwards a second between throughput steps")
    parser.add_argument("--split", action="store_true",
                        help="also PostgreSQL with a web process and a worker process")
    args = parser.parse_args()
    dbs, why = kinds(args.no_postgres)
    with tempfile.TemporaryDirectory() as logs:
        table, _ = asyncio.run(latency(args.rates, args.seconds, dbs, Path(logs),
                                       split_roles=args.split))
        print(table.markdown())
        if args.throughput:
            print(asyncio.run(throughput(dbs, args.seconds, args.step, args.step, 1000,
                                         Path(logs), split_roles=args.split)).markdown())
    if why:
        print(f"PostgreSQL {why}")


if __name__ == "__main__":
    main()
