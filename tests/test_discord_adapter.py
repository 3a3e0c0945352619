"""The Discord adapter, driven through the real discord.py client against the loopback fake.

Every test runs with the fixture that fails it when discord.py logged an error, so a broken
callback cannot pass silently.
"""
from __future__ import annotations

import asyncio
import threading
from contextlib import asynccontextmanager
from dataclasses import replace

import pytest

from bot.adapters.discord.client import DeskClient
from bot.catalogue import Kind, ShortcutKind
from desk.catalogue import CATALOGUE, REVIEW as COMMAND, Forms, Shortcuts
from bot.events import Command, FormSubmit, MessageShortcut
from app.main import build
from bot.messages import Button, Outbox, ThreadPost
from bot.settings import Settings
from bot.text import Mention, Rich
from storage.outbox import pending
from tests.fakes.discord_fake import AUTOCOMPLETE, CLIENT_OPTIONS, DiscordFake
from tests.fakes.discord_fixtures import discord_fake, discord_log_guard  # noqa: F401
from bot.adapters.discord.config import DiscordSettings

pytestmark = pytest.mark.usefixtures("discord_log_guard")

MESSAGES = "/channels/{channel_id}/messages"
THREADS = "/channels/{channel_id}/messages/{message_id}/threads"
REVIEW = "Cold fries and a rude cashier at 19:00; we waited forty minutes."
EPHEMERAL = 64


def build_app(fake: DiscordFake, database_url: str, clock, guild_id: str = "", **settings):
    sections = {"discord": DiscordSettings(token="test-token", api_base_url=fake.api_base,
                                           gateway_url=fake.gateway_url, guild_id=guild_id)}
    app = build(Settings(database_url=database_url, adapter="discord", sections=sections,
                         **settings), clock=clock)
    app.jobs = []  # tests that want scheduled messages give their own jobs
    return app


@pytest.fixture
def desk(discord_fake, sqlite_url, clock):
    app = build_app(discord_fake, sqlite_url, clock)
    yield app
    app.desk.db.dispose()


@asynccontextmanager
async def running(fake: DiscordFake, app, **options):
    async with fake.run_client(DeskClient(app, **options, **CLIENT_OPTIONS)) as client:
        yield client


def buttons(message: dict) -> list[str]:
    return [c["custom_id"] for row in message["components"] for c in row["components"]]


def modal_fields(modal: dict) -> dict[str, dict]:
    return {label["component"]["custom_id"]: label["component"] for label in modal["components"]}


def prefilled(modal: dict) -> dict[str, object]:
    """What a person submits who changes nothing in the modal."""
    def value(field: dict) -> object:
        if field["type"] == 4:
            return field.get("value") or ""
        if field["type"] == 3:
            return [o["value"] for o in field["options"] if o.get("default")]
        return [d["id"] for d in field.get("default_values", [])]

    return {name: value(field) for name, field in modal_fields(modal).items()}


async def forward(fake: DiscordFake, text: str = REVIEW, *, user: str = "alice", **options):
    """`/review forward`; returns the interaction's response and the posted case message."""
    since = fake.mark()
    response = await fake.interact(fake.slash_command(COMMAND, {"text": text, **options},
                                                      subcommand="forward", user=user))
    post = await fake.wait_for_route("POST", MESSAGES, channel_id=fake.channel_id, since=since)
    return response, post


async def click(fake: DiscordFake, custom_id: str, message_id: str, user: str = "alice"):
    return await fake.interact(fake.button_click(custom_id, int(message_id), user=user))


def response_id(fake: DiscordFake, callback) -> str:
    """The id of the message an interaction's response created (an ephemeral one included)."""
    return fake.response_message(int(callback.params["interaction_id"]))["id"]


def test_adapter_names_are_the_routers(app):
    """The adapter sends events by name; the desk must answer each of them."""
    assert COMMAND in app.router.names(Command)
    assert Forms.FORWARD in app.router.names(FormSubmit)
    assert Shortcuts.FORWARD_MESSAGE in app.router.names(MessageShortcut)


