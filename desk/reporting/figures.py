"""The figures a team lead reads (DOMAIN step 8): how fast the team answers, how cases end,
what keeps coming back and what the team learned, for the cases forwarded in a period.

Open cases are the exception: "open now" counts every open case, also older ones, and says
how many of them are older than the period.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil, floor
from typing import NamedTuple, Sequence

from sqlmodel import Session

from desk.reminders.calendar import team_calendar
from desk.reporting.timeline import WorkingTimeline
from desk.cases.vote import REASONS
from storage import reports
from storage.models import Team
from storage.repo import members_by_id
from storage.reports import Counts

TOP_THEMES = 5
RECURRING_CUSTOMERS = 3  # different customers raising one theme...
RECURRING_WINDOW = timedelta(days=30)  # ...within this long: not trolls, a real problem
CASES_SHOWN = 8
LESSONS_SHOWN = 20


class Answer(NamedTuple):
    forwarded: float  # epoch seconds
    working_seconds: float
    same_day: bool


@dataclass(frozen=True)
class Recurring:
    theme: str
    cases: int
    recent: Sequence[int]  # the most recent case numbers, at most CASES_SHOWN


@dataclass(frozen=True)
class Lesson:
    case_id: int
    text: str
    owner: str | None
    theme: str | None  # the case's first theme


@dataclass(frozen=True)
class Figures:
    start: datetime
    end: datetime
    counts: Counts
    reasons: dict[str, int]
    open_now: int
    open_before: int  # of open_now: forwarded before the period
    open_owners: Sequence[tuple[str | None, int]]  # owner's name (None: unclaimed), cases
    answers: Sequence[Answer]
    reopened: int
    followups_of_closed: int
    themes: Sequence[tuple[str, int]]
    recurring: Sequence[Recurring]
    lessons: Sequence[Lesson]
    closed: dict[str, int]  # closed in the period, also cases forwarded before it: outcome → n

    @property
    def empty(self) -> bool:
        """Nothing forwarded and nothing closed: a period with nothing to tell."""
        return self.counts.forwarded == 0 and not self.closed

    @property
    def same_day(self) -> int:
        return sum(a.same_day for a in self.answers)

    def answer_percentile(self, q: float) -> float | None:
        """Working seconds to a first answer at quantile q (0.5: the median), interpolated."""
        return percentile(sorted(a.working_seconds for a in self.answers), q)

    @property
    def followups_per_closed(self) -> float | None:
        closed = self.counts.closed
        return self.followups_of_closed / closed if closed else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear between the two nearest ranks: `statistics.quantiles(method="inclusive")`."""
    if not values:
        return None
    k = (len(values) - 1) * q
    low = floor(k)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (k - low)


def compute(session: Session, team: Team, start: datetime, end: datetime) -> Figures:
    span = dict(team_id=team.id, start=start, end=end)
    timeline = WorkingTimeline(team_calendar(team), start, end)
    times = reports.answer_times(session, **span)
    answers = [Answer(forwarded, seconds, same)
               for (forwarded, _), (seconds, same) in zip(times, timeline.measure_all(times))]
    counts, reasons = reports.counts(session, **span, reasons=REASONS)
    open_rows = reports.open_by_owner(session, team_id=team.id, since=start)
    names = members_by_id(session, ids=[owner for owner, _, _ in open_rows if owner])
    owners = [((names[o].name or names[o].user_id) if o else None, n) for o, n, _ in open_rows]
    themes = reports.themes(session, **span)
    return Figures(
        start=start, end=end, counts=counts, reasons=reasons,
        open_now=sum(n for _, n, _ in open_rows), open_before=sum(b for _, _, b in open_rows),
        open_owners=sorted(owners, key=lambda item: (item[0] is None, -item[1], item[0] or "")),
        answers=answers, reopened=reports.reopened(session, **span),
        followups_of_closed=reports.followups_of_closed(session, **span),
        themes=themes[:TOP_THEMES],
        recurring=[Recurring(theme, n, reports.theme_cases(session, **span, theme=theme,
                                                           limit=CASES_SHOWN))
                   for theme, n in themes if recurs(session, span, theme, n)],
        lessons=_lessons(session, span), closed=reports.closed_in(session, **span))


def recurs(session: Session, span: dict, theme: str, cases: int) -> bool:
    """Whether 3+ different customers raised the theme within 30 days of each other.

    Split the period into k stretches of at most 30 days: more than 2k customers means one
    stretch has three, so the database only counts customers up to 2k+1. Only a theme with
    fewer needs its cases, read in a sliding window."""
    if cases < RECURRING_CUSTOMERS:
        return False
    stretches = ceil((span["end"] - span["start"]) / RECURRING_WINDOW)
    enough = (RECURRING_CUSTOMERS - 1) * stretches + 1
    customers = reports.customers(session, **span, theme=theme, enough=enough)
    if customers < RECURRING_CUSTOMERS:
        return False
    if customers >= enough:
        return True
    moments = reports.theme_moments(session, **span, theme=theme)
    seen: Counter[str] = Counter()
    first = 0
    for at, customer in moments:
        seen[customer] += 1
        while at - moments[first][0] > RECURRING_WINDOW:
            gone = moments[first][1]
            seen[gone] -= 1
            if not seen[gone]:
                del seen[gone]
            first += 1
        if len(seen) >= RECURRING_CUSTOMERS:
            return True
    return False


def _lessons(session: Session, span: dict) -> list[Lesson]:
    rows = reports.lessons(session, **span, limit=LESSONS_SHOWN)
    themes = reports.themes_of(session, case_ids=[case_id for case_id, _, _ in rows])
    return [Lesson(case_id, text, owner, (themes.get(case_id) or [None])[0])
            for case_id, text, owner in rows]
