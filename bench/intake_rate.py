"""Intake requests per second one process takes, with each review's case card posted.

Signed requests (each a new review) go through waitress to the intake endpoint from a few
client threads for a fixed time, while the process's own scheduler runs the card job every
second (as `review-desk run` does with SCHEDULER_INTERVAL=1), with a send that accepts at once
as a platform's stand-in. Measured: requests per second and their latency, and for each
review the time from its request to its card being handed to the platform.
Run: `.venv/bin/python bench/intake_rate.py [--seconds 10]`.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Table, database, kinds, percentile  # noqa: E402

SECRET = "bench-intake-secret"
INTERVAL = 1.0  # seconds between two scheduler ticks
ORDER = re.compile(r"Order (\d+-\d+) arrived")
COLUMNS = ["database", "requests/s", "clients", "p50 ms", "p99 ms", "errors", "cards",
           "card after request p50 ms", "p99 ms", "reviews/s with card posted"]


def measure(url: str, seconds: float, clients: int) -> list[str]:
    from app.main import build, intake_server
    from bot.events import Actor, Command, FormSubmit, Place
    from bot.messages import Card, Form
    from bot.scheduler import Scheduler
    from bot.serving import serve, wake
    from bot.settings import Settings
    from desk.intake.cards import intake_cards
    from desk.intake.signature import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign
    from storage import intake, repo

    app = build(Settings(database_url=url))
    place = Place("test", "T1", "C1")
    form = next(m for m in app.router.dispatch(Command(Actor("U1", "Ann"), place, name="review",
                                                       text="setup")) if isinstance(m, Form))
    app.router.dispatch(FormSubmit(Actor("U1", "Ann"), place, form="setup", context=form.context,
                                   values={i.name: i.value for i in form.inputs}))
    with app.desk.db.unit() as session:
        team = repo.get_or_create_team(session, platform="test", workspace="T1", defaults={},
                                       now=app.desk.now())
        intake.set_team_secret(session, team_id=team.id, secret=SECRET, now=app.desk.now())
        team_id = team.id
    server = intake_server(app.desk, host="127.0.0.1", port=0)
    stop_serving = threading.Event()
    threading.Thread(target=serve, args=(server, stop_serving), daemon=True).start()
    endpoint = f"http://127.0.0.1:{server.effective_port}/intake/{team_id}"
    latencies: list[float] = []
    asked: dict[str, float] = {}  # review → when its request was sent
    carded: dict[str, float] = {}  # review → when its card was handed to the platform
    errors = [0]
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def send(outbox) -> None:
        now = time.perf_counter()
        for message in outbox.messages:
            found = ORDER.search(str(message.body)) if isinstance(message, Card) else None
            if found:
                carded.setdefault(found.group(1), now)

    def client(n: int) -> None:
        i = 0
        while time.monotonic() < stop:
            i += 1
            key = f"{n}-{i}"
            body = json.dumps({"source": "google", "external_id": key, "stars": 1,
                               "customer": f"Customer {key}",
                               "text": f"Order {key} arrived two weeks late."}).encode()
            stamp = str(int(time.time()))
            request = urllib.request.Request(endpoint, data=body, method="POST", headers={
                TIMESTAMP_HEADER: stamp, SIGNATURE_HEADER: sign(SECRET, stamp, body)})
            began = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    ok = response.status == 201
            except Exception:
                ok = False
            with lock:
                latencies.append(time.perf_counter() - began)
                errors[0] += not ok
                if ok:
                    asked[key] = began

    scheduler = Scheduler([lambda: intake_cards(app.desk, platforms=["test"])], send, INTERVAL)
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.perf_counter()
    scheduler.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    deadline = time.monotonic() + 60 + seconds  # the cards still on their way
    while len(carded) < len(asked) and time.monotonic() < deadline:
        time.sleep(0.05)
    scheduler.stop()
    stop_serving.set()
    wake(server)
    server.task_dispatcher.shutdown()
    app.desk.db.dispose()
    lags = [carded[key] - at for key, at in asked.items() if key in carded]
    whole = max(carded.values(), default=began) - began
    missing = len(asked) - len(lags)
    return [f"{len(latencies) / elapsed:.1f}", str(clients),
            f"{1000 * percentile(latencies, 50):.1f}", f"{1000 * percentile(latencies, 99):.1f}",
            str(errors[0]), f"{len(lags)}" + (f" ({missing} missing)" if missing else ""),
            f"{1000 * (percentile(lags, 50) or 0):.0f}",
            f"{1000 * (percentile(lags, 99) or 0):.0f}",
            f"{len(lags) / whole:.1f}" if whole > 0 else "–"]


def run(dbs: list[str], seconds: float, clients: int = 4) -> Table:
    table = Table("8. Intake: signed reviews per second, with their case cards posted "
                  "(bench/intake_rate.py)", COLUMNS)
    for kind in dbs:
        with database(kind) as url:
            table.add(kind, *measure(url, seconds, clients))
    table.notes.append(
        f"{clients} client threads send signed new reviews for {seconds:g} s to one process's "
        f"intake endpoint (waitress) while its scheduler runs the card job every {INTERVAL:g} s "
        "in the same process; a card counts as posted when the job hands it to the platform "
        "(a stand-in that accepts at once). Reviews/s with card posted: cards over the time "
        "from the first request to the last card.")
    return table


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    print(run(kinds(args.no_postgres)[0], args.seconds, args.clients).markdown())


if __name__ == "__main__":
    main()
