"""Who acted and where, from a Discord interaction, as the neutral `Actor` and `Place`."""
from __future__ import annotations

import discord

from bot.events import Actor, Place

PLATFORM = "discord"


def actor(interaction: discord.Interaction) -> Actor:
    user = interaction.user
    roles = frozenset(str(r.id) for r in getattr(user, "roles", ()))
    return Actor(str(user.id), user.display_name, str(interaction.locale), roles)


def place(interaction: discord.Interaction, message: discord.Message | None = None) -> Place:
    """In a thread, the channel is the thread's parent: cards live in channels, not threads."""
    channel = interaction.channel
    thread = channel if isinstance(channel, discord.Thread) else None
    channel_id = thread.parent_id if thread else interaction.channel_id
    message = message or interaction.message
    return Place(PLATFORM, str(interaction.guild_id or "dm"), str(channel_id),
                 thread=str(thread.id) if thread else None,
                 message=str(message.id) if message else None,
                 audience=audience(interaction.guild))


def audience(guild: discord.Guild | None) -> int | None:
    """Members of the server but this bot, as far as Discord tells without the privileged
    members intent: an upper bound for who sees the channel (so a team of one decides alone)."""
    count = guild.member_count if guild else None
    return count - 1 if count else None
