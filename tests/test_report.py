"""The team lead's report, the export and the lesson asked at closing, on a hand-built
December (tests/report_history.py) whose figures are known, on SQLite and PostgreSQL."""
import csv
import io
import random
import statistics
from datetime import datetime, timedelta

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from bot.messages import ThreadPost
from desk.reminders.calendar import WorkCalendar
from desk.reporting.export import export_csv
from desk.reporting.figures import compute
from desk.reporting.report import Period, duration, report_text
from desk.reporting.timeline import WorkingTimeline
from storage.models import Case, CaseTheme, History, Team
from tests.conftest import AMS
from tests.harness import TestChannel
from tests.report_history import build_history


@pytest.fixture
def app(app_on_each_database):
    return app_on_each_database


@pytest.fixture
def december(app, clock):
    return build_history(app, clock)


def figures_of(app, period="30d"):
    with app.desk.db.unit() as session:
        team = session.exec(select(Team)).one()
        end = app.desk.now()
        return compute(session, team, Period.parse(period).start(end, AMS), end)


def test_figures_of_a_hand_built_december(app, december):
    f = figures_of(app)
    c = f.counts
    assert (c.forwarded, c.respond, c.ignore, c.voting) == (7, 5, 1, 1)
    assert f.reasons == {"troll": 1}
    assert (f.open_now, f.open_before) == (5, 1)
    assert f.open_owners == [("Bob", 2), ("Ann", 1), (None, 2)]
    # A 40 min (same day), B 1 h over a weekend, C 20 min (Saturday review, Monday answer:
    # same working day), D 2 h over Christmas and a weekend.
    minutes = sorted(round(a.working_seconds / 60) for a in f.answers)
    assert minutes == [20, 40, 60, 120]
    assert f.same_day == 2
    assert f.answer_percentile(0.5) == pytest.approx(50 * 60, abs=1)
    assert f.answer_percentile(0.9) == pytest.approx(102 * 60, abs=1)
    assert c.unanswered == 1
    assert (c.satisfied, c.went_quiet, c.ignored) == (1, 1, 1)
    assert f.reopened == 1
    assert f.followups_per_closed == 1.5
    assert f.themes == [("delivery", 3), ("quality", 1)]
    assert [(r.theme, r.cases, list(r.recent)) for r in f.recurring] == [
        ("delivery", 3, [december["C"], december["B"], december["A"]])]
    assert [(l.case_id, l.theme) for l in f.lessons] == [(december["B"], "delivery"),
                                                         (december["A"], "delivery")]


def test_recurring_means_three_customers_within_thirty_days(app, december):
    """Over 12 weeks: delivery (Sam, Kim, Lee within 5 days) recurs; price, raised by three
    customers on 20 November, 15 and 29 December, never has three within 30 days."""
    with Session(app.desk.db.engine) as session:
        for name in ("H", "E", "G"):
            session.add(CaseTheme(case_id=december[name], team_id=1, theme="price",
                                  at=datetime(2026, 12, 1, tzinfo=AMS)))
        session.commit()
    assert [r.theme for r in figures_of(app, "12w").recurring] == ["delivery"]


def test_the_report_text_in_the_team_language(app, december):
    text = report_text(app.desk, 1, Period.parse("30d"))
    assert text.splitlines() == [
        "Review report 01-12-2026 – 31-12-2026 (30 days, Europe/Amsterdam)",
        "Reviews forwarded: 7",
        "Decided: respond 5 · ignore 1 (troll 1) · still voting 1",
        "Open now: 5 (Bob 2, Ann 1, unclaimed 2), 1 of them forwarded before this period",
        "First answer, in working hours: median 50 min · 90% within 1 h 42 min (4 answered)",
        "Answered the same working day: 2 of 4 (50%)",
        "Still waiting for a first answer: 1",
        "Outcomes: satisfied 1 · went quiet 1 · ignored 1",
        "Closed in this period: 3 (satisfied 1 · went quiet 1 · ignored 1)",
        "Reopened: 1",
        "Follow-ups per closed case: 1.5",
        "Top themes: Delivery 3, Quality 1",
        "Recurring complaints: 3 or more customers within 30 days. That is not trolling: "
        "something needs fixing.",
        f"• Delivery: 3 cases (#{december['C']}, #{december['B']}, #{december['A']})",
        "Lessons: how could this have been prevented?",
        "Delivery",
        f"• #{december['B']} (Ann): Ship with track and trace.",
        f"• #{december['A']} (Ann): Tell customers about a delay before they ask.",
    ]
    with app.desk.db.unit() as session:
        session.exec(select(Team)).one().language = "nl"
    dutch = report_text(app.desk, 1, Period.parse("30d"))
    assert "Eerste antwoord, in werkuren: mediaan 50 min · 90% binnen 1 u 42 min" in dutch
    assert "Opvolgingen per gesloten zaak: 1,5" in dutch


