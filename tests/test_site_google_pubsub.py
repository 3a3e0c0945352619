"""Google Business Profile notifications through a Pub/Sub subscription, against the loopback
fake driven by the real client: a notified review becomes a case within one sync without
listing the locations, the messages are acknowledged only once the case is stored, an empty
pull costs one request, the locations are still listed every hour, and each
refusal of Pub/Sub has its kind."""
from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta, timezone

import httpx
import pytest
from sqlmodel import select

from app.sites import SITES
from app.sites.google import (LIST_EVERY, PUBSUB_SCOPE, PULL_EVERY, SCOPE, GoogleSite, credentials,
                              notified_review, scopes)
from desk.sources.connections import connect
from desk.sources.contract import SiteError
from desk.sources.sync import sync_sites
from storage.models import Case, SiteConnection
from tests.fakes.google_business import SUBSCRIPTION, Failure, FakeGoogleBusiness, make_review
from tests.sites_support import KEY, app, http, team_id  # noqa: F401  (fixtures)

@pytest.fixture
def fake():
    server = FakeGoogleBusiness()
    yield server
    server.close()


def subscribed(fake: FakeGoogleBusiness, **settings: str) -> dict[str, str]:
    return fake.settings(**{"subscription": SUBSCRIPTION, **settings})


def site(fake: FakeGoogleBusiness, http: httpx.Client, **settings: str):
    return SITES["google"].build(subscribed(fake, **settings), http)


def connected(app, team_id, fake: FakeGoogleBusiness, **settings: str):
    return connect(app.desk, team_id, "google", subscribed(fake, **settings),
                   since=app.desk.now() - timedelta(days=7))


def sync(app, clock) -> None:
    """The scheduler's sync job, one minute on: a connection with a subscription is due."""
    clock.advance(PULL_EVERY)
    for box in sync_sites(app.desk):
        if box.delivered:
            box.delivered()


def cases(app) -> list[Case]:
    with app.desk.db.unit() as session:
        return list(session.exec(select(Case).order_by(Case.id)))


def operations(fake: FakeGoogleBusiness) -> list[str]:
    return [s.operation for s in fake.calls() if s.operation != "token"]


def stamp(day: int) -> str:
    return f"2026-11-{day:02d}T09:00:00Z"


# --- through the desk ---------------------------------------------------------------------

def test_a_notified_review_becomes_a_case_in_one_sync_without_listing_locations(
        app, team_id, fake, clock):
    fake.add(make_review("111", "old", updated=stamp(22), stars="FIVE"),
             make_review("222", "other", updated=stamp(22), stars="FIVE"))
    connected(app, team_id, fake)
    fake.requests.clear()
    bad = make_review("222", "new", comment="Koud eten en niemand kwam.", updated=stamp(23))
    fake.add(bad)
    fake.notify(bad)

    sync(app, clock)

    [case] = cases(app)
    assert (case.source, case.text, case.stars) == ("google", "Koud eten en niemand kwam.", 1)
    assert operations(fake) == ["pubsub.pull", "reviews.get", "pubsub.acknowledge"]
    assert fake.calls("reviews.get")[0].path == f"/v4/{bad['name']}"
    assert fake.acknowledged and not fake.outstanding and not fake.messages
    with app.desk.db.unit() as session:
        row = session.exec(select(SiteConnection)).one()
        assert row.next_sync_at.replace(tzinfo=None) == \
            (app.desk.now() + PULL_EVERY).astimezone(timezone.utc).replace(tzinfo=None)


def test_a_notification_waiting_when_the_team_connects_is_acknowledged_once_it_is_stored(
        app, team_id, fake):
    bad = make_review("111", "r1", updated=stamp(22))
    fake.add(bad)
    fake.notify(bad)

    found, taken = connected(app, team_id, fake)

    assert (found, len(taken.created)) == (1, 1) and len(cases(app)) == 1
    assert len(fake.acknowledged) == 1 and not fake.outstanding


def test_a_crash_before_the_acknowledgement_delivers_again_and_makes_no_second_case(
        app, team_id, fake, clock):
    connected(app, team_id, fake)
    bad = make_review("111", "r1", updated=stamp(23))
    fake.add(bad)
    fake.notify(bad)
    fake.fail("pubsub.acknowledge", Failure(reset=True))  # the process dies, as good as

    sync(app, clock)
    assert len(cases(app)) == 1 and not fake.acknowledged and fake.outstanding
    fake.redeliver()  # the ack deadline passed
    sync(app, clock)

    assert len(cases(app)) == 1
    assert fake.acknowledged == [fake.acknowledged[0]] and not fake.outstanding
    assert [s.operation for s in fake.calls("reviews.get")] == ["reviews.get"] * 2


