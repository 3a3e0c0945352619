"""What every site client shares: one httpx client with time-outs, and a site's HTTP answer
turned into the desk's words for a refusal (desk.sources.contract.SiteError kinds)."""
from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from desk.sources.contract import ErrorKind, SiteError

TIMEOUT = httpx.Timeout(15.0, connect=5.0)
KINDS = {401: "auth", 403: "forbidden", 404: "not_found", 410: "not_found", 413: "too_long",
         429: "quota"}


def client() -> httpx.Client:
    """The process's one client for every site (connection pooling, no redirects followed:
    a token is never sent on to another host)."""
    return httpx.Client(timeout=TIMEOUT, follow_redirects=False,
                        headers={"User-Agent": "review-desk"})


def call(http: httpx.Client, method: str, url: str, **kwargs: Any) -> httpx.Response:
    """The site's answer when it succeeded; else SiteError with the kind of the refusal."""
    try:
        response = http.request(method, url, **kwargs)
    except httpx.TimeoutException as err:
        raise SiteError("unavailable", f"time-out: {type(err).__name__}") from None
    except httpx.TransportError as err:
        raise SiteError("unavailable", f"connection: {type(err).__name__}") from None
    if response.is_success:
        return response
    raise refusal(response, response.text)


# What a reply's refusal says when it was too long, in the words sites use.
TOO_LONG_WORDS = ("too long", "length", "characters", "exceed")


def refusal(response: httpx.Response, said: str, *, now: datetime | None = None,
            kind: ErrorKind | None = None) -> SiteError:
    """A site's error answer as the SiteError the desk can tell a person about: by its status,
    a 400 about length as too long; `said` is what the site said (searched for the length
    words, and kept for the log); `kind` when the site named the refusal itself."""
    status = response.status_code
    if kind is None:
        kind = KINDS.get(status) or (
            "unavailable" if status >= 500 or status in (408, 409) else
            "too_long" if status == 400 and any(w in said.lower() for w in TOO_LONG_WORDS)
            else "refused")
    return SiteError(kind, f"HTTP {status}: {said[:300]}",
                     retry_after=retry_after(response.headers.get("Retry-After"), now))


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait: Retry-After as a number of seconds or as an HTTP date (from `now`)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max((when - (now or datetime.now(timezone.utc))).total_seconds(), 0.0)
