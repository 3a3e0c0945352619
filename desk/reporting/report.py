"""Step 8, the report: `/review report [period]` and `review-desk report`, in the team's
language and time zone. The same text opens the weekly digest."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.errors import UserError
from bot.events import Command
from bot.i18n import Catalogs
from bot.messages import Notice, Outbound
from bot.text import Rich, Strong, join
from desk.turn import Desk, Turn
from desk.reporting.figures import Figures, compute
from storage import repo, reports
from storage.models import Team

DEFAULT_PERIOD = "30d"
PERIOD_ARGS = r"(\d{1,3}\s*[dwm])?"
_PERIOD = re.compile(r"(\d{1,3})\s*([dwm])", re.IGNORECASE)
MAX_DAYS = 731
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # as the catalogs name them


@dataclass(frozen=True)
class Period:
    """A stretch of time ending now: "30d", "12w" or "3m" (calendar months in the team's zone)."""

    amount: int
    unit: str  # d | w | m

    @classmethod
    def parse(cls, text: str | None) -> "Period":
        match = _PERIOD.fullmatch((text or DEFAULT_PERIOD).strip())
        period = cls(int(match[1]), match[2].lower()) if match else None
        if period is None or not 1 <= period.amount or period.days_at_most > MAX_DAYS:
            raise UserError("report.error.period")
        return period

    @property
    def days_at_most(self) -> int:
        return self.amount * {"d": 1, "w": 7, "m": 31}[self.unit]

    def start(self, end: datetime, zone: ZoneInfo) -> datetime:
        if self.unit != "m":
            return end - timedelta(days=self.amount * (7 if self.unit == "w" else 1))
        local = end.astimezone(zone)
        months = local.year * 12 + local.month - 1 - self.amount
        year, month = divmod(months, 12)
        day = min(local.day, _month_length(year, month + 1))
        return local.replace(year=year, month=month + 1, day=day)

    def label(self, texts: Catalogs, lang: str) -> str:
        unit = texts.plain(lang, f"report.unit.{self.unit}{'_one' if self.amount == 1 else ''}")
        return f"{self.amount} {unit}"


def weekdays_label(texts: Catalogs, lang: str, days: frozenset[int]) -> str:
    """Working days as the team writes them: "ma-vr", "Mon, Wed-Fri" (0 is Monday)."""
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    name = lambda day: texts.plain(lang, f"report.weekday.{WEEKDAYS[day]}")  # noqa: E731
    return ", ".join(name(r[0]) if len(r) == 1 else f"{name(r[0])}-{name(r[-1])}" for r in runs)


def _month_length(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def report_command(turn: Turn, event: Command, args: str = "") -> list[Outbound]:
    period = Period.parse(args or None)
    return [Notice(period_report(turn.session, turn.desk.texts, turn.team, period, turn.now))]


def report_text(desk: Desk, team_id: int, period: Period) -> str:
    """The report as plain text, for the command line."""
    with desk.db.unit() as session:
        team = repo.get_team(session, team_id=team_id)
        return str(period_report(session, desk.texts, team, period, desk.now()))


def period_report(session: Session, texts: Catalogs, team: Team, period: Period,
                  end: datetime) -> Rich:
    lang = texts.pick(team.language)
    start = period.start(end, ZoneInfo(team.timezone))
    title = texts.text(lang, "report.title", period=period.label(texts, lang),
                       zone=team.timezone, **span_dates(team, start, end))
    return render(texts, lang, team, compute(session, team, start, end), title)


def find_teams(desk: Desk, key: str | None) -> list[Team]:
    """Teams by id or workspace; all of them without a key."""
    with desk.db.unit() as session:
        teams = reports.teams(session)
    if key is None:
        return teams
    return [t for t in teams if key in (str(t.id), t.workspace)]


def span_dates(team: Team, start: datetime, end: datetime) -> dict[str, str]:
    """First and last day of a period, as the team reads them."""
    zone = ZoneInfo(team.timezone)
    last = end - timedelta(microseconds=1)
    return {"start": start.astimezone(zone).strftime("%d-%m-%Y"),
            "end": last.astimezone(zone).strftime("%d-%m-%Y")}


def render(texts: Catalogs, lang: str, team: Team, figures: Figures, title: Rich) -> Rich:
    def t(key: str, **values: object) -> Rich:
        return texts.text(lang, key, **values)

    def theme_label(theme: str | None) -> str:
        if theme is None:
            return texts.plain(lang, "report.no_theme")
        key = f"theme.{theme}.label"
        return texts.plain(lang, key) if texts.has(key) else theme

    c = figures.counts
    lines: list[Rich] = [Rich([Strong(str(title))])]
    if figures.empty:
        lines = [t("report.nothing", **span_dates(team, figures.start, figures.end))]
    elif not c.forwarded:
        lines.append(t("report.none_forwarded"))
    else:
        reasons = join(f"{t(f'reason.{r}')} {n}" for r, n in sorted(figures.reasons.items(),
                                                                     key=lambda i: -i[1]))
        lines += [
            t("report.forwarded", n=c.forwarded),
            t("report.decided", respond=c.respond, ignore=c.ignore, voting=c.voting,
              reasons=f" ({reasons})" if figures.reasons else ""),
        ]
    closed = t("report.closed", n=sum(figures.closed.values()),
               **{o: figures.closed.get(o, 0) for o in ("satisfied", "went_quiet", "ignored")})
    if figures.closed and not c.forwarded:
        lines.append(closed)
    if figures.open_now or not figures.empty:
        owners = join(f"{name or t('report.unclaimed')} {n}" for name, n in figures.open_owners)
        before = t("report.open_before", n=figures.open_before) if figures.open_before else ""
        lines.append(t("report.open", n=figures.open_now,
                       owners=Rich([" (", *owners, ")", *before]) if figures.open_now else ""))
    if not c.forwarded:
        return join(lines, "\n")
    if figures.answers:
        lines += [
            t("report.first_answer", n=len(figures.answers),
              median=duration(texts, lang, figures.answer_percentile(0.5)),
              p90=duration(texts, lang, figures.answer_percentile(0.9))),
            t("report.same_day", n=figures.same_day, answered=len(figures.answers),
              share=f"{round(100 * figures.same_day / len(figures.answers))}%"),
        ]
    else:
        lines.append(t("report.no_answer"))
    if c.unanswered:
        lines.append(t("report.waiting", n=c.unanswered))
    lines.append(t("report.outcomes", satisfied=c.satisfied, went_quiet=c.went_quiet,
                   ignored=c.ignored))
    if figures.closed:
        lines.append(closed)
    lines.append(t("report.reopened", n=figures.reopened))
    if figures.followups_per_closed is not None:
        lines.append(t("report.followups", n=decimal(texts, lang, figures.followups_per_closed)))
    if figures.themes:
        lines.append(t("report.themes", themes=join(f"{theme_label(theme)} {n}"
                                                    for theme, n in figures.themes)))
    if figures.recurring:
        lines.append(t("report.recurring"))
        for item in figures.recurring:
            recent = join(f"#{case_id}" for case_id in item.recent)
            hidden = item.cases - len(item.recent)
            if hidden:
                recent += Rich([", ", *t("report.more", n=hidden)])
            lines.append(t("report.recurring_line", theme=theme_label(item.theme),
                           cases=item.cases, recent=recent))
    if figures.lessons:
        lines.append(t("report.lessons"))
        groups: dict[str | None, list] = {}
        for lesson in figures.lessons:
            groups.setdefault(lesson.theme, []).append(lesson)
        for theme, group in sorted(groups.items(), key=lambda g: (g[0] is None, -len(g[1]))):
            lines.append(Rich([Strong(theme_label(theme))]))
            lines += [t("report.lesson", case=lesson.case_id, owner=lesson.owner or "—",
                        text=lesson.text) for lesson in group]
        if c.lessons > len(figures.lessons):
            lines.append(t("report.lessons_more", n=c.lessons - len(figures.lessons)))
    return join(lines, "\n")


def duration(texts: Catalogs, lang: str, seconds: float | None) -> str:
    """Working time as hours and minutes, rounded to the minute."""
    minutes = round((seconds or 0) / 60)
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return texts.plain(lang, "report.minutes", m=minutes)
    return texts.plain(lang, "report.hours", h=hours, m=f"{minutes:02d}")


def decimal(texts: Catalogs, lang: str, value: float) -> str:
    return f"{value:.1f}".replace(".", texts.plain(lang, "report.decimal"))
