"""The command catalogue: the router answers what it describes, `/review` finds subcommands by
their Dutch words too, a single word is never a case, and help says what exists where it is
asked. (Discord's tree and Slack's manifest are checked in their adapters' tests.)"""
from __future__ import annotations

import io

import pytest

from app.main import run_console
from bot.adapters.console import PLATFORM as CONSOLE, help_text
from bot.catalogue import ShortcutKind
from bot.events import Command, Completion, FormSubmit, MessageShortcut
from bot.messages import Choice
from desk.catalogue import CATALOGUE, FORWARD_INPUTS, REVIEW, Forms, Sub
from tests.harness import TestChannel

REVIEW_TEXT = "Cold fries and a rude cashier at 19:00; we waited forty minutes."


def on(app, platform: str) -> TestChannel:
    return TestChannel(app, platform=platform)


def case_count(app) -> int:
    channel = on(app, "slack")
    notice = channel.command("Ann", "list").notice
    return 0 if "No open cases" in notice else int(notice.split("(")[1].split(")")[0])


# -- the router answers exactly what the catalogue describes ----------------------------------

def test_the_router_answers_every_command_shortcut_and_form_of_the_catalogue(app):
    router = app.router
    assert router.catalogue is CATALOGUE
    assert router.names(Command) == sorted(c.name for c in CATALOGUE.commands)
    assert router.names(MessageShortcut) == sorted(
        s.name for s in CATALOGUE.shortcuts if s.kind is ShortcutKind.MESSAGE)
    assert router.names(FormSubmit) == sorted(f.name for f in CATALOGUE.forms)
    completions = {o.complete for c in CATALOGUE.commands for s in c.subcommands
                   for o in s.options if o.complete}
    assert completions and completions <= set(router.names(Completion))
    for shortcut in CATALOGUE.shortcuts:
        assert not shortcut.runs or shortcut.runs in router.names(Command)


def test_every_key_the_catalogue_names_is_written_in_both_languages(app):
    texts = app.texts
    missing = {lang: sorted(k for k in set(CATALOGUE.keys()) if k not in texts.keys(lang))
               for lang in ("en", "nl")}
    assert missing == {"en": [], "nl": []}
    for sub in CATALOGUE.command(REVIEW).subcommands:  # Discord takes 100 characters at most
        assert all(len(texts.raw(lang, sub.description)) <= 100 for lang in ("en", "nl"))


def test_the_forward_form_asks_the_inputs_the_catalogue_describes(app):
    form = on(app, "slack").command("Ann", "").form
    assert form.form == Forms.FORWARD
    # what a person must give: a field shown with a value (the site) needs nothing from them
    assert {i.name: i.required and not i.value for i in form.inputs} == \
        {o.name: o.required for o in FORWARD_INPUTS}
    source = next(i for i in form.inputs if i.name == "source")
    assert [c.value for c in source.choices] == list(next(o for o in FORWARD_INPUTS
                                                           if o.name == "source").choices)


def test_a_subcommand_without_a_handler_is_refused_when_routes_are_built():
    from desk.team.review import review_command

    with pytest.raises(ValueError, match="remind"):
        review_command(CATALOGUE.command(REVIEW), {s: print for s in Sub if s != Sub.REMIND})


# -- Dutch words and mistyped ones ------------------------------------------------------------

@pytest.mark.parametrize("dutch, english", [("lijst", "list"), ("hulp", "help"),
                                            ("LIJST", "list"), ("rapport 7d", "report 7d"),
                                            ("rapport", "report")])
def test_dutch_words_run_the_same_subcommand(app, dutch, english):
    channel = on(app, "slack")
    channel.command("Ann", REVIEW_TEXT)
    assert str(channel.command("Ann", dutch).notice) == str(channel.command("Ann", english).notice)


def test_dutch_words_open_the_forms_and_set_reminders(app):
    channel = on(app, "slack")
    channel.command("Ann", REVIEW_TEXT)
    assert channel.command("Ann", "instellingen").form.form == Forms.SETUP
    assert channel.command("Ann", "sjablonen").form.form == Forms.TEMPLATES
    assert "#1" in channel.command("Ann", "herinner 1 morgen om 9 uur", locale="nl").notice
    assert case_count(app) == 1


