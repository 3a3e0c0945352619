"""SQL statements per workflow step, counted with SQLAlchemy's events, and the CPU a forward
costs.

    .venv/bin/python bench/statements.py                  # this tree
    .venv/bin/python bench/statements.py --tree ../old    # another checkout, side by side
    .venv/bin/python bench/statements.py --postgres --sql forward --cpu 500

Each step runs through the router (no platform SDK) on a fresh SQLite file (or a fresh
PostgreSQL schema, `--postgres`: TEST_POSTGRES_URL names the database); what is counted
is the step's own unit of work, the first transaction (the test channel of newer checkouts
keeps where each card is shown in transactions of its own, as an adapter does). The first
forward of the run warms the caches and is not counted. `--sql STEP` prints that step's
statements; `--cpu N` forwards N more reviews (one template, so their themes recur: the
worst case) and prints the process CPU time, statements and transactions per forward, the
test channel's included (on PostgreSQL the server's own CPU is not in it). Prints a table;
asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

STEPS = ("forward", "vote", "vote (decides)", "claim", "draft", "post reply")
REVIEW = ("Review {n}: we waited an hour for cold pasta, the waiter was rude and the bill "
          "was wrong.")


@contextmanager
def fresh_database(postgres: bool) -> Iterator[str]:
    if postgres:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from bench.common import postgres_schema

        with postgres_schema() as url:
            yield url
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield f"sqlite:///{tmp}/desk.db"


def count(tree: Path, postgres: bool = False, show: str | None = None,
          cpu: int = 0) -> dict[str, Counter]:
    sys.path.insert(0, str(tree))
    from sqlalchemy import event

    try:
        from app.main import build
    except ImportError:  # checkouts from before app/ held the composition root in bot/
        from bot.main import build
    from bot.clock import FixedClock
    from bot.settings import Settings
    from tests.harness import TestChannel

    clock = FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc))
    with fresh_database(postgres) as url:
        app = build(Settings(database_url=url), clock=clock)
        engine = app.desk.db.engine
        seen: Counter = Counter()
        commits: Counter = Counter()
        current = [""]  # the step whose statements are printed

        @event.listens_for(engine, "before_cursor_execute")
        def statement(conn, cursor, sql, params, context, executemany):
            if seen["transactions"]:  # only the step's own unit of work: the test channel
                return                # keeps where cards are shown in transactions of its own
            words = sql.split()
            kind = words[0].upper()
            seen["statements"] += 1
            seen[kind] += 1
            if kind == "UPDATE" and re.match(r"UPDATE\s+review_case\b", sql):
                seen["UPDATE review_case"] += 1
            if show == current[0]:
                print(f"{seen['statements']:>3}. {' '.join(words)}\n     {params}")

        @event.listens_for(engine, "commit")
        def committed(conn):
            seen["transactions"] += 1
            commits["all"] += 1

        channel = TestChannel(app)
        channel.command("Ann", "Warm-up: the soup was cold and nobody came to the table.")
        results: dict[str, Counter] = {}

        def step(name, run):
            seen.clear()
            current[0] = name
            run()
            current[0] = ""
            results[name] = Counter(seen)

        case = {}
        step("forward", lambda: case.setdefault("id", int(
            channel.command("Ann", "We waited an hour for cold pasta on our anniversary.")
            .card.key.split(":")[1])))
        step("vote", lambda: channel.click("Ann", "vote_respond", case["id"]))
        step("vote (decides)", lambda: channel.click("Bob", "vote_respond", case["id"]))
        step("claim", lambda: channel.click("Ann", "claim", case["id"]))
        step("draft", lambda: channel.submit("Ann", "draft", {"kind": "reply",
                                                               "text": "Dear Sam, sorry."},
                                              str(case["id"])))
        step("post reply", lambda: channel.submit("Ann", "posted", {"version": "1"},
                                                  str(case["id"])))
        if cpu:
            event.remove(engine, "before_cursor_execute", statement)
            commits.clear()

            @event.listens_for(engine, "before_cursor_execute")
            def any_statement(conn, cursor, sql, params, context, executemany):
                commits["statements"] += 1

            started, wall = time.process_time(), time.perf_counter()
            for n in range(cpu):
                clock.advance(timedelta(seconds=7))
                channel.command("Ann", REVIEW.format(n=n))
            results["cpu"] = Counter({
                "cpu_ms": round((time.process_time() - started) / cpu * 1000, 2),
                "wall_ms": round((time.perf_counter() - wall) / cpu * 1000, 2),
                "transactions": round(commits["all"] / cpu, 2),
                "statements": round(commits["statements"] / cpu, 2)})
        app.desk.db.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--postgres", action="store_true", help="a fresh PostgreSQL schema")
    parser.add_argument("--sql", choices=STEPS, help="print the statements of this step")
    parser.add_argument("--cpu", type=int, default=0, metavar="N",
                        help="forward N more reviews and print CPU ms per forward")
    parser.add_argument("--json", action="store_true", help="one JSON object, for bench/run.py")
    args = parser.parse_args()
    results = count(args.tree.resolve(), args.postgres, args.sql, args.cpu)
    if args.json:
        print(json.dumps(results))
        return
    print(f"tree: {args.tree}, {'PostgreSQL' if args.postgres else 'SQLite'}")
    print(f"{'step':16} {'statements':>10} {'SELECT':>6} {'INSERT':>6} {'UPDATE':>6} "
          f"{'UPDATE case':>11} {'SAVEPOINT':>9}")
    for name in STEPS:
        c = results[name]
        print(f"{name:16} {c['statements']:>10} {c['SELECT']:>6} {c['INSERT']:>6} "
              f"{c['UPDATE']:>6} {c['UPDATE review_case']:>11} {c['SAVEPOINT']:>9}")
    if "cpu" in results:
        c = results["cpu"]
        print(f"{args.cpu} forwards: {c['cpu_ms']} ms CPU and {c['wall_ms']} ms wall per "
              f"forward, {c['statements']} statements in {c['transactions']} transactions each "
              "(the test channel's included)")


if __name__ == "__main__":
    main()
