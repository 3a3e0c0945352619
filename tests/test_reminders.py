"""Reminders end to end: handlers plan them, the scheduler sends them once, in the case's
thread, inside working hours; on SQLite and PostgreSQL, with time travel instead of sleeping."""
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text
from sqlmodel import select

from bot.messages import Say, ThreadPost
from bot.scheduler import Scheduler
from desk.reminders import rules
from desk.reminders.sender import ReminderSender
from storage.models import Case, History, Reminder, Team
from tests.conftest import AMS
from tests.harness import TestChannel


@pytest.fixture
def app(app_on_each_database):
    return app_on_each_database


@pytest.fixture
def channel(app):
    team = TestChannel(app)
    team.setup("Ann")  # C1 becomes the review channel
    return team


class Bot:
    """The scheduler as an adapter runs it, with the reminder job; `tick` returns what it
    delivered."""

    def __init__(self, app) -> None:
        self.app = app
        self.boxes: list = []
        jobs = [job for job in app.jobs if isinstance(job, ReminderSender)]
        self.scheduler = Scheduler(jobs, self.boxes.append, interval=0)

    def tick(self) -> list:
        before = len(self.boxes)
        self.scheduler.tick()
        return [m for box in self.boxes[before:] for m in box.messages]


@pytest.fixture
def bot(app):
    return Bot(app)


def thread(messages, case_id=None) -> list[ThreadPost]:
    return [m for m in messages if isinstance(m, ThreadPost)
            and (case_id is None or m.key == f"case:{case_id}")]


def says(messages) -> list[Say]:
    return [m for m in messages if isinstance(m, Say)]


def history(app, case_id) -> list[tuple[str, str | None]]:
    with app.desk.db.unit() as s:
        return [(h.action, h.detail) for h in s.exec(
            select(History).where(History.case_id == case_id).order_by(History.id))]


def reminder_actions(app, case_id) -> list[str]:
    return [a for a, _ in history(app, case_id) if a.startswith("reminder") or a == "remind"]


def set_team(app, **values) -> None:
    with app.desk.db.unit() as s:
        team = s.exec(select(Team)).one()
        for name, value in values.items():
            setattr(team, name, value)
        s.add(team)


