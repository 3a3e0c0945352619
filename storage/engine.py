"""The engine: an SQLite file by default, PostgreSQL when the URL says so.

SQLite allows one writer at a time. A transaction that reads and then writes under a
deferred BEGIN fails with "database is locked" when another process wrote in between, so
every transaction starts with BEGIN IMMEDIATE and waits (busy timeout) for its turn instead;
one that only reads (the READ_ONLY execution option) begins deferred and never waits.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import create_engine

BUSY_TIMEOUT_MS = 15_000
# PostgreSQL connections kept open per process: one for each thread that may hold one at once
# (the HTTP server's 8, the inbox's 4 workers, the scheduler). SQLAlchemy's default
# keeps 5 and closes the rest after each use, so under load every unit of work beyond the fifth
# opened a new connection (a server process each) and the acknowledgements waited for it.
# At most POOL_SIZE + POOL_OVERFLOW per process (15 before), and a worker's one listening
# connection besides: five processes stay within the 97 of PostgreSQL's default 100 connections
# that are not reserved for superusers.
POOL_SIZE, POOL_OVERFLOW = 12, 4


def normalise_url(url: str) -> str:
    """Let `postgres://` and `postgresql://` URLs use psycopg 3, the driver we install."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


READ_ONLY = "review_desk_read_only"  # an execution option: a transaction that only reads


def make_engine(url: str, **kwargs) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True,
                             **{"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW, **kwargs})
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False,
                                              "timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY)
                             else "BEGIN IMMEDIATE")

    return engine
