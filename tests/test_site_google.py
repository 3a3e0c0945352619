"""The Google Business Profile client against a loopback fake of Google's APIs: paging, the
cursor, token refresh, every refusal, replies, and the installed-app consent."""
from __future__ import annotations

import queue
import sys
import threading
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

import google.auth._exponential_backoff
import httpx
import pytest

from app.sites import SITES
from app.sites.google import KIND, authorize, original_text
from desk.sources.contract import ReviewSite, SiteError
from tests.fakes.google_business import Failure, FakeGoogleBusiness, make_review
from tests.sites_support import http  # noqa: F401  (fixtures)


@pytest.fixture
def fake():
    server = FakeGoogleBusiness()
    yield server
    server.close()


def connect(fake: FakeGoogleBusiness, http: httpx.Client, **settings: str) -> ReviewSite:
    return SITES["google"].build(fake.settings(**settings), http)


def stamp(day: int, minute: int = 0) -> str:
    return f"2026-11-{day:02d}T09:{minute:02d}:00Z"


def refusal(call) -> SiteError:
    with pytest.raises(SiteError) as caught:
        call()
    return caught.value


# --- the registry -------------------------------------------------------------------------

def test_google_is_a_site_a_team_can_connect(fake, http):
    assert SITES["google"] is KIND
    assert [(f.name, f.secret, f.required) for f in KIND.fields] == [
        ("client_id", False, True), ("client_secret", True, True), ("subscription", False, False),
        ("refresh_token", True, True), ("account", False, True), ("locations", False, False)]
    assert KIND.extra["authorize"] is authorize
    assert isinstance(connect(fake, http), ReviewSite)


# --- reading reviews ----------------------------------------------------------------------

def test_the_first_sync_reads_every_page_of_every_location_oldest_first(fake, http):
    fake.add(*(make_review("111", f"a{n}", updated=f"2026-11-01T09:{n // 60:02d}:{n % 60:02d}Z")
               for n in range(120)))
    fake.add(make_review("222", "b1", updated=stamp(2)), make_review("222", "b2", updated=stamp(3)))

    page = connect(fake, http).sync(None)

    assert len(page.reviews) == 122
    assert [r.updated_at for r in page.reviews] == sorted(r.updated_at for r in page.reviews)
    assert page.reviews[-1].external_id == "accounts/1234/locations/222/reviews/b2"
    lists = fake.calls("reviews.list")
    assert [(s.path.split("/")[5], s.query.get("pageToken")) for s in lists] == [
        ("111", None), ("111", "50"), ("111", "100"), ("222", None)]
    assert {(s.query["pageSize"], s.query["orderBy"]) for s in lists} == {("50", "updateTime desc")}
    assert len(fake.calls("locations.list")) == 1 and len(fake.calls("token")) == 1
    assert {s.authorization for s in lists} == {f"Bearer {sorted(fake.access_tokens)[0]}"}


def test_configured_locations_are_read_without_listing_the_account(fake, http):
    fake.add(make_review("111", "a"), make_review("222", "b"), make_review("333", "c"))

    page = connect(fake, http, locations="111, accounts/1234/locations/333").sync(None)

    assert sorted(r.external_id.rsplit("/", 1)[1] for r in page.reviews) == ["a", "c"]
    assert not fake.calls("locations.list")


@pytest.mark.parametrize("rating, stars", [("ONE", 1), ("TWO", 2), ("THREE", 3), ("FOUR", 4),
                                           ("FIVE", 5), ("STAR_RATING_UNSPECIFIED", None)])
def test_star_ratings(fake, http, rating, stars):
    fake.add(make_review("111", "r", stars=rating))
    assert connect(fake, http).sync(None).reviews[0].stars == stars


def test_a_review_in_the_desks_words(fake, http):
    fake.add(make_review("111", "r1", comment="Koud eten.", reviewer="Marieke Jansen",
                         created="2026-11-01T09:00:00Z", updated="2026-11-02T10:15:30.123456789Z",
                         reply="Sorry to hear that."),
             make_review("111", "r2", comment=None, anonymous=True, updated=stamp(1)))

    old, new = connect(fake, http).sync(None).reviews

    assert new.external_id == "accounts/1234/locations/111/reviews/r1"
    assert (new.text, new.customer, new.reply) == ("Koud eten.", "Marieke Jansen", "Sorry to hear that.")
    assert new.created_at == datetime(2026, 11, 1, 9, tzinfo=timezone.utc)
    assert new.updated_at == datetime(2026, 11, 2, 10, 15, 30, 123456, tzinfo=timezone.utc)
    assert (new.link, new.language, new.deleted) == (None, None, False)
    # A rating without words, by someone who stays anonymous.
    assert (old.text, old.customer, old.reply) == ("", None, None)


