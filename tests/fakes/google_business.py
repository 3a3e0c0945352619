"""A loopback fake of what the Google Business Profile client talks to, written from Google's
public documentation: the OAuth 2.0 endpoints (authorization with PKCE and the loopback
redirect, the token endpoint's authorization_code and refresh_token grants), the v4
`accounts.locations.reviews.list` and `reviews.updateReply`, and the Business Information
API's `accounts.locations.list`, `reviews.get`, and the Notifications API's delivery through
one Cloud Pub/Sub subscription (`projects.subscriptions.pull` and `acknowledge`: messages with
base64 `data`, an `ackId` per delivery, redelivered when not acknowledged in time). Every API
call must carry a live access token (for Pub/Sub, one granted the pubsub scope); any
operation can be told to fail (Google's error body, 429 with Retry-After, 5xx, a reset
connection). It keeps every request it got, so a test can count what a sync cost."""
from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
import socket
import struct
import threading
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.fakes.loopback import JsonHandler, Loopback

SCOPE = "https://www.googleapis.com/auth/business.manage"
PUBSUB_SCOPE = "https://www.googleapis.com/auth/pubsub"
SUBSCRIPTION = "projects/review-desk-test/subscriptions/reviews"
STATUS = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED",
          404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE"}
STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
REVIEWS = re.compile(r"/v4/accounts/([^/]+)/locations/([^/]+)/reviews")
REPLY = re.compile(r"/v4/accounts/([^/]+)/locations/([^/]+)/reviews/([^/]+)/reply")
LOCATIONS = re.compile(r"/v1/accounts/([^/]+)/locations")
REVIEW = re.compile(r"/v4/accounts/([^/]+)/locations/([^/]+)/reviews/([^/]+)")
PULL = re.compile(r"/v1/(projects/[^/]+/subscriptions/[^/:]+):pull")
ACKNOWLEDGE = re.compile(r"/v1/(projects/[^/]+/subscriptions/[^/:]+):acknowledge")


@dataclass(frozen=True)
class Failure:
    """How one request to an operation fails: Google's error body with `status`, or (reset)
    a connection closed with no answer."""

    status: int = 500
    message: str = "Internal error encountered."
    retry_after: int | None = None
    reset: bool = False
    reason: str | None = None  # Google's status name; by default the one of `status`


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: dict[str, str]
    authorization: str | None
    operation: str


def make_review(location: str, review_id: str, *, stars: str = "ONE", comment: str | None = "Bad.",
                updated: str = "2026-12-01T09:30:00Z", created: str | None = None,
                reviewer: str = "Marieke", account: str = "1234", reply: str | None = None,
                anonymous: bool = False) -> dict:
    """A Review resource as reviews.list returns it."""
    raw = {"name": f"accounts/{account}/locations/{location}/reviews/{review_id}",
           "reviewId": review_id,
           "reviewer": {"displayName": "A Google User" if anonymous else reviewer,
                        "isAnonymous": anonymous},
           "starRating": stars, "createTime": created or updated, "updateTime": updated}
    if not anonymous:
        raw["reviewer"]["profilePhotoUrl"] = "https://lh3.googleusercontent.com/a/photo"
    if comment is not None:
        raw["comment"] = comment
    if reply is not None:
        raw["reviewReply"] = {"comment": reply, "updateTime": updated}
    return raw


