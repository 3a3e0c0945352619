"""Trustpilot: the real client against a loopback fake of its API (paging, cursor, tokens,
each refusal, the reply), and its webhook calls through the real intake HTTP server."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from app.sites import SITES, webhooks
from app.sites.trustpilot import KIND, TrustpilotSite, webhook_reviews
from desk.intake.payload import parse_delivered
from desk.intake.receive import take
from desk.intake.signature import webhook_key
from desk.sources.contract import ReviewSite, SiteError
from tests.fakes import trustpilot as tp
from tests.serving import Served
from tests.sites_support import http  # noqa: F401  (fixtures)
from tests.test_intake import SECRET, cases, team_id  # noqa: F401 - team_id is a fixture

T0 = 1_795_000_000.0  # the client's clock, seconds since the epoch


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fake():
    server = tp.FakeTrustpilot()
    yield server
    server.close()


@pytest.fixture
def ticks():
    """The client's clock (the app's own `clock` fixture is the desk's)."""
    return Clock()


def settings(fake, **more) -> dict:
    return {"api_key": tp.API_KEY, "api_secret": tp.API_SECRET,
            "business_unit_id": tp.BUSINESS_UNIT, "business_user_id": tp.BUSINESS_USER,
            "username": tp.USERNAME, "password": tp.PASSWORD, "api_url": fake.url, **more}


@pytest.fixture
def site(fake, http, ticks):
    return TrustpilotSite(settings(fake), http, clock=ticks)


def at(second: int) -> str:
    """A creation time `second` seconds after 08:00 UTC on 23 November 2026."""
    return (datetime(2026, 11, 23, 8, tzinfo=timezone.utc) + timedelta(seconds=second)) \
        .strftime("%Y-%m-%dT%H:%M:%SZ")


# --- polling -------------------------------------------------------------------------------

def test_trustpilot_is_a_site_the_team_can_connect(fake, http):
    assert SITES["trustpilot"] is KIND and "trustpilot" in webhooks()
    assert [f.name for f in KIND.fields if f.secret] == ["api_secret", "password"]
    assert {f.name for f in KIND.fields if not f.required} == {"username", "password", "api_url"}
    built = KIND.build(settings(fake), http)
    assert isinstance(built, ReviewSite) and built.source == "trustpilot"
    assert built.sync(None).reviews == []


def test_a_sync_reads_every_page_oldest_first_and_hands_back_the_last_creation_time(fake,
                                                                                   site):
    fake.reviews = [tp.review(n, created=at(n)) for n in range(250)][::-1]
    page = site.sync(None)
    assert [r.external_id for r in page.reviews] == [tp.review(n, created="")["id"]
                                                     for n in range(250)]
    assert page.cursor == "2026-11-23T08:04:09"
    listed = fake.api_calls()
    assert [c["query"]["page"] for c in listed] == [["1"], ["2"], ["3"]]
    assert all(c["query"]["orderBy"] == ["createdat.asc"] and c["query"]["perPage"] == ["100"]
               and "startDateTime" not in c["query"] for c in listed)
    assert listed[0]["path"] == f"/v1/private/business-units/{tp.BUSINESS_UNIT}/reviews"


def test_the_next_sync_starts_at_the_cursor_and_an_empty_one_keeps_it(fake, site):
    fake.reviews = [tp.review(1, created="2026-11-23T08:00:00Z")]
    first = site.sync(None)
    fake.reviews.append(tp.review(2, created="2026-11-23T09:30:00.000Z"))
    second = site.sync(first.cursor)
    assert fake.api_calls()[-1]["query"]["startDateTime"] == ["2026-11-23T08:00:00"]
    # the review of the cursor's own second comes again: the desk takes it as the same case
    assert [r.external_id[-1] for r in second.reviews] == ["1", "2"]
    assert second.cursor == "2026-11-23T09:30:00"
    fake.reviews[:] = [{"id": None, "createdAt": "2026-11-23T10:00:00Z"}]  # no review at all
    assert site.sync(second.cursor) == type(second)([], "2026-11-23T09:30:00")


