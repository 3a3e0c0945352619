"""Four scheduler processes on one PostgreSQL and 1,000 due reminders: each sent exactly once."""
import multiprocessing
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import select

from bot.clock import FixedClock
from storage.engine import make_engine
from storage.migrate import upgrade
from storage.models import Case, History, Member, MessageRef, Reminder, Team
from storage.uow import Database
from tests.conftest import AMS

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=AMS)
DUE = 1_000
PROCESSES = 4


def seed(url: str) -> None:
    upgrade(url)
    db = Database(make_engine(url))
    with db.unit() as s:
        team = Team(platform="test", workspace="T1", review_channel="C1", created_at=NOW)
        s.add(team)
        s.flush()
        ann = Member(team_id=team.id, user_id="U-ann", name="Ann")
        s.add(ann)
        s.flush()
        cases = [Case(team_id=team.id, content_key=f"k{i}", text=f"review {i}", state="replied",
                      forwarded_by=ann.id, forwarded_at=NOW, last_activity_at=NOW)
                 for i in range(DUE)]
        s.add_all(cases)
        s.flush()
        s.add_all(Reminder(case_id=c.id, kind="snooze", seq=1, target="U-ann",
                           due_at=NOW - timedelta(minutes=c.id % 90)) for c in cases)
        s.add_all(MessageRef(platform="test", key=f"case:{c.id}", channel="C1", message=f"m{c.id}")
                  for c in cases)  # each case's card is shown
    db.dispose()


def scheduler_process(url: str) -> list[str]:
    """One bot process: tick until nothing is due; the keys of the threads it posted in."""
    from app.main import build
    from bot.messages import ThreadPost
    from bot.scheduler import Scheduler
    from bot.settings import Settings
    from desk.reminders.sender import ReminderSender

    app = build(Settings(database_url=url, adapter="test"), clock=FixedClock(NOW), migrate=False)
    posted: list[str] = []

    def send(outbox) -> None:
        posted.extend(m.key for m in outbox.messages if isinstance(m, ThreadPost))

    scheduler = Scheduler([ReminderSender(app.desk, platforms=["test"], batch=50)], send, 0)
    while scheduler.tick():
        pass
    app.desk.db.dispose()
    return posted


def test_four_processes_send_each_of_a_thousand_reminders_once(postgres_url):
    seed(postgres_url)
    with multiprocessing.get_context("spawn").Pool(PROCESSES) as pool:
        results = pool.map(scheduler_process, [postgres_url] * PROCESSES)
    posted = [key for keys in results for key in keys]
    assert len(posted) == DUE and len(set(posted)) == DUE
    assert sum(1 for keys in results if keys) > 1  # the work was shared
    db = Database(make_engine(postgres_url))
    with db.unit() as s:
        statuses = dict(s.exec(select(Reminder.status, func.count()).group_by(Reminder.status)).all())
        sent = s.exec(select(func.count()).where(History.action == "reminder_sent")).one()
    db.dispose()
    assert statuses == {"sent": DUE} and sent == DUE
