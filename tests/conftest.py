"""Shared fixtures: databases (SQLite always, PostgreSQL when reachable), a fixed clock, the app."""
from __future__ import annotations

import logging
import os
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.clock import FixedClock
from bot.i18n import Catalogs, MissingText

PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REQUIRE_PG = os.environ.get("REVIEW_DESK_REQUIRE_POSTGRES") == "1"
AMS = ZoneInfo("Europe/Amsterdam")


def postgres_reachable() -> str | None:
    """None when PostgreSQL answers, else why not."""
    import psycopg

    try:
        psycopg.connect(PG_URL, connect_timeout=3).close()
        return None
    except Exception as err:  # any failure means: not here
        return str(err).strip().splitlines()[0]


@pytest.fixture(scope="session")
def _pg_problem() -> str | None:
    return postgres_reachable()


@pytest.fixture
def postgres_url(_pg_problem):
    """A fresh schema in the test database, dropped afterwards."""
    if _pg_problem:
        message = f"PostgreSQL not reachable at {PG_URL}: {_pg_problem}"
        if REQUIRE_PG:
            pytest.fail(message + " (REVIEW_DESK_REQUIRE_POSTGRES=1)")
        pytest.skip(message)
    import psycopg

    schema = f"rd_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def own_postgres(postgres_url):
    """An empty database of its own, for tests with several processes; dropped afterwards."""
    import psycopg

    name = f"rd_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield PG_URL.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'review_desk.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request):
    """Every test that takes this runs on SQLite and on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def clock():
    """Monday 23 November 2026, 10:00 in Amsterdam: inside working hours."""
    return FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=AMS))


def built_app(url: str, clock, **settings):
    """The app on this database, disposed of afterwards (a generator for fixtures)."""
    from app.main import build
    from bot.settings import Settings

    built = build(Settings(database_url=url, **settings), clock=clock)
    yield built
    built.desk.db.dispose()


@pytest.fixture
def app(sqlite_url, clock):
    yield from built_app(sqlite_url, clock)


@pytest.fixture
def app_on_each_database(database_url, clock):
    """The app on SQLite and on PostgreSQL, delivering scheduled work for the test channel."""
    yield from built_app(database_url, clock, adapter="test")


@pytest.fixture
def channel(app):
    from tests.harness import TestChannel

    return TestChannel(app)


class MissingTexts(logging.Handler):
    """Keys of missing texts whose error was caught and logged (by the router, a job)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.keys: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and isinstance(record.exc_info[1], MissingText):
            self.keys.append(str(record.exc_info[1]))


@pytest.fixture(autouse=True)
def no_missing_texts():
    """A text the code asks for and no catalog has fails the test, instead of showing its key,
    even where the router or the scheduler catches the error and only logs it."""
    Catalogs.strict = True
    caught = MissingTexts()
    logging.getLogger().addHandler(caught)
    yield
    logging.getLogger().removeHandler(caught)
    assert not caught.keys, f"texts missing from the catalogs: {caught.keys}"
