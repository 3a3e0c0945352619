"""Self-test of the Discord fake: the real discord.py client, driven through it end to end.

The bot here is a throwaway defined for this test, not product code: it only exercises the
discord.py features the product relies on (command groups, context menus, persistent
DynamicItem buttons, modals, threads, deferred responses and follow-ups).
"""

from __future__ import annotations

import asyncio
import re
import textwrap
from typing import Any

import discord
import pytest
from discord import app_commands

from tests.fakes.discord_fake import CLIENT_OPTIONS, DiscordFake
from tests.fakes.discord_fixtures import DiscordErrorLog, discord_fake, discord_log_guard  # noqa: F401

pytest_plugins = ["pytester"]

CALLBACK = "/interactions/{interaction_id}/{token}/callback"
CHANNEL_MESSAGES = "/channels/{channel_id}/messages"


class ForwardButton(discord.ui.DynamicItem[discord.ui.Button], template=r"case:(?P<case_id>[0-9]+):forward"):
    """A persistent button: its custom_id carries the case id, so any client can handle it."""

    def __init__(self, case_id: int) -> None:
        super().__init__(discord.ui.Button(label="Forward", custom_id=f"case:{case_id}:forward"))
        self.case_id = case_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> "ForwardButton":
        return cls(int(match["case_id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        interaction.client.seen.append(("button", self.case_id, interaction.user.name))
        await interaction.response.send_message(f"case {self.case_id} forwarded", ephemeral=True)


class ReplyModal(discord.ui.Modal, title="Answer the review"):
    answer = discord.ui.TextInput(label="Answer", custom_id="answer", style=discord.TextStyle.paragraph)

    def __init__(self, message_id: int) -> None:
        super().__init__(custom_id=f"reply:{message_id}")

    async def on_submit(self, interaction: discord.Interaction) -> None:
        interaction.client.seen.append(("modal", self.custom_id, self.answer.value))
        await interaction.response.send_message("draft saved", ephemeral=True)


class ThrowawayBot(discord.Client):
    def __init__(self) -> None:
        super().__init__(intents=discord.Intents.default(), **CLIENT_OPTIONS)
        self.tree = app_commands.CommandTree(self)
        self.seen: list[tuple[Any, ...]] = []
        review = app_commands.Group(name="review", description="Work on reviews")

        @review.command(name="forward", description="Forward a review")
        async def forward(interaction: discord.Interaction, text: str) -> None:
            self.seen.append(("forward", text, str(interaction.locale), interaction.user.name))
            view = discord.ui.View(timeout=None).add_item(ForwardButton(7))
            await interaction.response.send_message(
                f"forwarding: {text}", view=view, allowed_mentions=discord.AllowedMentions.none()
            )

        @review.command(name="open", description="Open a case thread")
        async def open_case(interaction: discord.Interaction, title: str) -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            post = await interaction.channel.send(f"Case: {title}", allowed_mentions=discord.AllowedMentions.none())
            thread = await post.create_thread(name=title)
            await thread.send("Discuss the answer here.")
            await interaction.followup.send(f"opened {thread.mention}", ephemeral=True)

        @review.command(name="explode", description="Fails on purpose")
        async def explode(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("about to fail")
            raise RuntimeError("boom in a command callback")

        @app_commands.context_menu(name="Answer review")
        async def answer_review(interaction: discord.Interaction, message: discord.Message) -> None:
            self.seen.append(("menu", message.id, message.content))
            await interaction.response.send_modal(ReplyModal(message.id))

        self.tree.add_command(review)
        self.tree.add_command(answer_review)

    async def setup_hook(self) -> None:
        self.add_dynamic_items(ForwardButton)
        await self.tree.sync()


async def test_login_gateway_and_command_sync(discord_fake: DiscordFake) -> None:
    bot = ThrowawayBot()
    async with discord_fake.run_client(bot):
        assert bot.user.id == discord_fake.application_id
        guild = bot.get_guild(discord_fake.guild_id)
        assert guild is not None and guild.get_channel(discord_fake.channel_id).name == "reviews"
        assert guild.me.name == "review-desk"  # without the members intent only the bot is cached
        sync = discord_fake.calls_to("PUT", "/applications/{application_id}/commands")[0]
        assert {c["name"] for c in sync.json} == {"review", "Answer review"}
        identify = await discord_fake.wait_for_gateway(lambda f: f["op"] == 2)
        assert identify["d"]["token"] == "test-token"
        assert discord_fake.unknown_routes == []


async def test_members_intent_chunks_the_guild(discord_fake: DiscordFake) -> None:
    intents = discord.Intents.default()
    intents.members = True
    bot = discord.Client(intents=intents, **CLIENT_OPTIONS)
    async with discord_fake.run_client(bot):
        guild = bot.get_guild(discord_fake.guild_id)
        assert {m.name for m in guild.members} == {"review-desk", "alice", "bob"}
        found = await guild.query_members(user_ids=[int(discord_fake.users["bob"]["id"])])
        assert [m.name for m in found] == ["bob"]


async def test_slash_subcommand_reaches_callback_and_view_reaches_fake(discord_fake: DiscordFake) -> None:
    bot = ThrowawayBot()
    async with discord_fake.run_client(bot):
        payload = discord_fake.slash_command("review", {"text": "1 star"}, subcommand="forward", user="bob",
                                             locale="fr")
        call = await discord_fake.interact(payload)
        assert call.query == {"with_response": "1"}
        assert call.json["type"] == 4
        assert call.json["data"]["content"] == "forwarding: 1 star"
        assert call.json["data"]["allowed_mentions"] == {"parse": []}
        button = call.json["data"]["components"][0]["components"][0]
        assert button["custom_id"] == "case:7:forward"
        assert bot.seen == [("forward", "1 star", "fr", "bob")]
        assert discord_fake.response_message(payload)["content"] == "forwarding: 1 star"


async def test_message_context_menu_opens_modal_and_submit_reaches_it(discord_fake: DiscordFake) -> None:
    bot = ThrowawayBot()
    async with discord_fake.run_client(bot):
        review = discord_fake.make_message("Terrible service, 1 star", author="bob")
        call = await discord_fake.interact(discord_fake.message_context_menu("Answer review", review))
        assert bot.seen == [("menu", int(review["id"]), "Terrible service, 1 star")]
        assert call.json["type"] == 9
        assert call.json["data"]["custom_id"] == f"reply:{review['id']}"

        submit = discord_fake.modal_submit(f"reply:{review['id']}", {"answer": "Sorry, we will call you."})
        answer = await discord_fake.interact(submit)
        assert answer.json["data"]["content"] == "draft saved"
        assert answer.json["data"]["flags"] == 64
        assert bot.seen[-1] == ("modal", f"reply:{review['id']}", "Sorry, we will call you.")


async def test_dynamic_button_still_works_after_client_restart(discord_fake: DiscordFake) -> None:
    first = ThrowawayBot()
    async with discord_fake.run_client(first):
        posted = await discord_fake.interact(discord_fake.slash_command("review", {"text": "x"}, subcommand="forward"))
        message_id = int(posted.response["interaction"]["response_message_id"])
        click = await discord_fake.interact(discord_fake.button_click("case:7:forward", message_id))
        assert click.json["data"]["content"] == "case 7 forwarded"
        assert first.seen[-1] == ("button", 7, "alice")

    second = ThrowawayBot()  # a new process would start like this: same messages, fresh client
    async with discord_fake.run_client(second):
        click = await discord_fake.interact(discord_fake.button_click("case:7:forward", message_id, user="bob"))
        assert click.json["data"]["content"] == "case 7 forwarded"
        assert second.seen == [("button", 7, "bob")]


async def test_button_click_needs_the_button_on_the_message(discord_fake: DiscordFake) -> None:
    plain = discord_fake.make_message("no buttons here")
    with pytest.raises(ValueError, match="no component"):
        discord_fake.button_click("case:7:forward", plain)


async def test_deferred_thread_and_followup(discord_fake: DiscordFake) -> None:
    bot = ThrowawayBot()
    async with discord_fake.run_client(bot):
        payload = discord_fake.slash_command("review", {"title": "Case 12"}, subcommand="open")
        deferred = await discord_fake.interact(payload)
        assert deferred.json["type"] == 5 and deferred.json["data"]["flags"] == 64

        post = await discord_fake.wait_for_route("POST", CHANNEL_MESSAGES, channel_id=discord_fake.channel_id)
        assert post.json["content"] == "Case: Case 12"
        assert post.json["allowed_mentions"] == {"parse": []}

        thread = await discord_fake.wait_for_route("POST", "/channels/{channel_id}/messages/{message_id}/threads")
        assert thread.params["message_id"] == post.response["id"] and thread.json["name"] == "Case 12"
        thread_id = thread.response["id"]
        in_thread = await discord_fake.wait_for_route("POST", CHANNEL_MESSAGES, channel_id=thread_id)
        assert in_thread.json["content"] == "Discuss the answer here."

        followup = await discord_fake.wait_for_route("POST", "/webhooks/{application_id}/{token}",
                                                     token=payload["token"])
        assert followup.json["content"] == f"opened <#{thread_id}>"
        assert followup.query["wait"] == "1"
        assert discord_fake.channels[int(thread_id)]["type"] == 11


async def test_multipart_payload_json_is_decoded_and_unknown_routes_are_listed(discord_fake: DiscordFake) -> None:
    bot = ThrowawayBot()
    async with discord_fake.run_client(bot):
        channel = bot.get_channel(discord_fake.channel_id)
        await channel.send("see file", file=discord.File(__file__, filename="notes.txt"))
        call = await discord_fake.wait_for_route("POST", CHANNEL_MESSAGES)
        assert call.json["content"] == "see file"
        assert call.files[0]["filename"] == "notes.txt" and call.files[0]["data"].startswith(b'"""')
        assert call.response["attachments"][0]["filename"] == "notes.txt"

        answer = await bot.http.request(discord.http.Route("GET", "/voice/regions"))
        assert answer == {}
        assert [c.path for c in discord_fake.unknown_routes] == ["/voice/regions"]


async def test_error_log_guard_collects_callback_exceptions(discord_fake: DiscordFake,
                                                            discord_log_guard: DiscordErrorLog) -> None:
    bot = ThrowawayBot()
    async with discord_fake.run_client(bot):
        await discord_fake.interact(discord_fake.slash_command("review", subcommand="explode"))
        record = await discord_log_guard.wait_for_error()
    assert "Ignoring exception in command" in record.getMessage()
    assert "boom in a command callback" in str(record.exc_info[1])
    discord_log_guard.take()  # expected here; anything left would fail this test


def test_error_log_guard_fails_the_test(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(textwrap.dedent("""
        import discord
        from discord import app_commands
        from tests.fakes.discord_fake import CLIENT_OPTIONS
        from tests.fakes.discord_fixtures import discord_fake, discord_log_guard

        async def test_broken_callback(discord_fake, discord_log_guard):
            bot = discord.Client(intents=discord.Intents.default(), **CLIENT_OPTIONS)
            tree = app_commands.CommandTree(bot)

            @tree.command(name="ping", description="fails")
            async def ping(interaction):
                await interaction.response.send_message("pong")
                raise RuntimeError("broken handler")

            async with discord_fake.run_client(bot):
                await discord_fake.interact(discord_fake.slash_command("ping"))
                await discord_log_guard.wait_for_error()  # logged, not raised: the test body passes
    """))
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*discord.py logged 1 error(s)*", "*broken handler*"])


async def test_edits_original_response_and_component_update(discord_fake: DiscordFake) -> None:
    bot = discord.Client(intents=discord.Intents.default(), **CLIENT_OPTIONS)
    tree = app_commands.CommandTree(bot)

    class Approve(discord.ui.View):
        @discord.ui.button(label="Approve", custom_id="approve")
        async def approve(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
            await interaction.response.edit_message(content="approved", view=None)

    @tree.command(name="draft", description="Draft an answer")
    async def draft(interaction: discord.Interaction) -> None:
        await interaction.response.defer()
        await interaction.edit_original_response(content="draft ready", view=Approve(timeout=None))
        original = await interaction.original_response()
        await original.create_thread(name="draft discussion")

    async with discord_fake.run_client(bot):
        payload = discord_fake.slash_command("draft")
        await discord_fake.interact(payload)
        edit = await discord_fake.wait_for_route("PATCH", "/webhooks/{application_id}/{token}/messages/@original")
        assert edit.json["content"] == "draft ready"
        message = discord_fake.response_message(payload)
        thread = await discord_fake.wait_for_route("POST", "/channels/{channel_id}/messages/{message_id}/threads",
                                                   message_id=message["id"])
        assert thread.response["parent_id"] == str(discord_fake.channel_id)

        click = await discord_fake.interact(discord_fake.button_click("approve", message))
        assert click.json["type"] == 7
        assert click.json["data"]["content"] == "approved" and click.json["data"]["components"] == []
        assert discord_fake.messages[int(message["id"])]["content"] == "approved"


async def test_echo_events_reach_the_client_cache(discord_log_guard: DiscordErrorLog) -> None:
    """Without the fixture: a fake of its own, echoing REST writes as gateway events."""
    async with DiscordFake(echo_events=True) as fake:
        original = discord.http.Route.BASE
        with fake.patched():
            bot = discord.Client(intents=discord.Intents.default(), **CLIENT_OPTIONS)
            async with fake.run_client(bot):
                created = bot.loop.create_future()

                @bot.event
                async def on_thread_create(thread: discord.Thread) -> None:
                    created.set_result(thread)

                message = await bot.get_channel(fake.channel_id).send("case 3")
                await message.create_thread(name="case 3")
                thread = await asyncio.wait_for(created, 5)
                assert bot.get_channel(thread.id) is thread and thread.id == message.id
        assert discord.http.Route.BASE == original
