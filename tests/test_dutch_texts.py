"""The Dutch product speaks Dutch that reads right: state names that fit a sentence, one term
for each thing, numbers written the Dutch way; and no English inside it."""
import re

from bot.i18n import Catalogs
from desk.cases.review_input import MAX_TEXT
from tests.harness import TestChannel


def dutch(app) -> TestChannel:
    channel = TestChannel(app)
    channel.setup("Ann", language="nl")
    return channel


def test_numbers_are_written_per_language(app):
    channel = dutch(app)
    too_long = channel.submit("Ann", "forward", {"source": "google", "text": "x" * (MAX_TEXT + 1)})
    assert too_long.errors["text"] == "Die tekst is 10.001 tekens; de grens is 10.000."
    channel.setup("Ann", language="en")
    too_long = channel.submit("Ann", "forward", {"source": "google", "text": "x" * (MAX_TEXT + 1)})
    assert "10,001" in too_long.errors["text"] and "10,000" in too_long.errors["text"]


def test_states_fit_inside_sentences(app):
    channel = dutch(app)
    case = channel.claimed("Ann", text="Het pakket kwam niet.")
    assert channel.click("Bob", "vote_respond", case).notice == \
        "Stemmen kan niet meer: de zaak is in behandeling."
    fresh = channel.forward(text="De soep was koud.")
    assert channel.click("Ann", "claim", fresh).notice.startswith(
        "Deze zaak kan nog niet opgepakt worden: hij is in stemming.")


def test_votes_and_decisions_read_as_dutch(app):
    channel = dutch(app)
    case = channel.forward(text="De soep was koud.")
    voted = channel.click("Bob", "vote_respond", case)
    assert "Bob stemde voor reageren." in voted.thread_texts()
    decided = channel.click("Ann", "vote_respond", case)
    assert any("Wie pakt hem op?" in t for t in decided.thread_texts())


def test_the_setup_confirmation_needs_no_plural_in_brackets(app):
    saved = TestChannel(app).setup("Ann", language="nl").notice
    assert "stem(men)" not in saved and "stemmen nodig voor een besluit: 2" in saved
    assert "werktijden ma-vr 09:00-17:30" in saved and "mon" not in saved
    english = TestChannel(app).setup("Ann", language="en", work_days="mon,wed-fri").notice
    assert "Mon, Wed-Fri 09:00-17:30" in english


ONE_TERM = {  # the word that drifted → the one the product uses
    r"\bdraad\b": "thread", r"stilgevallen": "niets meer van gehoord",
    r"eerste reactie": "tussenbericht", r"\bclaim": "oppakken", r"deadline": "te laat",
    r"niets meer gehoord": "niets meer van gehoord", r"\bafloop\b": "uitkomst",
    r"vanzelf weg": "vanzelf geplaatst",  # "gaat vanzelf weg" reads as "disappears"
}
ENGLISH = [r"\bnext\b", r"\boptional\b", r"\bmon-fri\b", r"\bmon,tue", r"Done\."]


def dutch_texts() -> dict[str, str]:
    from pathlib import Path
    catalogs = Catalogs()
    for folder in ("desk/locales", "bot/locales"):
        catalogs.load_dir(Path(__file__).parents[1] / folder)
    return {key: catalogs.raw("nl", key) for key in catalogs.keys("nl")}


def test_one_term_for_each_thing_and_no_english_in_dutch():
    texts = dutch_texts()
    for pattern, term in ONE_TERM.items():
        drift = [k for k, t in texts.items() if re.search(pattern, t, re.IGNORECASE)]
        assert not drift, f"{pattern!r} should read {term!r} in {drift}"
    for pattern in ENGLISH:
        found = [k for k, t in texts.items() if re.search(pattern, t)]
        assert not found, f"English {pattern!r} in {found}"


def test_the_console_speaks_the_teams_language(app):
    from tests.test_console import run
    text = run(app, "/review setup\nNederlands\n" + "\n" * 12 +
                    "/review\n\nnot a link\n\n\nDe soep was koud en niemand kwam.\n"
                    "/review\n\n\n\n\nDe soep was koud en niemand kwam.\n"
                    "as Bob\nclick 1 reageren\n")
    assert "(alleen voor jou) Opgeslagen: Nederlands" in text
    assert "Link naar de review (optioneel) [" in text
    assert "! Link naar de review: Dat is geen weblink" in text
    assert "┌─ (bijgewerkt) #1" in text
    assert "(je bent nu Bob)" in text
    dutch_team = text[text.index("Opgeslagen"):]  # before, the team was still English
    assert "(formulier niet verstuurd: verbeter wat hierboven staat" in text
    for english in ("(only you)", "(optional)", "(updated)", "! link:", "(form "):
        assert english not in dutch_team


def test_a_dutch_team_goes_from_forward_to_closed_without_an_english_word(app):
    """The scripted console session of tests/test_console.py, for a Dutch team: once the
    team speaks Dutch, nothing the product says is English (the typed texts aside)."""
    import re

    from tests.test_console import SCRIPT, run
    script = (SCRIPT.replace("\nEnglish\n", "\nNederlands\n")
              .replace("Dear Sam, thank you for telling us. We are sorry. Ann",
                       "Beste Sam, bedankt dat u dit meldt. Het spijt ons. Ann")
              .replace("reply 1 draft: Dear Sam, thank you for telling us. We understand how "
                       "disappointing this was and we are sorry. Please mail us at "
                       "cakes@example.com. Ann",
                       "reply 1 concept: Beste Sam, bedankt dat u dit meldt. We begrijpen hoe "
                       "teleurstellend dit was en het spijt ons. Mail ons gerust op "
                       "taart@example.com. Ann")
              .replace("Ordered a birthday cake for Saturday, it came on Monday. Nobody called "
                       "back.", "Verjaardagstaart besteld voor zaterdag, hij kwam maandag. "
                       "Niemand belde terug.")
              .replace("Called Sam, offered a new cake", "Sam gebeld, nieuwe taart aangeboden")
              .replace("Sam is happy", "Sam is blij")
              .replace("click 1 respond", "click 1 reageren")
              .replace("\ncontact\n", "\ncontact gelegd\n")
              .replace("\nreaction\nsatisfied\n", "\nklant reageerde\ngereageerd en tevreden\n"))
    text = run(app, script)
    dutch = text[text.index("(alleen voor jou) Opgeslagen"):]
    assert "Status: gesloten" in dutch and "Uitkomst: tevreden" in dutch
    product = re.sub(r"https?://\S+", "", "\n".join(  # what people typed is theirs
        line for line in dutch.splitlines() if not re.match(r"^\w*> ", line)))
    english = re.compile(r"\b(the|you|your|voted|claimed|case|draft|reply|optional|updated|"
                         r"closed|owner|votes|forwarded|thanks|only|customer|"
                         r"follow-up|satisfied|reaction|posted|review site)\b", re.IGNORECASE)
    found = {m.group(0).lower() for m in english.finditer(product)}
    assert found <= {"you"}, found  # "you": the console's person, as CONSOLE_USER names them
