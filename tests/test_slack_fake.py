"""Self-test of the Slack loopback fakes, driven through a real (throwaway) bolt App.

Proves that the fakes make slack-bolt / slack-sdk do their real work -- signature checks,
payload parsing, routing, Web API calls, Socket Mode, retries -- with nothing leaving
127.0.0.1, so the product's adapter tests can rely on them.
"""

from __future__ import annotations

import logging
import time
from types import SimpleNamespace

import pytest
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import builtin_handlers
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from tests.fakes.slack_fake import (
    APP_TOKEN,
    BOT_ID,
    BOT_TOKEN,
    BOT_USER_ID,
    CHANNEL_ID,
    FILE_UPLOAD,
    RESPONSE_URL,
    SIGNING_SECRET,
    TEAM_ID,
    USER_ID,
    BoltHTTPServer,
    FakeSlackAPI,
    FakeSocketModeServer,
    async_bolt_request,
    block_action_body,
    bolt_request,
    close_socket_mode_handler,
    event_body,
    event_payload,
    global_shortcut_body,
    http_post,
    message_event,
    message_shortcut_body,
    new_ts,
    retry_headers,
    signed_headers,
    slash_command_body,
    slash_command_payload,
    view_submission_body,
)


@pytest.fixture
def slack_api():
    with FakeSlackAPI() as api:
        yield api


@pytest.fixture(autouse=True)
def no_sdk_errors(caplog):
    """bolt and slack-sdk only log what goes wrong in listeners and sockets: fail on it."""
    yield
    records = caplog.get_records("setup") + caplog.get_records("call")  # caplog.records: teardown only here
    errors = [r for r in records if r.levelno >= logging.ERROR and r.name.startswith(("slack_bolt", "slack_sdk"))]
    assert not errors, [r.getMessage() for r in errors]


def make_app(api: FakeSlackAPI, **kw) -> App:
    client = WebClient(token=BOT_TOKEN, base_url=api.base_url, **kw)
    return App(client=client, signing_secret=SIGNING_SECRET, process_before_response=True)


def add_review_command(app: App) -> list[dict]:
    seen: list[dict] = []

    @app.command("/review")
    def review(ack, command, client):
        ack(f"Looking at {command['text']}")
        seen.append(command)
        client.chat_postMessage(channel=command["channel_id"], text=f"Review requested: {command['text']}")

    return seen


def test_signed_slash_command_reaches_listener_and_web_api(slack_api):
    app = make_app(slack_api)
    seen = add_review_command(app)
    assert slack_api.calls("auth.test")[0].token == BOT_TOKEN  # bolt checks the token at start-up

    resp = app.dispatch(bolt_request(slash_command_body("/review", "ACME-42")))

    assert (resp.status, resp.body) == (200, "Looking at ACME-42")
    assert seen[0]["user_id"] == USER_ID
    [post] = slack_api.calls("chat.postMessage")
    assert post.token == BOT_TOKEN
    assert post.body["channel"] == CHANNEL_ID
    assert post.body["text"] == "Review requested: ACME-42"
    assert post.body["team_id"] == TEAM_ID  # bolt adds it to every listener call
    assert post.response["message"]["bot_id"] == BOT_ID


def test_real_http_round_trip_through_wsgi_adapter(slack_api):
    app = make_app(slack_api)
    add_review_command(app)
    body = slash_command_body("/review", "over http")

    with BoltHTTPServer(app) as server:
        ok = http_post(server.url, body, signed_headers(SIGNING_SECRET, body))
        elsewhere = http_post(server.url.replace("/slack/events", "/other"), body, signed_headers(SIGNING_SECRET, body))

    assert (ok.status, ok.text) == (200, "Looking at over http")
    assert elsewhere.status == 404
    assert slack_api.calls("chat.postMessage")[0].body["text"] == "Review requested: over http"


