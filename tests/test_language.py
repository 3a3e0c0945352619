"""Dutch/English detection for reviews and replies."""

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


@pytest.mark.parametrize("text", ["", "   ", "👍", "Super!", "Bedankt!", "12/10", "Sorry sorry sorry"])
def test_falls_back_to_default_when_unclear(text):
    assert detect_language(text) == "en"
    assert detect_language(text, default="nl") == "nl"
