"""What the Discord adapter itself says: thread names a person can find a case by, and its
own words in the team's language."""
from __future__ import annotations

import pytest

from tests.fakes.discord_fixtures import discord_fake, discord_log_guard  # noqa: F401
from tests.test_discord_adapter import MESSAGES, THREADS, click, desk, forward, running  # noqa: F401

pytestmark = pytest.mark.usefixtures("discord_log_guard")


async def test_a_case_thread_is_named_with_the_customer_site_and_stars(discord_fake, desk):
    async with running(discord_fake, desk) as client:
        _, post = await forward(discord_fake, customer="Sam Jansen", stars=2, source="trustpilot")
        await client.settle()
        await click(discord_fake, "rd:vote_respond:1", post.response["id"], user="bob")
        thread = await discord_fake.wait_for_route("POST", THREADS, message_id=post.response["id"])
    assert thread.json["name"] == "Case #1 · Trustpilot · ★★☆☆☆ · Sam Jansen"


async def test_the_adapters_words_in_the_channel_follow_the_team_not_the_bots_language(
        discord_fake, desk):
    from tests.harness import TestChannel

    team = TestChannel(desk, platform="discord", workspace=str(discord_fake.guild_id),
                       channel=str(discord_fake.channel_id))
    team.setup(language="nl")  # the bot's LANGUAGE stays English
    async with running(discord_fake, desk) as client:
        _, post = await forward(discord_fake, "Koude friet. " * 400)  # too long for a card
        await client.settle()
        thread = await discord_fake.wait_for_route("POST", THREADS, message_id=post.response["id"])
        full = await discord_fake.wait_for_route("POST", MESSAGES, channel_id=thread.response["id"])
    assert thread.json["name"].startswith("Zaak #1 · ")
    assert "(de volledige tekst staat in de thread)" in str(post.json["embeds"][0])
    assert full.json["content"].startswith("**De volledige review:**")


async def test_a_command_answered_in_the_channel_says_what_happened_with_a_link(discord_fake, desk):
    """Not "Done.": the person is told what the team now sees, and where."""
    from bot.events import ButtonClick, Command
    from desk.catalogue import REVIEW

    review = desk.router._routes[(Command, REVIEW)]

    def answered_in_the_channel(event, deps):  # a command whose answer is all for the team
        if event.text.strip() != "list":
            return review(event, deps)
        return desk.router.dispatch(ButtonClick(event.actor, event.place, action="vote_respond",
                                                value="1"))

    desk.router._routes[(Command, REVIEW)] = answered_in_the_channel
    async with running(discord_fake, desk) as client:
        await forward(discord_fake)
        await client.settle()
        said = await discord_fake.interact(discord_fake.slash_command(REVIEW, {}, subcommand="list",
                                                                      user="bob"))
        thread = await discord_fake.wait_for_route("POST", THREADS)
    text = str(said.json)
    assert "Done." not in text
    link = f"https://discord.com/channels/{discord_fake.guild_id}/{thread.response['id']}"
    assert "Bob voted to respond. In the case's thread: " + link in text
