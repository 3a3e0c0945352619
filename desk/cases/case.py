"""The case: a forwarded review and the rules of its life.

Every change goes through one method per transition. Each asks the transition table
(`states.TRANSITIONS`) whether the case's state allows it and whether this actor may make
it, sets the state and every field that goes with it together, checks the invariants and
records a domain event. It does no I/O: what must happen because of a change (history,
reminders, themes, the lead's warning) reacts to the events after the flow (`desk.cases.bus`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.errors import UserError
from desk.actors import Actor
from desk.cases.states import TRANSITIONS, Action, State, Who, next_state
from storage.models import Case as CaseRow, Draft

OUTCOMES = ("satisfied", "went_quiet", "ignored")
DECISIONS = ("respond", "ignore")
REASONS = ("troll", "spam", "duplicate", "other")  # why a post is ignored


@dataclass(frozen=True)
class CaseEvent:
    """Something that happened to a case: what, by whom, when, from which state to which."""

    case_id: int
    action: Action
    actor: Actor
    at: datetime
    from_state: State | None
    to_state: State
    detail: dict = field(default_factory=dict)


class InvariantBroken(AssertionError):
    """A transition left the case in a shape no state allows: a bug, never a user error."""


class Case:
    def __init__(self, row: CaseRow) -> None:
        self.row = row
        self.events: list[CaseEvent] = []

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def state(self) -> State:
        return State(self.row.state)

    # ---- creation ---------------------------------------------------------------------------
    @classmethod
    def new_row(cls, *, by: Actor, at: datetime, **review: object) -> CaseRow:
        """The row of a review just forwarded: voting first."""
        return CaseRow(state=State.NEW.value, forwarded_by=by.member_id, forwarded_at=at,
                       last_activity_at=at, **review)

    @classmethod
    def forwarded(cls, row: CaseRow, *, by: Actor, at: datetime) -> "Case":
        """The case of a row `new_row` made and the database stored (its id known)."""
        case = cls(row)
        case._recorded(Action.FORWARD, by, at, None,
                       {"source": row.source, "link": row.link})
        return case

    @property
    def just_forwarded(self) -> bool:
        """Created in this unit of work: nobody has voted on it or drafted for it yet."""
        return any(event.action == Action.FORWARD for event in self.events)

    # ---- deciding ---------------------------------------------------------------------------
    def vote(self, *, by: Actor, at: datetime, choice: str, reason: str | None,
             tally: dict[str, list[str | None]], needed: int, changed_from: str | None) -> str | None:
        """Record a vote; the first option with `needed` votes decides. Returns the decision.

        `tally` maps each choice to the reasons of its votes, this one included.
        """
        self._allow(Action.VOTE, by)
        detail = {"choice": choice, "reason": reason}
        if changed_from:
            detail["was"] = changed_from
        self._recorded(Action.VOTE, by, at, self.state, detail)
        winner = next((c for c in DECISIONS if len(tally.get(c, ())) >= needed), None)
        if winner:
            self._decide(by, at, winner, _majority(tally["ignore"]) if winner == "ignore" else None)
        return winner

    def override(self, *, by: Actor, at: datetime, decision: str, reason: str | None) -> None:
        """The lead decides instead of the team."""
        if not by.is_lead:
            raise UserError("case.lead_only")
        self._decide(by, at, decision, reason)

    def _decide(self, by: Actor, at: datetime, decision: str, reason: str | None) -> None:
        action = Action(f"decide_{decision}")
        before = self._allow(action, by, who=Who.ANYONE)  # the vote, or the lead (checked above)
        row = self.row
        row.decision, row.decided_at = decision, at
        row.ignore_reason = reason if decision == "ignore" else None
        row.outcome, row.closed_at = ("ignored", at) if decision == "ignore" else (None, None)
        row.owner_id = row.claimed_at = None
        self._recorded(action, by, at, before, {"decision": decision, "reason": reason})

    # ---- owning -----------------------------------------------------------------------------
    def claim(self, *, by: Actor, at: datetime) -> None:
        if self.state == State.CLAIMED:
            key = "claim.yours" if self.row.owner_id == by.member_id else "claim.taken"
            raise UserError(key, case=self.id, owner_id=self.row.owner_id)
        before = self._allow(Action.CLAIM, by)
        self.row.owner_id, self.row.claimed_at = by.member_id, at
        self._recorded(Action.CLAIM, by, at, before)

    def release(self, *, by: Actor, at: datetime) -> None:
        before = self._allow(Action.RELEASE, by)
        self.row.owner_id = self.row.claimed_at = None
        self._recorded(Action.RELEASE, by, at, before)

    def may_hand_over(self, by: Actor) -> None:
        """Refuses before the form is shown, as the hand-over itself would."""
        self._allow(Action.HAND_OVER, by)

    def hand_over(self, *, by: Actor, at: datetime, to_member: int, to_user: str) -> None:
        before = self._allow(Action.HAND_OVER, by)
        if to_member == self.row.owner_id:
            raise UserError("handover.same", case=self.id)
        self.row.owner_id, self.row.claimed_at = to_member, at
        self._recorded(Action.HAND_OVER, by, at, before, {"to": to_user})

    # ---- writing and answering --------------------------------------------------------------
    def may_draft(self, by: Actor) -> None:
        self._allow(Action.DRAFT, by)

    def drafted(self, *, by: Actor, at: datetime, kind: str, version: int) -> None:
        before = self._allow(Action.DRAFT, by)
        self._recorded(Action.DRAFT, by, at, before, {"kind": kind, "version": version})

    def may_post(self, by: Actor) -> None:
        """The form to mark a version posted is for those who may post it."""
        self._authorise(Who.OWNER, by)

    def post(self, *, by: Actor, at: datetime, draft: Draft, link: str | None) -> None:
        """A version went public: a holding reply first, or the reply itself."""
        if draft.case_id != self.id:
            raise UserError("posted.error.version")
        if draft.posted_at:
            raise UserError("posted.already", case=self.id, version=draft.version)
        holding = draft.kind == "holding"
        action = Action.POST_HOLDING if holding else Action.POST_REPLY
        before = self._allow(action, by)
        draft.posted_at, draft.posted_link = at, link
        if holding:
            self.row.holding_at = self.row.holding_at or at
        else:
            self.row.replied_at, self.row.reply_link = at, link
            self.row.reply_version = draft.version
        self._recorded(action, by, at, before, {"version": draft.version, "link": link})

    # ---- after the reply --------------------------------------------------------------------
    def may_follow_up(self, by: Actor) -> None:
        self._allow(Action.FOLLOW_UP, by)

    def follow_up(self, *, by: Actor, at: datetime, kind: str, reaction: str | None,
                  quiet: bool) -> str | None:
        """A check-back with the customer. It closes the case when they are satisfied, or when
        it is the last unanswered one (`quiet`): we do not chase a customer who let it go.
        Returns the outcome when it closed."""
        before = self._allow(Action.FOLLOW_UP, by)
        self._recorded(Action.FOLLOW_UP, by, at, before, {"kind": kind, "reaction": reaction})
        outcome = "satisfied" if reaction == "satisfied" else \
            "went_quiet" if reaction == "none" and quiet else None
        if outcome:
            self._close(Action.CLOSE, by, at, outcome, None, None)
        return outcome

    def closing_outcomes(self, by: Actor) -> list[str]:
        """The outcomes this actor may close with now; refuses when there are none."""
        outcomes = [o for o in OUTCOMES if self.state in TRANSITIONS[_closing(o)].moves]
        if not outcomes:
            raise UserError("refused.close", state=self.state.value)
        self._authorise(Who.OWNER, by)
        return outcomes

    def close(self, *, by: Actor, at: datetime, outcome: str, reason: str | None = None,
              lesson: str | None = None) -> None:
        action = _closing(outcome)
        self._allow(action, by)
        self._close(action, by, at, outcome, reason, lesson)

    def _close(self, action: Action, by: Actor, at: datetime, outcome: str,
               reason: str | None, lesson: str | None) -> None:
        before = self.state
        next_state(before, action)
        row = self.row
        row.outcome, row.closed_at = outcome, at
        if outcome == "ignored":
            row.ignore_reason = reason
        if lesson:
            row.lesson = lesson
        self._recorded(action, by, at, before, {"outcome": outcome, "reason": reason})

    def reopen(self, *, by: Actor, at: datetime) -> Action:
        """A closed case goes back to following up (its owner's or the lead's call). An ignored
        one is the lead's to open; anyone else asks the team to vote again."""
        row = self.row
        if self.state == State.IGNORED and not by.is_lead:
            before = self._allow(Action.REVOTE, by)
            row.decision = row.decided_at = row.ignore_reason = None
            row.owner_id = row.claimed_at = row.outcome = row.closed_at = None
            self._recorded(Action.REVOTE, by, at, before)
            return Action.REVOTE
        before = self._allow(Action.REOPEN, by)
        row.outcome = row.closed_at = None
        if before == State.IGNORED:  # back to "to claim": whoever had it before let it go
            row.decision, row.ignore_reason, row.decided_at = "respond", None, at
            row.owner_id = row.claimed_at = None
        self._recorded(Action.REOPEN, by, at, before)
        return Action.REOPEN

    def remind(self, *, by: Actor, at: datetime, detail: dict) -> None:
        before = self._allow(Action.REMIND, by)
        self._recorded(Action.REMIND, by, at, before, detail)

    def may_remind(self, by: Actor) -> None:
        self._allow(Action.REMIND, by)

    def may_learn(self, by: Actor) -> None:
        self._allow(Action.LESSON, by)

    def learn(self, *, by: Actor, at: datetime, lesson: str) -> None:
        """How the complaint could have been prevented, written after closing."""
        before = self._allow(Action.LESSON, by)
        self.row.lesson = lesson
        self._recorded(Action.LESSON, by, at, before, {"lesson": lesson})

    def review_changed(self, *, by: Actor, at: datetime, text: str, content_key: str,
                       stars: int | None) -> dict:
        """The customer edited the review on its site: the case shows what it says now, in
        whatever state it is. Returns what changed (stars before and after, whether the text
        did), or nothing when nothing did."""
        row = self.row
        change: dict = {}
        if stars is not None and stars != row.stars:
            change["stars"] = [row.stars, stars]
            row.stars = stars
        if text != row.text:
            change["text"] = True
            row.text, row.content_key = text, content_key
        if change:
            before = self._allow(Action.REVIEW_CHANGED, by)
            self._recorded(Action.REVIEW_CHANGED, by, at, before, change)
        return change

    def review_deleted(self, *, by: Actor, at: datetime) -> None:
        """The site says the review is gone (the customer or the site removed it). The case
        and its history stay: only the thread is told."""
        before = self._allow(Action.REVIEW_DELETED, by)
        self._recorded(Action.REVIEW_DELETED, by, at, before)

    # ---- the rules --------------------------------------------------------------------------
    def _allow(self, action: Action, by: Actor, who: Who | None = None) -> State:
        """The state now, when `action` may happen to it, by `by`; else a refusal."""
        before = self.state
        next_state(before, action)
        self._authorise(who or TRANSITIONS[action].who_may(before), by)
        return before

    def _authorise(self, who: Who, by: Actor) -> None:
        if who == Who.ANYONE or (who == Who.PERSON and by.member_id is not None):
            return
        if who == Who.OWNER and (by.is_lead or (by.member_id is not None
                                                and by.member_id == self.row.owner_id)):
            return
        if who in (Who.LEAD, Who.TEAM) and by.is_lead:
            return
        if who == Who.OWNER:
            raise UserError("case.not_owner", case=self.id, owner_id=self.row.owner_id)
        raise UserError("case.person_only" if who == Who.PERSON else "case.lead_only")

    def _recorded(self, action: Action, by: Actor, at: datetime, before: State | None,
                  detail: dict | None = None) -> None:
        after = State(self.row.state) if action == Action.FORWARD else next_state(before, action)
        self.row.state, self.row.last_activity_at = after.value, at
        check_invariants(self.row)
        self.events.append(CaseEvent(self.id, action, by, at, before, after, detail or {}))