def test_review_report_is_a_notice_and_refuses_a_period_it_cannot_read(app, december):
    channel = TestChannel(app)
    replies = channel.command("Bob", "report 30d")
    assert "Reviews forwarded: 7" in replies.notice
    assert "(12 weeks," in channel.command("Bob", "report 12w").notice
    assert "(1 month," in channel.command("Bob", "report 1m").notice
    assert "at most two years" in channel.command("Bob", "report 999m").notice


def test_a_month_ago_keeps_the_day_of_the_month():
    end = datetime(2026, 3, 31, 12, 0, tzinfo=AMS)
    assert Period.parse("1m").start(end, AMS) == datetime(2026, 2, 28, 12, 0, tzinfo=AMS)
    assert Period.parse("3m").start(end, AMS) == datetime(2025, 12, 31, 12, 0, tzinfo=AMS)


def test_an_empty_period_has_nothing_to_report(app, clock):
    channel = TestChannel(app)
    channel.setup("Ann")
    assert channel.command("Ann", "report 7d").notice == (
        "Nothing to report for 16-11-2026 – 23-11-2026: no reviews were forwarded in this period.")


def test_working_timeline_agrees_with_the_calendar():
    calendar = WorkCalendar.from_settings(country="NL")
    start = datetime(2026, 12, 1, tzinfo=AMS)
    timeline = WorkingTimeline(calendar, start, start + timedelta(days=40))
    rng = random.Random(8)
    pairs = []
    for _ in range(2000):
        review = start + timedelta(minutes=rng.randrange(40 * 24 * 60))
        answer = review + timedelta(minutes=rng.randrange(80 * 24 * 60 if _ % 50 == 0
                                                          else 8 * 24 * 60))
        pairs.append((review, answer))
        seconds, same_day = timeline.measure(review.timestamp(), answer.timestamp())
        assert seconds == calendar.working_time_between(review, answer).total_seconds()
        assert same_day == calendar.same_working_day(review, answer)
    all_at_once = timeline.measure_all([(r.timestamp(), a.timestamp()) for r, a in pairs])
    assert all_at_once == [(calendar.working_time_between(r, a).total_seconds(),
                            calendar.same_working_day(r, a)) for r, a in pairs]


def test_durations_read_as_working_hours(app):
    texts = app.desk.texts
    assert duration(texts, "en", 59 * 60 + 29) == "59 min"
    assert duration(texts, "nl", 3 * 3600 + 5 * 60) == "3 u 05 min"


def test_the_export_round_trips_and_matches_the_report(app, december, tmp_path):
    out = io.StringIO()
    assert export_csv(app.desk, 1, Period.parse("30d"), out) == 7
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    f = figures_of(app)
    assert len(rows) == f.counts.forwarded
    count = lambda key, value: sum(r[key] == value for r in rows)  # noqa: E731
    assert count("decision", "respond") == f.counts.respond
    assert count("decision", "ignore") == f.counts.ignore
    for outcome in ("satisfied", "went_quiet", "ignored"):
        assert count("outcome", outcome) == getattr(f.counts, outcome)
    minutes = [float(r["first_answer_working_minutes"]) for r in rows
               if r["first_answer_working_minutes"]]
    assert statistics.median(minutes) * 60 == pytest.approx(f.answer_percentile(0.5), abs=1)
    assert statistics.quantiles(minutes, n=10, method="inclusive")[-1] * 60 == \
        pytest.approx(f.answer_percentile(0.9), abs=1)
    assert count("same_working_day", "yes") == f.same_day
    assert sum(int(r["reopened"]) > 0 for r in rows) == f.reopened
    closed = [r for r in rows if r["state"] == "closed"]
    assert sum(int(r["followups"]) for r in closed) / len(closed) == f.followups_per_closed
    assert sum("delivery" in r["themes"].split(";") for r in rows) == 3
    d = next(r for r in rows if r["case"] == str(december["D"]))
    assert d["forwarded_at"] == "2026-12-24T16:30:00+01:00"
    assert d["replied_at"] == "2026-12-28T10:00:00+01:00"
    assert (d["first_answer_working_minutes"], d["same_working_day"]) == ("120.0", "no")
    a = next(r for r in rows if r["case"] == str(december["A"]))
    assert a["lesson"] == "Tell customers about a delay before they ask."
    assert (a["owner"], a["outcome"], a["followups"]) == ("Ann", "satisfied", "2")
    assert datetime.fromisoformat(a["holding_at"]) == datetime(2026, 12, 7, 10, 40, tzinfo=AMS)


