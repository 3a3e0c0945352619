"""Nothing Discord delivered is lost: an interaction is kept in the inbox before any response,
a process that dies after the acknowledgement leaves it for the next one, which works it once
and answers late (the follow-up webhook while the token lives, else a direct message), and a
re-delivered interaction does no new work. Through the real client against the fake."""
from __future__ import annotations

import asyncio
import threading

import pytest
from sqlmodel import select

from bot.adapters.discord import client as discord_client
from bot.adapters.discord.client import DeskClient
from desk.catalogue import REVIEW as COMMAND
from desk.inbox import LEASE
from storage.models import Case, InboxItem

from tests.fakes.discord_fixtures import discord_fake, discord_log_guard  # noqa: F401
from tests.test_discord_adapter import MESSAGES, REVIEW, build_app, running

pytestmark = pytest.mark.usefixtures("discord_log_guard")

FOLLOW_UP = "/webhooks/{application_id}/{token}"
DEFERRED = 5


class Frozen:
    """The client's work stopped where a process dies: acknowledged, nothing committed yet."""

    def __init__(self, client: DeskClient) -> None:
        self.client, self.gate, self.goes_on = client, threading.Event(), True
        prepare = client._prepare

        def frozen(event, opener):
            self.gate.wait(30)
            return prepare(event, opener) if self.goes_on else ([], {}, None)

        client._prepare = frozen

    def thaw(self) -> None:
        """It was only slow: its work goes on."""
        self.gate.set()

    def kill(self) -> None:
        """What a SIGKILL leaves: the rows it held stay held; nothing of it works again."""
        self.client.workers.stop(timeout=5)
        for task in list(self.client._answering):
            task.cancel()
        self.goes_on = False
        self.gate.set()


def rows(app) -> list[InboxItem]:
    with app.desk.db.unit() as s:
        return list(s.exec(select(InboxItem).where(InboxItem.platform == "discord")))


def cases(app) -> list[Case]:
    with app.desk.db.unit() as s:
        return list(s.exec(select(Case)))


def card_posts(fake) -> list:
    return [c for c in fake.calls_to("POST", MESSAGES)
            if c.params["channel_id"] == str(fake.channel_id) and c.json.get("embeds")]


def forward_payload(fake, **options):
    return fake.slash_command(COMMAND, {"text": REVIEW}, subcommand="forward", **options)


async def answered_by_direct_message(fake, url: str, clock):
    """Start the bot again; the direct conversation it opens, and what it says there."""
    second = build_app(fake, url, clock)
    async with running(fake, second):
        dm = await fake.wait_for_route("POST", "/users/@me/channels")
        said = await fake.wait_for_route("POST", MESSAGES, channel_id=dm.response["id"])
    second.desk.db.dispose()
    return dm, said


async def test_an_interaction_is_kept_before_it_is_acknowledged(discord_fake, sqlite_url, clock):
    app = build_app(discord_fake, sqlite_url, clock)
    kept_at: list[int] = []
    put = app.inbox.put

    def put_and_note(*args, **kwargs):
        kept_at.append(discord_fake.mark())
        return put(*args, **kwargs)

    app.inbox.put = put_and_note
    payload = forward_payload(discord_fake)
    async with running(discord_fake, app):
        response = await discord_fake.interact(payload)
    [row] = rows(app)
    app.desk.db.dispose()
    assert discord_fake.calls.items.index(response) >= kept_at[0]
    assert "Forwarded as case #1" in response.json["data"]["content"]
    assert (row.receipt, row.kind, row.status, row.attempts) == (payload["id"], "FormSubmit",
                                                                 "done", 1)


@pytest.mark.parametrize("database_url", ["sqlite", "postgres"], indirect=True)
async def test_a_crash_after_the_ack_is_worked_after_a_restart_exactly_once(
        discord_fake, database_url, clock):
    first = build_app(discord_fake, database_url, clock)
    payload = forward_payload(discord_fake)
    async with running(discord_fake, first, defer_after=0.05) as dead:
        slow = Frozen(dead)
        acked = await discord_fake.interact(payload)
        assert acked.json["type"] == DEFERRED  # Discord has its ack
        dead.workers.stop(timeout=5)  # it looks dead
        assert [r.status for r in rows(first)] == ["pending"]

        clock.advance(LEASE)  # the dead process's lease runs out
        second = build_app(discord_fake, database_url, clock)
        async with running(discord_fake, second):
            answer = await discord_fake.wait_for_route("POST", FOLLOW_UP, token=payload["token"])
        second.desk.db.dispose()
        assert "Forwarded as case #1" in answer.json["content"]
        assert answer.json["flags"] == 64  # ephemeral, as the answer in time would have been

        since = discord_fake.mark()
        slow.thaw()  # the first process was only slow: its work was done meanwhile
        await discord_fake.wait_for_route("POST", FOLLOW_UP, token=payload["token"], since=since)
    assert len(cases(first)) == 1 and len(card_posts(discord_fake)) == 1
    assert [r.status for r in rows(first)] == ["done"]
    first.desk.db.dispose()


