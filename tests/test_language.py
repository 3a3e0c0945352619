"""Dutch/English detection for reviews and replies, also on two- to five-word reviews."""

import pytest

from desk.advice.language import detect_language


@pytest.mark.parametrize("text, expected", [
    ("De pizza was koud en de bezorger was erg onvriendelijk.", "nl"),
    ("Ik heb drie weken gewacht op mijn bestelling en niemand reageert op mijn mails.", "nl"),
    ("Beste Sam, bedankt voor je review. Het spijt ons echt.", "nl"),
    ("Nooit meer naar deze kapper, wat een drama", "nl"),
    ("The pizza was cold and the driver was really rude to us.", "en"),
    ("I've been waiting three weeks for my order and nobody answers my emails.", "en"),
    ("Dear Sam, thank you for your review. We are so sorry.", "en"),
    ("Never going back to this garage, what a joke", "en"),
    ("We hebben gisteren gegeten, het was heel lekker maar de rekening klopte niet.", "nl"),
    ("We had dinner here yesterday, the food was lovely but the bill was wrong.", "en"),
])
def test_detects_language(text, expected):
    assert detect_language(text) == expected
    assert detect_language(text, default="nl" if expected == "en" else "en") == expected


SHORT_DUTCH = [
    "Te duur", "Mijn pakket is kwijt", "Echt waardeloos, geld terug!!",
    "Klantenservice onbereikbaar, pakket kwijt", "Koude friet", "Nooit meer", "Slechte service",
    "Kapper verpestte mijn haar", "Fiets niet gerepareerd", "Veel te lang gewacht",
    "Onbeschofte bediening", "Pakket beschadigd aangekomen", "Dubbel afgeschreven!",
    "Ziek geworden na het eten", "Lauwe soep", "Verkeerde maat gestuurd", "Zwaar teleurgesteld",
    "Monteur kwam niet opdagen", "Frieten waren slap", "Da was nie goe", "Zwaar overroepen",
    "Den ober was kortaf", "Oplichters!", "Geen aanrader", "Bedankt!",
]
SHORT_ENGLISH = [
    "Too expensive", "My parcel is lost", "Absolutely useless, refund now!!", "Cold fries",
    "Never again", "Bad service", "Hairdresser ruined my hair", "Bike not repaired",
    "Waited far too long", "Parcel arrived damaged", "Charged twice!",
    "Got sick after eating here", "Lukewarm soup", "Wrong size sent", "Deeply disappointed",
    "Mechanic never showed up", "Overpriced", "Glass in my salad!", "Staff were rude",
    "Sorry sorry sorry",
]


@pytest.mark.parametrize("text", SHORT_DUTCH)
def test_short_dutch_reviews_are_dutch_whatever_the_team_speaks(text):
    assert detect_language(text, default="en") == "nl"


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_reviews_are_english_whatever_the_team_speaks(text):
    assert detect_language(text, default="nl") == "en"


@pytest.mark.parametrize("text", ["", "   ", "👍", "Super!", "12/10", "OK"])
def test_falls_back_to_default_when_either_could_be_meant(text):
    assert detect_language(text) == "en"
    assert detect_language(text, default="nl") == "nl"


def test_a_coin_toss_for_the_model_is_the_team_default_not_a_guess():
    """"Rude staff" has no function word and its letters fit both languages about equally:
    the team's language is used, and the drafter can switch the suggestion's language."""
    assert detect_language("Rude staff", default="en") == "en"
    assert detect_language("Rude staff", default="nl") == "nl"
