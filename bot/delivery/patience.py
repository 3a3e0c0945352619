"""How long a message the outbox keeps may wait for the platform while a person's answer is
delivered. The outbox job posts what is still undelivered once its grace is over, so a post
still waiting then (discord.py waits out rate limits by itself, longer than the grace) would
appear twice. The wait is bounded up to the message's first write and never after it: once
part of a message is posted (a card, the first piece of a long post), the rest follows
whatever it takes, as half a message is worse than a late one."""
from __future__ import annotations

import asyncio
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Awaitable, Iterator, TypeVar

T = TypeVar("T")


@dataclass
class _Attempt:
    until: float  # the event loop's time
    wrote: bool = False


_ATTEMPT: ContextVar[_Attempt | None] = ContextVar("delivery_attempt", default=None)


@contextmanager
def first_write_until(until: float | None) -> Iterator[None]:
    """The platform calls of the message delivered in this block: bounded by `until` (the
    event loop's time) until the first write is made; None: not bounded."""
    token = _ATTEMPT.set(None if until is None else _Attempt(until))
    try:
        yield
    finally:
        _ATTEMPT.reset(token)


async def call(awaitable: Awaitable[T], *, writes: bool = True) -> T:
    """One call to the platform for the message being delivered; raises TimeoutError (nothing
    written) when it would end past the bound. `writes`: it posts or changes something."""
    attempt = _ATTEMPT.get()
    if attempt is None or attempt.wrote:
        return await awaitable
    result = await asyncio.wait_for(awaitable, max(attempt.until - asyncio.get_running_loop().time(), 0))
    attempt.wrote = writes  # not yet written, or this would not be bounded
    return result
