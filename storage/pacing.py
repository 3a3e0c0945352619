"""Pacing shared by every process: the next moment a post may go to each channel, in the
database.

Taking a slot is one statement: insert the channel's row, or move its next moment on by
one interval from whichever is later, that moment or now; it returns how long to wait.
Concurrent takers queue on the row, so each gets its own slot, however many processes (on
however many machines) post into one channel. Time is the database's clock, so the
machines' clocks need not agree.
"""
from __future__ import annotations

from sqlalchemy import text

from storage.uow import Database

_NOW = {"postgresql": "extract(epoch from now())::float8",
        "sqlite": "((julianday('now') - 2440587.5) * 86400.0)"}
_LATER = {"postgresql": "greatest", "sqlite": "max"}
_TAKE = """
INSERT INTO pace (key, next_at) VALUES (:key, {now} + :seconds)
ON CONFLICT (key) DO UPDATE SET next_at = {later}(pace.next_at, {now}) + :seconds
RETURNING next_at - :seconds - {now}
"""


class DbSlots:
    def __init__(self, db: Database) -> None:
        self.db = db
        dialect = db.engine.dialect.name
        self._take = text(_TAKE.format(now=_NOW[dialect], later=_LATER[dialect]))

    def reserve(self, key: str, seconds: float) -> float:
        """Take the next slot for `key`, `seconds` after the one before: the seconds to wait."""
        with self.db.unit() as session:
            return max(0.0, session.execute(self._take, {"key": key, "seconds": seconds})
                       .scalar_one())
