"""A person's own overview (Slack's App Home): their open cases, cases waiting for a vote and
cases past their deadline, each with the button that moves it on.

"Past the deadline", for now: not yet answered, and nothing happened since the end of the
working day the review was forwarded on (the team answers on the day a review comes in).
"""
from __future__ import annotations

from datetime import datetime
from typing import Sequence

from bot.events import HomeOpened
from bot.messages import Button, Home, HomeLine, HomeSection, Outbound
from desk.reminders.calendar import WorkCalendar, team_calendar
from desk.cases.cards import BUTTONS, local, stars
from desk.turn import Turn
from desk.cases.states import State
from storage import repo
from storage.models import Case

UNANSWERED = (State.NEW, State.OPEN, State.CLAIMED)


def show(turn: Turn, event: HomeOpened) -> list[Outbound]:
    team = turn.team
    calendar = team_calendar(team)
    cases = repo.open_cases(turn.session, team_id=team.id)
    return [Home([
        section(turn, "mine", [c for c in cases if c.owner_id == turn.me.id]),
        section(turn, "voting", [c for c in cases if c.state == State.NEW]),
        section(turn, "late", [c for c in cases if past_deadline(c, calendar, turn.now)]),
    ])]


def past_deadline(case: Case, calendar: WorkCalendar, now: datetime) -> bool:
    if State(case.state) not in UNANSWERED:
        return False
    deadline = calendar.end_of_working_day(case.forwarded_at)
    return now > deadline and case.last_activity_at <= deadline


def section(turn: Turn, name: str, cases: Sequence[Case]) -> HomeSection:
    return HomeSection(turn.t(f"home.{name}.title", n=len(cases)),
                       [line(turn, case) for case in cases], turn.t(f"home.{name}.empty"))


def line(turn: Turn, case: Case) -> HomeLine:
    action, style = BUTTONS[State(case.state)][0]
    text = turn.t("home.line", case=case.id, source=turn.t(f"source.{case.source}"),
                  stars=stars(case.stars), customer=case.customer or "—",
                  state=turn.t(f"state.{case.state}"),
                  activity=local(turn, case.last_activity_at))
    return HomeLine(text, Button(action, turn.s(f"button.{action}"), str(case.id), style))