def _closing(outcome: str) -> Action:
    if outcome not in OUTCOMES:
        raise UserError("close.error.outcome")
    return Action.DISMISS if outcome == "ignored" else Action.CLOSE


def _majority(reasons: list[str | None]) -> str:
    given = [r for r in reasons if r]
    return max(REASONS, key=given.count) if given else "other"


def check_invariants(row: CaseRow) -> None:
    """What every state promises about the fields that go with it."""
    state = State(row.state)
    problems = []
    if state in (State.CLAIMED, State.REPLIED) and row.owner_id is None:
        problems.append("an owned state without an owner")
    if state in (State.NEW, State.OPEN) and (row.owner_id is not None or row.outcome):
        problems.append("an unowned, open state with an owner or an outcome")
    if state in (State.REPLIED, State.CLOSED) and not (row.replied_at and row.reply_version):
        problems.append("a replied case without its posted version")
    if state == State.CLOSED and row.outcome not in ("satisfied", "went_quiet"):
        problems.append("a closed case without its outcome")
    if state == State.IGNORED and row.outcome != "ignored":
        problems.append("an ignored case not marked ignored")
    if (state in (State.CLOSED, State.IGNORED)) != bool(row.closed_at):
        problems.append("closed_at does not match the state")
    if state in (State.OPEN, State.CLAIMED) and row.decision != "respond":
        problems.append("a case to answer without the decision to respond")
    if problems:
        raise InvariantBroken(f"case #{row.id} ({state}): " + "; ".join(problems))
