"""The team's own reply texts replace the built-in suggestions for its language."""
from sqlmodel import select

from bot.messages import Notice
from storage.models import Team

OURS = ("Dear {customer},\n\nThank you for telling us. We understand how annoying this was and "
        "we are sorry.\n\n{offline}\n\nWarm regards from the bakery,\n{signer}")


def test_a_saved_text_starts_the_next_draft(channel):
    form = channel.command("Ann", "templates").form
    assert [i.name for i in form.inputs] == ["reply", "holding"]
    replies = channel.submit("Ann", "templates", {"reply": OURS, "holding": ""})
    assert "Saved" in str(replies.of(Notice)[0].text)
    case = channel.claimed(customer="Sam")
    draft = dict((i.name, i.value) for i in channel.click("Ann", "draft", case).form.inputs)
    assert draft["text"].startswith("Dear Sam,") and "from the bakery,\nAnn" in draft["text"]
    holding = dict((i.name, i.value) for i in channel.click("Ann", "holding", case).form.inputs)
    assert "bakery" not in holding["text"]  # an empty text keeps the built-in ones
    assert channel.command("Ann", "templates").form.inputs[0].value == OURS


def test_unknown_placeholders_are_refused(channel, app):
    errors = channel.submit("Ann", "templates", {"reply": "Dear {name}, sorry. {signer}",
                                                 "holding": "Hi {customer"}).errors
    assert set(errors) == {"reply", "holding"}
    with app.desk.db.unit() as s:
        assert s.exec(select(Team)).one().reply_templates is None


def test_the_coach_reads_the_new_text(channel):
    replies = channel.submit("Ann", "templates", {"reply": "Hi {customer}. {signer}"})
    tips = [str(n.text) for n in replies.of(Notice)][1:]
    assert tips and "apology" in tips[0] and "thanks" in tips[0]


def test_only_the_lead_edits_the_texts_once_there_is_one(channel):
    channel.setup("Ann", lead="U-ann")
    assert "Only the team lead" in channel.command("Bob", "templates").notice
    assert "Only the team lead" in channel.submit("Bob", "templates", {"reply": OURS}).notice
