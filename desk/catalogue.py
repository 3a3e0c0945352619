"""The review desk's commands, shortcuts and forms, described once (see `bot.catalogue`).

`routes.py` registers a handler under each of these names; the adapters build Discord's
command tree, Slack's shortcuts and the console's help from this description, and `/review
help` says what exists on the platform it is asked on.
"""
from __future__ import annotations

from enum import StrEnum

from bot.catalogue import (Catalogue, Command, FormSpec, Kind, Option, Shortcut, ShortcutKind,
                           Subcommand)
from desk.cases import claim, draft, followup, forward, lesson, show, vote
from desk.cases.review_input import SOURCES
from desk.reminders import remind
from desk.reporting import report
from desk.team import commands, templates

REVIEW = "review"
TYPED = frozenset({"discord"})  # platforms with a menu of typed subcommands
THREAD_REPLIES = frozenset({"slack", "console"})  # platforms that hand us replies in a thread


class Sub(StrEnum):
    HELP = "help"
    LIST = "list"
    SETUP = "setup"
    REMIND = "remind"
    REPORT = "report"
    TEMPLATES = "templates"
    FORWARD = "forward"  # typed platforms: the form's fields as options
    FORM = "form"  # typed platforms: what `/review` alone is elsewhere


class Shortcuts(StrEnum):
    FORWARD_MESSAGE = "forward_message"
    NEW_REVIEW = "new_review"


class Forms(StrEnum):
    FORWARD = forward.FORM
    SETUP = commands.SETUP_FORM
    TEMPLATES = templates.FORM
    IGNORE = vote.IGNORE_FORM
    OVERRIDE = vote.OVERRIDE_FORM
    HAND_OVER = claim.HANDOVER_FORM
    DRAFT = draft.DRAFT_FORM
    POSTED = draft.POSTED_FORM
    POST_SITE = draft.POST_SITE_FORM
    FOLLOWUP = followup.FOLLOWUP_FORM
    CLOSE = followup.CLOSE_FORM
    LESSON = lesson.LESSON_FORM
    REMIND = remind.REMIND_FORM


class Completions(StrEnum):
    OPEN_CASES = "open_cases"


PERIODS = ("7d", "30d", "12w", "3m")


def nl(word: str) -> tuple[tuple[str, str], ...]:
    """Its Dutch name."""
    return (("nl", word),)


# The forward form's fields, which typed platforms offer as the options of `/review forward`.
FORWARD_INPUTS = (
    Option("text", "commands.option.text", translations=nl("tekst")),
    Option("link", "commands.option.link", required=False),
    Option("customer", "commands.option.customer", required=False, translations=nl("klant")),
    Option("stars", "commands.option.stars", Kind.INTEGER, required=False,
           choices=tuple(str(n) for n in range(1, 6)), labels="commands.stars",
           translations=nl("sterren")),
    Option("source", "commands.option.source", required=False, choices=SOURCES, labels="source",
           translations=nl("site")),
)
CASE = Option("case", "commands.option.case", Kind.INTEGER, minimum=1,
              complete=Completions.OPEN_CASES, placeholder="commands.placeholder.case",
              translations=nl("zaak"))
WHEN = Option("when", "commands.option.when", placeholder="commands.placeholder.when",
              translations=nl("wanneer"))
PERIOD = Option("period", "commands.option.period", required=False, suggestions=PERIODS,
                labels="commands.period", placeholder="commands.placeholder.period",
                translations=nl("periode"))
NO_WORDS = "commands.usage.no_words"

CATALOGUE = Catalogue(
    commands=(Command(
        REVIEW, "commands.review", free_text="commands.free_text", empty="commands.empty",
        typed_on=TYPED, subcommands=(
            Subcommand(Sub.FORWARD, "commands.sub.forward", FORWARD_INPUTS, form=Forms.FORWARD,
                       typed_only=True, translations=nl("doorsturen")),
            Subcommand(Sub.FORM, "commands.sub.form", typed_only=True,
                       translations=nl("formulier")),
            Subcommand(Sub.LIST, "commands.sub.list", usage=NO_WORDS, translations=nl("lijst")),
            Subcommand(Sub.SETUP, "commands.sub.setup", usage="commands.usage.setup",
                       translations=nl("instellingen")),
            Subcommand(Sub.REMIND, "commands.sub.remind", (CASE, WHEN), args=remind.REMIND_ARGS,
                       usage="commands.usage.remind", example="commands.example.remind",
                       translations=nl("herinner")),
            Subcommand(Sub.REPORT, "commands.sub.report", (PERIOD,), args=report.PERIOD_ARGS,
                       usage="commands.usage.report", example="commands.example.report",
                       translations=nl("rapport")),
            Subcommand(Sub.TEMPLATES, "commands.sub.templates", usage=NO_WORDS,
                       translations=nl("sjablonen")),
            Subcommand(Sub.HELP, "commands.sub.help", usage=NO_WORDS, translations=nl("hulp")),
        )),),
    shortcuts=(
        Shortcut(Shortcuts.FORWARD_MESSAGE, ShortcutKind.MESSAGE,
                 "commands.shortcut.forward_message", "commands.shortcut.forward_message_about"),
        Shortcut(Shortcuts.NEW_REVIEW, ShortcutKind.GLOBAL, "commands.shortcut.new_review",
                 "commands.shortcut.new_review_about", runs=REVIEW, platforms=frozenset({"slack"})),
    ),
    forms=tuple(FormSpec(f, FORWARD_INPUTS if f is Forms.FORWARD else ()) for f in Forms),
    thread_replies=THREAD_REPLIES,
    show=show.ACTION,
)
