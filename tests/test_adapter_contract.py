"""The adapter contract (bot/delivery): every platform has a sender for every kind of message,
delivers each of them for real (against the loopback fakes), and reports failures the same way."""
from __future__ import annotations

import asyncio
import io
import threading
import urllib.request
from dataclasses import replace

import pytest

from bot.adapters.console import ConsoleChannel
from bot.adapters.discord.client import DiscordAdapter
from bot.adapters.slack.adapter import Listen
from bot.adapters.slack.config import SlackSettings
from bot.adapters.slack.inbound import Origin
from bot.delivery.contract import KINDS, Adapter, unhandled
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.results import Delivered, Failed, Undelivered
from bot.events import Actor, Command, Place
from bot.messages import (Button, Card, Choice, File, Form, FormErrors, Home, HomeLine, HomeSection,
                          Input, Notice, Outbound, Outbox, Say, ThreadPost)
from bot.router import Router
from bot.text import Rich
from desk.catalogue import CATALOGUE
from tests.fakes.discord_fake import CLIENT_OPTIONS
from tests.fakes.discord_fixtures import discord_fake, discord_log_guard  # noqa: F401
from tests.fakes.slack_fake import CHANNEL_ID, USER_ID
from tests.slack_support import Slack, no_logged_errors, slack_api  # noqa: F401
from tests.test_discord_adapter import build_app

pytestmark = pytest.mark.usefixtures("discord_log_guard")  # a logged error fails the test

KEY = "contract:1"
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 32


def samples(channel: str) -> list[Outbound]:
    """One message of every kind, the card first so that the thread post has a card."""
    return [
        Card(KEY, channel, Rich(["#1 · a card"]), Rich(["The review."]),
             buttons=(Button("claim", "Claim", "1"),), number="1"),
        ThreadPost(KEY, Rich(["A note in the card's thread."]), number="1"),
        Say(channel, Rich(["A message for everyone."])),
        File(channel, "chart.png", PNG, title="A chart", text=Rich(["This week."])),
        Notice(Rich(["Only you see this."])),
        Form("contract_form", "A form", [Input("text", "Text", choices=(Choice("a", "A"),))],
             "Send"),
        FormErrors({"text": "This cannot be empty."}),
        Home([HomeSection(Rich(["Waiting for you"]), [HomeLine(Rich(["Case #1"]),
                                                                Button("claim", "Claim", "1"))]),
              HomeSection(Rich(["Late"]), empty=Rich(["Nothing is late."]))]),
    ]


def test_the_samples_have_every_kind_of_message():
    """A new kind in bot.messages.Outbound makes this fail until it has a sample, and then the
    tests below fail for every adapter that has no sender for it."""
    assert {type(m) for m in samples("C")} == set(KINDS)


def test_a_missing_sender_is_found_and_reported_as_unsupported():
    class Partial:
        platform = "partial"

        def senders(self):
            return {Say: lambda message, to: None}

        def failure(self, error):
            return None

    assert "Card" in unhandled(Partial().senders()) and "Say" not in unhandled(Partial().senders())
    results = Dispatcher(Partial()).deliver([Say("C", Rich(["hi"])), Notice(Rich(["hi"]))],
                                            to=object())
    assert results == [Delivered(), Failed.of("unsupported", "Notice")]


# -- every adapter: a sender for every kind ------------------------------------------------

def console(app, tmp_path) -> ConsoleChannel:
    return ConsoleChannel(app.router, app.refs, lines=iter(()), out=io.StringIO(),
                          files=tmp_path / "files")


@pytest.fixture(params=["console", "slack", "discord"])
def adapter(request, app, tmp_path) -> Adapter:
    if request.param == "console":
        return console(app, tmp_path)
    if request.param == "slack":
        return Slack(app, request.getfixturevalue("slack_api")).adapter
    return DiscordAdapter(app)


def test_every_adapter_implements_the_contract_and_every_kind(adapter):
    assert isinstance(adapter, Adapter)
    assert unhandled(adapter.senders()) == []


# -- every adapter delivers every kind for real -----------------------------------------------

def person(platform: str, channel: str) -> Command:
    return Command(Actor(USER_ID, "Ann"), Place(platform, "T0FAKE", channel), name="review")