async def test_commands_are_synced_with_dutch_and_english_descriptions(discord_fake, desk):
    async with running(discord_fake, desk):
        synced = discord_fake.calls_to("PUT", "/applications/{application_id}/commands")[0].json
    review = next(c for c in synced if c["name"] == "review")
    assert review["description_localizations"]["nl"].startswith("Stuur negatieve reviews door")
    assert review["description_localizations"]["en-US"] == review["description"]
    subcommands = {o["name"]: o for o in review["options"]}
    assert set(subcommands) == {"forward", "form", "list", "setup", "templates", "help", "remind",
                                "report"}
    text = next(o for o in subcommands["forward"]["options"] if o["name"] == "text")
    assert text["required"] and text["description_localizations"]["nl"].startswith("De review")
    source = next(o for o in subcommands["forward"]["options"] if o["name"] == "source")
    assert {"name": "Other", "value": "other", "name_localizations": {"nl": "Anders", "en-US": "Other",
                                                                       "en-GB": "Other"}} in source["choices"]
    menu = next(c for c in synced if c["type"] == 3)
    assert menu["name"] == "Forward as review" and menu["name_localizations"]["nl"] == "Doorsturen als review"


async def test_the_command_tree_is_the_catalogue(discord_fake, desk):
    """Every subcommand Discord offers, its typed options and the message menu, as described."""
    async with running(discord_fake, desk):
        synced = discord_fake.calls_to("PUT", "/applications/{application_id}/commands")[0].json
    texts = desk.texts
    spec = CATALOGUE.command(COMMAND)
    review = next(c for c in synced if c["name"] == COMMAND)
    assert review["description"] == texts.raw("en", spec.description)
    assert [o["name"] for o in review["options"]] == [s.name for s in spec.offered("discord")]
    kinds = {Kind.TEXT: 3, Kind.INTEGER: 4}
    for sub, synced_sub in zip(spec.offered("discord"), review["options"]):
        assert synced_sub["description_localizations"]["nl"] == texts.raw("nl", sub.description)
        assert synced_sub.get("name_localizations", {}).get("nl") == dict(sub.translations).get("nl")
        options = {o["name"]: o for o in synced_sub.get("options", [])}
        assert list(options) == [o.name for o in sorted(sub.options, key=lambda o: not o.required)]
        for option in sub.options:
            synced_option = options[option.name]
            assert synced_option["type"] == kinds[option.kind]
            assert synced_option.get("required", False) == option.required
            assert synced_option["description"] == texts.raw("en", option.description)
            assert [c["value"] for c in synced_option.get("choices", [])] == \
                [int(v) if option.kind is Kind.INTEGER else v for v in option.choices]
            assert synced_option.get("autocomplete", False) == bool(option.complete or option.suggestions)
            assert synced_option.get("min_value") == option.minimum
            assert synced_option.get("name_localizations", {}).get("nl") == \
                dict(option.translations).get("nl")
    menus = [c["name"] for c in synced if c["type"] == 3]
    assert menus == [texts.raw("en", s.label)
                     for s in CATALOGUE.shortcuts_of(ShortcutKind.MESSAGE, "discord")]


def autocomplete(fake: DiscordFake, subcommand: str, option: str, typed: str, **kwargs):
    payload = fake.slash_command(COMMAND, [{"type": 3, "name": option, "value": typed,
                                            "focused": True}], subcommand=subcommand, **kwargs)
    payload["type"] = AUTOCOMPLETE
    return payload


async def test_case_numbers_and_report_periods_are_offered_while_typing(discord_fake, desk):
    async with running(discord_fake, desk) as client:
        await forward(discord_fake, customer="Sam Jansen")
        await forward(discord_fake, REVIEW + " Twice.", customer="Bo")
        await client.settle()
        cases = await discord_fake.interact(autocomplete(discord_fake, "remind", "case", ""))
        assert cases.json["type"] == 8
        assert [c["value"] for c in cases.json["data"]["choices"]] == [1, 2]
        assert cases.json["data"]["choices"][0]["name"] == "#1 Sam Jansen · open for votes"
        bo = await discord_fake.interact(autocomplete(discord_fake, "remind", "case", "bo",
                                                      locale="nl"))
        assert [c["value"] for c in bo.json["data"]["choices"]] == [2]
        periods = await discord_fake.interact(autocomplete(discord_fake, "report", "period", "",
                                                           locale="nl"))
        assert [c["value"] for c in periods.json["data"]["choices"]] == ["7d", "30d", "12w", "3m"]
        assert periods.json["data"]["choices"][0]["name"] == "De afgelopen 7 dagen"
        own = await discord_fake.interact(autocomplete(discord_fake, "report", "period", "8W"))
        assert own.json["data"]["choices"] == [{"name": "8w", "value": "8w"}]


