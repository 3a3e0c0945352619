"""Slack payloads as neutral events.

Each event's `raw` is an `Origin`: what Slack gave to answer with (a trigger id for a modal,
a response URL, the channel), read back by the outbound side and never by handlers.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from bot.adapters.slack.blocks import PART, VALUE
from bot.adapters.slack.directory import Directory, Known
from bot.adapters.slack.markup import USER_ID, to_plain
from bot.events import (Actor, ButtonClick, Command, FormSubmit, HomeOpened, MessageShortcut,
                        Place, ThreadReply)
from bot.messages import MessageRef

PLATFORM = "slack"
Body = Mapping[str, Any]


class Ack:
    """A form submission's acknowledgement, given once: the only place Slack shows the form's
    problems (next to the inputs, keyed by block id) or the next step's form in its place."""

    def __init__(self, ack: Callable[..., None], blocks: list[str]) -> None:
        self.ack, self.blocks, self.done = ack, blocks, False

    def __call__(self, **answer: Any) -> None:
        self.done = True
        self.ack(**answer)


@dataclass(frozen=True)
class Origin:
    user: str
    channel: str | None = None
    trigger_id: str | None = None
    response_url: str | None = None
    ack: Ack | None = field(default=None, compare=False)  # while a form submission is answered
    # Where the answer's cards live, asked once per answer (a card and its thread posts).
    refs: dict[str, MessageRef | None] = field(default_factory=dict, compare=False, repr=False)


def form_metadata(context: str, channel: str | None) -> str:
    """A modal's private_metadata: the form's context and the channel it was opened from,
    so that what the submission returns lands where the person was."""
    return json.dumps({"context": context, "channel": channel})


def read_metadata(metadata: str) -> tuple[str, str | None]:
    try:
        data = json.loads(metadata or "{}")
        return str(data.get("context") or ""), data.get("channel") or None
    except (ValueError, AttributeError):
        return "", None


def _base(name: str) -> str:
    return name.partition(PART)[0]


def _part_order(name: str) -> tuple[str, int]:
    base, _, n = name.partition(PART)
    return base, int(n) if n.isdigit() else 1


def _joined(head: str, tail: str) -> str:
    """Two parts of a text as one; a space between them if Slack trimmed the one there was."""
    if head and tail and not head[-1].isspace() and not tail[0].isspace():
        return f"{head} {tail}"
    return head + tail


class Inbound:
    def __init__(self, directory: Directory | Known) -> None:
        self.directory = directory

    def actor(self, user_id: str, fallback_name: str = "") -> Actor:
        person = self.directory.person(user_id)
        if person is None:
            return Actor(user_id, fallback_name or user_id)
        return Actor(user_id, person.name, person.locale)

    def plain(self, text: str) -> str:
        """A message's text with its people by name, as the person who wrote it saw them."""
        def name_of(user_id: str) -> str | None:
            person = self.directory.person(user_id) if USER_ID.fullmatch(user_id) else None
            return person.name if person else None
        return to_plain(text, name_of)

    def place(self, team: str, channel: str | None, *, thread: str | None = None,
              message: str | None = None) -> Place:
        return Place(PLATFORM, team, channel or "", thread, message,
                     self.directory.audience(channel) if channel else None)

    def command(self, body: Body) -> Command:
        channel = body.get("channel_id")
        return Command(self.actor(body["user_id"], body.get("user_name", "")),
                       self.place(body["team_id"], channel),
                       Origin(body["user_id"], channel, body.get("trigger_id"),
                              body.get("response_url") or None),
                       name=body["command"].lstrip("/"), text=self.plain(body.get("text", "")))

    def _interactive(self, body: Body) -> tuple[Actor, str, Origin]:
        user = body["user"]
        channel = (body.get("channel") or {}).get("id") \
            or (body.get("container") or {}).get("channel_id")
        origin = Origin(user["id"], channel, body.get("trigger_id"), body.get("response_url") or None)
        team = (body.get("team") or {}).get("id") or user.get("team_id", "")
        return self.actor(user["id"], user.get("name") or user.get("username", "")), team, origin

    def global_shortcut(self, body: Body, command: str) -> Command:
        """A global shortcut runs a command with no text (e.g. "New review": the empty form)."""
        actor, team, origin = self._interactive(body)
        return Command(actor, self.place(team, None), origin, name=command)

    def message_shortcut(self, body: Body) -> MessageShortcut:
        actor, team, origin = self._interactive(body)
        message = body.get("message") or {}
        ts = message.get("ts") or body.get("message_ts")
        return MessageShortcut(actor, self.place(team, origin.channel, message=ts), origin,
                               name=body["callback_id"], text=self.plain(message.get("text", "")),
                               author=message.get("user"),
                               link=self.directory.permalink(origin.channel, ts))

    def button(self, body: Body) -> ButtonClick:
        actor, team, origin = self._interactive(body)
        action = body["actions"][0]
        container = body.get("container") or {}
        message = container.get("message_ts")
        thread = (body.get("message") or {}).get("thread_ts")
        return ButtonClick(actor, self.place(team, origin.channel, thread=thread, message=message),
                           origin, action=action["action_id"], value=action.get("value", ""))

    def form(self, body: Body) -> FormSubmit:
        actor, team, origin = self._interactive(body)
        view = body["view"]
        context, channel = read_metadata(view.get("private_metadata", ""))
        origin = Origin(origin.user, channel, origin.trigger_id, origin.response_url)
        return FormSubmit(actor, self.place(team, channel), origin, form=view["callback_id"],
                          values=self.values(view.get("state", {}).get("values", {})),
                          context=context)

    def values(self, state: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
        """Input values by input name; a picked person also gives `<name>_name`; a long
        text's parts ("text", "text#2", …) come back as one text."""
        out: dict[str, str] = {}
        for name, actions in sorted(state.items(), key=lambda item: _part_order(item[0])):
            element = actions.get(VALUE) or {}
            kind = element.get("type")
            if kind == "users_select":
                user = element.get("selected_user") or ""
                out[name] = user
                person = self.directory.person(user) if user else None
                out[f"{name}_name"] = person.name if person else ""
            elif kind == "static_select":
                out[name] = (element.get("selected_option") or {}).get("value", "")
            elif PART in name:
                out[_base(name)] = _joined(out.get(_base(name), ""), element.get("value") or "")
            else:
                out[name] = element.get("value") or ""
        return out

    def thread_reply(self, body: Body, key: str) -> ThreadReply:
        event = body["event"]
        return ThreadReply(self.actor(event["user"]),
                           self.place(body["team_id"], event["channel"], thread=event["thread_ts"],
                                      message=event["ts"]),
                           Origin(event["user"], event["channel"]),
                           key=key, text=self.plain(event.get("text", "")))

    def home(self, body: Body) -> HomeOpened:
        event = body["event"]
        return HomeOpened(self.actor(event["user"]), self.place(body["team_id"], None),
                          Origin(event["user"]))
