"""Queries about what reviews are about: a case's themes, how many customers raised a theme in
a stretch of time, and whether the lead was told; and whether a customer was answered before."""
from __future__ import annotations

from datetime import datetime
from typing import Mapping, Sequence

from sqlalchemy import String, cast, distinct, exists, func, insert, literal
from sqlmodel import Session, select

from storage.models import Case, CaseTheme, ThemeAlert
from storage.repo import insert_selected


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


def recurring(session: Session, *, case: Case, since: datetime, customers: int,
              listed: int) -> dict[str, tuple[int, list[int]]]:
    """Themes of `case` that `customers` or more different customers raised from `since` up to
    it → (how many cases, the latest `listed` of them). A customer with no name counts once
    per case. One statement: the counts per theme, and the latest cases of the themes that
    recur ranked beside them."""
    window = (CaseTheme.team_id == case.team_id, CaseTheme.at >= since,
              CaseTheme.at <= case.forwarded_at)
    customer = func.coalesce(func.lower(Case.customer), "#" + cast(Case.id, String))
    counts = (select(CaseTheme.theme, func.count().label("cases"))
              .join(Case, Case.id == CaseTheme.case_id)
              .where(*window, CaseTheme.theme.in_(select(CaseTheme.theme)
                                                  .where(CaseTheme.case_id == case.id)))
              .group_by(CaseTheme.theme)
              .having(func.count(distinct(customer)) >= customers).cte("counts"))
    ranked = select(CaseTheme.theme, CaseTheme.case_id, func.row_number().over(
        partition_by=CaseTheme.theme, order_by=(CaseTheme.at.desc(), CaseTheme.case_id.desc())
    ).label("rank")).where(*window, CaseTheme.theme.in_(select(counts.c.theme))).subquery()
    found: dict[str, tuple[int, list[int]]] = {}
    for theme, cases, case_id in session.exec(
            select(counts.c.theme, counts.c.cases, ranked.c.case_id)
            .join(ranked, ranked.c.theme == counts.c.theme).where(ranked.c.rank <= listed)):
        found.setdefault(theme, (cases, []))[1].append(case_id)
    return {theme: (cases, sorted(ids)) for theme, (cases, ids) in found.items()}


def alert_once(session: Session, *, team_id: int, themes: Mapping[str, list[int]],
               since: datetime, now: datetime, period: int) -> set[str]:
    """Record that the lead is told about each theme (→ the cases that made up the warning),
    in one statement; the themes to tell: not those told since `since`, nor those another
    process just recorded (a unique key per team, theme and period decides)."""
    if not themes:
        return set()
    rows = [select(literal(team_id), literal(theme, String), literal(now, ThemeAlert.at.type),
                   literal(period), literal(",".join(map(str, cases)), String))
            .where(~exists().where(ThemeAlert.team_id == team_id, ThemeAlert.theme == theme,
                                   ThemeAlert.at >= since))
            for theme, cases in themes.items()]
    return set(session.exec(insert_selected(
        session, ThemeAlert, ("team_id", "theme", "at", "period", "cases"), rows)
        .returning(ThemeAlert.theme)).scalars())
