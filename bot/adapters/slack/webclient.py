"""The Web API client of the bot: slack_sdk's WebClient over one pool of kept-alive connections.

slack_sdk sends each call with urllib's `urlopen`: a new connection per call, and against Slack
a new TLS handshake, which costs more CPU than the rest of the call. This client sends through
one httpx transport instead (httpcore's thread-safe pool, which keeps connections open between
calls and drops those the server closed before reusing one). Only the transport changes: slack_sdk's
hook `_perform_urllib_http_request_internal(url, req)` sends `req` and answers as urlopen
does, so the retry handlers (patience.py), the error handling and SlackResponse stay
slack_sdk's own:

* a status outside 2xx raises `urllib.error.HTTPError` (headers an `http.client.HTTPMessage`,
  the body readable), as urlopen's error processor does;
* a failure to connect or send raises `URLError`, a reset while reading
  `ConnectionResetError`, a server that closes without answering `RemoteDisconnected`: the
  errors ConnectionErrorRetryHandler retries, as it did with urlopen; a read that times out
  raises `TimeoutError`, which it did not and does not retry;
* a redirect is not followed but raised as the HTTPError it is (urlopen followed a 301-303 as
  a GET without the call's body; Slack's Web API does not redirect).

The hook is private to slack_sdk: pyproject.toml pins the releases it was checked against,
and tests/test_slack_keepalive.py fails when it is gone or changed.
"""
from __future__ import annotations

import inspect
import io
import logging
import ssl
import threading
from http.client import HTTPMessage, RemoteDisconnected
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.request import Request

import httpx
from slack_sdk import WebClient
from slack_sdk.errors import SlackRequestError
from slack_sdk.web.base_client import BaseClient

HOOK = "_perform_urllib_http_request_internal"
KEEPALIVE_SECONDS = 5.0  # an idle connection is closed after this (httpx's default)
MAX_CONNECTIONS = 32  # more threads than this wait for a connection (HTTP and inbox threads)


def hook_present() -> bool:
    """Whether slack_sdk still sends every request through `HOOK(url, req)`."""
    method = getattr(BaseClient, HOOK, None)
    return callable(method) and list(inspect.signature(method).parameters) == ["self", "url", "req"]


class KeptAliveClient(WebClient):
    """A WebClient whose calls share kept-alive connections. One per process; thread-safe."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if not hook_present():
            raise RuntimeError(f"slack_sdk no longer sends requests through {HOOK}(url, req): "
                               "check bot/adapters/slack/webclient.py against this release")
        super().__init__(*args, **kwargs)
        self._pool_lock = threading.Lock()
        self._pool: httpx.HTTPTransport | None = None
        self._pool_for: tuple = ()

    def _connections(self) -> httpx.HTTPTransport:
        """The pool, made for the client's current proxy and SSL context."""
        proxy, context = self.proxy, self.ssl
        if proxy is not None and not isinstance(proxy, str):
            raise SlackRequestError(f"Invalid proxy detected: {proxy} must be a str value")
        with self._pool_lock:
            if self._pool is None or self._pool_for != (proxy, context):
                self._pool_for = (proxy, context)  # a replaced pool ends with its last call
                # urlopen's defaults: the system's certificates (not certifi's), proxies only
                # as slack_sdk read them (it reads HTTPS_PROXY itself), no redirects followed.
                self._pool = httpx.HTTPTransport(
                    verify=context if context is not None else ssl.create_default_context(),
                    proxy=proxy or None, trust_env=False,
                    limits=httpx.Limits(max_connections=MAX_CONNECTIONS,
                                        max_keepalive_connections=MAX_CONNECTIONS,
                                        keepalive_expiry=KEEPALIVE_SECONDS))
            return self._pool

    def close(self) -> None:
        """Close the kept connections (a later call opens new ones)."""
        with self._pool_lock:
            pool, self._pool, self._pool_for = self._pool, None, ()
        if pool is not None:
            pool.close()

    def _perform_urllib_http_request_internal(self, url: str, req: Request) -> dict[str, Any]:
        if not url.lower().startswith("http"):
            raise SlackRequestError(f"Invalid URL detected: {url}")
        # The transport alone, without httpx.Client's cookies, auth, redirects and default
        # headers: what urlopen sent, on a kept connection. The time-out is urlopen's: for
        # connecting and for each read (and for waiting on a free connection of the pool).
        request = httpx.Request(req.get_method(), url, content=req.data or b"",
                                headers=[(name, str(value)) for name, value in req.header_items()],
                                extensions={"timeout": dict.fromkeys(
                                    ("connect", "read", "write", "pool"), self.timeout)})
        try:
            response = self._connections().handle_request(request)
            try:
                content = response.read()
            finally:
                response.close()
        except httpx.TransportError as error:
            raise as_urllib_error(error) from error
        message = http_message(response.headers.raw)
        if not 200 <= response.status_code < 300:
            raise HTTPError(url, response.status_code, response.reason_phrase, message,
                            io.BytesIO(content))
        body: bytes | str = content
        if message.get_content_type() != "application/gzip":  # admin.analytics.getFile
            body = content.decode(message.get_content_charset() or "utf-8")
        if self._logger.level <= logging.DEBUG:
            self._logger.debug("Received the following response - status: %s, headers: %s, "
                               "body: %s", response.status_code, dict(message),
                               "(binary)" if isinstance(body, bytes) else body)
        return {"status": response.status_code, "headers": message, "body": body}


def http_message(raw: list[tuple[bytes, bytes]]) -> HTTPMessage:
    """Response headers as urlopen gives them (names as the server wrote them)."""
    message = HTTPMessage()
    for name, value in raw:
        message[name.decode("latin-1")] = value.decode("latin-1")
    return message


def as_urllib_error(error: httpx.TransportError) -> Exception:
    """The exception urlopen raises for the same failure."""
    cause = _os_error(error)
    if isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout, httpx.WriteError,
                          httpx.WriteTimeout, httpx.ProxyError)):
        if cause is None:
            cause = TimeoutError("timed out") if isinstance(error, httpx.TimeoutException) \
                else OSError(str(error))
        return URLError(cause)
    if isinstance(error, (httpx.ReadTimeout, httpx.PoolTimeout)):
        return TimeoutError(str(error) or "timed out")
    if isinstance(error, httpx.ReadError):
        return cause if isinstance(cause, ConnectionError) else ConnectionResetError(str(error))
    if isinstance(error, httpx.RemoteProtocolError):
        return RemoteDisconnected(str(error) or "Remote end closed connection without response")
    return error


def _os_error(error: BaseException) -> OSError | None:
    """The socket's own error under httpx's and httpcore's wrappers, if there is one."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError):
            return current
        current = current.__cause__ or current.__context__
    return None