def test_the_console_delivers_every_kind(app, tmp_path):
    channel = console(app, tmp_path)
    results = channel.delivery.deliver(samples("review"), person("console", "review"))
    assert results[0] == Delivered(app.refs.get("console", KEY))
    assert all(isinstance(r, Delivered) for r in results), results
    shown = channel.out.getvalue()
    for text in ("#1 · a card", "↳ #1 A note", "A message for everyone.", "[file] A chart",
                 "(only you) Only you see this.", "┌ A form", "! Text: This cannot be empty.",
                 "== Waiting for you", "Case #1  [Claim]", "Nothing is late."):
        assert text in shown, text
    assert (tmp_path / "files" / "chart.png").read_bytes() == PNG


def test_slack_delivers_every_kind_but_form_errors_outside_their_form(app, slack_api):
    slack = Slack(app, slack_api)
    origin = Origin(USER_ID, CHANNEL_ID, trigger_id="1.2.trigger")
    results = slack.adapter.dispatcher.deliver(samples(CHANNEL_ID), origin)
    kinds = {type(m).__name__: r for m, r in zip(samples(CHANNEL_ID), results)}
    assert kinds.pop("FormErrors") == Failed.of("out_of_place", "text")  # only in a form's ack
    assert all(isinstance(r, Delivered) for r in kinds.values()), kinds
    card = kinds["Card"].ref
    assert kinds["ThreadPost"].ref.thread == card.message
    for method in ("chat.postEphemeral", "views.open", "views.publish", "files.completeUploadExternal"):
        assert slack_api.calls(method), method


async def test_discord_delivers_every_kind(discord_fake, sqlite_url, clock):
    app = build_app(discord_fake, sqlite_url, clock)
    channel = str(discord_fake.channel_id)
    app.router = Router(None, lambda event, key, values: Rich([key]), CATALOGUE)
    app.router.command("review", lambda event, deps: samples(channel))
    adapter = DiscordAdapter(app, **CLIENT_OPTIONS)
    recorded: list = []
    adapter.client.dispatcher.record = lambda platform, message, result: recorded.append(
        (type(message).__name__, result))
    async with discord_fake.run_client(adapter.client, timeout=30) as client:
        response = await discord_fake.interact(
            discord_fake.slash_command("review", subcommand="help"), timeout=30)
        await client.settle()
    assert sorted(name for name, _ in recorded) == sorted(k.__name__ for k in KINDS)
    failed = [(name, r) for name, r in recorded if not isinstance(r, Delivered)]
    assert not failed
    assert response.json["data"]["content"] == "Only you see this."  # the first thing said
    posted = [c.json.get("content") for c in discord_fake.calls_to("POST", "/channels/{channel_id}/messages")]
    assert "A note in the card's thread." in posted and "A message for everyone." in posted


# -- failures, as the platforms really fail ----------------------------------------------------

def test_slack_a_card_refused_for_not_being_in_the_channel_is_explained_to_the_person(app, slack_api):
    slack = Slack(app, slack_api)
    slack_api.fail("chat.postMessage", "not_in_channel")
    slack.command("Waited an hour for a cold pizza and nobody said sorry.")
    told = [c.body["text"] for c in slack_api.calls("chat.postEphemeral")]
    assert any("I am not a member of that channel" in text for text in told), told


def test_slack_a_reminder_whose_card_is_not_shown_keeps_its_work(app, slack_api):
    slack = Slack(app, slack_api)
    with pytest.raises(Undelivered) as raised:
        slack.adapter.send(Outbox("slack", "T0FAKE", [ThreadPost("case:404", Rich(["Late."]))]))
    assert (raised.value.failed.reason, raised.value.failed.transient) == ("no_card", True)
    slack.forward()
    slack_api.fail("chat.postMessage", "internal_error")
    with pytest.raises(Undelivered) as raised:
        slack.adapter.send(Outbox("slack", "T0FAKE", [ThreadPost("case:1", Rich(["Late."]))]))
    assert (raised.value.failed.reason, raised.value.failed.transient) == ("unavailable", True)


