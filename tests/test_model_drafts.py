"""Model drafts through the real `openai` client, over HTTP, against a loopback fake of the
chat-completions API: the coach stands between the model and the team, a failing endpoint
leaves the composer's draft, and with the setting off nothing is sent at all."""
from __future__ import annotations

import json

import pytest

from app.ai import EndpointSettings
from desk.advice.ai.job import ModelDrafts
from desk.advice.ai.settings import AiSettings
from storage import model_drafts
from tests.conftest import built_app
from tests.fakes.openai_fake import Answer, FakeOpenAI
from tests.harness import TestChannel

REVIEW = "We waited an hour for our starters on my birthday yesterday and the soup was cold."
CUSTOMER = "Sam Jansen"
GOOD = ("Dear Sam,\n\nThank you for telling us about your birthday dinner. I can imagine how "
        "disappointing it was to wait that long for cold soup on a day that should have been "
        "special. I am sorry you had that evening with us.\n\n"
        "[our side: what went wrong and what we are doing about it]\n\n"
        "I would like to hear the whole story: please call me on 020 123 4567 so we can talk "
        "it through.\n\nKind regards,\n[your own name]")
HOLDING = ("Dear Sam,\n\nThank you for letting us know, and I am sorry your birthday dinner went "
           "like this. We are looking into what happened and will come back to you today.\n\n"
           "Kind regards,\n[your own name]")
PROMISE = GOOD.replace("I would like to hear", "We will refund your whole bill. I would like to hear")
DEFENSIVE = GOOD.replace("I am sorry you had that evening with us.",
                         "To be fair, it was very busy that evening and nobody else complained "
                         "about the soup.")
DUTCH = ("Beste Sam,\n\nBedankt dat u ons dit laat weten. Ik kan me voorstellen hoe teleurstellend "
         "het was om zo lang te wachten op koude soep op uw verjaardag. Het spijt me dat u zo'n "
         "avond bij ons had.\n\n[ons verhaal: wat er misging en wat we eraan doen]\n\nBel me gerust "
         "op 020 123 4567, dan praten we erover.\n\nMet vriendelijke groet,\n[je eigen naam]")
DUTCH_HOLDING = ("Beste Sam,\n\nBedankt voor uw bericht, het spijt me dat uw verjaardag zo liep. "
                 "We zoeken uit wat er gebeurde.\n\nMet vriendelijke groet,\n[je eigen naam]")


def answer(reply: str, holding: str = HOLDING) -> Answer:
    return Answer(json.dumps({"reply": reply, "holding": holding}))


@pytest.fixture
def fake():
    server = FakeOpenAI()
    yield server
    server.close()


def model_app(url, clock, fake, *, drafts="on", timeout=5.0, **more):
    return built_app(url, clock, sections={
        "ai": AiSettings(drafts=drafts, model="test-model", timeout=timeout, **more),
        "openai": EndpointSettings(base_url=fake.base_url, api_key="sk-test")})


@pytest.fixture
def app(sqlite_url, clock, fake):
    yield from model_app(sqlite_url, clock, fake)


@pytest.fixture
def channel(app):
    return TestChannel(app)


def job_of(app) -> ModelDrafts:
    return next(j for j in app.jobs if isinstance(j, ModelDrafts))


def run_job(app) -> list:
    """What the job's thread does, here in the test's."""
    return job_of(app).write_due()


def stored(app, case_id: int):
    with app.desk.db.unit() as session:
        row = model_drafts.get(session, case_id=case_id)
        session.expunge_all()
        return row


def form_text(channel, case_id: int, kind: str = "draft"):
    form = channel.click("Ann", kind, case_id).form
    text = next(i for i in form.inputs if i.name == "text")
    return text.value, text.hint


