"""Reminder rows: planned, cancelled, taken by one process when due, stamped when delivered.

Taking is a conditional update on rows found through the (status, due_at) index, so its cost
follows the number of due reminders, not of cases. On PostgreSQL the rows are locked with
`FOR UPDATE SKIP LOCKED`, so processes taking at once each get different rows; on SQLite the
write transaction (BEGIN IMMEDIATE) already runs one process at a time. A taken reminder
carries a lease: stamped as sent only by the taker while the lease holds, taken again by
anyone once it expired.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Collection, Sequence

from sqlalchemy import Insert, Integer, String, bindparam, func, literal, true, update
from sqlmodel import Session, select

from storage.models import Case, Member, MessageRef, Reminder, Team, Vote
from storage.repo import dialect, insert_selected

PENDING, SENDING, SENT, SKIPPED, CANCELLED = "pending", "sending", "sent", "skipped", "cancelled"


@dataclass(frozen=True)
class Taken:
    reminder: Reminder
    case: Case
    team: Team


def latest_seq(session: Session, *, case_id: int, kind: str) -> int:
    """The number of the case's last reminder of this kind, 0 when there is none."""
    return session.exec(select(func.max(Reminder.seq)).where(
        Reminder.case_id == case_id, Reminder.kind == kind)).one() or 0


@cache
def _plan(dialect: str, steps: int) -> Insert:
    rows = [select(bindparam("case_id", type_=Integer), bindparam(f"kind{i}", type_=String),
                   select(func.coalesce(func.max(Reminder.seq), 0) + 1).where(
                       Reminder.case_id == bindparam("case_id"),
                       Reminder.kind == bindparam(f"kind{i}")).scalar_subquery(),
                   bindparam(f"due{i}", type_=Reminder.due_at.type), literal(PENDING),
                   bindparam("target", type_=String), literal(0),
                   bindparam("created_by", type_=Integer))
            .where(true())  # SQLite reads ON CONFLICT after a SELECT with a WHERE only
            for i in range(steps)]
    return insert_selected(dialect, Reminder, ("case_id", "kind", "seq", "due_at", "status",
                                               "target", "attempts", "created_by"), rows)


def schedule(session: Session, *, case_id: int, steps: Sequence[tuple[str, datetime]],
             target: str | None = None, created_by: int | None = None) -> None:
    """The next reminder of each (kind, due time), numbered after the case's last of its kind,
    in one statement; a step another transaction added first stays as that one planned it."""
    if not steps:
        return
    params = dict(case_id=case_id, target=target, created_by=created_by)
    for i, (kind, due) in enumerate(steps):
        params[f"kind{i}"], params[f"due{i}"] = str(kind), due
    session.exec(_plan(dialect(session), len(steps)), params=params)


def cancel(session: Session, *, case_id: int, kinds: Collection[str]) -> None:
    if kinds:
        session.exec(update(Reminder).where(Reminder.case_id == case_id,
                                            Reminder.status == PENDING,
                                            Reminder.kind.in_(list(kinds)))
                     .values(status=CANCELLED))


def pending_for(session: Session, *, case_id: int) -> list[Reminder]:
    return list(session.exec(select(Reminder).where(Reminder.case_id == case_id,
                                                    Reminder.status == PENDING)
                             .order_by(Reminder.due_at, Reminder.id)))


