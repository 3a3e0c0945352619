"""The Slack app as it runs: HTTP through waitress with signature checks, Socket Mode through
the fake websocket, and several processes sharing one database."""
from __future__ import annotations

import logging
import time

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.adapters.slack.adapter import EVENTS_PATH, wsgi_app
from app.main import build
from bot.settings import Settings
from tests.serving import waitress
from tests.fakes.slack_fake import (APP_TOKEN, CHANNEL_ID, SIGNING_SECRET, FakeSocketModeServer,
                                    close_socket_mode_handler, event_payload, http_post,
                                    message_event, signed_headers, slash_command_body,
                                    slash_command_payload)
from tests.slack_support import Slack, no_logged_errors, slack_api, text_of  # noqa: F401


@pytest.fixture
def served(app, slack_api):
    """The app over real HTTP, acking first and working after, as in production."""
    slack = Slack(app, slack_api, process_before_response=False)
    with waitress(wsgi_app(slack.adapter)) as url:
        yield slack, url
    slack.adapter.workers.stop()


def test_http_mode_acks_then_posts_the_card(served, slack_api):
    slack, url = served
    body = slash_command_body("/review", "The payload of the parcel was broken on arrival.")

    response = http_post(url + EVENTS_PATH, body, signed_headers(SIGNING_SECRET, body))

    assert (response.status, response.text) == (200, "")
    card = slack_api.wait_for("chat.postMessage", lambda c: c.body["channel"] == CHANNEL_ID)
    assert "The payload of the parcel" in text_of(card.body["blocks"])
    slack_api.wait_for("chat.postEphemeral", lambda c: "/review setup" in c.body["text"])  # last
    health = http_post(url + "/healthz", "", {})  # a POST is not the health check
    assert health.status == 404


@pytest.mark.parametrize("problem", ["forged signature", "stale timestamp"])
def test_http_mode_rejects_unsigned_requests(served, slack_api, problem):
    _, url = served
    body = slash_command_body("/review", "A review nobody sent.")
    headers = (signed_headers("not-the-secret", body) if problem == "forged signature"
               else signed_headers(SIGNING_SECRET, body, timestamp=time.time() - 301))

    assert http_post(url + EVENTS_PATH, body, headers).status == 401
    assert slack_api.calls("chat.postMessage") == []


def test_socket_mode_round_trip_and_a_resent_event(app, slack_api):
    slack = Slack(app, slack_api, process_before_response=False)
    with FakeSocketModeServer(slack_api) as socket_mode:
        handler = SocketModeHandler(slack.app, app_token=APP_TOKEN)
        handler.connect()
        try:
            envelope = socket_mode.push_slash_command(
                slash_command_payload("/review", "Over the socket: the room was never cleaned."))
            assert socket_mode.wait_ack(envelope) == {"envelope_id": envelope}
            ts = slack_api.wait_for("chat.postMessage").response["ts"]
            # the last answer to the command: by now the card's message is in the database
            slack_api.wait_for("chat.postEphemeral", lambda c: "/review setup" in c.body["text"])

            reply = event_payload(message_event("draft: Dear guest, we are sorry. Ann",
                                                thread_ts=ts))
            first = socket_mode.push_event(reply)  # Slack says retry_attempt 0 the first time
            again = socket_mode.push_event(reply, retry_attempt=1, retry_reason="timeout")
            socket_mode.wait_ack(first), socket_mode.wait_ack(again)
            slack_api.wait_for("chat.postMessage", lambda c: "Draft v1" in text_of(
                c.body.get("blocks", [])))
        finally:
            close_socket_mode_handler(handler, socket_mode)
            slack.adapter.workers.stop()

    assert slack_api.calls("apps.connections.open")[0].token == APP_TOKEN
    drafts = [c for c in slack_api.calls("chat.postMessage")
              if "Draft v" in text_of(c.body.get("blocks", []))]
    assert len(drafts) == 1


def test_two_processes_share_one_database(database_url, clock, slack_api):
    """What one process posted, another updates in place: the card's message is in the database."""
    first, second = (build(Settings(database_url=database_url), clock=clock) for _ in range(2))
    try:
        one, two = Slack(first, slack_api), Slack(second, slack_api)
        ts = one.forward()
        two.click("vote_respond", "1", "U0ANN")
        one.click("vote_respond", "1", "U0BOB")
        two.click("claim", "1", "U0ANN")

        assert len(one.cards()) == 1
        assert {u["ts"] for u in one.updates()} == {ts}
        assert any("claimed the case" in t for t in two.thread(ts))
    finally:
        first.desk.db.dispose()
        second.desk.db.dispose()


def test_cli_runs_slack_and_says_which_token_is_missing(tmp_path):
    from typer.testing import CliRunner

    from app.cli import app as cli

    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'desk.db'}", "SLACK_BOT_TOKEN": "xoxb-1",
           "SLACK_APP_TOKEN": "", "SLACK_SIGNING_SECRET": ""}
    runner = CliRunner()
    socket = runner.invoke(cli, ["slack", "--env-file", "/nonexistent"], env=env)
    http = runner.invoke(cli, ["slack", "--http", "--port", "0", "--env-file", "/nonexistent"],
                         env=env)

    assert socket.exit_code != 0 and "SLACK_APP_TOKEN" in str(socket.exception)
    assert http.exit_code != 0 and "SLACK_SIGNING_SECRET" in str(http.exception)


@pytest.mark.parametrize("failure", ["connection reset", "no user in the answer", "slack error"])
def test_a_failed_look_up_falls_back_to_the_payload_and_loses_nothing(served, slack_api, failure,
                                                                      caplog):
    slack, url = served
    caplog.set_level(logging.CRITICAL, logger="slack_sdk.web.base_client")  # its own retry log
    {"connection reset": lambda: slack_api.drop("users.info", times=None),
     "no user in the answer": lambda: slack_api.stub("users.info", {"ok": True}, times=None),
     "slack error": lambda: slack_api.fail("users.info", "user_not_found", times=None)}[failure]()
    body = slash_command_body("/review", "The parcel never came and nobody answers the phone.",
                              user_name="sam")

    assert http_post(url + EVENTS_PATH, body, signed_headers(SIGNING_SECRET, body)).status == 200
    card = slack_api.wait_for("chat.postMessage", lambda c: c.body["channel"] == CHANNEL_ID)
    assert "The parcel never came" in text_of(card.body["blocks"])
