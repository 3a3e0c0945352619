"""Inbound events, as every adapter delivers them to the router.

Platform ids stay opaque strings; `raw` carries what an adapter needs to answer later
(a Slack trigger id, a Discord interaction) and is never read by handlers.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Mapping


@dataclass(frozen=True)
class Actor:
    user_id: str
    name: str
    locale: str | None = None
    roles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Place:
    """Where the event happened: platform, workspace/guild, channel, thread, message."""

    platform: str
    workspace: str
    channel: str
    thread: str | None = None
    message: str | None = None
    audience: int | None = None  # people who can see the channel, when the platform tells


@dataclass(frozen=True)
class Event:
    actor: Actor
    place: Place
    raw: Any = field(default=None, compare=False, repr=False)
    receipt: int | None = field(default=None, compare=False)  # its delivery in the inbox


@dataclass(frozen=True)
class Command(Event):
    name: str = ""
    text: str = ""


@dataclass(frozen=True)
class MessageShortcut(Event):
    """A shortcut run on an existing message, e.g. a review a colleague pasted."""

    name: str = ""
    text: str = ""
    author: str | None = None
    link: str | None = None


@dataclass(frozen=True)
class ButtonClick(Event):
    action: str = ""
    value: str = ""


@dataclass(frozen=True)
class FormSubmit(Event):
    form: str = ""
    values: Mapping[str, str] = field(default_factory=dict)
    context: str = ""


@dataclass(frozen=True)
class ThreadReply(Event):
    """A message in a thread the bot owns (key as given by the adapter's message refs)."""

    key: str = ""
    text: str = ""


@dataclass(frozen=True)
class HomeOpened(Event):
    """A person opened their own overview page (Slack's App Home)."""


@dataclass(frozen=True)
class Completion(Event):
    """A person is typing an option's value; the router offers values (Discord's autocomplete)."""

    name: str = ""  # the option's completion, as the catalogue names it
    typed: str = ""


KINDS = {kind.__name__: kind for kind in (Command, MessageShortcut, ButtonClick, FormSubmit,
                                          ThreadReply, HomeOpened)}


def to_record(event: Event) -> dict[str, Any]:
    """The event as plain JSON-able values, for an adapter that keeps it (in its inbox) rather
    than the platform's payload; `raw` and `receipt` belong to one delivery and are left out."""
    values = {f.name: getattr(event, f.name) for f in fields(event)
              if f.name not in ("actor", "place", "raw", "receipt")}
    if "values" in values:
        values["values"] = dict(values["values"])
    actor = asdict(event.actor)
    actor["roles"] = sorted(event.actor.roles)
    return {"kind": type(event).__name__, "actor": actor, "place": asdict(event.place), **values}


def from_record(record: dict[str, Any]) -> Event:
    """The event `to_record` kept."""
    values = dict(record)
    actor = values.pop("actor")
    actor = Actor(**{**actor, "roles": frozenset(actor["roles"])})
    return KINDS[values.pop("kind")](actor=actor, place=Place(**values.pop("place")), **values)