@pytest.mark.parametrize("typo, meant", [("raport", "report"), ("lisst", "list"),
                                         ("rapprt", "report"), ("setpu", "setup"),
                                         ("lijts", "list"), ("hlep", "help")])
def test_a_mistyped_subcommand_gets_did_you_mean_and_never_becomes_a_case(app, typo, meant):
    notice = on(app, "slack").command("Ann", typo).notice
    assert f"Did you mean /review {meant}" in notice
    assert "`" not in notice
    assert case_count(app) == 0


def test_did_you_mean_speaks_dutch(app):
    notice = on(app, "slack").command("Ann", "rapprt", locale="nl").notice
    assert notice.startswith("Bedoel je /review rapport [periode]?")


def test_any_other_single_word_is_not_a_case_and_says_how_to_forward(app):
    notice = on(app, "slack").command("Ann", "Vreselijk!").notice
    assert "“Vreselijk!” is not one of the commands (/review help lists them)" in notice
    assert "open the form with /review." in notice
    assert case_count(app) == 0


def test_a_link_alone_and_a_longer_text_are_still_forwarded(app):
    channel = on(app, "slack")
    assert channel.command("Ann", "https://www.trustpilot.com/reviews/abc123").card
    assert channel.command("Ann", "https://g.page/r/xyz.").card  # with the sentence's full stop
    assert channel.command("Ann", "Report: the fries were cold").card  # a review, not `report`
    assert case_count(app) == 3


def test_wrong_words_after_a_subcommand_give_its_usage_in_bold(app):
    notice = on(app, "slack").command("Ann", "remind tomorrow")
    [message] = notice
    assert str(message.text) == (
        "Use /review remind <case> <when>, e.g. /review remind 12 tomorrow at 9. To forward a "
        "review that starts with this word, open the form with /review.")
    bold = [p.text for p in message.text if type(p).__name__ == "Strong"]
    assert bold == ["/review remind <case> <when>", "/review remind 12 tomorrow at 9", "/review"]


def test_on_discord_a_usage_names_the_typed_command_and_no_text_to_forward(app):
    notice = on(app, "discord").command("Ann", "report last week", locale="nl").notice
    assert notice.startswith("Gebruik /review rapport met een periode")
    assert "formulier" not in notice and "[periode]" not in notice


# -- help says what exists on the platform it is asked on --------------------------------------

def help_on(app, platform: str, locale: str = "en") -> str:
    return on(app, platform).command("Ann", "help", locale=locale).notice


def test_help_on_slack_offers_text_the_form_the_shortcuts_and_dutch_words(app):
    text = help_on(app, "slack")
    assert "• /review <review text or link>: Forward a review" in text
    assert "• /review: Open the form" in text
    assert "• /review remind <case> <when>: Remind me" in text
    assert "/review remind 12 tomorrow" in text
    assert "“Forward as review” on a message" in text
    assert "“New review” in the shortcuts menu" in text
    assert "draft: …" in text
    assert "also work with their Dutch names: /review lijst, /review instellingen" in text
    assert "/review forward" not in text and "/review form" not in text


def test_help_on_discord_offers_its_typed_commands_only(app):
    text = help_on(app, "discord")
    assert "• /review forward: Forward a review to the team" in text
    assert "• /review form: Open the form" in text
    assert "• /review remind: Remind me" in text and "<case>" not in text
    assert "“Forward as review” on a message" in text
    for elsewhere in ("<review text", "New review", "draft: …", "lijst", "/review:"):
        assert elsewhere not in text
    dutch = help_on(app, "discord", "nl")  # Discord shows Dutch names to Dutch people
    assert "• /review doorsturen: Stuur een review door" in dutch and "/review lijst" in dutch
    assert "Engelse namen" not in dutch


