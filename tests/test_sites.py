"""Review sites a team connects, end to end with Kiyoh's loopback fake driven by the real
client: connecting, reviews that become cases by themselves, changed and removed reviews,
the reply posted back from the case, each refusal in plain words, and a failing site that
tells its lead once and loses no review."""
from __future__ import annotations

from datetime import timedelta

import logging

import pytest
from cryptography.fernet import Fernet

from bot.messages import Card, Say, ThreadPost
from desk.intake.receive import take
from desk.sources.connections import connect
from desk.sources.sync import wait_after
from storage import repo
from tests.fakes.kiyoh_fake import LOCATION, TOKEN, FakeKiyoh
from tests.sites_support import (KEY, REPLY, app, cases, connection, logged,  # noqa: F401
                                 messages, replied_to_by_hand, team_id, tick)

COMPLAINT = "Fiets twee weken te laat klaar"


@pytest.fixture
def kiyoh():
    fake = FakeKiyoh()
    yield fake
    fake.close()


def settings(kiyoh: FakeKiyoh, **changes: str) -> dict:
    return {"location_id": LOCATION, "api_token": TOKEN, "api_url": kiyoh.url, **changes}


def connected(app, team_id, kiyoh, **changes):
    return connect(app.desk, team_id, "kiyoh", settings(kiyoh, **changes),
                   since=app.desk.now() - timedelta(days=7))


def test_connecting_syncs_once_and_takes_recent_complaints_but_not_praise(app, team_id, kiyoh):
    kiyoh.write("k-1", rating=2, author="Marieke", title=COMPLAINT, opinion="Niemand belde.")
    kiyoh.write("k-2", rating=10, author="Joost", title="Top service")
    found, taken = connected(app, team_id, kiyoh)
    assert (found, len(taken.created), taken.passed) == (2, 1, 1)
    [case] = cases(app)
    assert (case.source, case.customer, case.stars, case.forwarded_by) == \
        ("kiyoh", "Marieke", 1, None)
    assert case.text == f"{COMPLAINT}\n\nNiemand belde."
    row = connection(app)
    assert TOKEN not in row.settings and LOCATION not in row.settings  # sealed at rest
    assert app.desk.sites.vault().open(row.settings)["api_token"] == TOKEN
    assert row.cursor == kiyoh.reviews["k-2"]["updatedSince"]


def test_a_first_connection_leaves_old_reviews_out_and_counts_them(app, team_id, kiyoh, clock):
    kiyoh.clock = clock.now() - timedelta(days=30)
    kiyoh.write("old", rating=1, author="Piet", title="Lang geleden slecht")
    assert connected(app, team_id, kiyoh)[1].older == 1
    assert cases(app) == []


def test_a_new_review_appears_as_a_case_card_without_anyone_forwarding_it(app, team_id, kiyoh,
                                                                          clock):
    connected(app, team_id, kiyoh)
    tick(app)
    kiyoh.write("k-1", rating=3, author="Marieke", title=COMPLAINT)
    assert tick(app) == []  # not due yet: synced at connecting
    clock.advance(minutes=15)
    [card] = [m for m in messages(tick(app)) if isinstance(m, Card)]
    assert card.channel == "C1" and "Kiyoh (integration)" in str(card.footer)
    assert COMPLAINT in str(card.body)
    clock.advance(minutes=15)
    assert messages(tick(app)) == []  # the same review again is the same case
    assert len(cases(app)) == 1


def test_the_same_review_by_webhook_and_by_polling_is_one_case(app, team_id, kiyoh, clock):
    review = kiyoh.write("k-1", rating=2, author="Marieke", title=COMPLAINT)
    answer = take(app.desk, team_id, {"source": "kiyoh", "external_id": "k-1", "text": COMPLAINT,
                                      "stars": 1, "updated_at": review["updatedSince"]})
    assert answer.body["created"] is True
    found, taken = connected(app, team_id, kiyoh)
    assert (found, taken.created, taken.same) == (1, [], 1)
    assert len(cases(app)) == 1