@dataclass
class FakeGoogleBusiness:
    account: str = "1234"
    client_id: str = "client-1.apps.googleusercontent.com"
    client_secret: str = "client-secret-1"
    refresh_tokens: set[str] = field(default_factory=lambda: {"refresh-1"})  # live ones
    expires_in: int = 3599  # seconds an access token lives, as Google answers
    now: str = "2026-12-07T10:00:00Z"  # the updateTime of a reply posted now
    deny_consent: bool = False  # the person clicks "Cancel" on the consent screen
    reviews: dict[str, list[dict]] = field(default_factory=dict)  # location id -> reviews
    requests: list[Seen] = field(default_factory=list)
    failures: dict[str, list[Failure | None]] = field(default_factory=dict)
    access_tokens: set[str] = field(default_factory=set)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    token_scopes: dict[str, str] = field(default_factory=dict)  # access token -> its scopes
    subscription: str = SUBSCRIPTION  # the one Pub/Sub subscription there is
    messages: list[dict] = field(default_factory=list)  # published, waiting to be pulled
    outstanding: dict[str, dict] = field(default_factory=dict)  # ack id -> message pulled
    acknowledged: list[str] = field(default_factory=list)  # message ids

    def __post_init__(self) -> None:
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()
        fake = self

        class Handler(JsonHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server name
                fake._serve(self, "GET")

            def do_POST(self) -> None:  # noqa: N802
                fake._serve(self, "POST")

            def do_PUT(self) -> None:  # noqa: N802
                fake._serve(self, "PUT")

        self.loopback = Loopback(Handler, poll=0.05)

    # --- for tests --------------------------------------------------------------------

    @property
    def url(self) -> str:
        return self.loopback.url

    @property
    def token_uri(self) -> str:
        return f"{self.url}/token"

    @property
    def auth_uri(self) -> str:
        return f"{self.url}/o/oauth2/auth"

    def settings(self, **more: str) -> dict[str, str]:
        """A connection's stored settings pointing at this fake."""
        return {"client_id": self.client_id, "client_secret": self.client_secret,
                "refresh_token": "refresh-1", "account": self.account,
                "locations": "", "api_url": self.url, "token_uri": self.token_uri, **more}

    def add(self, *reviews: dict) -> None:
        for raw in reviews:
            location = raw["name"].split("/")[3]
            self.reviews.setdefault(location, []).append(raw)

    def fail(self, operation: str, *failures: Failure | None) -> None:
        """The next requests to `operation` ("token", "reviews.list", "reviews.updateReply",
        "locations.list") fail, one failure each; None answers as usual."""
        self.failures.setdefault(operation, []).extend(failures)

    def notify(self, raw: dict, kind: str = "NEW_REVIEW") -> None:
        """The Notifications API publishes a review's news to the subscription's topic."""
        data = {"type": kind, "reviewName": raw["name"],
                "locationName": raw["name"].rsplit("/reviews/", 1)[0]}
        self.publish(base64.b64encode(json.dumps(data).encode()).decode())

    def publish(self, data: str) -> None:
        number = next(self._numbers)
        self.messages.append({"data": data, "messageId": str(number),
                              "publishTime": self.now, "attributes": {}})

    def redeliver(self) -> None:
        """The ack deadline passed: what was pulled and not acknowledged is delivered again."""
        with self._lock:
            self.messages[:0] = list(self.outstanding.values())
            self.outstanding.clear()

    def expire_access_tokens(self) -> None:
        """Every access token handed out stops working (expired, or revoked by the owner)."""
        self.access_tokens.clear()

    def revoke(self) -> None:
        """The owner removed the app's access: refresh and access tokens stop working."""
        self.refresh_tokens.clear()
        self.access_tokens.clear()

    def calls(self, operation: str | None = None) -> list[Seen]:
        return [s for s in self.requests if operation in (None, s.operation)]

    def close(self) -> None:
        self.loopback.close()

    # --- the HTTP side ----------------------------------------------------------------

    def _serve(self, handler: JsonHandler, method: str) -> None:
        parts = urlsplit(handler.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        operation, match = self._operation(method, parts.path)
        with self._lock:
            self.requests.append(Seen(method, parts.path, query,
                                      handler.headers.get("Authorization"), operation))
        if operation == "unknown":
            return _error(handler, 404, f"The requested URL {parts.path} was not found.")
        if operation == "authorize":
            return self._authorize(handler, query)
        token = (handler.headers.get("Authorization") or "").removeprefix("Bearer ")
        if operation != "token" and token not in self.access_tokens:
            return _error(handler, 401, "Request had invalid authentication credentials. "
                          "Expected OAuth 2 access token, login cookie or other valid "
                          "authentication credential.",
                          headers={"WWW-Authenticate": 'Bearer realm="https://accounts.google.com/"'})
        granted = self.token_scopes.get(token, "").split()
        if operation.startswith("pubsub.") and PUBSUB_SCOPE not in granted:
            return _error(handler, 403, "Request had insufficient authentication scopes.")
        with self._lock:
            queued = self.failures.get(operation) or []
            failure = queued.pop(0) if queued else None
        if failure and failure.reset:  # close with a TCP reset, no answer
            handler.close_connection = True
            handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                          struct.pack("ii", 1, 0))
            handler.connection.close()
            return None
        if operation == "token":
            if failure:
                return handler.answer(failure.status, {"error": "internal_failure",
                                                       "error_description": failure.message})
            return self._token(handler, {k: v[-1] for k, v in parse_qs(body.decode()).items()})
        if failure:
            return _error(handler, failure.status, failure.message, reason=failure.reason,
                          headers={"Retry-After": str(failure.retry_after)}
                          if failure.retry_after is not None else None)
        if operation.startswith("pubsub."):
            if match.group(1) != self.subscription:
                return _error(handler, 404, f"Resource not found (resource={match.group(1)}).")
            return (self._pull if operation == "pubsub.pull" else self._acknowledge)(handler, body)
        if match.group(1) != self.account:
            return _error(handler, 403, "The caller does not have permission")
        if operation == "reviews.get":
            return self._get_review(handler, match.group(2), match.group(3))
        if operation == "reviews.list":
            return self._list_reviews(handler, match.group(2), query)
        if operation == "reviews.updateReply":
            return self._update_reply(handler, match.group(2), match.group(3), body)
        return self._list_locations(handler, query)

    def _operation(self, method: str, path: str) -> tuple[str, re.Match | None]:
        if method == "GET" and path == "/o/oauth2/auth":
            return "authorize", None
        if method == "POST" and path == "/token":
            return "token", None
        for name, verb, pattern in (("reviews.updateReply", "PUT", REPLY),
                                    ("reviews.list", "GET", REVIEWS),
                                    ("reviews.get", "GET", REVIEW),
                                    ("locations.list", "GET", LOCATIONS),
                                    ("pubsub.pull", "POST", PULL),
                                    ("pubsub.acknowledge", "POST", ACKNOWLEDGE)):
            match = pattern.fullmatch(path)
            if match and method == verb:
                return name, match
        return "unknown", None

    def _authorize(self, handler: JsonHandler, query: dict[str, str]) -> None:
        """The consent screen, answered at once: a redirect back to the app's loopback
        address with a code (or error=access_denied)."""
        redirect = query.get("redirect_uri", "")
        if (query.get("client_id") != self.client_id or query.get("response_type") != "code"
                or not re.fullmatch(r"http://(127\.0\.0\.1|localhost|\[::1\]):\d+/?", redirect)):
            return handler.answer(400, {"error": "invalid_request"})
        if self.deny_consent:
            answer = {"error": "access_denied", "state": query.get("state", "")}
        else:
            code = f"4/code-{next(self._numbers)}"
            self.codes[code] = {"redirect_uri": redirect, "scope": query.get("scope", ""),
                                "challenge": query.get("code_challenge", ""),
                                "offline": query.get("access_type", "")}
            answer = {"code": code, "state": query.get("state", ""), "scope": query.get("scope", "")}
        handler.send_response(302)
        handler.send_header("Location", f"{redirect}?{urlencode(answer)}")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    def _token(self, handler: JsonHandler, form: dict[str, str]) -> None:
        client_id, secret = form.get("client_id"), form.get("client_secret")
        basic = handler.headers.get("Authorization", "")
        if basic.startswith("Basic "):  # requests-oauthlib sends the client as HTTP Basic
            client_id, _, secret = base64.b64decode(basic[6:]).decode().partition(":")
        if (client_id, secret) != (self.client_id, self.client_secret):
            return handler.answer(401, {"error": "invalid_client",
                                        "error_description": "The OAuth client was not found."})
        grant = form.get("grant_type")
        if grant == "refresh_token":
            if form.get("refresh_token") not in self.refresh_tokens:
                return handler.answer(400, {"error": "invalid_grant",
                                            "error_description": "Token has been expired or revoked."})
            return handler.answer(200, self._access(scope=form.get("scope") or SCOPE))
        if grant == "authorization_code":
            code = self.codes.pop(form.get("code", ""), None)
            verifier = form.get("code_verifier", "")
            challenge = base64.urlsafe_b64encode(
                hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
            if (code is None or code["redirect_uri"] != form.get("redirect_uri")
                    or code["challenge"] != challenge):
                return handler.answer(400, {"error": "invalid_grant", "error_description": "Bad Request"})
            answer = self._access(scope=code["scope"])
            if code["offline"] == "offline":
                refresh = f"1//refresh-{next(self._numbers)}"
                self.refresh_tokens.add(refresh)
                answer["refresh_token"] = refresh
            return handler.answer(200, answer)
        return handler.answer(400, {"error": "unsupported_grant_type"})

    def _access(self, scope: str = SCOPE) -> dict:
        token = f"ya29.fake-{next(self._numbers)}"
        self.access_tokens.add(token)
        self.token_scopes[token] = scope
        return {"access_token": token, "expires_in": self.expires_in, "scope": scope,
                "token_type": "Bearer"}

    def _list_reviews(self, handler: JsonHandler, location: str,
                      query: dict[str, str]) -> None:
        if location not in self.reviews:
            return _error(handler, 404, "Requested entity was not found.")
        size = int(query.get("pageSize") or 50)
        if not 1 <= size <= 50 or query.get("orderBy", "updateTime desc") != "updateTime desc":
            return _error(handler, 400, "Request contains an invalid argument.")
        ordered = sorted(self.reviews[location], key=lambda r: r["updateTime"], reverse=True)
        start = int(query.get("pageToken") or 0)
        page = ordered[start:start + size]
        answer: dict = {"reviews": page, "totalReviewCount": len(ordered)}
        if ordered:
            answer["averageRating"] = sum(STARS.get(r["starRating"], 0) for r in ordered) / len(ordered)
        if start + size < len(ordered):
            answer["nextPageToken"] = str(start + size)
        handler.answer(200, answer)

    def _update_reply(self, handler: JsonHandler, location: str, review_id: str,
                      body: bytes) -> None:
        found = [r for r in self.reviews.get(location, []) if r["reviewId"] == review_id]
        if not found:
            return _error(handler, 404, "Requested entity was not found.")
        comment = json.loads(body or b"{}").get("comment") or ""
        if not comment or len(comment.encode("utf-8")) > 4096:
            return _error(handler, 400, "Request contains an invalid argument.",
                          details=[{"@type": "type.googleapis.com/google.rpc.BadRequest",
                                    "fieldViolations": [{"field": "comment",
                                                         "description": "comment exceeds the maximum length"
                                                         if comment else "comment is required"}]}])
        found[0]["reviewReply"] = {"comment": comment, "updateTime": self.now}
        handler.answer(200, found[0]["reviewReply"])

    def _get_review(self, handler: JsonHandler, location: str,
                    review_id: str) -> None:
        found = [r for r in self.reviews.get(location, []) if r["reviewId"] == review_id]
        if not found:
            return _error(handler, 404, "Requested entity was not found.")
        handler.answer(200, found[0])

    def _pull(self, handler: JsonHandler, body: bytes) -> None:
        """Up to maxMessages waiting messages, each with a new ack id; an empty answer is {}."""
        size = json.loads(body or b"{}").get("maxMessages")
        if not isinstance(size, int) or size < 1:
            return _error(handler, 400, "maxMessages must be a positive integer.")
        with self._lock:
            taken, self.messages = self.messages[:size], self.messages[size:]
            received = []
            for message in taken:
                ack = f"ack-{message['messageId']}-{next(self._numbers)}"
                self.outstanding[ack] = message
                received.append({"ackId": ack, "message": message})
        handler.answer(200, {"receivedMessages": received} if received else {})

    def _acknowledge(self, handler: JsonHandler, body: bytes) -> None:
        acks = json.loads(body or b"{}").get("ackIds") or []
        if not acks:
            return _error(handler, 400, "No ack ids specified.")
        with self._lock:
            for ack in acks:
                message = self.outstanding.pop(ack, None)
                if message is not None:
                    self.acknowledged.append(message["messageId"])
        handler.answer(200, {})

    def _list_locations(self, handler: JsonHandler, query: dict[str, str]) -> None:
        size = int(query.get("pageSize") or 10)
        if not query.get("readMask") or not 1 <= size <= 100:
            return _error(handler, 400, "Request contains an invalid argument.")
        names = sorted(self.reviews)
        start = int(query.get("pageToken") or 0)
        answer: dict = {"locations": [{"name": f"locations/{n}"} for n in names[start:start + size]]}
        if start + size < len(names):
            answer["nextPageToken"] = str(start + size)
        handler.answer(200, answer)


def _error(handler: JsonHandler, status: int, message: str, *,
           reason: str | None = None, headers: dict[str, str] | None = None,
           details: list | None = None) -> None:
    """Google's JSON error body (google.rpc.Status)."""
    name = reason or STATUS.get(status, "UNKNOWN")
    if details is None and status == 429:
        details = [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": "RATE_LIMIT_EXCEEDED", "domain": "googleapis.com",
                    "metadata": {"quota_limit_value": "300",
                                 "quota_metric": "mybusiness.googleapis.com/default_requests",
                                 "service": "mybusiness.googleapis.com"}}]
    error = {"code": status, "message": message, "status": name}
    if details:
        error["details"] = details
    handler.answer(status, {"error": error}, headers)
