"""Step 2: the team votes respond or ignore; a lead may override.

One vote per member (a unique key), changeable until the case is decided, and the thread
says when a vote changed. The first option to reach the team's number of votes wins; a team
of one decides alone. Ignored cases are kept: the lead can open one, anyone else can ask the
team to vote again.
"""
from __future__ import annotations

from typing import Mapping

from bot.errors import UserError
from bot.events import ButtonClick, FormSubmit
from bot.messages import Choice, Form, FormErrors, Input, Notice, Outbound
from bot.router import Say
from desk.cases.case import DECISIONS, REASONS, Case
from desk.cases.flow import load_case, updated
from desk.cases.states import Action, allowed, next_state
from desk.turn import Turn
from storage import repo

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
    next_state(case.state, Action.VOTE)
    return [Form(IGNORE_FORM, turn.s("vote.form.title", case=case.id), [reason_input(turn, True)],
                 turn.s("vote.form.submit"), context=str(case.id))]


def ignore_problems(v: Mapping[str, str], s: Say) -> dict[str, str]:
    return {} if v.get("reason", "") in REASONS else {"reason": s("vote.error.reason")}


def ignore_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    if problems := ignore_problems(event.values, turn.s):
        return [FormErrors(problems)]
    return cast_vote(turn, load_case(turn, event.context), "ignore", event.values["reason"])


def cast_vote(turn: Turn, case: Case, choice: str, reason: str | None) -> list[Outbound]:
    next_state(case.state, Action.VOTE)
    was = repo.set_vote(turn.session, case_id=case.id, member_id=turn.me.id, choice=choice,
                        reason=reason, now=turn.now)
    if was == (choice, reason):
        return [Notice(turn.t("vote.already", case=case.id, choice=turn.t(f"decision.{choice}")))]
    tally = {c: [v.reason for v in repo.votes_for(turn.session, case_id=case.id) if v.choice == c]
             for c in DECISIONS}
    winner = case.vote(by=turn.actor, at=turn.now, choice=choice, reason=reason, tally=tally,
                       needed=votes_needed(turn), changed_from=was[0] if was else None)
    if winner:
        reason = case.row.ignore_reason
        return updated(turn, case, f"note.decided_{winner}",
                       reason=turn.tt(f"reason.{reason}") if reason else "")
    if was:
        return updated(turn, case, "note.vote_changed", choice=turn.tt(f"decision.{choice}"),
                       was=turn.tt(f"decision.{was[0]}"))
    return updated(turn, case, "note.voted", choice=turn.tt(f"decision.{choice}"))


def votes_needed(turn: Turn) -> int:
    """The team's setting; fewer when fewer people can see the channel (a team of one)."""
    audience = turn.event.place.audience if turn.event else None
    return max(1, min(turn.team.votes_needed, audience or turn.team.votes_needed))


def override(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    _require_lead(turn)
    if not (allowed(case.state, Action.DECIDE_RESPOND) or allowed(case.state, Action.DECIDE_IGNORE)):
        raise UserError("refused.override", state=case.state.value)
    return [Form(OVERRIDE_FORM, turn.s("override.form.title", case=case.id), [
        Input("decision", turn.s("override.form.decision"), kind="select",
              choices=[Choice(d, turn.s(f"decision.{d}")) for d in DECISIONS]),
        reason_input(turn, False),
    ], turn.s("override.form.submit"), context=str(case.id))]


def override_problems(v: Mapping[str, str], s: Say) -> dict[str, str]:
    decision, reason = v.get("decision", ""), v.get("reason") or None
    if decision not in DECISIONS:
        return {"decision": s("override.error.decision")}
    if decision == "ignore" and reason not in REASONS:
        return {"reason": s("vote.error.reason")}
    return {}


def override_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    _require_lead(turn)
    decision, reason = event.values.get("decision", ""), event.values.get("reason") or None
    if problems := override_problems(event.values, turn.s):
        return [FormErrors(problems)]
    case = load_case(turn, event.context)
    case.override(by=turn.actor, at=turn.now, decision=decision, reason=reason)
    return updated(turn, case, f"note.override_{decision}",
                   reason=turn.tt(f"reason.{reason}") if reason else "")


def reopen(turn: Turn, event: ButtonClick) -> list[Outbound]:
    """Reopen a closed or ignored case: ignored ones are kept exactly for this."""
    case = load_case(turn, event.value)
    how = case.reopen(by=turn.actor, at=turn.now)
    return updated(turn, case, "note.revote" if how == Action.REVOTE else "note.reopened")


def _require_lead(turn: Turn) -> None:
    """The form is the lead's: say so before it opens (and say when there is no lead yet)."""
    if not turn.team.lead:
        raise UserError("override.no_lead")
    if not turn.is_lead():
        raise UserError("override.not_lead")
