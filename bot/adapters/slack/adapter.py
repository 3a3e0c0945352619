"""The bolt app: one listener per command, shortcut, button and form the router knows, each
acknowledging Slack first and working after (Slack wants an answer within 3 seconds).

Form submissions are the exception: their problems must go back in the acknowledgement
itself, so the router answers them before the ack (a database round trip, well within time).
"""
from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Callable
from urllib.parse import parse_qsl

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.request.internals import build_context
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (ConnectionErrorRetryHandler,
                                                   RateLimitErrorRetryHandler)

from bot.adapters.slack.blocks import modal
from bot.adapters.slack.directory import Directory
from bot.adapters.slack.inbound import PLATFORM, Inbound, form_metadata
from bot.adapters.slack.outbound import Delivery, Pacer
from bot.events import ButtonClick, Command, Event, FormSubmit, HomeOpened, MessageShortcut
from bot.messages import Form, FormErrors, Outbox
from bot.runtime import Runtime

log = logging.getLogger(__name__)

WORKERS = 4  # SQLite writes one at a time anyway; PostgreSQL shares them across processes
# A global shortcut's callback id → the command it runs with no text.
GLOBAL_SHORTCUTS = {"new_review": "review"}


def make_client(runtime: Runtime) -> WebClient:
    settings = runtime.settings
    return WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_base_url,
                     retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=3),
                                     ConnectionErrorRetryHandler(max_retry_count=2)])


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


class SlackAdapter:
    def __init__(self, runtime: Runtime, *, client: WebClient | None = None,
                 process_before_response: bool = False, pacer: Pacer | None = None,
                 directory: Directory | None = None) -> None:
        self.runtime = runtime
        self.client = client or make_client(runtime)
        self.directory = directory or Directory(self.client)
        self.inbound = Inbound(self.directory)
        self.delivery = Delivery(self.client, runtime.refs, pacer or Pacer(slots=runtime.slots))
        self.app = App(client=self.client, signing_secret=runtime.settings.slack_signing_secret,
                       process_before_response=process_before_response,
                       before_authorize=read_slash_command_form)
        self.app.use(skip_retries)
        # After the ack, the work goes to a pool of its own: when requests come faster than
        # they can be worked off, bolt's listener threads stay free to acknowledge the next
        # ones within Slack's 3 seconds (tests process before responding, inline).
        self.work = None if process_before_response else ThreadPoolExecutor(
            max_workers=WORKERS, thread_name_prefix="review-desk-work")
        self.register()

    def register(self) -> None:
        router, app = self.runtime.router, self.app
        for name in router.names(Command):
            app.command(f"/{name}")(self.on_command)
        for name in router.names(MessageShortcut):
            app.shortcut({"type": "message_action", "callback_id": name})(self.on_message_shortcut)
        for callback_id in GLOBAL_SHORTCUTS:
            app.shortcut({"type": "shortcut", "callback_id": callback_id})(self.on_global_shortcut)
        for name in router.names(ButtonClick):
            app.action(name)(self.on_button)
        for name in router.names(FormSubmit):
            app.view_submission(name)(self.on_form)
        app.event("message")(self.on_message)
        app.event("app_home_opened")(self.on_home)

    def send(self, outbox: Outbox) -> None:
        self.delivery.send(outbox)

    # -- listeners ----------------------------------------------------------------------
    def run(self, *events: Event) -> None:
        """Work on the events in order, after the ack."""
        if self.work is None:
            self.work_on(*events)
        else:
            self.work.submit(self.work_on, *events)

    def work_on(self, *events: Event) -> None:
        for event in events:
            try:
                self.delivery.deliver(self.runtime.router.dispatch(event), event.raw)
            except Exception:  # the router tells people about their errors; this is delivery
                log.exception("delivering the answer to %s failed", type(event).__name__)

    def on_command(self, ack: Callable, body: dict) -> None:
        ack()
        self.run(self.inbound.command(body))

    def on_message_shortcut(self, ack: Callable, body: dict) -> None:
        ack()
        self.run(self.inbound.message_shortcut(body))

    def on_global_shortcut(self, ack: Callable, body: dict) -> None:
        ack()
        self.run(self.inbound.global_shortcut(body, GLOBAL_SHORTCUTS[body["callback_id"]]))

    def on_button(self, ack: Callable, body: dict) -> None:
        ack()
        event = self.inbound.button(body)
        if body.get("container", {}).get("type") == "view" and body["view"].get("type") == "home":
            self.run(event, HomeOpened(event.actor, event.place, event.raw))  # and show it there
        else:
            self.run(event)

    def on_form(self, ack: Callable, body: dict) -> None:
        event = self.inbound.form(body)
        messages = self.runtime.router.dispatch(event)
        errors = [m for m in messages if isinstance(m, FormErrors)]
        if errors:
            return ack(response_action="errors", errors=self.field_errors(body, errors))
        forms = [m for m in messages if isinstance(m, Form)]
        if forms:  # a next step: shown in place of this one
            ack(response_action="update",
                view=modal(forms[0], form_metadata(forms[0].context, event.raw.channel)))
        else:
            ack()
        self.delivery.deliver([m for m in messages if not isinstance(m, Form)], event.raw)

    @staticmethod
    def field_errors(body: dict, errors: list[FormErrors]) -> dict[str, str]:
        """Problems keyed by the input's block; one about no input shows on the first."""
        blocks = [b.get("block_id") for b in body["view"].get("blocks", []) if b.get("block_id")]
        out: dict[str, str] = {}
        for name, problem in (item for e in errors for item in e.errors.items()):
            block = name if name in blocks or not blocks else blocks[0]
            out[block] = f"{out[block]} {problem}" if block in out else problem
        return out

    def on_message(self, body: dict, event: dict) -> None:
        """Replies in a card's thread; every other message is none of the desk's business."""
        thread = event.get("thread_ts")
        if (not thread or thread == event.get("ts") or not event.get("user")
                or event.get("subtype") not in (None, "thread_broadcast")):
            return
        key = self.runtime.refs.find(PLATFORM, event["channel"], thread)
        if key is not None:
            self.run(self.inbound.thread_reply(body, key))

    def on_home(self, body: dict, event: dict) -> None:
        if event.get("tab", "home") == "home":
            self.run(self.inbound.home(body))


