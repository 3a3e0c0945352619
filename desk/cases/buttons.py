"""The buttons a case shows: their names, and the transitions each leads to.

A card shows a button only in a state where one of its transitions is allowed; the router
answers each; both languages label each (tests/test_buttons.py holds all three).
"""
from __future__ import annotations

from enum import StrEnum

from desk.cases.states import Action


class CaseButton(StrEnum):
    VOTE_RESPOND = "vote_respond"
    VOTE_IGNORE = "vote_ignore"
    OVERRIDE = "override"
    REMIND_ME = "remind_me"
    CLAIM = "claim"
    DRAFT = "draft"
    HOLDING = "holding"
    POSTED = "posted"
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
    B.RELEASE: frozenset({Action.RELEASE}),
    B.HAND_OVER: frozenset({Action.HAND_OVER}),
    B.CLOSE: frozenset({Action.CLOSE, Action.DISMISS}),
    B.FOLLOWUP: frozenset({Action.FOLLOW_UP}),
    B.REOPEN: frozenset({Action.REOPEN, Action.REVOTE}),
    B.LESSON: frozenset({Action.LESSON}),
}
