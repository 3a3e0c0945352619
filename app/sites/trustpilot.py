"""Trustpilot: the business unit's service reviews, polled from the private reviews endpoint
or delivered by Trustpilot's webhooks, and the public reply posted back.

Authentication is Trustpilot's business-user OAuth: the application's API key and secret
(Basic auth) buy an access token, with the business user's login (password grant, which also
gives a refresh token) or without it (client credentials: a new token when it runs out).

Polling sees new reviews only: the list can be ordered and filtered by creation time alone,
so the cursor is the creation time of the last review seen. Changed and deleted reviews
reach the desk through the webhooks (`service-review-updated`, `-deleted`).
"""
from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from typing import Any, Callable, Mapping
from urllib.parse import quote

import httpx

from app.sites.http import refusal
from desk.sources.contract import Field, Page, PostedReply, SiteError, SiteKind, SiteReview

SOURCE = "trustpilot"
API_URL = "https://api.trustpilot.com"
TOKEN_PATH = "/v1/oauth/oauth-business-users-for-applications/accesstoken"
REFRESH_PATH = "/v1/oauth/oauth-business-users-for-applications/refresh"
REVIEW_PAGE = "https://www.trustpilot.com/reviews/{id}"  # the review as people see it
PER_PAGE = 100  # the most the reviews list gives at once
MAX_PAGES = 50  # one sync reads at most this many pages; the next goes on from its cursor
EARLY = 60  # seconds before its expiry a token is renewed
CREATED, UPDATED, DELETED = ("service-review-created", "service-review-updated",
                             "service-review-deleted")


class TrustpilotSite:
    """One connected business unit. `clock` gives seconds since the epoch (tests travel)."""

    source = SOURCE

    def __init__(self, settings: Mapping[str, str], http: httpx.Client, *,
                 clock: Callable[[], float] = time.time) -> None:
        self.api_url = (settings.get("api_url") or API_URL).rstrip("/")
        self.business_unit = settings["business_unit_id"]
        self.business_user = settings["business_user_id"]
        self._client = (settings["api_key"], settings["api_secret"])
        self._login = (settings.get("username"), settings.get("password"))
        self.http, self.clock = http, clock
        self._access: str | None = None
        self._refresh: str | None = None
        self._expires = 0.0

    def sync(self, cursor: str | None) -> Page:
        """Reviews created since `cursor` (a creation time, inclusive: the reviews of that very
        second come again and are the same cases), oldest first."""
        params: dict[str, Any] = {"orderBy": "createdat.asc", "perPage": PER_PAGE}
        if cursor:
            params["startDateTime"] = cursor
        found: list[SiteReview] = []
        for page in range(1, MAX_PAGES + 1):
            data = self._call("GET", f"/v1/private/business-units/{self.business_unit}/reviews",
                              params={**params, "page": page})
            batch = data.get("reviews") if isinstance(data, dict) else None
            if not isinstance(batch, list):
                raise SiteError("unavailable", "the reviews list has no reviews")
            found += [review_from(item) for item in batch
                      if isinstance(item, dict) and item.get("id")]
            if len(batch) < PER_PAGE:
                break
        latest = max((r.created_at for r in found if r.created_at), default=None)
        return Page(found, stamp(latest) if latest else cursor)

    def reply(self, external_id: str, text: str) -> PostedReply:
        data = self._call("POST", f"/v1/private/reviews/{quote(external_id, safe='')}/reply",
                          json={"authorBusinessUserId": self.business_user, "message": text})
        reply = data.get("reply", data) if isinstance(data, dict) else None
        at = moment(reply.get("createdAt")) if isinstance(reply, dict) else None
        return PostedReply(at=at or datetime.fromtimestamp(self.clock(), timezone.utc),
                           link=REVIEW_PAGE.format(id=external_id))

    def _call(self, method: str, path: str, **request: Any) -> Any:
        """One API call with a valid token; a token the API refuses is renewed once."""
        for attempt in (1, 2):
            response = self._send(method, self.api_url + path, headers={
                "Authorization": f"Bearer {self._token()}"}, **request)
            if response.status_code == 401 and attempt == 1:
                self._access, self._expires = None, 0.0
                continue
            check(response, self.clock)
            return _json(response) if response.content else {}

    def _token(self) -> str:
        if self._access and self.clock() < self._expires - EARLY:
            return self._access
        if self._refresh:
            try:
                return self._grant(REFRESH_PATH, {"grant_type": "refresh_token",
                                                  "refresh_token": self._refresh})
            except SiteError as err:
                if err.kind != "auth":
                    raise
                self._refresh = None  # expired or revoked: log in again
        username, password = self._login
        form = {"grant_type": "password", "username": username, "password": password} \
            if username else {"grant_type": "client_credentials"}
        return self._grant(TOKEN_PATH, form)

    def _grant(self, path: str, form: dict[str, Any]) -> str:
        response = self._send("POST", self.api_url + path, data=form, auth=self._client)
        if response.status_code in (400, 401, 403):  # wrong key, secret or login
            raise SiteError("auth", _detail(response))
        check(response, self.clock)
        data = _json(response)
        try:
            self._access = str(data["access_token"])
            self._expires = self.clock() + float(data.get("expires_in") or 0)
        except (KeyError, TypeError, ValueError) as err:
            raise SiteError("unavailable", f"token answer without a token: {err}") from None
        self._refresh = data.get("refresh_token") or self._refresh
        return self._access

    def _send(self, method: str, url: str, **request: Any) -> httpx.Response:
        try:
            return self.http.request(method, url, **request)
        except httpx.TransportError as err:  # refused, reset, timed out
            raise SiteError("unavailable", f"{type(err).__name__}: {err}") from None


