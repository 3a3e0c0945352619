"""Trustpilot end to end: the team connects its business unit, a new review becomes a case
card by itself (polled; the webhooks are in test_site_trustpilot.py), and the approved reply
goes back as the business user from the case's thread; a rate limit in plain words, and a
login that stopped working told to the lead once. The real client against Trustpilot's
loopback fake."""
from __future__ import annotations

import logging
from datetime import timedelta
from urllib.parse import parse_qs

import pytest

from bot.messages import Card, Say
from desk.sources.connections import connect
from desk.sources.sync import wait_after
from tests.fakes import trustpilot as tp
from tests.sites_support import (REPLY, app, cases, lead_told_once, logged,  # noqa: F401
                                 messages, replied_to_by_hand, team_id, tick)

TITLE, TEXT = "Oud brood", "Het brood was oud en niemand nam de telefoon op."


@pytest.fixture
def trustpilot():
    fake = tp.FakeTrustpilot()
    yield fake
    fake.close()


def settings(fake: tp.FakeTrustpilot, **changes: str) -> dict:
    return {"api_key": tp.API_KEY, "api_secret": tp.API_SECRET,
            "business_unit_id": tp.BUSINESS_UNIT, "business_user_id": tp.BUSINESS_USER,
            "username": tp.USERNAME, "password": tp.PASSWORD, "api_url": fake.url, **changes}


def connected(app, team_id, fake, **changes):
    return connect(app.desk, team_id, "trustpilot", settings(fake, **changes),
                   since=app.desk.now() - timedelta(days=7))


def written(fake: tp.FakeTrustpilot, n: int, minute: int, **fields) -> str:
    """Review n, written `minute` minutes after 09:00 UTC on 23 November; its id."""
    review = tp.review(n, created=f"2026-11-23T09:{minute:02d}:00Z",
                       **{"title": TITLE, "text": TEXT, **fields})
    fake.reviews.append(review)
    return review["id"]


def test_a_new_review_becomes_a_case_card_and_the_reply_goes_back_as_the_business_user(
        app, channel, team_id, trustpilot, clock):
    written(trustpilot, 1, 0, stars=5, title="Heerlijk", text="Vers brood, vriendelijk.")
    found, taken = connected(app, team_id, trustpilot)
    assert (found, taken.created, taken.passed) == (1, [], 1)
    review_id = written(trustpilot, 2, 5)
    clock.advance(minutes=15)
    [card] = [m for m in messages(tick(app)) if isinstance(m, Card)]
    assert card.channel == "C1" and "Trustpilot (integration)" in str(card.footer)
    assert TEXT in str(card.body)
    [case] = cases(app)
    assert (case.source, case.customer, case.stars, case.forwarded_by, case.text) == \
        ("trustpilot", "Marieke", 1, None, f"{TITLE}\n\n{TEXT}")

    replied_to_by_hand(channel, case.id)
    form = channel.click("Ann", "post_site", case.id).form
    assert form.title == f"Post to Trustpilot: case #{case.id}"
    replies = channel.submit("Ann", "post_site", {"version": "1"}, str(case.id))

    assert trustpilot.replies == {review_id: {"authorBusinessUserId": tp.BUSINESS_USER,
                                              "message": REPLY}}
    logins = [parse_qs(c["body"].decode()) for c in trustpilot.token_calls()]
    assert logins and all(login["grant_type"] == ["password"]  # as the business user
                          and login["username"] == [tp.USERNAME] for login in logins)
    assert trustpilot.api_calls()[-1]["path"] == f"/v1/private/reviews/{review_id}/reply"
    assert "v1, posted 23-11 10:15" in str(dict(replies.card.fields)["Public reply"])
    assert "Ann posted the public reply (v1) on Trustpilot." in " ".join(replies.thread_texts())
    [case] = cases(app)
    assert (case.state, case.reply_version, case.reply_link) == \
        ("replied", 1, f"https://www.trustpilot.com/reviews/{review_id}")
    clock.advance(minutes=15)
    assert messages(tick(app)) == []  # the same reviews again are the same cases


def test_a_rate_limit_on_posting_is_told_in_plain_words(app, channel, team_id, trustpilot):
    written(trustpilot, 1, 1)
    connected(app, team_id, trustpilot)
    tick(app)
    [case] = cases(app)
    replied_to_by_hand(channel, case.id)
    trustpilot.fail_next(429, {"message": "Too Many Requests"}, Retry_After="60")
    notice = channel.submit("Ann", "post_site", {"version": "1"}, str(case.id)).notice
    assert notice.startswith("Trustpilot did not take version 1:")
    assert "too many requests from us" in notice and "Nothing was marked posted" in notice
    assert trustpilot.replies == {} and cases(app)[0].state == "claimed"


def test_a_login_that_stopped_working_is_told_to_the_lead_once_and_no_review_is_skipped(
        app, channel, team_id, trustpilot, clock):
    connected(app, team_id, trustpilot)
    trustpilot.revoke()  # the business user changed their password
    written(trustpilot, 1, 10)
    clock.advance(minutes=15)
    lead_told_once(app, clock, "trustpilot", "Trustpilot")
    trustpilot.login_refused = False  # the lead connects again with the new login
    connected(app, team_id, trustpilot)
    [case] = cases(app)
    assert TEXT in case.text and case.source == "trustpilot"


def test_no_secret_is_logged_or_shown_when_trustpilot_fails(app, channel, team_id, trustpilot,
                                                            clock, caplog):
    caplog.set_level(logging.DEBUG)
    written(trustpilot, 1, 1)
    connected(app, team_id, trustpilot)
    tokens = trustpilot.tokens | trustpilot.refresh_tokens
    trustpilot.revoke()
    clock.advance(minutes=15)
    told = messages(tick(app))
    trustpilot.login_refused = False
    trustpilot.fail_next(429, {"message": "Too Many Requests"})
    clock.advance(wait_after(1))
    tick(app)
    status = str(channel.command("Ann", "setup")[0].text)
    assert "invalid_grant" in logged(caplog)  # the site's own words are in the log
    shown = " ".join(str(m.text) for m in told if isinstance(m, Say)) + status
    for secret in (tp.API_SECRET, tp.PASSWORD, *tokens, *trustpilot.tokens,
                   *trustpilot.refresh_tokens):
        assert secret not in logged(caplog) and secret not in shown
