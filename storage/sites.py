"""The review sites each team connected: one row per (team, source), its sealed settings, the
cursor the next sync starts from and how the last syncs went.

A sync is claimed for a lease like a card of a delivered review, so several processes sync a
connection once, and a process that died mid-sync leaves it to the next tick.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Collection

from sqlalchemy import or_, update
from sqlmodel import Session, select

from storage.models import IntakeReview, SiteConnection, Team


def connection(session: Session, *, team_id: int, source: str) -> SiteConnection | None:
    return session.exec(select(SiteConnection).where(SiteConnection.team_id == team_id,
                                                     SiteConnection.source == source)).first()


def connections(session: Session, *, team_id: int) -> list[SiteConnection]:
    return list(session.exec(select(SiteConnection).where(SiteConnection.team_id == team_id)
                             .order_by(SiteConnection.source)))


def connect(session: Session, *, team_id: int, source: str, settings: str, cursor: str | None,
            now: datetime, next_at: datetime) -> SiteConnection:
    """Store (or replace) the team's connection to a site, synced up to `cursor` just now."""
    row = connection(session, team_id=team_id, source=source) or SiteConnection(
        team_id=team_id, source=source, settings=settings, connected_at=now)
    row.settings, row.cursor, row.connected_at, row.synced_at = settings, cursor, now, now
    row.error = row.error_at = row.told_at = row.claimed_until = None
    row.failures, row.next_sync_at = 0, next_at
    session.add(row)
    session.flush()
    return row


def get(session: Session, *, connection_id: int) -> SiteConnection | None:
    return session.get(SiteConnection, connection_id)


def team_of(session: Session, *, connection_id: int) -> Team:
    return session.exec(select(Team).join(SiteConnection, SiteConnection.team_id == Team.id)
                        .where(SiteConnection.id == connection_id)).one()


def due(session: Session, *, now: datetime, platforms: Collection[str] | None = None,
        limit: int = 50) -> list[int]:
    """Connections to sync now, not claimed by another process, of teams on these platforms
    (all with None); the longest waiting first."""
    query = (select(SiteConnection.id).join(Team, Team.id == SiteConnection.team_id)
             .where(or_(SiteConnection.next_sync_at.is_(None), SiteConnection.next_sync_at <= now),
                    or_(SiteConnection.claimed_until.is_(None),
                        SiteConnection.claimed_until < now)))
    if platforms is not None:
        query = query.where(Team.platform.in_(platforms))
    return list(session.exec(query.order_by(SiteConnection.next_sync_at, SiteConnection.id)
                             .limit(limit)))


def claim(session: Session, *, connection_id: int, now: datetime, lease: timedelta) -> bool:
    taken = session.exec(update(SiteConnection)
                         .where(SiteConnection.id == connection_id,
                                or_(SiteConnection.claimed_until.is_(None),
                                    SiteConnection.claimed_until < now))
                         .values(claimed_until=now + lease))
    return taken.rowcount == 1


def synced(session: Session, *, connection_id: int, cursor: str | None, now: datetime,
           next_at: datetime) -> None:
    """The reviews up to `cursor` are stored: the next sync starts there."""
    session.exec(update(SiteConnection).where(SiteConnection.id == connection_id).values(
        cursor=cursor, synced_at=now, error=None, error_at=None, told_at=None, failures=0,
        next_sync_at=next_at, claimed_until=None))


def failed(session: Session, *, connection_id: int, error: str, now: datetime,
           next_at: datetime) -> None:
    """A sync failed: try again at `next_at`; the cursor stays where it was."""
    session.exec(update(SiteConnection).where(SiteConnection.id == connection_id).values(
        error=error, error_at=now, failures=SiteConnection.failures + 1, next_sync_at=next_at,
        claimed_until=None))


def told(session: Session, *, connection_id: int, now: datetime) -> None:
    """The lead was told of the failure going on now; not again until it is over."""
    session.exec(update(SiteConnection).where(SiteConnection.id == connection_id)
                 .values(told_at=now))


def review_on_site(session: Session, *, team_id: int,
                   case_id: int) -> tuple[IntakeReview, SiteConnection] | None:
    """The review a connected site delivered for this case, and the connection to answer it
    through; None when the case's review came from no connected site."""
    return session.exec(
        select(IntakeReview, SiteConnection)
        .join(SiteConnection, (SiteConnection.team_id == IntakeReview.team_id)
              & (SiteConnection.source == IntakeReview.source))
        .where(IntakeReview.team_id == team_id, IntakeReview.case_id == case_id)).first()