async def test_discord_a_card_refused_for_missing_access_is_explained_to_the_person(
        discord_fake, sqlite_url, clock):
    app = build_app(discord_fake, sqlite_url, clock)
    discord_fake.fail("POST", "/channels/{channel_id}/messages", 403, 50001, "Missing Access")
    adapter = DiscordAdapter(app, **CLIENT_OPTIONS)
    async with discord_fake.run_client(adapter.client, timeout=30) as client:
        since = discord_fake.mark()
        await discord_fake.interact(discord_fake.slash_command(
            "review", {"text": "Cold fries and a rude cashier."}, subcommand="forward"), timeout=30)
        await client.settle()
    said = [c.json.get("content") or c.json.get("data", {}).get("content") or ""
            for c in discord_fake.calls.items[since:]]
    assert any("I am not allowed to post in that channel" in text for text in said), said
    app.desk.db.dispose()


async def test_discord_a_reminder_whose_card_is_not_shown_keeps_its_work(discord_fake, sqlite_url, clock):
    app = build_app(discord_fake, sqlite_url, clock)
    adapter = DiscordAdapter(app, **CLIENT_OPTIONS)
    async with discord_fake.run_client(adapter.client, timeout=30) as client:
        with pytest.raises(Undelivered) as raised:
            await client.send(Outbox("discord", str(discord_fake.guild_id),
                                     [ThreadPost("case:404", Rich(["Late."]))]))
    assert raised.value.failed.reason == "no_card"
    app.desk.db.dispose()


# -- start and stop ----------------------------------------------------------------------------

def test_the_console_stops_before_working_on_another_line(app, tmp_path):
    def lines():
        yield "say hello\n"
        channel.stop()
        yield "say never read\n"

    channel = ConsoleChannel(app.router, app.refs, lines=lines(), out=io.StringIO(),
                             files=tmp_path)
    channel.start()
    assert "hello" in channel.out.getvalue() and "never read" not in channel.out.getvalue()


@pytest.mark.parametrize("http", [True, False], ids=["http", "socket mode"])
def test_slack_starts_and_stops(app, slack_api, http):
    from tests.fakes.slack_fake import APP_TOKEN, FakeSocketModeServer

    adapter = Slack(app, slack_api).adapter
    app.settings = replace(app.settings, sections={"slack": replace(
        app.settings.section("slack", SlackSettings), app_token=APP_TOKEN)})
    adapter.listen = Listen(http=http, host="127.0.0.1", port=0)
    with FakeSocketModeServer(slack_api) as socket_mode:
        serving = threading.Thread(target=adapter.start)
        serving.start()
        assert adapter.ready.wait(30)
        if http:
            health = urllib.request.urlopen(f"http://127.0.0.1:{adapter.server.effective_port}/healthz")
            assert health.read() == b"ok"
        else:
            socket_mode.wait_connected(timeout=30)
        adapter.stop()
        serving.join(30)
    assert not serving.is_alive()


def test_slack_over_http_stops_when_its_servers_wake_up_pipe_is_gone(app, slack_api):
    """Waking waitress's loop is a courtesy: with its trigger pipe closed, a stop still ends it."""
    adapter = Slack(app, slack_api).adapter
    adapter.listen = Listen(http=True, host="127.0.0.1", port=0)
    serving = threading.Thread(target=adapter.start)
    serving.start()
    assert adapter.ready.wait(30)
    trigger, gone = adapter.server.trigger, threading.Event()
    trigger.pull_trigger(lambda: (trigger.close(), gone.set()))  # on the loop's own thread
    assert gone.wait(30)
    adapter.stop()
    serving.join(30)
    assert not serving.is_alive()


async def test_discord_starts_and_stops(discord_fake, sqlite_url, clock):
    app = build_app(discord_fake, sqlite_url, clock)
    adapter = DiscordAdapter(app, **CLIENT_OPTIONS)
    running = asyncio.ensure_future(asyncio.to_thread(adapter.start))
    await discord_fake.wait_for_gateway(lambda frame: frame["op"] == 2, timeout=30)  # identified
    client = adapter.client  # it runs on a loop of its own, in the adapter's thread
    await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(client.wait_until_ready(), client.loop))
    adapter.stop()
    await asyncio.wait_for(running, 30)
    assert client.is_closed()
    app.desk.db.dispose()
