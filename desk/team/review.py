"""`/review` itself: which subcommand its words name, what help says on each platform, and
the case numbers offered while one is typed.

Where a command takes text (Slack, the console), `/review <review text>` forwards the review
and `/review` alone opens the form; a subcommand is found by its name or a Dutch alias, and
a single word that names none is never a case: it gets "did you mean" or the way to forward
it. Commands are shown in bold, which every platform renders (or shows plainly), never in
backticks that Discord and the console would show as they are.
"""
from __future__ import annotations

import re
from typing import Callable, Mapping

from bot.catalogue import Command as CommandSpec, ShortcutKind, Subcommand
from bot.events import Command, Completion
from bot.messages import Choice, Notice, Outbound
from bot.text import Rich, Strong, join
from desk.catalogue import CATALOGUE, REVIEW, Sub
from desk.cases import forward
from desk.cases.review_input import clean_text, first_link
from desk.turn import Turn
from storage import repo

SubcommandRun = Callable[[Turn, Command, str], list[Outbound]]
CHOICES_LIMIT = 25  # Discord shows at most 25 values while typing
CHOICE_LABEL_LIMIT = 100
WORD_LIMIT = 40  # a longer "word" is no mistyped command: it goes on as a review


def review_command(command: CommandSpec, subcommands: Mapping[str, SubcommandRun]):
    """The handler of `/review <text>`, with a function for every subcommand the text takes."""
    missing = {s.name for s in command.subcommands if not s.typed_only} - set(subcommands)
    if missing:
        raise ValueError(f"no handler for /{command.name} {', '.join(sorted(missing))}")

    def run(turn: Turn, event: Command) -> list[Outbound]:
        text = event.text.strip()
        word, rest = (re.split(r"\s+", text, maxsplit=1) + [""])[:2] if text else ("", "")
        sub = command.find(word)
        if sub is not None:
            if not re.fullmatch(sub.args, rest.strip(), re.IGNORECASE | re.DOTALL):
                return [usage(turn, command, sub)]
            return subcommands[sub.name](turn, event, rest.strip())
        if not text:
            return [forward.forward_form(turn)]
        if not rest and one_word(word):
            return [not_a_command(turn, command, word)]
        return forward.from_command(turn, event, text)

    run.__name__ = "review_command"
    return run


def one_word(word: str) -> bool:
    """A short word that could be a mistyped command: no link, no mention (the forward says
    what is wrong with a review of only "@everyone"), not empty to the eye."""
    return (len(word) <= WORD_LIMIT and bool(clean_text(word)) and not first_link(word)
            and not word.startswith("@"))


def syntax(turn: Turn, command: CommandSpec, sub: Subcommand | None = None, *,
           words: str = "") -> Strong:
    """How a person writes it on their platform, in their language: `/review remind <case>
    <when>` where the command takes text, `/review remind` where its options are typed in a
    menu (which shows the subcommand's name in their language too)."""
    parts = [f"/{command.name}"]
    if sub is not None:
        typed = command.typed(turn.event.place.platform)
        parts.append(sub.syntax(turn.s, turn.lang) if not words and not typed
                     else sub.called(turn.lang))
    if words:
        parts.append(words)
    return Strong(" ".join(parts))


def usage(turn: Turn, command: CommandSpec, sub: Subcommand) -> Notice:
    text = turn.t(sub.usage, command=syntax(turn, command, sub),
                  example=syntax(turn, command, sub, words=turn.s(sub.example))
                  if sub.example else "")
    if not command.typed(turn.event.place.platform):  # the words may have been a review
        text = text + " " + turn.t("commands.usage.forward_tail", form=syntax(turn, command))
    return Notice(text)


def not_a_command(turn: Turn, command: CommandSpec, word: str) -> Notice:
    guess = command.guess(word)
    if guess is not None:
        return Notice(turn.t("commands.did_you_mean", command=syntax(turn, command, guess),
                             form=syntax(turn, command)))
    return Notice(turn.t("commands.unknown", word=word, command=syntax(turn, command),
                         form=syntax(turn, command),
                         help=syntax(turn, command, command.find(Sub.HELP))))


def show_help(turn: Turn, event: Command, args: str = "") -> list[Outbound]:
    """What review-desk can do, as far as it exists on the platform this is asked on."""
    platform = event.place.platform
    command = CATALOGUE.command(REVIEW)
    lines: list[Rich] = [turn.t("commands.help.title")]
    if not command.typed(platform):
        review_text = f"<{turn.s('commands.placeholder.text')}>"
        lines.append(turn.t("commands.help.line", syntax=syntax(turn, command, words=review_text),
                            description=turn.t(command.free_text)))
        lines.append(turn.t("commands.help.line", syntax=syntax(turn, command),
                            description=turn.t(command.empty)))
    for sub in command.offered(platform):
        line = turn.t("commands.help.line", syntax=syntax(turn, command, sub),
                      description=turn.t(sub.description))
        if sub.example and not command.typed(platform):
            line = turn.t("commands.help.line_example", line=line,
                          example=syntax(turn, command, sub, words=turn.s(sub.example)))
        lines.append(line)
    for shortcut in CATALOGUE.shortcuts_of(ShortcutKind.MESSAGE, platform):
        lines.append(turn.t("commands.help.message_shortcut", label=turn.t(shortcut.label)))
    for shortcut in CATALOGUE.shortcuts_of(ShortcutKind.GLOBAL, platform):
        lines.append(turn.t("commands.help.global_shortcut", label=turn.t(shortcut.label),
                            description=turn.t(shortcut.description)))
    lines.append(turn.t("commands.help.case"))
    if platform in CATALOGUE.thread_replies:
        lines.append(turn.t("commands.help.thread_draft"))
    others = [Strong(f"/{command.name} {w}") for s in command.offered(platform)
              for w in s.words if w != s.called(turn.lang)]
    if others and not command.typed(platform):
        lines.append(turn.t("commands.help.aliases", words=join(others)))
    return [Notice(join(lines, "\n"))]


def case_choices(turn: Turn, event: Completion) -> list[Choice]:
    """Open cases to pick while a case number is typed: by number, or by the customer's name."""
    typed = event.typed.strip().lstrip("#").casefold()
    cases = [c for c in repo.open_cases(turn.session, team_id=turn.team.id)
             if not typed or str(c.id).startswith(typed) or typed in (c.customer or "").casefold()]
    return [Choice(str(c.id), turn.s("commands.case_choice", case=c.id, customer=c.customer or "—",
                                     state=turn.t(f"state.{c.state}"))[:CHOICE_LABEL_LIMIT])
            for c in cases[:CHOICES_LIMIT]]
