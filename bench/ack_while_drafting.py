"""Slack's acknowledgement latency while a language model's drafts are being written, side by
side with none being written: the model is slow and must stay out of the 3-second path.

The bot runs as its own process (`review-desk slack --http`, as bench/ack_latency.py runs
it), with the stand-in Web API and, for model drafts, the loopback fake of the
chat-completions API (tests/fakes/openai_fake.py) answering every request after a fixed
delay. Before the measured window `--drafts` cases are decided "respond" (a forward and two
votes each), so with AI_DRAFTS=on that many drafts are queued and the scheduler's job
(SCHEDULER_INTERVAL=1) writes them in its thread during the window; with AI_DRAFTS=off the
same cases are decided and nothing is written. The load is the open-loop mix of
bench/ack_latency.py at `--rate` per second. Figures only; nothing is asserted.

    .venv/bin/python bench/ack_while_drafting.py [--drafts 20] [--rate 20] [--seconds 10]
                                                 [--delay 0.5] [--no-postgres] [--logs DIR]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ack_latency import (Markers, StandInSession, click_request, clicks_needed,  # noqa: E402
                               closed_loop, measure, plan, prepare_team, seed_cases, serving)
from bench.common import (Table, bot_env, database, free_port, kinds, ms,  # noqa: E402
                          review_desk_argv)
from tests.fakes.openai_fake import Answer, FakeOpenAI  # noqa: E402
from tests.test_model_drafts import GOOD, HOLDING  # noqa: E402


async def decide(session, url: str, cases: list[int]) -> None:
    """Two votes to respond on each case, by two people (the team needs two)."""
    votes = [click_request("vote", c, user) for c in cases for user in ("U0VOTEA", "U0VOTEB")]
    await closed_loop(session, url, votes, concurrency=4)


async def one_run(kind: str, url: str, fake: FakeOpenAI | None, args, logs: Path, markers: Markers):
    """The measured window on a fresh database, with model drafts on (`fake`) or off."""
    extra = {"SCHEDULER_INTERVAL": "1", "AI_DRAFTS": "off", "OPENAI_BASE_URL": "",
             "OPENAI_API_KEY": ""}
    if fake:
        extra.update(AI_DRAFTS="on", AI_MODEL="bench", OPENAI_BASE_URL=fake.base_url,
                     OPENAI_API_KEY="bench", AI_DAILY_CAP="100000", AI_TIMEOUT="30")
    n = max(1, int(args.rate * args.seconds))
    async with StandInSession() as (standin, session):
        port = free_port()
        name = f"{kind}_{'drafts' if fake else 'none'}"
        async with serving(review_desk_argv(port), bot_env(url, standin.base_url, **extra), port,
                           logs / f"{name}.log") as server:
            load_cases = await seed_cases(session, standin, server.url, markers, clicks_needed(n))
            drafted = await seed_cases(session, standin, server.url, markers, args.drafts)
            before = len(fake.requests) if fake else 0
            await decide(session, server.url, drafted)  # queued now (drafts on)
            start = time.perf_counter()
            run = await measure(session, standin, server.url, plan(n, markers, load_cases),
                                args.rate, cards=False)
            window = time.perf_counter() - start
            during = (len(fake.requests) - before) if fake else 0
            logged = server.errors_logged()
    return run, during, window, logged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=20)
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--delay", type=float, default=0.5, help="the fake's seconds per answer")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--logs", type=Path, help="keep the bot's logs in this folder")
    args = parser.parse_args()
    dbs, why = kinds(args.no_postgres)
    table = Table(f"Slack acknowledgement latency while {args.drafts} model drafts are written (ms)",
                  ["database", "drafts", "requests", "ack p50", "ack p95", "ack p99", "ack max",
                   "errors", "model requests in the window"])
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        logs = args.logs or Path(tmp)
        logs.mkdir(parents=True, exist_ok=True)
        markers = Markers()
        for kind in dbs:
            for drafting in (False, True):
                fake = FakeOpenAI() if drafting else None
                if fake:  # every request answered well, after the delay
                    reply = json.dumps({"reply": GOOD, "holding": HOLDING})
                    fake.answer(*[Answer(reply, delay=args.delay)] * (args.drafts * 4 + 400))
                try:
                    with database(kind) as url:
                        prepare_team(url)
                        run, during, window, logged = asyncio.run(
                            one_run(kind, url, fake, args, logs, markers))
                finally:
                    if fake:
                        fake.close()
                lat = run.latencies()
                table.add(kind, "being written" if drafting else "none", len(run.outcomes),
                          ms(run.p(50)), ms(run.p(95)), ms(run.p(99)), ms(max(lat) if lat else None),
                          run.errors, during if drafting else "–")
                if logged:
                    table.notes.append(f"{kind}, drafts {'on' if drafting else 'off'}: "
                                       f"{logged} error lines logged.")
    table.notes += [
        f"Load: {args.rate:g} requests/s for {args.seconds:g} s, open loop (60 % forwards, 25 % "
        f"votes, 15 % claims). The fake answers each model request after {args.delay:g} s; a "
        f"draft is one request when it passes the coach. With drafts on, the votes in the load "
        f"queue more drafts as well.",
        f"Load average before the run (1/5/15 min): {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} "
        f"on {os.cpu_count()} cores.",
    ]
    print(table.markdown())
    if why:
        print(f"PostgreSQL {why}")


if __name__ == "__main__":
    main()
