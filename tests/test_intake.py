"""Reviews that arrive by themselves: the signed intake endpoint, `review-desk intake`, and
the job that shows their cards in the review channel."""
from __future__ import annotations

import io
import json
import urllib.error
import urllib.request

import pytest

from bot.messages import Card, ThreadPost
from desk.intake.cards import intake_cards
from desk.intake.payload import MAX_BODY
from desk.intake.signature import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign
from desk.intake.web import intake_app
from storage import intake, repo
from storage.models import Case
from sqlmodel import select
from tests.serving import Served

SECRET = "s3cret-for-tests"
REVIEW = {"source": "trustpilot", "external_id": "tp-100", "link": "https://www.trustpilot.com/reviews/100",
          "customer": "Marieke", "stars": 1, "text": "Parcel arrived broken and nobody answered my mail.",
          "language": "en", "created_at": "2026-11-23T08:00:00+00:00",
          "updated_at": "2026-11-23T08:00:00+00:00"}


@pytest.fixture
def team_id(app, channel):
    channel.setup("Ann")  # the channel C1 becomes the review channel
    with app.desk.db.unit() as session:
        team = repo.get_or_create_team(session, platform="test", workspace="T1", defaults={},
                                       now=app.desk.now())
        intake.set_team_secret(session, team_id=team.id, secret=SECRET, now=app.desk.now())
        return team.id


def post(app, team_id, body: bytes | dict, *, secret: str = SECRET, timestamp: int | None = None,
         signature: str | None = None, method: str = "POST", path: str | None = None):
    """One request to the WSGI application, as a server hands it over: (status, JSON)."""
    raw = json.dumps(body).encode() if isinstance(body, dict) else body
    stamp = str(int(app.desk.now().timestamp()) if timestamp is None else timestamp)
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path or f"/intake/{team_id}",
               "CONTENT_LENGTH": str(len(raw)), "wsgi.input": io.BytesIO(raw),
               "HTTP_X_REVIEW_DESK_TIMESTAMP": stamp,
               "HTTP_X_REVIEW_DESK_SIGNATURE": signature or sign(secret, stamp, raw)}
    status = []
    out = b"".join(intake_app(app.desk)(environ, lambda s, h: status.append(s)))
    return int(status[0].split()[0]), json.loads(out)


def cases(app) -> list[Case]:
    with app.desk.db.unit() as session:
        return list(session.exec(select(Case).order_by(Case.id)))


def test_a_signed_review_becomes_a_case_made_by_the_integration(app, team_id):
    status, body = post(app, team_id, REVIEW)
    assert (status, body) == (201, {"case": body["case"], "created": True})
    [case] = cases(app)
    assert (case.id, case.source, case.customer, case.stars, case.forwarded_by) == \
        (body["case"], "trustpilot", "Marieke", 1, None)
    with app.desk.db.unit() as session:
        [history] = repo.history_for(session, case_id=case.id)
        assert (history.action, history.actor_id) == ("forward", None)
        assert json.loads(history.detail)["by"] == "integration:trustpilot"


def test_the_same_review_twice_is_one_case(app, team_id):
    first = post(app, team_id, REVIEW)
    again = post(app, team_id, REVIEW)
    assert again == (200, {"case": first[1]["case"], "created": False})
    assert len(cases(app)) == 1


def test_a_review_someone_forwarded_already_is_that_case_and_its_card_is_not_posted_again(
        app, channel, team_id):
    case_id = channel.forward(text=REVIEW["text"])
    assert post(app, team_id, REVIEW) == (200, {"case": case_id, "created": False})
    assert intake_cards(app.desk) == []


def test_an_updated_review_changes_the_case_and_says_so_in_its_thread(app, team_id):
    case_id = post(app, team_id, REVIEW)[1]["case"]
    [shown] = intake_cards(app.desk)
    shown.delivered()
    changed = {**REVIEW, "stars": 4, "text": "They called me and sent a new one. Thanks!",
               "updated_at": "2026-11-24T09:00:00+01:00"}
    assert post(app, team_id, changed) == (200, {"case": case_id, "created": False,
                                                 "updated": True})
    [case] = cases(app)
    assert (case.stars, case.text) == (4, changed["text"])
    with app.desk.db.unit() as session:
        actions = [h.action for h in repo.history_for(session, case_id=case_id)]
        stored = intake.find_review(session, team_id=team_id, source="trustpilot",
                                    external_id="tp-100")
        assert stored.updated_at.isoformat() == "2026-11-24T08:00:00+00:00"
    assert actions == ["forward", "review_changed"]
    [outbox] = intake_cards(app.desk)
    card, note = outbox.messages
    assert isinstance(card, Card) and card.key == f"case:{case_id}" and card.channel == "C1"
    assert isinstance(note, ThreadPost)
    assert str(note.text).startswith("Marieke changed their rating on Trustpilot from ★☆☆☆☆ "
                                     "to ★★★★☆.")
    assert "sent a new one" in str(note.text)
    # the same update delivered again, or an older one, changes nothing
    assert post(app, team_id, changed)[1] == {"case": case_id, "created": False}
    assert post(app, team_id, REVIEW)[1] == {"case": case_id, "created": False}
    assert cases(app)[0].stars == 4


