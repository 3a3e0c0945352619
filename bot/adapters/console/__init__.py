"""The console channel: a terminal stand-in for the team's review channel.

Cards are printed as text with numbered buttons, forms are asked field by field, and you can
act as different team members. Reading a script from standard input runs a whole session
unattended (the input lines are echoed, so the output reads as a transcript).
"""
from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from datetime import datetime, timedelta
from typing import Callable, Iterator, Sequence, TextIO
from zoneinfo import ZoneInfo

from bot.catalogue import Catalogue, ShortcutKind
from bot.events import Actor, ButtonClick, Command, Event, MessageShortcut, Place, ThreadReply
from bot.clock import Clock
from bot.delivery.contract import SendTable
from bot.delivery.dispatcher import Dispatcher, Record, log_result
from bot.delivery.results import Failed
from bot.i18n import Catalogs
from bot.messages import (Button, Card, File, Form, FormErrors, Home, Input, MessageRef,
                          MessageRefs, Notice, Outbound, Outbox, Say, ThreadPost)
from bot.router import Router
from bot.scheduler import Jobs, Scheduler
from bot.adapters.console.form import fill, slug

@dataclass(frozen=True)
class ConsoleSettings:
    """CONSOLE_USER: your name in the console."""

    user: str = ""


PLATFORM = "console"
WORKSPACE = "local"
CHANNEL = "review"

HELP = """Console commands:
{commands}
  as NAME [en|nl]        act as another team member (optionally with a language)
  say TEXT               post a message in the channel, as a colleague or a feed would
{shortcuts}
  click CARD BUTTON      press a button on a card: its number or its name, e.g. click 1 claim
  reply CARD TEXT        write in the card's thread ("draft: ..." saves a draft)
  thread CARD            show the card's thread
  show CASE              show a case's card and its story again (e.g. after a restart)
  travel 2h | 1d 30m     let time pass (a demo clock), then send the reminders that came due
  travel until WHEN      e.g. travel until tomorrow 9:00, travel until maandag 9 uur
  help, quit             this help; leave (end of input also leaves)
In a form, press Enter to keep the value shown in [brackets], "-" to clear it, "cancel"
(or "annuleren") to stop; write \\n for a new line."""


def help_text(catalogue: Catalogue) -> str:
    """The console's help: its own verbs, and the bot's commands and shortcuts it offers."""
    commands = []
    for command in catalogue.commands:
        words = ", ".join(s.name for s in command.offered(PLATFORM))
        commands += [f"  /{command.name} WORDS".ljust(25) + f"the bot's command: {words}",
                     f"  /{command.name} TEXT".ljust(25) + "forward TEXT as a review; "
                     f"/{command.name} alone opens the form"]
    shortcuts = catalogue.shortcuts_of(ShortcutKind.MESSAGE, PLATFORM)
    lines = [f"  shortcut N{'' if len(shortcuts) == 1 else ' ' + s.name}".ljust(25)
             + f"run the {s.name} shortcut on message N (see say)" for s in shortcuts]
    return HELP.format(commands="\n".join(commands), shortcuts="\n".join(lines))


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DURATION = re.compile(r"(\d+)\s*(w|d|h|m)\w*")
_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes"}


@dataclass
class ShownCard:
    card: Card
    thread: list[str] = field(default_factory=list)
    thread_buttons: Sequence[Button] = ()  # those of the latest post in the thread that had any


