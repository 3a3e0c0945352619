"""Loading a case for an event, and changing it: the only way a case's state moves.

`change` asks the state machine, moves the state, stamps the activity time, writes the
history row and plans the case's reminders, so no handler can skip the rules or forget the
audit trail.
"""
from __future__ import annotations

from bot.errors import UserError
from bot.messages import Outbound, ThreadPost
from desk.cases.cards import case_card, case_key
from desk.turn import Turn
from desk.reminders.schedule import changed as plan_reminders
from desk.cases.states import next_state
from storage import repo
from storage.models import Case


def case_id_from(value: str) -> int:
    text = (value or "").strip().lstrip("#")
    if text.startswith("case:"):
        text = text[5:]
    if not text.isdigit() or len(text) > 12:
        raise UserError("case.unknown", case=value.strip()[:20] or "?")
    return int(text)


def load_case(turn: Turn, value: str) -> Case:
    case = repo.get_case(turn.session, team_id=turn.team.id, case_id=case_id_from(value))
    if case is None:
        raise UserError("case.unknown", case=value.strip()[:20])
    return case


def change(turn: Turn, case: Case, action: str, detail: dict | None = None) -> None:
    before = case.state
    case.state = next_state(before, action).value
    case.last_activity_at = turn.now
    turn.session.add(case)
    repo.record(turn.session, case_id=case.id, actor_id=turn.me.id, action=action,
                from_state=before, to_state=case.state, now=turn.now, detail=detail)
    turn.session.flush()  # a concurrent change fails here, before the reminders are touched
    plan_reminders(turn, case, action, detail)


def updated(turn: Turn, case: Case, note: str | None = None, **values: object) -> list[Outbound]:
    """The refreshed card, and a note in the case's thread saying what happened."""
    out: list[Outbound] = [case_card(turn, case)]
    if note:
        out.append(ThreadPost(case_key(case.id), turn.tt(note, who=turn.me.name, case=case.id,
                                                          **values)))
    return out


def require_owner(turn: Turn, case: Case, *, lead_too: bool = True) -> None:
    if case.owner_id == turn.me.id or (lead_too and turn.is_lead()):
        return
    owner = repo.members_by_id(turn.session, ids=[case.owner_id]).get(case.owner_id) \
        if case.owner_id else None
    raise UserError("case.not_owner", case=case.id, owner=owner.name if owner else "—")