async def test_help_shows_discords_commands_in_bold_without_backticks(discord_fake, desk):
    async with running(discord_fake, desk):
        answer = await discord_fake.interact(discord_fake.slash_command(COMMAND, subcommand="help"))
    content = answer.json["data"]["content"]
    assert "**/review forward**" in content and "**/review remind**" in content
    assert "`" not in content and "review text or link" not in content


async def test_remind_and_report_reach_the_desk(discord_fake, desk):
    async with running(discord_fake, desk) as client:
        await forward(discord_fake)
        await client.settle()
        remind = await discord_fake.interact(discord_fake.slash_command(
            COMMAND, {"case": 1, "when": "morgen om 9 uur"}, subcommand="remind"))
        assert remind.json["data"]["flags"] == EPHEMERAL
        assert "#1" in remind.json["data"]["content"]
        report = await discord_fake.interact(discord_fake.slash_command(
            COMMAND, {"period": "7d"}, subcommand="report"))
        assert report.json["data"]["flags"] == EPHEMERAL and report.json["data"]["content"]


async def test_commands_go_to_the_test_server_when_one_is_set(discord_fake, sqlite_url, clock):
    app = build_app(discord_fake, sqlite_url, clock, guild_id=str(discord_fake.guild_id))
    async with running(discord_fake, app):
        assert {c["name"] for c in discord_fake.commands[discord_fake.guild_id]} == {"review",
                                                                                     "Forward as review"}
    app.desk.db.dispose()


async def test_review_forward_creates_one_case_with_its_buttons(discord_fake, desk):
    async with running(discord_fake, desk):
        response, post = await forward(discord_fake, stars=2, source="trustpilot", customer="Sam")
        assert response.json["type"] == 4 and response.json["data"]["flags"] == EPHEMERAL
        assert "Forwarded as case #1" in response.json["data"]["content"]
        embed = post.json["embeds"][0]
        assert embed["title"] == "\\#1 · Trustpilot · ★★☆☆☆ · Sam"
        assert embed["description"] == f"> {REVIEW}"
        assert {"rd:vote_respond:1", "rd:vote_ignore:1", "rd:override:1"} <= set(buttons(post.json))
        assert post.json["allowed_mentions"] == {"parse": [], "users": []}

        again = await discord_fake.interact(discord_fake.slash_command(
            COMMAND, {"text": REVIEW, "source": "trustpilot"}, subcommand="forward", user="bob"))
        assert "already forwarded by Alice: it is case #1" in again.json["data"]["content"]
    assert len(discord_fake.calls_to("POST", MESSAGES)) == 1


async def test_forward_as_review_on_a_message_opens_the_prefilled_form(discord_fake, desk):
    pasted = discord_fake.make_message("Waited an hour for a cold pizza. Never again.", author="bob")
    async with running(discord_fake, desk):
        opened = await discord_fake.interact(discord_fake.message_context_menu("Forward as review", pasted))
        assert opened.json["type"] == 9
        modal = opened.json["data"]
        fields = modal_fields(modal)
        assert fields["text"]["value"] == "Waited an hour for a cold pizza. Never again."
        assert fields["source"]["type"] == 3 and fields["stars"]["type"] == 3  # selects in labels

        since = discord_fake.mark()
        submitted = await discord_fake.interact(discord_fake.modal_submit(modal["custom_id"], {
            "source": "google", "text": fields["text"]["value"], "customer": "Bob", "stars": "1"}))
        assert "Forwarded as case #1" in submitted.json["data"]["content"]
        post = await discord_fake.wait_for_route("POST", MESSAGES, channel_id=discord_fake.channel_id,
                                                 since=since)
    link = f"https://discord.com/channels/{discord_fake.guild_id}/{discord_fake.channel_id}/{pasted['id']}"
    assert any(link in f["value"] for f in post.json["embeds"][0]["fields"])


async def test_votes_update_the_card_in_place_and_note_it_in_its_thread(discord_fake, desk):
    async with running(discord_fake, desk) as client:
        _, post = await forward(discord_fake)
        await client.settle()  # the card's place is stored before anyone clicks it
        card = post.response["id"]
        voted = await click(discord_fake, "rd:vote_respond:1", card, user="bob")
        assert voted.json["type"] == 7  # the clicked card itself is updated
        tally = {f["name"]: f["value"] for f in voted.json["data"]["embeds"][0]["fields"]}["Votes"]
        assert tally.startswith("Respond: 1 (Bob)")
        thread = await discord_fake.wait_for_route("POST", THREADS, message_id=card)
        note = await discord_fake.wait_for_route("POST", MESSAGES, channel_id=thread.response["id"])
        assert note.json["content"] == "Bob voted to respond."
        assert thread.json["name"].startswith("Case #1 · ")  # and the site, stars, customer

        decided = await click(discord_fake, "rd:vote_respond:1", card, user="alice")
        assert buttons(decided.json["data"])[0] == "rd:claim:1"  # two of the two people decided
    assert len(discord_fake.calls_to("POST", THREADS)) == 1  # one thread per case


