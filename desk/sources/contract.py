"""What the desk needs of a connected review site, in neutral words: the reviews that are new
or changed since a cursor, and posting a public reply. Each site's client (app/sites/)
implements `ReviewSite`; the desk never sees HTTP, tokens or a site's own field names.

A sync hands back the cursor to start from next time, so a failure half-way loses nothing:
the next sync starts again from the last cursor that was stored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable, Literal, Mapping, Protocol, Sequence, runtime_checkable

# Why a site said no, in the words the desk tells a person (catalog keys `site.error.<kind>`).
ErrorKind = Literal[
    "auth",          # token expired or revoked, wrong key: the lead must reconnect
    "forbidden",     # connected, but this account may not do this (location not verified...)
    "quota",         # the site's rate limit or daily quota: try again later
    "unavailable",   # 5xx, time-out, connection error: try again later
    "not_found",     # the review (or location) is gone on the site
    "too_long",      # the reply is longer than the site accepts
    "refused",       # the site's own rules refused the reply's content
]
TRANSIENT_KINDS = frozenset({"quota", "unavailable"})


class SiteError(Exception):
    """A site refused or failed; `detail` is the site's own words, for the log only."""

    def __init__(self, kind: ErrorKind, detail: str = "", *,
                 retry_after: float | None = None) -> None:
        super().__init__(f"{kind}: {detail}".rstrip(": "))
        self.kind, self.detail, self.retry_after = kind, detail, retry_after

    @property
    def transient(self) -> bool:
        return self.kind in TRANSIENT_KINDS


@dataclass(frozen=True)
class SiteReview:
    """One review as the site shows it now. `deleted` when the site reports it removed."""

    external_id: str
    text: str
    stars: int | None = None
    customer: str | None = None
    link: str | None = None
    language: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted: bool = False
    reply: str | None = None  # the public reply already on the site, if any

    def delivered(self, source: str) -> dict[str, Any]:
        """The generic intake JSON (desk.intake.payload.FIELDS) for this review; a removed one
        says `"deleted": true` (desk.intake.receive.take_deleted)."""
        if self.deleted:
            return {"source": source, "external_id": self.external_id, "deleted": True}
        return {"source": source, "external_id": self.external_id, "link": self.link,
                "customer": self.customer, "stars": self.stars, "text": self.text,
                "language": self.language,
                "created_at": self.created_at.isoformat() if self.created_at else None,
                "updated_at": self.updated_at.isoformat() if self.updated_at else None}


@dataclass(frozen=True)
class Page:
    """What one sync found, oldest first, and the cursor the next sync starts from.

    `done`, when set, is called once the reviews and the cursor are stored: it tells the site
    they were taken (acknowledges the notifications they came from), so a crash before it
    has them delivered again. `again` asks for the next sync sooner than the usual cadence
    (a notification queue is cheap to ask often)."""

    reviews: Sequence[SiteReview]
    cursor: str | None
    done: Callable[[], None] | None = None
    again: timedelta | None = None


@dataclass(frozen=True)
class PostedReply:
    """Where the public reply now stands on the site; `private` when the team chose to send
    it to the reviewer only (no public reply on the site)."""

    at: datetime
    link: str | None = None
    private: bool = False


@runtime_checkable
class ReviewSite(Protocol):
    source: str  # the review's source as cases store it: "google", "trustpilot", "kiyoh"

    def sync(self, cursor: str | None) -> Page:
        """Reviews new or changed since `cursor` (None: the first sync), all pages; raises
        SiteError."""

    def reply(self, external_id: str, text: str) -> PostedReply:
        """Post (or replace) the public reply to one review; raises SiteError."""


@dataclass(frozen=True)
class Field:
    """One setting a connection asks for (`review-desk connect <site>`)."""

    name: str
    secret: bool = False  # stored encrypted, never printed or logged
    required: bool = True
    consent: bool = False  # not asked: filled by the site's consent flow, extra["authorize"]
    choices: Sequence[str] = ()  # the values it may take, the first the default


@dataclass(frozen=True)
class SiteKind:
    """A site the team can connect: the settings it asks for and how to build its client.
    `build(settings, http)`: `settings` are the stored values (decrypted; an optional
    `api_url` points the client at another base address, as tests do with a loopback fake),
    `http` the process's shared `httpx.Client`."""

    source: str
    fields: Sequence[Field]
    build: Any  # Callable[[Mapping[str, str], Any], ReviewSite]
    extra: Mapping[str, Any] = field(default_factory=dict)
