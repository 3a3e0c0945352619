"""Schema migrations with Alembic, run by `review-desk db upgrade` and on every start.

Most starts find the schema current: the version is read first and Alembic is not even
imported then. Otherwise the migrations run in one transaction that first takes a PostgreSQL
advisory lock, so processes starting at once on an empty database take turns: the first
migrates, the others find the schema current when their turn comes. On SQLite the write
transaction (BEGIN IMMEDIATE) already lets one process in at a time.

A database that does not answer at start is tried again until it does, with one line a
minute in the log saying which database and why, instead of a traceback.
"""
from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from storage.engine import make_engine, normalise_url

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

HERE = Path(__file__).parent / "migrations"
# Any fixed 64-bit number, the same in every process of this product: "review-d".
LOCK_KEY = int.from_bytes(b"review-d", "big")
FIRST_RETRY = 1.0  # seconds; doubled after each failed try, up to LAST_RETRY
LAST_RETRY = 60.0
SAY_EVERY = 60.0
_REVISION = re.compile(r'^(down_revision|revision)\s*=\s*["\']?(\w+)["\']?', re.M)


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest migration, read from the files' `revision`/`down_revision` lines (what
    Alembic reads, without importing Alembic and every migration)."""
    revisions, parents = set(), set()
    for path in (HERE / "versions").glob("*.py"):
        found = dict(_REVISION.findall(path.read_text()))
        if "revision" in found:
            revisions.add(found["revision"])
            parents.add(found.get("down_revision"))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have one head, not {sorted(heads)}")
    return heads.pop()


def current_revision(conn: Connection) -> str | None:
    """The schema's version; None for an empty database."""
    try:
        with conn.begin():
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:  # no such table yet
        return None


def upgrade(url: str, revision: str = "head", *, sleep: Callable[[float], None] = time.sleep,
            clock: Callable[[], float] = time.monotonic) -> None:
    """Bring the schema to `revision`; waits for a database that does not answer yet."""
    engine = make_engine(url)
    try:
        with connect_when_up(engine, sleep=sleep, clock=clock) as conn:
            if revision == "head" and current_revision(conn) == head_revision():
                return
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
                _run_alembic(url, conn, revision)
    finally:
        engine.dispose()


def _run_alembic(url: str, conn: Connection, revision: str) -> None:
    """Alembic reads the version again inside our transaction (under the lock) and runs in it."""
    from alembic import command

    config = alembic_config(url)
    config.attributes["connection"] = conn
    command.upgrade(config, revision)


def connect_when_up(engine: Engine, *, sleep: Callable[[float], None] = time.sleep,
                    clock: Callable[[], float] = time.monotonic) -> Connection:
    """A connection, once the database answers: tried again with growing pauses, saying
    so in one line when it starts and then once a minute."""
    wait, said = FIRST_RETRY, None
    while True:
        try:
            return engine.connect()
        except OperationalError as err:
            now = clock()
            if said is None or now - said >= SAY_EVERY:
                log.warning("cannot reach the database at %s (%s); trying again until it "
                            "answers", where(engine), reason(err))
                said = now
            sleep(wait)
            wait = min(wait * 2, LAST_RETRY)


def where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def reason(err: DBAPIError) -> str:
    """The driver's first line (psycopg adds a hint on the next)."""
    lines = [line.strip() for line in str(err.orig).splitlines() if line.strip()]
    return lines[0] if lines else type(err.orig).__name__