async def decided_case(fake: DiscordFake, client: DeskClient) -> str:
    _, post = await forward(fake)
    await client.settle()  # the card's place is stored before anyone clicks it
    card = post.response["id"]
    await click(fake, "rd:vote_respond:1", card, user="alice")
    await click(fake, "rd:vote_respond:1", card, user="bob")
    return card


async def test_two_members_claim_at_once_and_one_wins(discord_fake, desk):
    async with running(discord_fake, desk) as client:
        card = await decided_case(discord_fake, client)
        answers = await asyncio.gather(*(click(discord_fake, "rd:claim:1", card, user=u) for u in ("alice", "bob")))
    won = [a for a in answers if a.json["type"] == 7]
    refused = [a for a in answers if a.json["type"] == 4]
    assert len(won) == 1 and len(refused) == 1
    assert refused[0].json["data"]["flags"] == EPHEMERAL
    assert "Case #1 is already claimed by" in refused[0].json["data"]["content"]


async def test_draft_modal_puts_the_draft_in_the_thread(discord_fake, desk):
    async with running(discord_fake, desk) as client:
        card = await decided_case(discord_fake, client)
        await click(discord_fake, "rd:claim:1", card)
        opened = await click(discord_fake, "rd:draft:1", card)
        assert opened.json["type"] == 9
        modal = opened.json["data"]
        assert modal_fields(modal)["text"]["style"] == 2  # a paragraph
        since = discord_fake.mark()
        saved = await discord_fake.interact(discord_fake.modal_submit(
            modal["custom_id"], {"kind": "reply", "text": "Dear Sam, thank you *so* much. Alice"},
            message=int(card)))
        assert saved.json["type"] == 7  # the card shows the draft
        post = await discord_fake.wait_for(lambda c: c.is_("POST", MESSAGES) and c.params["channel_id"] == card
                                           and "Draft v1" in c.json["content"], since=since)
    assert post.json["content"].startswith("Draft v1 (reply) by Alice:\n> Dear Sam, thank you \\*so\\* much. Alice\n")


@pytest.mark.parametrize("database_url", ["sqlite", "postgres"], indirect=True)
async def test_a_button_still_works_after_a_restart(discord_fake, database_url, clock):
    first = build_app(discord_fake, database_url, clock)
    async with running(discord_fake, first):
        _, post = await forward(discord_fake)
    first.desk.db.dispose()

    second = build_app(discord_fake, database_url, clock)  # a new process: same database and server
    async with running(discord_fake, second):
        voted = await click(discord_fake, "rd:vote_respond:1", post.response["id"], user="bob")
    second.desk.db.dispose()
    assert voted.json["type"] == 7
    assert "Respond: 1 (Bob)" in str(voted.json["data"]["embeds"][0]["fields"])


async def test_mentions_in_a_review_ping_nobody_and_show_as_written(discord_fake, desk):
    async with running(discord_fake, desk):
        response, post = await forward(discord_fake, "@everyone look: <@123> and @here **lies** _here_")
    assert post.json["allowed_mentions"] == {"parse": [], "users": []}
    assert response.json["data"]["allowed_mentions"] == {"parse": [], "users": []}
    description = post.json["embeds"][0]["description"]
    assert description == "> @\u200beveryone look: \\<@123> and @\u200bhere \\*\\*lies\\*\\* \\_here\\_"


