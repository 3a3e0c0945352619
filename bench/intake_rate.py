"""Intake requests per second one process takes, and how fast their cards go out.

Signed requests (each a new review) go through waitress to the intake endpoint from a few
client threads for a fixed time; then the card job runs with a send that accepts at once, as
a platform's stand-in. Run: `.venv/bin/python bench/intake_rate.py [--seconds 10]`.
"""
from __future__ import annotations

import argparse
import json
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Table, database, kinds, percentile  # noqa: E402

SECRET = "bench-intake-secret"


def measure(url: str, seconds: float, clients: int) -> list[str]:
    from app.main import build, serve_intake
    from bot.events import Actor, Command, FormSubmit, Place
    from bot.messages import Form
    from bot.scheduler import Scheduler
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
    server = serve_intake(app.desk, host="127.0.0.1", port=0, background=True)
    endpoint = f"http://127.0.0.1:{server.effective_port}/intake/{team_id}"
    latencies: list[float] = []
    errors = [0]
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def client(n: int) -> None:
        i = 0
        while time.monotonic() < stop:
            i += 1
            body = json.dumps({"source": "google", "external_id": f"{n}-{i}", "stars": 1,
                               "customer": f"Customer {n}-{i}",
                               "text": f"Order {n}-{i} arrived two weeks late."}).encode()
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

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    server.trigger.pull_trigger(lambda: [c.close() for c in list(server._map.values())])
    server.task_dispatcher.shutdown()
    posted = []
    tick = time.perf_counter()
    scheduler = Scheduler([lambda: intake_cards(app.desk, platforms=["test"])], posted.append, 30)
    while scheduler.tick():
        pass
    card_seconds = time.perf_counter() - tick
    app.desk.db.dispose()
    return [f"{len(latencies) / elapsed:.1f}", str(clients),
            f"{1000 * percentile(latencies, 50):.1f}", f"{1000 * percentile(latencies, 99):.1f}",
            str(errors[0]), f"{len(posted) / card_seconds:.1f}", str(len(posted))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    table = Table("Intake: signed reviews per second, and their cards",
                  ["database", "requests/s", "clients", "p50 ms", "p99 ms", "errors",
                   "cards/s (job)", "cards"])
    found, _ = kinds(args.no_postgres)
    for kind in found:
        with database(kind) as url:
            table.add(kind, *measure(url, args.seconds, args.clients))
    print(table.markdown())


if __name__ == "__main__":
    main()
