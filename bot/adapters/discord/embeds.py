"""A case card as a Discord embed, within the embed limits.

Only the description (the review) can be long: it is shortened to fit, and the caller posts
the full text in the card's thread.
"""
from __future__ import annotations

import discord

from bot.messages import Card
from bot.adapters.discord.markdown import clip, inert, render

TITLE, DESCRIPTION, FIELD_NAME, FIELD_VALUE, FIELDS, FOOTER, TOTAL = 256, 4096, 256, 1024, 25, 2048, 6000
INLINE_UP_TO = 40  # characters: short field values sit side by side
COLOURS = {"open": discord.Colour.orange(), "done": discord.Colour.green(),
           "muted": discord.Colour.light_grey()}


def card_embed(card: Card, more: str) -> tuple[discord.Embed, bool]:
    """The embed, and whether the description had to be shortened (`more` says so in it)."""
    title = clip(inert(str(card.title)), TITLE)
    fields = [(clip(name, FIELD_NAME), clip(render(value), FIELD_VALUE) or "—")
              for name, value in list(card.fields)[:FIELDS]]
    footer = clip(str(card.footer), FOOTER)
    room = TOTAL - len(title) - len(footer) - sum(len(n) + len(v) for n, v in fields)
    body = render(card.body)
    description = clip(body, min(DESCRIPTION, room), "\n" + more)
    embed = discord.Embed(title=title, description=description or None,
                          colour=COLOURS.get(card.accent or ""))
    for name, value in fields:
        embed.add_field(name=name, value=value, inline=len(value) <= INLINE_UP_TO)
    if footer:
        embed.set_footer(text=footer)
    return embed, description != body