def test_an_updated_review_says_so_and_asks_whether_to_close_as_satisfied(
        app, channel, team_id, kiyoh, clock):
    kiyoh.write("k-1", rating=2, author="Marieke", title=COMPLAINT)
    connected(app, team_id, kiyoh)
    tick(app)
    [case] = cases(app)
    replied_to_by_hand(channel, case.id)
    channel.submit("Ann", "post_site", {"version": "1"}, str(case.id))
    kiyoh.write("k-1", rating=8, author="Marieke", title="Toch goed opgelost")
    clock.advance(minutes=15)
    [note] = [m for m in messages(tick(app)) if isinstance(m, ThreadPost)]
    text = str(note.text)
    assert text.startswith("Marieke changed their rating on Kiyoh from ★☆☆☆☆ to ★★★★☆.")
    assert "Toch goed opgelost" in text and "Is Marieke satisfied now?" in text
    assert [b.action for b in note.buttons] == ["close", "followup"]
    assert cases(app)[0].stars == 4


def test_a_lower_rating_is_noted_without_asking_to_close(app, channel, team_id, kiyoh, clock):
    kiyoh.write("k-1", rating=4, author="Marieke", title=COMPLAINT)
    connected(app, team_id, kiyoh)
    tick(app)
    kiyoh.write("k-1", rating=1, author="Marieke", title=COMPLAINT)
    clock.advance(minutes=15)
    [note] = [m for m in messages(tick(app)) if isinstance(m, ThreadPost)]
    assert "from ★★☆☆☆ to ★☆☆☆☆" in str(note.text) and note.buttons == ()
    assert "satisfied" not in str(note.text)


def test_a_removed_review_is_noted_in_the_thread_and_the_case_stays(app, team_id, kiyoh, clock):
    """Kiyoh's API never reports a removal; a relay or Trustpilot's webhook says
    `"deleted": true` for the same review, and the case notes it once."""
    kiyoh.write("k-9", rating=1, author="Marieke", title=COMPLAINT)
    connected(app, team_id, kiyoh)
    tick(app)
    gone = {"source": "kiyoh", "external_id": "k-9", "deleted": True}
    [case] = cases(app)
    assert take(app.desk, team_id, gone).body == {"case": case.id, "created": False,
                                                  "deleted": True}
    [note] = [m for m in messages(tick(app)) if isinstance(m, ThreadPost)]
    assert str(note.text).startswith("Marieke removed their review on Kiyoh, or Kiyoh took it "
                                     "down.")
    [case] = cases(app)
    assert case.state == "new" and COMPLAINT in case.text
    with app.desk.db.unit() as session:
        actions = [h.action for h in repo.history_for(session, case_id=case.id)]
    assert actions == ["forward", "review_deleted"]
    assert take(app.desk, team_id, gone).body == {"case": case.id, "created": False}
    clock.advance(minutes=15)
    assert [m for m in messages(tick(app)) if isinstance(m, ThreadPost)] == []  # told once


def test_the_reply_is_posted_to_kiyoh_from_the_case(app, channel, team_id, kiyoh):
    kiyoh.write("k-1", rating=2, author="Marieke", title=COMPLAINT)
    connected(app, team_id, kiyoh)
    tick(app)
    [case] = cases(app)
    replied_to_by_hand(channel, case.id)
    buttons = {b.action: b.label for b in channel.submit(
        "Ann", "draft", {"kind": "reply", "text": REPLY}, str(case.id)).card.buttons}
    assert buttons.get("post_site") == "Post to Kiyoh" and "posted" not in buttons
    form = channel.click("Ann", "post_site", case.id).form
    assert form.title == f"Post to Kiyoh: case #{case.id}"
    replies = channel.submit("Ann", "post_site", {"version": "2"}, str(case.id))
    assert "v2, posted 23-11 10:00" in str(dict(replies.card.fields)["Public reply"])
    assert "Ann posted the public reply (v2) on Kiyoh." in " ".join(replies.thread_texts())
    [posted] = kiyoh.responses
    assert (posted["reviewId"], posted["response"], posted["reviewResponseType"]) == \
        ("k-1", REPLY, "PUBLIC")
    assert cases(app)[0].state == "replied" and cases(app)[0].reply_version == 2
    again = channel.submit("Ann", "post_site", {"version": "2"}, str(case.id))
    assert "already marked as posted" in again.notice and len(kiyoh.responses) == 1