def test_help_in_the_console_has_no_global_shortcut_and_speaks_dutch(app):
    text = help_on(app, CONSOLE, "nl")
    assert text.startswith("review-desk helpt het team")
    assert "• /review <reviewtekst of link>" in text and "“concept: …”" in text
    assert "• /review lijst: Toon de open zaken" in text
    assert "• /review herinner <zaak> <wanneer>: Herinner me" in text
    assert "bijvoorbeeld /review herinner 12 morgen om 9 uur" in text
    assert "ook met hun Engelse namen: /review list, /review setup, /review remind" in text
    assert "Nieuwe review" not in text and "/review forward" not in text


@pytest.mark.parametrize("platform", ["slack", "discord", CONSOLE])
@pytest.mark.parametrize("locale", ["en", "nl"])
def test_help_never_shows_backticks_and_marks_commands_in_bold(app, platform, locale):
    [notice] = on(app, platform).command("Ann", "help", locale=locale)
    assert "`" not in str(notice.text)
    bold = [p.text for p in notice.text if type(p).__name__ == "Strong"]
    words = {"en": ("list", "help"), "nl": ("lijst", "hulp")}[locale]
    assert {f"/review {w}" for w in words} <= set(bold)


def test_no_catalog_text_writes_commands_in_backticks(app):
    for lang in ("en", "nl"):
        assert [k for k in app.texts.keys(lang) if "`" in app.texts.raw(lang, k)] == []


# -- the console's own help and shortcut ----------------------------------------------------

def test_console_help_lists_the_catalogues_commands_for_the_console(app):
    text = help_text(CATALOGUE)
    offered = [s.name for s in CATALOGUE.command(REVIEW).offered(CONSOLE)]
    assert f"the bot's command: {', '.join(offered)}" in text
    assert "forward" not in offered and "form" not in offered
    assert "shortcut N " in text and "`" not in text


def test_console_help_and_shortcut_in_a_session(app):
    out = io.StringIO()
    run_console(app, lines=iter(["help", f"say {REVIEW_TEXT}", "shortcut 1 nonsense",
                                 "shortcut 1", "", "", "", "", ""]), out=out, echo=True)
    text = out.getvalue()
    assert help_text(CATALOGUE) in text
    assert "! shortcut N forward_message" in text
    assert "┌─ " in text  # the forwarded message's card


# -- completions ------------------------------------------------------------------------------

def test_open_cases_are_offered_by_number_or_customer(app):
    channel = on(app, "discord")
    channel.submit("Ann", Forms.FORWARD, {"text": REVIEW_TEXT, "customer": "Sam Jansen"})
    channel.submit("Ann", Forms.FORWARD, {"text": REVIEW_TEXT + " Again.", "customer": "Bo"})

    def offered(typed: str, locale: str = "en") -> list[Choice]:
        return app.router.complete(Completion(channel.actor("Ann", locale), channel.place,
                                              name="open_cases", typed=typed))

    assert [c.value for c in offered("")] == ["1", "2"]
    assert offered("#2") == [Choice("2", "#2 Bo · open for votes")]
    assert offered("sam") == [Choice("1", "#1 Sam Jansen · open for votes")]
    assert offered("sam", "nl")[0].label.startswith("#1 Sam Jansen · ")
    assert offered("9") == []
    nothing = Completion(channel.actor("Ann"), channel.place, name="nothing")
    assert app.router.complete(nothing) == []


def test_subcommand_texts_on_typed_platforms():
    review = CATALOGUE.command(REVIEW)
    remind = review.find(Sub.REMIND)
    assert remind.text({"case": 12, "when": "morgen 9 uur"}) == "remind 12 morgen 9 uur"
    assert review.find(Sub.REPORT).text({}) == "report"
    assert review.find(Sub.FORM) is None  # not a word the text platforms take
    form, forward = (next(s for s in review.subcommands if s.name == n)
                     for n in (Sub.FORM, Sub.FORWARD))
    assert form.text({}) == "" and forward.text({"text": "x"}) == ""  # the command alone: the form
    assert forward.form == Forms.FORWARD and forward.options == FORWARD_INPUTS
