"""A Discord modal submitted after discord.py forgot it (the bot restarted, or the modal was
open over an hour) is answered, and what was typed is kept: a draft is saved as usual, any
other form's text comes back to the person. Through the real client against the fake."""
from __future__ import annotations

import pytest

from bot.adapters.discord import answer
from bot.adapters.discord.forms import FormModal

from tests.fakes.discord_fixtures import discord_fake, discord_log_guard  # noqa: F401
from tests.test_discord_adapter import (EPHEMERAL, MESSAGES, build_app, click, decided_case,
                                        running)

pytestmark = pytest.mark.usefixtures("discord_log_guard")

DRAFT = "Dear Sam, we are sorry the fries were cold. Come back on us. Alice " + "x" * 3_000


async def test_a_draft_submitted_after_a_restart_is_saved(discord_fake, sqlite_url, clock):
    first = build_app(discord_fake, sqlite_url, clock)
    async with running(discord_fake, first) as client:
        card = await decided_case(discord_fake, client)
        await click(discord_fake, "rd:claim:1", card)
        modal = (await click(discord_fake, "rd:draft:1", card)).json["data"]
    first.desk.db.dispose()

    second = build_app(discord_fake, sqlite_url, clock)  # a new process knows no modal
    async with running(discord_fake, second):
        since = discord_fake.mark()
        saved = await discord_fake.interact(discord_fake.modal_submit(
            modal["custom_id"], {"kind": "reply", "text": DRAFT}, message=int(card)))
        post = await discord_fake.wait_for(
            lambda c: c.is_("POST", MESSAGES) and c.params["channel_id"] == card
            and "Draft v1" in c.json["content"], since=since)
    second.desk.db.dispose()
    assert saved.json["type"] == 7  # the card shows the draft
    assert "Dear Sam, we are sorry the fries were cold." in post.json["content"]


async def test_another_form_after_a_restart_gives_back_what_was_typed(discord_fake, sqlite_url,
                                                                      clock):
    pasted = discord_fake.make_message("Waited an hour for a cold pizza.", author="bob")
    first = build_app(discord_fake, sqlite_url, clock)
    async with running(discord_fake, first):
        modal = (await discord_fake.interact(discord_fake.message_context_menu(
            "Forward as review", pasted))).json["data"]
    first.desk.db.dispose()

    typed = "Waited an hour for a cold pizza. " + "And the box was wet. " * 150
    second = build_app(discord_fake, sqlite_url, clock)
    async with running(discord_fake, second):
        since = discord_fake.mark()
        answered = await discord_fake.interact(discord_fake.modal_submit(modal["custom_id"], {
            "source": "google", "text": typed, "customer": "Bob", "stars": "1"}))
        posts = [c for c in discord_fake.calls.items[since:] if c.is_("POST", MESSAGES)]
    second.desk.db.dispose()
    assert answered.json["type"] == 4 and answered.json["data"]["flags"] == EPHEMERAL
    assert "no longer open" in answered.json["data"]["content"]
    [attached] = answered.files
    assert typed in attached["data"].decode()
    assert "Bob" in attached["data"].decode()
    assert posts == []  # nothing was forwarded


async def test_a_form_submitted_after_its_modal_timed_out_is_worked(discord_fake, sqlite_url, clock,
                                                                   monkeypatch):
    """discord.py forgets a modal after an hour; the form is still here, so it goes on."""
    opened: list[FormModal] = []

    class Recorded(FormModal):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            opened.append(self)

    monkeypatch.setattr(answer, "FormModal", Recorded)
    pasted = discord_fake.make_message("Waited an hour for a cold pizza.", author="bob")
    app = build_app(discord_fake, sqlite_url, clock)
    async with running(discord_fake, app):
        modal = (await discord_fake.interact(discord_fake.message_context_menu(
            "Forward as review", pasted))).json["data"]
        [shown] = opened
        shown.stop()  # what discord.py does when the hour is up, without waiting for it
        await shown.on_timeout()
        submitted = await discord_fake.interact(discord_fake.modal_submit(modal["custom_id"], {
            "source": "google", "text": "Waited an hour for a cold pizza.", "customer": "Bob",
            "stars": "1"}))
    app.desk.db.dispose()
    assert "Forwarded as case #1" in submitted.json["data"]["content"]
