"""What a bot offers people, described once: its commands with their subcommands and typed
inputs, its shortcuts and its forms, each with the catalog keys that describe it.

The router registers handlers under these names, and every adapter builds what its platform
needs from the same description: Discord's command tree, the console's help, Slack's
listeners and manifest. A platform either takes a command's text as typed (Slack, the
console: `/review list`, `/review <any text>`) or offers a menu of subcommands with typed
options (Discord); `Command.typed_on` names the second kind.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import Enum
from typing import Callable, Iterable


class Kind(str, Enum):
    TEXT = "text"
    INTEGER = "integer"


class ShortcutKind(str, Enum):
    MESSAGE = "message"  # run on a message: the message's text comes with it
    GLOBAL = "global"  # run from anywhere: it runs a command with no text


@dataclass(frozen=True)
class Option:
    """A typed input: an option in a platform's menu, a word after a subcommand, a form field."""

    name: str
    description: str  # catalog key
    kind: Kind = Kind.TEXT
    required: bool = True
    choices: tuple[str, ...] = ()  # the only values allowed; labels are `{labels}.{value}`
    suggestions: tuple[str, ...] = ()  # values offered while typing; any value is allowed
    labels: str = ""  # catalog key prefix for the labels of choices and suggestions
    minimum: int | None = None
    complete: str = ""  # a completion the router answers while the person types
    placeholder: str = ""  # catalog key of the word shown for it in a syntax, e.g. <case>
    translations: tuple[tuple[str, str], ...] = ()  # (language, its name there), for menus

    def label_key(self, value: str) -> str:
        return f"{self.labels}.{value}"

    def shown(self, t: Callable[[str], str]) -> str:
        """Its placeholder in a syntax: `<case>` when required, `[period]` when not."""
        word = t(self.placeholder)
        return f"<{word}>" if self.required else f"[{word}]"


@dataclass(frozen=True)
class Subcommand:
    """A word after the command, or (on typed platforms) an entry of its menu."""

    name: str
    description: str  # catalog key, one line (Discord allows 100 characters)
    options: tuple[Option, ...] = ()
    # (language, word): what it is called in another language. Text platforms take these
    # words as well; typed platforms show them to people who use that language.
    translations: tuple[tuple[str, str], ...] = ()
    args: str = ""  # a regular expression the words after it must match in full
    usage: str = ""  # catalog key: how to use it, when the words do not fit `args`
    example: str = ""  # catalog key: an example of the words after it
    form: str = ""  # typed platforms: the options are submitted as this form's values
    typed_only: bool = False  # only where subcommands are typed: elsewhere it is the text itself

    def syntax(self, t: Callable[[str], str], lang: str = "") -> str:
        """How it is written after the command where commands take text: `remind <case> <when>`."""
        return " ".join([self.called(lang), *(o.shown(t) for o in self.options if o.placeholder)])

    def called(self, lang: str) -> str:
        """Its word in a language: its translation there, else its name."""
        return dict(self.translations).get(lang, self.name)

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(word for _, word in self.translations)

    @property
    def words(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def text(self, values: dict[str, object]) -> str:
        """The command text a typed subcommand stands for: its name and its options' values;
        one that only typed platforms have stands for the command alone (the form)."""
        if self.typed_only:
            return ""
        given = [str(values[o.name]) for o in self.options if values.get(o.name) not in (None, "")]
        return " ".join([self.name, *given])


@dataclass(frozen=True)
class Shortcut:
    name: str
    kind: ShortcutKind
    label: str  # catalog key: what the menu shows
    description: str  # catalog key
    runs: str = ""  # a global shortcut: the command it runs with no text
    platforms: frozenset[str] = frozenset()  # where it exists; empty: everywhere

    def on(self, platform: str) -> bool:
        return not self.platforms or platform in self.platforms


@dataclass(frozen=True)
class FormSpec:
    """A form a handler asks and the router takes back; `inputs` where an adapter needs them."""

    name: str
    inputs: tuple[Option, ...] = ()


@dataclass(frozen=True)
class Command:
    name: str
    description: str  # catalog key
    subcommands: tuple[Subcommand, ...] = ()
    free_text: str = ""  # catalog key: what its text does when it is no subcommand (text platforms)
    empty: str = ""  # catalog key: what it does with no text at all (text platforms)
    typed_on: frozenset[str] = frozenset()  # platforms with a menu of typed subcommands

    def typed(self, platform: str) -> bool:
        return platform in self.typed_on

    def offered(self, platform: str) -> list[Subcommand]:
        """The subcommands a person on this platform can use."""
        return [s for s in self.subcommands if not s.typed_only or self.typed(platform)]

    def find(self, word: str) -> Subcommand | None:
        """The subcommand a typed word names, by its name or one of its aliases."""
        word = word.lower()
        return next((s for s in self.subcommands if not s.typed_only and word in s.words), None)

    def guess(self, word: str) -> Subcommand | None:
        """The subcommand a mistyped word most likely meant, if any comes close."""
        words = {w: s for s in self.subcommands if not s.typed_only for w in s.words}
        close = difflib.get_close_matches(word.lower(), list(words), n=1, cutoff=0.7)
        return words[close[0]] if close else None


@dataclass(frozen=True)
class Catalogue:
    commands: tuple[Command, ...] = ()
    shortcuts: tuple[Shortcut, ...] = ()
    forms: tuple[FormSpec, ...] = ()
    thread_replies: frozenset[str] = frozenset()  # platforms that deliver replies in a thread
    show: str = ""  # the button action that shows a card and its story again, by card number

    def command(self, name: str) -> Command:
        return next(c for c in self.commands if c.name == name)

    def shortcuts_of(self, kind: ShortcutKind, platform: str) -> list[Shortcut]:
        return [s for s in self.shortcuts if s.kind is kind and s.on(platform)]

    def keys(self) -> Iterable[str]:
        """Every catalog key the catalogue names, so a test can check both languages have it."""
        for command in self.commands:
            yield command.description
            yield from (k for k in (command.free_text, command.empty) if k)
            for sub in command.subcommands:
                yield sub.description
                yield from (k for k in (sub.usage, sub.example) if k)
                yield from _option_keys(sub.options)
        for shortcut in self.shortcuts:
            yield from (shortcut.label, shortcut.description)
        for form in self.forms:
            yield from _option_keys(form.inputs)


def _option_keys(options: Iterable[Option]) -> Iterable[str]:
    for option in options:
        yield option.description
        if option.placeholder:
            yield option.placeholder
        yield from (option.label_key(v) for v in (*option.choices, *option.suggestions))
