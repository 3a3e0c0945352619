"""The inbox in the database (`bot.inbox.Inbox`), for adapters that never see storage."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Callable

from bot.clock import Clock
from bot.inbox import Delivery
from storage import inbox
from storage.uow import Database

LEASE = timedelta(seconds=30)  # a worker that died: its delivery is taken again after this
KEEP = timedelta(days=2)  # a finished delivery's receipt: Slack retries within minutes
PURGE_EVERY = timedelta(hours=1)


class DbInbox:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock
        # SQLite has one writer: more workers only queue for it, ahead of the acknowledgements'
        # own inserts. PostgreSQL locks rows, so workers (and processes) share the work.
        sqlite = db.engine.dialect.name == "sqlite"
        self.workers = 1 if sqlite else 4
        # Web and worker processes apart: PostgreSQL tells a worker of a delivery at once;
        # SQLite cannot, and its one writer gains nothing from another process.
        self.shared = not sqlite
        self.purged_at: datetime | None = None

    def put(self, platform: str, receipt: str, kind: str, body: str, *,
            held: bool = False) -> int | None:
        now = self.clock.now()
        with self.db.unit(urgent=True) as session:  # the platform waits for its answer
            return inbox.put(session, platform=platform, receipt=receipt[:200], kind=kind,
                             body=body, now=now, lease_until=now + LEASE if held else None)

    def take(self, platform: str, limit: int) -> list[Delivery]:
        now = self.clock.now()
        with self.db.unit() as session:
            return [Delivery(row.id, row.kind, row.body, row.attempts)
                    for row in inbox.take(session, platform=platform, now=now,
                                          lease_until=now + LEASE, limit=limit)]

    def finish(self, delivery_ids: list[int]) -> None:
        with self.db.unit() as session:
            inbox.finish(session, ids=delivery_ids, now=self.clock.now())

    def listen(self, wake: Callable[[], None], stopped: threading.Event) -> None:
        inbox.listen(self.db.engine, wake, stopped)

    def release(self, delivery_id: int) -> None:
        with self.db.unit() as session:
            inbox.release(session, item_id=delivery_id)

    def purge(self) -> list:
        """A scheduler job: once an hour, forget what was finished more than KEEP ago."""
        now = self.clock.now()
        if self.purged_at is None or now - self.purged_at >= PURGE_EVERY:
            self.purged_at = now
            with self.db.unit() as session:
                inbox.purge(session, done_before=now - KEEP)
        return []
