"""The state machine: every allowed transition, and every refused one."""
import pytest

from bot.errors import UserError
from desk.cases.states import TRANSITIONS, Action, State, Who, allowed, next_state

EXPECTED = {
    ("vote", "new"): "new",
    ("decide_respond", "new"): "open",
    ("decide_respond", "ignored"): "open",
    ("decide_ignore", "new"): "ignored",
    ("decide_ignore", "open"): "ignored",
    ("claim", "open"): "claimed",
    ("release", "claimed"): "open",
    ("hand_over", "claimed"): "claimed",
    ("draft", "new"): "new",
    ("draft", "open"): "open",
    ("draft", "claimed"): "claimed",
    ("draft", "replied"): "replied",
    ("post_holding", "claimed"): "claimed",
    ("post_reply", "claimed"): "replied",
    ("follow_up", "replied"): "replied",
    ("close", "replied"): "closed",
    ("dismiss", "open"): "ignored",
    ("dismiss", "claimed"): "ignored",
    ("dismiss", "replied"): "ignored",
    ("reopen", "closed"): "replied",
    ("reopen", "ignored"): "open",
    ("revote", "ignored"): "new",
    ("remind", "new"): "new",
    ("remind", "open"): "open",
    ("remind", "claimed"): "claimed",
    ("remind", "replied"): "replied",
    ("lesson", "closed"): "closed",
    ("lesson", "ignored"): "ignored",
    # the customer edited the review on its site: recorded in whatever state the case is
    **{("review_changed", s.value): s.value for s in State},
    # the site removed the review: noted, never dropped, whatever the case's state
    **{("review_deleted", s.value): s.value for s in State},
}
ALL = [(action.value, state.value) for action in TRANSITIONS for state in State]


@pytest.mark.parametrize("action,state", [p for p in ALL if p in EXPECTED])
def test_allowed_transition(action, state):
    assert allowed(state, action)
    assert next_state(state, action) == EXPECTED[(action, state)]


@pytest.mark.parametrize("action,state", [p for p in ALL if p not in EXPECTED])
def test_refused_transition(action, state):
    assert not allowed(state, action)
    with pytest.raises(UserError) as err:
        next_state(state, action)
    assert err.value.key == f"refused.{action}"
    assert err.value.params == {"state": state}


def test_table_has_no_surprises():
    actual = {(a.value, s.value): t.value
              for a, rule in TRANSITIONS.items() for s, t in rule.moves.items()}
    assert actual == EXPECTED


def test_reopening_an_ignored_case_is_the_leads_and_a_closed_one_the_owners():
    rule = TRANSITIONS[Action.REOPEN]
    assert (rule.who_may(State.CLOSED), rule.who_may(State.IGNORED)) == (Who.OWNER, Who.LEAD)
    assert TRANSITIONS[Action.REVOTE].who_may(State.IGNORED) == Who.PERSON
