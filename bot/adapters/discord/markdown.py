"""Rich text as Discord markdown, within Discord's limits.

Review text is untrusted: plain parts are escaped so they neither format nor ping, and only
`Mention` parts become real mentions; `allowed` then lets exactly those people be notified
(`@everyone`, `@here`, roles and anyone else named in a review ping nobody).
"""
from __future__ import annotations

import discord

from bot.text import ROLE, Link, Mention, Part, Quote, Rich, Strong

MESSAGE_LIMIT = 2_000
LINK_LIMIT = 512  # longer links are shown as text: embed fields hold 1,024 characters


def inert(text: str) -> str:
    """Untrusted text that shows as written: no markdown, no mentions, no `<...>` syntax."""
    escaped = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return escaped.replace("<", "\\<")


def _url(url: str) -> str:
    for char, code in (("<", "%3C"), (">", "%3E"), ("(", "%28"), (")", "%29"), (" ", "%20")):
        url = url.replace(char, code)
    return url


def _part(part: Part) -> str:
    if isinstance(part, Mention):
        if part.user_id.isdigit():
            return f"<@{part.user_id}>"
        if _role(part.user_id):
            return f"<@&{_role(part.user_id)}>"
        return inert(f"@{part.name or part.user_id}")
    if isinstance(part, Strong):
        return f"**{inert(part.text)}**" if part.text.strip() else inert(part.text)
    if isinstance(part, Link):
        if len(part.url) > LINK_LIMIT:  # an embed field would cut the markup in two
            return inert(part.label or part.url[:LINK_LIMIT] + "…")
        return f"[{inert(part.label)}](<{_url(part.url)}>)" if part.label else f"<{_url(part.url)}>"
    if isinstance(part, Quote):
        return "\n".join(f"> {inert(line)}" for line in part.text.splitlines() or [""])
    return inert(part.text)


def render(text: Rich) -> str:
    return "".join(_part(p) for p in text)


def allowed(*texts: Rich) -> discord.AllowedMentions:
    """Only the people (and roles) these texts mention by `Mention` may be notified."""
    mentioned = [u for text in texts for u in text.mentions()]
    users = dict.fromkeys(int(u) for u in mentioned if u.isdigit())
    roles = dict.fromkeys(int(_role(u)) for u in mentioned if _role(u))
    return discord.AllowedMentions(everyone=False, replied_user=False,
                                   roles=[discord.Object(i) for i in roles] or False,
                                   users=[discord.Object(i) for i in users])


def _role(user_id: str) -> str:
    """The role id of a "role:<id>" mention, else ""."""
    number = user_id.removeprefix(ROLE)
    return number if user_id.startswith(ROLE) and number.isdigit() else ""


def clip(text: str, limit: int, more: str = "…") -> str:
    """`text` cut to `limit` characters with `more` at the end, never inside an escape."""
    if len(text) <= limit:
        return text
    cut = max(0, limit - len(more))
    while cut and text[cut - 1] == "\\":
        cut -= 1
    return text[:cut].rstrip() + more


def split(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Messages of at most `limit` characters, cut at a line break in the second half or else
    at a space where possible; a quoted line cut in two stays quoted."""
    chunks: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", limit // 2, limit)
        if cut <= 0:
            cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        while cut > 1 and text[cut - 1] == "\\":
            cut -= 1
        head, rest = text[:cut], text[cut:]
        if rest.startswith("\n"):
            rest = rest[1:]
        elif head.rsplit("\n", 1)[-1].startswith("> "):
            rest = "> " + rest.lstrip(" ")
        chunks.append(head)
        text = rest
    chunks.append(text)
    return [c for c in chunks if c.strip()]
