"""A unit of work per event: one transaction, committed at the end, rolled back on any error."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from storage.errors import Conflict, DatabaseUnavailable


class Database:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def unit(self) -> Iterator[Session]:
        try:
            with Session(self.engine, expire_on_commit=False) as session:
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