def take_due(session: Session, *, now: datetime, lease_until: datetime, limit: int,
             platforms: Collection[str] | None = None) -> list[Taken]:
    """Due reminders (and ones whose taker's lease expired), now this process's until
    `lease_until`: oldest first, at most `limit`, and with them the other due reminders of
    their cases."""
    ids: list[int] = []
    # The teams first (a handful of rows): joining the team table into the due query made
    # PostgreSQL scan every case while that small table had no statistics yet.
    teams = None if platforms is None else list(session.exec(
        select(Team.id).where(Team.platform.in_(list(platforms)))))
    if teams == []:
        return []
    for status in (PENDING, SENDING):
        query = (select(Reminder.id)
                 .where(Reminder.status == status, Reminder.due_at <= now)
                 .order_by(Reminder.due_at).limit(limit - len(ids))
                 .with_for_update(of=Reminder, skip_locked=True))
        if status == SENDING:
            query = query.where(Reminder.lease_until <= now)
        if teams is not None:
            query = query.join(Case, Case.id == Reminder.case_id).where(Case.team_id.in_(teams))
        ids += session.exec(query).all()
        if len(ids) >= limit:
            break
    if not ids:
        return []
    # The other due reminders of the same cases come along (a few at most), so that the
    # sender sees all that piled up for a case during downtime at once.
    ids += session.exec(select(Reminder.id).where(
        Reminder.case_id.in_(select(Reminder.case_id).where(Reminder.id.in_(ids))),
        Reminder.status == PENDING, Reminder.due_at <= now, Reminder.id.not_in(ids))
        .with_for_update(of=Reminder, skip_locked=True)).all()
    session.exec(update(Reminder).where(Reminder.id.in_(ids))
                 .values(status=SENDING, lease_until=lease_until, attempts=Reminder.attempts + 1))
    rows = session.exec(select(Reminder, Case, Team).join(Case, Case.id == Reminder.case_id)
                        .join(Team, Team.id == Case.team_id).where(Reminder.id.in_(ids))
                        .order_by(Reminder.due_at, Reminder.id)
                        .execution_options(populate_existing=True)).all()
    return [Taken(r, c, t) for r, c, t in rows]


def settle(session: Session, *, ids: Sequence[int], lease_until: datetime, status: str,
           now: datetime) -> list[Reminder]:
    """Mark reminders this process still holds (its lease) as sent or skipped; the rows changed."""
    if not ids:
        return []
    changed = session.exec(
        update(Reminder).where(Reminder.id.in_(list(ids)), Reminder.status == SENDING,
                               Reminder.lease_until == lease_until)
        .values(status=status, sent_at=now if status == SENT else None, lease_until=None)
        .returning(Reminder.id)).all()
    if not changed:
        return []
    return list(session.exec(select(Reminder).where(Reminder.id.in_([i for (i,) in changed]))
                             .order_by(Reminder.id).execution_options(populate_existing=True)))


def renew(session: Session, *, ids: Sequence[int], lease_until: datetime,
          until: datetime) -> set[int]:
    """Extend the lease on the reminders this process still holds; the ids it holds."""
    if not ids:
        return set()
    return set(session.exec(
        update(Reminder).where(Reminder.id.in_(list(ids)), Reminder.status == SENDING,
                               Reminder.lease_until == lease_until)
        .values(lease_until=until).returning(Reminder.id)).scalars())


def defer(session: Session, *, reminder: Reminder, due_at: datetime) -> None:
    """Back to pending at a later time, as if it had not been taken (outside working hours)."""
    session.exec(update(Reminder).where(Reminder.id == reminder.id)
                 .values(status=PENDING, due_at=due_at, lease_until=None,
                         attempts=Reminder.attempts - 1))


def members_not_voted(session: Session, *, team_id: int, case_id: int, limit: int) -> list[Member]:
    voted = select(Vote.member_id).where(Vote.case_id == case_id)
    return list(session.exec(select(Member).where(Member.team_id == team_id,
                                                  Member.id.not_in(voted))
                             .order_by(Member.id).limit(limit)))


def members_by_user(session: Session, *, team_id: int, user_ids: Collection[str]) -> dict[str, Member]:
    if not user_ids:
        return {}
    return {m.user_id: m for m in session.exec(select(Member).where(
        Member.team_id == team_id, Member.user_id.in_(list(user_ids))))}


def channels_of(session: Session, *, platform: str, keys: Collection[str]) -> dict[str, str]:
    """The channel each card key is shown in on this platform."""
    if not keys:
        return {}
    return {r.key: r.channel for r in session.exec(select(MessageRef).where(
        MessageRef.platform == platform, MessageRef.key.in_(list(keys))))}