def test_a_good_draft_is_shown_in_the_form_marked_as_the_models_and_signed(channel, app, fake):
    case = channel.decided(text=REVIEW, customer=CUSTOMER)
    fake.answer(answer(GOOD))
    assert run_job(app) == 1
    assert len(fake.requests) == 1
    request = fake.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["authorization"] == "Bearer sk-test"
    assert request["body"]["model"] == "test-model"
    sent = json.dumps(request["body"]["messages"])
    assert "English" in sent and "Sam" in sent and "birthday" in sent and "cold" in sent
    assert "waited an hour" not in sent and "Jansen" not in sent  # the review itself stays here
    row = stored(app, case)
    assert row.status == "ready" and row.attempts == 1 and row.language == "en"
    assert json.loads(row.findings)["reply"] == ["signature", "placeholder"]  # the gaps it was asked for
    text, hint = form_text(channel, case)
    assert text == GOOD.replace("[your own name]", "Ann")
    assert "Written by the language model and checked by the coach" in hint
    assert "[our side:" in hint  # the gap to fill is named
    holding, _ = form_text(channel, case, "holding")
    assert holding == HOLDING.replace("[your own name]", "Ann")
    assert len(fake.requests) == 1  # opening the form asks nothing


def test_a_promise_goes_back_once_with_the_findings_and_what_still_fails_is_shown_with_them(
        channel, app, fake):
    case = channel.decided(text=REVIEW, customer=CUSTOMER)
    fake.answer(answer(PROMISE), answer(PROMISE))
    run_job(app)
    assert len(fake.requests) == 2  # one more try, not more
    again = fake.requests[1]["body"]["messages"]
    assert [m["role"] for m in again[-2:]] == ["assistant", "user"]
    assert "refund" in again[-1]["content"] and "promises something" in again[-1]["content"]
    row = stored(app, case)
    assert row.attempts == 2 and "promise" in json.loads(row.first_findings)["reply"]
    assert "promise" in json.loads(row.findings)["reply"]
    text, hint = form_text(channel, case)
    assert "We will refund your whole bill." in text  # shown, never hidden
    assert "promises something on the team's behalf" in hint and '"refund"' in hint


def test_a_defensive_draft_goes_back_with_the_findings_and_if_still_defensive_is_shown_with_them(
        channel, app, fake):
    case = channel.decided(text=REVIEW, customer=CUSTOMER)
    fake.answer(answer(DEFENSIVE), answer(DEFENSIVE))
    run_job(app)
    assert len(fake.requests) == 2
    said = fake.requests[1]["body"]["messages"][-1]["content"]
    assert "reads as defensive" in said and "nobody else complained" in said
    row = stored(app, case)
    assert "defensive" in json.loads(row.first_findings)["reply"]
    assert "defensive" in json.loads(row.findings)["reply"] and row.attempts == 2
    text, hint = form_text(channel, case)
    assert "nobody else complained" in text  # shown, never hidden
    assert "reads as defensive" in hint


def test_a_second_try_without_the_promise_is_the_one_shown(channel, app, fake):
    case = channel.decided(text=REVIEW, customer=CUSTOMER)
    fake.answer(answer(PROMISE), answer(GOOD))
    run_job(app)
    row = stored(app, case)
    assert row.attempts == 2 and "promise" not in json.loads(row.findings)["reply"]
    text, _ = form_text(channel, case)
    assert "refund" not in text and text.startswith("Dear Sam,")


def test_the_wrong_language_is_flagged_and_sent_back(channel, app, fake):
    case = channel.decided(text=REVIEW, customer=CUSTOMER)
    fake.answer(answer(DUTCH, DUTCH_HOLDING), answer(DUTCH, DUTCH_HOLDING))
    run_job(app)
    assert len(fake.requests) == 2
    assert "not in the language of the review" in fake.requests[1]["body"]["messages"][-1]["content"]
    row = stored(app, case)
    assert "language" in json.loads(row.findings)["reply"]
    assert "language" in json.loads(row.findings)["holding"]
    text, hint = form_text(channel, case)
    assert text.startswith("Beste Sam") and text.endswith("Ann")
    assert "another language (Nederlands) than the review (English)" in hint


