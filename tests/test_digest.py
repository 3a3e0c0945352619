"""The weekly digest: posted at the start of the team's working week in its time zone, once
per team and week however many processes tick, with a chart that is a real PNG."""
import io
import struct
from datetime import datetime, timedelta
from functools import partial

import pytest

from bot.adapters.console import ConsoleChannel
from app.main import build
from bot.messages import File, Say
from bot.scheduler import Scheduler
from bot.settings import Settings
from desk.reporting.digest import LEASE, due_digests
from tests.conftest import AMS
from tests.harness import TestChannel

MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=AMS)


@pytest.fixture
def processes(database_url, clock):
    """Two bot processes on one database."""
    apps = [build(Settings(database_url=database_url, adapter="test"), clock=clock,
                  migrate=i == 0) for i in range(2)]
    yield apps
    for built in apps:
        built.desk.db.dispose()


def last_week(app, clock) -> None:
    channel = TestChannel(app)
    clock.set(datetime(2026, 11, 16, 9, 30, tzinfo=AMS))  # the team starts that Monday
    channel.setup("Ann")
    clock.set(datetime(2026, 11, 17, 10, 0, tzinfo=AMS))
    case = channel.replied("Ann", text="The parcel came a day late.")
    channel.submit("Ann", "followup", {"kind": "reaction", "reaction": "satisfied"}, str(case))
    clock.set(datetime(2026, 11, 20, 17, 0, tzinfo=AMS))
    case = channel.claimed("Bob", text="Nobody called me back.")
    clock.set(datetime(2026, 11, 23, 9, 15, tzinfo=AMS))  # Monday, after the weekend
    channel.submit("Bob", "draft", {"kind": "holding", "text": "Dear Kim, ... Bob"}, str(case))
    channel.submit("Bob", "posted", {"version": "1"}, str(case))


def scheduler(app, sent: list) -> Scheduler:
    return Scheduler([partial(due_digests, app.desk)], send=sent.append, interval=0)


def test_posted_once_a_week_at_the_teams_local_hour(processes, clock):
    one, two = processes
    last_week(one, clock)
    sent: list = []
    bots = [scheduler(one, sent), scheduler(two, sent)]
    clock.set(MONDAY_9 - timedelta(minutes=1))
    assert [bot.tick() for bot in bots] == [0, 0]
    clock.set(MONDAY_9 + timedelta(minutes=30))
    assert [bot.tick() for bot in bots] == [2, 0]  # the message, then the chart
    clock.advance(LEASE * 2)
    assert [bot.tick() for bot in bots] == [0, 0]
    (say,), (chart,) = [box.messages for box in sent]
    assert isinstance(say, Say) and isinstance(chart, File)
    assert {(box.platform, box.workspace) for box in sent} == {("test", "T1")}
    assert (say.channel, chart.channel) == ("C1", "C1")
    text = str(say.text)
    assert text.startswith("Weekly review digest 16-11-2026 – 22-11-2026 (Europe/Amsterdam)")
    assert "Reviews forwarded: 2" in text
    assert "Answered the same working day: 1 of 2 (50%)" in text
    assert chart.filename == "review-digest-2026-W48.png"
    clock.set(MONDAY_9 + timedelta(days=7))
    assert [bot.tick() for bot in bots] == [1, 0]
    assert "Nothing to report for 23-11-2026 – 29-11-2026" in str(sent[-1].messages[0].text)


def test_a_post_that_never_went_out_is_tried_again_after_the_lease(processes, clock):
    one, two = processes
    last_week(one, clock)
    clock.set(MONDAY_9)
    assert len(due_digests(one.desk)) == 2  # claimed; the process dies before delivering
    assert due_digests(two.desk) == []
    clock.advance(LEASE + timedelta(seconds=1))
    message, chart = due_digests(two.desk)
    assert chart.delivered is None  # a chart that fails to upload keeps nothing pending
    message.delivered()
    clock.advance(LEASE * 3)
    assert due_digests(one.desk) == due_digests(two.desk) == []


def test_a_holiday_moves_the_digest_to_the_next_working_day(processes, clock):
    one, _ = processes
    TestChannel(one).setup("Ann")
    easter_monday = datetime(2027, 3, 29, 9, 0, tzinfo=AMS)
    clock.set(easter_monday)
    assert due_digests(one.desk) == []
    clock.set(easter_monday + timedelta(days=1))
    assert len(due_digests(one.desk)) == 1  # nothing to report: the message, no chart


def test_no_digest_when_the_team_turned_it_off_or_has_no_channel(processes, clock):
    one, _ = processes
    channel = TestChannel(one)
    channel.forward()  # a team, but no review channel yet
    clock.set(MONDAY_9)
    assert due_digests(one.desk) == []
    form = channel.command("Ann", "setup").form
    channel.submit("Ann", "setup", {**{i.name: i.value for i in form.inputs}, "digest_day": "off"})
    assert due_digests(one.desk) == []


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR")
    return struct.unpack(">II", data[16:24])


def test_the_chart_is_a_png_of_sensible_size(processes, clock, tmp_path):
    one, _ = processes
    last_week(one, clock)
    clock.set(MONDAY_9)
    _, outbox = due_digests(one.desk)
    (chart,) = outbox.messages
    assert png_size(chart.content) == (900, 650)
    assert 10_000 < len(chart.content) < 500_000
    out = io.StringIO()
    console = ConsoleChannel(one.router, one.refs, lines=iter(()), out=out,
                             files=tmp_path / "reports")
    console.deliver_outbox(outbox)
    saved = tmp_path / "reports" / "review-digest-2026-W48.png"
    assert saved.read_bytes() == chart.content
    assert f"[file] Review digest chart, week 2026-W48: {saved}" in out.getvalue()
