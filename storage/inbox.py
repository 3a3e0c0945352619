"""The inbox's queries: store a delivery once, take work with a lease, finish it.

Taking uses `FOR UPDATE SKIP LOCKED` on PostgreSQL, so processes on several machines share
the work; on SQLite, `BEGIN IMMEDIATE` makes one writer at a time do the same.
"""
from __future__ import annotations

from datetime import datetime
from typing import Sequence

from sqlalchemy import delete, or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from storage.models import InboxItem

PENDING, DONE = "pending", "done"


def put(session: Session, *, platform: str, receipt: str, kind: str, body: str,
        now: datetime, lease_until: datetime | None = None) -> int | None:
    """Store a delivery in one statement; None when this receipt was stored before (a retry).
    With `lease_until`, it is taken at once by the caller (its first attempt)."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (insert(InboxItem).values(platform=platform, receipt=receipt, kind=kind,
                                          body=body, received_at=now, status=PENDING,
                                          lease_until=lease_until,
                                          attempts=0 if lease_until is None else 1)
                 .on_conflict_do_nothing(index_elements=["platform", "receipt"])
                 .returning(InboxItem.id))
    return session.exec(statement).scalar_one_or_none()


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

