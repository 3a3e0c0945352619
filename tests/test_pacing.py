"""Pacing per channel, shared by every process through the database: two real processes
sending reminders into one channel of the Slack fake, which answers 429 to a channel posted
to too fast, as Slack does."""
import multiprocessing
import time
from datetime import datetime, timedelta

from sqlmodel import select

from storage.engine import make_engine
from storage.migrate import upgrade
from storage.models import Reminder
from storage.pacing import DbSlots
from storage.uow import Database
from tests.conftest import AMS
from tests.seeding import seed_due_snoozes
from tests.fakes.slack_fake import BOT_TOKEN, CHANNEL_ID, TEAM_ID, FakeSlackAPI

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=AMS)
SECONDS = 0.25  # the pace the processes keep and the fake holds them to (Slack's is 1 s)
DUE = 16


def test_slots_are_spaced_by_the_interval_per_channel(database_url):
    upgrade(database_url)
    db = Database(make_engine(database_url))
    slots = DbSlots(db)
    try:
        started, waits = time.monotonic(), []
        for _ in range(3):
            waits.append((slots.reserve("slack:C1", 1.0), time.monotonic() - started))
        other = slots.reserve("slack:C2", 1.0)
    finally:
        db.dispose()
    # the k-th slot is k intervals after the first: the wait is that, less the time gone by
    for k, (wait, gone) in enumerate(waits):
        assert k - gone - 0.01 <= wait <= k + 0.01, waits
    assert other < 0.01  # another channel keeps its own pace


def seed(url: str) -> None:
    seed_due_snoozes(url, platform="slack", workspace=TEAM_ID, channel=CHANNEL_ID, count=DUE,
                     now=NOW, due_before=lambda case: timedelta(minutes=1),
                     message=lambda case: f"1700000000.{case:06d}")


def sending_process(url: str, api: str, ready, done) -> None:
    """One bot process: the reminder job and the Slack adapter, paced as the product paces
    (the database's slots, here at a quicker interval), until nothing is due."""
    from slack_sdk import WebClient
    from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

    from app.main import build
    from bot.adapters.slack.adapter import SlackAdapter
    from bot.adapters.slack.outbound import Pacer
    from bot.clock import FixedClock
    from bot.scheduler import Scheduler
    from bot.settings import Settings
    from desk.reminders.sender import ReminderSender

    app = build(Settings(database_url=url, adapter="test"), clock=FixedClock(NOW), migrate=False)
    client = WebClient(token=BOT_TOKEN, base_url=api,  # a 429 is retried, as the product does
                       retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=3)])
    adapter = SlackAdapter(app, client=client, pacer=Pacer(SECONDS, slots=app.slots),
                           process_before_response=True)
    scheduler = Scheduler([ReminderSender(app.desk, platforms=["slack"], batch=4)],
                          adapter.send, 0)
    ready.wait()
    sent = 0
    while n := scheduler.tick():
        sent += n
    app.desk.db.dispose()
    done.put(sent)


def test_two_processes_pace_one_channel_together(own_postgres):
    seed(own_postgres)
    with FakeSlackAPI() as api:
        api.limit_channels(1 / SECONDS, burst=2)
        ctx = multiprocessing.get_context("spawn")
        ready, done = ctx.Barrier(2), ctx.Queue()
        processes = [ctx.Process(target=sending_process,
                                 args=(own_postgres, api.base_url, ready, done))
                     for _ in range(2)]
        for p in processes:
            p.start()
        for p in processes:
            p.join(timeout=120)
        assert [p.exitcode for p in processes] == [0, 0]
        assert all(done.get(timeout=5) for _ in processes)  # both sent some
        posts = api.calls("chat.postMessage")
    assert [c.status for c in posts if c.status != 200] == []  # no 429
    threads = [c.body["thread_ts"] for c in posts if c.body.get("thread_ts")]
    assert len(threads) == DUE and len(set(threads)) == DUE  # nothing dropped, nothing twice
    db = Database(make_engine(own_postgres))
    with db.unit() as s:
        assert set(s.exec(select(Reminder.status))) == {"sent"}
    db.dispose()


def test_the_slack_adapter_takes_its_slots_from_the_runtime(app):
    from tests.slack_support import Slack

    with FakeSlackAPI() as api:
        pacer = Slack(app, api, pacer=None).adapter.delivery.pacer
    assert isinstance(app.slots, DbSlots) and pacer.slots is app.slots and pacer.seconds == 1.0
