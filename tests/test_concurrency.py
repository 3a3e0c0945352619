"""Races settled by the database, on SQLite and on PostgreSQL: 20 people at the same moment."""
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from sqlmodel import select

from bot.messages import Card, Notice
from storage.models import Case, History, Member, Reminder
from tests.harness import TestChannel

N = 20


@pytest.fixture
def shared_app(app_on_each_database):
    return app_on_each_database


def all_at_once(fn):
    barrier = Barrier(N)

    def run(i):
        barrier.wait()
        return fn(i)

    with ThreadPoolExecutor(N) as pool:
        return list(pool.map(run, range(N)))


def test_twenty_forwards_of_the_same_review_make_one_case(shared_app):
    channel = TestChannel(shared_app)
    text = "Booked a table for 6, got a table for 4 and no apology."
    results = all_at_once(lambda i: channel.submit(
        f"P{i}", "forward", {"source": "google", "text": text,
                             "link": "https://g.co/kgs/same-review"}))
    cards = [r for r in results if r.of(Card)]
    dupes = [r for r in results if not r.of(Card)]
    assert len(cards) == 1 and len(dupes) == N - 1
    assert all("already forwarded" in r.notice for r in dupes)
    with shared_app.desk.db.unit() as s:
        assert len(s.exec(select(Case)).all()) == 1
        assert len(s.exec(select(Member)).all()) == N


def test_twenty_claims_at_once_give_one_owner(shared_app):
    channel = TestChannel(shared_app)
    case = channel.decided()
    results = all_at_once(lambda i: channel.click(f"P{i}", "claim", case))
    winners = [r for r in results if r.of(Card)]
    refused = [r for r in results if not r.of(Card)]
    assert len(winners) == 1 and len(refused) == N - 1
    owner = winners[0].thread_texts()[0].split(" claimed")[0]
    for r in refused:
        assert isinstance(r[0], Notice) and f"already claimed by {owner}" in r.notice
    with shared_app.desk.db.unit() as s:
        row = s.get(Case, case)
        assert row.state == "claimed"
        claims = s.exec(select(History).where(History.case_id == case,
                                              History.action == "claim")).all()
        assert len(claims) == 1
        holding = s.exec(select(Reminder).where(Reminder.case_id == case,
                                                Reminder.kind == "holding")).all()
        assert [(r.seq, r.status) for r in holding] == [(1, "pending")]


def test_votes_at_once_are_all_counted_once(shared_app):
    channel = TestChannel(shared_app)
    from desk.cases.vote import votes_needed  # noqa: F401  (the rule under test)
    case = channel.forward()
    with shared_app.desk.db.unit() as s:
        from storage.models import Team
        team = s.exec(select(Team)).one()
        team.votes_needed = N + 1  # nobody decides: every vote must land
        s.add(team)
    all_at_once(lambda i: channel.click(f"P{i}", "vote_respond", case))
    with shared_app.desk.db.unit() as s:
        from storage.models import Vote
        assert len(s.exec(select(Vote)).all()) == N


def test_a_recurring_theme_is_told_to_the_lead_once_when_many_forward_at_once(shared_app):
    from bot.messages import Say
    from storage.models import ThemeAlert

    channel = TestChannel(shared_app)
    for who in ("Sam", "Noor"):
        channel.forward(text=f"My parcel was delivered a week late ({who}).", customer=who)
    results = all_at_once(lambda i: channel.submit(
        f"P{i}", "forward", {"source": "google", "customer": f"Customer {i}",
                             "text": f"Delivery number {i} came days late, box damaged."}))
    assert all(r.of(Card) for r in results)  # every forward went through
    alerts = [m for r in results for m in r.of(Say)]
    with shared_app.desk.db.unit() as s:
        themes = [a.theme for a in s.exec(select(ThemeAlert))]
    assert "delivery" in themes and len(themes) == len(set(themes)) == len(alerts)
    assert all("not trolling" in str(a.text) for a in alerts)


def test_a_key_another_transaction_stored_first_gives_its_row_not_a_second(shared_app):
    from storage import repo

    db = shared_app.desk.db
    now = shared_app.desk.now()
    with db.unit() as s:
        team = repo.get_or_create_team(s, platform="test", workspace="T9", defaults={}, now=now)
        first = repo.get_or_create_member(s, team_id=team.id, user_id="U-sam", name="Sam")
    with db.unit() as s:  # as if it had looked before the other transaction committed
        find = lambda: repo.find_member(s, team_id=team.id, user_id="U-sam")  # noqa: E731
        row, created = repo.insert_or_get(s, Member(team_id=team.id, user_id="U-sam"), find)
        again, created_again = repo.insert_or_get(s, Member(team_id=team.id, user_id="U-noor"),
                                                  lambda: None)
    assert (row.id, row.name, created) == (first.id, "Sam", False)
    assert created_again and again.id not in (None, first.id) and again.user_id == "U-noor"
    with db.unit() as s:
        assert len(s.exec(select(Member).where(Member.team_id == team.id)).all()) == 2


def test_planned_reminders_are_numbered_after_the_last_of_their_kind(shared_app):
    from storage import reminders

    channel = TestChannel(shared_app)
    case = channel.forward()
    due = shared_app.desk.now()
    with shared_app.desk.db.unit() as s:
        reminders.schedule(s, case_id=case, steps=[("snooze", due), ("followup", due)],
                           target="U-sam")
        reminders.schedule(s, case_id=case, steps=[("snooze", due)])
    with shared_app.desk.db.unit() as s:
        rows = s.exec(select(Reminder).where(Reminder.case_id == case)
                      .order_by(Reminder.kind, Reminder.seq)).all()
    assert [(r.kind, r.seq, r.status, r.target) for r in rows] == [
        ("end_of_day", 1, "pending", None), ("followup", 1, "pending", "U-sam"),
        ("snooze", 1, "pending", "U-sam"), ("snooze", 2, "pending", None),
        ("vote", 1, "pending", None)]
    assert rows[2].due_at == due and rows[2].attempts == 0