async def test_after_fifteen_minutes_the_answer_comes_by_direct_message_in_their_language(
        discord_fake, sqlite_url, clock):
    first = build_app(discord_fake, sqlite_url, clock)
    async with running(discord_fake, first, defer_after=0.05) as dead:
        died = Frozen(dead)
        await discord_fake.interact(forward_payload(discord_fake, locale="nl"))
        died.kill()
        clock.advance(minutes=20)  # the interaction's token has ended
        dm, said = await answered_by_direct_message(discord_fake, sqlite_url, clock)
    first.desk.db.dispose()
    assert str(dm.json["recipient_id"]) == discord_fake.users["alice"]["id"]
    assert "Doorgestuurd als zaak #1" in said.json["content"]
    assert not discord_fake.calls_to("POST", FOLLOW_UP)


async def test_with_direct_messages_refused_the_answer_comes_in_the_channel(
        discord_fake, sqlite_url, clock):
    alice = discord_fake.users["alice"]["id"]
    discord_fake.no_direct_messages.add(alice)
    first = build_app(discord_fake, sqlite_url, clock)
    async with running(discord_fake, first, defer_after=0.05) as dead:
        died = Frozen(dead)
        await discord_fake.interact(forward_payload(discord_fake))
        died.kill()
        clock.advance(minutes=20)
        second = build_app(discord_fake, sqlite_url, clock)
        async with running(discord_fake, second):
            said = await discord_fake.wait_for(
                lambda c: c.is_("POST", MESSAGES) and c.params["channel_id"] == str(
                    discord_fake.channel_id) and not c.json.get("embeds"))
        second.desk.db.dispose()
    first.desk.db.dispose()
    assert said.json["content"].startswith(f"<@{alice}> Forwarded as case #1")
    assert said.json["allowed_mentions"]["users"] == [int(alice)]  # only they are pinged


async def test_never_acknowledged_the_answer_comes_by_direct_message(discord_fake, sqlite_url,
                                                                    clock):
    """Died after keeping it, before the ack: Discord has no follow-up for it."""
    first = build_app(discord_fake, sqlite_url, clock)
    payload = forward_payload(discord_fake)
    async with running(discord_fake, first, defer_after=60) as dead:
        died = Frozen(dead)
        await discord_fake.push("INTERACTION_CREATE", payload)
        while not rows(first):
            await asyncio.sleep(0.01)
        died.kill()
        clock.advance(LEASE)
        dm, said = await answered_by_direct_message(discord_fake, sqlite_url, clock)
        [refused] = discord_fake.calls_to("POST", FOLLOW_UP)
        assert refused.status == 404
    first.desk.db.dispose()
    assert "Forwarded as case #1" in said.json["content"]


async def test_a_re_delivered_interaction_does_no_new_work(discord_fake, sqlite_url, clock):
    app = build_app(discord_fake, sqlite_url, clock)
    seen: list[int | None] = []
    put = app.inbox.put
    app.inbox.put = lambda *args, **kwargs: seen.append(put(*args, **kwargs)) or seen[-1]
    payload = forward_payload(discord_fake)
    async with running(discord_fake, app):
        await discord_fake.interact(payload)
        await discord_fake.push("INTERACTION_CREATE", payload)  # again, after a resume
        while len(seen) < 2:
            await asyncio.sleep(0.01)
    assert seen[1] is None
    assert len(cases(app)) == 1 and len(card_posts(discord_fake)) == 1
    assert len([c for c in discord_fake.calls.items
                if c.params.get("interaction_id") == payload["id"]]) == 1
    app.desk.db.dispose()


async def test_a_stop_hands_back_what_it_could_not_finish(discord_fake, sqlite_url, clock,
                                                         monkeypatch):
    """SIGTERM: what is under way gets a moment; what does not finish in it is handed back at
    once (no lease to wait for); what comes meanwhile is kept and acknowledged, not worked.
    The next process answers both."""
    monkeypatch.setattr(discord_client, "CLOSE_WAIT", 0.5)
    first = build_app(discord_fake, sqlite_url, clock)
    under_way, meanwhile = forward_payload(discord_fake), forward_payload(discord_fake, user="bob")
    async with running(discord_fake, first, defer_after=0.05) as stopping:
        stuck = Frozen(stopping)
        await discord_fake.interact(under_way)
        stopped = asyncio.ensure_future(stopping.close())
        await asyncio.sleep(0)
        acked = await discord_fake.interact(meanwhile)
        await stopped
        assert acked.json["type"] == DEFERRED
        assert [(r.status, r.lease_until) for r in rows(first)] == [("pending", None)] * 2

        second = build_app(discord_fake, sqlite_url, clock)  # no time passes
        async with running(discord_fake, second):
            answers = [await discord_fake.wait_for_route("POST", FOLLOW_UP, token=p["token"])
                       for p in (under_way, meanwhile)]
        second.desk.db.dispose()
        stuck.kill()  # the process exits
    assert ["Forwarded as case #1" in a.json["content"] for a in answers] == [True, False]
    assert "already forwarded by Alice" in answers[1].json["content"]
    assert len(cases(first)) == 1
    first.desk.db.dispose()
