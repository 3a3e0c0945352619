"""The bot's Web API client keeps its connections alive (bot/adapters/slack/webclient.py), and
otherwise behaves as slack_sdk's own WebClient over urlopen: the same answers, errors and
retries, against the loopback fake."""
from __future__ import annotations

import json
import logging
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from datetime import datetime
from http.client import HTTPMessage
from urllib.error import HTTPError, URLError
from typing import Callable
from urllib.request import Request

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler
from slack_sdk.web.base_client import BaseClient

from bot.adapters.slack import webclient
from bot.adapters.slack.patience import Patience, retry_handlers
from bot.adapters.slack.webclient import KeptAliveClient
from tests.fakes import tls
from tests.fakes.slack_fake import BOT_TOKEN, CHANNEL_ID, FakeSlackAPI
from tests.slack_support import Slack, no_logged_errors, slack_api  # noqa: F401


@pytest.fixture(autouse=True)
def quiet_retries(caplog):
    """slack_sdk logs each failed attempt as an error before its handlers retry it."""
    caplog.set_level(logging.CRITICAL, logger="slack_sdk.web.base_client")


def patient() -> list:
    return retry_handlers(Patience(datetime.now))


def kept(api: FakeSlackAPI, **options) -> KeptAliveClient:
    options.setdefault("retry_handlers", patient())
    return KeptAliveClient(token=BOT_TOKEN, base_url=api.base_url, **options)


def plain(api: FakeSlackAPI, **options) -> WebClient:
    options.setdefault("retry_handlers", patient())
    return WebClient(token=BOT_TOKEN, base_url=api.base_url, **options)


def both(api: FakeSlackAPI, patience: Patience | None = None) -> tuple[WebClient, WebClient]:
    """The kept-alive client and slack_sdk's own, each with its handlers (within `patience`)."""
    handlers = (lambda: retry_handlers(patience)) if patience else patient
    return kept(api, retry_handlers=handlers()), plain(api, retry_handlers=handlers())


def post(client: WebClient, text: str = "hello"):
    return client.chat_postMessage(channel=CHANNEL_ID, text=text)


def raised_by_both(api: FakeSlackAPI, arrange: Callable[[], None], error: type = Exception,
                   patience: Patience | None = None, seconds: float = 0) -> list:
    """What a post raises through each client of `both`, the fake `arrange`d before each (and
    the post made within `seconds` of `patience`, when given)."""
    raised = []
    for client in both(api, patience):
        arrange()
        with patience.within(seconds) if patience else nullcontext(), \
                pytest.raises(error) as caught:
            post(client)
        raised.append(caught.value)
    return raised


def test_slack_sdk_still_sends_every_request_through_the_hook():
    """The client replaces a private method of slack_sdk: if a release renames it or changes
    its arguments, this fails (and so does the client's constructor) instead of the bot
    silently going back to a connection per call, or breaking."""
    assert webclient.hook_present(), f"slack_sdk has no {webclient.HOOK}(self, url, req)"
    assert webclient.HOOK in vars(KeptAliveClient)
    calls = []
    real = BaseClient._perform_urllib_http_request_internal

    def spy(self, url, req):
        calls.append(url)
        return real(self, url, req)

    with FakeSlackAPI() as api, pytest.MonkeyPatch.context() as patch:
        patch.setattr(BaseClient, webclient.HOOK, spy)
        plain(api).auth_test()
        assert calls == [api.base_url + "auth.test"]


def test_the_adapters_client_keeps_one_connection_for_many_calls(app, slack_api):
    slack = Slack(app, slack_api)
    assert isinstance(slack.adapter.client, KeptAliveClient)
    for n in range(5):
        slack.command(f"Cold fries and a rude cashier, never again ({n}).")

    assert len(slack_api.calls("chat.postMessage")) >= 5
    assert slack_api.connections == 1
    assert {c.headers.get("connection") for c in slack_api.calls()} == {None}  # not "close"


def test_urlopen_opened_a_connection_per_call(slack_api):
    client = plain(slack_api)
    for _ in range(3):
        post(client)
    assert slack_api.connections == 3


def test_threads_share_the_pool(slack_api):
    client = kept(slack_api)
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda n: post(client, f"post {n}"), range(40)))

    assert all(a["ok"] for a in answers)
    assert sorted(c.body["text"] for c in slack_api.calls("chat.postMessage")) == \
        sorted(f"post {n}" for n in range(40))
    assert slack_api.connections <= 4


def test_the_answer_is_the_one_urlopen_gives(slack_api):
    ours, theirs = post(kept(slack_api), "same"), post(plain(slack_api), "same")
    assert ours.status_code == theirs.status_code == 200
    assert ours.data.keys() == theirs.data.keys()
    assert ours.headers["Content-Type"] == theirs.headers["Content-Type"]
    assert {k.lower() for k in ours.headers} == {k.lower() for k in theirs.headers}


def test_a_429_is_retried_after_retry_after_on_the_same_connection(slack_api):
    slack_api.rate_limit("chat.postMessage", retry_after=0, times=2)
    client = kept(slack_api)

    assert post(client)["ok"]
    assert [c.status for c in slack_api.calls("chat.postMessage")] == [429, 429, 200]
    assert slack_api.connections == 1


def test_a_429_beyond_patience_fails_as_before(slack_api):
    """The handlers see what they saw with urlopen: Retry-After, under either spelling."""
    def ask_to_wait() -> None:
        slack_api.rate_limit("chat.postMessage", retry_after=30)

    raised = raised_by_both(slack_api, ask_to_wait, SlackApiError, Patience(datetime.now), 5)
    failures = [(e.response.status_code, e.response.data, e.response.headers["Retry-After"],
                 e.response.headers["retry-after"]) for e in raised]
    assert failures[0] == failures[1] == (429, {"ok": False, "error": "ratelimited"}, "30", "30")


