"""The protocol every platform implements: start, stop, one sender per kind of outbound
message, and what a platform error means in the neutral words of `results.REASONS`.

A sender takes the message and the answer it belongs to (`to`: whatever the adapter needs to
answer the person who acted, such as a Slack trigger id or a Discord interaction; None for
work that no person started) and returns where the message landed (a `MessageRef`, or None
when that does not matter), or a `Failed` for a failure it recognised itself. It may be a
coroutine function on an asynchronous platform. It raises what the platform raised; the
adapter's `failure` says what that was.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Mapping, Protocol, Union, get_args, runtime_checkable

from bot.delivery.results import Failed
from bot.messages import Form, FormErrors, Home, MessageRef, Notice, Outbound

KINDS: tuple[type, ...] = get_args(Outbound)  # every kind of message the core can send
PERSONAL: tuple[type, ...] = (Notice, Form, FormErrors, Home)  # only for the person who acted

Sent = Union[MessageRef, Failed, None]
Sender = Callable[[Any, Any], Union[Sent, Awaitable[Sent]]]
SendTable = Mapping[type, Sender]


@runtime_checkable
class Delivers(Protocol):
    """What the dispatcher needs of a platform: its name, its senders, its errors."""

    platform: str  # the name in Outbox.platform, Place.platform and the message refs

    def senders(self) -> SendTable:
        """One sender per kind in KINDS (tests/test_adapter_contract.py checks it)."""

    def failure(self, error: Exception) -> Failed | None:
        """What a platform error means (`Failed.of(reason)`); None when it is not a known one,
        which the dispatcher logs in full as unexpected."""


@runtime_checkable
class Adapter(Delivers, Protocol):
    """A chat platform. Adding one (Teams, Mattermost) means implementing this, nothing more."""

    def start(self) -> None:
        """Connect and serve until `stop()` is called (from another thread or a signal)."""

    def stop(self) -> None:
        """Stop serving; what is under way may finish."""


def unhandled(table: SendTable) -> list[str]:
    """The kinds of message a send table has no sender for."""
    return [kind.__name__ for kind in KINDS if kind not in table]
