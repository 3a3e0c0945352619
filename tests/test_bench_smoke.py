"""The benchmarks still run: every section of bench/run.py once, with tiny numbers, on SQLite.
Figures are not checked (benchmarks assert nothing about time), only that each table is there."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("1. Acknowledgement latency", "2. Throughput", "3. Scheduler tick",
            "4. Report over many cases", "5. Memory and start-up", "6. Profile",
            "7. SQL per step", "8. Intake", "9. Review sites: one poll cycle")


def test_every_benchmark_runs_with_tiny_numbers(tmp_path):
    out = tmp_path / "results.md"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--smoke",
                           "--no-postgres", "--output", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=110)

    assert done.returncode == 0, done.stderr[-3000:]
    text = out.read_text()
    for title in SECTIONS:
        assert title in text, f"{title!r} missing from:\n{text}"
    assert "review-desk" in text and "bare bolt" in text
    assert "CPUs" in text and "Python" in text