@pytest.mark.parametrize("comment, original", [
    ("(Translated by Google) The food was cold.\n\n(Original)\nHet eten was koud.",
     "Het eten was koud."),
    ("Het eten was koud.\n\n(Translated by Google)\nThe food was cold.", "Het eten was koud."),
    ("Niets vertaald (Original) hier.", "Niets vertaald (Original) hier."),
])
def test_google_translations_are_dropped_and_the_reviewers_words_kept(fake, http, comment, original):
    assert original_text(comment) == original
    fake.add(make_review("111", "r", comment=comment))
    assert connect(fake, http).sync(None).reviews[0].text == original


def test_deleted_reviews_are_not_listed_and_cannot_be_answered(fake, http):
    """reviews.list leaves out a deleted review (there is no deleted flag to report): it just
    stops appearing, and a reply to it is not_found."""
    fake.add(make_review("111", "gone", updated=stamp(1)), make_review("111", "kept", updated=stamp(2)))
    site = connect(fake, http)
    cursor = site.sync(None).cursor
    fake.reviews["111"] = [r for r in fake.reviews["111"] if r["reviewId"] != "gone"]

    assert site.sync(cursor).reviews == []
    assert refusal(lambda: site.reply("accounts/1234/locations/111/reviews/gone", "Hi")).kind == "not_found"


# --- the cursor -----------------------------------------------------------------------------

def test_nothing_new_returns_nothing_for_one_request_per_location(fake, http):
    fake.add(make_review("111", "a", updated=stamp(1)), make_review("222", "b", updated=stamp(2)))
    site = connect(fake, http)
    cursor = site.sync(None).cursor
    fake.requests.clear()

    page = site.sync(cursor)

    assert page.reviews == [] and page.cursor == cursor
    assert [s.operation for s in fake.requests] == ["locations.list", "reviews.list", "reviews.list"]


def test_only_reviews_changed_since_the_cursor_come_back(fake, http):
    fake.add(make_review("111", "a", updated=stamp(1)), make_review("111", "b", updated=stamp(2)),
             make_review("222", "c", stars="ONE", updated=stamp(3)))
    site = connect(fake, http)
    cursor = site.sync(None).cursor
    fake.add(make_review("111", "new", updated=stamp(4)))
    changed = fake.reviews["222"][0]
    changed.update(starRating="FOUR", comment="Toch opgelost, dank!", updateTime=stamp(5))

    page = site.sync(cursor)

    assert [(r.external_id.rsplit("/", 1)[1], r.stars) for r in page.reviews] == [("new", 1), ("c", 4)]
    assert site.sync(page.cursor).reviews == []


def test_a_sync_stops_paging_at_the_last_change_seen(fake, http):
    fake.add(*(make_review("111", f"old{n}", updated=f"2026-10-01T09:{n:02d}:00Z") for n in range(60)))
    site = connect(fake, http)
    cursor = site.sync(None).cursor
    fake.add(*(make_review("111", f"new{n}", updated=f"2026-11-01T09:{n:02d}:00Z") for n in range(55)))
    fake.requests.clear()

    page = site.sync(cursor)

    assert len(page.reviews) == 55
    assert [s.query.get("pageToken") for s in fake.calls("reviews.list")] == [None, "50"]


def test_a_failure_half_way_loses_nothing(fake, http):
    fake.add(make_review("111", "a", updated=stamp(1)), make_review("222", "b", updated=stamp(1)))
    site = connect(fake, http)
    cursor = site.sync(None).cursor
    fake.add(make_review("111", "a2", updated=stamp(2)), make_review("222", "b2", updated=stamp(2)))
    fake.fail("reviews.list", None, Failure())  # the first location answers, the second fails

    assert refusal(lambda: site.sync(cursor)).kind == "unavailable"
    assert sorted(r.external_id[-2:] for r in site.sync(cursor).reviews) == ["a2", "b2"]


def test_a_poll_of_fifty_locations_with_nothing_new(fake, http):
    """The cost the README quotes: one reviews.list per location, plus one locations.list when
    the connection names no locations; the access token lives an hour."""
    for n in range(50):
        fake.add(*(make_review(f"{1000 + n}", f"r{n}-{k}", updated=stamp(1 + k)) for k in range(3)))
    every = connect(fake, http)
    named = connect(fake, http, locations=",".join(str(1000 + n) for n in range(50)))
    cursors = every.sync(None).cursor, named.sync(None).cursor
    fake.requests.clear()

    assert every.sync(cursors[0]).reviews == []
    assert len(fake.requests) == 51 and len(fake.calls("locations.list")) == 1
    fake.requests.clear()
    assert named.sync(cursors[1]).reviews == []
    assert len(fake.requests) == 50 and not fake.calls("token")