def test_forged_stale_and_unsigned_requests_get_401_and_change_nothing(app, team_id):
    now = int(app.desk.now().timestamp())
    assert post(app, team_id, REVIEW, secret="not-the-secret")[0] == 401
    assert post(app, team_id, REVIEW, timestamp=now - 301)[0] == 401
    assert post(app, team_id, REVIEW, timestamp=now + 301)[0] == 401
    assert post(app, team_id, REVIEW, signature="v1=" + "0" * 64)[0] == 401
    signed = json.dumps(REVIEW).encode()
    stamp = str(now)
    tampered = signed.replace(b"Parcel", b"Letter")
    assert post(app, team_id, tampered, signature=sign(SECRET, stamp, signed))[0] == 401
    status, body = post(app, team_id + 1, REVIEW)  # a team without a secret
    assert (status, body["error"]) == (401, "unauthorized")
    assert cases(app) == []


def test_a_request_within_five_minutes_is_taken(app, team_id):
    now = int(app.desk.now().timestamp())
    assert post(app, team_id, REVIEW, timestamp=now - 299)[0] == 201


def test_bad_json_missing_fields_and_huge_bodies_get_clear_errors(app, team_id):
    status, body = post(app, team_id, b'{"source": "google", ')
    assert (status, body["error"]) == (400, "bad_json")
    assert body["message"].startswith("The body is not valid JSON")
    status, body = post(app, team_id, b"[1, 2]")
    assert (status, body["problems"]) == (400, {"body": "Send one JSON object per review."})
    status, body = post(app, team_id, {"text": "   ", "stars": 9, "created_at": "yesterday"})
    assert status == 400 and body["error"] == "invalid"
    assert set(body["problems"]) == {"text", "source", "external_id", "stars", "created_at"}
    status, body = post(app, team_id, {**REVIEW, "source": "yelpish"})
    assert (status, set(body["problems"])) == (400, {"source"})
    status, body = post(app, team_id, {**REVIEW, "created_at": "2026-11-23T08:00:00"})
    assert (status, set(body["problems"])) == (400, {"created_at"})  # no offset: which moment?
    status, body = post(app, team_id, {**REVIEW, "text": "x" * 10_001})
    assert (status, set(body["problems"])) == (400, {"text"})
    status, body = post(app, team_id, {**REVIEW, "text": "x" * (MAX_BODY + 1)})
    assert (status, body["error"]) == (413, "too_large")
    assert cases(app) == []


def test_problems_are_told_in_the_teams_language(app, channel, team_id):
    channel.setup("Ann", language="nl")
    status, body = post(app, team_id, {**REVIEW, "external_id": ""})
    assert body["problems"] == {"external_id": "Geef het eigen id van de review op de site, "
                                                "hooguit 500 tekens."}


def test_wrong_path_and_method(app, team_id):
    assert post(app, team_id, REVIEW, path="/intake/abc")[0] == 404
    assert post(app, team_id, REVIEW, path="/other")[0] == 404
    assert post(app, team_id, REVIEW, method="GET")[0] == 405


def test_the_card_of_a_delivered_review_is_posted_once_when_the_platform_confirmed(app, team_id):
    case_id = post(app, team_id, REVIEW)[1]["case"]
    [outbox] = intake_cards(app.desk)
    assert (outbox.platform, outbox.workspace) == ("test", "T1")
    [card] = outbox.messages
    assert card.key == f"case:{case_id}" and card.channel == "C1"
    assert "Trustpilot (integration)" in str(card.footer)
    assert intake_cards(app.desk) == []  # claimed by this tick: no second post meanwhile
    app.desk.clock.advance(minutes=6)  # the post never went out
    [again] = intake_cards(app.desk)
    again.delivered()  # the platform confirmed
    app.desk.clock.advance(minutes=6)
    assert intake_cards(app.desk) == []


def test_a_person_forwarding_a_delivered_review_is_told_who_brought_it_in(app, channel, team_id):
    case_id = post(app, team_id, REVIEW)[1]["case"]
    replies = channel.submit("Bob", "forward", {"source": "trustpilot", "text": REVIEW["text"]})
    assert f"#{case_id}" in replies.notice and "Trustpilot (integration)" in replies.notice


