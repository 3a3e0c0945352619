"""Composed drafts in the workflow, through the router: the form shows the whole suggestion in
the review's language, the drafter can switch it, an unfinished version is not marked posted
without a confirmation, and the team's tone and contact come from its settings."""
from sqlmodel import select

from bot.messages import Form
from desk.advice.coach import CoachResult, Finding
from desk.advice.compose.compose import sentences
from storage import repo
from storage.models import Case, Draft, Team

TROUWDAG = "Op onze trouwdag een uur op het voorgerecht gewacht en de wijn was lauw"


def values(form: Form) -> dict[str, str]:
    return {i.name: i.value for i in form.inputs}


def drafts(app) -> list[Draft]:
    with app.desk.db.unit() as s:
        return list(s.exec(select(Draft).order_by(Draft.id)))


def state(app, case_id: int) -> str:
    with app.desk.db.unit() as s:
        return s.get(Case, case_id).state


def test_the_form_shows_the_whole_suggestion_in_the_reviews_language(channel):
    case = channel.claimed(text=TROUWDAG, customer="Marieke de Vries")
    form = channel.click("Ann", "draft", case).form  # an English team, a Dutch customer
    shown = values(form)
    assert shown["language"] == "nl"
    text = shown["text"]
    assert text.startswith("Beste Marieke,\n\n") and text.endswith("\nAnn")
    assert "trouwdag" in text and "voorgerecht" in text and "lauw" in text
    assert "de Vries" not in text and "Beste klant" not in text
    assert len(text) > 300  # the whole suggestion, not its first words
    text_input = next(i for i in form.inputs if i.name == "text")
    assert "[ons verhaal:" in text_input.hint and text_input.kind == "long"
    language = next(i for i in form.inputs if i.name == "language")
    assert [c.value for c in language.choices] == ["nl", "en"]


def test_switching_the_language_shows_the_suggestion_in_that_language_and_saves_nothing(channel, app):
    case = channel.claimed(text=TROUWDAG, customer="Marieke de Vries")
    shown = values(channel.click("Ann", "draft", case).form)
    switched = channel.submit("Ann", "draft", {**shown, "language": "en"}, str(case)).form
    english = values(switched)
    assert english["language"] == "en" and english["text"].split(",")[0] in (
        "Dear Marieke", "Hi Marieke", "Hello Marieke")
    assert "anniversary" in english["text"] and "[our side:" in english["text"]
    assert drafts(app) == []
    finished = "Beste Marieke, dank voor uw review. Het spijt me. Bel me op 020 123 4567. Ann"
    saved = channel.submit("Ann", "draft", {"kind": "reply", "language": "en", "text": finished},
                           str(case))
    assert "Draft v1 (reply) by Ann" in saved.thread_texts()[0]  # a finished text is kept as written
    assert [d.text for d in drafts(app)] == [finished]


def test_mark_posted_on_a_version_with_a_gap_asks_first_and_names_what_is_missing(channel, app):
    case = channel.claimed(text="Mijn pakket is kwijt")  # no customer name either
    suggestion = values(channel.click("Ann", "draft", case).form)
    channel.submit("Ann", "draft", suggestion, str(case))
    form = channel.click("Ann", "posted", case).form
    asked = channel.submit("Ann", "posted", {"version": values(form)["version"]}, str(case))
    notice = asked.notice
    assert "Version 1 still has [naam], [ons verhaal:" in notice and "really posted" in notice
    confirm = asked.form
    assert values(confirm)["version"] == "1" and [c.value for c in confirm.inputs[2].choices] == ["yes", "no"]
    assert state(app, case) == "claimed"
    assert "confirm" in channel.submit("Ann", "posted", {**values(confirm), "confirm": ""}, str(case)).errors
    declined = channel.submit("Ann", "posted", {**values(confirm), "confirm": "no"}, str(case))
    assert "Nothing recorded" in declined.notice and "[naam]" in declined.notice
    assert state(app, case) == "claimed" and drafts(app)[0].posted_at is None
    channel.submit("Ann", "posted", {**values(confirm), "confirm": "yes"}, str(case))
    assert state(app, case) == "replied" and drafts(app)[0].posted_at is not None


def test_a_finished_version_is_marked_posted_without_a_question(channel, app):
    case = channel.claimed()
    channel.submit("Ann", "draft", {"kind": "reply", "text": "Dear Sam, thanks and sorry. Ann"}, str(case))
    replies = channel.submit("Ann", "posted", {"version": "1"}, str(case))
    assert not replies.of(Form) and state(app, case) == "replied"


