"""The outbox's queries: keep a turn's posts in its own transaction, take what is left with a
lease, settle each row with what the platform said.

Taking uses `FOR UPDATE SKIP LOCKED` on PostgreSQL, so processes on several machines share
the work; on SQLite, `BEGIN IMMEDIATE` makes one writer at a time do the same. A case's posts
go in order: a row waits while an older row of its case waits (backing off, or held by
another process).
"""
from __future__ import annotations

from datetime import datetime
from typing import Sequence

from sqlalchemy import bindparam, delete, exists, func, insert, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from storage.models import Case, MessageRef, OutboxItem, Reminder, Team

DELIVERED, SUPERSEDED, GIVEN_UP = "delivered", "superseded", "given_up"


# Built once and given the rows as parameters, so it is compiled once: an INSERT whose
# `.values()` hold the rows is compiled anew for every turn (7.5 % of a forward, profiled).
_TABLE = OutboxItem.__table__
_ADD = insert(_TABLE).returning(_TABLE.c.id)
_OPTIONAL = {"key": None, "channel": None, "attempts": 0, "error": None, "alert": False,
             "told": None}


def add(session: Session, rows: Sequence[dict]) -> list[int]:
    """Keep these rows (OutboxItem's fields) in one statement; their ids, in order (one
    statement numbers its rows in the order of its values)."""
    if not rows:
        return []
    if session.autoflush:  # what the session holds goes first, as with an ORM statement
        session.flush()
    return sorted(session.execute(_ADD, [{**_OPTIONAL, **row} for row in rows]).scalars())


def take(session: Session, *, platforms: Sequence[str], now: datetime, lease_until: datetime,
         limit: int) -> list[OutboxItem]:
    """Due rows nobody holds, oldest first, whose case has no older row still waiting; now
    this process's until `lease_until`. A card row that a newer card of its case replaces is
    settled as superseded, never shown (it would show the case as it was)."""
    older, newer = aliased(OutboxItem), aliased(OutboxItem)
    waiting_before = exists().where(
        older.platform == OutboxItem.platform, older.key == OutboxItem.key,
        older.id < OutboxItem.id, older.delivered_at.is_(None), older.due_at > now)
    ids = session.exec(
        select(OutboxItem.id)
        .where(OutboxItem.platform.in_(list(platforms)), OutboxItem.delivered_at.is_(None),
               OutboxItem.due_at <= now, ~waiting_before)
        .order_by(OutboxItem.id).limit(limit)
        .with_for_update(skip_locked=True)).all()
    if not ids:
        return []
    replaced = exists().where(newer.platform == OutboxItem.platform, newer.key == OutboxItem.key,
                              newer.kind == OutboxItem.kind, newer.id > OutboxItem.id)
    session.exec(update(OutboxItem)
                 .where(OutboxItem.id.in_(ids), OutboxItem.kind == "Card", replaced)
                 .values(delivered_at=now, outcome=SUPERSEDED))
    session.exec(update(OutboxItem)
                 .where(OutboxItem.id.in_(ids), OutboxItem.delivered_at.is_(None))
                 .values(due_at=lease_until, attempts=OutboxItem.attempts + 1))
    return list(session.exec(select(OutboxItem)
                             .where(OutboxItem.id.in_(ids), OutboxItem.delivered_at.is_(None))
                             .order_by(OutboxItem.id)
                             .execution_options(populate_existing=True)))


# Every post's mark, built once on the table: the ORM's UPDATE (its cache key made from the
# statement built anew, its session bookkeeping) cost twice the statement. Its session holds
# no outbox row to keep in step (DurableOutbox.record settles in a unit of its own).
_DELIVERED = (update(_TABLE)
              .where(_TABLE.c.id == bindparam("row_id"), _TABLE.c.delivered_at.is_(None))
              .values(delivered_at=bindparam("now", type_=_TABLE.c.delivered_at.type),
                      outcome=DELIVERED, error=None))


def delivered(session: Session, *, row_id: int, now: datetime) -> None:
    session.execute(_DELIVERED, {"row_id": row_id, "now": now})