async def test_a_long_review_is_shortened_in_the_card_and_whole_in_the_thread(discord_fake, desk):
    words = " ".join(f"word{i:04d}" for i in range(556))[:5000]
    async with running(discord_fake, desk):
        _, post = await forward(discord_fake, words)
        thread = await discord_fake.wait_for_route("POST", THREADS, message_id=post.response["id"])
        last = words.rsplit(" ", 1)[-1]
        await discord_fake.wait_for(lambda c: c.is_("POST", MESSAGES) and last in (c.json["content"] or ""))
    embed = post.json["embeds"][0]
    assert len(embed["description"]) <= 4096 and embed["description"].endswith("(the full text is in the thread)")
    total = len(embed["title"]) + len(embed["description"]) + len(embed["footer"]["text"]) + sum(
        len(f["name"]) + len(f["value"]) for f in embed["fields"])
    assert total <= 6000
    posts = [c.json["content"] for c in discord_fake.calls_to("POST", MESSAGES)
             if c.params["channel_id"] == thread.response["id"]]
    assert all(len(p) <= 2000 for p in posts) and len(posts) == 3
    assert posts[0].startswith("**The full review:**\n> word0000")
    quoted = " ".join(line.removeprefix("> ") for p in posts for line in p.splitlines()[p.startswith("**"):])
    assert quoted.split() == words.split()


async def test_send_outbox_lets_only_the_mentioned_person_be_pinged(discord_fake, desk):
    bob = discord_fake.users["bob"]["id"]
    async with running(discord_fake, desk) as client:
        _, post = await forward(discord_fake)
        await client.settle()  # the card's place is stored
        since = discord_fake.mark()
        await client.send(Outbox("discord", str(discord_fake.guild_id), [ThreadPost(
            "case:1", Rich(["Reminder for ", Mention(bob, "Bob"), ": a follow-up is due. <@42> @everyone"]))]))
    sent = discord_fake.calls_to("POST", MESSAGES)[-1]
    assert discord_fake.calls.items.index(sent) >= since and sent.params["channel_id"] == post.response["id"]
    assert sent.json["content"] == f"Reminder for <@{bob}>: a follow-up is due. \\<@42> @\u200beveryone"
    assert sent.json["allowed_mentions"] == {"parse": [], "users": [int(bob)]}


async def test_a_reminder_in_the_thread_carries_buttons_that_work(discord_fake, desk):
    async with running(discord_fake, desk) as client:
        await forward(discord_fake)
        await client.settle()
        await client.send(Outbox("discord", str(discord_fake.guild_id), [ThreadPost(
            "case:1", Rich(["Did the customer react?"]),
            buttons=[Button("reaction_none", "No reaction", "1:1")])]))
        sent = discord_fake.calls_to("POST", MESSAGES)[-1]
        assert buttons(sent.json) == ["rd:reaction_none:1:1"]
        answer = await click(discord_fake, "rd:reaction_none:1:1", sent.response["id"])
        assert answer.json["data"]["flags"] == EPHEMERAL  # no follow-up is due on this case
        assert "follow-up on case #1" in answer.json["data"]["content"]


async def test_the_scheduler_delivers_what_jobs_produce(discord_fake, desk):
    card_shown, delivered = threading.Event(), threading.Event()
    outbox = Outbox("discord", str(discord_fake.guild_id),
                    [ThreadPost("case:1", Rich(["Time to follow up."]))], delivered=delivered.set)
    desk.jobs = [lambda: [outbox] if card_shown.is_set() and not delivered.is_set() else []]
    desk.settings = replace(desk.settings, scheduler_interval=0.01)
    async with running(discord_fake, desk) as client:
        await forward(discord_fake)
        await client.settle()
        card_shown.set()
        await discord_fake.wait_for(lambda c: c.is_("POST", MESSAGES) and c.json["content"] == "Time to follow up.")
        assert await asyncio.to_thread(delivered.wait, 5)


async def test_problems_in_a_form_come_back_with_a_button_that_reopens_it(discord_fake, desk):
    async with running(discord_fake, desk):
        answer = await discord_fake.interact(discord_fake.slash_command(
            COMMAND, {"text": "Slow service", "link": "not a link"}, subcommand="forward"))
        data = answer.json["data"]
        assert data["flags"] == EPHEMERAL
        assert "• Link to the review: That is not a web link" in data["content"]
        fix = buttons(data)[0]
        assert fix.startswith("rd-form:")

        reopened = await click(discord_fake, fix, response_id(discord_fake, answer))
        modal = reopened.json["data"]
        fields = modal_fields(modal)
        assert fields["link"]["value"] == "not a link" and fields["text"]["value"] == "Slow service"
        fixed = await discord_fake.interact(discord_fake.modal_submit(modal["custom_id"], {
            "source": "google", "text": "Slow service", "link": "https://example.com/r/1"}))
        assert "Forwarded as case #1" in fixed.json["data"]["content"]