def check(response: httpx.Response, clock: Callable[[], float]) -> None:
    """A refusal or failure as the SiteError the desk can tell a person about."""
    if response.is_error:
        raise refusal(response, _detail(response),
                      now=datetime.fromtimestamp(clock(), timezone.utc))


def _detail(response: httpx.Response) -> str:
    return response.text[:500]


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise SiteError("unavailable", f"not JSON: {response.text[:200]}") from None


def moment(value: Any) -> datetime | None:
    """Trustpilot's times: ISO 8601, with "Z" or without any zone (then UTC)."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        at = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)


def stamp(at: datetime) -> str:
    """A moment as the reviews list's startDateTime takes it: UTC, to the second."""
    return at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def review_from(data: Mapping[str, Any], *, updated_at: datetime | None = None,
                deleted: bool = False) -> SiteReview:
    """A review from the private reviews list or a webhook event's `eventData` (the same
    fields, but the consumer's `displayName` is `name` there); title and text as one text."""
    title, text = (data.get("title") or "").strip(), (data.get("text") or "").strip()
    consumer = data.get("consumer") if isinstance(data.get("consumer"), dict) else {}
    reply = data.get("companyReply") if isinstance(data.get("companyReply"), dict) else {}
    created = moment(data.get("createdAt"))
    stars = data.get("stars")
    return SiteReview(
        external_id=str(data["id"]),
        text=f"{title}\n\n{text}" if title and text and not text.startswith(title)
        else text or title,
        stars=stars if isinstance(stars, int) and not isinstance(stars, bool) else None,
        customer=consumer.get("displayName") or consumer.get("name"),
        link=REVIEW_PAGE.format(id=data["id"]),
        language=data.get("language") or None,
        created_at=created,
        updated_at=updated_at or moment(data.get("updatedAt")) or created,
        deleted=deleted, reply=reply.get("text"))


def webhook_reviews(body: bytes, now: datetime) -> list[dict[str, Any]]:
    """The generic intake JSON of each service-review event in one webhook call (other
    events, such as product reviews, are left out); ValueError when it is no such call.
    An update or deletion without its own time counts as happening `now`, so it is newer
    than what the desk has."""
    data = json.loads(body.decode("utf-8"))
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, list):
        raise ValueError("a Trustpilot webhook call holds a list of events")
    out = []
    for event in events:
        item = event.get("eventData") if isinstance(event, dict) else None
        if not isinstance(item, dict) or not item.get("id"):
            raise ValueError("each event needs eventData with the review's id")
        name = event.get("eventName")
        if name not in (CREATED, UPDATED, DELETED):
            continue
        review = review_from(item, deleted=name == DELETED, updated_at=None if name == CREATED
                             else moment(item.get("updatedAt")) or now)
        out.append(review.delivered(SOURCE))
    return out


KIND = SiteKind(
    source=SOURCE,
    fields=(Field("api_key"), Field("api_secret", secret=True), Field("business_unit_id"),
            Field("business_user_id"), Field("username", required=False),
            Field("password", secret=True, required=False),
            Field("api_url", required=False)),
    build=TrustpilotSite,
    extra={"webhook": webhook_reviews})