@pytest.mark.parametrize("case", ["wrong secret", "stale timestamp", "changed body", "no signature"])
def test_bad_signatures_are_rejected_with_401(slack_api, case):
    app = make_app(slack_api)
    seen = add_review_command(app)
    body = slash_command_body("/review", "ACME-42")
    headers = {
        "wrong secret": lambda: signed_headers("not-the-secret", body),
        "stale timestamp": lambda: signed_headers(SIGNING_SECRET, body, timestamp=time.time() - 301),
        "changed body": lambda: signed_headers(SIGNING_SECRET, slash_command_body("/review", "ACME-43")),
        "no signature": lambda: {"Content-Type": "application/x-www-form-urlencoded"},
    }[case]()

    with BoltHTTPServer(app) as server:
        resp = http_post(server.url, body, headers)

    assert resp.status == 401
    assert seen == [] and slack_api.calls("chat.postMessage") == []


def test_block_action_respond_reaches_loopback_response_url(slack_api):
    app = make_app(slack_api)

    @app.action("approve")
    def approve(ack, action, respond):
        ack()
        respond(text=f"Approved {action['value']}", replace_original=True)

    body = block_action_body("approve", "case-7", response_url=slack_api.response_url("act-1"))
    resp = app.dispatch(bolt_request(body))

    assert resp.status == 200
    [posted] = slack_api.calls(RESPONSE_URL)
    assert posted.path == "/response/act-1"
    assert posted.body == {"text": "Approved case-7", "replace_original": True}


def test_view_submission_errors_come_back_in_http_response(slack_api):
    app = make_app(slack_api)

    @app.view("draft_reply")
    def submit(ack, view):
        text = view["state"]["values"]["reply"]["text"]["value"]
        if len(text) < 10:
            ack(response_action="errors", errors={"reply": f"Too short ({view['private_metadata']})"})
        else:
            ack()

    body = view_submission_body(
        "draft_reply", {"reply": {"text": {"type": "plain_text_input", "value": "meh"}}}, private_metadata="case-7"
    )
    with BoltHTTPServer(app) as server:
        resp = http_post(server.url, body, signed_headers(SIGNING_SECRET, body))

    assert resp.status == 200
    assert resp.headers["content-type"].startswith("application/json")
    assert resp.json() == {"response_action": "errors", "errors": {"reply": "Too short (case-7)"}}


def test_retried_event_shows_retry_headers_to_listener(slack_api):
    app = make_app(slack_api)
    seen: list[tuple] = []

    @app.event("message")
    def on_message(event, request):
        headers = request.headers
        seen.append((event["thread_ts"], headers.get("x-slack-retry-num"), headers.get("x-slack-retry-reason")))

    root = new_ts()
    body = event_body(message_event("any update?", thread_ts=root), event_id="Ev0RETRY")
    assert app.dispatch(bolt_request(body)).status == 200
    assert app.dispatch(bolt_request(body, headers=retry_headers(1, "http_timeout"))).status == 200

    assert seen == [(root, None, None), (root, ["1"], ["http_timeout"])]  # header values are lists


def test_builders_match_what_bolt_routes(slack_api):
    app = make_app(slack_api)
    seen: list = []

    @app.message_shortcut("flag_review")
    def flag(ack, shortcut):
        ack()
        seen.append(("message_shortcut", shortcut["message"]["text"], shortcut["channel"]["id"]))

    @app.global_shortcut("new_review")
    def new(ack, shortcut):
        ack()
        seen.append(("global_shortcut", shortcut["user"]["id"], bool(shortcut["trigger_id"])))

    @app.message("any news")
    def reply(message, context):
        seen.append(("thread_message", message["thread_ts"], context.channel_id))

    bodies = [
        message_shortcut_body("flag_review", {"text": "1 star, awful", "user": USER_ID}),
        global_shortcut_body("new_review"),
        event_body(message_event("any news?", thread_ts="1.000001")),
    ]
    assert [app.dispatch(bolt_request(b)).status for b in bodies] == [200, 200, 200]
    assert seen == [
        ("message_shortcut", "1 star, awful", CHANNEL_ID),
        ("global_shortcut", USER_ID, True),
        ("thread_message", "1.000001", CHANNEL_ID),
    ]