async def test_a_long_form_is_shown_in_parts(discord_fake, desk):
    """`/review setup` has thirteen inputs; a modal holds five."""
    async with running(discord_fake, desk):
        setup = await discord_fake.interact(discord_fake.slash_command(COMMAND, subcommand="setup", locale="nl"))
        data = setup.json["data"]
        assert "reviewkanaal" in data["content"]  # the notice, in the person's language
        first = await click(discord_fake, buttons(data)[0], response_id(discord_fake, setup))
        assert len(first.json["data"]["components"]) == 5 and first.json["data"]["title"].endswith("(1/3)")
        more = await discord_fake.interact(discord_fake.modal_submit(first.json["data"]["custom_id"], {
            **prefilled(first.json["data"]), "work_hours": "08:30-17:00"}))
        assert buttons(more.json["data"])[0] == buttons(data)[0]  # the same form, continued
        second = await click(discord_fake, buttons(data)[0], response_id(discord_fake, more))
        assert second.json["data"]["title"].endswith("(2/3)")
        assert modal_fields(second.json["data"])["lead"]["type"] == 7  # a person or a role
        last = await discord_fake.interact(discord_fake.modal_submit(second.json["data"]["custom_id"], {
            **prefilled(second.json["data"]), "lead": [discord_fake.users["alice"]["id"]]}))
        third = await click(discord_fake, buttons(data)[0], response_id(discord_fake, last))
        assert third.json["data"]["title"].endswith("(3/3)")
        saved = await discord_fake.interact(discord_fake.modal_submit(
            third.json["data"]["custom_id"], prefilled(third.json["data"])))
    assert "08:30-17:00" in saved.json["data"]["content"]
    assert discord_fake.users["alice"]["id"] in saved.json["data"]["content"]


async def test_slow_work_is_deferred_and_answered_by_a_followup(discord_fake, desk):
    gate = threading.Event()  # the router waits here: the database is slow
    dispatch = desk.router.dispatch
    desk.router.dispatch = lambda event: gate.wait(5) and dispatch(event)
    async with running(discord_fake, desk, defer_after=0.01):
        payload = discord_fake.slash_command(COMMAND, subcommand="help")
        deferred = await discord_fake.interact(payload)
        assert deferred.json["type"] == 5 and deferred.json["data"]["flags"] == EPHEMERAL  # "thinking"
        gate.set()
        followup = await discord_fake.wait_for_route("POST", "/webhooks/{application_id}/{token}",
                                                     token=payload["token"])
        assert followup.json["content"].startswith("review-desk helps the team")
        assert followup.json["flags"] == EPHEMERAL

        _, post = await forward(discord_fake)
        gate.clear()
        since = discord_fake.mark()
        clicked = await click(discord_fake, "rd:vote_respond:1", post.response["id"], user="bob")
        assert clicked.json["type"] == 6  # acknowledged; the card is edited when the work is done
        gate.set()
        edit = await discord_fake.wait_for_route("PATCH", "/channels/{channel_id}/messages/{message_id}",
                                                 message_id=post.response["id"], since=since)
    assert "Respond: 1 (Bob)" in str(edit.json["embeds"][0]["fields"])


def test_a_very_long_link_is_shown_as_text_not_cut_markup():
    from bot.adapters.discord.markdown import render
    from bot.text import Link

    url = "https://example.com/" + "a" * 1990
    shown = render(Rich([Link(url, "Google")]))
    assert shown == "Google" and "](" not in shown
    assert render(Rich([Link("https://g.co/r/1", "Google")])) == "[Google](<https://g.co/r/1>)"


async def test_the_team_lead_can_be_a_role(discord_fake, desk):
    """Whoever has the lead role may make the lead's decision; others may not."""
    role = discord_fake.role(4242, "Shift leads")
    async with running(discord_fake, desk) as client:
        setup = await discord_fake.interact(discord_fake.slash_command(COMMAND, subcommand="setup"))
        first = await click(discord_fake, buttons(setup.json["data"])[0],
                            response_id(discord_fake, setup))
        more = await discord_fake.interact(discord_fake.modal_submit(
            first.json["data"]["custom_id"], prefilled(first.json["data"])))
        second = await click(discord_fake, buttons(setup.json["data"])[0],
                             response_id(discord_fake, more))
        last = await discord_fake.interact(discord_fake.modal_submit(
            second.json["data"]["custom_id"], {**prefilled(second.json["data"]), "lead": ["4242"]},
            resolved={"roles": {"4242": role}}))
        third = await click(discord_fake, buttons(setup.json["data"])[0],
                            response_id(discord_fake, last))
        saved = await discord_fake.interact(discord_fake.modal_submit(
            third.json["data"]["custom_id"], prefilled(third.json["data"])))
        assert "lead: <@&4242>." in saved.json["data"]["content"]  # shown as the role
        _, post = await forward(discord_fake)
        await client.settle()
        refused = await discord_fake.interact(discord_fake.button_click(
            "rd:override:1", int(post.response["id"]), user="bob"))
        assert "Only the team lead" in refused.json["data"]["content"]
        allowed = await discord_fake.interact(discord_fake.button_click(
            "rd:override:1", int(post.response["id"]), user="bob", roles=[4242]))
        assert allowed.json["type"] == 9, allowed.json  # the lead's decision form opens


