"""Google Business Profile end to end: the team connects its account, a new review on one of
its locations becomes a case card by itself, and the approved reply goes back with
`reviews.updateReply` from the case's thread; Google's refusals in plain words, and revoked
access told to the lead once. The real client against Google's loopback fake."""
from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from bot.messages import Card, Say, ThreadPost
from desk.sources.connections import connect
from desk.sources.sync import wait_after
from tests.fakes.google_business import Failure, FakeGoogleBusiness, make_review
from tests.sites_support import (REPLY, app, cases, lead_told_once, logged,  # noqa: F401
                                 messages, replied_to_by_hand, team_id, tick)

COMPLAINT = "Twee weken gewacht op mijn fiets en niemand belde terug."
NAME = "accounts/1234/locations/111/reviews/{}"


@pytest.fixture
def google():
    fake = FakeGoogleBusiness()
    yield fake
    fake.close()


def connected(app, team_id, google, **changes):
    return connect(app.desk, team_id, "google", google.settings(**changes),
                   since=app.desk.now() - timedelta(days=7))


def written(google, review_id: str, minute: int, **fields) -> str:
    """A review on location 111, written `minute` minutes after 09:00 UTC on 23 November;
    its resource name."""
    google.add(make_review("111", review_id, updated=f"2026-11-23T09:{minute:02d}:00Z",
                           **{"comment": COMPLAINT, **fields}))
    return NAME.format(review_id)


def test_a_new_review_becomes_a_case_card_and_the_reply_goes_back_to_it(app, channel, team_id,
                                                                        google, clock):
    written(google, "old", 0, stars="FIVE", comment="Top!")
    found, taken = connected(app, team_id, google)
    assert (found, taken.created, taken.passed) == (1, [], 1)
    name = written(google, "r1", 5)
    clock.advance(minutes=15)
    [card] = [m for m in messages(tick(app)) if isinstance(m, Card)]
    assert card.channel == "C1" and "Google (integration)" in str(card.footer)
    assert COMPLAINT in str(card.body)
    [case] = cases(app)
    assert (case.source, case.customer, case.stars, case.forwarded_by) == \
        ("google", "Marieke", 1, None)

    replied_to_by_hand(channel, case.id)
    form = channel.click("Ann", "post_site", case.id).form
    assert form.title == f"Post to Google: case #{case.id}"
    replies = channel.submit("Ann", "post_site", {"version": "1"}, str(case.id))

    [put] = google.calls("reviews.updateReply")
    assert (put.method, put.path) == ("PUT", f"/v4/{name}/reply")
    [review] = [r for r in google.reviews["111"] if r["name"] == name]
    assert review["reviewReply"]["comment"] == REPLY
    assert "v1, posted 23-11 10:15" in str(dict(replies.card.fields)["Public reply"])
    assert "Ann posted the public reply (v1) on Google." in " ".join(replies.thread_texts())
    [case] = cases(app)
    assert (case.state, case.reply_version) == ("replied", 1)
    clock.advance(minutes=15)
    assert messages(tick(app)) == []  # the answered review is no news


def test_a_review_changed_after_the_reply_asks_whether_to_close_as_satisfied(
        app, channel, team_id, google, clock):
    written(google, "r1", 1)
    connected(app, team_id, google)
    tick(app)
    [case] = cases(app)
    replied_to_by_hand(channel, case.id)
    channel.submit("Ann", "post_site", {"version": "1"}, str(case.id))
    [review] = google.reviews["111"]
    review.update(starRating="FOUR", comment="Toch netjes opgelost, dank!",
                  updateTime="2026-11-23T09:20:00.123456789Z")
    clock.advance(minutes=15)
    [note] = [m for m in messages(tick(app)) if isinstance(m, ThreadPost)]
    text = str(note.text)
    assert text.startswith("Marieke changed their rating on Google from ★☆☆☆☆ to ★★★★☆.")
    assert "Toch netjes opgelost" in text and [b.action for b in note.buttons] == ["close",
                                                                                  "followup"]
    assert cases(app)[0].stars == 4
    clock.advance(minutes=15)
    assert messages(tick(app)) == []  # the same change is told once


def test_each_location_is_read_and_the_same_words_by_two_customers_are_two_cases(
        app, channel, team_id, google):
    google.add(make_review("111", "a", comment="Slecht.", updated="2026-11-23T08:00:00Z"),
               make_review("222", "a", comment="Slecht.", updated="2026-11-23T08:01:00Z",
                           reviewer="Joost"))
    assert len(connected(app, team_id, google)[1].created) == 2
    first, second = cases(app)
    assert [(c.customer, c.text) for c in (first, second)] == [("Marieke", "Slecht."),
                                                               ("Joost", "Slecht.")]
    replied_to_by_hand(channel, second.id)
    channel.submit("Ann", "post_site", {"version": "1"}, str(second.id))
    [put] = google.calls("reviews.updateReply")
    assert put.path == "/v4/accounts/1234/locations/222/reviews/a/reply"  # Joost's review


def test_a_rating_without_words_by_an_anonymous_reviewer_is_a_case(app, team_id, google):
    written(google, "quiet", 1, comment=None, stars="TWO", anonymous=True)
    assert len(connected(app, team_id, google)[1].created) == 1
    [case] = cases(app)
    assert case.text == "The customer gave ★★☆☆☆ on 23-11-2026 10:01 without writing anything."
    assert (case.stars, case.customer) == (2, None)


def test_a_location_that_is_not_verified_is_told_in_plain_words(app, channel, team_id, google):
    written(google, "r1", 1)
    connected(app, team_id, google)
    tick(app)
    [case] = cases(app)
    replied_to_by_hand(channel, case.id)
    google.fail("reviews.updateReply", Failure(status=403, message="Location is not verified."))
    notice = channel.submit("Ann", "post_site", {"version": "1"}, str(case.id)).notice
    assert notice.startswith("Google did not take version 1:")
    assert "this account may not do that there" in notice and "not verified" in notice
    assert "reviewReply" not in google.reviews["111"][0]
    assert cases(app)[0].state == "claimed"


def test_revoked_access_is_told_to_the_lead_once_and_no_review_is_skipped(
        app, channel, team_id, google, clock):
    written(google, "praise", 0, stars="FIVE", comment="Top!")
    connected(app, team_id, google, locations="111")
    google.revoke()  # the owner removed the app's access in their Google account
    written(google, "r1", 10)
    clock.advance(minutes=15)
    lead_told_once(app, clock, "google", "Google")
    google.refresh_tokens.add("refresh-2")  # consent given again
    connected(app, team_id, google, refresh_token="refresh-2", locations="111")
    [case] = cases(app)
    assert COMPLAINT in case.text and case.source == "google"


def test_no_secret_is_logged_or_shown_when_google_fails(app, channel, team_id, google, clock,
                                                        caplog):
    caplog.set_level(logging.DEBUG)
    written(google, "r1", 1)
    connected(app, team_id, google)
    [token] = google.access_tokens
    google.revoke()
    clock.advance(minutes=15)
    told = messages(tick(app))
    google.refresh_tokens.add("refresh-1")
    google.fail("reviews.list", Failure(status=429), Failure(status=500))
    clock.advance(wait_after(1))
    tick(app)
    status = str(channel.command("Ann", "setup")[0].text)
    assert "invalid_grant" in logged(caplog)  # the site's own words are in the log
    shown = " ".join(str(m.text) for m in told if isinstance(m, Say)) + status
    for secret in (google.client_secret, "refresh-1", token, *google.access_tokens):
        assert secret not in logged(caplog) and secret not in shown
