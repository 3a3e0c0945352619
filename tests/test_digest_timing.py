"""Which weeks get a digest: none for a week before the team existed, and a week with
activity is still posted when the bot was down at its digest moment."""
from datetime import datetime

from desk.reporting.digest import due_digests
from tests.conftest import AMS
from tests.harness import TestChannel


def digest_texts(app) -> list[str]:
    return [str(box.messages[0].text) for box in due_digests(app.desk)
            if not box.messages[0].__class__.__name__ == "File"]


def test_no_digest_for_a_week_before_the_team_existed(app, clock):
    TestChannel(app).setup("Ann")  # Monday 23 November, 10:00: after this week's digest hour
    assert digest_texts(app) == []
    clock.set(datetime(2026, 11, 30, 9, 0, tzinfo=AMS))
    (text,) = digest_texts(app)
    assert text.startswith("Nothing to report for 23-11-2026 – 29-11-2026")


def test_a_missed_week_with_activity_is_posted_after_a_long_pause(app, clock):
    channel = TestChannel(app)
    channel.setup("Ann")
    clock.set(datetime(2026, 11, 24, 11, 0, tzinfo=AMS))
    channel.replied("Ann", text="The parcel came a day late.")
    clock.set(datetime(2026, 12, 9, 14, 0, tzinfo=AMS))  # nothing ran on 30 November or 7 December
    texts = digest_texts(app)
    assert len(texts) == 2
    assert texts[0].startswith("Weekly review digest 23-11-2026 – 29-11-2026")
    assert "Reviews forwarded: 1" in texts[0]
    assert texts[1].startswith("Nothing to report for 30-11-2026 – 06-12-2026")
    assert digest_texts(app) == []  # each week once


def test_a_missed_week_without_activity_is_not_posted_late(app, clock):
    TestChannel(app).setup("Ann")
    clock.set(datetime(2026, 12, 9, 14, 0, tzinfo=AMS))
    (text,) = digest_texts(app)
    assert text.startswith("Nothing to report for 30-11-2026 – 06-12-2026")
