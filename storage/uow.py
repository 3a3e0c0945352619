"""A unit of work per event: one transaction, committed at the end, rolled back on any error.

SQLite has one writer, and every transaction that may write begins IMMEDIATE
(storage/engine.py). Waiting for it in SQLite's busy handler means sleeping and trying again,
up to 100 ms a try, so under load a short INSERT waited most of a second behind the workers.
This process's units of work queue at a gate of their own instead, and take the writer the
moment it is free; an urgent one (storing what a platform delivered, before its
acknowledgement) goes first.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager, nullcontext
from typing import ContextManager, Iterator

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from storage.engine import READ_ONLY
from storage.errors import Conflict, DatabaseUnavailable


class WriterGate:
    """One unit of work at a time in this process, urgent ones first; re-entrant, so a unit
    opened inside another on the same thread does not wait for itself."""

    def __init__(self) -> None:
        self._turn = threading.Condition()
        self._owner: int | None = None
        self._depth = 0
        self._urgent = 0  # urgent units waiting
        self.waiting = 0  # all units waiting

    @contextmanager
    def held(self, urgent: bool = False) -> Iterator[None]:
        me = threading.get_ident()
        with self._turn:
            if self._owner == me:
                self._depth += 1
            else:
                self._urgent += urgent
                self.waiting += 1
                try:
                    while self._owner is not None or (self._urgent and not urgent):
                        self._turn.wait()
                finally:
                    self._urgent -= urgent
                    self.waiting -= 1
                self._owner, self._depth = me, 1
        try:
            yield
        finally:
            with self._turn:
                self._depth -= 1
                if not self._depth:
                    self._owner = None
                    self._turn.notify_all()


class Database:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.gate = WriterGate() if engine.dialect.name == "sqlite" else None
        self.reader = engine.execution_options(**{READ_ONLY: True})

    @contextmanager
    def unit(self, *, urgent: bool = False, read: bool = False) -> Iterator[Session]:
        """`urgent`: ahead of the other units waiting in this process (SQLite only). `read`: a
        unit that only reads, so on SQLite it neither waits at the gate nor takes the writer
        (WAL: it reads the last commit while a writer works)."""
        gate: ContextManager = self.gate.held(urgent) if self.gate and not read else nullcontext()
        try:
            with gate, Session(self.reader if read else self.engine,
                               expire_on_commit=False) as session:
                try:
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise
        except StaleDataError as err:
            raise Conflict(str(err)) from err
        except OperationalError as err:
            if _is_serialization_failure(err):
                raise Conflict(str(err)) from err
            raise DatabaseUnavailable(str(err.orig)) from err
        except DBAPIError as err:
            if err.connection_invalidated:
                raise DatabaseUnavailable(str(err.orig)) from err
            raise

    def dispose(self) -> None:
        self.engine.dispose()


def _is_serialization_failure(err: OperationalError) -> bool:
    return getattr(err.orig, "sqlstate", None) in {"40001", "40P01"}