def test_bolt_drops_slash_commands_whose_form_body_mentions_payload(slack_api):
    """Pins a slack-bolt 1.30 quirk: ``parse_body`` treats any form body containing the text
    "payload" as an interactivity payload, finds no ``payload`` field and returns ``{}``, so
    ``/review check payload`` is unhandled (404) over HTTP. Socket Mode is not affected.
    If this test fails, bolt fixed it."""
    app = make_app(slack_api)
    seen = add_review_command(app)

    assert app.dispatch(bolt_request(slash_command_body("/review", "check payload"))).status == 404
    assert seen == []


def test_socket_mode_round_trip_with_builtin_handler(slack_api):
    app = make_app(slack_api)
    seen = add_review_command(app)
    retries: list[tuple] = []

    @app.event("message")
    def on_message(request):
        retries.append((request.headers.get("x-slack-retry-num"), request.headers.get("x-slack-retry-reason")))

    with FakeSocketModeServer(slack_api) as socket_mode:
        handler = SocketModeHandler(app, app_token=APP_TOKEN)
        handler.connect()
        try:
            envelope_id = socket_mode.push_slash_command(slash_command_payload("/review", "ACME-42 payload"))
            assert socket_mode.wait_ack(envelope_id) == {
                "envelope_id": envelope_id,
                "payload": {"text": "Looking at ACME-42 payload"},
            }
            assert seen[0]["text"] == "ACME-42 payload"
            post = slack_api.wait_for("chat.postMessage")
            assert post.body["text"] == "Review requested: ACME-42 payload"

            first = socket_mode.push_event(event_payload(message_event("hi")))
            again = socket_mode.push_event(event_payload(message_event("hi")), retry_attempt=1, retry_reason="timeout")
            socket_mode.wait_ack(first), socket_mode.wait_ack(again)

            # Slack asks clients to move to a new connection now and then.
            socket_mode.send_json({"type": "disconnect", "reason": "refresh_requested"})
            socket_mode.wait_connected(total=2)
            after = socket_mode.push_slash_command(slash_command_payload("/review", "after refresh"))
            assert socket_mode.wait_ack(after)["payload"] == {"text": "Looking at after refresh"}
        finally:
            close_socket_mode_handler(handler, socket_mode)

    opened = slack_api.calls("apps.connections.open")
    assert len(opened) == 2 and {c.token for c in opened} == {APP_TOKEN}
    # Slack sends retry_attempt 0 on first delivery, and bolt turns it into a "0" header:
    # a retry is num > 0, not "header present".
    assert sorted(retries) == [(["0"], [""]), (["1"], ["timeout"])]


def test_rate_limited_call_is_retried_after_retry_after(slack_api, monkeypatch):
    sleeps: list[float] = []
    monkeypatch.setattr(builtin_handlers, "time", SimpleNamespace(sleep=sleeps.append))
    app = make_app(slack_api, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)])
    add_review_command(app)
    slack_api.rate_limit("chat.postMessage", retry_after=1)

    assert app.dispatch(bolt_request(slash_command_body("/review", "ACME-42"))).status == 200

    assert [c.status for c in slack_api.calls("chat.postMessage")] == [429, 200]
    assert len(sleeps) == 1 and 1 <= sleeps[0] < 2  # Retry-After plus up to 1 s jitter


def test_without_retry_handler_rate_limit_and_errors_raise(slack_api):
    client = WebClient(token=BOT_TOKEN, base_url=slack_api.base_url)
    slack_api.rate_limit("chat.postMessage", retry_after=0)
    slack_api.fail("chat.update", "message_not_found")

    with pytest.raises(SlackApiError) as limited:
        client.chat_postMessage(channel=CHANNEL_ID, text="x")
    with pytest.raises(SlackApiError) as failed:
        client.chat_update(channel=CHANNEL_ID, ts="1.000001", text="x")

    assert limited.value.response.status_code == 429
    assert limited.value.response.headers["Retry-After"] == "0"
    assert failed.value.response["error"] == "message_not_found"
    assert client.chat_postMessage(channel=CHANNEL_ID, text="x")["ok"]  # one-shot failures