# --- the access token ---------------------------------------------------------------------

def test_the_access_token_is_fetched_once_and_reused(fake, http):
    fake.add(make_review("111", "a"))
    site = connect(fake, http)
    site.sync(None)
    site.sync(None)
    assert len(fake.calls("token")) == 1
    assert len({s.authorization for s in fake.calls("reviews.list")}) == 1


def test_a_token_about_to_expire_is_refreshed_before_the_call(fake, http):
    fake.expires_in = 60  # google-auth refreshes a token with less than a few minutes left
    fake.add(make_review("111", "a"))
    site = connect(fake, http)
    site.sync(None)
    site.sync(None)
    assert [s.operation for s in fake.requests] == [
        "token", "locations.list", "token", "reviews.list"] * 2


def test_a_token_refused_mid_way_is_refreshed_and_the_call_retried(fake, http):
    fake.add(make_review("111", "a"))
    site = connect(fake, http, locations="111")
    site.sync(None)
    fake.expire_access_tokens()
    fake.requests.clear()

    assert len(site.sync(None).reviews) == 1
    assert [s.operation for s in fake.requests] == ["reviews.list", "token", "reviews.list"]


def test_revoked_access_asks_the_lead_to_reconnect(fake, http):
    fake.add(make_review("111", "a"))
    site = connect(fake, http)
    site.sync(None)
    fake.revoke()

    error = refusal(lambda: site.sync(None))
    assert error.kind == "auth" and not error.transient and "invalid_grant" in error.detail
    assert refusal(lambda: connect(fake, http).sync(None)).kind == "auth"


def test_a_wrong_client_secret_is_auth(fake, http):
    error = refusal(lambda: connect(fake, http, client_secret="wrong").sync(None))
    assert error.kind == "auth" and "invalid_client" in error.detail


def test_a_token_endpoint_that_keeps_failing_is_unavailable(fake, http, monkeypatch):
    monkeypatch.setattr(google.auth._exponential_backoff, "time",
                        type("NoWait", (), {"sleep": staticmethod(lambda seconds: None)}))
    fake.fail("token", *[Failure(status=503)] * 3)  # google-auth tries three times
    error = refusal(lambda: connect(fake, http).sync(None))
    assert error.kind == "unavailable" and error.transient
    assert len(fake.calls("token")) == 3


# --- refusals -----------------------------------------------------------------------------

@pytest.mark.parametrize("failure, kind", [
    (Failure(status=403, message="The caller does not have permission"), "forbidden"),
    (Failure(status=400, reason="FAILED_PRECONDITION", message="Location is not verified."), "forbidden"),
    (Failure(status=404, message="Requested entity was not found."), "not_found"),
    (Failure(status=429, message="Quota exceeded for quota metric 'Requests'."), "quota"),
    (Failure(status=500), "unavailable"),
    (Failure(status=503, message="The service is currently unavailable."), "unavailable"),
    (Failure(reset=True), "unavailable"),
])
def test_refusals_while_reading(fake, http, failure, kind):
    fake.add(make_review("111", "a"))
    fake.fail("reviews.list", failure)
    error = refusal(lambda: connect(fake, http).sync(None))
    assert error.kind == kind
    assert error.transient == (kind in ("quota", "unavailable"))


def test_quota_says_when_to_try_again(fake, http):
    fake.add(make_review("111", "a"))
    fake.fail("reviews.list", Failure(status=429, retry_after=30))
    error = refusal(lambda: connect(fake, http).sync(None))
    assert (error.kind, error.retry_after) == ("quota", 30.0)
    assert "RESOURCE_EXHAUSTED" in error.detail


def test_an_unreachable_site_is_unavailable(fake, http):
    settings = fake.settings()
    fake.close()
    with pytest.raises(SiteError) as caught:
        SITES["google"].build(settings, http).sync(None)
    assert caught.value.kind == "unavailable"


# --- replies ------------------------------------------------------------------------------

NAME = "accounts/1234/locations/111/reviews/r1"


