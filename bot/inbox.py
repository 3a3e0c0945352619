"""Acknowledged work is stored before the acknowledgement and worked from the store.

An adapter `put`s what the platform delivered (one statement) and only then acknowledges
it; `Workers` take the stored deliveries with a lease and hand each to the adapter, which
turns it into events for the router. A delivery is finished in the same transaction as the
work it asked for (`Event.receipt`), so a process that stops or dies mid-way leaves it for
the next one, and a delivery worked twice changes nothing the second time.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable, Protocol

log = logging.getLogger(__name__)

POLL = 5.0  # seconds between looks for work left behind by a process that died
BATCH = 10  # deliveries a worker takes at once: one transaction to take them, one to finish
MAX_ATTEMPTS = 5  # a delivery that failed this often is logged and set aside


@dataclass(frozen=True)
class Delivery:
    id: int
    kind: str
    body: str
    attempts: int


class Inbox(Protocol):
    workers: int  # how many workers the store serves well (one writer at a time on SQLite)
    shared: bool  # whether workers in other processes learn of a delivery at once (`listen`)

    def put(self, platform: str, receipt: str, kind: str, body: str, *,
            held: bool = False) -> int | None:
        """Store it; None when this receipt was stored before (a retry or re-delivery).
        `held`: the caller works it itself at once, so workers leave it alone for a lease (and
        take it when the caller died first); the caller then finishes or releases it."""

    def take(self, platform: str, limit: int) -> list[Delivery]:
        """Deliveries to work on, now this worker's for a while."""

    def finish(self, delivery_ids: list[int]) -> None:
        """Done (those the work itself did not say so of already)."""

    def release(self, delivery_id: int) -> None:
        """Not done: another try later."""

    def listen(self, wake: Callable[[], None], stopped: threading.Event) -> None:
        """Call `wake` whenever any process stored a delivery, until `stopped` (when `shared`)."""


class Workers:
    """Threads that work off a platform's inbox: woken at once by a new delivery, and every
    POLL seconds for work left behind. `stop` lets each finish what it holds."""

    def __init__(self, inbox: Inbox, platform: str, work: Callable[[Delivery], None], *,
                 threads: int = 4, poll: float = POLL, listen: bool = False) -> None:
        """`threads` 0: this process only stores (its workers run elsewhere); `listen`: woken
        by what any process stores (PostgreSQL), so a delivery a web process stored is taken at
        once (a worker process; one that also serves is woken by what it stores itself)."""
        self.inbox, self.platform, self.work = inbox, platform, work
        self.count, self.poll, self.listening = threads, poll, listen
        self.wakeup = threading.Condition()
        self.pending_wakeups = 0
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []
        self.listener: threading.Thread | None = None

    def start(self) -> None:
        """Start the threads (once); the first thing they do is look for work left behind."""
        if self.threads:
            return
        for n in range(self.count):
            thread = threading.Thread(target=self._loop, name=f"inbox-{self.platform}-{n}",
                                      daemon=True)
            thread.start()
            self.threads.append(thread)
        if self.count and self.listening:
            self.listener = threading.Thread(target=self.inbox.listen, args=(self.wake, self.stopping),
                                             name=f"inbox-{self.platform}-listen", daemon=True)
            self.listener.start()

    def wake(self) -> None:
        """Something was stored: a worker of this process takes it now, if it has any."""
        if not self.count:
            return
        self.start()
        with self.wakeup:
            self.pending_wakeups += 1
            self.wakeup.notify()

    def stop(self, timeout: float = 20.0) -> None:
        """No new work is taken; what a worker holds is finished, within `timeout` seconds
        (what is not stays in the inbox for the next start)."""
        self.stopping.set()
        with self.wakeup:
            self.wakeup.notify_all()
        for thread in self.threads:
            thread.join(timeout / max(1, len(self.threads)))
        if self.listener is not None:
            self.listener.join(timeout=2.0)  # it looks whether to stop every second

    def _loop(self) -> None:
        while not self.stopping.is_set():
            try:
                taken = self.inbox.take(self.platform, BATCH)
            except Exception:
                log.exception("cannot read the %s inbox; trying again", self.platform)
                taken = []
            if not taken:
                with self.wakeup:
                    if not self.pending_wakeups and not self.stopping.is_set():
                        self.wakeup.wait(self.poll)
                    self.pending_wakeups = max(0, self.pending_wakeups - 1)
                continue
            self._work(taken)

    def _work(self, taken: list[Delivery]) -> None:
        """Work a batch in order and finish what was worked in one go; on a stop, what was
        not started is handed back for the next process at once."""
        done: list[int] = []
        for n, delivery in enumerate(taken):
            if self.stopping.is_set():
                for rest in taken[n:]:
                    self.inbox.release(rest.id)
                break
            try:
                self.work(delivery)
                done.append(delivery.id)
            except Exception:
                if delivery.attempts >= MAX_ATTEMPTS:
                    log.exception("%s delivery %s failed %d times; set aside", self.platform,
                                  delivery.id, delivery.attempts)
                    done.append(delivery.id)
                else:
                    log.exception("%s delivery %s failed; it will be tried again",
                                  self.platform, delivery.id)
                    self.inbox.release(delivery.id)
        if done:
            self.inbox.finish(done)
