"""Dutch and English catalogs say the same things with the same placeholders."""
import string

import pytest

from app.main import load_catalogs

texts = load_catalogs()


def fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_both_languages_have_the_same_keys():
    assert texts.keys("en") == texts.keys("nl")


@pytest.mark.parametrize("key", sorted(texts.keys("en")))
def test_same_placeholders(key):
    assert fields(texts.raw("en", key)) == fields(texts.raw("nl", key))
    assert texts.raw("nl", key).strip()


def test_language_pick_prefers_the_person():
    assert texts.pick("nl-BE", "en") == "nl"
    assert texts.pick("fr", "en") == "en"
    assert texts.pick(None, None) == "en"
