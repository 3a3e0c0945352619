"""Buttons that keep working after a restart.

Their custom ids carry everything a click needs (`rd:<action>:<value>` on a card, for
example `rd:claim:12`; `rd-form:<token>` to open a form), and the classes are registered
when the client starts, so a click on yesterday's case reaches the new process.
"""
from __future__ import annotations

import re
from typing import Any

import discord

from bot.messages import Button

STYLES = {"primary": discord.ButtonStyle.primary, "danger": discord.ButtonStyle.danger}
LABEL = 80


class CaseButton(discord.ui.DynamicItem[discord.ui.Button],
                 template=r"rd:(?P<action>[a-z_]+):(?P<value>[\w:-]*)"):
    def __init__(self, action: str, value: str, label: str = "", style: str | None = None) -> None:
        super().__init__(discord.ui.Button(
            label=(label or action)[:LABEL], style=STYLES.get(style or "", discord.ButtonStyle.secondary),
            custom_id=f"rd:{action}:{value}"))
        self.action, self.value = action, value

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> "CaseButton":
        return cls(match["action"], match["value"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.button_clicked(interaction, self.action, self.value)


class FormButton(discord.ui.DynamicItem[discord.ui.Button],
                 template=r"rd-form:(?P<token>[0-9a-f]+)"):
    """Opens (or reopens, or continues) a form kept in memory under `token`."""

    def __init__(self, token: str, label: str = "") -> None:
        super().__init__(discord.ui.Button(label=(label or "…")[:LABEL], style=discord.ButtonStyle.primary,
                                           custom_id=f"rd-form:{token}"))
        self.token = token

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> "FormButton":
        return cls(match["token"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.open_form(interaction, self.token)


def card_view(buttons: list[Button] | tuple[Button, ...]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for button in list(buttons)[:25]:
        view.add_item(CaseButton(button.action, button.value, button.label, button.style))
    return view
