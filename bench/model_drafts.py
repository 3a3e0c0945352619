"""Model drafts: how long the scheduled job takes per draft against a loopback fake of the
chat-completions API (the real `openai` client over HTTP), how many requests a draft costs,
and whether opening the draft form slows down while drafts are being written.

    .venv/bin/python bench/model_drafts.py
    .venv/bin/python bench/model_drafts.py --cases 50 --delay 0.5

The fake answers after a fixed delay (a stand-in for the model's own time), so the job's
time per draft minus the delay times the requests is review-desk's own share: building the
brief, the coach on both texts, the language check, the database. Benchmarks print figures;
they assert nothing about time.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.ai import EndpointSettings  # noqa: E402
from app.main import build  # noqa: E402
from bench.common import percentile  # noqa: E402
from bot.clock import FixedClock  # noqa: E402
from bot.settings import Settings  # noqa: E402
from desk.advice.ai.job import ModelDrafts  # noqa: E402
from desk.advice.ai.settings import AiSettings  # noqa: E402
from tests.fakes.openai_fake import Answer, FakeOpenAI  # noqa: E402
from tests.harness import TestChannel  # noqa: E402
from tests.test_model_drafts import CUSTOMER, GOOD, HOLDING, PROMISE, REVIEW  # noqa: E402

CLOCK = FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam")))


def answer(reply: str) -> Answer:
    return Answer(json.dumps({"reply": reply, "holding": HOLDING}))


def app_on(folder: Path, fake: FakeOpenAI, name: str):
    return build(Settings(database_url=f"sqlite:///{folder / name}.db", sections={
        "ai": AiSettings(drafts="on", model="bench", timeout=30),
        "openai": EndpointSettings(base_url=fake.base_url, api_key="bench")}), clock=CLOCK)


def cases(channel: TestChannel, n: int, start: int = 0) -> list[int]:
    """`n` cases decided "respond", each its own review (a repeated one is one case)."""
    return [channel.decided(text=f"{REVIEW} Table {word(i)}.", customer=CUSTOMER)
            for i in range(start, start + n)]


def word(i: int) -> str:
    """A word for a number: the same review with only a number changed is the same case."""
    return "".join(chr(ord("a") + int(d)) for d in str(i))


def per_draft(folder: Path, fake: FakeOpenAI, n: int, steps: list[Answer], name: str) -> dict:
    """The job's time per draft and its requests, for drafts answered by `steps` each."""
    app = app_on(folder, fake, name)
    job = next(j for j in app.jobs if isinstance(j, ModelDrafts))
    ids = cases(TestChannel(app), n)
    before = len(fake.requests)
    times = []
    for case_id in ids:
        fake.answer(*steps)
        start = time.perf_counter()
        job.draft(case_id)
        times.append(time.perf_counter() - start)
    app.desk.db.dispose()
    return {"p50": percentile(times, 50), "p99": percentile(times, 99),
            "requests": (len(fake.requests) - before) / n}


def form_latency(channel: TestChannel, ids: list[int], rounds: int) -> list[float]:
    times = []
    for i in range(rounds):
        start = time.perf_counter()
        channel.click("Ann", "draft", ids[i % len(ids)]).form
        times.append(time.perf_counter() - start)
    return times


def while_writing(folder: Path, fake: FakeOpenAI, n: int, rounds: int) -> tuple[list[float], list[float]]:
    """Opening the draft form: alone, and while the job writes `n` drafts in its thread."""
    app = app_on(folder, fake, "busy")
    channel = TestChannel(app)
    shown = cases(channel, 5)
    job = next(j for j in app.jobs if isinstance(j, ModelDrafts))
    job.per_tick = n
    for case_id in shown:
        fake.answer(answer(GOOD))
        job.draft(case_id)
    quiet = form_latency(channel, shown, rounds)
    cases(channel, n, start=len(shown))
    fake.answer(*[answer(GOOD)] * n)
    writer = threading.Thread(target=job.write_due)
    writer.start()
    busy = []
    while writer.is_alive():
        busy += form_latency(channel, shown, 1)
    writer.join()
    app.desk.db.dispose()
    return quiet, busy


def ms(value: float | None) -> str:
    return "–" if value is None else f"{value * 1000:,.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--delay", type=float, default=0.2, help="the fake's seconds per answer")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        fake = FakeOpenAI()
        try:
            rows = [("instant answer, passes the coach", per_draft(folder, fake, args.cases,
                                                                    [answer(GOOD)], "instant"))]
            slow = [Answer(s.content, delay=args.delay) for s in (answer(GOOD),)]
            rows.append((f"{args.delay:g} s answer, passes the coach",
                         per_draft(folder, fake, args.cases, slow, "slow")))
            retried = [Answer(answer(PROMISE).content, delay=args.delay),
                       Answer(answer(GOOD).content, delay=args.delay)]
            rows.append((f"{args.delay:g} s answers, a promise sent back once",
                         per_draft(folder, fake, args.cases, retried, "retried")))
            quiet, busy = while_writing(folder, fake, args.cases, rounds=50)
        finally:
            fake.close()
    print(f"#### Model drafts against the fake ({args.cases} drafts each, SQLite)\n")
    print("| | job per draft p50 / p99 (ms) | requests per draft |")
    print("|---|---|---|")
    for name, row in rows:
        print(f"| {name} | {ms(row['p50'])} / {ms(row['p99'])} | {row['requests']:g} |")
    print(f"\nOpening the draft form (a stored model draft, the coach on it): p50 / p99 "
          f"{ms(percentile(quiet, 50))} / {ms(percentile(quiet, 99))} ms alone, "
          f"{ms(percentile(busy, 50))} / {ms(percentile(busy, 99))} ms while the job wrote "
          f"{args.cases} drafts ({len(busy)} opened meanwhile; mean {statistics.mean(busy) * 1000:.0f} ms).")


if __name__ == "__main__":
    main()
