"""The outbox through the Slack adapter and the loopback fake of the Web API: what a person's
event posts for the team arrives once, even when the process dies after its commit, Slack is
busy or down, or the bot was left out of the channel; a case's thread never overtakes its card."""
from __future__ import annotations

import threading
from functools import partial
from types import SimpleNamespace

import pytest
from slack_sdk.http_retry import builtin_handlers
from sqlalchemy import delete, update
from sqlmodel import select

from bot.messages import Say
from bot.scheduler import Scheduler
from bot.text import Rich
from desk import outbox as durable
from desk.cases import missing_cards
from desk.cases.missing_cards import MissingCards
from desk.reminders import rules
from desk.reminders.sender import ReminderSender
from desk.reporting import digest
from desk.reporting.digest import due_digests
from storage import outbox
from storage.models import OutboxItem, Reminder, Team
from tests.conftest import built_app
from tests.fakes.slack_fake import CHANNEL_ID, USER_ID
from tests.slack_support import Slack, no_logged_errors, slack_api, text_of  # noqa: F401

LEAD = "U0LEAD"
REVIEW = "Cold fries and a rude cashier, never again."


@pytest.fixture
def app(sqlite_url, clock):
    yield from built_app(sqlite_url, clock, adapter="slack")


@pytest.fixture
def slack(app, slack_api):
    return Slack(app, slack_api)


def tick(app, slack) -> None:
    """One round of the outbox job, as the scheduler runs it."""
    Scheduler([app.desk.outbox], slack.adapter.send, 0).tick()


def waiting(app) -> list[OutboxItem]:
    with app.desk.db.unit() as session:
        return outbox.pending(session, platform="slack")


def cards(api) -> list:
    """Card posts Slack took (in the review channel, not in a thread)."""
    return [c for c in api.calls("chat.postMessage") if c.response.get("ok")
            and c.body.get("channel") == CHANNEL_ID and "thread_ts" not in c.body]


def refuse_channel(api, error: str = "not_in_channel") -> None:
    """Posts to the review channel fail with `error`; direct messages still work."""
    def answer(call):
        if call.body.get("channel") == CHANNEL_ID:
            return {"ok": False, "error": error}
        return {"ok": True, **api._chat_post_message(call)}
    api.stub("chat.postMessage", answer, times=None)


def make_lead(app, user: str = LEAD) -> None:
    with app.desk.db.unit() as session:
        session.exec(update(Team).values(lead=user))


def test_a_forward_keeps_its_card_and_marks_it_delivered_once_slack_took_it(app, slack,
                                                                             slack_api):
    slack.command(REVIEW)
    assert len(cards(slack_api)) == 1
    assert waiting(app) == []
    with app.desk.db.unit() as session:
        (row,) = session.exec(select(OutboxItem)).all()
    assert (row.kind, row.key, row.outcome) == ("Card", "case:1", "delivered")


def test_a_card_lost_to_a_crash_after_the_commit_is_posted_by_the_job_after_a_restart(
        app, slack, slack_api, sqlite_url, clock):
    slack.adapter.dispatcher.deliver = lambda *args, **kw: []  # the process dies here
    slack.command(REVIEW)
    assert cards(slack_api) == [] and len(waiting(app)) == 1
    with app.desk.db.unit() as session:
        session.exec(update(Team).values(review_channel=CHANNEL_ID))

    for restarted in built_app(sqlite_url, clock, adapter="slack"):
        again = Slack(restarted, slack_api)
        tick(restarted, again)
        assert cards(slack_api) == []  # the process that did the work may still be at it
        clock.advance(missing_cards.GRACE)
        assert list(MissingCards(restarted.desk, ["slack"])()) == []  # the outbox has it
        clock.advance(durable.GRACE)
        tick(restarted, again)
        assert len(cards(slack_api)) == 1 and waiting(restarted) == []
        clock.advance(hours=1)
        tick(restarted, again)
    assert len(cards(slack_api)) == 1  # exactly once


