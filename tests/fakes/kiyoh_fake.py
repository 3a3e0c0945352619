"""A loopback fake of Kiyoh's publication API, as its public documentation and the clients
built on it describe it: reviews of one location with `GET /v1/publication/review/external`
(locationId, tenantId, updatedSince, orderBy=UPDATE_DATE, sortOrder=ASC, limit), and a
response with `PUT /v1/publication/review/response` (reviewResponseType PUBLIC: shown on the
site, one per review, a new one replaces it; PRIVATE: to the reviewer only, e-mailed when
responseEmail is true); the token in `X-Publication-Api-Token`.
Errors come as JSON `{"errorCode": ..., "detailedError": [{"field", "message"}]}`.

Reviews live in the fake like on the site: tests add, change and answer them; `fail` makes
the next requests answer with an error status (401, 403, 429 with Retry-After, 5xx)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

from tests.fakes.loopback import JsonHandler, Loopback

TOKEN = "kiyoh-token-for-tests"
LOCATION = "1046100"
TENANT = "98"


@dataclass
class FakeKiyoh:
    reviews: dict[str, dict] = field(default_factory=dict)
    responses: list[dict] = field(default_factory=list)  # every response posted
    requests: list[dict] = field(default_factory=list)
    failures: list[tuple[int, dict] | None] = field(default_factory=list)  # next first; None: ok
    emailed: list[dict] = field(default_factory=list)  # private responses mailed to reviewers
    clock: datetime = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)

    def __post_init__(self) -> None:
        fake = self

        class Handler(JsonHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server name
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if not self.allowed(query):
                    return
                if url.path != "/v1/publication/review/external":
                    return self.answer(404, error("NOT_FOUND", "path", "unknown path"))
                self.answer(200, fake.listing(query))

            def do_PUT(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
                if not self.allowed(body):
                    return
                if urlsplit(self.path).path != "/v1/publication/review/response":
                    return self.answer(404, error("NOT_FOUND", "path", "unknown path"))
                review = fake.reviews.get(body.get("reviewId"))
                if review is None:
                    return self.answer(404, error("REVIEW_NOT_FOUND", "reviewId", "no such review"))
                if body.get("reviewResponseType") not in ("PUBLIC", "PRIVATE") \
                        or not body.get("response"):
                    return self.answer(400, error("INVALID", "response", "response required"))
                if str(body.get("responseEmail")).lower() not in ("true", "false"):
                    return self.answer(400, error("INVALID", "responseEmail", "true or false"))
                fake.responses.append(body)
                if body["reviewResponseType"] == "PUBLIC":
                    review["reviewComments"] = body["response"]
                    review["updatedSince"] = fake.tick()
                elif str(body["responseEmail"]).lower() == "true":
                    fake.emailed.append({"reviewId": review["reviewId"],
                                         "to": review["reviewAuthor"], "text": body["response"]})
                self.answer(200, {"result": "OK"})

            def allowed(self, params: dict) -> bool:
                """The token, a scripted failure, the location and the tenant, in that order."""
                fake.requests.append({"method": self.command, "path": self.path,
                                      "token": self.headers.get("X-Publication-Api-Token")})
                failure = fake.failures.pop(0) if fake.failures else None
                if failure is not None:
                    status, headers = failure
                    self.answer(status, error("FAILED", "", f"status {status}"), headers)
                    return False
                if self.headers.get("X-Publication-Api-Token") != TOKEN:
                    self.answer(401, error("INVALID_TOKEN", "X-Publication-Api-Token",
                                          "token is not valid"))
                    return False
                if str(params.get("locationId")) != LOCATION or str(params.get("tenantId")) != TENANT:
                    self.answer(403, error("ACCESS_DENIED", "locationId",
                                          "no access to this location"))
                    return False
                return True

        self.loopback = Loopback(Handler)

    @property
    def url(self) -> str:
        return self.loopback.url

    def close(self) -> None:
        self.loopback.close()

    # -- the site's side ---------------------------------------------------------------------
    def tick(self) -> str:
        """The site's clock moves a minute at every change, as Kiyoh writes its times."""
        self.clock += timedelta(minutes=1)
        return self.clock.isoformat(timespec="milliseconds")

    def write(self, review_id: str, *, rating: int, author: str, title: str,
              opinion: str = "") -> dict:
        """A customer writes a review (rating 1-10), or changes theirs."""
        now = self.tick()
        review = self.reviews.setdefault(review_id, {"reviewId": review_id, "dateSince": now})
        review.update({"reviewAuthor": author, "city": "Utrecht", "rating": rating,
                       "updatedSince": now, "reviewLanguage": "nl", "referenceCode": None,
                       "reviewContent": [
                           {"questionGroup": "DEFAULT_OVERALL", "questionType": "INT",
                            "rating": rating, "order": 0},
                           {"questionGroup": "DEFAULT_ONELINER", "questionType": "TEXT",
                            "rating": title, "order": 1},
                           {"questionGroup": "DEFAULT_OPINION", "questionType": "TEXT",
                            "rating": opinion, "order": 2},
                           {"questionGroup": "DEFAULT_RECOMMEND", "questionType": "BOOLEAN",
                            "rating": rating >= 6, "order": 3}]})
        return review

    def fail(self, status: int, times: int = 1, **headers: str) -> None:
        self.failures += [(status, {k.replace("_", "-"): v for k, v in headers.items()})] * times

    def listing(self, query: dict) -> dict:
        """The location's statistics and its reviews changed at or after `updatedSince`,
        by their change, `limit` of them."""
        since = query.get("updatedSince")
        rows = sorted(self.reviews.values(), key=lambda r: r["updatedSince"],
                      reverse=query.get("sortOrder") == "DESC")
        if since:
            rows = [r for r in rows if parse(r["updatedSince"]) >= parse(since)]
        limit = int(query.get("limit") or 10)
        ratings = [r["rating"] for r in self.reviews.values()]
        return {"locationId": int(LOCATION), "locationName": "Fietsenwinkel De Spaak",
                "averageRating": round(sum(ratings) / len(ratings), 1) if ratings else 0,
                "numberReviews": len(ratings), "reviews": [dict(r) for r in rows[:limit]]}


def parse(moment: str) -> datetime:
    return datetime.fromisoformat(moment.replace("Z", "+00:00"))


def error(code: str, name: str, message: str) -> dict:
    return {"errorCode": code, "detailedError": [{"field": name, "message": message}]}
