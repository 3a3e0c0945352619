"""Theme tags in both languages, including Dutch compounds and a team's own themes."""

import pytest

from desk.advice.themes import THEMES, tag_themes


@pytest.mark.parametrize("text, expected", [
    ("Parcel never arrived and customer service never replied to my emails.", ("delivery", "communication")),
    ("Waited 40 minutes for a cold burger. The waiter was rude when we asked.",
     ("waiting_time", "quality", "staff_attitude")),
    ("Sticky tables and the toilets were filthy. Overpriced too.", ("cleanliness", "price")),
    ("I was charged twice for the same haircut and still no refund.", ("billing",)),
    ("The courier left my package in the rain and tracking said it was delivered.", ("delivery",)),
    ("The mechanic said the car was fixed, but the same noise came back the next day.", ("quality",)),
    ("De bezorging duurde een week en de levertijd op de site klopt niet.", ("delivery",)),
    ("Lange wachttijd bij de kassa en het personeel was onvriendelijk.", ("waiting_time", "staff_attitude")),
    ("Vieze vloer, stinkende wc en een haar in mijn soep.", ("cleanliness",)),
    ("Veel te duur voor zulke kleine porties.", ("price",)),
    ("Dubbel afgeschreven en de factuur klopt niet. Niemand belt terug.", ("billing", "communication")),
    ("Pakketbezorger gooide het pakket over het hek, het scherm was kapot.", ("delivery", "quality")),
    ("Geen reactie op mijn mails, slechte communicatie met de klantenservice.", ("communication",)),
    ("Na twee uur wachten kregen we lauwe friet.", ("waiting_time", "quality")),
])
def test_tags_in_both_languages(text, expected):
    assert tag_themes(text) == expected


@pytest.mark.parametrize("text", [
    "We houden er rekening mee dat u dit had verwacht.",  # "rekening" and "verwacht" are not billing or waiting
    "Het advies was helder en vriendelijk gebracht.",  # "advies" hides "vies"
    "Thank you, see you next week!",
    "",
])
def test_no_tags_for_unrelated_words(text):
    assert tag_themes(text) == ()


def test_team_themes_match_word_starts_and_come_after_built_ins():
    extra = {"terrace": ["terras"], "parking": ["parkeer", "parking"]}
    assert tag_themes("Het terrasje was vol en de parkeerplaats veel te duur.", extra=extra) == (
        "price", "terrace", "parking")
    assert tag_themes("Lovely terrace.", extra={"terrace": []}) == ()


def test_team_keywords_can_extend_a_built_in_theme():
    assert tag_themes("De vloer plakte.", extra={"cleanliness": ["plakte"]}) == ("cleanliness",)


def test_theme_ids():
    assert THEMES == ("delivery", "waiting_time", "quality", "staff_attitude", "cleanliness", "price", "billing",
                      "communication")
