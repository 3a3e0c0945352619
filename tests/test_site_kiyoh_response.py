"""Kiyoh's reply as the team chose it (the connection's `response`): public on the site (the
default), private to the reviewer by e-mail, or both; against the loopback fake driven by the
real client, from the case and on the command line."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from app.sites import SITES
from desk.sources.connections import connect
from desk.sources.contract import SiteError
from desk.sources.sync import sync_sites
from storage.models import Case, SiteConnection
from tests.fakes.kiyoh_fake import LOCATION, TOKEN, FakeKiyoh
from tests.sites_support import KEY, app, http, team_id  # noqa: F401  (fixtures)

REPLY = "Beste Marieke, het spijt me. Bel me op 030-1234567, dan lossen we het op. Groet, Ann"


@pytest.fixture
def kiyoh():
    fake = FakeKiyoh()
    fake.write("k-1", rating=2, author="Marieke", title="Fiets te laat klaar")
    yield fake
    fake.close()


def settings(kiyoh: FakeKiyoh, **more: str) -> dict[str, str]:
    return {"location_id": LOCATION, "api_token": TOKEN, "api_url": kiyoh.url, **more}


def sent(kiyoh: FakeKiyoh) -> list[tuple[str, str]]:
    return [(r["reviewResponseType"], str(r["responseEmail"])) for r in kiyoh.responses]


# --- the client ---------------------------------------------------------------------------

@pytest.mark.parametrize("response, kinds, public, private", [
    ("", [("PUBLIC", "false")], True, False),
    ("public", [("PUBLIC", "false")], True, False),
    ("private", [("PRIVATE", "true")], False, True),
    ("both", [("PUBLIC", "false"), ("PRIVATE", "true")], True, False),
])
def test_the_reply_goes_where_the_team_chose(kiyoh, http, response, kinds, public, private):
    posted = SITES["kiyoh"].build(settings(kiyoh, response=response), http).reply("k-1", REPLY)

    assert sent(kiyoh) == kinds and posted.private is private
    assert (kiyoh.reviews["k-1"].get("reviewComments") == REPLY) is public
    assert kiyoh.emailed == ([{"reviewId": "k-1", "to": "Marieke", "text": REPLY}]
                             if "PRIVATE" in dict(kinds) else [])


def test_both_when_the_private_one_fails_posting_again_sends_it_and_changes_nothing_public(
        kiyoh, http):
    site = SITES["kiyoh"].build(settings(kiyoh, response="both"), http)
    kiyoh.failures += [None, (503, {})]  # the public one goes through, the private one not

    with pytest.raises(SiteError) as caught:
        site.reply("k-1", REPLY)
    assert caught.value.kind == "unavailable" and kiyoh.emailed == []
    site.reply("k-1", REPLY)

    assert sent(kiyoh) == [("PUBLIC", "false"), ("PUBLIC", "false"), ("PRIVATE", "true")]
    assert kiyoh.reviews["k-1"]["reviewComments"] == REPLY and len(kiyoh.emailed) == 1


def test_a_private_reply_too_long_is_refused_before_anything_is_sent(kiyoh, http):
    site = SITES["kiyoh"].build(settings(kiyoh, response="private"), http)
    with pytest.raises(SiteError) as caught:
        site.reply("k-1", "x" * 4001)
    assert caught.value.kind == "too_long" and kiyoh.requests == []


def test_response_is_a_setting_with_three_choices():
    [field] = [f for f in SITES["kiyoh"].fields if f.name == "response"]
    assert (field.required, field.secret, tuple(field.choices)) == \
        (False, False, ("public", "private", "both"))


# --- from the case ------------------------------------------------------------------------

def test_a_private_reply_from_the_case_says_it_is_not_on_the_site(app, channel, team_id, kiyoh):
    from desk.intake.cards import intake_cards

    connect(app.desk, team_id, "kiyoh", settings(kiyoh, response="private"),
            since=app.desk.now() - timedelta(days=7))
    for job in (sync_sites, intake_cards):
        for box in job(app.desk):
            if box.delivered:
                box.delivered()
    with app.desk.db.unit() as session:
        case_id = session.exec(select(Case.id)).one()
    channel.click("Ann", "vote_respond", case_id)
    channel.click("Bob", "vote_respond", case_id)
    channel.click("Ann", "claim", case_id)
    channel.submit("Ann", "draft", {"kind": "reply", "text": REPLY}, str(case_id))
    channel.submit("Ann", "draft", {"kind": "reply", "text": REPLY}, str(case_id))

    replies = channel.submit("Ann", "post_site", {"version": "2"}, str(case_id))

    assert "Ann sent v2 to the reviewer in private through Kiyoh; it is not on the site " \
           "itself." in " ".join(replies.thread_texts())
    assert sent(kiyoh) == [("PRIVATE", "true")] and len(kiyoh.emailed) == 1
    assert "reviewComments" not in kiyoh.reviews["k-1"]


def test_connect_on_the_command_line_asks_for_the_response_until_it_is_a_choice(
        app, team_id, kiyoh, sqlite_url, monkeypatch):
    from typer.testing import CliRunner

    from app.cli import app as cli

    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    monkeypatch.setenv("SECRET_KEY", KEY)
    typed = f"{LOCATION}\n{TOKEN}\n\n{kiyoh.url}\nprivately\nPrivate\n"
    done = CliRunner().invoke(cli, ["connect", "kiyoh", "--env-file", "/nonexistent"],
                              input=typed)

    assert done.exit_code == 0, done.output
    assert "response (public, private, both) [public]:" in done.output
    assert "choose one of: public, private, both" in done.output
    with app.desk.db.unit() as session:
        sealed = session.exec(select(SiteConnection.settings)).one()
    assert app.desk.sites.vault().open(sealed)["response"] == "private"
