"""How long a report takes over many cases: seeds 10,000 and 100,000 cases (a year of them,
with history, follow-ups and themes) into a temporary SQLite file, and into PostgreSQL when
one answers, and prints the time of the 30-day report and of the report over all cases.

    .venv/bin/python bench/report_scale.py [--sizes 10000 100000] [--no-postgres]

Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402
from sqlmodel import Session  # noqa: E402

from bench.common import postgres_problem, postgres_schema  # noqa: E402
from bot.clock import FixedClock  # noqa: E402
from app.main import load_catalogs  # noqa: E402
from desk.turn import Desk  # noqa: E402
from desk.reporting.figures import compute  # noqa: E402
from desk.reporting.report import Period, report_text  # noqa: E402
from storage.engine import make_engine  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.models import Case, CaseTheme, FollowUp, History, Member, Team  # noqa: E402
from storage.uow import Database  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
THEMES = ("delivery", "waiting_time", "quality", "staff_attitude", "price", "billing")
CHUNK = 20_000


def seed(engine, n: int, rng: random.Random) -> int:
    """n cases over the year before NOW; returns the team's id."""
    with Session(engine) as session:
        team = Team(platform="bench", workspace="W", name="Bench", review_channel="C",
                    created_at=NOW)
        session.add(team)
        session.flush()
        members = [Member(team_id=team.id, user_id=f"U{i}", name=f"Member {i}") for i in range(8)]
        session.add_all(members)
        session.commit()
        team_id, member_ids = team.id, [m.id for m in members]
    cases, history, followups, themes = [], [], [], []
    moments = sorted(NOW - timedelta(minutes=rng.randrange(365 * 24 * 60)) for _ in range(n))
    for i, forwarded in enumerate(moments, 1):  # as in life: later cases, higher numbers
        row = dict(id=i, team_id=team_id, content_key=f"k{i}", text=f"review {i}",
                   customer=f"customer {rng.randrange(n // 3 + 1)}", forwarded_by=member_ids[0],
                   forwarded_at=forwarded, last_activity_at=forwarded, version=1, state="new",
                   decision=None, ignore_reason=None, decided_at=None, owner_id=None,
                   claimed_at=None, holding_at=None, replied_at=None, outcome=None,
                   closed_at=None, lesson=None)
        roll = rng.random()
        if roll < 0.1:
            row.update(state="ignored", decision="ignore", ignore_reason="troll",
                       decided_at=forwarded + timedelta(hours=1), outcome="ignored",
                       closed_at=forwarded + timedelta(hours=1))
        elif roll > 0.03:
            answered = forwarded + timedelta(minutes=rng.randrange(10, 3 * 24 * 60))
            row.update(decision="respond", decided_at=forwarded + timedelta(minutes=30),
                       owner_id=rng.choice(member_ids), claimed_at=forwarded + timedelta(hours=1),
                       state="replied", replied_at=answered)
            if rng.random() < 0.4:
                row["holding_at"] = forwarded + timedelta(minutes=rng.randrange(5, 300))
            if rng.random() < 0.8:
                row.update(state="closed", outcome=rng.choice(("satisfied", "went_quiet")),
                           closed_at=answered + timedelta(days=2))
                if rng.random() < 0.3:
                    row["lesson"] = f"lesson {i}"
                followups += [dict(case_id=i, kind="contact", at=answered + timedelta(days=1))
                              for _ in range(rng.randrange(1, 4))]
        if rng.random() < 0.02:
            history.append(dict(case_id=i, at=forwarded + timedelta(days=3), action="reopen",
                                from_state="closed", to_state="replied"))
        history += [dict(case_id=i, at=forwarded, action=action, from_state=None, to_state="new")
                    for action in ("forward", "decide_respond")]
        themes += [dict(case_id=i, team_id=team_id, theme=theme, at=forwarded)
                   for theme in rng.sample(THEMES, rng.randrange(0, 3))]
        cases.append(row)
    with engine.begin() as conn:
        for table, rows in ((Case, cases), (History, history), (FollowUp, followups),
                            (CaseTheme, themes)):
            for start in range(0, len(rows), CHUNK):
                conn.execute(insert(table), rows[start:start + CHUNK])
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.exec_driver_sql("SELECT setval('review_case_id_seq', %s)" % n)
            conn.exec_driver_sql("ANALYZE")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return team_id


def timed(label: str, fn, repeat: int = 2) -> None:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    print(f"  {label:<42} {best * 1000:8.1f} ms (best of {repeat})")


def measure(url: str, n: int) -> None:
    upgrade(url)
    engine = make_engine(url)
    try:
        started = time.perf_counter()
        team_id = seed(engine, n, random.Random(n))
        print(f"{engine.dialect.name}, {n:,} cases (seeded in {time.perf_counter() - started:.1f} s)")
        desk = Desk(db=Database(engine), clock=FixedClock(NOW), texts=load_catalogs())
        for spec in ("30d", "12m"):
            period = Period.parse(spec)
            with desk.db.unit() as session:
                team = session.get(Team, team_id)
                start = period.start(NOW, ZoneInfo(team.timezone))
                figures = compute(session, team, start, NOW)
            print(f"  {spec}: {figures.counts.forwarded:,} cases in the period, "
                  f"{len(figures.answers):,} answered")
            timed(f"report text, {spec}", lambda: report_text(desk, team_id, period))
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            measure(f"sqlite:///{folder}/bench_{n}.db", n)
    problem = None if args.no_postgres else postgres_problem()
    if problem:
        print(f"PostgreSQL not reachable ({problem}); skipped")
    elif not args.no_postgres:
        for n in args.sizes:
            with postgres_schema() as url:
                measure(url, n)


if __name__ == "__main__":
    main()
