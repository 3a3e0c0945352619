"""Run every benchmark, print the tables and write them to bench/results.md.

    make bench                                  # the default run, a few minutes
    .venv/bin/python bench/run.py --full        # 1,000,000 cases, 30 s per rate, 10,000 forwards
    .venv/bin/python bench/run.py --only latency scheduler --no-postgres --output /tmp/r.md

Benchmarks print figures; they assert nothing about time.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import ack_latency, intake_rate, memory, poll_cycle, scheduler_scale  # noqa: E402
from bench.common import ROOT, Table, kinds  # noqa: E402

SECTIONS = ("latency", "throughput", "scheduler", "report", "memory", "profile",
            "statements", "intake", "poll")
RESULTS = ROOT / "bench" / "results.md"


def report_scale(sizes: list[int], no_postgres: bool, timeout: float) -> Table:
    """bench/report_scale.py, as its authors wrote it, in a child process; its lines kept."""
    table = Table("4. Report over many cases (bench/report_scale.py)",
                  ["database", "cases", "report", "time ms"])
    argv = [sys.executable, str(ROOT / "bench" / "report_scale.py"), "--sizes",
            *map(str, sizes)] + (["--no-postgres"] if no_postgres else [])
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    db = cases = ""
    for line in done.stdout.splitlines():
        head = re.match(r"(\w+), ([\d,]+) cases", line)
        if head:
            db, cases = head.group(1), head.group(2)
        timed = re.match(r"\s+(report text, \w+)\s+([\d.]+) ms", line)
        if timed:
            table.add(db, cases, timed.group(1), timed.group(2))
    table.notes.append("```\n" + done.stdout.strip() + "\n```")
    if done.returncode:
        table.notes.append(f"report_scale.py exited with {done.returncode}: "
                           + done.stderr.strip()[-800:])
    return table


def profile_section(count: int) -> Table:
    from bench.profile_forward import profile

    with tempfile.TemporaryDirectory() as folder:
        result = profile(count, f"sqlite:///{folder}/profile.db")
    table = Table("6. Profile of a forward and its clicks (pyinstrument, one thread, SQLite)",
                  ["forwards", "ms per forward", "ms per click (vote, vote, claim)"])
    table.add(count, f"{result['forward_ms']:.1f}", f"{result['click_ms']:.1f}")
    lines = [l for l in result["tree"].splitlines() if re.search(r"\d+\.\d%", l)]
    table.notes.append("```\n" + "\n".join(lines[:60]) + "\n```")
    return table


def statements_section(baseline: Path | None) -> Table:
    """bench/statements.py on this tree and, side by side, on a baseline checkout."""
    def run(tree: Path) -> dict:
        done = subprocess.run([sys.executable, str(ROOT / "bench" / "statements.py"), "--json",
                               "--tree", str(tree)], capture_output=True, text=True, check=True)
        return json.loads(done.stdout.strip().splitlines()[-1])

    now = run(ROOT)
    before = run(baseline) if baseline else {}
    table = Table("7. SQL per step, in the step's own unit of work (bench/statements.py, SQLite)",
                  ["step", "statements", "UPDATE review_case"]
                  + (["baseline statements", "baseline UPDATE review_case"] if before else []))
    for step, c in now.items():
        row = [step, c.get("statements", 0), c.get("UPDATE review_case", 0)]
        if before:
            row += [before[step].get("statements", 0), before[step].get("UPDATE review_case", 0)]
        table.add(*row)
    if baseline:
        table.notes.append(f"Baseline: the checkout at `{baseline}`.")
    return table


def header() -> str:
    return (f"Run on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC · {os.cpu_count()} CPUs "
            f"({platform.machine()}, {platform.system()}) · Python {platform.python_version()} · "
            f"`{' '.join(['bench/run.py'] + sys.argv[1:])}`\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true",
                        help="1,000,000 cases, 30 s per rate, 10,000 forwards for memory")
    parser.add_argument("--smoke", action="store_true", help="tiny numbers: a check, no figures")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--seconds", type=float, help="seconds per load step")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--baseline", type=Path,
                        help="another checkout, for the figures that compare side by side")
    args = parser.parse_args()

    seconds = args.seconds or (0.5 if args.smoke else 30 if args.full else 10)
    rates = [10] if args.smoke else [10, 100, 300]
    sizes = [300] if args.smoke else [10_000, 100_000] + ([1_000_000] if args.full else [])
    forwards = 10 if args.smoke else 10_000 if args.full else 2_000
    step = (10, 10, 10) if args.smoke else (20, 20, 1000)
    dbs, why = kinds(args.no_postgres)

    tables: list[Table] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as logs:
        logs = Path(logs)

        def show(table: Table) -> None:
            tables.append(table)
            print(table.markdown(), flush=True)

        if "latency" in args.only:
            show(asyncio.run(ack_latency.latency(rates, seconds, dbs, logs, split_roles=True))[0])
        if "throughput" in args.only:
            show(asyncio.run(ack_latency.throughput(dbs, min(seconds, 10), *step, logs,
                                                    split_roles=True)))
        if "scheduler" in args.only:
            show(scheduler_scale.run(sizes, 10 if args.smoke else 100, dbs,
                                     extra_due=None if args.smoke else 1000,
                                     rounds=2 if args.smoke else scheduler_scale.ROUNDS))
        if "report" in args.only:
            show(report_scale(sizes[:1] if args.smoke else sizes, "postgres" not in dbs,
                              timeout=3600))
        if "memory" in args.only:
            show(memory.run(forwards, logs))
        if "profile" in args.only:
            show(profile_section(5 if args.smoke else 300))
        if "statements" in args.only:
            show(statements_section(args.baseline))
        if "intake" in args.only:
            show(intake_rate.run(dbs, seconds))
        if "poll" in args.only:
            show(poll_cycle.run(dbs, 3 if args.smoke else 50, 1 if args.smoke else 5))

    text = ["# Benchmarks", "", header()]
    if why:
        text.append(f"PostgreSQL {why}.\n")
    text += [t.markdown() for t in tables]
    text.append(f"Whole run: {time.perf_counter() - started:.0f} s.\n")
    notes = ROOT / "bench" / "notes.md"
    if notes.is_file() and args.output == RESULTS:
        text.append(notes.read_text())
    args.output.write_text("\n".join(text))
    print(f"written to {args.output}")


if __name__ == "__main__":
    main()
