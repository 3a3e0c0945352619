"""A short report counts what was closed in its period, also of cases forwarded before it."""
from tests.harness import TestChannel


def test_a_closure_in_the_period_is_reported(app, clock):
    channel = TestChannel(app)
    channel.setup("Ann")
    case = channel.replied("Ann", text="The parcel came a week late.")
    clock.advance(days=10)
    channel.submit("Ann", "close", {"outcome": "went_quiet"}, str(case))
    clock.advance(minutes=1)
    text = channel.command("Ann", "report 7d").notice
    assert "Nothing to report" not in text
    assert "No reviews were forwarded in this period." in text
    assert "Closed in this period: 1 (satisfied 0 · went quiet 1 · ignored 0)" in text


def test_closures_show_beside_the_periods_own_cases(app, clock):
    channel = TestChannel(app)
    channel.setup("Ann")
    old = channel.replied("Ann", text="The parcel came a week late.")
    clock.advance(days=10)
    channel.forward(text="Rude staff at the counter.")
    channel.submit("Ann", "close", {"outcome": "satisfied"}, str(old))
    clock.advance(minutes=1)
    text = channel.command("Ann", "report 7d").notice
    assert "Reviews forwarded: 1" in text
    assert "Closed in this period: 1 (satisfied 1 · went quiet 0 · ignored 0)" in text


def test_a_period_with_nothing_at_all_still_says_so(app, clock):
    channel = TestChannel(app)
    channel.setup("Ann")
    assert channel.command("Ann", "report 7d").notice.startswith("Nothing to report for")