def test_429_and_5xx_are_retried_with_a_growing_pause_until_slack_takes_the_card(
        app, slack, slack_api, clock, monkeypatch):
    slept: list[float] = []  # the Web API client's own waits, as Retry-After asks
    monkeypatch.setattr(builtin_handlers, "time", SimpleNamespace(sleep=slept.append))
    slack_api.rate_limit("chat.postMessage", retry_after=7, times=4)  # the client tries 4 times
    slack.command(REVIEW)
    assert cards(slack_api) == [] and len(slept) == 3 and min(slept) >= 7
    assert any("busy" in text for text in slack.ephemerals())
    (row,) = waiting(app)
    assert row.error == "rate_limited" and row.due_at == clock.now() + durable.RETRY

    slack_api.stub("chat.postMessage", {"ok": False, "error": "internal_error"}, status=500,
                   times=1)
    clock.advance(durable.RETRY)
    tick(app, slack)
    (row,) = waiting(app)
    assert row.error == "unavailable" and row.due_at == clock.now() + 2 * durable.RETRY

    clock.advance(durable.RETRY)
    tick(app, slack)
    assert cards(slack_api) == []  # not due yet
    clock.advance(durable.RETRY)
    tick(app, slack)
    assert len(cards(slack_api)) == 1 and waiting(app) == []


def test_not_in_channel_tells_the_person_and_the_lead_once_and_goes_out_once_fixed(
        app, slack, slack_api, clock):
    slack.command("setup")  # the team exists
    make_lead(app)
    refuse_channel(slack_api)
    slack.command(REVIEW)
    slack.command("The soup was cold and the waiter laughed at us.")
    told = slack.ephemerals()
    assert sum("not a member of that channel" in t for t in told) == 2
    assert not any("Nothing was changed" in t for t in told)

    tick(app, slack)
    to_lead = [text_of(c.body["blocks"]) for c in slack_api.calls("chat.postMessage")
               if c.body.get("channel") == LEAD]
    assert len(to_lead) == 1 and "/invite @review-desk" in to_lead[0]
    assert f"<@{LEAD}>" in to_lead[0]
    slack.click("vote_respond", "1", card="1700000000.000100")  # a newer card, failing too
    clock.advance(durable.FIX_RETRY)
    tick(app, slack)
    assert len([c for c in slack_api.calls("chat.postMessage")
                if c.body.get("channel") == LEAD]) == 1  # told once

    slack_api.reset()  # the bot was invited
    clock.advance(durable.FIX_MAX)
    tick(app, slack)
    assert len(cards(slack_api)) == 2 and waiting(app) == []
    clock.advance(durable.FIX_MAX)
    tick(app, slack)
    assert len(cards(slack_api)) == 2
    assert not [c for c in slack_api.calls("chat.postMessage") if c.body.get("channel") == LEAD]


def test_the_lead_is_told_in_dutch_when_the_team_speaks_dutch(app, slack, slack_api):
    slack.command("setup")
    make_lead(app)
    with app.desk.db.unit() as session:
        session.exec(update(Team).values(language="nl"))
    refuse_channel(slack_api, "channel_not_found")
    slack.command(REVIEW)
    tick(app, slack)
    (dm,) = [text_of(c.body["blocks"]) for c in slack_api.calls("chat.postMessage")
             if c.body.get("channel") == LEAD]
    assert "Kies het opnieuw met /review setup" in dm


def test_a_card_the_lost_channel_never_showed_goes_to_the_channel_chosen_again(
        app, slack, slack_api, clock):
    """Channel gone: the person is told to have the lead choose it again with /review setup;
    once chosen, the case's card and the team's waiting message appear there, once each."""
    slack.command("setup")
    slack.submit()
    refuse_channel(slack_api, "channel_not_found")
    slack.command(REVIEW)
    assert "choose the review channel again" in " ".join(slack.ephemerals())

    with app.desk.db.unit() as session:  # a warning for the team waits in the lost channel too
        team = session.exec(select(Team)).one()
        app.desk.outbox.keep(session, team, [Say(CHANNEL_ID, Rich(["Three complaints about cold fries."]))])

    slack.command("setup", channel_id="C0NEWCHAN")
    slack.submit()
    clock.advance(missing_cards.GRACE)
    jobs = Scheduler([MissingCards(app.desk, ["slack"]), app.desk.outbox], slack.adapter.send, 0)
    for _ in range(2):
        jobs.tick()
        clock.advance(durable.FIX_MAX)
    posted = [c for c in slack_api.calls("chat.postMessage") if c.response.get("ok")
              and c.body.get("channel") == "C0NEWCHAN" and "thread_ts" not in c.body]
    assert len(posted) == 2 and waiting(app) == []
    assert "Three complaints about cold fries." in text_of(posted[-1].body["blocks"])
    with app.desk.db.unit() as session:
        old = session.exec(select(OutboxItem).where(OutboxItem.channel == CHANNEL_ID)).one()
    assert old.outcome == outbox.SUPERSEDED


