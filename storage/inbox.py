"""The inbox's queries: store a delivery once, take work with a lease, finish it.

Taking uses `FOR UPDATE SKIP LOCKED` on PostgreSQL, so processes on several machines share
the work; on SQLite, `BEGIN IMMEDIATE` makes one writer at a time do the same. On PostgreSQL a
stored delivery also notifies NEW_WORK in the same statement, so a worker in another process
(`listen`) starts on it at once instead of at its next look.
"""
from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import Callable, Sequence

from sqlalchemy import delete, func, or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from storage.models import InboxItem

log = logging.getLogger(__name__)

PENDING, DONE = "pending", "done"
NEW_WORK = "review_desk_inbox"  # the PostgreSQL channel a stored delivery notifies
LISTEN_TURN = 1.0  # seconds a listener waits for a notification before it looks whether to stop
RECONNECT = 5.0  # seconds between a lost listening connection and the next try


def put(session: Session, *, platform: str, receipt: str, kind: str, body: str,
        now: datetime, lease_until: datetime | None = None) -> int | None:
    """Store a delivery in one statement; None when this receipt was stored before (a retry).
    With `lease_until`, it is taken at once by the caller (its first attempt)."""
    postgres = session.get_bind().dialect.name == "postgresql"
    statement = ((pg_insert if postgres else sqlite_insert)(InboxItem)
                 .values(platform=platform, receipt=receipt, kind=kind, body=body,
                         received_at=now, status=PENDING, lease_until=lease_until,
                         attempts=0 if lease_until is None else 1)
                 .on_conflict_do_nothing(index_elements=["platform", "receipt"])
                 .returning(InboxItem.id))
    if postgres and lease_until is None:  # one statement: a retry (no row) notifies nobody
        stored = statement.cte("stored")
        statement = select(stored.c.id, func.pg_notify(NEW_WORK, platform))
    row = session.exec(statement).first()
    return row[0] if row else None


def take(session: Session, *, platform: str, now: datetime, lease_until: datetime,
         limit: int) -> list[InboxItem]:
    """Pending deliveries nobody holds (or whose holder's lease ran out), oldest first, now
    this worker's until `lease_until`."""
    ids = session.exec(
        select(InboxItem.id)
        .where(InboxItem.platform == platform, InboxItem.status == PENDING,
               or_(InboxItem.lease_until.is_(None), InboxItem.lease_until <= now))
        .order_by(InboxItem.id).limit(limit)
        .with_for_update(skip_locked=True)).all()
    if not ids:
        return []
    session.exec(update(InboxItem).where(InboxItem.id.in_(ids))
                 .values(lease_until=lease_until, attempts=InboxItem.attempts + 1))
    return list(session.exec(select(InboxItem).where(InboxItem.id.in_(ids))
                             .order_by(InboxItem.id)
                             .execution_options(populate_existing=True)))


def finish(session: Session, *, ids: Sequence[int], now: datetime) -> int:
    """Done: in the same transaction as the work it asked for, so it is done exactly once.
    The body goes (the review's words and a platform's answer token are the case's business
    now); the receipt stays, so a late retry is still recognised. How many were still to do
    (0: another worker did it first)."""
    done = session.exec(update(InboxItem)
                        .where(InboxItem.id.in_(list(ids)), InboxItem.status == PENDING)
                        .values(status=DONE, done_at=now, lease_until=None, body=""))
    return done.rowcount


def purge(session: Session, *, done_before: datetime) -> int:
    """Forget deliveries finished before `done_before`: no platform re-delivers that late."""
    return session.exec(delete(InboxItem).where(InboxItem.status == DONE,
                                                InboxItem.done_at < done_before)).rowcount


def release(session: Session, *, item_id: int) -> None:
    """Give a delivery back for another try (its worker failed before finishing it)."""
    session.exec(update(InboxItem).where(InboxItem.id == item_id, InboxItem.status == PENDING)
                 .values(lease_until=None))



def listen(engine: Engine, wake: Callable[[], None], stopped: threading.Event) -> None:
    """Call `wake` whenever a delivery is stored, by any process, until `stopped` is set
    (PostgreSQL's LISTEN, on a connection of its own). A lost connection is opened again, and
    woken once then, for what was stored while nobody listened."""
    while not stopped.is_set():
        try:
            raw = engine.raw_connection()
            connection = raw.driver_connection
            raw.detach()  # this connection listens for as long as the process works
            try:
                connection.autocommit = True
                connection.execute(f"LISTEN {NEW_WORK}")
                wake()
                while not stopped.is_set():
                    # One wake a turn with news: the woken thread takes batches until the inbox
                    # is empty, and waking a thread per notification measured slower (cards at
                    # 100 requests/s 2.6 s against 0.13 s: the threads took smaller batches).
                    if any(True for _ in connection.notifies(timeout=LISTEN_TURN)):
                        wake()
            finally:
                raw.close()
        except Exception as err:  # the database went away: the workers' own looks go on
            log.warning("not listening for new deliveries (%s); trying again in %g s",
                        err, RECONNECT)
            stopped.wait(RECONNECT)
