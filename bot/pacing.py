"""Pacing of bot-initiated posts: at most one post per interval into a channel.

`Slots` hands out the moments; an adapter waits until its slot. The composition root gives
adapters slots shared by every process (in the database); `LocalSlots` paces one process on
its own (the console, tests).
"""
from __future__ import annotations

import threading
import time
from typing import Callable, Protocol


class Slots(Protocol):
    def reserve(self, key: str, seconds: float) -> float:
        """Take the next slot for `key`, `seconds` after the one before: the seconds to wait."""


class LocalSlots:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def reserve(self, key: str, seconds: float) -> float:
        with self._lock:
            now = self.clock()
            at = max(now, self._next.get(key, now))
            self._next[key] = at + seconds
        return at - now
