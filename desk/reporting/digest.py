"""The weekly digest: at the start of the team's working week (its digest day and hour, in its
time zone), last week's figures and a chart in the review channel.

A scheduled job. Each team's week is claimed in the database before anything is built, so
several bot processes post it once; the post's `delivered` marks it sent, and a claim whose
post never went out runs out after LEASE, when another tick tries again; when a person must
fix something first (the bot left out of the channel), the lead is told once.
"""
from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Collection

from bot.messages import Choice, File, Input, Outbox, Say
from bot.text import Rich
from desk.reminders.calendar import parse_days
from desk.reporting.chart import digest_chart
from desk.outbox import tell_lead
from desk.turn import Desk, Turn
from desk.reporting.figures import compute
from desk.reminders.calendar import team_calendar
from desk.reporting.report import WEEKDAYS, render, span_dates
from storage import digests, reports
from storage.models import Team

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)
CATCH_UP = 4  # weeks: after a longer pause, older weeks are for `/review report`


def due_digests(desk: Desk, platforms: Collection[str] | None = None) -> list[Outbox]:
    """The digests due now, for teams on the platforms this process delivers to; weeks with
    activity whose digest moment passed while no bot ran come first."""
    now = desk.now()
    with desk.db.unit() as session:
        teams = digests.digest_teams(session, platforms=platforms)
    out = []
    for team in teams:
        due = due_week(team, now)
        if due is None:
            continue
        week, week_start = due
        try:
            with desk.db.unit() as session:
                if not digests.claim_digest(session, team_id=team.id, week=week, now=now,
                                            lease=LEASE):
                    continue
                before = digests.last_week(session, team_id=team.id, before=week)
            for missed, monday in missed_weeks(team, week_start, before):
                with desk.db.unit() as session:
                    claimed = digests.claim_digest(session, team_id=team.id, week=missed,
                                                   now=now, lease=LEASE)
                if claimed:
                    out.extend(digest_outboxes(desk, team, missed, monday, if_active=True))
            out.extend(digest_outboxes(desk, team, week, week_start))
        except Exception:  # one team's failure must not hold back the others' digests
            log.exception("weekly digest %s for team %s failed", week, team.id)
    return out


def due_week(team: Team, now: datetime) -> tuple[str, date] | None:
    """The ISO week whose digest is due at `now`, and that week's Monday; None before the
    digest moment, or when the week it covers ended before the team existed. A public
    holiday on the digest day moves it to the next working day."""
    calendar = team_calendar(team)
    local = now.astimezone(calendar.zone)
    monday = local.date() - timedelta(days=local.weekday())
    day = monday + timedelta(days=digest_weekday(team))
    while (day.weekday() in calendar.days and not calendar.is_working_day(day)
           and day.weekday() < 6):
        day += timedelta(days=1)
    if local < datetime.combine(day, time(team.digest_hour), tzinfo=calendar.zone):
        return None
    if not _existed(team, monday):
        return None
    return _week(monday), monday


def missed_weeks(team: Team, monday: date, since: str | None) -> list[tuple[str, date]]:
    """The weeks before `monday`'s, oldest first, back to the last one claimed (`since`), to
    CATCH_UP weeks at most, and never one that ended before the team existed."""
    out = []
    for back in range(1, CATCH_UP + 1):
        earlier = monday - timedelta(days=7 * back)
        if not _existed(team, earlier) or (since is not None and _week(earlier) <= since):
            break
        out.append((_week(earlier), earlier))
    return out[::-1]


def _existed(team: Team, monday: date) -> bool:
    """Whether the team existed before the week that ends on this Monday was over."""
    end = datetime.combine(monday, time(0), tzinfo=team_calendar(team).zone)
    return team.created_at is None or team.created_at < end


def _week(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def digest_weekday(team: Team) -> int:
    return min(parse_days(team.digest_day or ""))


def digest_outboxes(desk: Desk, team: Team, week: str, monday: date, *,
                    if_active: bool = False) -> list[Outbox]:
    """Last week's (Monday to Sunday) figures as a message, then the chart as a file;
    nothing for a week without activity when `if_active` (a digest that comes late).

    The week counts as done once the message is out: a chart that fails to upload (a
    missing permission, say) must not bring the message back every lease."""
    calendar = team_calendar(team)
    start = datetime.combine(monday - timedelta(days=7), time(0), tzinfo=calendar.zone)
    end = datetime.combine(monday, time(0), tzinfo=calendar.zone)
    with desk.db.unit() as session:
        figures = compute(session, team, start, end)
        cases = reports.cohort_days(session, team_id=team.id, start=start, end=end)
    if if_active and figures.empty:
        return []
    texts = desk.texts
    lang = texts.pick(team.language)
    title = texts.text(lang, "report.digest_title", zone=team.timezone,
                       **span_dates(team, start, end))
    channel = team.review_channel or ""
    told = tell_lead(desk, team.id)
    out = [Outbox(team.platform, team.workspace,
                  [Say(channel, render(texts, lang, team, figures, title))],
                  delivered=partial(_sent, desk, team.id, week), undelivered=told)]
    if not figures.empty:
        out.append(Outbox(team.platform, team.workspace, [File(
            channel, f"review-digest-{week}.png",
            digest_chart(texts, lang, figures, calendar, cases),
            title=texts.plain(lang, "report.chart.file_title", week=week))], undelivered=told))
    return out


def _sent(desk: Desk, team_id: int, week: str) -> None:
    with desk.db.unit() as session:
        digests.mark_digest_sent(session, team_id=team_id, week=week, now=desk.now())



# -- the team's digest settings, in the `/review setup` form ------------------------------
OFF = "off"


def setting_inputs(turn: Turn) -> list[Input]:
    t, team = turn.s, turn.team
    return [
        Input("digest_day", t("report.setup.digest_day"), kind="select",
              value=team.digest_day or OFF, hint=t("report.setup.digest_hint"),
              choices=[Choice(OFF, t("report.setup.digest_off"))]
              + [Choice(day, t(f"report.day.{day}")) for day in WEEKDAYS]),
        Input("digest_hour", t("report.setup.digest_hour"), kind="number",
              value=str(team.digest_hour), max_length=2),
    ]


def setting_problems(turn: Turn, values: dict[str, str]) -> dict[str, str]:
    """Problems with the digest settings; a form without them keeps what the team has."""
    problems = {}
    if "digest_day" in values and values["digest_day"] not in (OFF, *WEEKDAYS):
        problems["digest_day"] = turn.s("report.setup.error.digest_day")
    hour = values.get("digest_hour", str(turn.team.digest_hour))
    if not hour.isdigit() or not 0 <= int(hour) <= 23:
        problems["digest_hour"] = turn.s("report.setup.error.digest_hour")
    return problems


def apply_settings(turn: Turn, values: dict[str, str]) -> Rich:
    """Store the digest settings; returns the line that confirms them."""
    team = turn.team
    if "digest_day" in values:
        team.digest_day = None if values["digest_day"] == OFF else values["digest_day"]
    team.digest_hour = int(values.get("digest_hour", team.digest_hour))
    turn.session.add(team)
    if team.digest_day is None:
        return turn.t("report.setup.saved_off")
    return turn.t("report.setup.saved", day=turn.t(f"report.day.{WEEKDAYS[digest_weekday(team)]}"),
                  hour=f"{team.digest_hour:02d}")
