"""Running the Slack app: Socket Mode (no public address needed), or HTTP behind a load
balancer, with the scheduler delivering bot-initiated messages either way.

HTTP mode is served by waitress: a production WSGI server in pure Python with no other
dependencies, that holds up behind a load balancer (bolt's own development server does not
claim to). Every request's signature is checked by bolt; all state is in the database, so
any number of these processes can share one PostgreSQL.
"""
from __future__ import annotations

import logging
from typing import Callable, Iterable

from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.adapters.slack.adapter import SlackAdapter
from bot.runtime import Runtime
from bot.scheduler import Scheduler
from bot.adapters.slack.config import SlackSettings

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
HTTP_THREADS = 8


def wsgi_app(adapter: SlackAdapter) -> Callable:
    """Slack's requests on /slack/events, and a health check for the load balancer."""
    slack = SlackRequestHandler(adapter.app, path=EVENTS_PATH)

    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO") == HEALTH_PATH:
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok"]
        return slack(environ, start_response)

    return app


def check(runtime: Runtime, http: bool) -> None:
    settings = runtime.settings.section("slack", SlackSettings)
    missing = [name for name, value in (
        ("SLACK_BOT_TOKEN", settings.bot_token),
        ("SLACK_SIGNING_SECRET" if http else "SLACK_APP_TOKEN",
         settings.signing_secret if http else settings.app_token),
    ) if not value]
    if missing:
        raise SystemExit(f"Slack needs {' and '.join(missing)} in the environment or .env "
                         "(see docs/slack.md).")


def run(runtime: Runtime, *, http: bool = False, host: str = "0.0.0.0", port: int = 3000) -> None:
    check(runtime, http)
    adapter = SlackAdapter(runtime)
    scheduler = Scheduler(runtime.jobs, adapter.send, runtime.settings.scheduler_interval)
    scheduler.start()
    try:
        if http:
            from waitress import serve

            log.info("serving Slack requests on http://%s:%d%s", host, port, EVENTS_PATH)
            serve(wsgi_app(adapter), host=host, port=port, threads=HTTP_THREADS,
                  ident="review-desk")
        else:
            log.info("connecting to Slack in Socket Mode")
            SocketModeHandler(adapter.app, app_token=runtime.settings.section("slack", SlackSettings).app_token).start()
    finally:
        scheduler.stop()