def test_a_notification_whose_review_cannot_be_read_yet_waits_for_the_next_sync(
        app, team_id, fake, clock):
    connected(app, team_id, fake)
    bad = make_review("111", "r1", updated=stamp(23))
    fake.add(bad)
    fake.notify(bad)
    fake.fail("reviews.get", Failure(503))

    sync(app, clock)
    assert cases(app) == [] and fake.outstanding and not fake.acknowledged
    fake.redeliver()
    clock.advance(timedelta(minutes=2))  # the wait after one failure
    sync(app, clock)

    assert len(cases(app)) == 1 and len(fake.acknowledged) == 1


def test_a_notification_for_a_review_with_more_stars_is_acknowledged_and_no_case(
        app, team_id, fake, clock):
    connected(app, team_id, fake)
    praise = make_review("111", "r1", stars="FIVE", updated=stamp(23))
    fake.add(praise)
    fake.notify(praise)
    sync(app, clock)
    assert cases(app) == [] and len(fake.acknowledged) == 1


def test_an_updated_review_changes_its_case(app, team_id, fake, clock):
    connected(app, team_id, fake)
    raw = make_review("111", "r1", stars="ONE", updated=stamp(23))
    fake.add(raw)
    fake.notify(raw)
    sync(app, clock)
    raw.update(starRating="FOUR", comment="Toch nog opgelost.", updateTime=stamp(24))
    fake.notify(raw, "UPDATED_REVIEW")
    sync(app, clock)
    [case] = cases(app)
    assert (case.stars, case.text) == (4, "Toch nog opgelost.")


# --- the client ---------------------------------------------------------------------------

def test_an_empty_pull_costs_one_request(fake, http):
    fake.add(make_review("111", "a", updated=stamp(1)))
    google = site(fake, http)
    cursor = google.sync(None).cursor
    fake.requests.clear()

    page = google.sync(cursor)

    assert (page.reviews, page.cursor, page.done, page.again) == ([], cursor, None, PULL_EVERY)
    assert [s.operation for s in fake.calls()] == ["pubsub.pull"]


def test_the_first_sync_pulls_and_lists_and_acknowledges_only_when_told(fake, http):
    early = make_review("111", "a", updated=stamp(1))
    fake.add(early)
    fake.notify(early)
    page = site(fake, http).sync(None)

    assert [r.external_id for r in page.reviews] == [early["name"]]  # once, not twice
    assert "listed" in json.loads(page.cursor) and "111" in json.loads(page.cursor)
    assert fake.outstanding and not fake.acknowledged
    page.done()
    assert not fake.outstanding and len(fake.acknowledged) == 1


def test_every_location_is_listed_again_after_an_hour(fake, http):
    fake.add(make_review("111", "a", updated=stamp(1)))
    google = site(fake, http)
    start = datetime(2026, 12, 7, 10, tzinfo=timezone.utc)
    google.now = lambda: start
    cursor = google.sync(None).cursor
    missed = make_review("111", "b", updated=stamp(2))  # a notification that never came
    fake.add(missed)

    google.now = lambda: start + LIST_EVERY - timedelta(seconds=1)
    assert google.sync(cursor).reviews == []
    google.now = lambda: start + LIST_EVERY
    page = google.sync(cursor)

    assert [r.external_id for r in page.reviews] == [missed["name"]]
    assert json.loads(page.cursor)["listed"] == (start + LIST_EVERY).isoformat()


def test_notifications_of_other_kinds_accounts_and_locations_are_acknowledged_unread(fake, http):
    fake.add(make_review("111", "a", updated=stamp(1)), make_review("333", "c", updated=stamp(1)))
    google = site(fake, http, locations="111")
    cursor = google.sync(None).cursor
    fake.requests.clear()
    fake.notify(make_review("333", "c"))  # a location the connection does not follow
    fake.notify(make_review("111", "x", account="999"))  # another account's
    fake.publish(base64.b64encode(json.dumps({"type": "GOOGLE_UPDATE",
                                              "locationName": "accounts/1234/locations/111"})
                                  .encode()).decode())
    fake.publish("not base64 at all!")

    page = google.sync(cursor)

    assert page.reviews == [] and [s.operation for s in fake.calls()] == ["pubsub.pull"]
    page.done()
    assert len(fake.acknowledged) == 4


