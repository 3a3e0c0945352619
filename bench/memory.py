"""Resident memory and start-up time of the running bot: the console and the Slack HTTP mode,
each idle right after start and again after it handled N forwarded reviews (N new cases).

Start-up is the time from launching the process to the first successful answer: the console
prompt, or `GET /healthz` answering 200 (served only once the Slack app is built).

    .venv/bin/python bench/memory.py [--cases 10000]
"""
from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIN, ROOT, Table, bot_env, free_port, review_desk_argv, rss_mb  # noqa: E402

SETTLE = 1.0  # seconds idle before reading the memory


def console(url: str, cases: int, timeout: float) -> dict:
    """Start the console, wait for its prompt, forward `cases` reviews through it."""
    env = bot_env(url, "http://127.0.0.1:9/api/", SLACK_BOT_TOKEN="", SLACK_SIGNING_SECRET="")
    out = bytearray()
    seen = threading.Condition()
    started = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "review-desk"), "console", "--user", "bench",
                             "--env-file", "/nonexistent"], env=env, cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, start_new_session=True)

    def read() -> None:
        while chunk := proc.stdout.read1(65536):
            with seen:
                out.extend(chunk[-4096:] if len(out) > 1 << 20 else chunk)
                if len(out) > 1 << 20:
                    del out[:-65536]
                seen.notify_all()
        with seen:
            seen.notify_all()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    def wait_for(marker: bytes, limit: float) -> bool:
        with seen:
            return seen.wait_for(lambda: marker in out or proc.poll() is not None, timeout=limit)

    try:
        if not wait_for(b"bench> ", timeout) or proc.poll() is not None:
            raise RuntimeError("the console did not show its prompt:\n" + out.decode()[-2000:])
        ready = time.perf_counter() - started
        time.sleep(SETTLE)
        idle = rss_mb(proc.pid)
        done = f"# done-{uuid.uuid4().hex}".encode()
        t0 = time.perf_counter()

        def write() -> None:
            try:
                for n in range(1, cases + 1):
                    proc.stdin.write(f"/review bench-{n} The room smelled of smoke and nobody "
                                     f"at the desk cared, booking {n}.\n".encode())
                proc.stdin.write(done + b"\n")
                proc.stdin.flush()
            except (BrokenPipeError, OSError):
                pass

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        finished = wait_for(done + b"\nbench> ", timeout)
        spent = time.perf_counter() - t0
        after = rss_mb(proc.pid) if finished else None
        writer.join(timeout=5)
        return dict(app="console", ready=ready, idle=idle, after=after, spent=spent,
                    cases=cases if finished else None)
    finally:
        try:
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        reader.join(timeout=5)


async def slack(url: str, cases: int, logs: Path) -> dict:
    """Start `review-desk slack --http`, then forward `cases` reviews, 8 at a time."""
    from bench.ack_latency import (Markers, StandInSession, closed_loop, forward_request,
                                   prepare_team, serving, wait_cards)

    prepare_team(url)
    async with StandInSession() as (standin, session):
        port = free_port()
        async with serving(review_desk_argv(port), bot_env(url, standin.base_url), port,
                           logs / "memory_slack.log") as server:
            await asyncio.sleep(SETTLE)
            idle = server.rss()
            markers = Markers()
            requests = [forward_request(markers.next(), f"U0M{n % 5}") for n in range(cases)]
            t0 = time.perf_counter()
            await closed_loop(session, server.url, requests, concurrency=8)
            await wait_cards(standin, [r.marker for r in requests], 60.0)
            spent = time.perf_counter() - t0
            await asyncio.sleep(SETTLE)
            return dict(app="slack --http", ready=server.ready_after, idle=idle,
                        after=server.rss(), spent=spent, cases=len(standin.cards))


def run(cases: int, logs: Path, timeout: float = 900.0) -> Table:
    table = Table("5. Memory and start-up (SQLite)",
                  ["bot", "start to ready s", "RSS idle MiB", f"RSS after {cases:,} forwards MiB",
                   "forwards done", "time for them s"])
    with tempfile.TemporaryDirectory() as folder:
        results = [console(f"sqlite:///{folder}/console.db", cases, timeout),
                   asyncio.run(slack(f"sqlite:///{folder}/slack.db", cases, logs))]
    for r in results:
        table.add(r["app"], f"{r['ready']:.2f}", f"{r['idle']:.0f}" if r["idle"] else "–",
                  f"{r['after']:.0f}" if r["after"] else "–",
                  f"{r['cases']:,}" if r["cases"] is not None else "unfinished",
                  f"{r['spent']:.1f}")
    table.notes.append("Ready: from launching the process to its prompt (console) or the first "
                       "200 from `GET /healthz` (Slack HTTP; served once the bolt app is built "
                       "and has called `auth.test`). RSS from /proc, after 1 s idle. The console "
                       "reads the reviews from a pipe, one by one; the Slack process gets them "
                       "8 at a time over HTTP, and the figure is read after every card was posted.")
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as logs:
        print(run(args.cases, Path(logs)).markdown())


if __name__ == "__main__":
    main()
