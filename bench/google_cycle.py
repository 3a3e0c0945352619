"""What one Google sync with nothing new costs, polling against notifications through Pub/Sub:
fifty locations on Google's loopback fake, one review each, all seen; then the same client
syncs again and again. Polling asks every location (and lists them); with a subscription a
sync is one empty pull until the hourly listing. Client only, no database.
Run: `.venv/bin/python bench/google_cycle.py [--locations 50]`.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Table  # noqa: E402


def measure(locations: int, rounds: int) -> list[list[str]]:
    import httpx

    from app.sites import SITES
    from tests.fakes.google_business import SUBSCRIPTION, FakeGoogleBusiness, make_review

    fake = FakeGoogleBusiness()
    for n in range(locations):
        fake.add(make_review(str(100 + n), "a", updated="2026-11-01T09:00:00Z"))
    rows = []
    with httpx.Client(timeout=5) as http:
        for label, extra in (("polling", {}), ("pub/sub", {"subscription": SUBSCRIPTION})):
            site = SITES["google"].build(fake.settings(**extra), http)
            cursor = site.sync(None).cursor
            fake.requests.clear()
            times = []
            for _ in range(rounds):
                began = time.perf_counter()
                assert site.sync(cursor).reviews == []
                times.append(time.perf_counter() - began)
            rows.append([label, str(locations), f"{len(fake.requests) / rounds:.0f}",
                         f"{1000 * statistics.median(times):.1f}"])
    fake.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--locations", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    table = Table("Google: one sync with nothing new",
                  ["way", "locations", "requests", "median ms"])
    for row in measure(args.locations, args.rounds):
        table.add(*row)
    print(table.markdown())


if __name__ == "__main__":
    main()
