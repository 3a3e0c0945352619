"""The cost of one poll cycle over 50 connected locations with nothing new, per site.

Each site's loopback fake holds a few reviews per location, all taken at connecting; then
every connection is made due and one tick of the sync job runs. Kiyoh and Trustpilot: fifty
teams, one connection (one location, one business unit) each, one request per sync (the
last review seen comes back and is recognised as known and unchanged). Google: one team
whose account has fifty locations: locations.list and one reviews.list per location, 51
requests in one sync. One tick first, untimed, so that each connection's client holds its
access token, as in a process that has been running. Run:
`.venv/bin/python bench/poll_cycle.py [--locations 50] [--rounds 5]`.
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

SITES = ("kiyoh", "google", "trustpilot")
COLUMNS = ["database", "site", "connections", "locations", "requests per cycle", "median ms",
           "best ms", "ms per location"]


class Kiyoh:
    """Fifty teams, each with the fake's one location."""

    def __init__(self, locations: int) -> None:
        from tests.fakes.kiyoh_fake import FakeKiyoh

        self.fake, self.connections = FakeKiyoh(), locations
        for n in range(3):
            self.fake.write(f"k-{n}", rating=2, author=f"Klant {n}",
                            title=f"Te laat, bestelling {n}")

    def settings(self, n: int) -> dict:
        from tests.fakes.kiyoh_fake import LOCATION, TOKEN

        return {"location_id": LOCATION, "api_token": TOKEN, "api_url": self.fake.url}

    def requests(self) -> int:
        return len(self.fake.requests)


class Google:
    """One team; its account has fifty locations, none named in the connection."""

    connections = 1

    def __init__(self, locations: int) -> None:
        from tests.fakes.google_business import FakeGoogleBusiness, make_review

        self.fake = FakeGoogleBusiness()
        for n in range(locations):
            self.fake.add(*(make_review(str(1000 + n), f"r{k}", comment=f"Koud eten, tafel {n}-{k}",
                                        updated=f"2026-11-0{1 + k}T09:00:00Z") for k in range(3)))

    def settings(self, n: int) -> dict:
        return self.fake.settings()

    def requests(self) -> int:
        return len(self.fake.requests)


class Trustpilot:
    """Fifty teams, each connected to the fake's business unit."""

    def __init__(self, locations: int) -> None:
        from tests.fakes import trustpilot as tp

        self.tp, self.fake, self.connections = tp, tp.FakeTrustpilot(), locations
        self.fake.reviews = [tp.review(n, created=f"2026-11-23T08:0{n}:00Z") for n in range(3)]

    def settings(self, n: int) -> dict:
        tp = self.tp
        return {"api_key": tp.API_KEY, "api_secret": tp.API_SECRET,
                "business_unit_id": tp.BUSINESS_UNIT, "business_user_id": tp.BUSINESS_USER,
                "username": tp.USERNAME, "password": tp.PASSWORD, "api_url": self.fake.url}

    def requests(self) -> int:
        return len(self.fake.calls)


def measure(url: str, site: str, locations: int, rounds: int) -> list[str]:
    from cryptography.fernet import Fernet

    from app.main import build
    from app.sites.wiring import SecretSettings
    from bot.settings import Settings
    from desk.sources.connections import connect
    from desk.sources.sync import sync_sites
    from storage import repo

    side = {"kiyoh": Kiyoh, "google": Google, "trustpilot": Trustpilot}[site](locations)
    app = build(Settings(database_url=url, sections={"secret": SecretSettings(
        key=Fernet.generate_key().decode())}))
    desk = app.desk
    for n in range(side.connections):
        with desk.db.unit() as session:
            team = repo.get_or_create_team(session, platform="test", workspace=f"T{n}",
                                           defaults={}, now=desk.now())
            team.review_channel = "C1"
            team_id = team.id
        connect(desk, team_id, site, side.settings(n), since=desk.now() - timedelta(days=3650))
    cycles, asked = [], []
    for round_ in range(rounds + 1):  # the first, untimed, gives each client its token
        desk.clock = _Later(desk.clock, desk.sites.every + timedelta(minutes=1))
        before = side.requests()
        began = time.perf_counter()
        out = sync_sites(desk)
        if round_:
            cycles.append(time.perf_counter() - began)
            asked.append(side.requests() - before)
        assert out == [], out
    side.fake.close()
    desk.db.dispose()
    best, median = min(cycles), statistics.median(cycles)
    return [site, str(side.connections), str(locations), "/".join(map(str, sorted(set(asked)))),
            f"{1000 * median:.0f}", f"{1000 * best:.0f}", f"{1000 * median / locations:.1f}"]


class _Later:
    """The process's clock, moved on so that every connection is due again."""

    def __init__(self, clock, by: timedelta) -> None:
        self.clock, self.by = clock, by

    def now(self):
        return self.clock.now() + self.by


def run(dbs: list[str], locations: int = 50, rounds: int = 5,
        sites: tuple[str, ...] = SITES) -> Table:
    table = Table(f"9. Review sites: one poll cycle over {locations} locations with nothing new "
                  "(bench/poll_cycle.py)", COLUMNS)
    for kind in dbs:
        for site in sites:
            with database(kind) as url:
                table.add(kind, *measure(url, site, locations, rounds))
    table.notes.append(
        f"One tick of the sync job with every connection due, against each site's loopback "
        f"fake (three reviews per location, all taken at connecting); median and best of "
        f"{rounds} ticks, after an untimed one that fetches the access tokens. Kiyoh and "
        f"Trustpilot: one team and one connection per location, one request each. Google: "
        f"one connection whose account has all {locations} locations: locations.list and one "
        f"reviews.list per location.")
    return table


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--locations", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sites", nargs="+", choices=SITES, default=list(SITES))
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    print(run(kinds(args.no_postgres)[0], args.locations, args.rounds,
              tuple(args.sites)).markdown())


if __name__ == "__main__":
    main()
