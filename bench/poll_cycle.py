"""The cost of one poll cycle over many connected review sites with nothing new.

Fifty teams each connect a Kiyoh location (Kiyoh's loopback fake, a few reviews each, all
taken at connecting); then every connection is made due and one tick of the sync job runs.
Each sync asks the fake once (its last review comes back, recognised as known and
unchanged) and stores the cursor. Run: `.venv/bin/python bench/poll_cycle.py [--sites 50]`.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Table, database, kinds  # noqa: E402


def measure(url: str, n_sites: int, rounds: int) -> list[str]:
    from cryptography.fernet import Fernet

    from app.main import build
    from app.sites.wiring import SecretSettings
    from bot.settings import Settings
    from desk.sources.connections import connect
    from desk.sources.sync import sync_sites
    from storage import repo
    from tests.fakes.kiyoh_fake import LOCATION, TOKEN, FakeKiyoh

    fake = FakeKiyoh()
    for n in range(3):
        fake.write(f"k-{n}", rating=2, author=f"Klant {n}", title=f"Te laat, bestelling {n}")
    app = build(Settings(database_url=url, sections={"secret": SecretSettings(
        key=Fernet.generate_key().decode())}))
    desk = app.desk
    for n in range(n_sites):
        with desk.db.unit() as session:
            team = repo.get_or_create_team(session, platform="test", workspace=f"T{n}",
                                           defaults={}, now=desk.now())
            team.review_channel = "C1"
            team_id = team.id
        connect(desk, team_id, "kiyoh", {"location_id": LOCATION, "api_token": TOKEN,
                                         "api_url": fake.url},
                since=desk.now() - timedelta(days=3650))
    cycles = []
    for _ in range(rounds):
        later = desk.sites.every + timedelta(minutes=1)
        desk.clock = _Later(desk.clock, later)
        before = len(fake.requests)
        began = time.perf_counter()
        out = sync_sites(desk)
        cycles.append(time.perf_counter() - began)
        assert out == [] and len(fake.requests) - before == n_sites
    fake.close()
    desk.db.dispose()
    best, median = min(cycles), statistics.median(cycles)
    return [str(n_sites), f"{1000 * median:.0f}", f"{1000 * best:.0f}",
            f"{1000 * median / n_sites:.1f}"]


class _Later:
    """The process's clock, moved on so that every connection is due again."""

    def __init__(self, clock, by: timedelta) -> None:
        self.clock, self.by = clock, by

    def now(self):
        return self.clock.now() + self.by


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sites", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    table = Table("Review sites: one poll cycle with nothing new",
                  ["database", "connections", "median ms", "best ms", "ms per connection"])
    found, _ = kinds(args.no_postgres)
    for kind in found:
        with database(kind) as url:
            table.add(kind, *measure(url, args.sites, args.rounds))
    print(table.markdown())


if __name__ == "__main__":
    main()