class ConsoleChannel:
    """The console adapter (see bot/delivery/contract.py)."""

    platform = PLATFORM

    def __init__(self, router: Router, refs: MessageRefs, *, lines: Iterator[str], out: TextIO,
                 user: str = "you", echo: bool = False, jobs: Sequence[Jobs] = (),
                 clock: Clock | None = None, zone: str = "UTC",
                 when: Callable[[str, datetime], datetime] | None = None,
                 files: str | Path = "reports", texts: Catalogs | None = None,
                 team_language: Callable[[Event], str | None] | None = None,
                 interactive: bool | None = None, record: Record = log_result) -> None:
        self.router = router
        # The console's own few words, in the person's language, else their team's.
        self.texts = texts or Catalogs().load_dir(Path(__file__).parents[2] / "locales")
        self.team_language = team_language
        self.labels: dict[str, str] = {}  # the open form's input labels, for its errors
        self.files = Path(files)  # where files sent to the channel (a digest's chart) are saved
        self.refs = refs
        self.lines = lines
        self.out = out
        self.echo = echo
        # At a terminal a wrong answer is asked again; a script's next line is not an answer.
        self.interactive = not echo if interactive is None else interactive
        self.scheduler = Scheduler(jobs, send=self.deliver_outbox, interval=0)
        self.clock = clock
        self.zone = ZoneInfo(zone)
        self.when = when  # reads "tomorrow 9:00" for `travel until`
        self.actor = Actor(slug(user), user)
        self.cards: dict[str, ShownCard] = {}
        self.messages: list[str] = []
        self.delivery = Dispatcher(self, stand_in=True, record=record)
        self.stopping = False

    # -- input ---------------------------------------------------------------------------
    def read(self, prompt: str) -> str | None:
        self.out.write(prompt)
        self.out.flush()
        try:
            line = next(self.lines).rstrip("\n")
        except StopIteration:
            self.out.write("\n")
            return None
        if self.echo:
            self.out.write(line + "\n")
        return line

    def start(self) -> None:
        self.run()

    def stop(self) -> None:
        """Leave before working on another line."""
        self.stopping = True

    def run(self) -> None:
        self.print(self.word("welcome", name=self.actor.name))
        while not self.stopping:
            line = self.read(f"{self.actor.name}> ")
            if line is None or self.stopping:
                return
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line in ("quit", "exit"):
                return
            self.scheduler.tick()
            try:
                self.execute(line)
            except ValueError as err:
                self.print(f"! {err}")

    def word(self, key: str, **values: object) -> str:
        team = self.team_language(Command(self.actor, self.place(), name="")) \
            if self.team_language else None
        return self.texts.plain(self.texts.pick(self.actor.locale, team), f"console.{key}",
                                **values)

    def place(self, thread: str | None = None, message: str | None = None) -> Place:
        return Place(PLATFORM, WORKSPACE, CHANNEL, thread, message)

    def execute(self, line: str) -> None:
        if line.startswith("/"):
            name, _, text = line[1:].partition(" ")
            return self.dispatch(Command(self.actor, self.place(), name=name, text=text))
        verb, _, rest = line.partition(" ")
        verb = verb.lower()
        if verb == "help":
            return self.print(help_text(self.router.catalogue))
        if verb == "as":
            parts = shlex.split(rest) if rest.strip() else []
            if not parts:
                raise ValueError("as NAME [en|nl]")
            locale = parts[-1] if len(parts) > 1 and parts[-1] in ("en", "nl") else None
            name = " ".join(parts[:-1] if locale else parts)
            self.actor = Actor(slug(name), name, locale)
            return self.print(self.word("you_are", name=name))
        if verb == "say":
            self.messages.append(rest)
            return self.print(f"[message {len(self.messages)}] {self.actor.name}: {rest}")
        if verb == "shortcut":
            number, _, name = rest.strip().partition(" ")
            n = _number(number, "shortcut N")
            if not 1 <= n <= len(self.messages):
                raise ValueError(f"there is no message {n}")
            return self.dispatch(MessageShortcut(
                self.actor, self.place(message=str(n)), name=self.message_shortcut(name),
                text=self.messages[n - 1], link=f"console://review/{n}"))
        if verb == "click":
            card_no, _, button = rest.strip().partition(" ")
            shown = self.card(card_no)
            buttons = shown.card.buttons
            pick = button.strip().lower()
            chosen = next((b for i, b in enumerate(buttons, 1)
                           if pick in (str(i), b.action.lower(), b.label.lower())), None)
            chosen = chosen or next((b for b in shown.thread_buttons
                                     if pick in (b.action.lower(), b.label.lower())), None)
            value = chosen.value if chosen else buttons[0].value if buttons else ""
            chosen = chosen.action if chosen else None
            if chosen is None and pick in self.router.names(ButtonClick):
                chosen = pick  # a button the card showed earlier: a stale click, as on a platform
            if chosen is None:
                raise ValueError("that card has no button {!r}; it has: {}".format(
                    button, ", ".join(f"{i} {b.label}" for i, b in enumerate(buttons, 1))))
            return self.dispatch(ButtonClick(self.actor, self.place(message=card_no),
                                             action=chosen, value=value))
        if verb == "reply":
            card_no, _, text = rest.strip().partition(" ")
            key = self.card_key(card_no)
            self.cards[key].thread.append(f"{self.actor.name}: {text}")
            self.print(f"  ↳ #{card_no} {self.actor.name}: {text}")
            return self.dispatch(ThreadReply(self.actor, self.place(thread=card_no), key=key,
                                             text=text.replace("\\n", "\n")))
        if verb == "show":
            self.show(rest.strip())
            return None
        if verb == "thread":
            shown = self.card(rest.strip())
            for entry in shown.thread or [self.word("no_posts")]:
                self.print(f"  ↳ {entry}")
            return None
        if verb == "travel":
            return self.travel(rest.strip())
        raise ValueError(f"unknown command {verb!r}; type help")

    def message_shortcut(self, name: str) -> str:
        """The message shortcut `shortcut N [NAME]` runs: the named one, or the only one."""
        names = [s.name for s in self.router.catalogue.shortcuts_of(ShortcutKind.MESSAGE, PLATFORM)]
        if name.strip() in names or not name.strip() and len(names) == 1:
            return name.strip() or names[0]
        raise ValueError("shortcut N " + " | ".join(names))

    def travel(self, text: str) -> None:
        """Move the demo clock forward, then run the scheduled jobs as the bot would."""
        if self.clock is None or not hasattr(self.clock, "advance"):
            raise ValueError("time travel needs the console's demo clock")
        if text.lower().startswith("until "):
            if self.when is None:
                raise ValueError("travel until is not available here; use e.g. travel 2h")
            self.clock.set(self.when(text[6:], self.clock.now()))
        else:
            parts = _DURATION.findall(text.lower())
            if not parts or _DURATION.sub("", text.lower()).strip():
                raise ValueError("travel 2h, travel 1d 30m, or travel until tomorrow 9:00")
            self.clock.advance(sum((timedelta(**{_UNITS[u]: int(n)}) for n, u in parts),
                                   timedelta(0)))
        now = self.clock.now().astimezone(self.zone)
        self.print(self.word("now", day=self.word(f"day.{DAYS[now.weekday()]}"),
                             when=now.strftime("%d-%m-%Y %H:%M")))
        self.scheduler.tick()

    def show(self, number: str) -> str | None:
        """Ask the desk for a card and its story (cases outlive a console session)."""
        number = number.strip().lstrip("#")
        if not number or not self.router.catalogue.show:
            raise ValueError("show CASE")
        key = self.refs.find(PLATFORM, CHANNEL, number)
        self.dispatch(ButtonClick(self.actor, self.place(message=number),
                                  action=self.router.catalogue.show, value=key or number))
        return self.refs.find(PLATFORM, CHANNEL, number)

    def card_key(self, number: str) -> str:
        """The card with this number; one this session has not shown yet is shown first."""
        key = self.refs.find(PLATFORM, CHANNEL, number.strip().lstrip("#"))
        if (key is None or key not in self.cards) and number.strip().lstrip("#").isdigit() \
                and self.router.catalogue.show:
            key = self.show(number)
        if key is None or key not in self.cards:
            raise ValueError(f"no card {number!r} shown in this console session")
        return key

    def card(self, number: str) -> ShownCard:
        return self.cards[self.card_key(number)]

    # -- output --------------------------------------------------------------------------
    def senders(self) -> SendTable:
        return {Card: self.show_card, ThreadPost: self.show_thread_post, Notice: self.show_notice,
                Say: self.show_say, File: self.show_file, Form: self.fill_form,
                FormErrors: self.show_errors, Home: self.show_home}

    def failure(self, error: Exception) -> Failed | None:
        return None  # printing fails only by accident: logged in full

    def dispatch(self, event: Event) -> None:
        self.deliver(self.router.dispatch(event), event)

    def deliver_outbox(self, outbox: Outbox) -> None:
        self.delivery.send(outbox)

    def deliver(self, messages: Sequence[Outbound], event: Event | None = None) -> None:
        self.delivery.deliver(messages, event)

    def show_thread_post(self, post: ThreadPost, to: Event | None) -> MessageRef | None:
        text = str(post.text)
        if post.key in self.cards:
            self.cards[post.key].thread.append(text)
            if post.buttons:
                self.cards[post.key].thread_buttons = post.buttons
        ref = self.refs.get(PLATFORM, post.key)
        number = ref.message if ref else post.number
        self.print("\n".join(f"  ↳ #{number} {line}" for line in text.splitlines()))
        if post.buttons:
            self.print(f"  ↳ #{number} " + "  ".join(f"[{b.label}]" for b in post.buttons))
        return ref

    def show_notice(self, notice: Notice, to: Event) -> None:
        self.print(f"{self.word('only_you')} {str(notice.text)}")

    def show_say(self, say: Say, to: Event | None) -> None:
        self.print(str(say.text))

    def show_file(self, file: File, to: Event | None) -> None:
        if file.text:
            self.print(str(file.text))
        self.print(f"[file] {file.title or file.filename}: {self.save(file)}")

    def show_errors(self, errors: FormErrors, to: Event) -> None:
        for name, problem in errors.errors.items():
            self.print(f"! {self.labels.get(name, name)}: {problem}")

    def show_home(self, home: Home, to: Event) -> None:
        for section in home.sections:
            self.print(f"== {str(section.title)}")
            for line in section.lines:
                button = f"  [{line.button.label}]" if line.button else ""
                self.print(f"  {str(line.text)}{button}")
            if not section.lines and section.empty:
                self.print(f"  {str(section.empty)}")

    def save(self, file: File) -> Path:
        self.files.mkdir(parents=True, exist_ok=True)
        path = self.files / Path(file.filename).name
        path.write_bytes(file.content)
        return path.resolve()

    def show_card(self, card: Card, to: Event | None) -> MessageRef:
        updated = card.key in self.cards
        ref = self.refs.get(PLATFORM, card.key)
        if ref is None:
            number = card.number or str(len(self.cards) + 1)
            ref = MessageRef(CHANNEL, number, number)
            self.refs.put(PLATFORM, card.key, ref)
        self.cards.setdefault(card.key, ShownCard(card)).card = card
        lines = [f"┌─ {self.word('updated') + ' ' if updated else ''}{str(card.title)}"]
        lines += [f"│ {line}" for line in str(card.body).splitlines()]
        lines += [f"│ {label}: {str(value)}" for label, value in card.fields]
        if card.footer:
            lines.append(f"│ {str(card.footer)}")
        lines.append("└─ " + "  ".join(f"[{i}] {b.label}" for i, b in enumerate(card.buttons, 1)))
        self.print("\n".join(lines))
        return ref

    def fill_form(self, form: Form, event: Event) -> None:
        fill(self, form, event)

    def cancel_words(self) -> set[str]:
        """The word that stops a form, in every language: a person may type either."""
        return {self.texts.plain(lang, "console.form.cancel_word").casefold()
                for lang in self.texts.languages()}

    def ask(self, item: Input, current: str) -> str | None:
        """One field's answer as typed. A picker's options are numbered by position."""
        if item.choices:
            self.print("│ " + "  ".join(f"{i}) {c.label}" for i, c in enumerate(item.choices, 1)))
        labels = {c.value: c.label for c in item.choices}
        shown = labels.get(current, current).replace("\n", "\\n")
        if len(shown) > 60 and item.kind == "long":  # a suggested reply is read whole first
            self.print("\n".join(f"│   {line}" for line in current.splitlines()))
            shown = "…"
        elif len(shown) > 60:
            shown = shown[:57] + "..."
        optional = "" if item.required else f" {self.word('optional')}"
        return self.read(f"│ {item.label}{optional} [{shown}]: ")

    def print(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()


def _number(text: str, usage: str) -> int:
    text = text.strip().lstrip("#")
    if not text.isdigit():
        raise ValueError(usage)
    return int(text)