def test_web_api_answers_are_plausible(slack_api):
    client = WebClient(token=BOT_TOKEN, base_url=slack_api.base_url)
    slack_api.users[USER_ID] = {"locale": "de-DE", "real_name": "Rita Reviewer"}

    first = client.chat_postMessage(channel=CHANNEL_ID, text="one")
    second = client.chat_postMessage(channel=CHANNEL_ID, text="two", thread_ts=first["ts"])
    assert float(second["ts"]) > float(first["ts"])
    assert second["message"]["thread_ts"] == first["ts"]
    assert client.chat_postMessage(channel=USER_ID, text="dm")["channel"].startswith("D")
    updated = client.chat_update(channel=CHANNEL_ID, ts=first["ts"], text="one, edited")
    assert updated["message"]["text"] == "one, edited"
    assert client.chat_postEphemeral(channel=CHANNEL_ID, user=USER_ID, text="psst")["message_ts"]
    permalink = client.chat_getPermalink(channel=CHANNEL_ID, message_ts=first["ts"])["permalink"]
    assert permalink.endswith(f"/archives/{CHANNEL_ID}/p{first['ts'].replace('.', '')}")
    assert [m["text"] for m in client.conversations_replies(channel=CHANNEL_ID, ts=first["ts"])["messages"]] == [
        "one, edited",
        "two",
    ]

    user = client.users_info(user=USER_ID, include_locale=True)["user"]
    assert (user["locale"], user["real_name"]) == ("de-DE", "Rita Reviewer")
    assert "locale" not in client.users_info(user=USER_ID)["user"]
    assert client.conversations_info(channel=CHANNEL_ID)["channel"]["name"] == "reviews"

    view = {
        "type": "modal",
        "callback_id": "draft_reply",
        "title": {"type": "plain_text", "text": "Reply"},
        "blocks": [],
    }
    opened = client.views_open(trigger_id="1.2.3", view=view)["view"]
    assert opened["id"].startswith("V") and opened["callback_id"] == "draft_reply"
    assert client.views_update(view_id=opened["id"], view=view)["view"]["id"] == opened["id"]
    assert client.views_publish(user_id=USER_ID, view={"type": "home", "blocks": []})["view"]["type"] == "home"

    uploaded = client.files_upload_v2(channel=CHANNEL_ID, content="case export", filename="case.txt", title="Case")
    assert uploaded["file"]["name"] == "case.txt"
    assert slack_api.calls(FILE_UPLOAD)[0].raw_body == b"case export"
    assert slack_api.calls("files.completeUploadExternal")[0].body["channel_id"] == CHANNEL_ID

    assert client.auth_test()["user_id"] == BOT_USER_ID
    reply = slack_api.wait_for("chat.postMessage", lambda c: c.body.get("text") == "two")
    assert reply.body["thread_ts"] == first["ts"]
    slack_api.reset()
    assert slack_api.calls() == []


async def test_async_app_dispatch_and_socket_mode(slack_api):
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    app = AsyncApp(
        client=AsyncWebClient(token=BOT_TOKEN, base_url=slack_api.base_url),
        signing_secret=SIGNING_SECRET,
        process_before_response=True,
    )

    @app.command("/review")
    async def review(ack, command, client):
        await ack(f"Looking at {command['text']}")
        await client.chat_postMessage(channel=command["channel_id"], text=command["text"])

    resp = await app.async_dispatch(async_bolt_request(slash_command_body("/review", "over http")))
    assert (resp.status, resp.body) == (200, "Looking at over http")

    with FakeSocketModeServer(slack_api) as socket_mode:
        handler = AsyncSocketModeHandler(app, app_token=APP_TOKEN)
        await handler.connect_async()
        try:
            envelope_id = await socket_mode.push_async("slash_commands", slash_command_payload("/review", "over ws"))
            assert (await socket_mode.wait_ack_async(envelope_id))["payload"] == {"text": "Looking at over ws"}
        finally:
            await handler.close_async()

    assert (await slack_api.wait_for_async("chat.postMessage", lambda c: c.body["text"] == "over ws")).status == 200
