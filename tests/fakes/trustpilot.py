"""A loopback fake of Trustpilot's API, written from its public documentation
(developers.trustpilot.com: authentication, business units private reviews, service reviews
reply), for the real client (app.sites.trustpilot) to talk to over HTTP; and webhook calls
shaped as Trustpilot's support pages show them.

- `POST /v1/oauth/oauth-business-users-for-applications/accesstoken`: Basic auth with the
  API key and secret; `grant_type=password` (with the business user's login; gives a
  refresh token too) or `client_credentials`. `expires_in` comes as a string, as documented.
- `POST /v1/oauth/oauth-business-users-for-applications/refresh`: `grant_type=refresh_token`.
- `GET /v1/private/business-units/{id}/reviews`: `orderBy` (createdat.asc/desc),
  `startDateTime`, `page`, `perPage` (at most 100).
- `POST /v1/private/reviews/{id}/reply`: `{"authorBusinessUserId", "message"}` → 201.
Every call is kept in `calls`; `fail_next` answers the next API call (not a token call)
with an error, `reset_next` drops its connection.
"""
from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from tests.fakes.loopback import JsonHandler, Loopback

TOKEN_PATH = "/v1/oauth/oauth-business-users-for-applications/accesstoken"
REFRESH_PATH = "/v1/oauth/oauth-business-users-for-applications/refresh"
API_KEY, API_SECRET = "key-123", "secret-456"
USERNAME, PASSWORD = "owner@bakkerij.nl", "correct horse"
BUSINESS_UNIT, BUSINESS_USER = "507f191e810c19729de860ea", "5f2b1c0e8a1d4e0001a1b2c3"
REPLY_LIMIT = 2_048  # the fake's own limit, to answer "too long" as a 400


def review(n: int, *, created: str, stars: int = 1, updated: str | None = None,
           title: str = "", text: str | None = None, name: str = "Marieke",
           language: str = "nl", reply: str | None = None) -> dict:
    """One review as the private reviews list gives it."""
    rid = f"64a0000000000000000{n:05d}"
    return {"id": rid, "stars": stars, "title": title,
            "text": text if text is not None else f"Review number {n}: the bread was stale.",
            "language": language, "createdAt": created, "updatedAt": updated,
            "experiencedAt": created, "referenceId": f"ORDER-{n}", "referralEmail":
            f"customer{n}@example.com", "isVerified": True, "status": "active",
            "consumer": {"id": f"c{n}", "displayName": name, "displayLocation": "Utrecht, NL",
                         "numberOfReviews": 1},
            "companyReply": {"text": reply, "createdAt": updated or created} if reply else None,
            "links": [{"href": f"https://api.trustpilot.com/v1/reviews/{rid}", "method": "GET",
                       "rel": "reviews"}]}


def webhook(name: str, item: dict) -> dict:
    """One webhook call holding one event, as Trustpilot posts it to a subscription URL:
    the consumer's `name` (not `displayName`), an API link, and no e-mail address."""
    data = {key: item[key] for key in ("id", "language", "title", "text", "stars",
                                        "createdAt", "isVerified") if key in item}
    data.update(referenceId=item.get("referenceId"), locationId=None,
                link=f"https://api.trustpilot.com/v1/reviews/{item['id']}",
                consumer={"id": item["consumer"]["id"], "name": item["consumer"]["displayName"],
                          "link": f"https://api.trustpilot.com/v1/consumers/"
                                  f"{item['consumer']['id']}"},
                tags=[{"group": "Generic", "value": "Tag value"}])
    if name == "service-review-deleted":
        data = {"id": item["id"]}
    return {"events": [{"eventName": name, "version": "1", "eventData": data}]}


# The example of a new service review's webhook call on Trustpilot's support site.
DOCUMENTED_CREATED = {"events": [{"eventName": "service-review-created", "version": "1",
                                  "eventData": {
    "id": "53bffd360000640002975387", "language": "en", "title": "Great service",
    "text": "Nothing other than excellent customer service.", "referenceId": "ABC-123-xyz",
    "stars": 5, "createdAt": "2017-05-20T09:34:44.000Z", "isVerified": True,
    "locationId": "43f51215-a1fc-4c60-b6dd-e4afb6d7b831",
    "link": "https://api.trustpilot.com/v1/reviews/53bffd360000640002975387",
    "consumer": {"id": "53bffc3900006400017e5db8", "name": "Customer",
                 "link": "https://api.trustpilot.com/v1/consumers/53bffd360000640002975387"},
    "tags": [{"group": "Generic", "value": "Tag value"}]}}]}


@dataclass
class Failure:
    status: int
    body: dict | None = None
    headers: dict = field(default_factory=dict)
    reset: bool = False  # close the connection without an answer
    after: int = 0  # API calls answered as usual first


