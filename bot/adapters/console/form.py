"""A form in the console, asked field by field.

What a platform's form widget refuses at the field (an empty required field, a pick that is
not an option, too long a text, a link that is no web link), the console refuses at the
field too, and asks that field
again at once. What only the desk can judge comes back when the form is sent; then only the
fields it named are asked again, each with the value it had before the rejected one.

Read from a script, a wrong answer is never asked again: the script's next lines are meant
for the next fields and the next commands, so the form is not sent and the script goes on
where it was. A cancel word, in either language, stops a form at any field.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from bot.events import Event, FormSubmit
from bot.links import is_web_link
from bot.messages import Form, FormErrors, Input

if TYPE_CHECKING:
    from bot.adapters.console import ConsoleChannel

ATTEMPTS = 3


class Cancelled(Exception):
    """The person stopped the form (or the input ended)."""


def fill(channel: "ConsoleChannel", form: Form, event: Event) -> None:
    values = {i.name: i.value for i in form.inputs}
    channel.labels = {i.name: i.label for i in form.inputs}
    before: dict[str, str] = {}  # each field's value before its latest answer
    asking = list(form.inputs)
    word = channel.word
    channel.print(f"┌ {form.title}")
    try:
        for _ in range(ATTEMPTS):
            refused = [i.name for i in asking if not answer(channel, i, values, before)]
            if refused:  # only a script gets here: it was told at the field
                return channel.print(word("form.not_sent"))
            result = channel.router.dispatch(FormSubmit(event.actor, event.place, form=form.form,
                                                        values=dict(values),
                                                        context=form.context))
            errors = next((m for m in result if isinstance(m, FormErrors)), None)
            channel.deliver(result, event)
            if errors is None:
                return None
            if not channel.interactive:
                return channel.print(word("form.not_sent"))
            asking = [i for i in form.inputs if i.name in errors.errors]
            for item in asking:  # a rejected value is no default: back to the one before it
                values[item.name] = before.get(item.name, item.value)
        channel.print(word("form.gave_up"))
    except Cancelled:
        channel.print(word("form.cancelled"))


def answer(channel: "ConsoleChannel", item: Input, values: dict[str, str],
           before: dict[str, str]) -> bool:
    """Ask one field until it is answered acceptably (at a terminal), or once (a script).
    False when a script's answer was refused; the field keeps its value."""
    for _ in range(ATTEMPTS):
        current = values.get(item.name, "")
        given = channel.ask(item, current)
        if given is None or given.strip().casefold() in channel.cancel_words():
            raise Cancelled
        value, problem = check(item, given, current, channel.word)
        if problem is None:
            values[item.name] = value
            before[item.name] = current
            if item.kind in ("user", "person_or_role") and value:
                values[item.name], values[f"{item.name}_name"] = slug(value), value
            if item.choices and given.strip() not in ("", "-"):
                channel.print(f"│ → {next(c.label for c in item.choices if c.value == value)}")
            return True
        channel.print(f"! {item.label}: {problem}")
        if not channel.interactive:
            return False
    raise Cancelled


def check(item: Input, given: str, current: str,
          word: Callable[..., str]) -> tuple[str, str | None]:
    """The value an answer stands for, or what is wrong with it."""
    answer = given.strip().replace("\\n", "\n")
    if answer == "-":
        value = ""
    elif not answer:
        value = current
    elif item.choices:
        value = pick(item, answer)
        if value is None:
            return "", word("form.choose", choices=", ".join(c.label for c in item.choices))
    else:
        value = answer
    if item.required and not value.strip():
        return "", word("form.required")
    if item.kind == "url" and value and not is_web_link(value):
        return "", word("form.url")
    if item.max_length and len(value) > item.max_length:
        return "", word("form.too_long", n=len(value), limit=item.max_length)
    return value, None


def pick(item: Input, answer: str) -> str | None:
    """An option by its position, its label or its value."""
    if answer.isdigit() and 1 <= int(answer) <= len(item.choices):
        return item.choices[int(answer) - 1].value
    by_name = {c.value.lower(): c.value for c in item.choices}
    by_name.update({c.label.lower(): c.value for c in item.choices})
    return by_name.get(answer.lower())


def slug(name: str) -> str:
    """A person's name as the console's stand-in for a platform's user id."""
    return re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-") or "someone"
