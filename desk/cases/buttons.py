"""The buttons a case shows: their names, the transitions each leads to, where each shows.

A card shows a button only in a state where one of its transitions is allowed; the router
answers each; both languages label each (tests/test_buttons.py holds all three).
"""
from __future__ import annotations

from enum import StrEnum

from desk.cases.states import Action, State


class CaseButton(StrEnum):
    VOTE_RESPOND = "vote_respond"
    VOTE_IGNORE = "vote_ignore"
    OVERRIDE = "override"
    REMIND_ME = "remind_me"
    CLAIM = "claim"
    DRAFT = "draft"
    HOLDING = "holding"
    POSTED = "posted"
    POST_SITE = "post_site"  # instead of POSTED when the review came from a connected site
    RELEASE = "release"
    HAND_OVER = "hand_over"
    CLOSE = "close"
    FOLLOWUP = "followup"
    REOPEN = "reopen"
    LESSON = "lesson"


B = CaseButton
LEADS_TO: dict[CaseButton, frozenset[Action]] = {
    B.VOTE_RESPOND: frozenset({Action.VOTE}),
    B.VOTE_IGNORE: frozenset({Action.VOTE}),
    B.OVERRIDE: frozenset({Action.DECIDE_RESPOND, Action.DECIDE_IGNORE}),
    B.REMIND_ME: frozenset({Action.REMIND}),
    B.CLAIM: frozenset({Action.CLAIM}),
    B.DRAFT: frozenset({Action.DRAFT}),
    B.HOLDING: frozenset({Action.DRAFT}),
    B.POSTED: frozenset({Action.POST_HOLDING, Action.POST_REPLY}),
    B.POST_SITE: frozenset({Action.POST_HOLDING, Action.POST_REPLY}),
    B.RELEASE: frozenset({Action.RELEASE}),
    B.HAND_OVER: frozenset({Action.HAND_OVER}),
    B.CLOSE: frozenset({Action.CLOSE, Action.DISMISS}),
    B.FOLLOWUP: frozenset({Action.FOLLOW_UP}),
    B.REOPEN: frozenset({Action.REOPEN, Action.REVOTE}),
    B.LESSON: frozenset({Action.LESSON}),
}

# A button shown instead of another when the case's review came from a connected site.
ON_SITE: dict[CaseButton, CaseButton] = {B.POSTED: B.POST_SITE}

# Per state, the card's buttons in order, with their style.
BUTTONS: dict[State, tuple[tuple[CaseButton, str | None], ...]] = {
    State.NEW: ((B.VOTE_RESPOND, "primary"), (B.VOTE_IGNORE, "danger"), (B.OVERRIDE, None),
                (B.REMIND_ME, None)),
    State.OPEN: ((B.CLAIM, "primary"), (B.DRAFT, None), (B.OVERRIDE, None), (B.REMIND_ME, None)),
    State.CLAIMED: ((B.DRAFT, "primary"), (B.HOLDING, None), (B.POSTED, None), (B.RELEASE, None),
                    (B.HAND_OVER, None), (B.CLOSE, None), (B.REMIND_ME, None)),
    State.REPLIED: ((B.FOLLOWUP, "primary"), (B.DRAFT, None), (B.CLOSE, None),
                    (B.REMIND_ME, None)),
    State.CLOSED: ((B.REOPEN, None),),
    State.IGNORED: ((B.REOPEN, None),),
}
