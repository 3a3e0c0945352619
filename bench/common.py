"""What the benchmarks share: tables, percentiles, free ports, child processes of the bot,
their resident memory, and a fresh PostgreSQL schema per measurement.

Everything binds and talks to 127.0.0.1 only.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
SIGNING_SECRET = "bench-signing-secret"
BOT_TOKEN = "xoxb-bench-token"
TEAM_ID = "T0BENCH"
CHANNEL_ID = "C0BENCH"


# -- figures -------------------------------------------------------------------------------
def percentile(values: Sequence[float], p: float) -> float | None:
    """The p-th percentile (nearest rank) of values, None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
    return ordered[rank - 1]


def ms(seconds: float | None, digits: int = 1) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.{digits}f}"


@dataclass
class Table:
    """A titled table, printed as Markdown so the terminal and results.md read the same."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells: object) -> None:
        self.rows.append([str(c) for c in cells])

    def markdown(self) -> str:
        widths = [max(len(c), *(len(r[i]) for r in self.rows)) if self.rows else len(c)
                  for i, c in enumerate(self.columns)]
        line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
        out = [f"### {self.title}", "", line(self.columns),
               "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
        out += [line(r) for r in self.rows]
        if self.notes:
            out += [""] + self.notes
        return "\n".join(out) + "\n"


# -- processes -----------------------------------------------------------------------------
def free_port() -> int:
    """A port nobody listens on right now, on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process, in MiB (Linux /proc)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def http_get(url: str, timeout: float = 1.0) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status
    except Exception:
        return None


def bot_env(database_url: str, api_base_url: str, **extra: str) -> dict[str, str]:
    """The environment of a bot process: the bench's tokens, the stand-in's address."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_URL"))}
    env.update({"DATABASE_URL": database_url, "SLACK_BOT_TOKEN": BOT_TOKEN,
                "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_BASE_URL": api_base_url,
                "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1", **extra})
    return env


class Served:
    """A Slack HTTP server in a child process (the bot, or the bare bolt app), on a free
    port of 127.0.0.1; stopped (and waited for) on exit. With no port, a process that serves
    nothing (a worker): started is ready."""

    def __init__(self, argv: list[str], env: dict[str, str], port: int | None, log: Path) -> None:
        self.argv, self.env, self.port, self.log_path = argv, env, port, log
        self.proc: subprocess.Popen | None = None
        self.started = self.ready_after = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"

    def start(self, timeout: float = 60.0) -> "Served":
        self.log = open(self.log_path, "ab")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(self.argv, env=self.env, cwd=ROOT, stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        if self.port is None:
            return self
        health = f"http://127.0.0.1:{self.port}/healthz"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if http_get(health, timeout=0.5) == 200:
                self.ready_after = time.perf_counter() - self.started
                return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"{' '.join(self.argv)} did not get ready; see {self.log_path}:\n"
                           + self.log_path.read_text(errors="replace")[-2000:])

    def rss(self) -> float | None:
        return rss_mb(self.proc.pid) if self.proc else None

    def errors_logged(self) -> int:
        self.log.flush()
        text = self.log_path.read_text(errors="replace")
        return sum(1 for line in text.splitlines() if " ERROR " in line or "Traceback" in line)

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None
        self.log.close()

    def __enter__(self) -> "Served":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def review_desk_argv(port: int | None, role: str = "all") -> list[str]:
    """The real entry point: `review-desk slack --http --port PORT` on 127.0.0.1 (a worker:
    `review-desk slack --role worker`, no port)."""
    served = ["--http", "--host", "127.0.0.1", "--port", str(port)] if port else []
    return [str(BIN / "review-desk"), "slack", *served, "--role", role,
            "--env-file", "/nonexistent"]


def bare_bolt_argv(port: int) -> list[str]:
    return [sys.executable, str(ROOT / "bench" / "bare_bolt.py"), "--port", str(port)]


# -- databases -----------------------------------------------------------------------------
def postgres_problem() -> str | None:
    """None when PostgreSQL answers, else why not."""
    try:
        import psycopg

        psycopg.connect(PG_URL, connect_timeout=3).close()
        return None
    except Exception as err:  # any failure means: not here
        return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh schema in the PostgreSQL database, dropped afterwards; yields its URL."""
    import psycopg

    schema = f"rd_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        sep = "&" if "?" in PG_URL else "?"
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@contextmanager
def database(kind: str, folder: str | Path | None = None) -> Iterator[str]:
    """A fresh, empty database of this kind ("sqlite" or "postgres"); yields its URL."""
    if kind == "postgres":
        with postgres_schema() as url:
            yield url
        return
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        yield f"sqlite:///{tmp}/review_desk.db"


def kinds(no_postgres: bool) -> tuple[list[str], str | None]:
    """The databases to measure on, and why PostgreSQL is left out (if it is)."""
    if no_postgres:
        return ["sqlite"], "left out (--no-postgres)"
    problem = postgres_problem()
    return (["sqlite"], f"not reachable at {PG_URL}: {problem}") if problem else \
        (["sqlite", "postgres"], None)
