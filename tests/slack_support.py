"""Driving the Slack adapter through the real bolt request path: signed requests in, the fake
Web API recording what goes out, and modals filled in from the view the bot opened."""
from __future__ import annotations

import json
import logging
from dataclasses import replace

import pytest

from bot.adapters.slack.adapter import SlackAdapter
from bot.adapters.slack.config import SlackSettings
from bot.adapters.slack.outbound import Pacer
from tests.fakes.slack_fake import (BOT_TOKEN, CHANNEL_ID, SIGNING_SECRET, USER_ID, USER_NAME,
                                    FakeSlackAPI, block_action_body, bolt_request, event_body,
                                    message_event, slash_command_body, view_submission_body)


@pytest.fixture
def slack_api():
    with FakeSlackAPI() as api:
        yield api


@pytest.fixture(autouse=True)
def no_logged_errors(caplog):
    """bolt only logs what fails in a listener, and so does the router: fail the test on it."""
    caplog.set_level(logging.INFO)
    yield
    errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    assert not errors, [f"{r.name}: {r.getMessage()}" for r in errors]


def slack_settings(app, api: FakeSlackAPI):
    return replace(app.settings, sections={"slack": SlackSettings(
        bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_base_url=api.base_url)})


class Sleeps(list):
    """A pacer's sleep that only writes down how long it would have slept."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


class Slack:
    """One workspace: people act by signed requests; the fake records the bot's answers."""

    __test__ = False

    def __init__(self, app, api: FakeSlackAPI, **adapter_options) -> None:
        app.settings = slack_settings(app, api)
        self.api = api
        self.sleeps = Sleeps()
        adapter_options.setdefault("process_before_response", True)
        adapter_options.setdefault("pacer", Pacer(clock=lambda: 0.0, sleep=self.sleeps))
        self.adapter = SlackAdapter(app, **adapter_options)
        self.app = self.adapter.app

    def dispatch(self, body: str, **kw):
        response = self.app.dispatch(bolt_request(body, **kw))
        assert response.status == 200, (response.status, response.body)
        return response

    # -- what people do ---------------------------------------------------------------
    def command(self, text: str = "", user: str = USER_ID, **kw):
        return self.dispatch(slash_command_body("/review", text, user_id=user,
                                                user_name=user.lower(), **kw))

    def click(self, action: str, value: str, user: str = USER_ID, *, card: str | None = None,
              **kw):
        ts = card or self.card_ts()
        return self.dispatch(block_action_body(action, value, user=user, user_name=user.lower(),
                                               message_ts=ts, **kw))

    def reply(self, text: str, user: str = USER_ID, *, card: str | None = None, **kw):
        return self.dispatch(event_body(message_event(text, user=user,
                                                      thread_ts=card or self.card_ts())), **kw)

    def submit(self, values: dict | None = None, user: str = USER_ID, view: dict | None = None):
        """Submit the modal the bot opened last, with its pre-filled values changed by `values`."""
        view = view or self.opened_view()
        state = fill_state(view["blocks"], values or {})
        return self.dispatch(view_submission_body(view["callback_id"], state,
                                                  view.get("private_metadata", ""), user=user,
                                                  user_name=user.lower(), blocks=view["blocks"]))

    def forward(self, text: str = "Waited an hour for a cold pizza and nobody said sorry.",
                user: str = USER_ID) -> str:
        """A review forwarded by command; returns its card's timestamp."""
        self.command(text, user=user)
        return self.card_ts()

    # -- what the bot did -------------------------------------------------------------
    def opened_view(self) -> dict:
        return self.api.calls("views.open")[-1].body["view"]

    def posts(self, **match) -> list[dict]:
        return [c.body for c in self.api.calls("chat.postMessage")
                if all(c.body.get(k) == v for k, v in match.items())]

    def cards(self) -> list[dict]:
        return [c for c in self.posts(channel=CHANNEL_ID) if "thread_ts" not in c]

    def card_ts(self) -> str:
        cards = [c for c in self.api.calls("chat.postMessage")
                 if "thread_ts" not in c.body and c.body.get("channel") == CHANNEL_ID]
        assert cards, "no card was posted"
        return cards[-1].response["ts"]

    def updates(self) -> list[dict]:
        return [c.body for c in self.api.calls("chat.update")]

    def thread(self, ts: str) -> list[str]:
        return [text_of(p["blocks"]) for p in self.posts(thread_ts=ts)]

    def ephemerals(self, user: str = USER_ID) -> list[str]:
        return [text_of(c.body["blocks"]) for c in self.api.calls("chat.postEphemeral")
                if c.body.get("user") == user]


def text_of(blocks: list[dict]) -> str:
    """All the text in blocks, in order (sections, fields, context, buttons)."""
    out: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") in ("mrkdwn", "plain_text"):
                out.append(node["text"])
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return "\n".join(out)


def fill_state(blocks: list[dict], values: dict) -> dict:
    """The `state.values` Slack sends for these input blocks: shown values, then `values`."""
    state: dict = {}
    for block in blocks:
        if block.get("type") != "input":
            continue
        element, name = block["element"], block["block_id"]
        kind = element["type"]
        if kind == "static_select":
            shown = (element.get("initial_option") or {}).get("value")
            value = values.get(name, shown)
            option = next((o for o in element["options"] if o["value"] == value), None)
            entry = {"type": kind, "selected_option": option}
        elif kind == "users_select":
            entry = {"type": kind, "selected_user": values.get(name, element.get("initial_user"))}
        else:
            entry = {"type": kind, "value": values.get(name, element.get("initial_value"))}
        state[name] = {element["action_id"]: entry}
    return state


def ack_json(response) -> dict:
    return json.loads(response.body) if response.body else {}


__all__ = ["Slack", "ack_json", "fill_state", "no_logged_errors", "slack_api", "text_of",
           "USER_NAME"]
