"""Four scheduler processes on one PostgreSQL and 1,000 due reminders: each sent exactly once."""
import multiprocessing
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import select

from bot.clock import FixedClock
from storage.engine import make_engine
from storage.models import History, Reminder
from storage.uow import Database
from tests.conftest import AMS
from tests.seeding import seed_due_snoozes

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=AMS)
DUE = 1_000
PROCESSES = 4


def seed(url: str) -> None:
    seed_due_snoozes(url, platform="test", workspace="T1", channel="C1", count=DUE, now=NOW,
                     due_before=lambda case: timedelta(minutes=case % 90),
                     message=lambda case: f"m{case}")


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
