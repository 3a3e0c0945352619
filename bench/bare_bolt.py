"""The floor: a slack-bolt app whose listeners only `ack()`, served like review-desk's HTTP
mode (waitress, the same number of threads, one process, the same health check), for the
load generator to compare against.

    SLACK_SIGNING_SECRET=... SLACK_BOT_TOKEN=... SLACK_API_BASE_URL=... \\
        .venv/bin/python bench/bare_bolt.py --port 3000
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from slack_bolt import App  # noqa: E402
from slack_sdk import WebClient  # noqa: E402
from waitress import serve  # noqa: E402

from bot.adapters.slack.adapter import HTTP_THREADS, wsgi_app  # noqa: E402

ACTIONS = ("vote_respond", "vote_ignore", "claim", "release", "draft", "remind_me")


class Bare:
    """What `wsgi_app` needs of an adapter: its bolt app."""

    def __init__(self) -> None:
        client = WebClient(token=os.environ["SLACK_BOT_TOKEN"],
                           base_url=os.environ["SLACK_API_BASE_URL"])
        self.app = App(client=client, signing_secret=os.environ["SLACK_SIGNING_SECRET"])

        def only_ack(ack) -> None:
            ack()

        self.app.command("/review")(only_ack)
        for action in ACTIONS:
            self.app.action(action)(only_ack)


def main() -> None:
    parser = argparse.ArgumentParser(description="a bolt app that only acknowledges")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    serve(wsgi_app(Bare()), host=args.host, port=args.port, threads=HTTP_THREADS,
          ident="bare-bolt")


if __name__ == "__main__":
    main()
