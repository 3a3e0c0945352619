"""Rich text that adapters render for their platform.

Handlers never build platform markup. Everything they put in a message is one of these
parts, so an adapter can escape all plain text (review text is untrusted) and ping only
the people a handler names explicitly with `Mention`.
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Iterable, Union


@dataclass(frozen=True)
class Plain:
    text: str


@dataclass(frozen=True)
class Verbatim(Plain):
    """Text someone typed (a name, a note, a value filled into a catalog text): shown as
    written, never read as the platform's markup."""


@dataclass(frozen=True)
class Strong:
    text: str


ROLE = "role:"  # a Mention of "role:<id>" is for everyone with that role (Discord)


@dataclass(frozen=True)
class Mention:
    """A person (or a role) the message is for; the only part allowed to notify anyone."""

    user_id: str
    name: str = ""


@dataclass(frozen=True)
class Link:
    url: str
    label: str = ""


@dataclass(frozen=True)
class Quote:
    """A block of untrusted text quoted as-is (a review, a draft)."""

    text: str


Part = Union[Plain, Strong, Mention, Link, Quote]


class Rich(tuple):
    """An immutable sequence of parts; `+` joins, str() gives plain text for logs and tests."""

    def __new__(cls, parts: Iterable[Part | str] | str = ()):
        if isinstance(parts, str):  # one text, not a sequence of one-letter parts
            parts = (parts,)
        return super().__new__(cls, (Plain(p) if isinstance(p, str) else p for p in parts))

    def __add__(self, other: "Rich | Part | str") -> "Rich":
        if isinstance(other, tuple):
            return Rich((*self, *other))
        return Rich((*self, other))

    def __radd__(self, other: "Part | str") -> "Rich":
        return Rich((other, *self))

    def mentions(self) -> list[str]:
        return [p.user_id for p in self if isinstance(p, Mention)]

    def __str__(self) -> str:
        return "".join(plain_text(p) for p in self)


def plain_text(part: Part) -> str:
    if isinstance(part, Mention):
        return f"@{part.name or part.user_id}"
    if isinstance(part, Link):
        return f"{part.label} <{part.url}>" if part.label else part.url
    if isinstance(part, Quote):
        return "\n".join(f"> {line}" for line in part.text.splitlines() or [""])
    return part.text


def rich(value: "Rich | Part | str | None") -> Rich:
    if value is None:
        return Rich()
    if isinstance(value, Rich):
        return value
    return Rich((value,))


def join(items: Iterable["Rich | Part | str"], sep: str = ", ") -> Rich:
    out: list[Part | str] = []
    for i, item in enumerate(items):
        if i:
            out.append(sep)
        out.extend(rich(item))
    return Rich(out)


_formatter = string.Formatter()


def fill(template: str, /, _marks: str = ",.", **values: object) -> Rich:
    """Fill `{name}` fields of a catalog template; Rich or Part values keep their structure,
    any other value is `Verbatim`: the catalog's own text may use markup, a value never does.
    A number whose field groups thousands (`{n:,}`) uses the language's marks: `_marks` is
    its thousands separator then its decimal mark (",." in English, ".," in Dutch)."""
    out: list[Part | str] = []
    for literal, field, spec, conv in _formatter.parse(template):
        if literal:
            out.append(literal)
        if field is None:
            continue
        value = values[field]
        if isinstance(value, (Rich,)):
            out.extend(value)
        elif isinstance(value, (Plain, Strong, Mention, Link, Quote)):
            out.append(value)
        elif "," in (spec or "") and isinstance(value, (int, float)):
            out.append(Verbatim(format(value, spec).translate(str.maketrans(",.", _marks))))
        else:
            out.append(Verbatim(format(value, spec or "")))
    return Rich(out)
