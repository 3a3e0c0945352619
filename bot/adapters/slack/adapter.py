"""The Slack adapter (see bot/delivery/contract.py). The bolt app: one listener per command,
shortcut, button and form the router knows. Each stores what Slack sent in the inbox, then
acknowledges it (Slack wants an answer within 3 seconds), and inbox workers do the work: a
process that stops or dies leaves nothing acknowledged behind (bot/inbox.py).

Form submissions: their problems must go back in the acknowledgement itself. A form whose
values can be checked alone is checked, acknowledged and then worked like the rest; a form
that only its handler can answer (its answer may be the next form) is answered before the ack,
with what the directory knows already: no look-up may hold the ack past Slack's 3 seconds.
"""
from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable
from urllib.parse import parse_qsl

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.request.internals import build_context
from slack_sdk import WebClient

from bot.adapters.slack.directory import Directory
from bot.adapters.slack.inbound import PLATFORM, Ack, Inbound, Origin
from bot.adapters.slack.outbound import Delivery, Pacer, failure
from bot.adapters.slack.patience import CALL_TIMEOUT, Patience, retry_handlers
from bot.adapters.slack.webclient import KeptAliveClient
from bot.catalogue import Catalogue, ShortcutKind
from bot.delivery.contract import SendTable
from bot.delivery.dispatcher import Dispatcher, log_result
from bot.delivery.results import Failed
from bot.events import ButtonClick, Command, Event, FormSubmit, HomeOpened, MessageShortcut
from bot.inbox import Delivery as Stored, Workers
from bot.messages import Form, FormErrors, Notice, Outbox
from bot.text import Rich
from bot.runtime import Runtime
from bot.scheduler import Scheduler
from bot.serving import ALL, WEB, WORKER, serve, wake
from bot.adapters.slack.config import SlackSettings

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
HTTP_THREADS = 8


def global_shortcuts(catalogue: Catalogue) -> dict[str, str]:
    """A global shortcut's callback id → the command it runs with no text."""
    return {s.name: s.runs for s in catalogue.shortcuts_of(ShortcutKind.GLOBAL, PLATFORM)}


def slack_settings(runtime: Runtime) -> SlackSettings:
    return runtime.settings.section("slack", SlackSettings)


def make_client(runtime: Runtime, patience: Patience) -> WebClient:
    """The process's one Web API client: its calls share kept-alive connections (no new
    connection and TLS handshake per call), shared by every thread."""
    settings = slack_settings(runtime)
    return KeptAliveClient(token=settings.bot_token, base_url=settings.api_base_url,
                           timeout=CALL_TIMEOUT, retry_handlers=retry_handlers(patience))


def read_slash_command_form(req: BoltRequest, next: Callable[[], BoltResponse]) -> BoltResponse:
    """slack-bolt 1.30 takes any form body that contains the word "payload" for an
    interactivity payload and drops a slash command such as `/review the payload was lost`:
    read such a body as the form it is. Runs after the signature check."""
    if not req.body and req.mode == "http" and req.raw_body and req.raw_body[0] != "{":
        fields = dict(parse_qsl(req.raw_body, keep_blank_values=True))
        if "command" in fields and "payload" not in fields:
            req.body = fields
            build_context(req.context, fields)
    return next()


def skip_retries(req: BoltRequest, next: Callable[[], BoltResponse]) -> BoltResponse:
    """A resent event means Slack missed our ack, not our work (which runs after the ack):
    acknowledge it and do nothing, so it never becomes a second case, vote or post. The first
    delivery says "0" in Socket Mode."""
    if req.headers.get("x-slack-retry-num", ["0"])[0] not in ("", "0"):
        log.info("ignoring a resent request (retry %s, %s)", req.headers["x-slack-retry-num"][0],
                 req.headers.get("x-slack-retry-reason", [""])[0])
        return BoltResponse(status=200, body="")
    return next()


