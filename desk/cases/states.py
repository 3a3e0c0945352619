"""The case's state machine: every state and every allowed transition, in one place.

    new ──respond──► open ──claim──► claimed ──post_reply──► replied ──close──► closed
     │                ▲ ◄──release──┘                          │                  │
     └──ignore──► ignored ◄────────────── dismiss ─────────────┴──────────────────┘ (reopen)
"""
from __future__ import annotations

from enum import StrEnum

from bot.errors import UserError


class State(StrEnum):
    NEW = "new"            # forwarded, the team is voting
    OPEN = "open"          # decided: respond; nobody has claimed it yet
    CLAIMED = "claimed"    # one person owns it and is drafting
    REPLIED = "replied"    # the public reply is posted; following up with the customer
    CLOSED = "closed"      # satisfied or went quiet
    IGNORED = "ignored"    # troll, spam, duplicate: kept, never deleted


N, O, C, R, X, I = State.NEW, State.OPEN, State.CLAIMED, State.REPLIED, State.CLOSED, State.IGNORED

TRANSITIONS: dict[str, dict[State, State]] = {
    "vote": {N: N},
    "decide_respond": {N: O, I: O},
    "decide_ignore": {N: I, O: I},
    "claim": {O: C},
    "release": {C: O},
    "hand_over": {C: C},
    "draft": {N: N, O: O, C: C, R: R},
    "post_holding": {C: C},
    "post_reply": {C: R},
    "follow_up": {R: R},
    "close": {R: X},
    "dismiss": {O: I, C: I, R: I},  # a new case is ignored by the vote, not by one person
    "reopen": {X: R, I: O},
    "remind": {N: N, O: O, C: C, R: R},
    "lesson": {X: X, I: I},  # how it could have been prevented, written after closing
}

OPEN_STATES = frozenset({N, O, C, R})


def allowed(state: str, action: str) -> bool:
    return State(state) in TRANSITIONS[action]


def next_state(state: str, action: str) -> State:
    """The state after `action`, or a refusal the person sees (the case is not changed)."""
    try:
        return TRANSITIONS[action][State(state)]
    except KeyError:
        raise UserError(f"refused.{action}", state=State(state).value) from None
