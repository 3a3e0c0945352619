"""Every button a case's card shows is answered by the router, leads to a transition the
state allows, and is labelled in both languages; the reminders' own buttons too."""
import pytest

from app.main import load_catalogs
from bot.events import ButtonClick
from desk.cases.buttons import LEADS_TO, CaseButton
from desk.cases.buttons import BUTTONS, ON_SITE
from desk.cases.states import State, allowed
from desk.reminders.remind import REACTION_ACTIONS

SHOWN = [(state, button) for state, row in BUTTONS.items() for button, _ in row]


def test_every_state_has_its_buttons():
    assert set(BUTTONS) == set(State)


@pytest.mark.parametrize("state,button", SHOWN, ids=lambda v: str(v))
def test_a_button_shows_only_where_its_transition_is_allowed(state, button):
    assert any(allowed(state, action) for action in LEADS_TO[button])


@pytest.mark.parametrize("button", list(CaseButton) + list(REACTION_ACTIONS), ids=str)
def test_every_button_is_routed(app, button):
    assert button in app.router.names(ButtonClick)


@pytest.mark.parametrize("button", list(CaseButton), ids=str)
def test_every_button_is_labelled_in_both_languages(button):
    texts = load_catalogs()
    for lang in ("en", "nl"):
        assert f"button.{button}" in texts.keys(lang)


def test_every_button_leads_somewhere_and_is_shown_somewhere_or_posted():
    shown = {button for _, button in SHOWN} | set(ON_SITE.values())  # for a connected site
    assert set(LEADS_TO) == set(CaseButton)
    # The lesson button is posted in the thread when a case closes, not on the card.
    assert set(CaseButton) - shown == {CaseButton.LESSON}