def test_a_review_in_the_desks_words(fake, site):
    fake.reviews = [tp.review(7, created="2026-11-23T08:00:00", updated="2026-11-24T10:00:00Z",
                              title="Nooit meer", text="Het brood was oud en hard.", stars=2,
                              name="Jan de Vries", reply="Sorry Jan, we bellen je.")]
    [review] = site.sync(None).reviews
    assert review.text == "Nooit meer\n\nHet brood was oud en hard."
    assert (review.stars, review.customer, review.language, review.reply) == \
        (2, "Jan de Vries", "nl", "Sorry Jan, we bellen je.")
    assert review.link == f"https://www.trustpilot.com/reviews/{review.external_id}"
    assert review.created_at == datetime(2026, 11, 23, 8, tzinfo=timezone.utc)
    assert review.updated_at == datetime(2026, 11, 24, 10, tzinfo=timezone.utc)
    delivered = parse_delivered(review.delivered("trustpilot"))
    assert (delivered.external_id, delivered.review.source) == (review.external_id, "trustpilot")


def test_the_token_is_kept_until_it_expires_then_refreshed(fake, site, ticks):
    fake.expires_in = "3600"
    site.sync(None)
    site.sync(None)
    [login] = fake.token_calls()
    assert login["path"] == tp.TOKEN_PATH and b"grant_type=password" in login["body"]
    ticks.now += 3600 - 30  # inside the last minute: renewed before it runs out
    site.sync(None)
    renewal = fake.token_calls()[-1]
    assert renewal["path"] == tp.REFRESH_PATH and b"grant_type=refresh_token" in renewal["body"]
    assert len(fake.token_calls()) == 2


def test_a_refused_refresh_logs_in_again(fake, site, ticks):
    fake.expires_in = "60"
    site.sync(None)
    fake.refresh_tokens.clear()  # revoked
    ticks.now += 120
    site.sync(None)
    assert [c["path"] for c in fake.token_calls()] == [tp.TOKEN_PATH, tp.REFRESH_PATH,
                                                       tp.TOKEN_PATH]


def test_client_credentials_without_a_login_ask_again_when_the_token_runs_out(fake, http, ticks):
    site = TrustpilotSite(settings(fake, username="", password=""), http, clock=ticks)
    fake.expires_in = "100"
    site.sync(None)
    ticks.now += 100
    site.sync(None)
    assert [(c["path"], c["body"]) for c in fake.token_calls()] == \
        [(tp.TOKEN_PATH, b"grant_type=client_credentials")] * 2


def test_a_token_the_api_refuses_is_renewed_once(fake, site):
    site.sync(None)
    fake.revoke_tokens()
    site.sync(None)  # 401, a new token, the same call again
    assert [c["authorization"] is not None for c in fake.api_calls()] == [True] * 3
    assert len(fake.token_calls()) == 2
    fake.fail_next(401)
    fake.fail_next(401)
    with pytest.raises(SiteError) as refused:
        site.sync(None)
    assert refused.value.kind == "auth"


def test_wrong_key_or_login_is_an_auth_error(fake, http, ticks):
    for wrong in ({"api_secret": "nope"}, {"password": "wrong"}):
        with pytest.raises(SiteError) as refused:
            TrustpilotSite(settings(fake, **wrong), http, clock=ticks).sync(None)
        assert refused.value.kind == "auth" and not refused.value.transient
    assert fake.api_calls() == []


@pytest.mark.parametrize("status, kind", [(403, "forbidden"), (404, "not_found"),
                                          (500, "unavailable"), (503, "unavailable"),
                                          (400, "refused")])
def test_each_error_answer_is_its_kind(fake, site, status, kind):
    fake.fail_next(status)
    with pytest.raises(SiteError) as refused:
        site.sync(None)
    assert refused.value.kind == kind
    assert refused.value.transient == (kind == "unavailable")


