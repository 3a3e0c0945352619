"""Planning a case's reminders as it moves: called when a case is forwarded, on every state
change (from `desk.cases.case.change`) and when someone asks to be reminded."""
from __future__ import annotations

from datetime import datetime

from desk.reminders import rules
from desk.reminders.calendar import team_calendar
from desk.turn import Turn
from storage import reminders
from storage.models import Case


def apply(turn: Turn, case: Case, plan: rules.Plan, target: str | None = None) -> None:
    reminders.cancel(turn.session, case_id=case.id, kinds=plan.cancel)
    for kind, due in plan.schedule:
        reminders.schedule(turn.session, case_id=case.id, kind=kind, due_at=due, target=target,
                           created_by=turn.me.id)


def forwarded(turn: Turn, case: Case) -> None:
    apply(turn, case, rules.on_forward(team_calendar(turn.team), case.forwarded_at))


def changed(turn: Turn, case: Case, action: str, detail: dict | None) -> None:
    apply(turn, case, rules.on_change(team_calendar(turn.team), action, case.state, detail,
                                      turn.now))


def snoozed(turn: Turn, case: Case, when: datetime) -> datetime:
    """A reminder for the person who asked, at the first working moment from `when`."""
    due = rules.place(team_calendar(turn.team), when)
    apply(turn, case, rules.Plan(schedule=(("snooze", due),)), target=turn.me.user_id)
    return due
