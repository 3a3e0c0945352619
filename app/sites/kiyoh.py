"""Kiyoh and Klantenvertellen (one platform, two hosts): the publication API.

Reviews are read with `GET /v1/publication/review/external` for one location, ordered by
their last change (`orderBy=UPDATE_DATE`, `sortOrder=ASC`) from `updatedSince`, `limit` at a
time; the cursor is the last change seen. The API has no page token: a full page means
asking again from its last change (reviews at that very moment come again and are
recognised). A reply is `PUT /v1/publication/review/response` with the review's id, as a
public response, a private one (`reviewResponseType` PRIVATE, e-mailed to the reviewer) or
both, as the connection's `response` setting says. The token travels in the
`X-Publication-Api-Token` header.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Mapping

import httpx

from app.sites.http import call
from desk.sources.contract import Field, Page, PostedReply, SiteError, SiteKind, SiteReview

KIYOH = "https://www.kiyoh.com"
TENANT = "98"  # Kiyoh's; Klantenvertellen's is 99 (the account manager gives it)
PAGE = 100
MAX_RESPONSE = 4000  # characters of a response, per the publication API's own form
TEXTS = ("DEFAULT_ONELINER", "DEFAULT_OPINION")  # the review's title and opinion
RESPONSES = {"public": ("PUBLIC",), "private": ("PRIVATE",), "both": ("PUBLIC", "PRIVATE")}


class Kiyoh:
    source = "kiyoh"

    def __init__(self, settings: Mapping[str, str], http: httpx.Client) -> None:
        self.http = http
        self.base = (settings.get("api_url") or KIYOH).rstrip("/")
        self.location = str(settings["location_id"]).strip()
        self.tenant = str(settings.get("tenant_id") or TENANT).strip()
        self.headers = {"X-Publication-Api-Token": settings["api_token"],
                        "Accept": "application/json"}
        self.response = str(settings.get("response") or "public").strip().lower()

    def sync(self, cursor: str | None) -> Page:
        """Every review changed since `cursor` (all of them the first time), oldest first."""
        seen: dict[str, SiteReview] = {}
        since = cursor
        while True:
            params = {"locationId": self.location, "tenantId": self.tenant,
                      "orderBy": "UPDATE_DATE", "sortOrder": "ASC", "limit": PAGE}
            if since:
                params["updatedSince"] = since
            data = call(self.http, "GET", f"{self.base}/v1/publication/review/external",
                        params=params, headers=self.headers).json()
            reviews = data.get("reviews") or []
            for item in reviews:
                review = site_review(item)
                seen.pop(review.external_id, None)  # a later change comes after
                seen[review.external_id] = review
            last = reviews[-1].get("updatedSince") if reviews else None
            if len(reviews) < PAGE or not last or last == since:
                cursor = last or since
                break
            since = last
        return Page(list(seen.values()), cursor)

    def reply(self, external_id: str, text: str) -> PostedReply:
        """The public response first: Kiyoh keeps one per review and a PUT replaces it, so
        when the private one fails after it, posting again changes nothing in public and
        sends the private one."""
        types = RESPONSES.get(self.response, RESPONSES["public"])
        if len(text) > MAX_RESPONSE:
            raise SiteError("too_long", f"{len(text)} characters, at most {MAX_RESPONSE}")
        for kind in types:
            # A private response reaches the reviewer only by e-mail.
            call(self.http, "PUT", f"{self.base}/v1/publication/review/response",
                 headers=self.headers,
                 json={"locationId": self.location, "tenantId": self.tenant,
                       "reviewId": external_id, "response": text, "reviewResponseType": kind,
                       "responseEmail": "true" if kind == "PRIVATE" else "false"})
        return PostedReply(at=datetime.now(timezone.utc), private="PUBLIC" not in types)


def site_review(item: Mapping[str, Any]) -> SiteReview:
    """One review as the desk needs it: stars from Kiyoh's 1-10, the title and the opinion
    as its text."""
    answers = {part.get("questionGroup"): part.get("rating")
               for part in item.get("reviewContent") or ()}
    text = "\n\n".join(str(answers[g]).strip() for g in TEXTS if str(answers.get(g) or "").strip())
    rating = item.get("rating")
    return SiteReview(
        external_id=str(item["reviewId"]), text=text or str(item.get("reviewComments") or ""),
        stars=(int(round(float(rating))) + 1) // 2 if rating not in (None, "") else None,
        customer=(item.get("reviewAuthor") or "").strip() or None,
        language=item.get("reviewLanguage") or None,
        created_at=moment(item.get("dateSince")), updated_at=moment(item.get("updatedSince")))


def moment(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


KIND = SiteKind(source="kiyoh", build=Kiyoh, fields=(
    Field("location_id"),
    Field("api_token", secret=True),
    Field("tenant_id", required=False),
    Field("api_url", required=False),
    Field("response", required=False, choices=tuple(RESPONSES)),
))
