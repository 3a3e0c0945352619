"""The clock is injected everywhere so tests can travel in time instead of sleeping."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


class FixedClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = start.astimezone(timezone.utc)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        self._now += delta if delta is not None else timedelta(**kwargs)
        return self._now

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = moment.astimezone(timezone.utc)


class OffsetClock:
    """Another clock moved forward by an offset: the console's way to let time pass in a demo."""

    def __init__(self, base: Clock) -> None:
        self.base = base
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return self.base.now() + self.offset

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        self.offset += delta if delta is not None else timedelta(**kwargs)
        return self.now()

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("OffsetClock needs an aware datetime")
        self.offset += moment - self.now()