def test_a_case_forwarded_by_hand_keeps_mark_posted(app, channel, team_id, kiyoh):
    connected(app, team_id, kiyoh)
    case_id = channel.claimed(source="kiyoh")
    buttons = [b.action for b in channel.submit("Ann", "draft", {"kind": "reply", "text": REPLY},
                                                str(case_id)).card.buttons]
    assert "posted" in buttons and "post_site" not in buttons
    assert "did not come from a connected site" in channel.click("Ann", "post_site",
                                                                 case_id).notice


def test_an_unfinished_version_is_posted_only_once_the_owner_confirms(app, channel, team_id,
                                                                        kiyoh):
    kiyoh.write("k-1", rating=2, author="Marieke", title=COMPLAINT)
    connected(app, team_id, kiyoh)
    tick(app)
    [case] = cases(app)
    replied_to_by_hand(channel, case.id)
    channel.submit("Ann", "draft", {"kind": "reply", "text": "Beste Marieke, [wat er misging]. "
                                    "Groet, Ann"}, str(case.id))
    asked = channel.submit("Ann", "post_site", {"version": "2"}, str(case.id))
    assert asked.form.form == "post_site" and "[wat er misging]" in asked.notice
    assert kiyoh.responses == []
    channel.submit("Ann", "post_site", {"version": "2", "confirm": "yes"}, str(case.id))
    assert len(kiyoh.responses) == 1 and cases(app)[0].state == "replied"


@pytest.mark.parametrize("status,words", [
    (401, "no longer accepts our key or token"),
    (403, "this account may not do that there"),
    (404, "no longer has this review"),
    (429, "too many requests from us"),
    (503, "did not answer"),
    (400, "its own rules turned the reply down"),
])
def test_each_refusal_is_told_in_plain_words_and_nothing_is_recorded(
        app, channel, team_id, kiyoh, status, words):
    kiyoh.write("k-1", rating=2, author="Marieke", title=COMPLAINT)
    connected(app, team_id, kiyoh)
    tick(app)
    [case] = cases(app)
    replied_to_by_hand(channel, case.id)
    kiyoh.fail(status)
    notice = channel.submit("Ann", "post_site", {"version": "1"}, str(case.id)).notice
    assert notice.startswith("Kiyoh did not take version 1:") and words in notice
    assert cases(app)[0].state == "claimed"


def test_a_reply_too_long_for_kiyoh_is_refused_before_it_is_sent(app, channel, team_id, kiyoh):
    kiyoh.write("k-1", rating=2, author="Marieke", title=COMPLAINT)
    connected(app, team_id, kiyoh)
    tick(app)
    [case] = cases(app)
    replied_to_by_hand(channel, case.id)
    channel.submit("Ann", "draft", {"kind": "reply", "text": REPLY + " Nogmaals sorry." * 300},
                   str(case.id))
    notice = channel.submit("Ann", "post_site", {"version": "2"}, str(case.id)).notice
    assert "longer than it accepts" in notice and kiyoh.responses == []


