"""The queue of a language model's drafts: a case decided "respond" is queued, a process takes
it for a lease (a conditional UPDATE, so two processes never write the same one), and the
result is stored for the draft form to show."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlmodel import Session, select

from storage.models import ModelDraft
from storage.repo import insert_or_get


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
