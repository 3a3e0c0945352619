"""Coach, hints and recurring complaints as the team sees them on cards, drafts and threads."""
import json
import re

from sqlmodel import select
from typer.testing import CliRunner

from app.cli import app as cli
from bot.messages import Say
from storage.models import Team, ThemeAlert

LATE = ["My parcel arrived a week late and the delivery driver left it in the rain.",
        "Bezorging duurde tien dagen, het pakket was beschadigd.",
        "Third time my order was delivered late; the courier never rang the bell."]


def set_lead(app, lead="U-lea"):
    with app.desk.db.unit() as s:
        team = s.exec(select(Team)).one()
        team.lead = lead
        s.add(team)


def test_card_shows_a_hint_while_voting(channel):
    card = channel.submit("Ann", "forward", {"source": "google", "text":
                          "Ordered the lasagne on Friday 12 May, it was cold and we paid 24 euro."}).card
    assert str(dict(card.fields)["Hint"]).startswith("respond. Describes a concrete experience")
    spam = channel.submit("Ann", "forward", {"source": "blog", "text":
                          "Cheap followers!!! Visit https://spam.example and buy now, best deal."}).card
    assert "may be one to ignore" in str(dict(spam.fields)["Hint"])


def test_first_draft_is_a_suggestion_that_passes_the_coach(channel):
    case = channel.claimed(text="De friet was koud en niemand kwam vragen of alles goed was.",
                           customer="Noor")
    form = channel.click("Ann", "draft", case).form
    text = dict((i.name, i.value) for i in form.inputs)["text"]
    assert text.startswith("Beste Noor") and "Ann" in text  # the review's language, the drafter
    # The suggestion leaves the story in [brackets] for the drafter; written out, it passes.
    story = "De friet had die avond te lang gestaan, en dat hadden we moeten zien."
    filled = re.sub(r"\[[^\]]*\]", story, text)
    saved = channel.submit("Ann", "draft", {"kind": "reply", "text": filled}, str(case))
    assert "follows every rule" in saved.thread_texts()[-1]


def test_holding_reply_button_suggests_a_holding_text(channel):
    case = channel.claimed(customer="Sam")
    form = channel.click("Ann", "holding", case).form
    values = dict((i.name, i.value) for i in form.inputs)
    assert values["kind"] == "holding" and values["text"].splitlines()[0].endswith(" Sam,")
    assert "[" not in values["text"]  # a holding reply has no story left to write


def test_the_coach_comments_on_a_bad_draft_in_the_thread_and_the_form(channel):
    case = channel.claimed(customer="Sam")
    bad = "Nobody else complained and according to our system that is not true. The management"
    saved = channel.submit("Bob", "draft", {"kind": "reply", "text": bad}, str(case))
    coach = saved.thread_texts()[-1]
    for expected in ("Coach:", "not addressed by name", "no apology"):
        assert expected in coach
    form = channel.click("Bob", "draft", case, locale="nl").form
    hint = dict((i.name, i.hint) for i in form.inputs)["text"]
    assert "Coach:" in hint and "excuses" in hint.lower()  # the person's language in the form


def test_recurring_complaint_from_different_customers_warns_the_lead_once(channel, app):
    first = channel.forward(text=LATE[0], customer="Sam")
    set_lead(app)
    channel.forward(text=LATE[1], customer="Noor")
    third = channel.submit("Cas", "forward", {"source": "google", "text": LATE[2],
                                              "customer": "Ali"})
    (alert,) = third.of(Say)
    assert alert.text.mentions() == ["U-lea"] and "not trolling" in str(alert.text)
    assert f"#{first}" in str(alert.text)
    assert "3 cases from different customers" in str(dict(third.card.fields)["Recurring"])
    fourth = channel.submit("Cas", "forward", {"source": "google", "customer": "Bo",
                                               "text": "Late delivery again, parcel soaked."})
    assert not fourth.of(Say)  # told once
    with app.desk.db.unit() as s:
        assert len(s.exec(select(ThemeAlert)).all()) == 1


def test_the_recurring_note_is_one_text_part(channel, app):
    """Not one part per character: the adapters render, escape and cut a note part by part,
    which made every card with a long note slow to render (seen in bench/profile_forward.py)."""
    for text, who in zip(LATE, ("Sam", "Noor", "Ali")):
        card = channel.submit("Cas", "forward", {"source": "google", "text": text,
                                                 "customer": who}).card
    note = dict(card.fields)["Recurring"]
    assert len(note) == 1 and "3 cases from different customers" in str(note)


def test_ignored_cases_still_count_as_recurring(channel, app):
    for i, (text, who) in enumerate(zip(LATE, ("Sam", "Noor", "Ali"))):
        case = channel.forward(text=text, customer=who)
        if i < 2:
            for voter in ("Ann", "Bob"):
                channel.submit(voter, "ignore_vote", {"reason": "troll"}, str(case))
    with app.desk.db.unit() as s:
        assert len(s.exec(select(ThemeAlert)).all()) == 1


def test_the_same_customer_three_times_is_not_a_recurring_complaint(channel, app):
    for text in LATE:
        replies = channel.submit("Ann", "forward", {"source": "google", "text": text,
                                                    "customer": "Sam"})
        assert not replies.of(Say)
        assert "Recurring" not in dict(replies.card.fields)


def test_coach_command_prints_json():
    result = CliRunner().invoke(cli, ["coach", "--customer", "Sam", "--signer", "Ann"],
                                input="Dear Sam, no comment. Ann")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["language"] == "en"
    rules = [f["rule"] for f in data["findings"]]
    assert "no_comment" in rules and "apology" in rules and "name" not in rules
    assert all(f["message"] and f["fix"] for f in data["findings"])


def test_triage_command_prints_json():
    result = CliRunner().invoke(cli, ["triage", "--lang", "nl"],
                                input="Gisteren om 19:00 besteld, pizza kwam koud aan. Order 5531.")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["suggestion"] == "respond" and "concrete_experience" in data["signals"]


def test_a_long_recurring_list_names_the_latest_cases_and_counts_all(channel):
    for i in range(14):
        channel.forward(text=f"Delivery {i} was a week late, parcel damaged.", customer=f"C{i}")
    card = channel.submit("Cas", "forward", {"source": "google", "customer": "Last",
                                             "text": "My delivery never arrived at all."}).card
    note = str(dict(card.fields)["Recurring"])
    assert "15 cases from different customers" in note
    assert note.count("#") == 10 and "#15" in note and "#5 " not in note and note.endswith("…)")
