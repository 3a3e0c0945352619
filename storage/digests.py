"""Who posts a team's weekly digest: the unique (team, week) row decides, across processes.

A process claims the week for a short lease, posts, then marks it sent. A process that
crashed mid-post leaves an unsent row whose lease runs out, so another one tries again.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Collection

from sqlalchemy import func, update
from sqlmodel import Session, select

from storage.models import DigestSent, Team
from storage.repo import insert_or_get


def digest_teams(session: Session, *, platforms: Collection[str] | None) -> list[Team]:
    """Teams that want a digest and have a channel to post it in, on these platforms (all
    of them with None)."""
    query = select(Team).where(Team.digest_day.is_not(None), Team.review_channel.is_not(None))
    if platforms is not None:
        query = query.where(Team.platform.in_(platforms))
    return list(session.exec(query.order_by(Team.id)))


def _find(session: Session, team_id: int, week: str) -> DigestSent | None:
    return session.exec(select(DigestSent).where(DigestSent.team_id == team_id,
                                                 DigestSent.week == week)).first()


def claim_digest(session: Session, *, team_id: int, week: str, now: datetime,
                 lease: timedelta) -> bool:
    """True when this process may post the week's digest now."""
    existing = _find(session, team_id, week)
    if existing is not None and (existing.sent_at or existing.claimed_until >= now):
        return False
    if existing is None:
        _, created = insert_or_get(
            session, DigestSent(team_id=team_id, week=week, claimed_until=now + lease),
            lambda: _find(session, team_id, week))
        if created:
            return True
    taken = session.exec(update(DigestSent)
                         .where(DigestSent.team_id == team_id, DigestSent.week == week,
                                DigestSent.sent_at.is_(None), DigestSent.claimed_until < now)
                         .values(claimed_until=now + lease))
    return taken.rowcount == 1


def last_week(session: Session, *, team_id: int, before: str) -> str | None:
    """The latest week before `before` whose digest was claimed (ISO weeks sort as text)."""
    return session.exec(select(func.max(DigestSent.week)).where(
        DigestSent.team_id == team_id, DigestSent.week < before)).one()


def mark_digest_sent(session: Session, *, team_id: int, week: str, now: datetime) -> None:
    session.exec(update(DigestSent)
                 .where(DigestSent.team_id == team_id, DigestSent.week == week)
                 .values(sent_at=now))

