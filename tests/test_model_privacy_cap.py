"""What leaves the machine for a hosted model (e-mail addresses, phone numbers and the
customer's surname masked, and put back in the draft), and the team's daily cap on model
requests, shared through the database; against the loopback fake of the chat-completions API."""
from __future__ import annotations

import json
from datetime import timezone

import pytest

from desk.advice.ai.privacy import Placeholders, hosted, surname
from storage import model_drafts
from tests.fakes.openai_fake import Answer
from tests.harness import TestChannel
from tests.test_model_drafts import (CUSTOMER, GOOD, HOLDING, REVIEW, answer, fake,  # noqa: F401
                                     form_text, model_app, run_job, stored)

PHONE, EMAIL = "020 123 4567", "info@zaak.nl"


def utc_day(clock):
    return clock.now().astimezone(timezone.utc).date()


@pytest.mark.parametrize("url, outside", [
    ("", True),  # the SDK's default: OpenAI's own service
    ("https://api.openai.com/v1", True),
    ("https://api.groq.com/openai/v1", True),
    ("http://8.8.8.8:8000/v1", True),
    ("http://localhost:11434/v1", False),
    ("http://127.0.0.1:8000/v1", False),
    ("http://[::1]:1234/v1", False),
    ("http://192.168.1.20:1234/v1", False),
    ("http://10.0.0.5/v1", False),
    ("http://172.16.4.1/v1", False),
])
def test_an_endpoint_is_hosted_unless_it_is_this_machine_or_a_private_address(url, outside):
    assert hosted(url) is outside


def test_placeholders_mask_every_occurrence_alike_and_restore_them():
    held = Placeholders(surname("Sam de Vries"))
    masked = held.mask(f"Mr. de Vries, call +31 20 123 4567 or {PHONE}, or mail {EMAIL}; de Vries.")
    assert masked == "Mr. [SURNAME_1], call [PHONE_1] or [PHONE_2], or mail [EMAIL_1]; [SURNAME_1]."
    assert held.mask(EMAIL) == "[EMAIL_1]"  # the same value, the same placeholder
    assert held.restore("Dear Mr. [SURNAME_1], [PHONE_2] / [EMAIL_1]") == \
        f"Dear Mr. de Vries, {PHONE} / {EMAIL}"
    assert surname("Sam") is None and held.mask("Table 12 at 19:30 on 3 May") == "Table 12 at 19:30 on 3 May"


@pytest.fixture
def app_private(sqlite_url, clock, fake):  # noqa: F811
    yield from model_app(sqlite_url, clock, fake, privacy="on")


def test_with_privacy_on_no_email_phone_or_surname_is_sent_and_the_draft_has_them_back(
        app_private, fake):  # noqa: F811
    channel = TestChannel(app_private)
    channel.setup(contact_phone=PHONE, contact_email=EMAIL)
    case = channel.decided(text=REVIEW, customer="Mr. Jansen")
    reply = ("Dear Mr. [SURNAME_1],\n\nThank you for telling us. I can imagine how disappointing "
             "it was to wait that long for cold soup on your birthday. I am sorry.\n\n"
             "[our side: what went wrong and what we are doing about it]\n\n"
             "Please call me on [PHONE_1] or write to [EMAIL_1].\n\nKind regards,\n[your own name]")
    fake.answer(answer(reply, HOLDING.replace("Dear Sam", "Dear Mr. [SURNAME_1]")))
    run_job(app_private)
    sent = json.dumps(fake.requests[0]["body"]["messages"])
    assert "Jansen" not in sent and "123 4567" not in sent and EMAIL not in sent
    assert "[SURNAME_1]" in sent and "[PHONE_1]" in sent and "[EMAIL_1]" in sent
    row = stored(app_private, case)
    assert "Dear Mr. Jansen," in row.reply and f"call me on {PHONE} or write to {EMAIL}." in row.reply
    assert row.holding.startswith("Dear Mr. Jansen,") and "[SURNAME" not in row.holding
    text, _ = form_text(channel, case)
    assert "Mr. Jansen" in text and PHONE in text


def test_a_local_endpoint_gets_the_brief_as_it_is_by_default(sqlite_url, clock, fake):  # noqa: F811
    for app in model_app(sqlite_url, clock, fake):  # the fake listens on 127.0.0.1: auto is off
        channel = TestChannel(app)
        channel.setup(contact_phone=PHONE)
        channel.decided(text=REVIEW, customer="Mr. Jansen")
        fake.answer(answer(GOOD))
        run_job(app)
    sent = json.dumps(fake.requests[0]["body"]["messages"])
    assert "Jansen" in sent and PHONE in sent


def test_past_the_daily_cap_the_composers_draft_is_shown_with_one_line_saying_so(
        sqlite_url, clock, fake):  # noqa: F811
    for app in model_app(sqlite_url, clock, fake, daily_cap="3"):
        channel = TestChannel(app)
        cases = [channel.decided(text=f"{REVIEW} Table {word}.", customer=CUSTOMER)
                 for word in ("one", "two", "three")]
        fake.answer(answer(GOOD), answer(GOOD.replace("I am sorry", "We will refund you. I am sorry")),
                    answer(GOOD))
        assert run_job(app) == 3
        assert len(fake.requests) == 3  # one, then a retry of the second: the third is past the cap
        assert [stored(app, c).status for c in cases] == ["ready", "ready", "failed"]
        assert stored(app, cases[2]).failure == "cap"
        with app.desk.db.unit() as session:
            team_id = stored(app, cases[0]).team_id
            assert model_drafts.used(session, team_id=team_id, day=utc_day(clock)) == 3
        text, hint = form_text(channel, cases[2])
        assert "daily limit of requests to the model" in hint and "so this is the composer's" in hint
        assert "[our side:" in text
        clock.advance(days=1)  # a new day, a new allowance
        channel.decided(text=f"{REVIEW} Table four.", customer=CUSTOMER)
        run_job(app)
        assert len(fake.requests) == 4


def test_the_cap_is_shared_by_everyone_counting_in_the_same_database(database_url, clock, fake):  # noqa: F811
    for app in model_app(database_url, clock, fake):
        team_id = stored(app, TestChannel(app).decided(text=REVIEW, customer=CUSTOMER)).team_id
        day = utc_day(clock)
        taken = []
        for _ in range(5):  # each in its own transaction, as separate processes do
            with app.desk.db.unit() as session:
                taken.append(model_drafts.reserve(session, team_id=team_id, day=day, cap=3))
        assert taken == [True, True, True, False, False]
