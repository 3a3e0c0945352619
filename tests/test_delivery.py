"""The one dispatcher every adapter delivers through, and how each platform's errors are
named in the contract's words."""
from __future__ import annotations

import logging
from types import SimpleNamespace

import discord
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from app.main import load_catalogs
from bot.adapters.discord.posting import failure as discord_failure
from bot.adapters.slack.outbound import failure as slack_failure
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.results import PERMANENT, TRANSIENT, Delivered, Failed, Undelivered
from bot.messages import Card, Form, MessageRef, Notice, Outbox, Say
from bot.text import Rich

TEXTS = load_catalogs()
REF = MessageRef("C1", "m1")


class Refused(Exception):
    """What the little platform below raises, with its own error code."""


class Platform:
    """An adapter in a few lines: says go to a list, cards fail with the code they name."""

    platform = "tiny"

    def __init__(self) -> None:
        self.shown: list = []

    def senders(self):
        return {Say: self.say, Notice: self.say, Card: self.card}

    def say(self, message, to):
        self.shown.append(message)
        return REF

    def card(self, card, to):
        raise Refused(card.key)

    def failure(self, error):
        return Failed.of(str(error), "refused") if str(error) in ("not_in_channel", "unavailable") else None


def card(code: str) -> Card:
    return Card(code, "C1", Rich(["a card"]))


def say(text: str) -> Say:
    return Say("C1", Rich([text]))


def test_each_kind_goes_to_its_sender_and_the_result_says_where_it_landed():
    tiny = Platform()
    recorded = []
    results = Dispatcher(tiny, record=lambda *r: recorded.append(r)).deliver([say("a"), say("b")])
    assert results == [Delivered(REF), Delivered(REF)] and len(tiny.shown) == 2
    assert recorded == [("tiny", say("a"), Delivered(REF)), ("tiny", say("b"), Delivered(REF))]


def test_an_unknown_kind_and_a_personal_message_without_a_person_fail_permanently():
    results = Dispatcher(Platform()).deliver([Form("f", "F", (), "Send"), Notice(Rich(["hi"]))])
    assert [(r.reason, r.kind) for r in results] == [("unsupported", PERMANENT),
                                                     ("no_recipient", PERMANENT)]


def test_a_platform_error_is_named_by_the_adapter_and_the_person_is_told_once(caplog):
    tiny = Platform()
    results = Dispatcher(tiny, texts=TEXTS, language="nl").deliver(
        [card("not_in_channel"), say("after"), card("not_in_channel")], to="ann")
    assert results[0] == Failed("not_in_channel", PERMANENT, "delivery.not_in_channel", "refused")
    assert results[1] == Delivered(REF)  # one failure does not keep the others back
    notices = [m for m in tiny.shown if isinstance(m, Notice)]
    assert len(notices) == 1 and "geen lid van dat kanaal" in str(notices[0].text)
    assert "not delivered on tiny: not_in_channel (permanent)" in caplog.text


def test_an_error_nobody_recognised_is_logged_in_full(caplog):
    (result,) = Dispatcher(Platform()).deliver([card("something new")])
    assert (result.reason, result.kind) == ("unexpected", TRANSIENT)
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.exc_info and record.exc_info[0] is Refused


def test_an_outbox_stops_at_the_first_failure_and_raises_so_the_job_tries_again():
    tiny = Platform()
    with pytest.raises(Undelivered) as raised:
        Dispatcher(tiny).send(Outbox("tiny", "T1", [say("a"), card("unavailable"), say("b")]))
    assert raised.value.failed.transient and [str(m.text) for m in tiny.shown] == ["a"]
    with pytest.raises(ValueError):
        Dispatcher(tiny).send(Outbox("other", "T1", [say("a")]))


async def test_asynchronous_senders_are_awaited():
    tiny = Platform()

    async def later(message, to):
        return MessageRef("C1", "async")

    dispatcher = Dispatcher(tiny)
    dispatcher.table[Say] = later
    assert await dispatcher.deliver_async([say("a"), card("not_in_channel")]) == [
        Delivered(MessageRef("C1", "async")), Failed.of("not_in_channel", "refused")]


def slack_error(code: str, status: int = 200) -> SlackApiError:
    response = SlackResponse(client=None, http_verb="POST", api_url="", req_args={},
                             data={"ok": False, "error": code}, headers={}, status_code=status)
    return SlackApiError(code, response)


@pytest.mark.parametrize("code, status, reason, kind", [
    ("not_in_channel", 200, "not_in_channel", PERMANENT),
    ("channel_not_found", 200, "channel_not_found", PERMANENT),
    ("invalid_auth", 200, "invalid_auth", PERMANENT),
    ("expired_trigger_id", 200, "expired", PERMANENT),
    ("ratelimited", 429, "rate_limited", TRANSIENT),
    ("", 503, "unavailable", TRANSIENT),
])
def test_slack_errors_in_the_contracts_words(code, status, reason, kind):
    failed = slack_failure(slack_error(code, status))
    assert (failed.reason, failed.kind) == (reason, kind)


def test_slack_connection_errors_are_transient_and_unknown_codes_unexpected():
    assert slack_failure(ConnectionResetError()).reason == "unavailable"
    assert slack_failure(slack_error("a_code_from_next_year")) is None


def discord_error(status: int, code: int) -> discord.HTTPException:
    response = SimpleNamespace(status=status, reason="")
    cls = discord.Forbidden if status == 403 else discord.HTTPException
    return cls(response, {"code": code, "message": "refused"})


@pytest.mark.parametrize("status, code, reason, kind", [
    (403, 50001, "missing_access", PERMANENT),
    (403, 50013, "missing_access", PERMANENT),
    (404, 10003, "channel_not_found", PERMANENT),
    (400, 50035, "invalid", PERMANENT),
    (429, 0, "rate_limited", TRANSIENT),
    (502, 0, "unavailable", TRANSIENT),
])
def test_discord_errors_in_the_contracts_words(status, code, reason, kind):
    failed = discord_failure(discord_error(status, code))
    assert (failed.reason, failed.kind) == (reason, kind)


def test_discord_unknown_codes_are_unexpected():
    assert discord_failure(discord_error(404, 10008)) is None
    assert discord_failure(TimeoutError()).reason == "unavailable"
