"""The router: handlers register by event kind and name; adapters dispatch neutral events.

It is also the one place where errors become messages: a `UserError` turns into an ephemeral
notice in the person's language, anything unexpected is logged with context and the person
is told that something went wrong, never shown a stack trace.

What the names mean to people (descriptions, options, where each exists) is the router's
`catalogue`, from which the adapters build their platform's commands and menus.
"""
from __future__ import annotations

import logging
from typing import Callable, Generic, Mapping, Sequence, TypeVar

from bot.errors import UserError
from bot.catalogue import Catalogue
from bot.events import (ButtonClick, Command, Completion, Event, FormSubmit, HomeOpened,
                        MessageShortcut, ThreadReply)
from bot.messages import Choice, FormErrors, Notice, Outbound
from bot.text import Rich

log = logging.getLogger(__name__)

D = TypeVar("D")
Handler = Callable[[Event, D], Sequence[Outbound]]
Translate = Callable[[Event, str, dict], Rich]
Say = Callable[..., str]  # a text by key, in the person's language
# A form's problems found in its values alone (no look-up, no database): input name → problem.
Check = Callable[[Mapping[str, str], Say], dict[str, str]]


class Router(Generic[D]):
    def __init__(self, deps: D, translate: Translate, catalogue: Catalogue = Catalogue()) -> None:
        self.deps = deps
        self._translate = translate
        self.catalogue = catalogue
        self._routes: dict[tuple[type[Event], str], Handler] = {}
        self._checks: dict[str, Check] = {}

    def _add(self, kind: type[Event], name: str, handler: Handler) -> None:
        if (kind, name) in self._routes:
            raise ValueError(f"{kind.__name__} {name!r} registered twice")
        self._routes[(kind, name)] = handler

    def command(self, name: str, handler: Handler) -> None:
        self._add(Command, name, handler)

    def shortcut(self, name: str, handler: Handler) -> None:
        self._add(MessageShortcut, name, handler)

    def action(self, name: str, handler: Handler) -> None:
        self._add(ButtonClick, name, handler)

    def form(self, name: str, handler: Handler, *, check: Check | None = None) -> None:
        """A form's `check` lets an adapter that must answer within seconds (Slack) answer its
        problems at once and leave the work for later; the handler checks the values again."""
        self._add(FormSubmit, name, handler)
        if check is not None:
            self._checks[name] = check

    def completion(self, name: str, handler: Handler) -> None:
        """Values to offer for an option while it is typed; the handler returns `Choice`s."""
        self._add(Completion, name, handler)

    def thread_reply(self, handler: Handler) -> None:
        self._add(ThreadReply, "", handler)

    def home(self, handler: Handler) -> None:
        self._add(HomeOpened, "", handler)

    def names(self, kind: type[Event]) -> list[str]:
        """Registered names of one kind, so adapters and manifests can be checked against them."""
        return sorted(name for k, name in self._routes if k is kind)

    @staticmethod
    def _name(event: Event) -> str:
        if isinstance(event, Command):
            return event.name
        if isinstance(event, MessageShortcut):
            return event.name
        if isinstance(event, ButtonClick):
            return event.action
        if isinstance(event, FormSubmit):
            return event.form
        if isinstance(event, Completion):
            return event.name
        return ""

    def handles(self, event: Event) -> bool:
        return (type(event), self._name(event)) in self._routes

    def dispatch(self, event: Event) -> list[Outbound]:
        handler = self._routes.get((type(event), self._name(event)))
        if handler is None:
            log.warning("no handler for %s %r", type(event).__name__, self._name(event))
            return [Notice(self._translate(event, "error.unknown_action", {}))]
        try:
            return list(handler(event, self.deps))
        except UserError as err:
            return [Notice(self._translate(event, err.key, err.params))]
        except Exception:
            log.exception("handling %s %r by %s in %s failed", type(event).__name__,
                          self._name(event), event.actor.user_id, event.place)
            return [Notice(self._translate(event, "error.unexpected", {}))]

    def check(self, event: FormSubmit) -> list[Outbound] | None:
        """The form's problems (empty when there are none) found from its values alone, or
        None when the form has no such check: then only its handler can answer it."""
        check = self._checks.get(event.form)
        if check is None:
            return None

        def say(key: str, **values: object) -> str:
            return str(self._translate(event, key, values))

        try:
            problems = check(event.values, say)
        except Exception:  # the handler checks again, and tells the person
            log.exception("checking form %r by %s failed", event.form, event.actor.user_id)
            return []
        return [FormErrors(problems)] if problems else []

    def complete(self, event: Completion) -> list[Choice]:
        """The values to offer; none when nothing answers or it fails (typing goes on)."""
        handler = self._routes.get((Completion, event.name))
        if handler is None:
            return []
        try:
            return [c for c in handler(event, self.deps) if isinstance(c, Choice)]
        except UserError:  # e.g. the database is busy: nothing to offer this time
            return []
        except Exception:
            log.exception("completing %r for %s failed", event.name, event.actor.user_id)
            return []