def test_a_thread_post_waits_for_its_card_and_a_newer_card_replaces_the_older(
        app, slack, slack_api, clock):
    refuse_channel(slack_api)
    slack.command(REVIEW)
    slack.click("vote_respond", "1", card="1700000000.000100")
    rows = waiting(app)
    assert [r.kind for r in rows][:3] == ["Card", "Card", "ThreadPost"]
    assert rows[2].error == "no_card"

    slack_api.reset()
    clock.advance(durable.FIX_MAX)
    tick(app, slack)
    (card,) = cards(slack_api)  # the newer card only: the older one is superseded
    assert slack_api.calls("chat.update") == [] and "Votes" in text_of(card.body["blocks"])
    thread = [c for c in slack_api.calls("chat.postMessage") if c.body.get("thread_ts")]
    assert thread and all(c.body["thread_ts"] == card.response["ts"] for c in thread)
    assert slack_api.calls().index(card) < slack_api.calls().index(thread[0])
    assert waiting(app) == []


def test_two_takers_never_hold_the_same_rows(app_on_each_database, clock):
    app = app_on_each_database
    now = clock.now()
    with app.desk.db.unit() as session:
        team = Team(platform="test", workspace="T1", created_at=now)
        session.add(team)
        session.flush()
        outbox.add(session, [{"platform": "test", "workspace": "T1", "team_id": team.id,
                              "kind": "Say", "body": "{}", "created_at": now, "due_at": now}
                             for _ in range(3)])
    lease = now + durable.LEASE
    with app.desk.db.unit() as first, app.desk.db.unit() as second:
        mine = outbox.take(first, platforms=["test"], now=now, lease_until=lease, limit=2)
        first.commit()
        theirs = outbox.take(second, platforms=["test"], now=now, lease_until=lease, limit=2)
    assert len(mine) == 2 and len(theirs) == 1
    assert not {r.id for r in mine} & {r.id for r in theirs}


def test_every_kind_for_the_team_comes_back_from_the_outbox_as_it_was_kept():
    from bot.delivery import codec
    from bot.messages import Button, Card, File, Say, ThreadPost
    from bot.text import Link, Mention, Quote, Rich, Strong, Verbatim

    text = Rich(["Hi ", Mention("U1", "Ann"), Strong("!"), Verbatim("*not bold*"),
                 Link("https://example.com", "here"), Quote("<@U2> @everyone")])
    for message in (Card("case:1", "C1", text, text, fields=(("Votes", text),),
                         buttons=(Button("claim", "Claim", "1", "primary"),), version=3,
                         number="1"),
                    ThreadPost("case:1", text, buttons=(Button("x", "X"),), number="1"),
                    Say("C1", text), Say("U1", text, direct=True),
                    File("C1", "chart.png", bytes(range(256)), "Chart", text)):
        assert codec.decode(codec.encode(message)) == message  # part types too: Verbatim stays


