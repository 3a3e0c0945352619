"""Nothing acknowledged is lost on Discord: real `review-desk discord` processes get forwards
through the fake's gateway, one is killed (SIGKILL) or stopped as a deploy does (SIGTERM)
mid-load, a new one starts on the same database, and every forward Discord got a response
for becomes one case with one card, and its person is answered."""
from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import pytest
from sqlmodel import Session

from desk.catalogue import REVIEW as COMMAND
from tests.fakes.discord_fake import DiscordFake
from tests.test_inbox_processes import MARK, lost

ROOT = Path(__file__).resolve().parent.parent
FORWARDS = 140
BURST = 120
DEFERRED = 5
CALLBACK = "/interactions/{interaction_id}/{token}/callback"
FOLLOW_UP = "/webhooks/{application_id}/{token}"


class FakeInThread:
    """The fake on an event loop of its own, for a test that is not async."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.fake = DiscordFake()

    def __enter__(self) -> "FakeInThread":
        self.thread.start()
        self.run(self.fake.start())
        return self

    def __exit__(self, *exc) -> None:
        self.run(self.fake.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)

    def run(self, coroutine, timeout: float = 30.0):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)


def start(url: str, fake: DiscordFake, log: Path, around: FakeInThread) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env.update(DATABASE_URL=url, DISCORD_TOKEN="test-token", DISCORD_API_BASE_URL=fake.api_base,
               DISCORD_GATEWAY_URL=fake.gateway_url, DISCORD_GUILD_ID=str(fake.guild_id),
               SCHEDULER_INTERVAL="1", LOG_LEVEL="WARNING", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "app", "discord", "--env-file", "/nonexistent"],
                            cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL)
    # Ready once it answers: its commands are synced, its gateway identified, its cache full.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, log.read_text()[-3000:]
        probe = fake.slash_command(COMMAND, {}, subcommand="help", guild_command=True)
        try:
            around.run(fake.interact(probe, timeout=1.0), timeout=10)
            return proc
        except (AssertionError, asyncio.TimeoutError, TimeoutError):
            continue
    raise AssertionError(f"the bot did not get ready:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def held_back(url: str) -> Iterator[None]:
    """On PostgreSQL, no case is written while this lasts (reads and the inbox go on)."""
    if not url.startswith("postgresql"):
        yield
        return
    import psycopg

    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        conn.execute("LOCK TABLE review_case IN SHARE ROW EXCLUSIVE MODE")
        yield
        conn.rollback()


def prepare(url: str, fake: DiscordFake) -> None:
    from storage.engine import make_engine
    from storage.migrate import upgrade
    from storage.models import Team

    upgrade(url)
    engine = make_engine(url)
    with Session(engine) as s:
        s.add(Team(platform="discord", workspace=str(fake.guild_id),
                   review_channel=str(fake.channel_id), language="en", timezone="UTC",
                   work_days="mon-sun", work_hours="00:00-23:59",
                   created_at=datetime.now(timezone.utc)))
        s.commit()
    engine.dispose()


@pytest.fixture
def database(request, tmp_path) -> str:
    """A database of the test's own: SQLite (one writer), or PostgreSQL (four workers a
    process, taking work with SKIP LOCKED)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'desk.db'}"
    return request.getfixturevalue("own_postgres")


@pytest.mark.parametrize("how, database", [(signal.SIGKILL, "sqlite"), (signal.SIGTERM, "sqlite"),
                                           (signal.SIGKILL, "postgres")],
                         ids=["SIGKILL", "SIGTERM", "SIGKILL-postgres"], indirect=["database"])
def test_every_acknowledged_forward_is_a_case_with_a_card_after_a_stop(tmp_path, how, database):
    url = database
    log = tmp_path / "bot.log"
    with FakeInThread() as around:
        fake = around.fake
        prepare(url, fake)
        first = start(url, fake, log, around)
        payloads = [fake.slash_command(COMMAND, {"text": f"{MARK.format(n=n)}: the parcel came "
                                                         "two weeks late and the box was crushed."},
                                       subcommand="forward", guild_command=True)
                    for n in range(FORWARDS)]
        # A burst: what the process cannot work within Discord's limit is kept and deferred
        # (Discord's ack) while it waits for the work. It stops once some are deferred, or once
        # it answered the whole burst in time (a fast machine on SQLite); what comes while it
        # stops is kept for the next process, or never reaches it. On PostgreSQL no case can be
        # written meanwhile: every acknowledged forward is work left.
        with held_back(url):
            for payload in payloads[:BURST]:
                around.run(fake.push("INTERACTION_CREATE", payload), timeout=5)
            last = payloads[BURST - 1]["id"]
            around.run(fake.wait_for(lambda c: c.is_("POST", CALLBACK) and (
                c.json["type"] == DEFERRED or c.params["interaction_id"] == last), timeout=30),
                timeout=35)
            time.sleep(0.5)  # more of them deferred
            first.send_signal(how)
        for payload in payloads[BURST:]:
            if first.poll() is not None:
                break  # gone: Discord would tell the rest the bot did not respond
            try:
                around.run(fake.push("INTERACTION_CREATE", payload, timeout=0.5), timeout=5)
            except Exception:  # its gateway closed or timed out under it: it is going
                break
        deferred = any(c.is_("POST", CALLBACK) and c.json["type"] == DEFERRED
                       for c in fake.calls.items)
        first.wait(timeout=40)
        acknowledged = {n for n, p in enumerate(payloads)
                        if any(c.is_("POST", CALLBACK) and c.params["interaction_id"] == p["id"]
                               and c.status < 300 for c in fake.calls.items)}
        assert acknowledged

        restarted = fake.mark()
        second = start(url, fake, log, around)
        try:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                missing, cases = lost(url, acknowledged, "discord")
                if not missing:
                    break
                time.sleep(0.5)
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(timeout=30)
        unanswered = [n for n in acknowledged if not answered(fake, payloads[n])]
        answered_late = [c for c in fake.calls.items[restarted:] if c.is_("POST", FOLLOW_UP)
                         and c.status == 200 and "Forwarded as case #" in c.json["content"]]
    assert not missing, f"acknowledged but lost: {sorted(missing)}\n{log.read_text()[-3000:]}"
    if url.startswith("postgresql"):  # with cases held back, work was surely left over
        assert deferred and answered_late  # deferred by the first, answered by the second
    if how == signal.SIGTERM:  # a kill between the work's commit and its answer loses the
        # answer (not the work): what is said is not kept in an outbox yet
        assert not unanswered, f"never answered: {unanswered}\n{log.read_text()[-3000:]}"
    assert len(cases) == len(set(cases.values()))  # one case per review, whatever was worked twice
    assert first.returncode == (0 if how == signal.SIGTERM else -signal.SIGKILL)
    assert second.returncode == 0  # a deploy's SIGTERM ends the process cleanly
    assert not fake.server_errors


def answered(fake: DiscordFake, payload: dict) -> bool:
    """Told that the forward is a case: in the response itself, or in a follow-up."""
    def says(body) -> bool:
        content = (body or {}).get("content") or ((body or {}).get("data") or {}).get("content")
        return bool(content) and "Forwarded as case #" in content

    return any(says(c.json) for c in fake.calls.items
               if (c.is_("POST", CALLBACK) and c.params["interaction_id"] == payload["id"])
               or (c.is_("POST", FOLLOW_UP) and c.params["token"] == payload["token"]))
