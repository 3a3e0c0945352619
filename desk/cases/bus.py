"""What happens because a case changed: each reaction subscribes to the events it cares about.

A flow makes its transitions, then `settle` stores the case (one UPDATE, which is where a
concurrent change is found) and runs the reactions of every recorded event in the same unit
of work, so the history, the reminders and the case never disagree. Reactions may return
messages (the lead's warning), sent with the flow's own.
"""
from __future__ import annotations

from typing import Callable, Sequence

from bot.messages import Outbound
from desk.advice import hints
from desk.advice.ai.job import queue_draft
from desk.cases.case import Case, CaseEvent
from desk.cases.states import Action
from desk.reminders import schedule
from desk.turn import Turn
from storage import repo
from storage.models import Case as CaseRow

Reaction = Callable[[Turn, CaseRow, CaseEvent], Sequence[Outbound] | None]


def write_history(turn: Turn, row: CaseRow, event: CaseEvent) -> None:
    """Every change leaves a row: who, what, when (DESIGN: the history is what reports read)."""
    detail = dict(event.detail)
    if event.actor.label():
        detail["by"] = event.actor.label()
    repo.record(turn.session, case_id=row.id, actor_id=event.actor.member_id,
                action=event.action.value, now=event.at, detail=detail or None,
                from_state=event.from_state.value if event.from_state else None,
                to_state=event.to_state.value)


def plan_reminders(turn: Turn, row: CaseRow, event: CaseEvent) -> None:
    if event.action == Action.FORWARD:
        schedule.forwarded(turn, row)
    else:
        schedule.changed(turn, row, event.action.value, event.detail)


def tag_themes(turn: Turn, row: CaseRow, event: CaseEvent) -> None:
    hints.tag(turn, row)


def warn_lead(turn: Turn, row: CaseRow, event: CaseEvent) -> Sequence[Outbound]:
    return hints.warn_lead(turn, row, turn.review_channel())


def clear_votes(turn: Turn, row: CaseRow, event: CaseEvent) -> None:
    """The team votes again from nothing; the old votes stay in the history."""
    repo.clear_votes(turn.session, case_id=row.id)


# (the actions it reacts to, or None for every one; the reaction), in the order they run
REACTIONS: tuple[tuple[frozenset[Action] | None, Reaction], ...] = (
    (None, write_history),
    (None, plan_reminders),
    (frozenset({Action.FORWARD}), tag_themes),
    (frozenset({Action.FORWARD}), warn_lead),
    (frozenset({Action.REVOTE}), clear_votes),
    (frozenset({Action.DECIDE_RESPOND}), queue_draft),
)


def settle(turn: Turn, case: Case) -> list[Outbound]:
    """Store the case and run the reactions to what it recorded; their messages, in order."""
    turn.session.add(case.row)
    turn.session.flush()
    out: list[Outbound] = []
    events, case.events = case.events, []
    for event in events:
        for actions, react in REACTIONS:
            if actions is None or event.action in actions:
                out += react(turn, case.row, event) or ()
    return out