def at(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


# -- respond the same working day -----------------------------------------------------------
def test_vote_reminder_an_hour_later_mentions_who_has_not_voted(channel, bot, clock, app):
    channel.command("Bob", "list")
    channel.command("Cas", "help")
    case = channel.forward("Ann")
    channel.click("Ann", "vote_respond", case)
    clock.advance(minutes=59)
    assert bot.tick() == []
    clock.advance(minutes=1)
    post, = thread(bot.tick(), case)
    assert "still waiting for votes" in str(post.text)
    assert sorted(post.text.mentions()) == ["U-bob", "U-cas"]
    assert [b.action for b in post.buttons] == ["remind_me"]
    clock.advance(hours=3)
    assert thread(bot.tick(), case) == []  # never twice
    assert reminder_actions(app, case) == ["reminder_sent"]


def test_decided_but_unclaimed_reminds_the_channel(channel, bot, clock):
    case = channel.decided()
    clock.advance(hours=1)
    messages = bot.tick()
    assert "nobody has claimed it yet" in str(thread(messages, case)[0].text)
    say, = says(messages)
    assert say.channel == "C1" and f"Case #{case}" in str(say.text) and not say.text.mentions()


def test_claimed_without_reply_gets_a_holding_reply_then_owner_and_lead_at_end_of_day(
        channel, bot, clock, app):
    set_team(app, lead="U-lea", contact_email="service@example.com")
    channel.command("Lea", "help")
    case = channel.claimed("Ann", customer="Sam")
    clock.set(at(2026, 11, 23, 15, 29))
    assert [m for m in thread(bot.tick(), case) if "holding" in str(m.text)] == []
    clock.set(at(2026, 11, 23, 15, 30))
    holding, = thread(bot.tick(), case)
    assert holding.text.mentions() == ["U-ann"]
    assert "ends at 17:30" in str(holding.text)
    assert "Sam," in str(holding.text) and "service@example.com" in str(holding.text)
    clock.set(at(2026, 11, 23, 17, 15))
    late, = thread(bot.tick(), case)
    assert late.text.mentions() == ["U-ann", "U-lea"]
    assert "still has no reply" in str(late.text)


def test_a_posted_holding_reply_stops_the_same_day_reminders(channel, bot, clock, app):
    case = channel.claimed("Ann")
    channel.submit("Ann", "draft", {"kind": "holding", "text": "Dear Sam, we are on it. Ann"},
                   str(case))
    channel.submit("Ann", "posted", {"version": "1"}, str(case))
    clock.set(at(2026, 11, 23, 17, 20))
    assert bot.tick() == []
    with app.desk.db.unit() as s:
        statuses = {r.kind: r.status for r in s.exec(select(Reminder).where(Reminder.case_id == case))}
    assert statuses == {"vote": "cancelled", "claim": "cancelled", "holding": "cancelled",
                        "end_of_day": "cancelled"}


def test_friday_evening_review_is_reminded_on_monday_morning(channel, bot, clock):
    clock.set(at(2026, 11, 27, 20, 0))
    case = channel.forward()
    clock.set(at(2026, 11, 30, 9, 59))  # the whole weekend passes: nothing
    assert bot.tick() == []
    clock.set(at(2026, 11, 30, 10, 0))
    assert "waiting for votes" in str(thread(bot.tick(), case)[0].text)


def test_due_outside_working_hours_waits_for_the_next_opening(channel, bot, clock, app):
    case = channel.forward()
    clock.set(at(2026, 11, 28, 11, 0))  # the bot was down until Saturday
    assert bot.tick() == []
    with app.desk.db.unit() as s:
        vote = s.exec(select(Reminder).where(Reminder.case_id == case,
                                             Reminder.kind == "vote")).one()
    assert (vote.status, vote.due_at, vote.attempts) == ("pending", at(2026, 11, 30, 9, 0), 0)
    clock.set(at(2026, 11, 30, 9, 0))
    post, = thread(bot.tick(), case)  # the vote; Monday's end of the day is today's end
    assert "waiting for votes" in str(post.text)
    clock.set(at(2026, 11, 30, 17, 15))
    post, = thread(bot.tick(), case)
    assert "still has no reply" in str(post.text)


def test_two_days_down_give_each_case_the_reminder_that_still_makes_sense(channel, bot,
                                                                          clock, app):
    cases = [channel.forward(text=f"Complaint number {i} about the delivery.") for i in range(2)]
    channel.click("Ann", "vote_respond", cases[1])
    channel.click("Bob", "vote_respond", cases[1])
    channel.click("Ann", "remind_me", cases[0])
    channel.command("Ann", f"remind {cases[0]} in 2 hours")
    clock.advance(days=2)  # Wednesday 10:00: every reminder of Monday is overdue
    messages = bot.tick()
    vote, claim = thread(messages)  # one each: no "end of the working day" at 10:00
    assert vote.key == f"case:{cases[0]}" and "waiting for votes" in str(vote.text)
    assert claim.key == f"case:{cases[1]}" and "nobody has claimed it yet" in str(claim.text)
    assert [d for a, d in history(app, cases[0]) if a == "reminder_skipped"] == [
        '{"kind": "snooze", "seq": 1, "reason": "superseded"}']
    for _ in range(3):  # not at the morning's opening, nor every half hour
        clock.advance(minutes=30)
        assert thread(bot.tick()) == []
    clock.set(at(2026, 11, 25, 17, 15))  # the end of Wednesday, not of Monday
    late = thread(bot.tick())
    assert sorted(m.key for m in late) == [f"case:{c}" for c in cases]
    assert all("still has no reply" in str(m.text) for m in late)
    with app.desk.db.unit() as s:
        sent = s.exec(select(Reminder).where(Reminder.status == "sent")).all()
    assert len(sent) == 4 and all(at(2026, 11, 25, 10) <= r.sent_at for r in sent)
    clock.advance(days=1)
    assert thread(bot.tick()) == []


def test_downtime_overnight_sends_nothing_before_the_opening(channel, bot, clock, app):
    case = channel.claimed("Ann")  # holding reminder at 15:30, end of the day at 17:15
    clock.set(at(2026, 11, 24, 2, 0))  # back at night: Monday's are over
    assert bot.tick() == []
    clock.set(at(2026, 11, 24, 9, 0))
    assert thread(bot.tick()) == []
    clock.set(at(2026, 11, 24, 15, 30))
    holding, = thread(bot.tick(), case)
    assert "ends at 17:30" in str(holding.text)


def test_one_reminder_that_fails_to_go_out_does_not_send_the_others_again(channel, clock, app):
    cases = [channel.forward(text=f"Complaint {i}: the parcel never came.") for i in range(2)]
    clock.advance(hours=1)
    sent: list = []

    def send(box):
        if any(m.key == f"case:{cases[1]}" for m in thread(box.messages)):
            raise ConnectionError("the platform is away")
        sent.extend(box.messages)

    (job,) = [job for job in app.jobs if isinstance(job, ReminderSender)]
    Scheduler([job], send, interval=0).tick()
    assert [m.key for m in thread(sent)] == [f"case:{cases[0]}"]
    clock.advance(minutes=10)  # past the lease: only the one that failed comes back
    retried = [m for box in job() for m in box.messages]
    assert [m.key for m in thread(retried)] == [f"case:{cases[1]}"]


def test_many_due_at_once_give_one_digest_and_a_post_in_each_thread(channel, bot, clock):
    cases = [channel.forward(text=f"Review {i}: the order never came.", customer=f"C{i}")
             for i in range(5)]
    clock.advance(hours=1)
    messages = bot.tick()
    digest, = says(messages)
    assert digest.channel == "C1" and "5 cases need attention" in str(digest.text)
    for case in cases:
        assert f"#{case} (C{case - 1}): waiting for votes" in str(digest.text)
        assert len(thread(messages, case)) == 1
    assert isinstance(messages[0], Say)  # the channel sees the overview first


def test_a_reminder_whose_reason_went_away_is_skipped_and_recorded(channel, bot, clock, app):
    case = channel.forward()
    with app.desk.db.unit() as s:  # as if the case closed while the reminder was being taken
        row = s.get(Case, case)
        row.state = "ignored"
        s.add(row)
    clock.advance(hours=1)
    assert bot.tick() == []
    skipped = [d for a, d in history(app, case) if a == "reminder_skipped"]
    assert len(skipped) == 1 and '"reason": "state"' in skipped[0]


# -- follow-up after the public reply -------------------------------------------------------
def followup_reminder(bot, clock, case) -> ThreadPost:
    """Travel to the next follow-up check (2 working days on) and take its reminder."""
    with bot.app.desk.db.unit() as s:
        due = s.exec(select(Reminder.due_at).where(Reminder.case_id == case,
                                                   Reminder.kind == "followup",
                                                   Reminder.status == "pending")).one()
    clock.set(due)
    post, = thread(bot.tick(), case)
    return post


def press(channel, who, post, action):
    button = next(b for b in post.buttons if b.action == action)
    return channel.click(who, button.action, button.value)


def test_three_follow_ups_without_reaction_close_the_case_as_went_quiet(channel, bot, clock, app):
    case = channel.replied("Ann", customer="Sam")
    first = followup_reminder(bot, clock, case)
    assert first.text.mentions() == ["U-ann"] and "check back with Sam" in str(first.text)
    assert [b.action for b in first.buttons] == ["reaction_satisfied", "reaction_not_yet",
                                                 "reaction_none", "remind_me"]
    press(channel, "Ann", first, "reaction_none")
    assert "already answered" in press(channel, "Ann", first, "reaction_none").notice
    second = followup_reminder(bot, clock, case)
    press(channel, "Ann", second, "reaction_not_yet")  # the customer reacted: count again
    for n in range(3):
        post = followup_reminder(bot, clock, case)
        replies = press(channel, "Ann", post, "reaction_none")
    assert "went quiet" in " ".join(replies.thread_texts())
    with app.desk.db.unit() as s:
        row = s.get(Case, case)
        assert (row.state, row.outcome) == ("closed", "went_quiet")
        assert s.exec(select(Reminder).where(Reminder.case_id == case,
                                             Reminder.status == "pending")).all() == []
    clock.advance(days=10)
    assert bot.tick() == []  # we don't chase a customer who let it go


def test_satisfied_from_the_reminder_closes_the_case(channel, bot, clock, app):
    case = channel.replied("Ann")
    post = followup_reminder(bot, clock, case)
    replies = press(channel, "Bob", post, "reaction_satisfied")
    assert "customer is satisfied" in " ".join(replies.thread_texts())
    with app.desk.db.unit() as s:
        assert s.get(Case, case).outcome == "satisfied"
    clock.advance(days=10)
    assert bot.tick() == []
    assert [a for a, _ in history(app, case)][-3:] == ["reminder_sent", "follow_up", "close"]


# -- snooze and "remind me" -----------------------------------------------------------------
def test_remind_me_in_dutch_from_the_card(channel, bot, clock, app):
    case = channel.forward()
    form = channel.click("Bas", "remind_me", case, locale="nl").form
    assert form.form == "remind" and "morgen om 9 uur" in form.inputs[0].hint
    replies = channel.submit("Bas", "remind", {"when": "morgen om 9 uur"}, form.context,
                             locale="nl")
    assert replies.notice == f"Ik herinner je aan zaak #{case} op dinsdag 24-11 om 09:00."
    clock.set(at(2026, 11, 24, 9, 0))
    snooze = [p for p in thread(bot.tick(), case) if "asked to be reminded" in str(p.text)]
    assert len(snooze) == 1 and snooze[0].text.mentions() == ["U-bas"]
    assert reminder_actions(app, case)[0] == "remind"


def test_remind_me_by_command_in_english_at_night_moves_into_working_hours(channel, bot, clock):
    case = channel.forward()
    assert "Tuesday 24-11 at 09:00" in channel.command("Ann", f"remind {case} tonight at 22:00").notice
    assert "Monday 23-11 at 13:00" in channel.command("Ann", f"remind #{case} in 3 hours").notice


@pytest.mark.parametrize("phrase,locale,expected", [
    ("vandaag om 8 uur", "nl", "Dat moment is al voorbij"),
    ("yesterday at 9", "en", "already passed"),
    ("paarse olifant", "nl", "Dat moment kan ik niet lezen. Probeer bijvoorbeeld: „morgen om 9 uur”"),
    ("purple elephant", "en", "could not read that moment. Try for example: “tomorrow 9am”"),
])
def test_a_past_or_unreadable_moment_is_refused_with_examples(channel, app, phrase, locale,
                                                               expected):
    case = channel.forward()
    errors = channel.submit("Ann", "remind", {"when": phrase}, str(case), locale=locale).errors
    assert expected in errors["when"]
    assert expected in channel.command("Ann", f"remind {case} {phrase}", locale=locale).notice
    assert reminder_actions(app, case) == []


def test_no_reminders_for_a_closed_case(channel):
    case = channel.forward()
    channel.submit("Ann", "ignore_vote", {"reason": "troll"}, str(case))
    channel.submit("Bob", "ignore_vote", {"reason": "troll"}, str(case))
    assert "Reminders stop" in channel.command("Ann", f"remind {case} tomorrow 9am").notice


# -- several processes: leases --------------------------------------------------------------
def test_a_crash_mid_send_is_retried_by_another_process_after_the_lease(channel, clock, app):
    case = channel.forward()
    clock.advance(hours=1)
    crashed = ReminderSender(app.desk, platforms=["test"])
    other = ReminderSender(app.desk, platforms=["test"])
    taken, = crashed()  # taken, never delivered: the process died
    assert len(thread(taken.messages, case)) == 1
    assert list(other()) == []  # still leased
    clock.advance(rules.LEASE)
    retry, = other()
    retry.delivered()
    taken.delivered()  # the first process comes back late: its lease is gone, no second stamp
    assert [a for a, _ in history(app, case)].count("reminder_sent") == 1
    with app.desk.db.unit() as s:
        vote = s.exec(select(Reminder).where(Reminder.kind == "vote")).one()
    assert (vote.status, vote.attempts) == ("sent", 2)


def test_the_due_query_uses_the_status_due_index(app, database_url, clock):
    sender = ReminderSender(app.desk)
    with app.desk.db.unit() as s:
        if database_url.startswith("sqlite"):
            plan = s.execute(text("EXPLAIN QUERY PLAN SELECT id FROM reminder WHERE "
                                  "status = 'pending' AND due_at <= '2026-11-23' "
                                  "ORDER BY due_at LIMIT 200")).all()
        else:
            s.execute(text("SET LOCAL enable_seqscan = off"))
            plan = s.execute(text("EXPLAIN SELECT id FROM reminder WHERE status = 'pending' "
                                  "AND due_at <= now() ORDER BY due_at LIMIT 200")).all()
    assert "ix_reminder_due" in " ".join(str(row) for row in plan)
    assert list(sender()) == []
