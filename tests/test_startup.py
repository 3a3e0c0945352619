"""Start-up: processes starting at once on an empty PostgreSQL all come up on one schema; a
current schema is not migrated again; a database that does not answer yet is waited for, with
one line a minute."""
import logging
import os
import socket
import subprocess
import sys
import threading
from contextlib import closing

from sqlalchemy import text

from storage import migrate
from storage.engine import make_engine
from storage.migrate import head_revision, upgrade

PROCESSES = 4


def review_desk(*args: str, url: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.Popen([sys.executable, "-c", "from app.cli import main; main()", *args,
                             "--env-file", os.devnull], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def versions(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    finally:
        engine.dispose()


def test_four_processes_start_at_once_on_an_own_postgres(own_postgres):
    started = [review_desk("db", "upgrade", url=own_postgres) for _ in range(PROCESSES)]
    results = [(p.wait(timeout=120), *p.communicate()) for p in started]
    assert [(rc, out.strip()) for rc, out, _ in results] == \
        [(0, "database is up to date")] * PROCESSES, [err for _, _, err in results]
    assert versions(own_postgres) == [head_revision()]


def test_the_head_read_from_the_files_is_alembics():
    from alembic.script import ScriptDirectory

    assert head_revision() == ScriptDirectory.from_config(
        migrate.alembic_config("sqlite://")).get_current_head()


def test_a_current_schema_starts_without_alembic(sqlite_url):
    upgrade(sqlite_url)
    probe = ("import sys; from storage.migrate import upgrade; upgrade(sys.argv[1]); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    done = subprocess.run([sys.executable, "-c", probe, sqlite_url], capture_output=True,
                          text=True, timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, "[]"), done.stderr


class Forwarder:
    """A port that refuses connections until `open()`, then forwards them to PostgreSQL:
    a database that comes up while the bot waits for it."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))  # bound, not listening: connections are refused
        self.port = self.sock.getsockname()[1]
        self.opened = False

    def open(self) -> None:
        if self.opened:
            return
        self.opened = True
        self.sock.listen()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        """One direction; whichever ends first closes both, which ends the other one too."""
        with closing(a), closing(b):
            try:
                while data := a.recv(65536):
                    b.sendall(data)
            except OSError:
                pass

    def close(self) -> None:
        self.sock.close()


def test_a_database_that_is_not_up_yet_is_waited_for_with_a_line_a_minute(
        own_postgres, caplog):
    from sqlalchemy.engine import make_url

    real = make_url(migrate.normalise_url(own_postgres))
    forwarder = Forwarder((real.host, real.port or 5432))
    url = real.set(host="127.0.0.1", port=forwarder.port, password="s3cret")
    clock = [0.0]

    def sleep(seconds: float) -> None:
        clock[0] += seconds
        if clock[0] > 5 * 60:  # the database comes up after five minutes
            forwarder.open()

    try:
        with caplog.at_level(logging.WARNING, logger="storage.migrate"):
            upgrade(url.render_as_string(hide_password=False), sleep=sleep, clock=lambda: clock[0])
    finally:
        forwarder.close()
    lines = [r.getMessage() for r in caplog.records if r.name == "storage.migrate"]
    assert 5 <= len(lines) <= 7  # one at once, then one a minute
    assert all("\n" not in line and f":{forwarder.port}/" in line and "refused" in line
               and "s3cret" not in line for line in lines), lines
    assert not any(r.exc_info for r in caplog.records)
    assert versions(own_postgres) == [head_revision()]
