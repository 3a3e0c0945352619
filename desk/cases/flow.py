"""What every case flow does around its transition: find the case an event is about, and
answer with the refreshed card, a note in the case's thread and what the reactions said."""
from __future__ import annotations

from bot.errors import UserError
from bot.messages import Outbound
from desk.cases.bus import settle
from desk.cases.cards import case_card, thread_post
from desk.cases.case import Case
from desk.turn import Turn
from storage import repo


def case_id_from(value: str) -> int:
    text = (value or "").strip().lstrip("#")
    if text.startswith("case:"):
        text = text[5:]
    if not text.isdigit() or len(text) > 12:
        raise UserError("case.unknown", case=value.strip()[:20] or "?")
    return int(text)


def load_case(turn: Turn, value: str) -> Case:
    row = repo.get_case(turn.session, team_id=turn.team.id, case_id=case_id_from(value))
    if row is None:
        raise UserError("case.unknown", case=value.strip()[:20])
    return Case(row)


def updated(turn: Turn, case: Case, note: str | None = None, **values: object) -> list[Outbound]:
    """Settle the case's changes; the refreshed card, a note in the thread saying what
    happened, and the reactions' messages."""
    fresh = case.just_forwarded  # settling hands the events on
    reactions = settle(turn, case)
    out: list[Outbound] = [case_card(turn, case.row, fresh=fresh)]
    if note:
        out.append(thread_post(case.id, turn.tt(note, who=turn.who, case=case.id, **values)))
    return out + reactions
