"""What delivering one message came to: delivered (and where), or failed, how and why.

An adapter names the reason in the platform-neutral words below; the kind (may trying again
later help?) and the text to tell a person follow from the reason, so every platform reports
the same failure the same way.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from bot.messages import MessageRef, Outbound

TRANSIENT = "transient"  # trying again later may work: the platform was busy, down, slow
PERMANENT = "permanent"  # the same message will fail again until a person changes something

# reason → (kind, catalog key of what to tell a person, or "" when nobody can fix it)
REASONS: dict[str, tuple[str, str]] = {
    "not_in_channel": (PERMANENT, "delivery.not_in_channel"),
    "channel_not_found": (PERMANENT, "delivery.channel_not_found"),
    "missing_access": (PERMANENT, "delivery.missing_access"),
    "invalid_auth": (PERMANENT, "delivery.invalid_auth"),
    "invalid": (PERMANENT, ""),  # the platform refused the message's content
    "expired": (PERMANENT, ""),  # the interaction or trigger to answer has run out
    "no_recipient": (PERMANENT, ""),  # a message for a person in work that no person started
    "out_of_place": (PERMANENT, ""),  # this platform shows the kind only elsewhere (in an ack)
    "unsupported": (PERMANENT, ""),  # the adapter registered no sender for the kind
    "no_card": (TRANSIENT, ""),  # a thread post for a card not shown on this platform (yet)
    "rate_limited": (TRANSIENT, "delivery.busy"),
    "unavailable": (TRANSIENT, "delivery.busy"),  # connection lost, 5xx, timeout
    "unexpected": (TRANSIENT, "delivery.unexpected"),  # not recognised: logged in full
}


@dataclass(frozen=True)
class Delivered:
    ref: MessageRef | None = None  # where it landed, when the platform says and it matters


@dataclass(frozen=True)
class Failed:
    reason: str
    kind: str = PERMANENT
    tell: str = ""  # catalog key of the text that tells a person what to do about it
    detail: str = ""  # the platform's own words, for the log

    @classmethod
    def of(cls, reason: str, detail: str = "") -> "Failed":
        kind, tell = REASONS[reason]
        return cls(reason, kind, tell, detail)

    @property
    def transient(self) -> bool:
        return self.kind == TRANSIENT


Result = Union[Delivered, Failed]


class Undelivered(Exception):
    """Work that no person started (a scheduled outbox) did not get through; the job keeps
    it and tries again. `message` is the one that failed."""

    def __init__(self, platform: str, failed: Failed, message: Outbound | None = None) -> None:
        super().__init__(f"{platform}: {failed.reason} ({failed.kind}) {failed.detail}".rstrip())
        self.failed = failed
        self.message = message
