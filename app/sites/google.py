"""Google Business Profile: the reviews of one account's locations, polled with
`accounts.locations.reviews.list` (newest change first, read until the last change seen), and
the public reply posted with `reviews.updateReply`. OAuth 2.0 with the `business.manage` scope
through google-auth; `authorize` runs the installed-app consent that yields the refresh token.

With a Pub/Sub `subscription` on the topic the account's notification setting publishes to,
each sync first pulls the NEW_REVIEW / UPDATED_REVIEW notifications and reads the reviews
they name with `reviews.get` (no public address needed, and no location listed for them);
the messages are acknowledged only once their reviews are stored (Page.done). Every location
is still listed every LIST_EVERY, since a notification can be late or lost.

The API lists no deleted reviews (and its notifications have no deletion either), so a sync
never reports one; a reply to a review that is gone answers `not_found`.
"""
from __future__ import annotations

import base64
import binascii
import json
import logging
import re
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping

from app.sites.http import refusal as http_refusal
from desk.sources.contract import ErrorKind, Field, Page, PostedReply, SiteError, SiteKind, SiteReview

if TYPE_CHECKING:  # google-auth and httpx load when a site is built, not at every start
    import httpx
    from google.oauth2.credentials import Credentials

log = logging.getLogger(__name__)

SOURCE = "google"
SCOPE = "https://www.googleapis.com/auth/business.manage"
PUBSUB_SCOPE = "https://www.googleapis.com/auth/pubsub"  # pull and acknowledge
API_URL = "https://mybusiness.googleapis.com"  # v4: reviews
INFO_URL = "https://mybusinessbusinessinformation.googleapis.com"  # v1: locations
PUBSUB_URL = "https://pubsub.googleapis.com"  # v1: subscriptions.pull, .acknowledge
TOKEN_URI = "https://oauth2.googleapis.com/token"
AUTH_URI = "https://accounts.google.com/o/oauth2/auth"
REVIEWS_PAGE = 50  # reviews.list's largest pageSize
LOCATIONS_PAGE = 100  # locations.list's largest pageSize
REPLY_BYTES = 4096  # ReviewReply.comment: "The maximum length is 4096 bytes"
STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
TRANSLATED, ORIGINAL = "(Translated by Google)", "(Original)"
REVIEW_NAME = re.compile(r"accounts/[^/]+/locations/[^/]+/reviews/[^/]+")
_FRACTION = re.compile(r"\.(\d+)")
PULL_MAX = 100  # messages asked of one pull
PULL_EVERY = timedelta(minutes=1)  # the sync's cadence with a subscription
LIST_EVERY = timedelta(hours=1)  # every location listed, notifications or not
NOTIFIED = ("NEW_REVIEW", "UPDATED_REVIEW")
LISTED = "listed"  # the cursor's key for the last listing (location ids are numbers)


def original_text(comment: str) -> str:
    """The reviewer's own words. Google adds its machine translation to a review written in
    another language than the viewer's: "(Translated by Google) <translation> (Original)
    <original>", or the original followed by "(Translated by Google) <translation>"."""
    if comment.startswith(TRANSLATED) and ORIGINAL in comment:
        return comment.split(ORIGINAL, 1)[1].strip()
    head, marker, _ = comment.partition("\n" + TRANSLATED)
    return head.strip() if marker else comment


def instant(stamp: str) -> tuple[datetime, int]:
    """An RFC 3339 timestamp to the nanosecond, for ordering (datetime keeps microseconds)."""
    fraction = _FRACTION.search(stamp)
    nanos = int((fraction.group(1) + "000000000")[:9]) if fraction else 0
    return datetime.fromisoformat(stamp).replace(microsecond=0), nanos


def when(stamp: str | None) -> datetime | None:
    return datetime.fromisoformat(stamp).astimezone(timezone.utc) if stamp else None


def review(raw: Mapping[str, Any]) -> SiteReview:
    """One Review resource in the desk's words; its resource name is its id on the site, since
    a reply needs the account and location too."""
    reviewer = raw.get("reviewer") or {}
    reply = (raw.get("reviewReply") or {}).get("comment")
    return SiteReview(
        external_id=raw["name"], text=original_text(raw.get("comment") or ""),
        stars=STARS.get(raw.get("starRating", "")),
        customer=None if reviewer.get("isAnonymous") else reviewer.get("displayName"),
        created_at=when(raw.get("createTime")), updated_at=when(raw.get("updateTime")),
        reply=reply)


