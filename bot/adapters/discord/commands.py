"""The router's command catalogue as Discord application commands.

Each command becomes a group of subcommands with typed, described options, and each maps
onto the neutral event the console sends: `/review list` is the command `review list`,
`/review remind case:12 when:morgen` is `review remind 12 morgen`, and a subcommand that
stands for a form (`/review forward`) is that form submitted with the options as its values.
Message shortcuts become the message menu. Descriptions come from the catalogs in both
languages (Discord's localizations), via `CatalogTranslator`; options the catalogue offers
values for while typing get Discord's autocomplete.
"""
from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, Optional

import discord
from discord import app_commands
from discord.app_commands import Choice, locale_str

from bot.adapters.discord.inbound import PLATFORM, actor, place
from bot.catalogue import Command as CommandSpec, Kind, Option, ShortcutKind, Subcommand
from bot.events import Command, Completion, FormSubmit, MessageShortcut
from bot.i18n import Catalogs, normalise_language

if TYPE_CHECKING:
    from bot.adapters.discord.client import DeskClient

CHOICES_LIMIT = 25  # values Discord shows while typing
CHOICE_LIMIT = 100  # characters of a value's name or value


class CatalogTranslator(app_commands.Translator):
    """Command texts are `locale_str`s whose `key` extra names a catalog text; names are
    `locale_str`s whose `names` extra gives them per language."""

    def __init__(self, texts: Catalogs) -> None:
        self.texts = texts

    async def translate(self, string: locale_str, locale: discord.Locale,
                        context: app_commands.TranslationContextTypes) -> Optional[str]:
        key, lang = string.extras.get("key"), normalise_language(locale.value)
        if "names" in string.extras:
            return dict(string.extras["names"]).get(lang) if lang else None
        return self.texts.raw(lang, key) if key and lang else None


def named(name: str, translations: tuple[tuple[str, str], ...]) -> locale_str:
    return locale_str(name, names=translations)


def message_text(message: discord.Message) -> str:
    """A message's text, including what a feed integration put in embeds."""
    parts = [message.content] + [p for e in message.embeds for p in (e.title, e.description) if p]
    return "\n\n".join(p for p in parts if p and p.strip())


def add_commands(tree: app_commands.CommandTree, client: "DeskClient") -> None:
    catalogue = client.runtime.router.catalogue
    for spec in catalogue.commands:
        if spec.typed(PLATFORM):
            tree.add_command(CommandBuilder(client, spec).group())
    for shortcut in catalogue.shortcuts_of(ShortcutKind.MESSAGE, PLATFORM):
        tree.add_command(app_commands.ContextMenu(name=catalog_str(client.texts, shortcut.label),
                                                  callback=message_menu(client, shortcut.name)))


def catalog_str(texts: Catalogs, key: str) -> locale_str:
    return locale_str(texts.raw(texts.fallback, key), key=key)


def message_menu(client: "DeskClient", name: str):
    @app_commands.guild_only()
    async def forward_message(interaction: discord.Interaction, message: discord.Message) -> None:
        await client.answer(interaction, MessageShortcut(
            actor(interaction), place(interaction, message), raw=interaction, name=name,
            text=message_text(message), author=message.author.display_name, link=message.jump_url))

    return forward_message


class CommandBuilder:
    """One catalogue command as a Discord command group."""

    def __init__(self, client: "DeskClient", spec: CommandSpec) -> None:
        self.client = client
        self.spec = spec
        self.texts = client.texts

    def t(self, key: str) -> locale_str:
        return catalog_str(self.texts, key)

    def group(self) -> app_commands.Group:
        group = app_commands.Group(name=self.spec.name, description=self.t(self.spec.description),
                                   guild_only=True)
        for sub in self.spec.offered(PLATFORM):
            group.add_command(self.subcommand(sub))
        return group

    def subcommand(self, sub: Subcommand) -> app_commands.Command:
        async def run(interaction: discord.Interaction, **options: Any) -> None:
            values = {name: value.value if isinstance(value, Choice) else value
                      for name, value in options.items() if value is not None}
            await self.run(interaction, sub, values)

        run.__signature__ = inspect.Signature(  # what discord.py reads the options from
            [inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                               annotation=discord.Interaction)]
            + [self.parameter(o) for o in sorted(sub.options, key=lambda o: not o.required)])
        callback = run
        if sub.options:
            callback = app_commands.describe(
                **{o.name: self.t(o.description) for o in sub.options})(callback)
            callback = app_commands.rename(
                **{o.name: named(o.name, o.translations) for o in sub.options})(callback)
        choices = {o.name: [Choice(name=self.t(o.label_key(v)), value=self.value(o, v))
                            for v in o.choices] for o in sub.options if o.choices}
        if choices:
            callback = app_commands.choices(**choices)(callback)
        completions = {o.name: self.completer(o) for o in sub.options if o.complete or o.suggestions}
        if completions:
            callback = app_commands.autocomplete(**completions)(callback)
        return app_commands.Command(name=named(sub.name, sub.translations),
                                    description=self.t(sub.description), callback=callback)

    @staticmethod
    def value(option: Option, value: str) -> int | str:
        return int(value) if option.kind is Kind.INTEGER else value

    @staticmethod
    def parameter(option: Option) -> inspect.Parameter:
        kind: Any = int if option.kind is Kind.INTEGER else str
        if option.choices:
            kind = Choice[kind]
        elif option.minimum is not None:
            kind = app_commands.Range[kind, option.minimum]
        return inspect.Parameter(option.name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                 annotation=kind if option.required else Optional[kind],
                                 default=inspect.Parameter.empty if option.required else None)

    async def run(self, interaction: discord.Interaction, sub: Subcommand,
                  values: dict[str, Any]) -> None:
        who, where = actor(interaction), place(interaction)
        command = Command(who, where, raw=interaction, name=self.spec.name, text=sub.text(values))
        if sub.form:
            await self.client.answer(interaction, FormSubmit(
                who, where, raw=interaction, form=sub.form,
                values={k: str(v) for k, v in values.items()}), opener=command)
        else:
            await self.client.answer(interaction, command)

    def completer(self, option: Option):
        async def complete(interaction: discord.Interaction, current: str) -> list[Choice]:
            if option.complete:
                offered = await self.client.complete(interaction, Completion(
                    actor(interaction), place(interaction), raw=interaction,
                    name=option.complete, typed=current))
            else:
                lang = self.client.lang(interaction)
                typed = current.strip().lower()
                offered = [(v, self.texts.raw(lang, option.label_key(v)))
                           for v in option.suggestions if v.startswith(typed)]
                offered = offered or ([(typed, typed)] if typed else [])
            return [Choice(name=label[:CHOICE_LIMIT], value=self.value(option, value))
                    for value, label in offered[:CHOICES_LIMIT]
                    if option.kind is not Kind.INTEGER or value.isdigit()]

        return complete
