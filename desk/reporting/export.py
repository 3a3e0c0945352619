"""`review-desk export`: one row per case of a period, for the team's spreadsheet. The rows
are the report's cohort, so counting them gives the report's numbers."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from typing import TextIO
from zoneinfo import ZoneInfo

from desk.turn import Desk
from desk.reminders.calendar import team_calendar
from desk.reporting.report import Period
from desk.reporting.timeline import WorkingTimeline
from storage import repo, reports

COLUMNS = (
    "case", "forwarded_at", "source", "customer", "stars", "state", "decision", "ignore_reason",
    "decided_at", "owner", "claimed_at", "holding_at", "replied_at", "first_answer_at",
    "first_answer_working_minutes", "same_working_day", "outcome", "closed_at", "reopened",
    "followups", "themes", "lesson", "link",
)


@dataclass(frozen=True)
class Style:
    """How the team's spreadsheet software reads a CSV file. Excel and LibreOffice in Dutch
    split on semicolons (the comma is their decimal mark), read dd-mm-jjjj uu:mm as a moment
    and need a byte order mark to take the file as UTF-8. An English team's file keeps the
    documented column names, codes and ISO 8601 times, which scripts read as well."""

    delimiter: str
    decimal: str
    time: str | None  # strftime format; None: ISO 8601 with the offset
    bom: bool
    labels: bool  # values as the team reads them ("reageren"), not as codes ("respond")


STYLES = {"en": Style(",", ".", None, False, False),
          "nl": Style(";", ",", "%d-%m-%Y %H:%M", True, True)}


def export_csv(desk: Desk, team_id: int, period: Period, out: TextIO) -> int:
    """Write the period's cases as CSV in the team's spreadsheet style; returns the rows."""
    rows = 0
    with desk.db.unit() as session:
        team = repo.get_team(session, team_id=team_id)
        lang = desk.texts.pick(team.language)
        style = STYLES.get(lang, STYLES["en"])
        if style.bom:
            out.write("\ufeff")
        writer = csv.writer(out, delimiter=style.delimiter)
        writer.writerow([desk.texts.plain(lang, f"export.column.{c}") for c in COLUMNS])
        zone = ZoneInfo(team.timezone)
        end = desk.now()
        start = period.start(end, zone)
        timeline = WorkingTimeline(team_calendar(team), start, end)
        themes = reports.cohort_themes(session, team_id=team_id, start=start, end=end)

        def when(moment: datetime | None) -> str:
            if moment is None:
                return ""
            local = moment.astimezone(zone)
            return local.strftime(style.time) if style.time else local.isoformat(timespec="seconds")

        def label(kind: str, code: str | None) -> str:
            if not code or not style.labels:
                return code or ""
            key = f"{kind}.{code}" if kind != "theme" else f"theme.{code}.label"
            return desk.texts.plain(lang, key) if desk.texts.has(key) else code

        for case, owner, followups, reopens in reports.export_rows(
                session, team_id=team_id, start=start, end=end):
            answers = [t for t in (case.holding_at, case.replied_at) if t]
            first = min(answers) if answers else None
            seconds, same_day = (timeline.measure(case.forwarded_at.timestamp(), first.timestamp())
                                 if first else (None, None))
            minutes = "" if seconds is None else f"{round(seconds / 60, 1):.1f}"
            writer.writerow([
                case.id, when(case.forwarded_at), label("source", case.source),
                cell(case.customer), case.stars or "", label("state", case.state),
                label("decision", case.decision), label("reason", case.ignore_reason),
                when(case.decided_at), cell(owner), when(case.claimed_at), when(case.holding_at),
                when(case.replied_at), when(first), minutes.replace(".", style.decimal),
                "" if same_day is None else desk.texts.plain(lang, f"export.{'yes' if same_day else 'no'}"),
                label("outcome", case.outcome), when(case.closed_at), reopens, followups,
                ";".join(label("theme", t) for t in themes.get(case.id, ())), cell(case.lesson),
                cell(case.link),
            ])
            rows += 1
    return rows


def cell(text: str | None) -> str:
    """Text a customer or teammate typed, kept from running as a spreadsheet formula."""
    text = text or ""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