def test_a_failing_site_tells_the_lead_once_retries_later_and_skips_no_review(
        app, channel, team_id, kiyoh, clock):
    connected(app, team_id, kiyoh)
    kiyoh.write("k-1", rating=1, author="Marieke", title=COMPLAINT)
    kiyoh.fail(401, times=2)
    clock.advance(minutes=15)
    [told] = messages(tick(app))
    assert isinstance(told, Say) and told.channel == "C1"
    assert any(getattr(part, "user_id", None) == "U-ann" for part in told.text)  # the lead
    assert "Kiyoh no longer accepts our connection" in str(told.text)
    assert "review-desk connect kiyoh" in str(told.text)
    row = connection(app)
    assert (row.error, row.failures) == ("auth", 1)
    assert row.next_sync_at == clock.now() + wait_after(1)
    clock.advance(wait_after(1))
    assert messages(tick(app)) == []  # failed again: the lead was told already
    assert connection(app).failures == 2
    clock.advance(wait_after(2))
    [card] = [m for m in messages(tick(app)) if isinstance(m, Card)]  # nothing skipped
    assert COMPLAINT in str(card.body)
    row = connection(app)
    assert (row.error, row.failures, row.told_at) == (None, 0, None)


def test_no_secret_is_logged_or_shown_when_kiyoh_fails(app, channel, team_id, kiyoh, clock,
                                                       caplog):
    caplog.set_level(logging.DEBUG)
    kiyoh.write("k-1", rating=2, author="Marieke", title=COMPLAINT)
    connected(app, team_id, kiyoh)
    kiyoh.fail(401)
    clock.advance(minutes=15)
    told = messages(tick(app))
    [case] = cases(app)
    replied_to_by_hand(channel, case.id)
    kiyoh.fail(403)
    refused = channel.submit("Ann", "post_site", {"version": "1"}, str(case.id)).notice
    status = str(channel.command("Ann", "setup")[0].text)
    assert "status 401" in logged(caplog)  # the site's own words are in the log
    shown = " ".join(str(m.text) for m in told if isinstance(m, Say)) + refused + status
    assert "Kiyoh no longer accepts our connection" in shown
    assert TOKEN not in logged(caplog) and TOKEN not in shown


def test_a_busy_site_is_retried_after_its_retry_after_and_the_lead_is_not_bothered(
        app, team_id, kiyoh, clock):
    connected(app, team_id, kiyoh)
    kiyoh.fail(429, Retry_After="900")
    clock.advance(minutes=15)
    assert messages(tick(app)) == []
    row = connection(app)
    assert row.error == "quota" and row.next_sync_at == clock.now() + timedelta(seconds=900)
    kiyoh.fail(503)
    clock.advance(seconds=900)
    assert messages(tick(app)) == []
    assert connection(app).next_sync_at == clock.now() + wait_after(2)


def test_the_lead_sees_the_connections_in_setup(app, channel, team_id, kiyoh, clock):
    assert "No review site is connected" in str(channel.command("Ann", "setup")[0].text)
    connected(app, team_id, kiyoh)
    kiyoh.fail(401)
    clock.advance(minutes=15)
    tick(app)
    notice = str(channel.command("Ann", "setup")[0].text)
    assert "Connected review sites:\nKiyoh: last synced 23-11 10:00" in notice
    assert "last problem (23-11 10:15, 1 tries): it no longer accepts our key" in notice


def test_connect_on_the_command_line_hides_the_token_and_lists_the_connection(
        app, team_id, kiyoh, sqlite_url, monkeypatch):
    from typer.testing import CliRunner

    from app.cli import app as cli

    kiyoh.write("k-1", rating=2, author="Marieke", title=COMPLAINT)
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    runner = CliRunner()
    monkeypatch.delenv("SECRET_KEY", raising=False)
    refused = runner.invoke(cli, ["connect", "kiyoh", "--env-file", "/nonexistent"])
    assert refused.exit_code == 2
    assert "SECRET_KEY is not set" in refused.output and "Fernet.generate_key()" in refused.output
    monkeypatch.setenv("SECRET_KEY", KEY)
    typed = f"{LOCATION}\n{TOKEN}\n\n{kiyoh.url}\n\n"
    done = runner.invoke(cli, ["connect", "kiyoh", "--since-days", "60", "--env-file",
                               "/nonexistent"], input=typed)
    assert done.exit_code == 0, done.output
    assert TOKEN not in done.output
    assert "Connected kiyoh: 1 reviews found; 1 new cases" in done.output
    listed = runner.invoke(cli, ["connections", "--env-file", "/nonexistent"])
    assert "Kiyoh: last synced" in listed.output and TOKEN not in listed.output
    wrong = runner.invoke(cli, ["connect", "kiyoh", "--env-file", "/nonexistent"],
                          input=f"{LOCATION}\nnot-the-token\n\n{kiyoh.url}\n\n")
    assert wrong.exit_code == 1 and "no longer accepts our key" in wrong.output
    assert app.desk.sites.vault().open(connection(app).settings)["api_token"] == TOKEN