@pytest.mark.parametrize("status", [500, 503, 404])
def test_an_http_error_reads_as_urlopens(slack_api, status):
    raised = [(e.response.status_code, e.response.data) for e in raised_by_both(
        slack_api, lambda: slack_api.stub("chat.postMessage", {"ok": False, "error": "internal_error"},
                                          status=status, times=1), SlackApiError)]
    assert raised[0] == raised[1] == (status, {"ok": False, "error": "internal_error"})


def test_the_hook_raises_urllibs_http_error(slack_api):
    """What slack_sdk reads of it: the code, headers with .items() and a charset, the body."""
    slack_api.stub("chat.postMessage", {"ok": False, "error": "internal_error"}, status=500,
                   times=1)
    client = kept(slack_api)
    request = Request(
        slack_api.base_url + "chat.postMessage", data=b"channel=C", method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(HTTPError) as raised:
        client._perform_urllib_http_request_internal(request.full_url, request)
    error = raised.value
    assert error.code == 500 and isinstance(error.headers, HTTPMessage)
    assert dict(error.headers.items())["Content-Type"] == "application/json; charset=utf-8"
    assert error.headers.get_content_charset() == "utf-8"
    assert error.read() == b'{"ok": false, "error": "internal_error"}'


def test_a_dropped_connection_is_retried_by_the_connection_handler(slack_api):
    slack_api.drop("chat.postMessage", times=1)
    assert post(kept(slack_api), "once more")["ok"]
    assert [c.status for c in slack_api.calls("chat.postMessage")] == [-1, 200]


def test_a_dropped_connection_fails_when_patience_is_over(slack_api):
    """No retry past patience: the post fails (and the outbox sends it later), as before."""
    errors = raised_by_both(slack_api, lambda: slack_api.drop("chat.postMessage", times=1),
                            patience=Patience(datetime.now), seconds=1)
    assert all(ConnectionErrorRetryHandler()._can_retry(state=None, request=None, error=e)
               for e in errors), errors


def test_a_refused_connection_is_an_url_error_as_before():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nobody listens there once closed
    client = KeptAliveClient(token=BOT_TOKEN, base_url=f"http://127.0.0.1:{port}/api/",
                             retry_handlers=[])
    with pytest.raises(URLError) as raised:
        client.auth_test()
    assert isinstance(raised.value.reason, ConnectionRefusedError)


def test_a_connection_the_server_closed_while_idle_is_not_reused(slack_api):
    """No retry handlers at all: a post sent on the closed connection would fail."""
    slack_api.idle_timeout = 0.2
    client = kept(slack_api, retry_handlers=[])
    for n in range(3):
        assert post(client, f"post {n}")["ok"]
        time.sleep(0.5)  # the server closes the connection meanwhile

    assert [c.body["text"] for c in slack_api.calls("chat.postMessage")] == \
        ["post 0", "post 1", "post 2"]
    assert slack_api.connections == 3


class ClosingServer:
    """Answers the first request of each connection (keeping it open), then closes the
    connection when the next request arrives, unread and unanswered: a server whose idle
    timeout fires just as the client reuses the connection. Counts what it answered."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.answered: list[bytes] = []
        self.connections = 0
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self.one, args=(conn,), daemon=True).start()

    def one(self, conn: socket.socket) -> None:
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, _, body = data.partition(b"\r\n\r\n")
            length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length")))
            while len(body) < length:
                body += conn.recv(65536)
            self.answered.append(body)
            answer = b'{"ok": true, "channel": "C", "ts": "1.000001"}'
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
                         b"Content-Length: %d\r\n\r\n%s" % (len(answer), answer))
            conn.recv(1)  # the next request begins: close without reading or answering it

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}/api/"

    def close(self) -> None:
        self.listener.close()


def test_a_connection_closed_as_it_is_reused_loses_and_doubles_nothing():
    server = ClosingServer()
    try:
        client = KeptAliveClient(token=BOT_TOKEN, base_url=server.base_url,
                                 retry_handlers=patient())
        for n in range(3):
            assert post(client, f"post {n}")["ok"]
    finally:
        server.close()
    # posts 1 and 2 were each sent once on a connection the server closed, then once more
    assert [json.loads(body)["text"] for body in server.answered] == ["post 0", "post 1", "post 2"]
    assert server.connections == 3


def test_proxy_and_ssl_are_used(slack_api):
    """A proxy gets the absolute URL (the fake records the path); an invalid one is refused."""
    client = KeptAliveClient(token=BOT_TOKEN, base_url="http://slack.invalid/api/",
                             proxy=slack_api.root_url, retry_handlers=[])
    assert post(client)["ok"]
    assert slack_api.calls("chat.postMessage")[0].path == "/api/chat.postMessage"
    client.proxy = 42
    with pytest.raises(SlackRequestError):
        post(client)


def test_https_with_the_clients_ssl_context_keeps_one_connection():
    with FakeSlackAPI(tls=tls.server_context()) as api:
        client = kept(api, ssl=tls.client_context())
        for _ in range(3):
            assert post(client)["ok"]
        assert api.connections == 1
        with pytest.raises(URLError):  # the system's certificates do not know the fake's
            post(kept(api, retry_handlers=[]))


def test_a_read_timeout_is_not_retried_as_before(slack_api):
    slack_api.slow("chat.postMessage", 1.5)
    with pytest.raises(TimeoutError):
        post(kept(slack_api, timeout=0.5))
    assert len(slack_api.calls("chat.postMessage")) <= 1
