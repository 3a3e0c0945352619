"""The composition root: the one module that knows every layer.

It reads the settings, builds the engine, upgrades the schema, registers the handlers and
starts the adapter the configuration asks for.
"""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from datetime import datetime, timedelta
from typing import Iterator, TextIO

from bot.clock import Clock, OffsetClock, SystemClock
from bot.i18n import Catalogs
from app.ai import model_writer
from app.registry import ADAPTERS
from app.sites.wiring import sites
from bot.adapters.console import ConsoleSettings
from bot.delivery.dispatcher import log_result
from bot.runtime import Runtime
from bot.settings import Settings
from desk.advice.ai.job import ModelDrafts
from desk.turn import Desk, team_language
from desk.reporting.digest import due_digests
from desk.cases.missing_cards import MissingCards
from desk.inbox import DbInbox
from desk.outbox import DurableOutbox
from desk.refs import DbMessageRefs
from desk.intake.cards import intake_cards
from desk.sources.sync import sync_sites
from desk.reminders.sender import ReminderSender
from desk.routes import build_router
from desk.reminders.when import WhenError, parse_when
from storage.engine import make_engine
from storage.migrate import upgrade
from storage.pacing import DbSlots
from storage.uow import Database

ROOT = Path(__file__).resolve().parent.parent
LOCALES = (ROOT / "bot" / "locales", ROOT / "desk" / "locales")


def load_catalogs() -> Catalogs:
    texts = Catalogs()
    for folder in LOCALES:
        texts.load_dir(folder)
    return texts


@dataclass
class App(Runtime):
    """The runtime adapters get, plus the desk (database and texts) for commands and tests."""

    desk: Desk | None = None


def build(settings: Settings, *, clock: Clock | None = None, migrate: bool = True) -> App:
    if migrate:
        upgrade(settings.database_url)
    db = Database(make_engine(settings.database_url))
    clock = clock or SystemClock()
    write = model_writer(settings)
    desk = Desk(db=db, clock=clock, texts=load_catalogs(),
                team_defaults={"language": settings.language, "timezone": settings.timezone},
                model_drafts=write is not None, sites=sites(settings))
    platforms = [settings.chosen_adapter()]
    inbox = DbInbox(db, clock)
    desk.outbox = DurableOutbox(desk, platforms=platforms,
                                grace=timedelta(seconds=settings.outbox_grace))
    return App(settings=settings, router=build_router(desk), clock=clock,
               refs=DbMessageRefs(db, desk.outbox),
               team_language=partial(team_language, desk), record=desk.outbox.record,
               jobs=[desk.outbox, ReminderSender(desk, platforms=platforms),
                     partial(due_digests, desk, platforms=platforms),
                     partial(sync_sites, desk, platforms=platforms),
                     partial(intake_cards, desk, platforms=platforms),
                     MissingCards(desk, platforms=platforms),
                     *([ModelDrafts(desk, write)] if write else []), inbox.purge],
               texts=desk.texts, slots=DbSlots(db), desk=desk, inbox=inbox)


def run_console(app: Runtime, *, lines: Iterator[str] | None = None, out: TextIO | None = None,
                echo: bool | None = None) -> None:
    from bot.adapters.console import ConsoleChannel

    settings = app.settings

    def when(phrase: str, now: datetime) -> datetime:
        try:
            return parse_when(phrase, now=now, tz=settings.timezone)
        except WhenError as err:
            lang = err.language or settings.language
            raise ValueError(app.texts.plain(lang, f"remind.error.{err.code}",
                                             examples=app.texts.plain(lang, "remind.examples"))) from None

    stdin = sys.stdin
    ConsoleChannel(app.router, app.refs, lines=lines if lines is not None else iter(stdin),
                   out=out or sys.stdout,
                   echo=(not stdin.isatty()) if echo is None else echo,
                   user=settings.section("console", ConsoleSettings).user or "you", jobs=app.jobs,
                   clock=app.clock, zone=settings.timezone, when=when, texts=app.texts,
                   team_language=partial(team_language, app.desk),
                   record=app.record or log_result).run()


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    for noisy in ("alembic", "sqlalchemy", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def start(settings: Settings) -> None:
    """Run the adapter the configuration picks; with no tokens, the console."""
    name = settings.chosen_adapter()
    entry = ADAPTERS.get(name)
    if entry is None:
        raise SystemExit(f"The {name} adapter is not available in this version of "
                         "review-desk; remove its tokens from the environment to use the console.")
    app = build(settings, clock=OffsetClock(SystemClock()) if entry.travels else None)
    if settings.intake_port:
        serve_intake(app.desk, host=settings.intake_host, port=int(settings.intake_port),
                     background=True)
    entry.run(app)


def intake_server(desk: Desk, *, host: str, port: int):
    """The intake endpoint (desk.intake.web) on waitress, the WSGI server the Slack adapter's
    HTTP mode uses too, bound but not yet serving (its `effective_port` is the one bound)."""
    from waitress import create_server

    from app.sites import webhooks
    from desk.intake.web import intake_app

    server = create_server(intake_app(desk, webhooks()), host=host, port=port, threads=4)
    logging.getLogger(__name__).info("intake endpoint on http://%s:%s/intake/<team id>",
                                     host, server.effective_port)
    return server


def serve_intake(desk: Desk, *, host: str, port: int, background: bool = False):
    """Serve the intake endpoint; on a daemon thread beside the bot when `background`."""
    import threading

    server = intake_server(desk, host=host, port=port)
    if background:
        threading.Thread(target=server.run, name="review-desk-intake", daemon=True).start()
    else:
        server.run()
    return server


def run_slack(app: Runtime, *, http: bool = False, host: str = "0.0.0.0",
              port: int = 3000, role: str = "all") -> None:
    from bot.adapters.slack.serve import run

    run(app, http=http, host=host, port=port, role=role)
