"""Running the Slack app from the command line: check the settings, then serve in Socket
Mode (no public address needed) or over HTTP behind a load balancer. All state is in the
database, so any number of these processes can share one PostgreSQL, each serving, working, or
both (`--role`, bot.serving).
"""
from __future__ import annotations

import signal

from bot.adapters.slack.adapter import Listen, SlackAdapter, slack_settings
from bot.runtime import Runtime
from bot.serving import ALL, WORKER


def check(runtime: Runtime, http: bool, role: str = ALL) -> None:
    settings = slack_settings(runtime)
    missing = [name for name, value in (
        ("SLACK_BOT_TOKEN", settings.bot_token),
        ("SLACK_SIGNING_SECRET" if http else "SLACK_APP_TOKEN",
         settings.signing_secret if http else settings.app_token),
    ) if not value and (role != WORKER or name == "SLACK_BOT_TOKEN")]
    if missing:
        raise SystemExit(f"Slack needs {' and '.join(missing)} in the environment or .env "
                         "(see docs/slack.md).")
    if role != ALL and not (runtime.inbox and runtime.inbox.shared):
        raise SystemExit(f"--role {role} needs PostgreSQL (DATABASE_URL): on SQLite one process "
                         "both serves and works, as it does without --role.")
    if role == WORKER and http:
        raise SystemExit("--role worker serves nothing: leave out --http (the web processes serve).")


def run(runtime: Runtime, *, http: bool = False, host: str = "0.0.0.0", port: int = 3000,
        role: str = ALL) -> None:
    """Serve until SIGTERM (what a deploy sends) or Ctrl+C: then stop taking requests, let the
    inbox workers finish what they hold, and exit; what is still stored waits for the next
    start."""
    check(runtime, http, role)
    adapter = SlackAdapter(runtime, listen=Listen(http, host, port, role))
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: adapter.stop())
    adapter.start()
