"""Step 3: one person claims the case, so it is answered once, by a named employee.

A claim is a conditional update on the case's version: when two people click at once, the
database lets one win and the other is told who owns it.
"""
from __future__ import annotations

from bot.errors import UserError
from bot.events import ButtonClick, FormSubmit
from bot.messages import Form, FormErrors, Input, Outbound
from desk.cases.case import change, load_case, require_owner, updated
from desk.turn import Turn
from desk.cases.states import State, next_state
from storage import repo

HANDOVER_FORM = "hand_over"


def claim(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    if case.state == State.CLAIMED:
        owner = repo.members_by_id(turn.session, ids=[case.owner_id])[case.owner_id]
        key = "claim.yours" if owner.id == turn.me.id else "claim.taken"
        raise UserError(key, case=case.id, owner=owner.name or owner.user_id)
    change(turn, case, "claim")
    case.owner_id, case.claimed_at = turn.me.id, turn.now
    return updated(turn, case, "note.claimed")


def release(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    if case.state == State.CLAIMED:
        require_owner(turn, case)
    change(turn, case, "release")
    case.owner_id = case.claimed_at = None
    return updated(turn, case, "note.released")


def hand_over(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    if case.state == State.CLAIMED:
        require_owner(turn, case)
    next_state(case.state, "hand_over")  # refuses when nobody owns it yet
    return [Form(HANDOVER_FORM, turn.s("handover.form.title", case=case.id),
                 [Input("to", turn.s("handover.form.to"), kind="user")],
                 turn.s("handover.form.submit"), context=str(case.id))]


def hand_over_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    target = (event.values.get("to") or "").strip().lstrip("@")
    if not target:
        return [FormErrors({"to": turn.s("handover.error.empty")})]
    case = load_case(turn, event.context)
    if case.state == State.CLAIMED:
        require_owner(turn, case)
    new_owner = repo.get_or_create_member(turn.session, team_id=turn.team.id, user_id=target,
                                          name=event.values.get("to_name") or "")
    if new_owner.id == case.owner_id:
        raise UserError("handover.same", case=case.id)
    change(turn, case, "hand_over", {"to": new_owner.user_id})
    case.owner_id, case.claimed_at = new_owner.id, turn.now
    return updated(turn, case, "note.handed_over", to=new_owner.name or new_owner.user_id)