@dataclass(frozen=True)
class Listen:
    """How Slack reaches us: Socket Mode (no public address needed), or HTTP on host:port;
    and the process's role (bot.serving): a worker does not listen to Slack at all."""

    http: bool = False
    host: str = "0.0.0.0"
    port: int = 3000
    role: str = ALL


def wsgi_app(adapter: "SlackAdapter") -> Callable:
    """Slack's requests on /slack/events, and a health check for the load balancer."""
    slack = SlackRequestHandler(adapter.app, path=EVENTS_PATH)

    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO") == HEALTH_PATH:
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok"]
        return slack(environ, start_response)

    return app


class SlackAdapter:
    platform = PLATFORM

    def __init__(self, runtime: Runtime, *, client: WebClient | None = None,
                 process_before_response: bool = False, pacer: Pacer | None = None,
                 directory: Directory | None = None, listen: Listen = Listen()) -> None:
        self.runtime = runtime
        self.listen = listen
        self.patience = Patience(runtime.clock.now)
        self.client = client or make_client(runtime, self.patience)
        self.directory = directory or Directory(self.client)
        self.inbound = Inbound(self.directory)
        self.at_once = Inbound(self.directory.known())  # for answers that cannot wait on Slack
        self.delivery = Delivery(self.client, runtime.refs, pacer or Pacer(slots=runtime.slots))
        self.dispatcher = Dispatcher(self, texts=runtime.texts, language=runtime.settings.language,
                                     record=runtime.record or log_result)
        # After the ack, inbox workers do the work: bolt's listener threads stay free to
        # acknowledge the next requests within Slack's 3 seconds (tests that process before
        # responding work inline, with no inbox).
        self.workers = None if process_before_response or runtime.inbox is None else \
            Workers(runtime.inbox, PLATFORM, self.work_delivery,
                    threads=0 if listen.role == WEB else runtime.inbox.workers,
                    listen=listen.role == WORKER)
        self.server: Any = None
        self.ready = threading.Event()  # set once it serves
        self.stopped = threading.Event()
        self.app = App(client=self.client, signing_secret=slack_settings(runtime).signing_secret,
                       process_before_response=process_before_response,
                       before_authorize=read_slash_command_form)
        if self.workers is None:  # with the inbox, a retry is the same delivery as the first
            self.app.use(skip_retries)
        else:
            self.app.use(self.keep_events)
        self.global_shortcuts = global_shortcuts(runtime.router.catalogue)
        self.register()

    def register(self) -> None:
        router, app = self.runtime.router, self.app
        for name in router.names(Command):
            app.command(f"/{name}")(self.on_command)
        for name in router.names(MessageShortcut):
            app.shortcut({"type": "message_action", "callback_id": name})(self.on_message_shortcut)
        for callback_id in self.global_shortcuts:
            app.shortcut({"type": "shortcut", "callback_id": callback_id})(self.on_global_shortcut)
        for name in router.names(ButtonClick):
            app.action(name)(self.on_button)
        for name in router.names(FormSubmit):
            app.view_submission(name)(self.on_form)
        app.event("message")(self.on_message)
        app.event("app_home_opened")(self.on_home)

    # -- the contract -------------------------------------------------------------------
    def senders(self) -> SendTable:
        return self.delivery.senders()

    def failure(self, error: Exception) -> Failed | None:
        return failure(error)

    def send(self, outbox: Outbox) -> None:
        self.dispatcher.send(outbox)

    def start(self) -> None:
        """Serve until `stop()`, with the scheduler delivering bot-initiated messages; a worker
        (bot.serving) serves nothing and only works, a web process only serves. HTTP is served by
        waitress: a production WSGI server in pure Python that holds up behind a load balancer
        (bolt's own development server does not claim to)."""
        # The bot's own posts are a worker's: a process that only serves has no scheduler.
        scheduler = None if self.listen.role == WEB else \
            Scheduler(self.runtime.jobs, self.send, self.runtime.settings.scheduler_interval)
        if scheduler:
            scheduler.start()
        if self.workers is not None:
            self.workers.start()  # first what a stopped process left behind, then what comes
        try:
            if self.listen.role == WORKER:
                log.info("working off what Slack sent, with no server of its own")
                self.ready.set()
                self.stopped.wait()
            elif self.listen.http:
                from waitress import create_server

                self.server = create_server(wsgi_app(self), host=self.listen.host,
                                            port=self.listen.port, threads=HTTP_THREADS,
                                            ident="review-desk")
                log.info("serving Slack requests on http://%s:%s%s", self.listen.host,
                         self.server.effective_port, EVENTS_PATH)
                self.ready.set()
                serve(self.server, self.stopped)
            else:
                log.info("connecting to Slack in Socket Mode")
                self.server = SocketModeHandler(self.app, app_token=slack_settings(self.runtime).app_token)
                self.server.connect()
                self.ready.set()
                self.stopped.wait()
        finally:
            if scheduler:
                scheduler.stop()
            if self.workers is not None:
                self.workers.stop()

    def stop(self) -> None:
        """Stop taking requests; the work already acknowledged finishes before `start()`
        returns (waitress closes its sockets on its own thread, bot.serving)."""
        self.stopped.set()
        server = self.server
        if isinstance(server, SocketModeHandler):
            server.close()
        elif server is not None:
            wake(server)

    # -- listeners ----------------------------------------------------------------------
    def accept(self, kind: str, body: dict, ack: Callable) -> None:
        """Store what Slack sent, then acknowledge it; a worker takes it from the inbox. Inline
        when testing without an inbox."""
        if self.workers is None:
            ack()
            self.work_on(*self.events_of(kind, body))
            return
        self.store(kind, body)
        ack()

    def store(self, kind: str, body: dict) -> None:
        """Slack's own id for a delivery makes its retry the same row."""
        receipt = body.get("trigger_id") or body.get("event_id") or hashlib.sha256(
            json.dumps(body, sort_keys=True).encode()).hexdigest()
        if self.runtime.inbox.put(PLATFORM, receipt, kind, json.dumps(body)) is not None:
            self.workers.wake()

    def keep_events(self, body: dict, next: Callable[[], BoltResponse]) -> BoltResponse:
        """bolt acknowledges an event before its listener runs: store the event before that."""
        kind = event_kind(body.get("event") or {}) if body.get("type") == "event_callback" \
            else None
        if kind:
            self.store(kind, body)
        return next()

    def work_delivery(self, delivery: Stored) -> None:
        """A stored delivery: its first event carries the receipt that finishes it."""
        events = self.events_of(delivery.kind, json.loads(delivery.body))
        if events:
            events[0] = replace(events[0], receipt=delivery.id)
        self.work_on(*events)

    def events_of(self, kind: str, body: dict) -> list[Event]:
        inbound = self.inbound
        if kind == "command":
            return [inbound.command(body)]
        if kind == "message_shortcut":
            return [inbound.message_shortcut(body)]
        if kind == "global_shortcut":
            return [inbound.global_shortcut(body, self.global_shortcuts[body["callback_id"]])]
        if kind == "button":
            event = inbound.button(body)
            on_home = body.get("container", {}).get("type") == "view" \
                and body["view"].get("type") == "home"
            return [event, HomeOpened(event.actor, event.place, event.raw)] if on_home else [event]
        if kind == "home":
            return [inbound.home(body)]
        if kind == "form":
            return [inbound.form(body)]
        if kind == "thread_reply":
            message = body["event"]
            key = self.runtime.refs.find(PLATFORM, message["channel"], message["thread_ts"])
            return [inbound.thread_reply(body, key)] if key is not None else []
        raise ValueError(f"unknown kind of Slack delivery {kind!r}")

    def work_on(self, *events: Event) -> None:
        for event in events:
            try:
                self.answer(after_ack(self.runtime.router.dispatch(event)), event.raw,
                            locale=event.actor.locale)
            except Exception:  # the router tells people about their errors; this is delivery
                log.exception("delivering the answer to %s failed", type(event).__name__)

    def on_command(self, ack: Callable, body: dict) -> None:
        self.accept("command", body, ack)

    def on_message_shortcut(self, ack: Callable, body: dict) -> None:
        self.accept("message_shortcut", body, ack)

    def on_global_shortcut(self, ack: Callable, body: dict) -> None:
        self.accept("global_shortcut", body, ack)

    def on_button(self, ack: Callable, body: dict) -> None:
        self.accept("button", body, ack)

    def on_form(self, ack: Callable, body: dict) -> None:
        """Acknowledged within Slack's 3 seconds whatever the look-ups do: the problems found in
        the values alone go back in the ack; with none, the form is stored, acknowledged and
        worked after. A form with no such check is answered in the ack (see `answer_form`)."""
        if self.workers is None:
            self.answer_form(ack, body, self.inbound.form(body))
            return
        event = self.at_once.form(body)
        problems = self.runtime.router.check(event)
        if problems is None:
            self.answer_form(ack, body, event)
        elif problems:
            self.answer(problems, self.acking(event, ack, body), locale=event.actor.locale)
        else:
            self.accept("form", body, ack)

    def answer_form(self, ack: Callable, body: dict, event: FormSubmit) -> None:
        """The form's problems, or the next step's form, are the acknowledgement itself; with
        problems nothing else is said. Whatever else the answer has comes after the ack."""
        messages = self.runtime.router.dispatch(event)
        to = self.acking(event, ack, body)
        errors = [m for m in messages if isinstance(m, FormErrors)]
        in_ack = errors or [m for m in messages if isinstance(m, Form)][:1]
        locale = event.actor.locale
        self.answer(in_ack, to, locale=locale)
        if not to.ack.done:
            to.ack()
        if not errors:
            self.answer([m for m in messages if not isinstance(m, Form)], to, locale=locale)

    def answer(self, messages: list, to: Origin, *, locale: str | None) -> None:
        """Deliver what a person's event returned; its posts for the team are the outbox job's
        once the grace is over, so retries stop before then (patience.py)."""
        with self.patience.within(self.runtime.settings.outbox_grace):
            self.dispatcher.deliver(messages, to, locale=locale)

    @staticmethod
    def acking(event: FormSubmit, ack: Callable, body: dict) -> Origin:
        """Where to answer a submission while it is acknowledged: the ack knows its inputs."""
        blocks = [b.get("block_id") for b in body["view"].get("blocks", []) if b.get("block_id")]
        return replace(event.raw, ack=Ack(ack, blocks))

    def on_message(self, body: dict, event: dict) -> None:
        """Replies in a card's thread (with the inbox, `keep_events` stored them already)."""
        if self.workers is None and event_kind(event) == "thread_reply":
            self.work_on(*self.events_of("thread_reply", body))

    def on_home(self, body: dict, event: dict) -> None:
        if self.workers is None and event_kind(event) == "home":
            self.work_on(*self.events_of("home", body))


def after_ack(messages: list) -> list:
    """A form worked after its ack can no longer show problems next to its inputs (a check
    the values alone could not make, e.g. a version deleted meanwhile): say them instead."""
    return [Notice(Rich(["\n".join(m.errors.values())])) if isinstance(m, FormErrors) else m
            for m in messages]


def event_kind(event: dict) -> str | None:
    """The events the desk works on: a person's reply in a thread, and App Home opened. Whether
    the thread is a card's is asked when it is worked."""
    if event.get("type") == "app_home_opened":
        return "home" if event.get("tab", "home") == "home" else None
    thread = event.get("thread_ts")
    if (event.get("type") != "message" or not thread or thread == event.get("ts")
            or not event.get("user") or event.get("subtype") not in (None, "thread_broadcast")):
        return None
    return "thread_reply"
