"""Planning a case's reminders as it moves: the reaction to each of a case's events
(`desk.cases.bus`), a snooze included."""
from __future__ import annotations

from datetime import datetime

from desk.cases.states import Action
from desk.reminders import rules
from desk.reminders.calendar import team_calendar
from desk.turn import Turn
from storage import reminders
from storage.models import Case


def apply(turn: Turn, case: Case, plan: rules.Plan, target: str | None = None) -> None:
    reminders.cancel(turn.session, case_id=case.id, kinds=plan.cancel)
    reminders.schedule(turn.session, case_id=case.id, steps=plan.schedule, target=target,
                       created_by=turn.actor.member_id)


def forwarded(turn: Turn, case: Case) -> None:
    apply(turn, case, rules.on_forward(team_calendar(turn.team), case.forwarded_at))


def changed(turn: Turn, case: Case, action: str, detail: dict | None) -> None:
    if action == Action.REMIND:  # a snooze: a reminder for the person who asked
        due = datetime.fromisoformat(detail["at"])
        apply(turn, case, rules.Plan(schedule=((rules.Kind.SNOOZE, due),)), target=detail["for"])
        return
    apply(turn, case, rules.on_change(team_calendar(turn.team), action, case.state, detail,
                                      turn.now))


def working_moment(turn: Turn, when: datetime) -> datetime:
    """The first working moment from `when`, in the team's calendar."""
    return rules.place(team_calendar(turn.team), when)
