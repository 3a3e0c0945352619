"""Queries about what reviews are about: a case's themes, how many customers raised a theme in
a stretch of time, and whether the lead was told; and whether a customer was answered before."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Mapping, Sequence

from sqlalchemy import Insert, Integer, Select, String, bindparam, cast, exists, func, insert
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from storage.models import Case, CaseTheme, ThemeAlert
from storage.repo import dialect, insert_selected


def add_themes(session: Session, *, case: Case, themes: Sequence[str]) -> None:
    """In one statement, in the order given (the card lists them so)."""
    if themes:
        session.execute(insert(CaseTheme), [dict(case_id=case.id, team_id=case.team_id,
                                                 theme=theme, at=case.forwarded_at)
                                            for theme in themes])


def answered_before(session: Session, *, case: Case) -> bool:
    """Did the team publicly reply to another review by this customer?"""
    if not case.customer:
        return False
    return session.exec(select(func.count()).select_from(Case).where(
        Case.team_id == case.team_id, Case.id != case.id, Case.replied_at.is_not(None),
        func.lower(Case.customer) == case.customer.lower())).one() > 0


@dataclass(frozen=True)
class ThemeCount:
    """A theme of a case, counted over a stretch of time up to the case."""

    theme: str
    cases: int  # the team's cases that raised it
    customers: int  # different customers among them, counted up to the number asked about
    latest: list[int]  # the latest cases' ids, in ascending order


def _theme_counts() -> Select:
    mine, other = aliased(CaseTheme, name="mine"), aliased(CaseTheme, name="other")
    window = (other.team_id == bindparam("team_id"), other.theme == mine.theme,
              other.at >= bindparam("since"), other.at <= bindparam("until"))
    people = (select(func.coalesce(func.lower(Case.customer), "#" + cast(Case.id, String)))
              .select_from(other).join(Case, Case.id == other.case_id).where(*window)
              .distinct().limit(bindparam("customers")).correlate(mine).subquery())
    latest = (select(other.case_id).where(*window)
              .order_by(other.at.desc(), other.case_id.desc()).limit(bindparam("listed"))
              .correlate(mine).subquery())
    return select(
        mine.theme, select(func.count()).select_from(other).where(*window).scalar_subquery(),
        select(func.count()).select_from(people).scalar_subquery(),
        select(func.aggregate_strings(cast(latest.c.case_id, String), ",")).scalar_subquery()
    ).where(mine.case_id == bindparam("case_id")).order_by(mine.id)


THEME_COUNTS = _theme_counts()  # built once: building it took longer than running it


def theme_counts(session: Session, *, case: Case, since: datetime, customers: int,
                 listed: int) -> list[ThemeCount]:
    """The themes of `case` in the order they were tagged, each with the cases that raised it
    from `since` up to the case, whether `customers` different customers did (a customer
    with no name counts once per case; the count stops there) and the latest `listed` of
    those cases. One statement; each part reads the (team, theme, time) index of its theme,
    the latest cases and the customers no further than they need."""
    rows = session.exec(THEME_COUNTS, params=dict(
        team_id=case.team_id, case_id=case.id, since=since, until=case.forwarded_at,
        customers=customers, listed=listed))
    return [ThemeCount(theme, cases, people, sorted(int(i) for i in (ids or "").split(",") if i))
            for theme, cases, people, ids in rows]


@cache
def _alerts(dialect: str, themes: int) -> Insert:
    rows = [select(bindparam("team_id", type_=Integer), bindparam(f"theme{i}", type_=String),
                   bindparam("now", type_=ThemeAlert.at.type), bindparam("period", type_=Integer),
                   bindparam(f"cases{i}", type_=String))
            .where(~exists().where(ThemeAlert.team_id == bindparam("team_id"),
                                   ThemeAlert.theme == bindparam(f"theme{i}"),
                                   ThemeAlert.at >= bindparam("since")))
            for i in range(themes)]
    return insert_selected(dialect, ThemeAlert, ("team_id", "theme", "at", "period", "cases"),
                           rows).returning(ThemeAlert.theme)


def alert_once(session: Session, *, team_id: int, themes: Mapping[str, list[int]],
               since: datetime, now: datetime, period: int) -> set[str]:
    """Record that the lead is told about each theme (→ the cases that made up the warning),
    in one statement; the themes to tell: not those told since `since`, nor those another
    process just recorded (a unique key per team, theme and period decides)."""
    if not themes:
        return set()
    params = dict(team_id=team_id, now=now, period=period, since=since)
    for i, (theme, cases) in enumerate(themes.items()):
        params[f"theme{i}"], params[f"cases{i}"] = theme, ",".join(map(str, cases))
    return set(session.exec(_alerts(dialect(session), len(themes)), params=params).scalars())
