"""Many replied cases with a due snooze each and their cards shown: what the tests with several
real processes start from, written straight to the database (no app, no adapter)."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable

from storage.engine import make_engine
from storage.migrate import upgrade
from storage.models import Case, Member, MessageRef, Reminder, Team
from storage.uow import Database


def seed_due_snoozes(url: str, *, platform: str, workspace: str, channel: str, count: int,
                     now: datetime, due_before: Callable[[int], timedelta],
                     message: Callable[[int], str]) -> None:
    """`count` replied cases of one team, each with a snooze due `due_before(case id)` before
    `now` and its card shown as `message(case id)`."""
    upgrade(url)
    db = Database(make_engine(url))
    with db.unit() as s:
        team = Team(platform=platform, workspace=workspace, review_channel=channel,
                    created_at=now)
        s.add(team)
        s.flush()
        ann = Member(team_id=team.id, user_id="U-ann", name="Ann")
        s.add(ann)
        s.flush()
        cases = [Case(team_id=team.id, content_key=f"k{i}", text=f"review {i}", state="replied",
                      forwarded_by=ann.id, forwarded_at=now, last_activity_at=now)
                 for i in range(count)]
        s.add_all(cases)
        s.flush()
        s.add_all(Reminder(case_id=c.id, kind="snooze", seq=1, target="U-ann",
                           due_at=now - due_before(c.id)) for c in cases)
        s.add_all(MessageRef(platform=platform, key=f"case:{c.id}", channel=channel,
                             message=message(c.id), thread=message(c.id)) for c in cases)
    db.dispose()