# Google's names for refusals whose HTTP status says less (a quota, a location not verified)
_STATUS_KINDS: dict[str, ErrorKind] = {"RESOURCE_EXHAUSTED": "quota",
                                       "FAILED_PRECONDITION": "forbidden"}


def refusal(answer: httpx.Response) -> SiteError:
    """Google's error answer ({"error": {"code", "message", "status", "details"}}) as a kind."""
    try:
        error = answer.json().get("error") or {}
    except (ValueError, AttributeError):
        error = {}
    status = str(error.get("status", ""))
    said = f"{status} {error.get('message', '')} {json.dumps(error.get('details') or [])}"
    return http_refusal(answer, said.strip(), kind=_STATUS_KINDS.get(status))


def notified_review(message: Mapping[str, Any]) -> str | None:
    """The review a Pub/Sub message of the Notifications API names, if it is a new or updated
    review: its base64 `data` is JSON with the notification's `type` and the review's
    resource name (`reviewName` in Google's reference; `review` and `review_name` are read
    too). Anything else (another type, data that is not JSON) names none."""
    try:
        data = json.loads(base64.b64decode(message.get("data") or "", validate=True))
    except (binascii.Error, ValueError):
        log.warning("a Pub/Sub message %s that is not a notification", message.get("messageId"))
        return None
    if not isinstance(data, dict) or data.get("type") not in NOTIFIED:
        return None
    name = data.get("reviewName") or data.get("review") or data.get("review_name")
    return name if isinstance(name, str) and REVIEW_NAME.fullmatch(name) else None


def location_id(value: str) -> str:
    """"123", "locations/123" or "accounts/9/locations/123" all name location 123."""
    return value.strip().rstrip("/").rsplit("/", 1)[-1]