def test_a_rate_limit_says_when_to_try_again(fake, site, ticks):
    fake.fail_next(429, {"message": "Too Many Requests"}, Retry_After="30")
    with pytest.raises(SiteError) as limited:
        site.sync(None)
    assert (limited.value.kind, limited.value.retry_after, limited.value.transient) == \
        ("quota", 30.0, True)
    when = datetime.fromtimestamp(T0 + 90, timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")
    fake.fail_next(429, Retry_After=when)
    with pytest.raises(SiteError) as limited:
        site.sync(None)
    assert limited.value.retry_after == 90.0


def test_a_dropped_connection_or_a_closed_port_is_unavailable(fake, site, http, ticks):
    fake.reset_next()
    with pytest.raises(SiteError) as dropped:
        site.sync(None)
    assert dropped.value.kind == "unavailable"
    closed = TrustpilotSite(settings(fake, api_url="http://127.0.0.1:9"), http, clock=ticks)
    with pytest.raises(SiteError) as refused:
        closed.sync(None)
    assert refused.value.kind == "unavailable"


def test_a_sync_failing_half_way_hands_back_nothing(fake, site):
    """A failure on page 2 raises, so no cursor past page 1's reviews is stored: the next
    sync reads them again."""
    fake.reviews = [tp.review(n, created=at(n)) for n in range(150)]
    fake.reset_next(after=1)
    with pytest.raises(SiteError) as failed:
        site.sync("2026-11-23T08:00:00")
    assert failed.value.kind == "unavailable"
    assert [c["query"]["page"] for c in fake.api_calls()] == [["1"], ["2"]]
    assert len(site.sync("2026-11-23T08:00:00").reviews) == 150


def test_the_reply_is_posted_as_the_business_user(fake, site, ticks):
    fake.reviews = [tp.review(1, created="2026-11-23T08:00:00Z")]
    rid = fake.reviews[0]["id"]
    posted = site.reply(rid, "Sorry Marieke, we sturen je een nieuw brood.")
    assert fake.replies[rid] == {"authorBusinessUserId": tp.BUSINESS_USER,
                                 "message": "Sorry Marieke, we sturen je een nieuw brood."}
    assert fake.api_calls()[-1]["path"] == f"/v1/private/reviews/{rid}/reply"
    assert posted.at == datetime.fromtimestamp(T0, timezone.utc)
    assert posted.link == f"https://www.trustpilot.com/reviews/{rid}"


def test_a_refused_reply_says_why(fake, site):
    fake.reviews = [tp.review(1, created="2026-11-23T08:00:00Z")]
    rid = fake.reviews[0]["id"]
    for external_id, text, kind in [(rid, "x" * (tp.REPLY_LIMIT + 1), "too_long"),
                                    ("unknown-review", "Thanks!", "not_found"),
                                    (rid, "   ", "refused")]:
        with pytest.raises(SiteError) as refused:
            site.reply(external_id, text)
        assert refused.value.kind == kind
    fake.fail_next(403, {"message": "This business user cannot reply"})
    with pytest.raises(SiteError) as refused:
        site.reply(rid, "Thanks!")
    assert refused.value.kind == "forbidden" and "cannot reply" in refused.value.detail
    assert fake.replies == {}


# --- webhooks --------------------------------------------------------------------------------

@pytest.fixture
def intake_url(app, team_id):  # noqa: F811 - the fixture imported above
    from app.main import intake_server

    with Served(intake_server(app.desk, host="127.0.0.1", port=0)) as url:
        yield f"{url}/intake"


def deliver(url: str, team: int, call: dict | bytes, *, key: str | None = None):
    """A webhook call as Trustpilot makes it: a plain POST of JSON to the subscription URL."""
    key = key or webhook_key(SECRET, "trustpilot")
    raw = call if isinstance(call, bytes) else json.dumps(call).encode()
    response = httpx.post(f"{url}/trustpilot/{team}/{key}", content=raw, timeout=10,
                          headers={"Content-Type": "application/json"})
    return response.status_code, response.json()


BAD = tp.review(1, created="2026-11-23T08:00:00Z", stars=1, title="Oud brood",
                text="Het brood was oud en niemand nam de telefoon op.", name="Marieke")


def test_the_documented_webhook_call_becomes_a_case(app, team_id, intake_url):  # noqa: F811
    assert deliver(intake_url, team_id, tp.DOCUMENTED_CREATED) == \
        (200, {"reviews": [{"case": cases(app)[0].id, "created": True}]})
    [case] = cases(app)
    assert (case.source, case.customer, case.stars, case.link) == \
        ("trustpilot", "Customer", 5,
         "https://www.trustpilot.com/reviews/53bffd360000640002975387")
    assert case.text == "Great service\n\nNothing other than excellent customer service."


def test_an_updated_review_changes_its_case(app, team_id, intake_url):  # noqa: F811
    from desk.intake.cards import intake_cards

    case_id = deliver(intake_url, team_id, tp.webhook("service-review-created", BAD))[1][
        "reviews"][0]["case"]
    intake_cards(app.desk)[0].delivered()
    better = {**BAD, "stars": 4, "text": "Ze belden me terug en brachten vers brood. Top!"}
    assert deliver(intake_url, team_id, tp.webhook("service-review-updated", better)) == \
        (200, {"reviews": [{"case": case_id, "created": False, "updated": True}]})
    [case] = cases(app)
    assert (case.stars, case.text) == (4, "Oud brood\n\nZe belden me terug en brachten vers "
                                          "brood. Top!")
    [outbox] = intake_cards(app.desk)
    assert "Marieke" in str(outbox.messages[-1].text)
    # Trustpilot sending the same update again changes nothing more
    app.desk.clock.advance(minutes=1)
    assert deliver(intake_url, team_id, tp.webhook("service-review-updated", better))[1] == \
        {"reviews": [{"case": case_id, "created": False}]}


def test_a_deleted_review_keeps_its_case_and_one_never_seen_makes_none(app, team_id,
                                                                       intake_url):  # noqa: F811
    case_id = deliver(intake_url, team_id, tp.webhook("service-review-created", BAD))[1][
        "reviews"][0]["case"]
    [gone] = webhook_reviews(json.dumps(tp.webhook("service-review-deleted", BAD)).encode(),
                             app.desk.now())
    assert gone["deleted"] is True and gone["external_id"] == BAD["id"]
    assert deliver(intake_url, team_id, tp.webhook("service-review-deleted", BAD)) == \
        (200, {"reviews": [{"case": case_id, "created": False, "deleted": True}]})
    [case] = cases(app)
    assert (case.text, case.stars) == ("Oud brood\n\nHet brood was oud en niemand nam de "
                                       "telefoon op.", 1)
    never = tp.review(2, created="2026-11-23T09:00:00Z")
    assert deliver(intake_url, team_id, tp.webhook("service-review-deleted", never)) == \
        (200, {"reviews": [{"case": None, "created": False}]})
    assert len(cases(app)) == 1


def test_the_generic_json_takes_deleted_as_a_flag(app):
    review = {"source": "trustpilot", "external_id": "x1", "text": "Slecht."}
    assert parse_delivered({**review, "deleted": False}).external_id == "x1"
    with pytest.raises(Exception) as bad:
        parse_delivered({**review, "deleted": "yes"})
    assert set(bad.value.problems) == {"deleted"}


def test_the_same_review_by_webhook_and_by_polling_is_one_case(app, team_id, intake_url, fake,
                                                               site):  # noqa: F811
    fake.reviews = [BAD, tp.review(2, created="2026-11-23T09:00:00Z", name="Piet")]
    case_id = deliver(intake_url, team_id, tp.webhook("service-review-created", BAD))[1][
        "reviews"][0]["case"]
    answers = [take(app.desk, team_id, r.delivered(site.source)) for r in site.sync(None).reviews]
    assert [(a.status, a.body["case"] == case_id) for a in answers] == [(200, True),
                                                                       (201, False)]
    # and polled first, then delivered by webhook
    later = deliver(intake_url, team_id, tp.webhook("service-review-created", fake.reviews[1]))
    assert later == (200, {"reviews": [{"case": answers[1].body["case"], "created": False}]})
    assert len(cases(app)) == 2


def test_a_call_without_the_teams_key_gets_401_and_changes_nothing(app, team_id,
                                                                    intake_url):  # noqa: F811
    call = tp.webhook("service-review-created", BAD)
    for key in ("0" * 64, webhook_key("another-secret", "trustpilot"),
                webhook_key(SECRET, "google")):
        status, body = deliver(intake_url, team_id, call, key=key)
        assert (status, body["error"]) == (401, "webhook_unauthorized")
    assert deliver(intake_url, team_id + 1, call)[0] == 401  # a team without a secret
    assert cases(app) == []


def test_a_malformed_call_is_a_clear_4xx(app, team_id, intake_url):  # noqa: F811
    for call in (b"{not json", b"[]", {"events": "none"}, {"events": [{"eventName":
                                                                       "service-review-created"}]}):
        status, body = deliver(intake_url, team_id, call)
        assert (status, body["error"]) == (400, "webhook")
        assert body["message"].startswith("This is not a webhook call Trustpilot makes")
    no_text = tp.webhook("service-review-created", {**BAD, "title": "", "text": ""})
    status, body = deliver(intake_url, team_id, no_text)
    assert status == 400 and set(body["reviews"][0]["problems"]) == {"text"}
    product = {"events": [{"eventName": "product-review-created", "version": "1",
                           "eventData": {"id": "p1", "content": "Nice mug"}}]}
    assert deliver(intake_url, team_id, product) == (200, {"reviews": []})
    assert cases(app) == []


def test_the_cli_gives_the_webhook_address(app, team_id, sqlite_url, monkeypatch):  # noqa: F811
    from typer.testing import CliRunner

    from app.cli import app as cli

    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    runner = CliRunner()
    result = runner.invoke(cli, ["webhook-url", "trustpilot", "--env-file", "/nonexistent"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(
        f"/intake/trustpilot/{team_id}/{webhook_key(SECRET, 'trustpilot')}")
    assert runner.invoke(cli, ["webhook-url", "yelp", "--env-file", "/nonexistent"]).exit_code \
        == 2