@dataclass
class FakeTrustpilot:
    reviews: list[dict] = field(default_factory=list)
    calls: list[dict] = field(default_factory=list)
    expires_in: str = "359999"
    replies: dict[str, dict] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tokens: set[str] = set()
        self.refresh_tokens: set[str] = set()
        self.failures: list[Failure] = []
        self.login_refused = False
        fake = self

        class Handler(JsonHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server name
                self.serve("GET")

            def do_POST(self) -> None:  # noqa: N802
                self.serve("POST")

            def serve(self, method: str) -> None:
                url = urlsplit(self.path)
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                call = {"method": method, "path": url.path, "query": parse_qs(url.query),
                        "authorization": self.headers.get("Authorization"), "body": raw}
                fake.calls.append(call)
                if url.path in (TOKEN_PATH, REFRESH_PATH):
                    return self.answer(*fake.token(url.path, call))
                if fake.failures and fake.failures[0].after:
                    fake.failures[0].after -= 1
                elif fake.failures:
                    failure = fake.failures.pop(0)
                    if failure.reset:
                        self.connection.shutdown(2)
                        return self.connection.close()
                    return self.answer(failure.status, failure.body or {
                        "message": "fake failure"}, failure.headers)
                bearer = (call["authorization"] or "").removeprefix("Bearer ")
                if bearer not in fake.tokens:
                    return self.answer(401, {"message": "Unauthorized", "errorCode": 401})
                self.answer(*fake.api(method, url.path, call))

        self.loopback = Loopback(Handler)

    @property
    def url(self) -> str:
        return self.loopback.url

    def token(self, path: str, call: dict) -> tuple[int, dict]:
        expected = "Basic " + base64.b64encode(f"{API_KEY}:{API_SECRET}".encode()).decode()
        if call["authorization"] != expected:
            return 401, {"error": "invalid_client", "error_description": "Unknown API key"}
        form = {k: v[0] for k, v in parse_qs(call["body"].decode()).items()}
        grant = form.get("grant_type")
        if path == REFRESH_PATH:
            if grant != "refresh_token" or form.get("refresh_token") not in self.refresh_tokens:
                return 400, {"error": "invalid_grant"}
            self.refresh_tokens.discard(form["refresh_token"])
        elif grant == "password":
            if (form.get("username"), form.get("password")) != (USERNAME, PASSWORD) \
                    or self.login_refused:
                return 400, {"error": "invalid_grant", "error_description": "Wrong login"}
        elif grant != "client_credentials":
            return 400, {"error": "unsupported_grant_type"}
        access = secrets.token_hex(8)
        self.tokens.add(access)
        body = {"access_token": access, "expires_in": self.expires_in,
                "token_type": "Bearer"}
        if grant != "client_credentials":
            body["refresh_token"] = secrets.token_hex(8)
            self.refresh_tokens.add(body["refresh_token"])
        return 200, body

    def api(self, method: str, path: str, call: dict) -> tuple[int, dict | None]:
        parts = path.strip("/").split("/")
        if method == "GET" and parts[:3] == ["v1", "private", "business-units"] \
                and parts[4:] == ["reviews"]:
            if parts[3] != BUSINESS_UNIT:
                return 403, {"message": "Forbidden"}
            return 200, self.listing(call["query"])
        if method == "POST" and parts[:3] == ["v1", "private", "reviews"] \
                and parts[4:] == ["reply"]:
            return self.reply(parts[3], json.loads(call["body"] or b"{}"))
        return 404, {"message": "Not found"}

    def listing(self, query: dict) -> dict:
        page = int(query.get("page", ["1"])[0])
        per_page = min(int(query.get("perPage", ["20"])[0]), 100)
        order = query.get("orderBy", ["createdat.desc"])[0]
        start = query.get("startDateTime", [None])[0]
        found = sorted((r for r in self.reviews
                        if start is None or r["createdAt"][:19] >= start[:19]),
                       key=lambda r: r["createdAt"], reverse=order == "createdat.desc")
        return {"reviews": found[(page - 1) * per_page:page * per_page],
                "links": [{"href": f"{self.url}/v1/private/business-units/{BUSINESS_UNIT}"
                                   f"/reviews?page={page + 1}", "method": "GET",
                           "rel": "next-page"}]}

    def reply(self, review_id: str, body: dict) -> tuple[int, dict | None]:
        if review_id not in {r["id"] for r in self.reviews}:
            return 404, {"message": "Review not found"}
        message = body.get("message")
        if not isinstance(message, str) or not message.strip() \
                or not body.get("authorBusinessUserId"):
            return 400, {"message": "Invalid request", "details": "message and "
                         "authorBusinessUserId are required"}
        if len(message) > REPLY_LIMIT:
            return 400, {"message": "Invalid request",
                         "details": f"The reply message is too long: at most {REPLY_LIMIT} "
                                    "characters"}
        self.replies[review_id] = body
        return 201, None

    def fail_next(self, status: int, body: dict | None = None, *, after: int = 0,
                  **headers: str) -> None:
        self.failures.append(Failure(status, body, {k.replace("_", "-"): v
                                                    for k, v in headers.items()}, after=after))

    def reset_next(self, *, after: int = 0) -> None:
        self.failures.append(Failure(0, reset=True, after=after))

    def revoke_tokens(self) -> None:
        """Every access token given so far stops working (revoked, or expired early)."""
        self.tokens.clear()

    def revoke(self) -> None:
        """The business user changed their password or left: every token stops working and
        the stored login is refused."""
        self.tokens.clear()
        self.refresh_tokens.clear()
        self.login_refused = True

    def api_calls(self) -> list[dict]:
        return [c for c in self.calls if c["path"] not in (TOKEN_PATH, REFRESH_PATH)]

    def token_calls(self) -> list[dict]:
        return [c for c in self.calls if c["path"] in (TOKEN_PATH, REFRESH_PATH)]

    def close(self) -> None:
        self.loopback.close()
