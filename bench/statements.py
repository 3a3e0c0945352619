"""SQL statements per workflow step, counted with SQLAlchemy's events.

    .venv/bin/python bench/statements.py                  # this tree
    .venv/bin/python bench/statements.py --tree ../old    # another checkout, side by side

Each step runs through the router (no platform SDK) on a fresh SQLite file; what is counted
is the step's own unit of work, the first transaction (the test channel of newer checkouts
keeps where each card is shown in transactions of its own, as an adapter does). The first
forward of the run warms the caches and is not counted. Prints a table; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

STEPS = ("forward", "vote", "vote (decides)", "claim", "draft", "post reply")


def count(tree: Path) -> dict[str, Counter]:
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
    with tempfile.TemporaryDirectory() as tmp:
        app = build(Settings(database_url=f"sqlite:///{tmp}/desk.db"), clock=clock)
        engine = app.desk.db.engine
        seen: Counter = Counter()

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

        @event.listens_for(engine, "commit")
        def committed(conn):
            seen["transactions"] += 1

        channel = TestChannel(app)
        channel.command("Ann", "Warm-up: the soup was cold and nobody came to the table.")
        results: dict[str, Counter] = {}

        def step(name, run):
            seen.clear()
            run()
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
        app.desk.db.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--json", action="store_true", help="one JSON object, for bench/run.py")
    args = parser.parse_args()
    results = count(args.tree.resolve())
    if args.json:
        print(json.dumps(results))
        return
    print(f"tree: {args.tree}")
    print(f"{'step':16} {'statements':>10} {'SELECT':>6} {'INSERT':>6} {'UPDATE':>6} "
          f"{'UPDATE case':>11} {'SAVEPOINT':>9}")
    for name in STEPS:
        c = results[name]
        print(f"{name:16} {c['statements']:>10} {c['SELECT']:>6} {c['INSERT']:>6} "
              f"{c['UPDATE']:>6} {c['UPDATE review_case']:>11} {c['SAVEPOINT']:>9}")


if __name__ == "__main__":
    main()
