"""What a reminder's delivery must never do: be stamped as sent when nothing was posted, or
be posted twice because sending outlived the lease; on SQLite and PostgreSQL."""
from datetime import timedelta

from sqlmodel import select

from bot.messages import MessageRef, Say
from bot.scheduler import Scheduler
from desk.reminders import rules
from desk.reminders.sender import ReminderSender
from storage.models import MessageRef as MessageRefRow, Reminder
from tests.test_reminders import app, channel, history, thread  # noqa: F401 (fixtures)


def statuses(app) -> dict[int, str]:
    with app.desk.db.unit() as s:
        return {r.case_id: r.status for r in s.exec(select(Reminder).where(Reminder.kind == "vote"))}


def test_a_reminder_for_a_case_with_no_card_waits_for_the_card(channel, clock, app):
    case = channel.forward()
    with app.desk.db.unit() as s:  # the card never reached the channel
        s.delete(s.exec(select(MessageRefRow)).one())
    clock.advance(hours=1)
    posted: list = []
    scheduler = Scheduler([ReminderSender(app.desk, platforms=["test"])], posted.append, 0)
    for _ in range(3):
        scheduler.tick()
        clock.advance(rules.NO_CARD_WAIT)
    assert posted == []
    assert statuses(app) == {case: "pending"}
    assert [a for a, _ in history(app, case) if a.startswith("reminder")] == []
    app.refs.put("test", f"case:{case}", MessageRef("C1", "m1", "m1"))  # the card is shown
    scheduler.tick()
    post, = thread([m for box in posted for m in box.messages], case)
    assert "waiting for votes" in str(post.text)
    scheduler.tick()
    assert len(posted) == 1 and statuses(app) == {case: "sent"}
    assert [a for a, _ in history(app, case)].count("reminder_sent") == 1


def test_a_batch_that_outlives_its_lease_is_not_sent_twice(channel, clock, app):
    cases = [channel.forward(text=f"Review {i}: the order never came.") for i in range(12)]
    clock.advance(hours=1)
    other_posts: list = []
    other = Scheduler([ReminderSender(app.desk, platforms=["test"])],
                      lambda box: other_posts.extend(box.messages), 0)
    # Slack is slow: each post takes a minute, so the 13 posts (a digest and 12 threads)
    # take well over one lease, and another process looks for due work after every post.
    posted: list = []

    def send(box) -> None:
        clock.advance(minutes=1)
        other.tick()
        posted.extend(box.messages)

    Scheduler([ReminderSender(app.desk, platforms=["test"])], send, 0).tick()
    assert other_posts == []
    keys = [m.key for m in thread(posted)]
    assert sorted(keys) == sorted(f"case:{c}" for c in cases) and len(set(keys)) == 12
    assert set(statuses(app).values()) == {"sent"}
    assert all([a for a, _ in history(app, c)].count("reminder_sent") == 1 for c in cases)


def test_a_process_that_lost_its_lease_leaves_the_rest_to_the_one_that_took_it(
        channel, clock, app):
    cases = [channel.forward(text=f"Review {i}: the order never came.") for i in range(4)]
    clock.advance(hours=1)
    other_posts: list = []
    other = Scheduler([ReminderSender(app.desk, platforms=["test"])],
                      lambda box: other_posts.extend(box.messages), 0)
    stalled = []

    def send(box) -> None:
        if not stalled:  # the first post (the channel's digest) hangs past the lease
            stalled.append(box)
            clock.advance(rules.LEASE + timedelta(minutes=1))
            other.tick()
        posted.extend(box.messages)

    posted: list = []
    Scheduler([ReminderSender(app.desk, platforms=["test"])], send, 0).tick()
    assert isinstance(stalled[0].messages[0], Say)
    mine, theirs = thread(posted), thread(other_posts)
    assert mine == [] and sorted(m.key for m in theirs) == [f"case:{c}" for c in cases]
    assert all([a for a, _ in history(app, c)].count("reminder_sent") == 1 for c in cases)
