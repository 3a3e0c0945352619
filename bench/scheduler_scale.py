"""How long one scheduler tick takes to find and claim the due reminders, as cases pile up.

Seeds 10,000 / 100,000 (/ 1,000,000) cases (95 % closed with their reminders sent or
cancelled, 5 % open with a pending reminder, of which a fixed number are due now) straight
into the tables (executemany on SQLite, COPY on PostgreSQL), then times
`storage.reminders.take_due` (find + claim, in one unit of work) and the whole reminder job
(take + render every due reminder; nothing is delivered). The due reminders are put back
between rounds. The cost should follow the number of due reminders, not of cases.

    .venv/bin/python bench/scheduler_scale.py [--sizes 10000 100000] [--due 100] [--no-postgres]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, update  # noqa: E402

from bench.common import TEAM_ID, Table, database, kinds, percentile  # noqa: E402

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # a Monday morning
OPEN_SHARE = 0.05
CHUNK = 50_000
ROUNDS = 7

CASE_COLUMNS = ("id", "team_id", "state", "source", "content_key", "text", "forwarded_by",
                "forwarded_at", "last_activity_at", "version", "decision", "outcome",
                "closed_at")
REMINDER_COLUMNS = ("id", "case_id", "kind", "seq", "due_at", "status", "attempts", "sent_at")
REF_COLUMNS = ("platform", "key", "channel", "message", "thread")


def rows(n: int, due: int, team_id: int, member_id: int, rng: random.Random):
    """The cases, reminders and cards of n cases; `due` of the open ones have a reminder due
    now (a reminder goes in its card's thread, so each open case's card is shown)."""
    cases, reminders, refs = [], [], []
    open_ids = set(rng.sample(range(1, n + 1), max(due, int(n * OPEN_SHARE))))
    due_ids = set(rng.sample(sorted(open_ids), due))
    rid = 0
    for i in range(1, n + 1):
        at = NOW - timedelta(minutes=rng.randrange(1, 3 * 365 * 24 * 60))
        if i in open_ids:
            cases.append((i, team_id, "new", "google", f"k{i}", f"review {i}", member_id, at,
                          at, 1, None, None, None))
            rid += 1
            when = NOW - timedelta(minutes=rng.randrange(1, 120)) if i in due_ids else \
                NOW + timedelta(minutes=rng.randrange(1, 7 * 24 * 60))
            reminders.append((rid, i, "vote", 1, when, "pending", 0, None))
            refs.append(("slack", f"case:{i}", "C0BENCH", f"{i}.000100", f"{i}.000100"))
            continue
        closed = at + timedelta(days=3)
        cases.append((i, team_id, "closed", "google", f"k{i}", f"review {i}", member_id, at,
                      closed, 1, "respond", "satisfied", closed))
        for kind, status, offset in (("vote", "sent", 1), ("claim", "cancelled", 2),
                                     ("followup", "sent", 48)):
            rid += 1
            sent = at + timedelta(hours=offset) if status == "sent" else None
            reminders.append((rid, i, kind, 1, at + timedelta(hours=offset), status,
                              1 if sent else 0, sent))
    return cases, reminders, refs


def seed(engine, n: int, due: int) -> int:
    """Seed n cases; returns how many reminder rows there are."""
    from storage.models import Case, Member, MessageRef, Reminder, Team

    with engine.begin() as conn:
        team_id = conn.execute(insert(Team).returning(Team.id), [dict(
            platform="slack", workspace=TEAM_ID, name="Bench", review_channel="C0BENCH",
            language="en", timezone="UTC", work_days="mon-sun", work_hours="00:00-23:59",
            country="", votes_needed=2, digest_day=None, digest_hour=9, created_at=NOW)]
        ).scalar_one()
        member_ids = conn.execute(insert(Member).returning(Member.id), [
            dict(team_id=team_id, user_id=f"U0M{i}", name=f"Member {i}") for i in range(8)]
        ).scalars().all()
    cases, reminders, refs = rows(n, due, team_id, member_ids[0], random.Random(n))
    if engine.dialect.name == "postgresql":
        raw = engine.raw_connection()
        try:
            with raw.cursor() as cur:
                for table, columns, data in (("review_case", CASE_COLUMNS, cases),
                                             ("reminder", REMINDER_COLUMNS, reminders),
                                             ("message_ref", REF_COLUMNS, refs)):
                    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                        for row in data:
                            copy.write_row(row)
                cur.execute("SELECT setval('review_case_id_seq', %s)", (n,))
                cur.execute("SELECT setval('reminder_id_seq', %s)", (len(reminders),))
                cur.execute("ANALYZE review_case")
                cur.execute("ANALYZE reminder")
                cur.execute("ANALYZE message_ref")
            raw.commit()
        finally:
            raw.close()
    else:
        with engine.begin() as conn:
            for table, columns, data in ((Case.__table__, CASE_COLUMNS, cases),
                                         (Reminder.__table__, REMINDER_COLUMNS, reminders),
                                         (MessageRef.__table__, REF_COLUMNS, refs)):
                for start in range(0, len(data), CHUNK):
                    conn.execute(insert(table), [dict(zip(columns, r))
                                                 for r in data[start:start + CHUNK]])
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return len(reminders)


def put_back(engine, ids: Sequence[int]) -> None:
    from storage.models import Reminder

    with engine.begin() as conn:
        conn.execute(update(Reminder).where(Reminder.id.in_(list(ids)))
                     .values(status="pending", lease_until=None, attempts=0))


def measure(url: str, n: int, dues: Sequence[int], rounds: int = ROUNDS) -> list[dict]:
    from bot.clock import FixedClock
    from app.main import load_catalogs
    from desk.turn import Desk
    from desk.reminders.sender import ReminderSender
    from storage import reminders
    from storage.engine import make_engine
    from storage.migrate import upgrade
    from storage.uow import Database

    upgrade(url)
    engine = make_engine(url)
    out = []
    try:
        started = time.perf_counter()
        total = seed(engine, n, max(dues))
        seeded = time.perf_counter() - started
        db = Database(engine)
        desk = Desk(db=db, clock=FixedClock(NOW), texts=load_catalogs())
        for due in dues:
            # only `due` of the due reminders are due: the others wait a moment longer
            with engine.begin() as conn:
                from storage.models import Reminder
                due_ids = conn.execute(
                    Reminder.__table__.select().with_only_columns(Reminder.id)
                    .where(Reminder.status == "pending", Reminder.due_at <= NOW)
                    .order_by(Reminder.due_at)).scalars().all()
                if len(due_ids) > due:
                    conn.execute(update(Reminder).where(Reminder.id.in_(due_ids[due:]))
                                 .values(due_at=NOW + timedelta(days=1)))
            take, job, taken = [], [], 0
            for _ in range(rounds):
                t0 = time.perf_counter()
                with db.unit() as session:
                    got = reminders.take_due(session, now=NOW, lease_until=NOW + timedelta(
                        minutes=10), limit=max(due, 200), platforms=["slack"])
                take.append(time.perf_counter() - t0)
                taken = len(got)
                put_back(engine, [t.reminder.id for t in got])
                sender = ReminderSender(desk, platforms=["slack"], batch=max(due, 200))
                t0 = time.perf_counter()
                sender()
                job.append(time.perf_counter() - t0)
                put_back(engine, [t.reminder.id for t in got])
            out.append(dict(db=engine.dialect.name, cases=n, reminders=total, due=due,
                            taken=taken, take=percentile(take, 50), job=percentile(job, 50),
                            seeded=seeded))
            with engine.begin() as conn:  # the ones moved aside are due again
                conn.execute(update(Reminder).where(Reminder.id.in_(due_ids))
                             .values(due_at=NOW - timedelta(minutes=5)))
    finally:
        engine.dispose()
    return out


def run(sizes: Sequence[int], due: int, dbs: Sequence[str], extra_due: int | None = None,
        rounds: int = ROUNDS) -> Table:
    table = Table("3. Scheduler tick: find and claim the due reminders",
                  ["database", "cases", "reminder rows", "due", "take_due ms",
                   "whole job ms", "seeded in s"])
    for kind in dbs:
        for n in sizes:
            dues = [due] + ([extra_due] if extra_due and n == sizes[-1] and extra_due < n // 20
                            else [])
            with database(kind) as url:
                for r in measure(url, n, dues, rounds):
                    table.add(kind, f"{r['cases']:,}", f"{r['reminders']:,}", r["taken"],
                              f"{r['take'] * 1000:.1f}", f"{r['job'] * 1000:.1f}",
                              f"{r['seeded']:.1f}")
    table.notes.append(
        f"95 % of cases closed (3 reminder rows each: sent, cancelled, sent), 5 % open with one "
        f"pending reminder, {due} of them due now. take_due: `storage.reminders.take_due` in one "
        "unit of work (select through the (status, due_at) index, then a conditional update; "
        "FOR UPDATE SKIP LOCKED on PostgreSQL). Whole job: the reminder job of a tick (take, "
        f"check, render each reminder; not delivered). Median of {rounds} rounds.")
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--due", type=int, default=100)
    parser.add_argument("--extra-due", type=int, default=1000,
                        help="also time this many due reminders at the largest size")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    dbs, why = kinds(args.no_postgres)
    print(run(args.sizes, args.due, dbs, args.extra_due).markdown())
    if why:
        print(f"PostgreSQL {why}")


if __name__ == "__main__":
    main()
