"""The scheduler loop: every interval, ask for what became due and hand it to the adapter.

Jobs decide what is due from the database and the injected clock, so a tick after hours of
downtime sends what became due once; the loop itself keeps no state worth losing.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable, Iterable

from bot.delivery.results import Undelivered
from bot.messages import Outbox

log = logging.getLogger(__name__)

Jobs = Callable[[], Iterable[Outbox]]  # taken one by one, each delivered before the next
Send = Callable[[Outbox], None]


class Scheduler:
    def __init__(self, jobs: Iterable[Jobs], send: Send, interval: float) -> None:
        self.jobs = list(jobs)
        self.send = send
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def tick(self) -> int:
        """Run every job once; returns how many outboxes were handed over."""
        sent = 0
        for job in self.jobs:
            try:
                for outbox in job():
                    try:
                        self.send(outbox)
                        if outbox.delivered:
                            outbox.delivered()
                        sent += 1
                    except Undelivered as err:  # the job kept the work: it tries again
                        log.warning("scheduled messages to %s/%s wait: %s",
                                    outbox.platform, outbox.workspace, err)
                        if outbox.undelivered:
                            outbox.undelivered(err.message, err.failed)
                    except Exception:
                        log.exception("delivering scheduled messages to %s/%s failed",
                                      outbox.platform, outbox.workspace)
            except Exception:
                log.exception("scheduled job %s failed", getattr(job, "__name__", job))
        return sent

    def start(self) -> None:
        """Tick on a daemon thread until `stop()`."""
        def loop() -> None:
            while not self._stop.wait(self.interval):
                self.tick()

        self._thread = threading.Thread(target=loop, name="review-desk-scheduler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=self.interval + 5)