def test_cli_report_and_export(app, december, tmp_path, monkeypatch):
    from app import cli

    monkeypatch.setenv("DATABASE_URL", app.settings.database_url)
    monkeypatch.setattr("app.main.SystemClock", lambda: app.clock)
    runner = CliRunner()
    env = ["--env-file", str(tmp_path / "none.env")]
    shown = runner.invoke(cli.app, ["report", "--period", "30d", *env])
    assert shown.exit_code == 0, shown.output
    assert shown.output.strip() == report_text(app.desk, 1, Period.parse("30d"))
    target = tmp_path / "cases.csv"
    done = runner.invoke(cli.app, ["export", "--period", "30d", "--format", "csv",
                                   "--team", "T1", "--output", str(target), *env])
    assert done.exit_code == 0, done.output
    assert len(list(csv.DictReader(target.open(newline="")))) == 7
    TestChannel(app, workspace="T2").setup("Eve")
    ambiguous = runner.invoke(cli.app, ["report", *env])
    assert ambiguous.exit_code == 2
    assert "test/T1" in ambiguous.output and "test/T2" in ambiguous.output


def test_the_owner_is_asked_for_a_lesson_when_the_case_closes(app, clock):
    channel = TestChannel(app)
    channel.setup("Ann")
    case = channel.replied("Ann", text="The parcel came late.")
    closed = channel.submit("Ann", "followup", {"kind": "reaction", "reaction": "satisfied"},
                            str(case))
    prompt = closed.of(ThreadPost)[-1]
    assert "How could this complaint have been prevented?" in str(prompt.text)
    assert prompt.text.mentions() == ["U-ann"]
    assert [b.action for b in prompt.buttons] == ["lesson"]
    assert "Only the owner" in channel.click("Bob", "lesson", case).notice
    form = channel.click("Ann", "lesson", case).form
    assert channel.submit("Ann", form.form, {"lesson": "  "}, form.context).errors
    saved = channel.submit("Ann", form.form, {"lesson": "Say the delivery date up front."},
                           form.context)
    assert "Say the delivery date up front." in saved.thread_texts()[-1]
    with Session(app.desk.db.engine) as session:
        assert session.get(Case, case).lesson == "Say the delivery date up front."
        actions = session.exec(select(History.action).where(History.case_id == case)).all()
    assert actions[-1] == "lesson"


def test_no_lesson_prompt_when_it_was_given_or_the_case_was_ignored(app):
    channel = TestChannel(app)
    channel.setup("Ann")
    given = channel.replied("Ann", text="Cold soup.")
    closed = channel.submit("Ann", "close", {"outcome": "went_quiet", "lesson": "Heat it."},
                            str(given))
    assert not [p for p in closed.of(ThreadPost) if p.buttons]
    troll = channel.replied("Ann", text="lol worst ever")
    closed = channel.submit("Ann", "close", {"outcome": "ignored", "reason": "troll"}, str(troll))
    assert not [p for p in closed.of(ThreadPost) if p.buttons]
    open_case = channel.forward(text="Rude staff.")
    assert "once the case is closed" in channel.click("Ann", "lesson", open_case).notice


def test_setup_form_sets_the_digest(app):
    channel = TestChannel(app)
    form = channel.command("Ann", "setup").form
    names = [i.name for i in form.inputs]
    assert names[-2:] == ["digest_day", "digest_hour"]
    values = {i.name: i.value for i in form.inputs}
    assert (values["digest_day"], values["digest_hour"]) == ("mon", "9")
    bad = channel.submit("Ann", "setup", {**values, "digest_day": "someday", "digest_hour": "25"})
    assert set(bad.errors) == {"digest_day", "digest_hour"}
    saved = channel.submit("Ann", "setup", {**values, "digest_day": "tue", "digest_hour": "8"})
    assert "Weekly digest: Tuesday at 08:00." in saved.notice
    off = channel.submit("Ann", "setup", {**values, "digest_day": "off"})
    assert "Weekly digest: off." in off.notice
    with Session(app.desk.db.engine) as session:
        assert session.exec(select(Team.digest_day)).one() is None


def test_the_export_keeps_typed_text_from_running_as_a_formula(app, clock):
    channel = TestChannel(app)
    channel.forward(text="Terrible, =HYPERLINK(\"http://x\") and more", customer="=SUM(A1:A9)")
    clock.advance(minutes=1)
    out = io.StringIO()
    export_csv(app.desk, 1, Period.parse("30d"), out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["customer"] == "'=SUM(A1:A9)"
