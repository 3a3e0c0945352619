"""What every site client shares: one httpx client with time-outs, and a site's HTTP answer
turned into the desk's words for a refusal (desk.sources.contract.SiteError kinds)."""
from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from desk.sources.contract import SiteError

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
    status = response.status_code
    kind = KINDS.get(status) or ("unavailable" if status >= 500 or status == 408 else "refused")
    raise SiteError(kind, f"HTTP {status}: {response.text[:300]}",
                    retry_after=retry_after(response.headers.get("Retry-After")))


def retry_after(value: str | None) -> float | None:
    """Seconds to wait: Retry-After as a number of seconds or as an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max((when - datetime.now(timezone.utc)).total_seconds(), 0.0)