async def test_a_file_is_posted_to_the_channel_as_an_attachment(discord_fake, desk):
    from bot.messages import File

    png = b"\x89PNG\r\n\x1a\n" + b"0" * 64
    async with running(discord_fake, desk) as client:
        await client.send(Outbox("discord", str(discord_fake.guild_id), [File(
            str(discord_fake.channel_id), "digest.png", png, title="Week 48",
            text=Rich(["Weekly digest @everyone"]))]))
    sent = discord_fake.calls_to("POST", MESSAGES)[-1]
    assert sent.files and sent.files[0]["data"] == png and sent.files[0]["filename"] == "digest.png"
    assert sent.json["allowed_mentions"]["parse"] == [] and "@\u200beveryone" in sent.json["content"]


def test_a_lead_role_is_mentioned_as_a_role_and_only_it_may_be_pinged():
    from bot.adapters.discord.markdown import allowed, render
    from bot.text import Mention

    text = Rich([Mention("role:4242"), ": several customers complain about delivery. @here"])
    assert render(text) == "<@&4242>: several customers complain about delivery. @\u200bhere"
    mentions = allowed(text).to_dict()
    assert mentions["roles"] == [4242] and mentions["users"] == [] and mentions["parse"] == []


def make_lead(desk, user_id: int) -> None:
    from sqlalchemy import update

    from storage.models import Team

    with desk.desk.db.unit() as session:
        session.exec(update(Team).values(lead=str(user_id)))


def outbox_job(desk, client):
    """The scheduler with only the outbox job, sending through the running client."""
    from bot.scheduler import Scheduler

    loop = asyncio.get_running_loop()
    return Scheduler([desk.desk.outbox], lambda outbox: asyncio.run_coroutine_threadsafe(
        client.send(outbox), loop).result(5), 0)


async def told_by_direct_message(fake: DiscordFake, scheduler, lead: int):
    """Run the outbox job once; the message it sends in the direct conversation it opened
    with the lead (and only with the lead)."""
    since = fake.mark()
    await asyncio.to_thread(scheduler.tick)
    (opened,) = [c for c in fake.calls_to("POST", "/users/@me/channels")
                 if fake.calls.items.index(c) >= since]
    assert str(opened.json["recipient_id"]) == str(lead)
    (alert,) = [c for c in fake.calls_to("POST", MESSAGES)
                if c.params["channel_id"] == opened.response["id"]]
    return alert


async def test_a_thread_discord_refuses_is_told_to_the_lead_and_follows_once_allowed(
        discord_fake, desk, clock):
    from desk import outbox as durable

    lead = discord_fake.users["alice"]["id"]
    async with running(discord_fake, desk) as client:
        _, post = await forward(discord_fake)
        await client.settle()
        make_lead(desk, lead)
        discord_fake.fail("POST", THREADS, 403, 50013, "Missing Permissions")
        await click(discord_fake, "rd:vote_respond:1", post.response["id"], user="bob")
        await discord_fake.wait_for(lambda c: "not allowed to post" in str(c.json))
        await client.settle()
        assert not any("Nothing was changed" in str(c.json) for c in discord_fake.calls.items)

        scheduler = outbox_job(desk, client)
        await asyncio.to_thread(scheduler.tick)  # the lead hears it in the channel, once
        (alert,) = [c for c in discord_fake.calls_to("POST", MESSAGES)
                    if c.params["channel_id"] == str(discord_fake.channel_id)
                    and "create public threads" in (c.json.get("content") or "")]
        assert f"<@{lead}>" in alert.json["content"]

        clock.advance(durable.FIX_RETRY)  # the permission was given
        await asyncio.to_thread(scheduler.tick)
        refused, thread = discord_fake.calls_to("POST", THREADS)
        note = discord_fake.calls_to("POST", MESSAGES)[-1]
        assert note.params["channel_id"] == thread.response["id"]
        assert note.json["content"] == "Bob voted to respond."


