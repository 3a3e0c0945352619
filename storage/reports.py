"""The SQL behind reports and the export.

A report covers the cases forwarded in a period (its cohort). Counts are aggregated in the
database; rows come back only where Python must look at each case (working-hours arithmetic
for answer times, the 30-day window of recurring themes, the export), and then with just
the columns needed. Indexes: (team_id, forwarded_at) on cases, (action, case_id) on history.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Iterator, Sequence

from sqlalchemy import Float, String, and_, case, cast, func, literal, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, select

from storage.models import Case, CaseTheme, FollowUp, History, Member, Team

OPEN_STATES = ("new", "open", "claimed", "replied")


def _cohort(team_id: int, start: datetime, end: datetime):
    return and_(Case.team_id == team_id, Case.forwarded_at >= start, Case.forwarded_at < end)


def _number_of(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


_answered = or_(Case.holding_at.is_not(None), Case.replied_at.is_not(None))

# The first public answer: the holding reply or the full reply, whichever came first.
first_answer = case(
    (and_(Case.holding_at.is_not(None),
          or_(Case.replied_at.is_(None), Case.holding_at < Case.replied_at)), Case.holding_at),
    else_=Case.replied_at)

# Who raised it: the customer's name, or the case itself when the name is unknown.
customer_key = func.coalesce(func.nullif(func.lower(func.trim(Case.customer)), ""),
                             literal("#") + cast(Case.id, String))


@dataclass(frozen=True)
class Counts:
    forwarded: int
    respond: int
    ignore: int
    voting: int
    open: int
    unanswered: int
    satisfied: int
    went_quiet: int
    ignored: int
    closed: int
    lessons: int


def counts(session: Session, *, team_id: int, start: datetime, end: datetime,
           reasons: Sequence[str]) -> tuple[Counts, dict[str, int]]:
    """Every per-case count of the period, and how many were decided "ignore" for each
    reason: one pass over its cases."""
    decided_ignore = Case.decision == "ignore"
    is_open = Case.state.in_(OPEN_STATES)
    row = session.exec(select(
        func.count(Case.id),
        _number_of(Case.decision == "respond"),
        _number_of(decided_ignore),
        _number_of(Case.state == "new"),
        _number_of(is_open),
        _number_of(and_(Case.decision == "respond", is_open, ~_answered)),
        _number_of(Case.outcome == "satisfied"),
        _number_of(Case.outcome == "went_quiet"),
        _number_of(Case.outcome == "ignored"),
        _number_of(Case.state == "closed"),
        _number_of(Case.lesson.is_not(None)),
        *(_number_of(and_(decided_ignore, func.coalesce(Case.ignore_reason, "other") == reason))
          for reason in reasons),
    ).where(_cohort(team_id, start, end))).one()
    values = [int(value) for value in row]
    numbers = len(fields(Counts))
    return Counts(*values[:numbers]), {r: n for r, n in zip(reasons, values[numbers:]) if n}


def closed_in(session: Session, *, team_id: int, start: datetime,
              end: datetime) -> dict[str, int]:
    """Cases closed in the period, whenever they were forwarded: outcome → cases."""
    return {outcome: int(n) for outcome, n in session.exec(
        select(Case.outcome, func.count(Case.id))
        .where(Case.team_id == team_id, Case.closed_at >= start, Case.closed_at < end,
               Case.outcome.is_not(None))
        .group_by(Case.outcome))}


def open_by_owner(session: Session, *, team_id: int,
                  since: datetime) -> list[tuple[int | None, int, int]]:
    """Open cases now, whenever forwarded: (owner id, cases, of which forwarded before `since`)."""
    return [(owner, int(n), int(before)) for owner, n, before in session.exec(
        select(Case.owner_id, func.count(Case.id), _number_of(Case.forwarded_at < since))
        .where(Case.team_id == team_id, Case.state.in_(OPEN_STATES))
        .group_by(Case.owner_id))]


class epoch(FunctionElement):
    """Seconds since 1970 of a stored moment, as a float: a hundred thousand numbers come back
    from the database several times faster than as many datetimes."""

    type = Float()
    inherit_cache = True


@compiles(epoch, "sqlite")
def _epoch_sqlite(element, compiler, **kw) -> str:
    return f"((julianday({compiler.process(element.clauses, **kw)}) - 2440587.5) * 86400.0)"


@compiles(epoch, "postgresql")
def _epoch_postgresql(element, compiler, **kw) -> str:
    return f"CAST(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)}) AS DOUBLE PRECISION)"


def answer_times(session: Session, *, team_id: int, start: datetime,
                 end: datetime) -> list[tuple[float, float]]:
    """(forwarded, first answer) of the period's answered cases, in epoch seconds: the rows
    answer times need."""
    query = (select(epoch(Case.forwarded_at), epoch(first_answer))
             .where(_cohort(team_id, start, end), _answered))
    return [tuple(row) for row in session.connection().execute(query)]  # plain rows: no ORM


def reopened(session: Session, *, team_id: int, start: datetime, end: datetime) -> int:
    return int(session.exec(
        select(func.count(func.distinct(History.case_id)))
        .join(Case, Case.id == History.case_id)
        .where(History.action == "reopen", _cohort(team_id, start, end))).one())


def followups_of_closed(session: Session, *, team_id: int, start: datetime,
                        end: datetime) -> int:
    return int(session.exec(
        select(func.count(FollowUp.id)).join(Case, Case.id == FollowUp.case_id)
        .where(_cohort(team_id, start, end), Case.state == "closed")).one())


def themes(session: Session, *, team_id: int, start: datetime,
           end: datetime) -> list[tuple[str, int]]:
    """(theme, cases), most cases first (a case raises a theme once: a unique key)."""
    cases = func.count(CaseTheme.id)
    return [(theme, int(n)) for theme, n in session.exec(
        select(CaseTheme.theme, cases).join(Case, Case.id == CaseTheme.case_id)
        .where(_cohort(team_id, start, end))
        .group_by(CaseTheme.theme).order_by(cases.desc(), CaseTheme.theme))]


def customers(session: Session, *, team_id: int, start: datetime, end: datetime, theme: str,
              enough: int) -> int:
    """How many different customers raised the theme in the period, counting up to `enough`:
    the database stops looking once it found that many."""
    found = (select(customer_key).join(CaseTheme, CaseTheme.case_id == Case.id)
             .where(_cohort(team_id, start, end), CaseTheme.theme == theme)
             .distinct().limit(enough).subquery())
    return int(session.exec(select(func.count()).select_from(found)).one())


def theme_moments(session: Session, *, team_id: int, start: datetime, end: datetime,
                  theme: str) -> list[tuple[datetime, str]]:
    """(forwarded, customer) of the period's cases with this theme, oldest first."""
    return list(session.exec(
        select(Case.forwarded_at, customer_key).join(CaseTheme, CaseTheme.case_id == Case.id)
        .where(_cohort(team_id, start, end), CaseTheme.theme == theme)
        .order_by(Case.forwarded_at)))


