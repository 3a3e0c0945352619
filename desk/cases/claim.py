"""Step 3: one person claims the case, so it is answered once, by a named employee.

A claim is a conditional update on the case's version: when two people click at once, the
database lets one win and the other is told who owns it.
"""
from __future__ import annotations

from typing import Mapping

from bot.events import ButtonClick, FormSubmit
from bot.messages import Form, FormErrors, Input, Outbound
from bot.router import Say
from desk.cases.flow import load_case, updated
from desk.turn import Turn
from storage import repo

HANDOVER_FORM = "hand_over"


def claim(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    case.claim(by=turn.actor, at=turn.now)
    return updated(turn, case, "note.claimed")


def release(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    case.release(by=turn.actor, at=turn.now)
    return updated(turn, case, "note.released")


def hand_over(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    case.may_hand_over(turn.actor)
    return [Form(HANDOVER_FORM, turn.s("handover.form.title", case=case.id),
                 [Input("to", turn.s("handover.form.to"), kind="user")],
                 turn.s("handover.form.submit"), context=str(case.id))]


def hand_over_problems(v: Mapping[str, str], s: Say) -> dict[str, str]:
    return {} if (v.get("to") or "").strip().lstrip("@") else {"to": s("handover.error.empty")}


def hand_over_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    target = (event.values.get("to") or "").strip().lstrip("@")
    if problems := hand_over_problems(event.values, turn.s):
        return [FormErrors(problems)]
    case = load_case(turn, event.context)
    case.may_hand_over(turn.actor)
    new_owner = repo.get_or_create_member(turn.session, team_id=turn.team.id, user_id=target,
                                          name=event.values.get("to_name") or "")
    case.hand_over(by=turn.actor, at=turn.now, to_member=new_owner.id, to_user=new_owner.user_id)
    return updated(turn, case, "note.handed_over", to=new_owner.name or new_owner.user_id)