async def test_a_channel_discord_cannot_find_is_told_to_the_lead_by_direct_message(
        discord_fake, desk, clock):
    """A person as lead is told by direct message: the bot opens that conversation first."""
    lead = discord_fake.users["alice"]["id"]
    async with running(discord_fake, desk) as client:
        _, post = await forward(discord_fake)
        await client.settle()
        make_lead(desk, lead)
        discord_fake.fail("POST", MESSAGES, 404, 10003, "Unknown Channel")  # the channel is gone
        await click(discord_fake, "rd:vote_respond:1", post.response["id"], user="bob")
        await discord_fake.wait_for(lambda c: "channel" in str(c.json) and "setup" in str(c.json))
        await client.settle()

        scheduler = outbox_job(desk, client)
        alert = await told_by_direct_message(discord_fake, scheduler, lead)
        assert f"<@{lead}>" in alert.json["content"] and "/review setup" in alert.json["content"]


async def test_a_card_post_the_channel_refuses_is_told_to_the_lead_by_direct_message(
        discord_fake, desk, clock):
    """Missing Access on a post in the channel itself: telling the lead there would be refused
    too, so they hear it by direct message."""
    lead = discord_fake.users["alice"]["id"]
    async with running(discord_fake, desk) as client:
        await forward(discord_fake)
        await client.settle()
        make_lead(desk, lead)
        discord_fake.fail("POST", MESSAGES, 403, 50001, "Missing Access")
        await forward(discord_fake, "The soup was cold and the waiter laughed at us.")
        await client.settle()

        scheduler = outbox_job(desk, client)
        alert = await told_by_direct_message(discord_fake, scheduler, lead)
        assert f"<@{lead}>" in alert.json["content"]


async def test_a_card_discord_makes_wait_past_the_grace_is_posted_once_by_the_outbox(
        discord_fake, sqlite_url, clock):
    """discord.py waits out a 429 by itself; an answer's card still waiting when the outbox's
    grace is over would be posted by the job and then again after the wait. The answer gives
    it up within the grace instead, and the job posts it once."""
    from datetime import timedelta

    app = build_app(discord_fake, sqlite_url, clock, outbox_grace=1.0)
    try:
        async with running(discord_fake, app) as client:
            discord_fake.rate_limit("POST", MESSAGES, retry_after=3.0)
            await discord_fake.interact(discord_fake.slash_command(
                COMMAND, {"text": REVIEW}, subcommand="forward", user="alice"))
            await discord_fake.wait_for(lambda c: c.status == 429)  # the card has to wait
            clock.advance(timedelta(seconds=2))  # the grace is over: the job takes the card
            await asyncio.to_thread(outbox_job(app, client).tick)
            await client.settle()
            posted = [c for c in discord_fake.calls_to("POST", MESSAGES)
                      if c.params["channel_id"] == str(discord_fake.channel_id)]
            assert [c.status for c in posted] == [429, 200]
            said = str(discord_fake.calls.items)
            assert "Forwarded as case #1" in said and "I will post the rest" in said
    finally:
        app.desk.db.dispose()


async def test_once_the_card_is_posted_its_thread_and_full_text_follow_past_the_grace(
        discord_fake, sqlite_url, clock):
    """The bound on an answer's waits ends with its first write: a card already posted is
    never left without the thread that holds the whole review, nor that text cut in two."""
    words = " ".join(f"word{i:04d}" for i in range(556))[:5000]
    app = build_app(discord_fake, sqlite_url, clock, outbox_grace=1.0)
    try:
        async with running(discord_fake, app) as client:
            discord_fake.rate_limit("POST", THREADS, retry_after=1.5)  # past the answer's 0.8 s
            _, post = await forward(discord_fake, words)
            await client.settle()
            (refused, thread) = discord_fake.calls_to("POST", THREADS)
            assert refused.status == 429 and thread.status == 200
            posts = [c for c in discord_fake.calls_to("POST", MESSAGES)
                     if c.params["channel_id"] == thread.response["id"]]
            assert len(posts) == 3 and posts[0].json["content"].startswith("**The full review:**")
            with app.desk.db.unit() as session:
                assert pending(session, platform="discord") == []
    finally:
        app.desk.db.dispose()