class GoogleSite:
    """One Google account's locations (all of them, or the ones the connection names)."""

    source = SOURCE

    def __init__(self, credentials: Credentials, http: httpx.Client, *, account: str,
                 locations: list[str], api_url: str = API_URL, info_url: str = INFO_URL,
                 subscription: str = "", pubsub_url: str = PUBSUB_URL,
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.credentials, self.http = credentials, http
        self.account, self.locations = location_id(account), locations
        self.api_url, self.info_url = api_url.rstrip("/"), info_url.rstrip("/")
        self.subscription, self.pubsub_url = subscription.strip("/ "), pubsub_url.rstrip("/")
        self.now = now
        import google.auth.transport.requests

        self._token_request = google.auth.transport.requests.Request()

    # --- the contract ---------------------------------------------------------------

    def sync(self, cursor: str | None) -> Page:
        """Per location, the reviews changed after the last change seen there (the cursor:
        {location id: updateTime}); one request per location when nothing is new. With a
        subscription, the notified reviews first, and the listing only every LIST_EVERY
        (the cursor's LISTED); one request when nothing was notified."""
        if not self.subscription:
            found, latest = self._listing(json.loads(cursor) if cursor else {})
            return Page(found, _dumps(latest) if latest else cursor)
        acks, found = self._notified()
        seen: dict[str, str] = json.loads(cursor) if cursor else {}
        now, listed = self.now(), seen.get(LISTED)
        if listed is None or now - datetime.fromisoformat(listed) >= LIST_EVERY:
            more, seen = self._listing(seen)
            seen[LISTED] = now.isoformat()
            notified = {r.external_id for r in found}
            found += [r for r in more if r.external_id not in notified]
            cursor = _dumps(seen)
        found.sort(key=lambda r: r.updated_at or r.created_at)
        return Page(found, cursor, again=PULL_EVERY,
                    done=partial(self._acknowledge, acks) if acks else None)

    def _listing(self, seen: dict[str, str]) -> tuple[list[SiteReview], dict[str, str]]:
        """Every location's reviews changed since the cursor, oldest first, and the cursor
        after them."""
        latest, found = dict(seen), []
        for location in self.locations or list(self._all_locations()):
            since = instant(seen[location]) if location in seen else None
            for raw in self._reviews(location):
                changed = raw.get("updateTime") or raw["createTime"]
                if since is not None and instant(changed) <= since:
                    break  # ordered by updateTime desc: the rest was seen before
                found.append(review(raw))
                if location not in latest or instant(changed) > instant(latest[location]):
                    latest[location] = changed
        found.sort(key=lambda r: r.updated_at or r.created_at)
        return found, latest

    def reply(self, external_id: str, text: str) -> PostedReply:
        if not REVIEW_NAME.fullmatch(external_id):
            raise SiteError("not_found", f"not a review's name: {external_id!r}")
        if len(text.encode("utf-8")) > REPLY_BYTES:
            raise SiteError("too_long", f"{len(text.encode('utf-8'))} bytes, at most {REPLY_BYTES}")
        answer = self._call("PUT", f"{self.api_url}/v4/{external_id}/reply", json={"comment": text})
        return PostedReply(at=when(answer.get("updateTime")) or datetime.now(timezone.utc))

    # --- the API --------------------------------------------------------------------

    def _notified(self) -> tuple[list[str], list[SiteReview]]:
        """One pull of the subscription: the ack ids of every message, and the reviews the
        notifications name, read now (a review gone since is skipped)."""
        answer = self._call("POST", f"{self.pubsub_url}/v1/{self.subscription}:pull",
                            json={"maxMessages": PULL_MAX, "returnImmediately": True})
        # returnImmediately: a sync must not wait for a message; Google discourages it only
        # because a pull may then come back empty while messages wait: the next one gets them.
        acks, names = [], []
        for received in answer.get("receivedMessages") or []:
            acks.append(received["ackId"])
            name = notified_review(received.get("message") or {})
            if name and self._ours(name) and name not in names:
                names.append(name)
        found = []
        for name in names:
            try:
                found.append(review(self._call("GET", f"{self.api_url}/v4/{name}")))
            except SiteError as err:
                if err.kind != "not_found":
                    raise
        return acks, found

    def _ours(self, name: str) -> bool:
        """A review of this account, at a location the connection follows."""
        parts = name.split("/")
        return parts[1] == self.account and (not self.locations or parts[3] in self.locations)

    def _acknowledge(self, acks: list[str]) -> None:
        self._call("POST", f"{self.pubsub_url}/v1/{self.subscription}:acknowledge",
                   json={"ackIds": acks})

    def _reviews(self, location: str) -> Iterator[Mapping[str, Any]]:
        url = f"{self.api_url}/v4/accounts/{self.account}/locations/{location}/reviews"
        yield from self._pages(url, "reviews", {"pageSize": REVIEWS_PAGE,
                                                "orderBy": "updateTime desc"})

    def _all_locations(self) -> Iterator[str]:
        """Every location of the account, from the Business Information API."""
        url = f"{self.info_url}/v1/accounts/{self.account}/locations"
        for raw in self._pages(url, "locations", {"pageSize": LOCATIONS_PAGE, "readMask": "name"}):
            yield location_id(raw["name"])

    def _pages(self, url: str, key: str, params: dict[str, Any]) -> Iterator[Mapping[str, Any]]:
        token = None
        while True:
            answer = self._call("GET", url,
                                params={**params, "pageToken": token} if token else params)
            yield from answer.get(key) or []
            token = answer.get("nextPageToken")
            if not token:
                return

    def _call(self, method: str, url: str, **kwargs: Any) -> dict[str, Any]:
        """One API request with a fresh access token; a 401 on a token that looked valid
        (revoked early, or the clocks disagree) refreshes it once and tries again."""
        import httpx

        refreshed = self._ensure_token()
        while True:
            try:
                answer = self.http.request(method, url, headers={
                    "Authorization": f"Bearer {self.credentials.token}"}, **kwargs)
            except httpx.HTTPError as err:  # time-out, refused or reset connection
                raise SiteError("unavailable", f"{type(err).__name__}: {err}") from None
            if answer.status_code == 401 and not refreshed:
                refreshed = self._ensure_token(force=True)
                continue
            if not answer.is_success:
                raise refusal(answer)
            try:
                return answer.json() if answer.content else {}
            except ValueError:
                raise SiteError("unavailable", f"{answer.status_code}: not JSON") from None

    def _ensure_token(self, *, force: bool = False) -> bool:
        """Refresh the access token when it is (nearly) expired; True when it was refreshed."""
        if self.credentials.valid and not force:
            return False
        from google.auth.exceptions import RefreshError, TransportError

        try:
            self.credentials.refresh(self._token_request)
        except RefreshError as err:  # invalid_grant: the refresh token expired or was revoked
            raise SiteError("unavailable" if err.retryable else "auth", str(err)) from None
        except TransportError as err:
            raise SiteError("unavailable", str(err)) from None
        return True


def scopes(settings: Mapping[str, str]) -> list[str]:
    """What the consent asks and the token carries: Pub/Sub too when a subscription is set."""
    return [SCOPE, PUBSUB_SCOPE] if (settings.get("subscription") or "").strip() else [SCOPE]


def credentials(settings: Mapping[str, str]) -> Credentials:
    from google.oauth2.credentials import Credentials

    return Credentials(token=None, refresh_token=settings["refresh_token"],
                       client_id=settings["client_id"], client_secret=settings["client_secret"],
                       token_uri=settings.get("token_uri") or TOKEN_URI, scopes=scopes(settings))


def build(settings: Mapping[str, str], http: httpx.Client) -> GoogleSite:
    """`api_url`, when set, serves all three APIs (a fake or a proxy); `token_uri` the
    token."""
    api_url = settings.get("api_url") or ""
    return GoogleSite(credentials(settings), http, account=settings["account"],
                      locations=[location_id(part) for part in
                                 (settings.get("locations") or "").split(",") if part.strip()],
                      api_url=api_url or API_URL, info_url=api_url or INFO_URL,
                      subscription=settings.get("subscription") or "",
                      pubsub_url=api_url or PUBSUB_URL)


def _dumps(cursor: Mapping[str, str]) -> str:
    return json.dumps(cursor, sort_keys=True, separators=(",", ":"))


PROMPT = ("Open this address in a browser, sign in with the Google account that manages the "
          "business and allow access:\n{url}")


def authorize(settings: Mapping[str, str], *, prompt: str = PROMPT, port: int = 0,
              open_browser: bool = False, timeout: float | None = 600) -> dict[str, str]:
    """The installed-app consent: prints the address to open (`prompt`, with {url}), waits
    for Google's redirect to a loopback port on this machine, and trades the code for a
    refresh token. Returns the settings it fills in: {"refresh_token": ...}."""
    from google_auth_oauthlib.flow import InstalledAppFlow, WSGITimeoutError
    from oauthlib.oauth2 import OAuth2Error

    flow = InstalledAppFlow.from_client_config({"installed": {
        "client_id": settings["client_id"], "client_secret": settings["client_secret"],
        "auth_uri": settings.get("auth_uri") or AUTH_URI,
        "token_uri": settings.get("token_uri") or TOKEN_URI,
        "redirect_uris": ["http://127.0.0.1"]}}, scopes=scopes(settings))
    # prompt=consent: Google hands out a refresh token only when consent is asked.
    try:
        granted = flow.run_local_server(host="127.0.0.1", port=port, open_browser=open_browser,
                                        authorization_prompt_message=prompt,
                                        timeout_seconds=timeout, prompt="consent")
    except (OAuth2Error, WSGITimeoutError) as err:  # refused consent, a bad code, no answer
        raise SiteError("auth", f"{type(err).__name__}: {err}") from None
    if not granted.refresh_token:
        raise SiteError("auth", "Google gave no refresh token")
    return {"refresh_token": granted.refresh_token}


KIND = SiteKind(
    source=SOURCE,
    fields=(Field("client_id"), Field("client_secret", secret=True),
            Field("subscription", required=False),  # before the consent: it asks Pub/Sub too
            Field("refresh_token", secret=True, consent=True), Field("account"),
            Field("locations", required=False)),
    build=build,
    extra={"authorize": authorize},
)
