"""The case's state machine: every state, every transition and who may make it, in one place.

    new ──respond──► open ──claim──► claimed ──post_reply──► replied ──close──► closed
     │   ▲            ▲ ◄──release──┘                          │                  │
     │   └─revote─┐   │                                        │                  │
     └──ignore──► ignored ◄────────────── dismiss ─────────────┴──────────────────┘ (reopen)

Who may: ANYONE (a person of the team, the review desk itself, an integration); a PERSON of
the team; the OWNER or the lead; the LEAD alone; the TEAM, by its vote (or the lead,
overriding it).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.errors import UserError


class State(StrEnum):
    NEW = "new"            # forwarded, the team is voting
    OPEN = "open"          # decided: respond; nobody has claimed it yet
    CLAIMED = "claimed"    # one person owns it and is drafting
    REPLIED = "replied"    # the public reply is posted; following up with the customer
    CLOSED = "closed"      # satisfied or went quiet
    IGNORED = "ignored"    # troll, spam, duplicate: kept, never deleted


class Action(StrEnum):
    FORWARD = "forward"
    VOTE = "vote"
    DECIDE_RESPOND = "decide_respond"
    DECIDE_IGNORE = "decide_ignore"
    CLAIM = "claim"
    RELEASE = "release"
    HAND_OVER = "hand_over"
    DRAFT = "draft"
    POST_HOLDING = "post_holding"
    POST_REPLY = "post_reply"
    FOLLOW_UP = "follow_up"
    CLOSE = "close"
    DISMISS = "dismiss"
    REOPEN = "reopen"
    REVOTE = "revote"
    REMIND = "remind"
    LESSON = "lesson"
    REVIEW_CHANGED = "review_changed"  # the customer edited the review on its site
    REVIEW_DELETED = "review_deleted"  # the site says the review is gone; the case stays


class Who(StrEnum):
    ANYONE = "anyone"  # any person of the team, the review desk itself, an integration
    PERSON = "person"  # any person of the team (a vote, a claim, a draft is somebody's)
    OWNER = "owner"   # the case's owner, or the lead
    LEAD = "lead"
    TEAM = "team"     # the team's vote, or the lead's override


@dataclass(frozen=True)
class Rule:
    moves: dict[State, State]
    who: Who
    who_from: dict[State, Who] = field(default_factory=dict)  # exceptions by starting state

    def who_may(self, state: State) -> Who:
        return self.who_from.get(state, self.who)


N, O, C, R, X, I = State.NEW, State.OPEN, State.CLAIMED, State.REPLIED, State.CLOSED, State.IGNORED
A = Action

TRANSITIONS: dict[Action, Rule] = {
    A.FORWARD: Rule({}, Who.ANYONE),  # creates the case in NEW
    A.VOTE: Rule({N: N}, Who.PERSON),
    A.DECIDE_RESPOND: Rule({N: O, I: O}, Who.TEAM),
    A.DECIDE_IGNORE: Rule({N: I, O: I}, Who.TEAM),
    A.CLAIM: Rule({O: C}, Who.PERSON),
    A.RELEASE: Rule({C: O}, Who.OWNER),
    A.HAND_OVER: Rule({C: C}, Who.OWNER),
    A.DRAFT: Rule({N: N, O: O, C: C, R: R}, Who.PERSON),
    A.POST_HOLDING: Rule({C: C}, Who.OWNER),
    A.POST_REPLY: Rule({C: R}, Who.OWNER),
    A.FOLLOW_UP: Rule({R: R}, Who.ANYONE),
    A.CLOSE: Rule({R: X}, Who.OWNER),
    A.DISMISS: Rule({O: I, C: I, R: I}, Who.OWNER),  # a new case is ignored by the vote
    A.REOPEN: Rule({X: R, I: O}, Who.OWNER, {I: Who.LEAD}),  # overturning a vote is the lead's
    A.REVOTE: Rule({I: N}, Who.PERSON),  # anyone else may ask the team to vote again
    A.REMIND: Rule({N: N, O: O, C: C, R: R}, Who.ANYONE),
    A.LESSON: Rule({X: X, I: I}, Who.OWNER),  # how it could have been prevented
    A.REVIEW_CHANGED: Rule({s: s for s in State}, Who.ANYONE),  # whatever the case's state
    A.REVIEW_DELETED: Rule({s: s for s in State}, Who.ANYONE),
}

OPEN_STATES = frozenset({N, O, C, R})


def allowed(state: str, action: str) -> bool:
    return State(state) in TRANSITIONS[Action(action)].moves


def next_state(state: str, action: str) -> State:
    """The state after `action`, or a refusal the person sees (the case is not changed)."""
    try:
        return TRANSITIONS[Action(action)].moves[State(state)]
    except KeyError:
        raise UserError(f"refused.{action}", state=State(state).value) from None