@pytest.mark.parametrize("failure, reason, said", [
    (Answer(status=500), "http_5xx", "the service had an error"),
    (Answer(status=429), "http_429", "too busy"),
    (Answer(raw=b"<html>not the API</html>"), "malformed", "could not be read"),
    (Answer(GOOD), "malformed", "could not be read"),  # prose, not the JSON asked for
])
def test_a_failing_endpoint_leaves_the_composers_draft_with_one_line_saying_so(
        channel, app, fake, failure, reason, said):
    case = channel.decided(text=REVIEW, customer=CUSTOMER)
    fake.answer(failure)
    run_job(app)
    assert len(fake.requests) == 1  # no retries through back-offs
    row = stored(app, case)
    assert (row.status, row.failure) == ("failed", reason)
    text, hint = form_text(channel, case)
    assert said in hint and "so this is the composer's" in hint
    assert "[our side:" in text and text.endswith("Ann")  # the composer's draft, whole


def test_a_time_out_leaves_the_composers_draft_and_the_form_never_waits(sqlite_url, clock, fake):
    for app in model_app(sqlite_url, clock, fake, timeout=0.3):
        channel = TestChannel(app)
        case = channel.decided(text=REVIEW, customer=CUSTOMER)
        text, hint = form_text(channel, case)  # before the job ran: the composer's, at once
        assert fake.requests == [] and "still writing" in hint and "[our side:" in text
        fake.answer(Answer(GOOD, delay=10))
        run_job(app)
        assert len(fake.requests) == 1
        assert (stored(app, case).status, stored(app, case).failure) == ("failed", "timeout")
        text, hint = form_text(channel, case)
        assert "it took too long" in hint and "[our side:" in text
        assert run_job(app) == 0 and len(fake.requests) == 1  # a failed one is not asked again


def test_the_scheduler_never_waits_for_the_model_nor_does_anyone_opening_the_form(channel, app, fake):
    case = channel.decided(text=REVIEW, customer=CUSTOMER)
    fake.answer(Answer(answer(GOOD).content, delay=60))  # answers only when released
    job = job_of(app)
    assert job() == []  # the tick goes on: nothing to post, the writing runs in its thread
    assert job() == []  # a second tick starts no second writer
    assert stored(app, case).status == "queued"
    text, hint = form_text(channel, case)
    assert "still writing" in hint and "[our side:" in text
    fake.release()
    job._worker.join(timeout=30)
    assert stored(app, case).status == "ready" and len(fake.requests) == 1
    assert form_text(channel, case)[0] == GOOD.replace("[your own name]", "Ann")


def test_off_by_default_no_request_no_queue_no_job(sqlite_url, clock, fake):
    for app in model_app(sqlite_url, clock, fake, drafts="off"):
        assert not any(isinstance(j, ModelDrafts) for j in app.jobs)
        channel = TestChannel(app)
        case = channel.decided(text=REVIEW, customer=CUSTOMER)
        text, hint = form_text(channel, case)
        assert stored(app, case) is None and "[our side:" in text
        assert "language model" not in hint
    assert fake.requests == []


def test_settings_come_from_the_sdks_variables_and_ours_and_refuse_what_cannot_work(tmp_path):
    from app import ai
    from app.registry import SECTIONS
    from bot.settings import Settings, SettingsError

    env = tmp_path / ".env"
    env.write_text("OPENAI_BASE_URL=http://localhost:11434/v1\nAI_MODEL=llama3.2\nAI_DRAFTS=on\n")
    settings = Settings.load(env, environ={}, sections={**SECTIONS, **ai.SECTIONS},
                             adapters=list(SECTIONS))
    ai.check(settings)
    assert settings.section("ai", AiSettings).on and settings.chosen_adapter() == "console"
    assert settings.section("openai", EndpointSettings).base_url == "http://localhost:11434/v1"
    assert not Settings.load(None, environ={}, sections=ai.SECTIONS).section("ai", AiSettings).on
    with pytest.raises(SettingsError, match="AI_MODEL"):
        Settings.load(None, environ={"AI_DRAFTS": "on"}, sections=ai.SECTIONS)
    with pytest.raises(SettingsError, match="OPENAI_BASE_URL"):
        ai.check(Settings.load(None, environ={"AI_DRAFTS": "on", "AI_MODEL": "m"},
                               sections=ai.SECTIONS))
    with pytest.raises(SettingsError, match="ADAPTER"):
        Settings.load(None, environ={"ADAPTER": "ai"}, sections={**SECTIONS, **ai.SECTIONS},
                      adapters=list(SECTIONS))
