"""The setup form's defaults in the team's words, read back in either language."""
from desk.reminders.calendar import parse_days


def shown(channel, who: str = "Ann") -> dict[str, str]:
    return {i.name: i.value for i in channel.command(who, "setup").form.inputs}


def test_working_days_are_shown_in_the_teams_words(channel):
    assert shown(channel)["work_days"] == "Mon-Fri"
    channel.setup(language="nl")
    assert shown(channel)["work_days"] == "ma-vr"


def test_working_days_are_read_back_in_either_language(channel, app):
    channel.setup(language="nl")
    assert "Opgeslagen" in channel.setup().notice  # the Dutch default, saved as shown
    saved = channel.setup(work_days="Mon-Thu")
    assert "ma-do" in saved.notice
    assert shown(channel)["work_days"] == "ma-do"
    assert parse_days("ma-vr") == parse_days("Mon-Fri") == parse_days("mon-fri")


def test_the_saved_lead_is_named_not_shown_as_an_id(channel):
    from bot.messages import Notice
    from bot.text import Mention

    saved = channel.setup(lead="284100377564217345", lead_name="Bram")
    assert "lead: @Bram." in saved.notice and "284100377564217345" not in saved.notice
    [mention] = [p for p in saved.one(Notice).text if isinstance(p, Mention)]
    assert mention.user_id == "284100377564217345"  # Discord shows it as the person


def test_the_saved_lead_is_named_in_dutch_too(channel):
    dutch = channel.setup(language="nl", lead="284100377564217345", lead_name="Bram")
    assert "leidinggevende: @Bram." in dutch.notice