def failed(session: Session, *, row_id: int, reason: str, retry_at: datetime | None,
           now: datetime) -> OutboxItem | None:
    """Try again at `retry_at`, or (None) give up. The row, with its team, for telling."""
    values: dict = {"error": reason}
    values.update({"due_at": retry_at} if retry_at else {"delivered_at": now,
                                                          "outcome": GIVEN_UP})
    session.exec(update(OutboxItem).where(OutboxItem.id == row_id,
                                          OutboxItem.delivered_at.is_(None)).values(**values))
    return session.get(OutboxItem, row_id)


def supersede_unshown_cards(session: Session, *, team_id: int, channel: str,
                            now: datetime) -> None:
    """Cards never shown that still wait for a channel no longer the team's review channel:
    settled as superseded, so that the missing-cards job posts them where the team reads now
    (a card already shown keeps its place, and its updates go there)."""
    shown = exists().where(MessageRef.platform == OutboxItem.platform, MessageRef.key == OutboxItem.key)
    session.exec(update(OutboxItem).where(
        OutboxItem.team_id == team_id, OutboxItem.kind == "Card", OutboxItem.delivered_at.is_(None),
        OutboxItem.channel != channel, ~shown).values(delivered_at=now, outcome=SUPERSEDED))


def waiting_says(session: Session, *, team_id: int, channel: str) -> list[OutboxItem]:
    """The team's channel messages (not alerts) still waiting to be posted in `channel`."""
    return list(session.exec(select(OutboxItem).where(
        OutboxItem.team_id == team_id, OutboxItem.kind == "Say", OutboxItem.channel == channel,
        OutboxItem.alert.is_(False), OutboxItem.delivered_at.is_(None))))


def repoint(session: Session, *, row_id: int, channel: str, body: str) -> None:
    """A waiting row goes to another channel."""
    session.exec(update(OutboxItem).where(OutboxItem.id == row_id, OutboxItem.delivered_at.is_(None))
                 .values(channel=channel, body=body))


def told_already(session: Session, *, platform: str, workspace: str, reason: str) -> bool:
    """Whether the lead was told about this failure on this workspace since anything last
    got through there, a post of the outbox or a reminder (then the problem is still the one
    they were told about)."""
    here = (OutboxItem.platform == platform, OutboxItem.workspace == workspace)
    told_at = session.exec(select(func.max(OutboxItem.created_at)).where(
        *here, OutboxItem.alert.is_(True), OutboxItem.told == reason)).one()
    if told_at is None:
        return False
    posted = exists().where(*here, OutboxItem.outcome == DELIVERED, OutboxItem.alert.is_(False),
                            OutboxItem.delivered_at > told_at)
    reminded = exists().where(Reminder.status == "sent", Reminder.sent_at > told_at,
                              Reminder.case_id == Case.id, Case.team_id == Team.id,
                              Team.platform == platform, Team.workspace == workspace)
    return not session.exec(select(posted | reminded)).one()


def waiting_keys(session: Session, *, platform: str, keys: Sequence[str]) -> set[str]:
    """Which of these keys have rows still waiting (the outbox will post them)."""
    if not keys:
        return set()
    return set(session.exec(select(OutboxItem.key).where(
        OutboxItem.platform == platform, OutboxItem.key.in_(list(keys)),
        OutboxItem.delivered_at.is_(None)).distinct()))


def prune(session: Session, *, platforms: Sequence[str], before: datetime) -> None:
    """Forget what was settled before `before`."""
    session.exec(delete(OutboxItem).where(OutboxItem.platform.in_(list(platforms)),
                                          OutboxItem.delivered_at < before))


def team_of(session: Session, row: OutboxItem) -> Team | None:
    return session.get(Team, row.team_id)


def pending(session: Session, *, platform: str) -> list[OutboxItem]:
    """Rows not delivered yet, oldest first."""
    return list(session.exec(select(OutboxItem).where(OutboxItem.platform == platform,
                                                      OutboxItem.delivered_at.is_(None))
                             .order_by(OutboxItem.id)))