def test_a_reply_is_posted_to_the_review(fake, http):
    fake.add(make_review("111", "r1"))

    posted = connect(fake, http).reply(NAME, "Dank je, Marieke. We bellen je morgen.")

    put = fake.calls("reviews.updateReply")
    assert put[0].method == "PUT" and put[0].path == f"/v4/{NAME}/reply"
    assert fake.reviews["111"][0]["reviewReply"]["comment"] == "Dank je, Marieke. We bellen je morgen."
    assert posted.at == datetime(2026, 12, 7, 10, tzinfo=timezone.utc) and posted.link is None
    assert connect(fake, http).sync(None).reviews[0].reply == "Dank je, Marieke. We bellen je morgen."


def test_a_reply_of_exactly_the_limit_is_sent_and_one_byte_more_is_not(fake, http):
    fake.add(make_review("111", "r1"))
    site = connect(fake, http)
    site.reply(NAME, "é" * 2048)  # 4096 bytes
    fake.requests.clear()

    error = refusal(lambda: site.reply(NAME, "é" * 2048 + "!"))
    assert error.kind == "too_long" and fake.requests == []


@pytest.mark.parametrize("failure, kind", [
    (Failure(status=400, message="Request contains an invalid argument: comment length exceeds "
              "the limit."), "too_long"),
    (Failure(status=400, message="Request contains an invalid argument."), "refused"),
    (Failure(status=403, message="The caller does not have permission"), "forbidden"),
    (Failure(status=429), "quota"),
    (Failure(status=502), "unavailable"),
])
def test_refused_replies(fake, http, failure, kind):
    fake.add(make_review("111", "r1"))
    fake.fail("reviews.updateReply", failure)
    assert refusal(lambda: connect(fake, http).reply(NAME, "Sorry.")).kind == kind
    assert "reviewReply" not in fake.reviews["111"][0]


def test_a_reply_to_a_review_that_is_not_there(fake, http):
    fake.add(make_review("111", "r1"))
    site = connect(fake, http)
    assert refusal(lambda: site.reply("accounts/1234/locations/111/reviews/nope", "Hi")).kind == "not_found"
    assert refusal(lambda: site.reply("r1", "Hi")).kind == "not_found"
    assert len(fake.calls("reviews.updateReply")) == 1  # the malformed id sent nothing


# --- the installed-app consent ------------------------------------------------------------

class Lines:
    """Standard output as a queue of lines, to read the address the consent prints."""

    def __init__(self) -> None:
        self.lines: queue.Queue[str] = queue.Queue()

    def write(self, text: str) -> int:
        for line in text.splitlines():
            self.lines.put(line)
        return len(text)

    def flush(self) -> None:
        pass


def consent(fake: FakeGoogleBusiness, monkeypatch) -> tuple[str, dict]:
    """Run `authorize` as `review-desk connect google` does; the test is the person who opens
    the printed address in a browser (the fake's consent screen redirects at once)."""
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the fake speaks plain HTTP
    out = Lines()
    monkeypatch.setattr(sys, "stdout", out)
    result: dict = {}

    def run() -> None:
        try:
            result["value"] = authorize({**fake.settings(), "auth_uri": fake.auth_uri},
                                        prompt="OPEN {url}", timeout=10)
        except SiteError as err:
            result["error"] = err

    worker = threading.Thread(target=run)
    worker.start()
    url = out.lines.get(timeout=10).removeprefix("OPEN ")
    httpx.get(url, follow_redirects=True, timeout=10)
    worker.join(10)
    return url, result


def test_connect_asks_consent_for_business_manage_and_gets_a_refresh_token(fake, http, monkeypatch):
    fake.add(make_review("111", "a"))

    url, result = consent(fake, monkeypatch)

    asked = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    assert asked["scope"] == "https://www.googleapis.com/auth/business.manage"
    assert (asked["access_type"], asked["prompt"], asked["code_challenge_method"]) == (
        "offline", "consent", "S256")
    assert asked["redirect_uri"].startswith("http://127.0.0.1:")
    token = result["value"]["refresh_token"]
    assert token.startswith("1//refresh-")
    assert len(connect(fake, http, refresh_token=token).sync(None).reviews) == 1


def test_refused_consent_is_auth(fake, monkeypatch):
    fake.deny_consent = True
    _, result = consent(fake, monkeypatch)
    assert result["error"].kind == "auth"


def test_the_fake_refuses_a_call_without_a_live_token(fake, http):
    fake.add(make_review("111", "a"))
    url = f"{fake.url}/v4/accounts/1234/locations/111/reviews"
    for headers in ({}, {"Authorization": "Bearer ya29.made-up"}):
        answer = http.get(url, headers=headers)
        assert answer.status_code == 401 and answer.json()["error"]["status"] == "UNAUTHENTICATED"
