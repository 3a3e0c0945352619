"""Outbound messages: what handlers return and adapters render.

Cards and threads are addressed by a key that only the core reads; the adapter remembers
which platform message a key belongs to (`MessageRefs`) so that a card is updated in place and
a thread post lands under the right card. What people call a card by is its `number`.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Protocol, Sequence, Union

from bot.text import Rich

if TYPE_CHECKING:
    from bot.delivery.results import Failed


@dataclass(frozen=True)
class Button:
    action: str
    label: str
    value: str = ""
    style: str | None = None  # "primary" | "danger" | None


@dataclass(frozen=True)
class Card:
    """A message with a title, fields and buttons, shown once per key and updated in place."""

    key: str
    channel: str
    title: Rich
    body: Rich = Rich()
    fields: Sequence[tuple[str, Rich]] = ()
    buttons: Sequence[Button] = ()
    footer: Rich = Rich()
    accent: str | None = None  # "open" | "done" | "muted": a colour hint
    # Grows with every change of what the card shows: when two changes are delivered out of
    # order, the adapter keeps the newer card (see CardVersions).
    version: int = 0
    number: str = ""  # what people call it by ("12" for case #12): adapters never parse keys
    new: bool = False  # its case was made in this unit of work: no message shows it yet, none to look up


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Input:
    name: str
    label: str
    # "text" | "long" | "select" | "number" | "url" | "user" | "person_or_role" (a person, or
    # on a platform with roles a role, stored as "role:<id>")
    kind: str = "text"
    required: bool = True
    value: str = ""
    choices: Sequence[Choice] = ()
    hint: str = ""
    max_length: int | None = None


@dataclass(frozen=True)
class Form:
    form: str
    title: str
    inputs: Sequence[Input]
    submit: str
    context: str = ""
    # Worked even when it comes back after the platform forgot the form (a restart, an hour
    # open): for forms whose handler checks everything again, such as a draft's text.
    late: bool = False


@dataclass(frozen=True)
class Notice:
    """Seen only by the person who acted (ephemeral). `in_sight`: it confirms what is before
    their eyes already (a new card in the channel where they acted), so a platform that owes
    no answer may leave it out and save a call."""

    text: Rich
    in_sight: bool = False


@dataclass(frozen=True)
class Say:
    """A plain message in a channel, seen by all; with `direct`, the channel is a person's id
    and the message goes to them alone (a platform may have to open that conversation first)."""

    channel: str
    text: Rich
    direct: bool = False


@dataclass(frozen=True)
class ThreadPost:
    """A post in the thread under the card with this key (a reminder's buttons act on it)."""

    key: str
    text: Rich
    buttons: Sequence[Button] = ()
    number: str = ""  # the card's number, for a platform that names the thread when it starts


@dataclass(frozen=True)
class FormErrors:
    """Per-input problems with a submitted form, shown next to the inputs where possible."""

    errors: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class File:
    """A file for the channel (a chart, an export), with a message to go with it."""

    channel: str
    filename: str
    content: bytes
    title: str = ""
    text: Rich = Rich()


@dataclass(frozen=True)
class HomeLine:
    """One line of a home section, with the button that moves it on, if any."""

    text: Rich
    button: Button | None = None


@dataclass(frozen=True)
class HomeSection:
    title: Rich
    lines: Sequence[HomeLine] = ()
    empty: Rich = Rich()  # shown when there are no lines


@dataclass(frozen=True)
class Home:
    """A person's own overview page (Slack's App Home), rebuilt each time they open it."""

    sections: Sequence[HomeSection]


Outbound = Union[Card, Notice, Say, ThreadPost, Form, FormErrors, File, Home]


@dataclass(frozen=True)
class Outbox:
    """Messages that start from the bot, not from a person (reminders, digests), for one
    workspace of one platform."""

    platform: str
    workspace: str
    messages: Sequence[Outbound]
    # Called once the adapter delivered every message; until then the job's claim on the
    # work only lasts for its lease, so a crash mid-send means another try, not a loss.
    delivered: Callable[[], None] | None = field(default=None, compare=False)
    # Called with the message that did not go out and why (the job keeps the work and tries
    # again later): to tell someone what to fix.
    undelivered: Callable[[Outbound, Failed], None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class MessageRef:
    channel: str
    message: str
    thread: str | None = None


class MessageRefs(Protocol):
    """Maps a card key to the platform message that shows it, per platform."""

    def get(self, platform: str, key: str) -> MessageRef | None: ...

    def put(self, platform: str, key: str, ref: MessageRef) -> None: ...

    def find(self, platform: str, channel: str, message: str) -> str | None:
        """The key whose card or thread is this channel/message, if any."""


class CardVersions:
    """The newest version of each card an adapter has shown, so an older one that arrives
    late (two clicks at once, answered by two threads) never replaces a newer one."""

    def __init__(self, remember: int = 10_000) -> None:
        self._shown: dict[str, int] = {}
        self._numbers: dict[str, str] = {}
        self._titles: dict[str, str] = {}
        self._remember = remember
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    def lock(self, key: str) -> threading.Lock:
        """Held while a card is sent, so the check and the send are one step per card."""
        with self._lock:
            return self._locks.setdefault(key, threading.Lock())

    def current(self, card: Card) -> bool:
        """True (and remembered) unless a newer version of this card was shown already."""
        with self._lock:
            if card.version < self._shown.get(card.key, 0):
                return False
            if len(self._shown) >= self._remember:  # old cases: forget, they rarely change
                self._shown.clear()
                self._locks.clear()
                self._numbers.clear()
                self._titles.clear()
            self._shown[card.key] = card.version
            self._numbers[card.key] = card.number
            self._titles[card.key] = " ".join(str(card.title).split())
            return True

    def number(self, key: str) -> str:
        """The number of the card with this key, if this process has shown it."""
        with self._lock:
            return self._numbers.get(key, "")

    def title(self, key: str) -> str:
        """The plain title of the card with this key, if this process has shown it."""
        with self._lock:
            return self._titles.get(key, "")
