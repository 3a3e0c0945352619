"""A case's card and what happened to it, shown again on request: for a channel that has lost
them (a console that was restarted) or a person who wants the whole story in one place."""
from __future__ import annotations

import json

from bot.events import ButtonClick
from bot.messages import Outbound, ThreadPost
from desk.cases.cards import case_card, case_key, local
from desk.cases.flow import load_case
from desk.turn import Turn
from storage import repo

ACTION = "show"


def show(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    history = repo.history_for(turn.session, case_id=case.id)
    people = repo.members_by_id(turn.session, ids=[h.actor_id for h in history if h.actor_id])
    lines = []
    for row in history:
        detail = json.loads(row.detail) if row.detail else {}
        choice = detail.get("choice")
        what = turn.s(f"history.{row.action}",
                      choice=turn.s(f"decision.{choice}") if choice in ("respond", "ignore")
                      else "")
        member = people.get(row.actor_id) if row.actor_id else None
        who = (member.name or member.user_id) if member else turn.s("history.desk")
        lines.append(turn.s("history.line", when=local(turn, row.at), who=who, what=what))
    return [case_card(turn, case.row),
            ThreadPost(case_key(case.id), "\n".join([turn.s("history.title", case=case.id)]
                                                    + lines))]
