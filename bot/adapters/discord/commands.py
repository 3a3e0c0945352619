"""`/review` and the "Forward as review" message menu, as Discord application commands.

Each maps onto the neutral events the console sends: `/review list` is the command
`review list`; `/review forward` with its options is a submitted forward form. Descriptions
come from the catalogs in both languages (Discord's localizations), via `CatalogTranslator`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import discord
from discord import app_commands
from discord.app_commands import Choice, locale_str

from bot.adapters.discord.inbound import actor, place
from bot.events import Command, FormSubmit, MessageShortcut
from bot.i18n import Catalogs, normalise_language

if TYPE_CHECKING:
    from bot.adapters.discord.client import DeskClient

COMMAND = "review"
FORWARD_FORM = "forward"
FORWARD_SHORTCUT = "forward_message"
# Subcommands that are the command's text, as typed in the console: `form` is `/review` alone.
SUBCOMMANDS = {"form": "", "list": "list", "setup": "setup", "templates": "templates",
               "help": "help"}
# Review sites offered as choices, in this order; the handler checks the value as always.
SOURCES = ("google", "trustpilot", "facebook", "tripadvisor", "blog", "forum", "other")
STARS = range(1, 6)


class CatalogTranslator(app_commands.Translator):
    """Command texts are `locale_str`s whose `key` extra names a catalog text."""

    def __init__(self, texts: Catalogs) -> None:
        self.texts = texts

    async def translate(self, string: locale_str, locale: discord.Locale,
                        context: app_commands.TranslationContextTypes) -> Optional[str]:
        key, lang = string.extras.get("key"), normalise_language(locale.value)
        return self.texts.raw(lang, key) if key and lang else None


def message_text(message: discord.Message) -> str:
    """A message's text, including what a feed integration put in embeds."""
    parts = [message.content] + [p for e in message.embeds for p in (e.title, e.description) if p]
    return "\n\n".join(p for p in parts if p and p.strip())


def add_commands(tree: app_commands.CommandTree, client: "DeskClient") -> None:
    texts = client.texts

    def t(key: str) -> locale_str:
        return locale_str(texts.raw(texts.fallback, key), key=key)

    review = app_commands.Group(name=COMMAND, description=t("discord.command.review"), guild_only=True)

    @review.command(name="forward", description=t("discord.command.forward"))
    @app_commands.describe(text=t("discord.option.text"), link=t("discord.option.link"),
                           customer=t("discord.option.customer"), stars=t("discord.option.stars"),
                           source=t("discord.option.source"))
    @app_commands.choices(stars=[Choice(name="★" * n, value=n) for n in STARS],
                          source=[Choice(name=t(f"discord.source.{s}"), value=s) for s in SOURCES])
    async def forward(interaction: discord.Interaction, text: str, link: Optional[str] = None,
                      customer: Optional[str] = None, stars: Optional[Choice[int]] = None,
                      source: Optional[Choice[str]] = None) -> None:
        given = {"text": text, "link": link, "customer": customer,
                 "stars": stars and str(stars.value), "source": source and source.value}
        who, where = actor(interaction), place(interaction)
        await client.answer(
            interaction,
            FormSubmit(who, where, raw=interaction, form=FORWARD_FORM,
                       values={k: v for k, v in given.items() if v is not None}),
            opener=Command(who, where, name=COMMAND, text=SUBCOMMANDS["form"]))

    def subcommand(name: str, text: str) -> app_commands.Command:
        async def run(interaction: discord.Interaction) -> None:
            await command_text(interaction, text)

        return app_commands.Command(name=name, description=t(f"discord.command.{name}"), callback=run)

    for name, text in SUBCOMMANDS.items():
        review.add_command(subcommand(name, text))

    async def command_text(interaction: discord.Interaction, text: str) -> None:
        await client.answer(interaction, Command(actor(interaction), place(interaction),
                                                 raw=interaction, name=COMMAND, text=text))

    @review.command(name="remind", description=t("discord.command.remind"))
    @app_commands.describe(case=t("discord.option.case"), when=t("discord.option.when"))
    async def remind(interaction: discord.Interaction, case: app_commands.Range[int, 1],
                     when: str) -> None:
        await command_text(interaction, f"remind {case} {when}")

    @review.command(name="report", description=t("discord.command.report"))
    @app_commands.describe(period=t("discord.option.period"))
    async def report(interaction: discord.Interaction, period: Optional[str] = None) -> None:
        await command_text(interaction, f"report {period or ''}".strip())

    @app_commands.guild_only()
    async def forward_message(interaction: discord.Interaction, message: discord.Message) -> None:
        await client.answer(interaction, MessageShortcut(
            actor(interaction), place(interaction, message), raw=interaction, name=FORWARD_SHORTCUT,
            text=message_text(message), author=message.author.display_name, link=message.jump_url))

    tree.add_command(review)
    tree.add_command(app_commands.ContextMenu(name=t("discord.command.forward_message"),
                                              callback=forward_message))