def test_the_kiyoh_client_reads_every_page_from_the_cursor_on(kiyoh, monkeypatch):
    from app.sites import kiyoh as client
    from app.sites.http import client as http

    monkeypatch.setattr(client, "PAGE", 2)
    for n in range(5):
        kiyoh.write(f"k-{n}", rating=2 * n + 1, author=f"Klant {n}", title=f"Titel {n}")
    site = client.Kiyoh(settings(kiyoh), http())
    page = site.sync(None)
    assert [(r.external_id, r.stars) for r in page.reviews] == \
        [("k-0", 1), ("k-1", 2), ("k-2", 3), ("k-3", 4), ("k-4", 5)]
    assert page.cursor == kiyoh.reviews["k-4"]["updatedSince"]
    # each page starts at the last one's moment (updatedSince counts it in): 2+1+1+1+0 new
    assert len(kiyoh.requests) == 5 and {r["token"] for r in kiyoh.requests} == {TOKEN}
    kiyoh.write("k-1", rating=9, author="Klant 1", title="Toch tevreden")
    again = site.sync(page.cursor)  # the last one again (same moment), and the change
    assert [(r.external_id, r.stars) for r in again.reviews] == [("k-4", 5), ("k-1", 5)]


def test_a_rating_without_words_is_a_case_too(app, team_id, kiyoh):
    kiyoh.write("k-1", rating=1, author="Marieke", title="")
    kiyoh.write("k-2", rating=2, author="Joost", title="")
    assert len(connected(app, team_id, kiyoh)[1].created) == 2
    assert [c.text for c in cases(app)] == [
        "Marieke gave ★☆☆☆☆ on 23-11-2026 09:01 without writing anything.",
        "Joost gave ★☆☆☆☆ on 23-11-2026 09:02 without writing anything."]


def test_what_a_case_cannot_hold_is_cut_so_no_review_is_skipped(app, team_id, kiyoh):
    """A site may show more than a forwarded review may be: the case takes it, cut."""
    kiyoh.write("k-1", rating=1, author="M" * 300, title="Koud. " * 2_000)
    assert len(connected(app, team_id, kiyoh)[1].created) == 1
    [case] = cases(app)
    assert len(case.text) == 10_000 and case.text.endswith("…")
    assert len(case.customer) == 200


def test_settings_sealed_under_another_key_ask_the_lead_to_connect_again(app, team_id, kiyoh,
                                                                           clock):
    connected(app, team_id, kiyoh)
    asked = len(kiyoh.requests)
    app.desk.sites.key = Fernet.generate_key().decode()  # SECRET_KEY was replaced
    clock.advance(minutes=15)
    [told] = messages(tick(app))
    assert "run review-desk connect kiyoh again" in str(told.text).lower()
    assert connection(app).error == "auth" and len(kiyoh.requests) == asked


def test_a_connection_keeps_its_client_until_its_settings_change(app, team_id, kiyoh):
    """A site's access token outlives one sync: the client is made once per stored settings."""
    connected(app, team_id, kiyoh)
    sealed = connection(app).settings
    first = app.desk.sites.client("kiyoh", sealed)
    assert app.desk.sites.client("kiyoh", sealed) is first
    connected(app, team_id, kiyoh, tenant_id="98")  # connect again: sealed anew
    assert app.desk.sites.client("kiyoh", connection(app).settings) is not first