def test_notified_reviews_come_oldest_first_and_once(fake, http):
    fake.add(make_review("111", "a", updated=stamp(1)))
    google = site(fake, http)
    cursor = google.sync(None).cursor
    newer = make_review("111", "n", updated=stamp(3))
    older = make_review("111", "o", updated=stamp(2))
    fake.add(newer, older)
    fake.notify(newer)
    fake.notify(older)
    fake.notify(newer, "UPDATED_REVIEW")

    page = google.sync(cursor)

    assert [r.external_id for r in page.reviews] == [older["name"], newer["name"]]
    assert len(fake.calls("reviews.get")) == 2


def test_a_notified_review_deleted_before_it_is_read_is_skipped(fake, http):
    fake.add(make_review("111", "a", updated=stamp(1)))
    google = site(fake, http)
    cursor = google.sync(None).cursor
    fake.notify(make_review("111", "gone"))  # never added: deleted at once
    page = google.sync(cursor)
    assert page.reviews == [] and page.done is not None


@pytest.mark.parametrize("data, name", [
    ({"type": "NEW_REVIEW", "reviewName": "accounts/1/locations/2/reviews/3"},
     "accounts/1/locations/2/reviews/3"),
    ({"type": "UPDATED_REVIEW", "review": "accounts/1/locations/2/reviews/3"},
     "accounts/1/locations/2/reviews/3"),
    ({"type": "NEW_REVIEW", "review_name": "accounts/1/locations/2/reviews/3"},
     "accounts/1/locations/2/reviews/3"),
    ({"type": "NEW_REVIEW", "reviewName": "locations/2"}, None),
    ({"type": "NEW_CUSTOMER_MEDIA", "reviewName": "accounts/1/locations/2/reviews/3"}, None),
    (["NEW_REVIEW"], None),
])
def test_what_a_notification_names(data, name):
    encoded = base64.b64encode(json.dumps(data).encode()).decode()
    assert notified_review({"data": encoded, "messageId": "1"}) == name


@pytest.mark.parametrize("failure, kind", [
    (Failure(403, "User not authorized to perform this action."), "forbidden"),
    (Failure(404, "Resource not found (resource=reviews)."), "not_found"),
    (Failure(429, "Quota exceeded.", retry_after=30), "quota"),
    (Failure(503, "The service is currently unavailable."), "unavailable"),
    (Failure(reset=True), "unavailable"),
])
def test_refusals_of_the_pull(fake, http, failure, kind):
    google = site(fake, http)
    fake.fail("pubsub.pull", failure)
    with pytest.raises(SiteError) as caught:
        google.sync(None)
    assert caught.value.kind == kind and not fake.calls("reviews.list")


def test_a_subscription_that_does_not_exist_is_not_found(fake, http):
    with pytest.raises(SiteError) as caught:
        site(fake, http, subscription="projects/review-desk-test/subscriptions/gone").sync(None)
    assert caught.value.kind == "not_found"


def test_a_failed_acknowledgement_is_the_sites_error(fake, http):
    fake.add(make_review("111", "a"))
    fake.notify(make_review("111", "a"))
    page = site(fake, http).sync(None)
    fake.fail("pubsub.acknowledge", Failure(503))
    with pytest.raises(SiteError) as caught:
        page.done()
    assert caught.value.kind == "unavailable" and fake.outstanding


def test_the_token_asks_for_pubsub_only_with_a_subscription(fake, http):
    assert scopes({"subscription": SUBSCRIPTION}) == [SCOPE, PUBSUB_SCOPE]
    assert scopes({"subscription": " "}) == scopes({}) == [SCOPE]
    site(fake, http).sync(None)
    assert set(fake.token_scopes.values()) == {f"{SCOPE} {PUBSUB_SCOPE}"}


def test_a_token_without_the_pubsub_scope_is_forbidden(fake, http):
    """A subscription added to settings whose consent did not include Pub/Sub."""
    google = GoogleSite(credentials(fake.settings()), http, account=fake.account, locations=[],
                        api_url=fake.url, info_url=fake.url, subscription=SUBSCRIPTION,
                        pubsub_url=fake.url)
    with pytest.raises(SiteError) as caught:
        google.sync(None)
    assert caught.value.kind == "forbidden"
