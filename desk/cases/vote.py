"""Step 2: the team votes respond or ignore; a lead may override.

One vote per member (a unique key), changeable until the case is decided. The first option
to reach the team's number of votes wins; a team of one decides alone. Ignored cases are
kept and can be reopened.
"""
from __future__ import annotations

from bot.errors import UserError
from bot.events import ButtonClick, FormSubmit
from bot.messages import Choice, Form, FormErrors, Input, Notice, Outbound
from desk.cases.case import change, load_case, updated
from desk.turn import Turn
from desk.cases.states import State, allowed, next_state
from storage import repo
from storage.models import Case

REASONS = ("troll", "spam", "duplicate", "other")
IGNORE_FORM = "ignore_vote"
OVERRIDE_FORM = "override"


def reason_input(turn: Turn, required: bool) -> Input:
    return Input("reason", turn.s("vote.form.reason"), kind="select", required=required,
                 choices=[Choice(r, turn.s(f"reason.{r}")) for r in REASONS])


def vote_respond(turn: Turn, event: ButtonClick) -> list[Outbound]:
    return cast_vote(turn, load_case(turn, event.value), "respond", None)


def vote_ignore(turn: Turn, event: ButtonClick) -> list[Outbound]:
    """Ignoring asks why first: troll, spam, duplicate or other."""
    case = load_case(turn, event.value)
    next_state(case.state, "vote")
    return [Form(IGNORE_FORM, turn.s("vote.form.title", case=case.id), [reason_input(turn, True)],
                 turn.s("vote.form.submit"), context=str(case.id))]


def ignore_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    reason = event.values.get("reason", "")
    if reason not in REASONS:
        return [FormErrors({"reason": turn.s("vote.error.reason")})]
    return cast_vote(turn, load_case(turn, event.context), "ignore", reason)


def cast_vote(turn: Turn, case: Case, choice: str, reason: str | None) -> list[Outbound]:
    next_state(case.state, "vote")
    if not repo.set_vote(turn.session, case_id=case.id, member_id=turn.me.id, choice=choice,
                         reason=reason, now=turn.now):
        return [Notice(turn.t("vote.already", case=case.id, choice=turn.t(f"decision.{choice}")))]
    change(turn, case, "vote", {"choice": choice, "reason": reason})
    votes = repo.votes_for(turn.session, case_id=case.id)
    needed = votes_needed(turn)
    tally = {c: [v for v in votes if v.choice == c] for c in ("respond", "ignore")}
    winner = next((c for c in ("respond", "ignore") if len(tally[c]) >= needed), None)
    if winner is None:
        return updated(turn, case, "note.voted", choice=turn.tt(f"decision.{choice}"))
    reason = _majority_reason(tally["ignore"]) if winner == "ignore" else None
    decide(turn, case, winner, reason)
    return updated(turn, case, f"note.decided_{winner}",
                   reason=turn.tt(f"reason.{reason}") if reason else "")


def votes_needed(turn: Turn) -> int:
    """The team's setting; fewer when fewer people can see the channel (a team of one)."""
    audience = turn.event.place.audience
    return max(1, min(turn.team.votes_needed, audience or turn.team.votes_needed))


def _majority_reason(votes) -> str:
    reasons = [v.reason for v in votes if v.reason]
    return max(REASONS, key=reasons.count) if reasons else "other"


def decide(turn: Turn, case: Case, decision: str, reason: str | None) -> None:
    change(turn, case, f"decide_{decision}", {"decision": decision, "reason": reason})
    case.decision, case.decided_at = decision, turn.now
    case.ignore_reason = reason if decision == "ignore" else None
    if decision == "ignore":
        case.outcome, case.closed_at = "ignored", turn.now
    else:
        case.outcome = case.closed_at = None
    turn.session.add(case)


def override(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    _require_lead(turn)
    if not (allowed(case.state, "decide_respond") or allowed(case.state, "decide_ignore")):
        raise UserError("refused.override", state=case.state)
    return [Form(OVERRIDE_FORM, turn.s("override.form.title", case=case.id), [
        Input("decision", turn.s("override.form.decision"), kind="select",
              choices=[Choice(d, turn.s(f"decision.{d}")) for d in ("respond", "ignore")]),
        reason_input(turn, False),
    ], turn.s("override.form.submit"), context=str(case.id))]


def override_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    _require_lead(turn)
    decision, reason = event.values.get("decision", ""), event.values.get("reason") or None
    if decision not in ("respond", "ignore"):
        return [FormErrors({"decision": turn.s("override.error.decision")})]
    if decision == "ignore" and reason not in REASONS:
        return [FormErrors({"reason": turn.s("vote.error.reason")})]
    case = load_case(turn, event.context)
    decide(turn, case, decision, reason)
    return updated(turn, case, f"note.override_{decision}",
                   reason=turn.tt(f"reason.{reason}") if reason else "")


def reopen(turn: Turn, event: ButtonClick) -> list[Outbound]:
    """Reopen a closed or ignored case: ignored ones are kept exactly for this."""
    case = load_case(turn, event.value)
    was = case.state
    change(turn, case, "reopen")
    case.outcome = case.closed_at = None
    if was == State.IGNORED:  # back to "to claim": whoever had it before has let it go
        case.decision, case.ignore_reason, case.decided_at = "respond", None, turn.now
        case.owner_id = case.claimed_at = None
    turn.session.add(case)
    return updated(turn, case, "note.reopened")


def _require_lead(turn: Turn) -> None:
    if not turn.team.lead:
        raise UserError("override.no_lead")
    if not turn.is_lead():
        raise UserError("override.not_lead")