def theme_cases(session: Session, *, team_id: int, start: datetime, end: datetime,
                theme: str, limit: int) -> list[int]:
    """The period's most recent cases with this theme."""
    return list(session.exec(
        select(Case.id).join(CaseTheme, CaseTheme.case_id == Case.id)
        .where(_cohort(team_id, start, end), CaseTheme.theme == theme)
        .order_by(Case.forwarded_at.desc(), Case.id.desc()).limit(limit)))


def lessons(session: Session, *, team_id: int, start: datetime, end: datetime,
            limit: int) -> list[tuple[int, str, str | None]]:
    """(case, lesson, owner's name) of the period's most recently closed cases with a lesson."""
    return list(session.exec(
        select(Case.id, Case.lesson, Member.name).outerjoin(Member, Member.id == Case.owner_id)
        .where(_cohort(team_id, start, end), Case.lesson.is_not(None))
        .order_by(Case.closed_at.desc(), Case.id.desc()).limit(limit)))


def themes_of(session: Session, *, case_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    if case_ids:
        for case_id, theme in session.exec(select(CaseTheme.case_id, CaseTheme.theme)
                                           .where(CaseTheme.case_id.in_(case_ids))
                                           .order_by(CaseTheme.id)):
            found.setdefault(case_id, []).append(theme)
    return found


def cohort_themes(session: Session, *, team_id: int, start: datetime,
                  end: datetime) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for case_id, theme in session.exec(select(CaseTheme.case_id, CaseTheme.theme)
                                       .join(Case, Case.id == CaseTheme.case_id)
                                       .where(_cohort(team_id, start, end))
                                       .order_by(CaseTheme.id)):
        found.setdefault(case_id, []).append(theme)
    return found


def cohort_days(session: Session, *, team_id: int, start: datetime,
                end: datetime) -> list[tuple[datetime, str | None]]:
    """(forwarded, outcome) of the period's cases, for a chart of cases per day."""
    return list(session.exec(select(Case.forwarded_at, Case.outcome)
                             .where(_cohort(team_id, start, end))))


def export_rows(session: Session, *, team_id: int, start: datetime,
                end: datetime) -> Iterator[tuple[Case, str | None, int, int]]:
    """(case, owner's name, follow-ups, reopens) for every case of the period, oldest first."""
    followups = (select(func.count(FollowUp.id)).where(FollowUp.case_id == Case.id)
                 .scalar_subquery())
    reopens = (select(func.count(History.id))
               .where(History.case_id == Case.id, History.action == "reopen").scalar_subquery())
    yield from session.exec(
        select(Case, Member.name, followups, reopens)
        .outerjoin(Member, Member.id == Case.owner_id)
        .where(_cohort(team_id, start, end)).order_by(Case.forwarded_at, Case.id))


def teams(session: Session) -> list[Team]:
    return list(session.exec(select(Team).order_by(Team.id)))
