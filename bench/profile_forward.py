"""Where a forward's time goes: forwards (and a vote and a claim on each case) dispatched
through the Slack adapter in this process, under pyinstrument, with the Web API on a loopback
fake. Prints the call tree (the work of one request: signature check, parsing, the handler,
the database, the Web API calls), and the time per request.

    .venv/bin/python bench/profile_forward.py [--count 300] [--database-url URL] [--html out.html]

Needs the bench extras: `pip install -e '.[bench]'`.
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ack_latency import REVIEW, prepare_team  # noqa: E402
from bench.common import CHANNEL_ID, TEAM_ID  # noqa: E402
from bot.adapters.slack.config import SlackSettings  # noqa: E402
from tests.fakes.slack_fake import (BOT_TOKEN, SIGNING_SECRET, FakeSlackAPI,  # noqa: E402
                                    block_action_body, bolt_request, slash_command_body)


def profile(count: int, url: str, html: str | None = None, top: int = 40) -> dict:
    """Profile `count` forwards, each followed by two votes and a claim; returns figures and
    the rendered tree."""
    from pyinstrument import Profiler

    from bot.adapters.slack.adapter import SlackAdapter
    from bot.adapters.slack.outbound import Pacer
    from app.main import build
    from bot.settings import Settings

    prepare_team(url)
    with FakeSlackAPI() as api:
        app = build(Settings(database_url=url))
        app.settings = replace(app.settings, sections={"slack": SlackSettings(
            bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_base_url=api.base_url)})
        adapter = SlackAdapter(app, process_before_response=True,
                               pacer=Pacer(clock=lambda: 0.0, sleep=lambda s: None))
        bodies = []
        for n in range(1, count + 1):
            bodies.append(slash_command_body("/review", REVIEW.format(n=n, t=n % 40 + 1),
                                             user_id="U0ANN", team_id=TEAM_ID,
                                             channel_id=CHANNEL_ID))
        adapter.app.dispatch(bolt_request(bodies[0]))  # warm: first users.info, caches
        profiler = Profiler(interval=0.0005)
        started = time.perf_counter()
        profiler.start()
        for body in bodies[1:]:
            adapter.app.dispatch(bolt_request(body))
        forwards = time.perf_counter() - started
        clicks_started = time.perf_counter()
        for case_id in range(2, count + 1):
            for action, user in (("vote_respond", "U0BOB"), ("vote_respond", "U0CAT"),
                                 ("claim", "U0DAN")):
                adapter.app.dispatch(bolt_request(block_action_body(
                    action, str(case_id), user=user, team_id=TEAM_ID, channel=CHANNEL_ID)))
        clicks = time.perf_counter() - clicks_started
        profiler.stop()
        app.desk.db.dispose()
    if html:
        Path(html).write_text(profiler.output_html())
    n = max(count - 1, 1)
    return {"forward_ms": forwards / n * 1000, "click_ms": clicks / (3 * n) * 1000,
            "tree": profiler.output_text(unicode=True, color=False, show_all=False,
                                         time="percent_of_total")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--database-url")
    parser.add_argument("--html")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        result = profile(args.count, args.database_url or f"sqlite:///{folder}/profile.db",
                         args.html)
    print(result["tree"])
    print(f"per forward: {result['forward_ms']:.1f} ms; per click: {result['click_ms']:.1f} ms "
          "(in one thread, under the profiler)")


if __name__ == "__main__":
    main()
