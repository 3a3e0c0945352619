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