def test_the_cli_takes_one_object_or_one_per_line(app, team_id, sqlite_url, monkeypatch):
    from typer.testing import CliRunner

    from app.cli import app as cli

    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    runner = CliRunner()
    one = runner.invoke(cli, ["intake", "--env-file", "/nonexistent"], input=json.dumps(REVIEW))
    assert one.exit_code == 0, one.output
    assert json.loads(one.output) == {"case": cases(app)[0].id, "created": True}
    lines = "\n".join([json.dumps(REVIEW),
                       json.dumps({**REVIEW, "external_id": "tp-101", "text": "Never again.",
                                   "link": "https://www.trustpilot.com/reviews/101"}),
                       "{not json", json.dumps({**REVIEW, "external_id": "tp-102"})])
    many = runner.invoke(cli, ["intake", "--env-file", "/nonexistent"], input=lines)
    answers = [json.loads(line) for line in many.output.splitlines()]
    assert many.exit_code == 1
    assert answers[0] == {"case": cases(app)[0].id, "created": False}
    assert answers[1]["created"] is True
    assert answers[2]["error"] == "bad_json"
    # tp-102 has tp-100's link and text: the same review under another id is one case
    assert answers[3] == {"case": cases(app)[0].id, "created": False}
    assert len(cases(app)) == 2


def test_the_cli_makes_a_new_secret_that_signs_requests(app, team_id, sqlite_url, monkeypatch):
    from typer.testing import CliRunner

    from app.cli import app as cli

    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    result = CliRunner().invoke(cli, ["intake-secret", "--team", str(team_id),
                                      "--env-file", "/nonexistent"])
    assert result.exit_code == 0, result.output
    secret = next(line.split()[1] for line in result.output.splitlines()
                  if line.startswith("Secret:"))
    assert secret != SECRET
    assert post(app, team_id, REVIEW)[0] == 401  # the old secret stopped working
    assert post(app, team_id, REVIEW, secret=secret)[0] == 201


def test_through_a_real_http_request(app, team_id):
    from app.main import intake_server

    with Served(intake_server(app.desk, host="127.0.0.1", port=0)) as served:
        url = f"{served}/intake/{team_id}"
        raw = json.dumps(REVIEW).encode()
        stamp = str(int(app.desk.now().timestamp()))
        request = urllib.request.Request(url, data=raw, method="POST", headers={
            "Content-Type": "application/json", TIMESTAMP_HEADER: stamp,
            SIGNATURE_HEADER: sign(SECRET, stamp, raw)})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 201
            assert json.loads(response.read())["created"] is True
        forged = urllib.request.Request(url, data=raw, method="POST", headers={
            TIMESTAMP_HEADER: stamp, SIGNATURE_HEADER: "v1=00"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(forged, timeout=10)
        assert refused.value.code == 401
        assert json.loads(refused.value.read())["error"] == "unauthorized"
    assert len(cases(app)) == 1


def test_the_leads_warning_about_a_recurring_complaint_is_posted_with_the_card(app, team_id):
    texts = ["The parcel never arrived.", "My parcel was delivered to the wrong address.",
             "Courier threw the package over the fence."]
    for n, text in enumerate(texts):
        post(app, team_id, {**REVIEW, "external_id": f"tp-{n}", "customer": f"Customer {n}",
                            "link": f"https://www.trustpilot.com/reviews/{n}", "text": text})
    outboxes = intake_cards(app.desk)
    assert [type(m).__name__ for o in outboxes for m in o.messages] == ["Card", "Card", "Card",
                                                                         "Say"]
    warning = outboxes[-1].messages[-1]
    assert warning.channel == "C1" and "3" in str(warning.text)
    for outbox in outboxes:
        outbox.delivered()
    assert intake_cards(app.desk) == []


def test_a_card_the_platform_did_not_take_is_posted_again_after_the_lease(app, team_id):
    from bot.scheduler import Scheduler

    post(app, team_id, REVIEW)
    sent = []

    def refuse(outbox):
        raise RuntimeError("platform down")

    assert Scheduler([lambda: intake_cards(app.desk)], refuse, interval=30).tick() == 0
    app.desk.clock.advance(minutes=6)
    assert Scheduler([lambda: intake_cards(app.desk)], sent.append, interval=30).tick() == 1
    app.desk.clock.advance(minutes=6)
    assert Scheduler([lambda: intake_cards(app.desk)], sent.append, interval=30).tick() == 0
    assert len(sent) == 1


def test_the_same_review_delivered_at_once_is_one_case_on_each_database(app_on_each_database):
    from concurrent.futures import ThreadPoolExecutor

    from tests.harness import TestChannel

    app = app_on_each_database
    TestChannel(app).setup("Ann")
    with app.desk.db.unit() as session:
        team = repo.get_or_create_team(session, platform="test", workspace="T1", defaults={},
                                       now=app.desk.now())
        intake.set_team_secret(session, team_id=team.id, secret=SECRET, now=app.desk.now())
        team_id = team.id
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: post(app, team_id, REVIEW), range(4)))
    assert sorted(status for status, _ in answers) == [200, 200, 200, 201]
    assert len({body["case"] for _, body in answers}) == 1
    assert len(cases(app)) == 1
    assert len(intake_cards(app.desk)) == 1
