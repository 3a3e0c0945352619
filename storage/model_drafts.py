"""The queue of a language model's drafts: a case decided "respond" is queued, a process takes
it for a lease (a conditional UPDATE, so two processes never write the same one), and the
result is stored for the draft form to show."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import or_, update
from sqlmodel import Field, Session, SQLModel, select

from storage.models import ModelDraft
from storage.repo import insert_or_get


class ModelUsage(SQLModel, table=True):
    """Requests a team made to the model on a day (UTC), shared by every process: each one
    reserves its request here before it asks, so the cap holds however many write at once."""

    __tablename__ = "model_usage"

    team_id: int = Field(foreign_key="team.id", primary_key=True)
    day: date = Field(primary_key=True)
    requests: int = 0


def queue(session: Session, *, case_id: int, team_id: int, now: datetime) -> None:
    """Queue a case once; a case decided again keeps what was written for it."""
    if session.get(ModelDraft, case_id) is None:
        insert_or_get(session, ModelDraft(case_id=case_id, team_id=team_id, queued_at=now),
                      lambda: session.get(ModelDraft, case_id))


def take(session: Session, *, now: datetime, lease: timedelta, limit: int) -> list[int]:
    """Up to `limit` queued cases, oldest first, each taken by this process until the lease
    runs out (a process that died mid-request leaves it to another)."""
    free = or_(ModelDraft.taken_until.is_(None), ModelDraft.taken_until < now)
    ids = session.exec(select(ModelDraft.case_id).where(ModelDraft.status == "queued", free)
                       .order_by(ModelDraft.queued_at, ModelDraft.case_id).limit(limit)).all()
    taken = []
    for case_id in ids:
        done = session.exec(update(ModelDraft)
                            .where(ModelDraft.case_id == case_id, ModelDraft.status == "queued", free)
                            .values(taken_until=now + lease))
        if done.rowcount:
            taken.append(case_id)
    return taken


def store(session: Session, *, case_id: int, now: datetime, **written: object) -> None:
    """The outcome: `status` ready (with texts and findings) or failed (with the reason)."""
    row = session.get(ModelDraft, case_id)
    for name, value in written.items():
        setattr(row, name, value)
    row.done_at, row.taken_until = now, None
    session.add(row)


def get(session: Session, *, case_id: int) -> ModelDraft | None:
    return session.get(ModelDraft, case_id)


def reserve(session: Session, *, team_id: int, day: date, cap: int) -> bool:
    """Count one request for the team today, unless it made `cap` already (a conditional
    UPDATE: two processes never both take the last one)."""
    if session.get(ModelUsage, (team_id, day)) is None:
        insert_or_get(session, ModelUsage(team_id=team_id, day=day),
                      lambda: session.get(ModelUsage, (team_id, day)))
    done = session.exec(update(ModelUsage)
                        .where(ModelUsage.team_id == team_id, ModelUsage.day == day,
                               ModelUsage.requests < cap)
                        .values(requests=ModelUsage.requests + 1))
    return bool(done.rowcount)


def used(session: Session, *, team_id: int, day: date) -> int:
    row = session.get(ModelUsage, (team_id, day))
    return row.requests if row else 0
