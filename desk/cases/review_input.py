"""Checks and keys for a forwarded review, with no I/O.

The keys decide what counts as "the same review": the same link (ignoring tracking
parameters, `www.` and a trailing slash), or the same text from the same source (ignoring
case and spacing).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bot.links import is_web_link as web_link

MAX_TEXT = 10_000
MAX_NAME = 200
MAX_LINK = 2_000
SOURCES = ("google", "trustpilot", "kiyoh", "facebook", "tripadvisor", "blog", "forum", "other")
_SOURCE_DOMAINS = {
    "google": ("g.page", "goo.gl", "g.co"),
    "facebook": ("fb.com", "fb.me"),
    "kiyoh": ("klantenvertellen.nl",),
}
_URL = re.compile(r"https?://[^\s<>|\"']+", re.IGNORECASE)
_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_)")


@dataclass(frozen=True)
class ReviewInput:
    text: str
    source: str = "other"
    link: str | None = None
    customer: str | None = None
    stars: int | None = None
    origin: str | None = None


class InvalidReview(Exception):
    """Per-field problems: field name → (catalog key, values)."""

    def __init__(self, problems: dict[str, tuple[str, dict]]) -> None:
        super().__init__(", ".join(problems))
        self.problems = problems


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters that draw nothing although they are not "format" characters.
_BLANK_LOOKING = "\u115f\u1160\u2800\u3164\uffa0"
_JOINER = "\u200d"  # joins emoji into one (a family, a profession): kept
# Only mentions (@everyone, @here, @name) and what separates them: nobody's review.
_ONLY_MENTIONS = re.compile(r"(?:@[\w.\-]+[\s,.;:!?]*)+")


def _visible(c: str) -> bool:
    """A letter, a digit, or a symbol such as an emoji or a star: something a customer wrote."""
    return c not in _BLANK_LOOKING and (c.isalnum() or unicodedata.category(c).startswith("S"))


def clean_text(text: str | None) -> str:
    """Normalised text without control and format characters (zero-width spaces, and the
    direction overrides that could make a name reverse the rest of a line); text that only
    looks blank is empty. Emoji alone are text: "😡😡😡" is a review."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in _CONTROL.sub("", text)
                   if c == _JOINER or unicodedata.category(c) != "Cf")
    return text.strip() if any(_visible(c) for c in text) else ""


def parse_review(*, text: str | None, source: str | None = None, link: str | None = None,
                 customer: str | None = None, stars: str | int | None = None,
                 origin: str | None = None) -> ReviewInput:
    """Validate every field at once, so a form can show all its problems together."""
    problems: dict[str, tuple[str, dict]] = {}
    body = clean_text(text)
    if not body:
        problems["text"] = ("forward.error.empty", {})
    elif _ONLY_MENTIONS.fullmatch(body):
        problems["text"] = ("forward.error.only_mentions", {})
    elif len(body) > MAX_TEXT:
        problems["text"] = ("forward.error.too_long", {"limit": MAX_TEXT, "length": len(body)})

    link = (link or "").strip() or None
    if link is not None and not is_web_link(link):
        problems["link"] = ("forward.error.link", {})

    rating: int | None = None
    if stars not in (None, ""):
        try:
            rating = int(str(stars).strip())
        except ValueError:
            rating = 0
        if not 1 <= rating <= 5:
            problems["stars"] = ("forward.error.stars", {})

    name = clean_text(customer) or None
    if name and len(name) > MAX_NAME:
        problems["customer"] = ("forward.error.customer", {"limit": MAX_NAME})

    src = (source or "").strip().lower() or guess_source(link)
    if src not in SOURCES:
        problems["source"] = ("forward.error.source", {})
    if problems:
        raise InvalidReview(problems)
    return ReviewInput(text=body, source=src, link=link, customer=name, stars=rating,
                       origin=origin)


def is_web_link(link: str) -> bool:
    return len(link) <= MAX_LINK and web_link(link)


def first_link(text: str) -> str | None:
    match = _URL.search(text or "")
    return match.group(0).rstrip(".,;:!?)") if match else None


def guess_source(link: str | None) -> str:
    """The review site a link points at, by a host label (google.nl) or a short domain."""
    host = (urlsplit(link).hostname or "").lower() if link and is_web_link(link) else ""
    labels = host.split(".")
    for source in SOURCES:
        if source in labels[:-1] or any(host == d or host.endswith("." + d)
                                         for d in _SOURCE_DOMAINS.get(source, ())):
            return source
    return "other"


def domain(link: str) -> str:
    """Where a link really goes (its host without `www.`), to show beside or instead of it."""
    host = (urlsplit(link).hostname or "") if is_web_link(link) else ""
    return host.lower().removeprefix("www.") or link


def link_key(link: str | None) -> str | None:
    if not link:
        return None
    parts = urlsplit(link.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/")
    return urlunsplit(("https", host, path, query, ""))[:MAX_LINK]


def content_key(text: str) -> str:
    """The same words, whatever the case, spacing or site someone picked: one review. The site
    is a guess (`/review <text>` cannot know it), so it is no part of the key."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(folded.encode()).hexdigest()
