"""The inbox: a delivery is stored once, leased to one worker, and finished in the same
transaction as the work it asked for, so working it twice changes nothing."""
from __future__ import annotations

import json

import pytest
from dataclasses import replace

from sqlmodel import select

from bot.events import Actor, Command, Place
from bot.adapters.slack.adapter import Listen
from bot.inbox import MAX_ATTEMPTS, Delivery, Workers
from bot.serving import ALL, WEB, WORKER
from desk.inbox import LEASE, DbInbox
from storage.models import Case, InboxItem
from tests.slack_support import Slack, slack_api  # noqa: F401


def inbox_of(app) -> DbInbox:
    return app.inbox


def test_a_retry_is_the_same_delivery(app):
    inbox = inbox_of(app)
    first = inbox.put("slack", "trigger-1", "command", "{}")
    assert first is not None
    assert inbox.put("slack", "trigger-1", "command", "{}") is None
    assert inbox.put("discord", "trigger-1", "command", "{}") is not None  # another platform


def test_a_taken_delivery_is_leased_until_its_worker_is_presumed_dead(app, clock):
    inbox = inbox_of(app)
    inbox.put("slack", "t-1", "command", '{"n": 1}')
    [taken] = inbox.take("slack", 5)
    assert (taken.kind, taken.body, taken.attempts) == ("command", '{"n": 1}', 1)
    assert inbox.take("slack", 5) == []
    clock.advance(LEASE)
    assert [d.id for d in inbox.take("slack", 5)] == [taken.id]
    inbox.finish([taken.id])
    clock.advance(LEASE)
    assert inbox.take("slack", 5) == []


def test_a_finished_delivery_keeps_its_receipt_not_its_words_and_is_forgotten_later(app, clock):
    """A late retry is still recognised, but the review's words and a platform's answer token
    stay only in the case; two days on, the job forgets the row (once an hour at most)."""
    inbox = inbox_of(app)
    done = inbox.put("slack", "t-1", "command", '{"text": "Koude friet", "token": "x"}')
    pending = inbox.put("slack", "t-2", "command", "{}")
    inbox.finish([done])

    def rows() -> dict[int, str]:
        with app.desk.db.unit() as session:
            return {row.id: row.body for row in session.exec(select(InboxItem))}

    assert rows() == {done: "", pending: "{}"}
    assert inbox.put("slack", "t-1", "command", "{}") is None
    assert inbox.purge() == [] and rows() == {done: "", pending: "{}"}
    clock.advance(days=2, minutes=1)
    inbox.purge()
    assert rows() == {pending: "{}"}
    later = inbox.put("slack", "t-3", "command", "{}")
    inbox.finish([later])
    clock.advance(days=2, minutes=-10)
    inbox.purge()  # an hour after the last run, but t-3 is not two days old yet
    clock.advance(minutes=20)
    inbox.purge()  # t-3 is, but the last run was 20 minutes ago: the database is not asked
    assert later in rows()
    clock.advance(minutes=41)
    inbox.purge()
    assert rows() == {pending: "{}"}


def test_a_held_delivery_is_left_to_its_taker_until_the_lease_ends(app, clock):
    """Held: the process that stored it works it at once; workers take it only when that
    process died first (or released it)."""
    inbox = inbox_of(app)
    held = inbox.put("discord", "interaction-1", "Command", "{}", held=True)
    assert inbox.take("discord", 5) == []
    clock.advance(LEASE)
    [taken] = inbox.take("discord", 5)
    assert (taken.id, taken.attempts) == (held, 2)  # its first attempt was the taker's own
    inbox.release(taken.id)
    assert [d.id for d in inbox.take("discord", 5)] == [held]


def test_an_event_kept_as_a_record_comes_back_the_same():
    from bot.events import (ButtonClick, FormSubmit, MessageShortcut, from_record, to_record)

    actor = Actor("U1", "Ann", "nl", frozenset({"lead", "staff"}))
    place = Place("discord", "G1", "C1", thread="T1", message="M1", audience=4)
    for event in (Command(actor, place, name="review", text="list"),
                  MessageShortcut(actor, place, name="forward_message", text="Cold", link="l"),
                  ButtonClick(actor, place, action="claim", value="12"),
                  FormSubmit(actor, place, form="draft", values={"text": "Dear Sam"},
                             context="12")):
        record = json.loads(json.dumps(to_record(replace(event, raw=object(), receipt=3))))
        assert from_record(record) == event and type(from_record(record)) is type(event)


def forward_event(receipt: int) -> Command:
    return Command(Actor("U-ann", "Ann"), Place("test", "T1", "C1"), name="review",
                   text="The soup was cold and the waiter never came back.", receipt=receipt)


def test_worked_twice_a_delivery_changes_nothing_the_second_time(app):
    receipt = inbox_of(app).put("test", "t-2", "command", "{}")
    first = app.router.dispatch(forward_event(receipt))
    again = app.router.dispatch(forward_event(receipt))
    assert first and again == []  # no second card, no "already forwarded" notice either
    with app.desk.db.unit() as s:
        assert len(s.exec(select(Case)).all()) == 1
        assert s.get(InboxItem, receipt).status == "done"


