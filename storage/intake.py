"""Reviews delivered by a site or a script: the team's signing key, one row per (team, source,
external id) so that the same review delivered twice is one case, and the cards still to show.

Showing is claimed for a short lease, like the weekly digest: several processes post a card
once, and a claim whose post never went out runs out so another tick tries again.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Collection

from sqlalchemy import or_, update
from sqlmodel import Session, select

from storage.models import IntakeKey, IntakeReview, Team
from storage.repo import insert_or_get


def team_secret(session: Session, *, team_id: int) -> str | None:
    row = session.get(IntakeKey, team_id)
    return row.secret if row else None


def set_team_secret(session: Session, *, team_id: int, secret: str, now: datetime) -> None:
    """Store a new secret for the team; the one before stops working."""
    row = session.get(IntakeKey, team_id)
    if row is None:
        session.add(IntakeKey(team_id=team_id, secret=secret, created_at=now))
    else:
        row.secret, row.created_at = secret, now
        session.add(row)
    session.flush()


def find_review(session: Session, *, team_id: int, source: str,
                external_id: str) -> IntakeReview | None:
    return session.exec(select(IntakeReview).where(
        IntakeReview.team_id == team_id, IntakeReview.source == source,
        IntakeReview.external_id == external_id)).first()


def delivered_case(session: Session, *, team_id: int, case_id: int) -> bool:
    """Whether a site or a script delivered a review of this case (not only a person)."""
    return session.exec(select(IntakeReview.id).where(
        IntakeReview.team_id == team_id, IntakeReview.case_id == case_id)).first() is not None


def add_review(session: Session, *, review: IntakeReview) -> tuple[IntakeReview, bool]:
    """The new row, or the one another delivery of the same review stored first (and False)."""
    return insert_or_get(session, review, lambda: find_review(
        session, team_id=review.team_id, source=review.source, external_id=review.external_id))


def unshown(session: Session, *, now: datetime, platforms: Collection[str] | None,
            limit: int = 50) -> list[tuple[IntakeReview, Team]]:
    """Reviews whose card or change the channel has not shown, not claimed by another process,
    of teams with a review channel on these platforms (all with None); oldest first."""
    query = (select(IntakeReview, Team).join(Team, Team.id == IntakeReview.team_id)
             .where(IntakeReview.shown.is_(False), Team.review_channel.is_not(None),
                    or_(IntakeReview.claimed_until.is_(None), IntakeReview.claimed_until < now)))
    if platforms is not None:
        query = query.where(Team.platform.in_(platforms))
    return list(session.exec(query.order_by(IntakeReview.id).limit(limit)))


def claim(session: Session, *, review_id: int, changed: int, now: datetime,
          lease: timedelta) -> bool:
    """True when this process may post the review's card now (nobody else holds it)."""
    taken = session.exec(update(IntakeReview)
                         .where(IntakeReview.id == review_id, IntakeReview.changed == changed,
                                IntakeReview.shown.is_(False),
                                or_(IntakeReview.claimed_until.is_(None),
                                    IntakeReview.claimed_until < now))
                         .values(claimed_until=now + lease))
    return taken.rowcount == 1


def mark_shown(session: Session, *, review_id: int, changed: int) -> None:
    """The platform confirmed the post; a change that came in meanwhile stays to be shown."""
    session.exec(update(IntakeReview)
                 .where(IntakeReview.id == review_id, IntakeReview.changed == changed)
                 .values(shown=True, change=None, says=None, claimed_until=None))