def test_a_case_with_no_row_of_its_own_gets_its_card_through_the_outbox_with_its_pause(
        app, slack, slack_api, clock):
    """An older case, or one a site delivered: the missing-card job keeps the card it posts,
    so a refused channel is tried again after the outbox's pause, not at every tick."""
    slack.command("setup")
    make_lead(app)
    refuse_channel(slack_api)
    slack.command(REVIEW)
    with app.desk.db.unit() as session:
        session.exec(delete(OutboxItem))  # a case from before the outbox
        session.exec(update(Team).values(review_channel=CHANNEL_ID))
    slack_api.reset()
    refuse_channel(slack_api)
    jobs = Scheduler([app.desk.outbox, MissingCards(app.desk, ["slack"])], slack.adapter.send, 0)

    clock.advance(missing_cards.GRACE)
    for _ in range(10):  # five minutes of ticks
        jobs.tick()
        clock.advance(seconds=30)
    to_channel = [c for c in slack_api.calls("chat.postMessage")
                  if c.body.get("channel") == CHANNEL_ID]
    assert len(to_channel) == 1
    assert len([c for c in slack_api.calls("chat.postMessage")
                if c.body.get("channel") == LEAD]) == 1
    (row,) = [r for r in waiting(app) if not r.alert]
    assert (row.key, row.error) == ("case:1", "not_in_channel")

    slack_api.reset()  # the bot was invited
    clock.advance(durable.FIX_RETRY)
    jobs.tick()
    assert len(cards(slack_api)) == 1 and waiting(app) == []


def lead_told(api) -> list[str]:
    return [text_of(c.body["blocks"]) for c in api.calls("chat.postMessage")
            if c.body.get("channel") == LEAD]


def to_channel(api) -> list:
    return [c for c in api.calls("chat.postMessage") if c.body.get("channel") == CHANNEL_ID]


def test_a_reminder_the_channel_refuses_tells_the_lead_once_and_goes_out_once_fixed(
        app, slack, slack_api, clock):
    slack.command("setup")
    make_lead(app)
    slack.command(REVIEW)
    assert len(cards(slack_api)) == 1
    slack_api.reset()
    refuse_channel(slack_api)  # the bot was removed from the channel
    jobs = Scheduler([app.desk.outbox, ReminderSender(app.desk, ["slack"])], slack.adapter.send,
                     0)
    clock.advance(hours=1)
    for _ in range(3):
        jobs.tick()
        clock.advance(rules.LEASE)
    assert len(to_channel(slack_api)) == 3  # tried again after each lease, as before
    (told,) = lead_told(slack_api)
    assert "/invite @review-desk" in told and f"<@{LEAD}>" in told

    slack_api.reset()
    jobs.tick()
    (reminder,) = to_channel(slack_api)
    assert reminder.body.get("thread_ts") and lead_told(slack_api) == []
    with app.desk.db.unit() as session:
        assert [r.status for r in session.exec(select(Reminder).where(Reminder.kind == "vote"))
                ] == ["sent"]

    clock.advance(minutes=1)  # the reminder got through: a new break is news to the lead
    refuse_channel(slack_api)
    slack.command("The soup was cold and the waiter laughed at us.")
    jobs.tick()
    (again,) = lead_told(slack_api)
    assert "/invite @review-desk" in again


def test_a_digest_the_channel_refuses_tells_the_lead_once(app, slack, slack_api, clock):
    slack.command("setup")
    make_lead(app)
    with app.desk.db.unit() as session:
        session.exec(update(Team).values(review_channel=CHANNEL_ID))
    refuse_channel(slack_api, "channel_not_found")
    jobs = Scheduler([app.desk.outbox, partial(due_digests, app.desk, platforms=["slack"])],
                     slack.adapter.send, 0)
    clock.advance(days=7)  # the next Monday: last week's digest is due
    for _ in range(3):
        jobs.tick()
        clock.advance(digest.LEASE + durable.RETRY)
    assert len(to_channel(slack_api)) == 3  # tried again after each claim ran out
    (told,) = lead_told(slack_api)
    assert "/review setup" in told