def test_a_refused_action_still_finishes_its_delivery(app):
    receipt = inbox_of(app).put("test", "t-4", "command", "{}")
    refused = app.router.dispatch(replace(forward_event(receipt), text="remind 99 tomorrow"))
    assert "99" in str(refused[0].text)
    with app.desk.db.unit() as s:
        assert s.get(InboxItem, receipt).status == "done"


class FailingWork:
    def __init__(self, fails: int) -> None:
        self.fails, self.seen = fails, []

    def __call__(self, delivery: Delivery) -> None:
        self.seen.append(delivery.attempts)
        if len(self.seen) <= self.fails:
            raise RuntimeError("the platform refused")


def test_a_failed_delivery_is_given_back_and_tried_again_then_set_aside(app, clock):
    inbox = inbox_of(app)
    work = FailingWork(fails=99)
    workers = Workers(inbox, "slack", work, threads=1)
    inbox.put("slack", "t-5", "command", "{}")
    for _ in range(MAX_ATTEMPTS):
        workers._work(inbox.take("slack", 1))
    assert work.seen == list(range(1, MAX_ATTEMPTS + 1))
    assert inbox.take("slack", 1) == []  # set aside after the last try, logged
    clock.advance(LEASE)
    assert inbox.take("slack", 1) == []


def test_a_stop_mid_batch_hands_the_rest_back_at_once(app):
    inbox = inbox_of(app)
    for n in range(3):
        inbox.put("slack", f"batch-{n}", "command", "{}")
    worked = []

    def work(delivery: Delivery) -> None:
        worked.append(delivery.id)
        workers.stopping.set()  # a SIGTERM arrives while the first one is worked

    workers = Workers(inbox, "slack", work, threads=1)
    batch = inbox.take("slack", 10)
    workers._work(batch)
    assert worked == [batch[0].id]
    assert [d.id for d in inbox.take("slack", 10)] == [d.id for d in batch[1:]]  # no lease wait


def test_a_case_whose_card_was_never_shown_gets_it_from_the_job(app, clock):
    from sqlmodel import delete

    from bot.messages import Card
    from desk.cases.missing_cards import GRACE, MissingCards
    from storage.models import MessageRef
    from tests.harness import TestChannel

    channel = TestChannel(app)
    channel.setup("Ann")
    case = channel.forward()
    with app.desk.db.unit() as s:  # the post failed, or the process died before it
        s.exec(delete(MessageRef).where(MessageRef.key == f"case:{case}"))
    job = MissingCards(app.desk, platforms=["test"])
    assert [m for o in job() for m in o.messages] == []  # the flow's own post may still come
    clock.advance(GRACE)
    [outbox] = job()
    [card] = outbox.messages
    assert isinstance(card, Card) and card.number == str(case)


def test_a_worker_elsewhere_is_woken_by_what_any_process_stores(app_on_each_database):
    """PostgreSQL: a stored delivery notifies in its own statement, so a worker in another
    process starts on it at once; a retry (nothing stored) notifies nobody. SQLite has no such
    channel, and says so: its one process both serves and works."""
    import threading

    inbox = inbox_of(app_on_each_database)
    if not inbox.shared:
        assert inbox.workers == 1
        return
    woken, stopped = threading.Semaphore(0), threading.Event()
    listener = threading.Thread(target=inbox.listen, args=(woken.release, stopped), daemon=True)
    listener.start()
    try:
        assert woken.acquire(timeout=10)  # listening: once for what was stored before
        assert inbox.put("slack", "t-1", "command", "{}") is not None
        assert woken.acquire(timeout=10)
        assert inbox.put("slack", "t-1", "command", "{}") is None  # a retry
        assert inbox.put("slack", "held", "command", "{}", held=True) is not None  # its own
        assert inbox.put("slack", "t-2", "command", "{}") is not None
        assert woken.acquire(timeout=10)  # notifications arrive in the order of their commits:
        assert not woken.acquire(blocking=False)  # the two before t-2 woke nobody
    finally:
        stopped.set()
        listener.join(timeout=10)
    assert not listener.is_alive()


@pytest.mark.parametrize("role", [WEB, WORKER, ALL])
def test_a_process_works_and_listens_by_its_role(app_on_each_database, slack_api, role):
    """A web process stores and acknowledges, and starts no worker; a worker process listens for
    what web processes stored (PostgreSQL only: on SQLite one process does both)."""
    slack = Slack(app_on_each_database, slack_api, process_before_response=False, listen=Listen(role=role))
    workers = slack.adapter.workers
    assert (workers.count == 0) is (role == WEB)
    assert workers.listening is (role == WORKER)
    if role == WEB:
        slack.command("Waited an hour for a cold pizza and nobody said sorry.")
        with app_on_each_database.desk.db.unit() as session:
            rows = session.exec(select(InboxItem)).all()
        assert [(row.kind, row.status) for row in rows] == [("command", "pending")]
        assert workers.threads == [] and workers.listener is None
