"""Nothing acknowledged is lost: real `review-desk slack --http` processes take forwards from
another thread, one is killed (SIGKILL) or stopped as a deploy does (SIGTERM) mid-load, a new
one starts on the same database, and every forward Slack got its "OK" for becomes one case
with one card."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import pytest
from sqlmodel import Session, select

from tests.fakes.slack_fake import (BOT_TOKEN, CHANNEL_ID, SIGNING_SECRET, TEAM_ID, FakeSlackAPI,
                                    http_post, signed_headers, slash_command_body)

ROOT = Path(__file__).resolve().parent.parent
FORWARDS = 60
MARK = "inbox-test-{n:03d}"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(url: str, api: FakeSlackAPI, log: Path, *args: str, **settings: str
           ) -> subprocess.Popen:
    """`review-desk slack ARGS` on this database, against the fake Web API."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env.update(DATABASE_URL=url, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
               SLACK_API_BASE_URL=api.base_url, SCHEDULER_INTERVAL="1", LOG_LEVEL="WARNING",
               PYTHONUNBUFFERED="1", **settings)
    return subprocess.Popen([sys.executable, "-m", "app", "slack", *args,
                             "--env-file", "/nonexistent"],
                            cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL)


def start(url: str, api: FakeSlackAPI, log: Path, *args: str, **settings: str
          ) -> tuple[subprocess.Popen, int]:
    """A process serving Slack's HTTP requests, once it answers its health check."""
    port = free_port()
    proc = launch(url, api, log, "--http", "--host", "127.0.0.1", "--port", str(port), *args,
                  **settings)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=0.5) as r:
                if r.status == 200:
                    return proc, port
        except OSError:
            pass
        assert proc.poll() is None, log.read_text()[-3000:]
        time.sleep(0.05)
    raise AssertionError(f"the bot did not get ready:\n{log.read_text()[-3000:]}")


def prepare(url: str) -> None:
    from storage.engine import make_engine
    from storage.migrate import upgrade
    from storage.models import Team

    upgrade(url)
    engine = make_engine(url)
    with Session(engine) as s:
        s.add(Team(platform="slack", workspace=TEAM_ID, review_channel=CHANNEL_ID, language="en",
                   timezone="UTC", work_days="mon-sun", work_hours="00:00-23:59",
                   created_at=datetime.now(timezone.utc)))
        s.commit()
    engine.dispose()


def forward(port: int, n: int) -> bool:
    """True when Slack would have got its OK for this forward."""
    body = slash_command_body("/review", f"{MARK.format(n=n)}: the parcel came two weeks late "
                                         "and the box was crushed.")
    try:
        return http_post(f"http://127.0.0.1:{port}/slack/events", body,
                         signed_headers(SIGNING_SECRET, body), timeout=3).status == 200
    except OSError:
        return False


def cases_and_cards(url: str, platform: str = "slack") -> tuple[dict[str, int], set[str]]:
    """The marked cases by mark, and the cards shown on the platform, as the database has them."""
    from storage.engine import make_engine
    from storage.models import Case, MessageRef

    engine = make_engine(url)
    try:
        with Session(engine) as s:
            cases = {row.text[:len(MARK.format(n=0))]: row.id for row in s.exec(select(Case))}
            cards = {ref.key for ref in s.exec(select(MessageRef).where(
                MessageRef.platform == platform))}
    finally:
        engine.dispose()
    return cases, cards


def lost(url: str, acknowledged: list[int], platform: str = "slack") -> tuple[list[int], dict[str, int]]:
    """The acknowledged forwards that are not (yet) a case with its card, and the marked cases."""
    cases, cards = cases_and_cards(url, platform)
    return [n for n in acknowledged if MARK.format(n=n) not in cases
            or f"case:{cases[MARK.format(n=n)]}" not in cards], cases


def send_all(port: int, midway: Callable[[], None]) -> set[int]:
    """FORWARDS forwards from eight threads, `midway` called halfway; those acknowledged."""
    acknowledged: set[int] = set()
    lock = threading.Lock()

    def send(n: int) -> None:
        if forward(port, n):
            with lock:
                acknowledged.add(n)

    with ThreadPoolExecutor(8) as pool:
        for n in range(FORWARDS):
            pool.submit(send, n)
            if n == FORWARDS // 2:
                time.sleep(0.3)  # some stored and not worked yet, some in the workers' hands
                midway()
    return acknowledged


def settled(url: str, acknowledged: set[int], log: Path) -> dict[str, int]:
    """Wait until every acknowledged forward is a case with its card; the marked cases."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        missing, cases = lost(url, sorted(acknowledged))
        if not missing:
            break
        time.sleep(0.5)
    assert not missing, f"acknowledged but lost: {sorted(missing)}\n{log.read_text()[-3000:]}"
    assert len(cases) == len(set(cases))  # one case per review, whatever was worked twice
    return cases


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_every_acknowledged_forward_is_a_case_with_a_card_after_a_stop(tmp_path, how):
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    prepare(url)
    log = tmp_path / "bot.log"
    with FakeSlackAPI() as api:
        first, port = start(url, api, log)
        acknowledged = send_all(port, lambda: first.send_signal(how))
        first.wait(timeout=30)
        assert 0 < len(acknowledged) < FORWARDS or how == signal.SIGTERM
        second, _ = start(url, api, log)
        try:
            settled(url, acknowledged, log)
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(timeout=30)
    assert second.returncode == 0  # a deploy's SIGTERM ends the process cleanly


def test_web_and_worker_processes_apart_lose_nothing_when_the_worker_is_killed(tmp_path,
                                                                               own_postgres):
    """`--role web` only stores and acknowledges; `--role worker` processes, woken by
    PostgreSQL's notifications, work it off. One worker is killed mid-load, another starts:
    every acknowledged forward is one case with its card."""
    prepare(own_postgres)
    log = tmp_path / "bot.log"
    with FakeSlackAPI() as api:
        web, port = start(own_postgres, api, log, "--role", "web")
        first = launch(own_postgres, api, log, "--role", "worker")

        def kill_once_working() -> None:
            """Killed mid-load: only once it has worked off some of what the web process stored."""
            deadline = time.monotonic() + 60
            while not cases_and_cards(own_postgres)[1] and time.monotonic() < deadline:
                time.sleep(0.05)
            assert cases_and_cards(own_postgres)[1], log.read_text()[-3000:]
            first.kill()

        try:
            acknowledged = send_all(port, kill_once_working)
            first.wait(timeout=30)
            assert len(acknowledged) == FORWARDS  # the web process never stopped
            second = launch(own_postgres, api, log, "--role", "worker")
            try:
                cases = settled(own_postgres, acknowledged, log)
            finally:
                second.send_signal(signal.SIGTERM)
                second.wait(timeout=30)
        finally:
            web.send_signal(signal.SIGTERM)
            web.wait(timeout=30)
    posts = [str(c.body) for c in api.calls("chat.postMessage")]
    shown = {mark: sum(mark in post for post in posts) for mark in cases}
    assert min(shown.values()) >= 1
    # A kill may come between a card's post and its mark: that card, and only such a card, is
    # posted again (one in flight per worker thread of the killed process).
    assert sum(shown.values()) - len(shown) <= 4
    assert (web.returncode, second.returncode) == (0, 0)


def test_a_role_needs_postgresql(tmp_path):
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    prepare(url)
    with FakeSlackAPI() as api:
        proc = launch(url, api, tmp_path / "bot.log", "--role", "worker")
        assert proc.wait(timeout=60) != 0
    assert "--role worker needs PostgreSQL" in (tmp_path / "bot.log").read_text()