def test_an_answer_slowed_by_retry_after_leaves_its_post_to_the_job_and_it_appears_once(
        app, slack, slack_api, sqlite_url, clock, monkeypatch):
    """Slack asks to wait 12 s three times; another process's job looks for due rows after
    every wait (in a thread, as its scheduler would). The answer retries only while a retry
    ends within the grace; the job sends the rest, once."""
    slept: list[float] = []
    for other in built_app(sqlite_url, clock, adapter="slack"):
        elsewhere = Slack(other, slack_api)

        def sleep(seconds: float) -> None:
            slept.append(seconds)
            clock.advance(seconds=seconds)
            job = threading.Thread(target=tick, args=(other, elsewhere))
            job.start()
            job.join()

        monkeypatch.setattr(builtin_handlers, "time", SimpleNamespace(sleep=sleep))
        slack_api.rate_limit("chat.postMessage", retry_after=12, times=3)
        slack.command(REVIEW)
        for _ in range(4):
            clock.advance(durable.RETRY)
            tick(other, elsewhere)
    assert len(cards(slack_api)) == 1 and waiting(app) == []
    assert len(slept) == 2  # the answer's one wait (a second would end too late), the job's


def statements(app) -> list[tuple[int, str]]:
    """(transaction number, statement) of everything the app runs from now on."""
    from sqlalchemy import event

    seen: list[tuple[int, str]] = []
    commits = [0]
    engine = app.desk.db.engine
    event.listen(engine, "before_cursor_execute",
                 lambda conn, cur, sql, *rest: seen.append((commits[0], sql)))
    event.listen(engine, "commit", lambda conn: commits.__setitem__(0, commits[0] + 1))
    return seen


def test_a_card_lands_with_its_ref_and_its_delivered_mark_in_one_transaction(app, slack,
                                                                              slack_api):
    seen = statements(app)
    slack.command(REVIEW)
    (ref,) = [n for n, sql in seen if sql.startswith("INSERT INTO message_ref")]
    (mark,) = [n for n, sql in seen if sql.startswith("UPDATE outbox SET")]
    assert ref == mark
    assert len(cards(slack_api)) == 1 and waiting(app) == []


def test_an_answer_asks_where_its_card_lives_once(app, slack):
    slack.command(REVIEW)
    seen = statements(app)
    slack.click("vote_respond", "1", card="1700000000.000100")
    kinds = [r.kind for r in outbox_rows(app)]
    assert kinds.count("ThreadPost") == 1  # the card and a post in its thread: one look-up
    assert len([sql for _, sql in seen if sql.startswith("SELECT message_ref")]) == 1


def test_a_crash_between_two_posts_of_an_answer_posts_the_second_once_and_not_the_first(
        app, slack, slack_api, sqlite_url, clock):
    slack.command(REVIEW)
    deliver = slack.adapter.dispatcher.deliver
    slack.adapter.dispatcher.deliver = \
        lambda messages, *args, **kw: deliver(messages[:1], *args, **kw)  # dies after one
    slack.click("vote_respond", "1", card="1700000000.000100")
    assert [r.kind for r in waiting(app)] == ["ThreadPost"]  # the card was marked delivered
    updates = len(slack_api.calls("chat.update"))

    for restarted in built_app(sqlite_url, clock, adapter="slack"):
        again = Slack(restarted, slack_api)
        clock.advance(durable.GRACE)
        tick(restarted, again)
        clock.advance(hours=1)
        tick(restarted, again)
    thread = [c for c in slack_api.calls("chat.postMessage") if c.body.get("thread_ts")]
    assert len(thread) == 1 and thread[0].body["thread_ts"] == cards(slack_api)[0].response["ts"]
    assert len(cards(slack_api)) == 1 and len(slack_api.calls("chat.update")) == updates


def test_a_ref_whose_mark_could_not_be_written_is_kept_all_the_same(app, slack, slack_api,
                                                                    monkeypatch, caplog):
    def broken(*args, **kw):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(outbox, "delivered", broken)
    slack.command(REVIEW)
    monkeypatch.undo()
    assert "settling outbox row 1 failed" in caplog.text  # the job posts it again (updated)
    caplog.clear()
    slack.click("vote_respond", "1", card="1700000000.000100")
    assert len(cards(slack_api)) == 1  # the card is updated in place, not posted again
    assert len(slack_api.calls("chat.update")) == 1


def outbox_rows(app) -> list[OutboxItem]:
    with app.desk.db.unit() as session:
        return list(session.exec(select(OutboxItem).order_by(OutboxItem.id)))
