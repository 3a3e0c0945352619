"""Driving a connected review site end to end: the app with a SECRET_KEY, a team whose lead is
Ann, one scheduler tick of the sync and card jobs, and a case answered in its thread; shared
by the end-to-end tests of each site (Kiyoh, Google, Trustpilot)."""
from __future__ import annotations

import logging

import httpx
import pytest
from cryptography.fernet import Fernet
from sqlmodel import select

from app.sites.wiring import SecretSettings
from bot.messages import Say
from desk.intake.cards import intake_cards
from desk.sources.sync import sync_sites, wait_after
from storage import repo
from storage.models import Case, SiteConnection

KEY = Fernet.generate_key().decode()
REPLY = ("Beste Marieke, dank je dat je dit laat weten. Het spijt me dat je zo lang op je fiets "
         "moest wachten. Bel me op 030-1234567, dan zoeken we samen een oplossing. Groet, Ann")


@pytest.fixture
def app(sqlite_url, clock):
    from tests.conftest import built_app

    yield from built_app(sqlite_url, clock, sections={"secret": SecretSettings(key=KEY)})


@pytest.fixture
def http():
    with httpx.Client(timeout=5) as client:
        yield client


@pytest.fixture
def team_id(app, channel):
    channel.setup("Ann", lead="U-ann")  # C1 is the review channel; Ann leads
    with app.desk.db.unit() as session:
        return repo.get_or_create_team(session, platform="test", workspace="T1", defaults={},
                                       now=app.desk.now()).id


def tick(app) -> list:
    """One scheduler tick of the two jobs: sync the sites, show what came in; delivered."""
    out = []
    for job in (sync_sites, intake_cards):
        for box in job(app.desk):
            out.append(box)
            if box.delivered:
                box.delivered()
    return out


def messages(boxes) -> list:
    return [m for box in boxes for m in box.messages]


def cases(app) -> list[Case]:
    with app.desk.db.unit() as session:
        return list(session.exec(select(Case).order_by(Case.id)))


def connection(app) -> SiteConnection:
    with app.desk.db.unit() as session:
        row = session.exec(select(SiteConnection)).one()
        session.expunge(row)
        return row


def replied_to_by_hand(channel, case_id: int, text: str = REPLY) -> None:
    """Voted respond by two, claimed by Ann, who saves her reply as version 1."""
    channel.click("Ann", "vote_respond", case_id)
    channel.click("Bob", "vote_respond", case_id)
    channel.click("Ann", "claim", case_id)
    channel.submit("Ann", "draft", {"kind": "reply", "text": text}, str(case_id))


def logged(caplog) -> str:
    """Everything logged during the test, with the arguments and tracebacks filled in."""
    handler = logging.Handler()
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    return "\n".join(handler.format(record) for record in caplog.records)


def lead_told_once(app, clock, site: str, name: str) -> None:
    """A site that refused the connection: the lead (U-ann) is told in the channel what to run
    again, once; the next failure says nothing more."""
    [told] = messages(tick(app))
    assert isinstance(told, Say) and told.channel == "C1"
    assert any(getattr(part, "user_id", None) == "U-ann" for part in told.text)
    assert f"{name} no longer accepts our connection" in str(told.text)
    assert f"review-desk connect {site}" in str(told.text)
    assert (connection(app).error, connection(app).failures) == ("auth", 1)
    clock.advance(wait_after(1))
    assert messages(tick(app)) == []  # failed again: told already
    assert connection(app).failures == 2
