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
