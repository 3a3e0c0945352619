"""`review-desk export`: one row per case of a period, for a spreadsheet. The rows are the
report's cohort, so counting them gives the report's numbers."""
from __future__ import annotations

import csv
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


def export_csv(desk: Desk, team_id: int, period: Period, out: TextIO) -> int:
    """Write the period's cases as CSV (times ISO 8601 in the team's zone); returns the rows."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    rows = 0
    with desk.db.unit() as session:
        team = repo.get_team(session, team_id=team_id)
        zone = ZoneInfo(team.timezone)
        end = desk.now()
        start = period.start(end, zone)
        timeline = WorkingTimeline(team_calendar(team), start, end)
        themes = reports.cohort_themes(session, team_id=team_id, start=start, end=end)

        def iso(moment: datetime | None) -> str:
            return moment.astimezone(zone).isoformat(timespec="seconds") if moment else ""

        for case, owner, followups, reopens in reports.export_rows(
                session, team_id=team_id, start=start, end=end):
            answers = [t for t in (case.holding_at, case.replied_at) if t]
            first = min(answers) if answers else None
            seconds, same_day = (timeline.measure(case.forwarded_at.timestamp(), first.timestamp())
                                 if first else (None, None))
            writer.writerow([
                case.id, iso(case.forwarded_at), case.source, cell(case.customer), case.stars or "",
                case.state, case.decision or "", case.ignore_reason or "", iso(case.decided_at),
                cell(owner), iso(case.claimed_at), iso(case.holding_at), iso(case.replied_at),
                iso(first), "" if seconds is None else round(seconds / 60, 1),
                "" if same_day is None else ("yes" if same_day else "no"),
                case.outcome or "", iso(case.closed_at), reopens, followups,
                ";".join(themes.get(case.id, ())), cell(case.lesson), cell(case.link),
            ])
            rows += 1
    return rows


def cell(text: str | None) -> str:
    """Text a customer or teammate typed, kept from running as a spreadsheet formula."""
    text = text or ""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