def test_a_promise_the_coach_finds_is_named_before_posting(channel, app, monkeypatch):
    from desk.cases import draft

    promise = Finding("promise", "we will refund you in full")
    monkeypatch.setattr(draft, "check_reply", lambda *a, **k: CoachResult("en", (promise,)))
    case = channel.claimed()
    channel.submit("Ann", "draft", {"kind": "reply", "text": "Dear Sam, we will refund you in full. Ann"},
                   str(case))
    asked = channel.submit("Ann", "posted", {"version": "1"}, str(case))
    assert '"we will refund you in full"' in asked.notice and asked.of(Form)
    assert state(app, case) == "claimed"


def test_setup_asks_for_a_phone_number_and_an_email_address_and_checks_them(channel, app):
    form = channel.command("Ann", "setup").form
    names = [i.name for i in form.inputs]
    assert {"contact_phone", "contact_email", "sector", "tone"} <= set(names) and "contact" not in names
    errors = channel.setup(contact_phone="bel ons even", contact_email="info at zaak").errors
    assert set(errors) == {"contact_phone", "contact_email"}
    assert "not a phone number" in errors["contact_phone"]
    channel.setup(contact_phone=" 020  123 4567 ", contact_email="info@zaak.nl", sector="hairdresser")
    with app.desk.db.unit() as s:
        team = s.exec(select(Team)).one()
        assert (team.contact_phone, team.contact_email, team.sector, team.tone) == (
            "020 123 4567", "info@zaak.nl", "hairdresser", None)
    case = channel.claimed(text="Kapper heeft mijn haar verpest", customer="Noor")
    text = values(channel.click("Ann", "draft", case).form)["text"]
    assert "020 123 4567" in text and "info@zaak.nl" in text
    assert " je " in text and " u " not in text  # a hairdresser says "je"
    channel.setup(tone="u")
    text = values(channel.click("Ann", "draft", case).form)["text"]
    assert " u " in text and " je " not in text


def test_a_new_suggestion_avoids_the_sentences_of_the_teams_last_replies(channel, app):
    first = channel.claimed(text="The pizza was cold when it arrived.", customer="Sam")
    saved = values(channel.click("Ann", "draft", first).form)
    channel.submit("Ann", "draft", saved, str(first))
    with app.desk.db.unit() as s:
        assert repo.recent_reply_texts(s, team_id=1) == [saved["text"]]
    second = channel.claimed(text="Our pizza arrived cold, again.", customer="Sam")
    again = values(channel.click("Ann", "draft", second).form)["text"]
    assert all(s.startswith("[") for s in sentences(again) & sentences(saved["text"]))


def test_a_dutch_team_gets_an_english_suggestion_for_an_english_review(channel):
    channel.setup(language="nl")
    case = channel.claimed(text="Cold fries and a rude cashier", customer="Sam")
    form = channel.click("Ann", "draft", case).form
    assert values(form)["language"] == "en"
    assert values(form)["text"].split(" ")[0] in ("Dear", "Hi", "Hello")
    assert form.title.startswith("Concept")  # the form itself speaks the team's language


def test_the_suggest_command_prints_both_drafts_as_json():
    import json

    from typer.testing import CliRunner

    from app.cli import app as cli

    result = CliRunner().invoke(cli, ["suggest", "--customer", "Marieke de Vries", "--signer", "Anna",
                                      "--contact", "020 123 4567 of info@zaak.nl", "--tone", "je"],
                                input=TROUWDAG)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"language", "reply", "holding", "gaps"}
    assert data["language"] == "nl" and data["gaps"] == ["story"]
    for text in (data["reply"], data["holding"]):
        assert "Marieke," in text and "020 123 4567" in text and "info@zaak.nl" in text
        assert " je " in text and text.endswith("\nAnna")
    assert "[ons verhaal:" in data["reply"] and "[" not in data["holding"]
    english = json.loads(CliRunner().invoke(cli, ["suggest", "--lang", "en"], input=TROUWDAG).output)
    assert english["language"] == "en" and english["gaps"] == ["name", "story", "signer"]  # in reading order
    assert CliRunner().invoke(cli, ["suggest", "--tone", "jij"], input="x").exit_code == 2
