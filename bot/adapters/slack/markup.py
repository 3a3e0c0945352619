"""Rich text as Slack mrkdwn, and Slack mrkdwn back to plain text.

Everything but a `Mention` or a `Link` is escaped, so a review's `<!channel>`, `<!here>` or
`<@U…>` shows as text and pings nobody. A `Quote` (a review, a draft) and a `Verbatim`
value (a name, a note) never format either: mrkdwn has no escape for `*`, `_`, `~` or a
backtick, so each run of them goes in a date token with no valid format, which Slack shows
as its fallback text, literally (the way jsx-slack's `<Escape>` does it). `split` cuts text for Slack's length limits without
breaking a mention, a link or an escaped character.
"""
from __future__ import annotations

import html
import re
from dataclasses import replace
from typing import Callable

from bot.text import Link, Mention, Part, Plain, Quote, Rich, Strong, Verbatim

USER_ID = re.compile(r"[UW][A-Z0-9]{2,}")
_URL_UNSAFE = {"|": "%7C", "<": "%3C", ">": "%3E", " ": "%20"}
_ENTITY = re.compile(r"<([^<>]*)>")
ELLIPSIS = "…"
# An emoji shortcode (kept, so :white_check_mark: still draws), or a run of markup characters.
_MARKUP = re.compile(r"(:[a-z0-9_+'-]+:)|([*_~`＊＿｀]+)")


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def literal(text: str) -> str:
    """Escaped text in which Slack's bold, italic, strike and code marks show as typed."""
    return _MARKUP.sub(lambda m: m.group(1) or f"<!date^00000000^{{_}}|{m.group(2)}>", escape(text))


def part_mrkdwn(part: Part) -> str:
    if isinstance(part, Mention):
        if USER_ID.fullmatch(part.user_id):
            return f"<@{part.user_id}>"
        return escape(f"@{part.name or part.user_id}")
    if isinstance(part, Link):
        url = escape("".join(_URL_UNSAFE.get(c, c) for c in part.url))
        return f"<{url}|{escape(part.label)}>" if part.label else f"<{url}>"
    if isinstance(part, Strong):
        return f"*{escape(part.text)}*" if part.text.strip() else escape(part.text)
    if isinstance(part, Verbatim):
        return literal(part.text)
    if isinstance(part, Quote):
        return "\n".join(f"> {literal(line)}" if line else ">"
                         for line in part.text.splitlines() or [""])
    return escape(part.text)


def mrkdwn(text: Rich) -> str:
    """A quote only works on lines of its own, so it gets a line break before and after."""
    out = ""
    after_quote = False
    for part in text:
        piece = part_mrkdwn(part)
        quote = isinstance(part, Quote)
        if out and (quote and not out.endswith("\n") or after_quote and not piece.startswith("\n")):
            out += "\n"
        out += piece
        after_quote = quote
    return out


def _size(part: Part) -> int:
    return len(part_mrkdwn(part)) + (2 if isinstance(part, Quote) else 0)


def split(text: Rich, limit: int) -> list[Rich]:
    """Pieces of `text` whose mrkdwn is at most `limit` long, cut at a line or word break
    where one is near; a quote cut in two stays a quote on both sides."""
    pieces: list[list[Part]] = []
    current: list[Part] = []
    room = limit
    todo = [p for p in text if not isinstance(p, (Plain, Strong, Quote)) or p.text]
    while todo:
        part = todo.pop(0)
        size = _size(part)
        if size <= room:
            current.append(part)
            room -= size
            continue
        atomic = isinstance(part, (Mention, Link))
        if current and (atomic or room < limit // 4):
            pieces.append(current)
            current, room = [], limit
            todo.insert(0, part)
        elif atomic:  # longer than a whole piece: shown as text instead
            todo.insert(0, Plain(str(Rich([part]))))
        else:
            head, tail = _cut(part, room)
            pieces.append([*current, head])
            current, room = [], limit
            if tail.text:
                todo.insert(0, tail)
    pieces.append(current)
    return [Rich(p) for p in pieces if p]


def _cut(part: Plain | Strong | Quote, room: int) -> tuple[Part, Part]:
    """The longest head of `part` that fits `room`, ending at a break when there is one."""
    text = part.text
    lo, hi = 1, len(text)
    while lo < hi:  # the longest prefix whose mrkdwn fits
        mid = (lo + hi + 1) // 2
        if _size(replace(part, text=text[:mid])) <= room:
            lo = mid
        else:
            hi = mid - 1
    end = lo
    for sep in ("\n", " "):
        at = text.rfind(sep, 0, end)
        if at > end // 2:
            end = at + 1
            break
    head, tail = text[:end], text[end:]
    if isinstance(part, Quote):
        head, tail = head.rstrip("\n"), tail.lstrip("\n")
    return replace(part, text=head), replace(part, text=tail)


def truncate(text: Rich, limit: int) -> str:
    """Mrkdwn of at most `limit` characters, with an ellipsis when something was cut."""
    pieces = split(text, limit - 1)
    if not pieces:
        return ""
    return mrkdwn(pieces[0]) + (ELLIPSIS if len(pieces) > 1 else "")


def clip(text: str, limit: int) -> str:
    """Plain text for a plain_text field of at most `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def to_plain(text: str, name_of: Callable[[str], str | None] = lambda user: None) -> str:
    """A Slack message's text as a person reads it: links, mentions (by `name_of` a user id,
    when the mention carries no name) and entities resolved."""
    def entity(match: re.Match) -> str:
        target, _, label = match.group(1).partition("|")
        if target[:1] == "@" and not label:
            return "@" + (name_of(target[1:]) or target[1:])
        if target[:1] in "@#":
            return (target[0] + label) if label else target
        if target.startswith("!"):
            return "@" + (label or target[1:].split("^")[0]).lstrip("@")
        return f"{label} ({target})" if label and label != target else target

    return html.unescape(_ENTITY.sub(entity, text or ""))
