"""The digest's chart, as PNG bytes: reviews per day by outcome, and each answered review's
time to a first answer against the same-working-day target.

matplotlib is imported when a chart is drawn (not when the bot starts), with the Agg canvas
only: no window, no global pyplot state, safe on the scheduler's thread.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from io import BytesIO
from typing import Sequence

from bot.i18n import Catalogs
from desk.reminders.calendar import WorkCalendar
from desk.reporting.figures import Figures
from desk.reporting.report import WEEKDAYS

OUTCOME_COLOURS = (("satisfied", "#2e7d32"), ("went_quiet", "#78909c"), ("ignored", "#bdbdbd"),
                   (None, "#ef6c00"))
SAME_DAY, LATER, TARGET = "#2e7d32", "#c62828", "#455a64"
SIZE_INCHES, DPI = (9, 6.5), 100


def digest_chart(texts: Catalogs, lang: str, figures: Figures, calendar: WorkCalendar,
                 cases: Sequence[tuple[datetime, str | None]]) -> bytes:
    """`cases`: (forwarded, outcome) of every case of the period, open ones with None."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    def t(key: str, **values: object) -> str:
        return texts.plain(lang, f"report.chart.{key}", **values)

    zone = calendar.zone
    first = figures.start.astimezone(zone).date()
    days = [first + timedelta(days=i)
            for i in range((figures.end.astimezone(zone).date() - first).days or 1)]
    index = {day: i for i, day in enumerate(days)}
    labels = [f"{texts.plain(lang, f'report.weekday.{WEEKDAYS[d.weekday()]}')} {d.day}"
              for d in days]

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
    top, bottom = figure.subplots(2, 1, sharex=True)

    bottoms = [0] * len(days)
    for outcome, colour in OUTCOME_COLOURS:
        counts = [0] * len(days)
        for forwarded, result in cases:
            i = index.get(forwarded.astimezone(zone).date())
            if i is not None and result == outcome:
                counts[i] += 1
        label = t("open") if outcome is None else texts.plain(lang, f"outcome.{outcome}")
        top.bar(range(len(days)), counts, bottom=bottoms, color=colour, label=label)
        bottoms = [b + c for b, c in zip(bottoms, counts)]
    top.set_title(t("cases_title"))
    top.set_ylabel(t("cases_axis"))
    top.yaxis.get_major_locator().set_params(integer=True)
    top.legend(loc="upper right", fontsize="small")

    target = _working_day_hours(calendar)
    for same_day, colour, key in ((True, SAME_DAY, "same_day"), (False, LATER, "later")):
        points = [(_position(datetime.fromtimestamp(a.forwarded, zone), index), a.working_seconds / 3600)
                  for a in figures.answers if a.same_day is same_day]
        points = [(x, y) for x, y in points if x is not None]
        bottom.scatter([x for x, _ in points], [y for _, y in points], color=colour,
                       label=t(key), s=28, zorder=3)
    bottom.axhline(target, color=TARGET, linestyle="--", linewidth=1,
                   label=t("target", hours=f"{target:g}".replace(".", texts.plain(lang, "report.decimal"))))
    bottom.set_title(t("answer_title"))
    bottom.set_ylabel(t("answer_axis"))
    slowest = max((a.working_seconds / 3600 for a in figures.answers), default=0)
    bottom.set_ylim(0, max(target, slowest) * 1.35)  # room for the legend above the points
    bottom.legend(loc="upper right", fontsize="small")
    bottom.set_xticks(range(len(days)), labels)
    bottom.set_xlim(-0.6, len(days) - 0.4)

    out = BytesIO()
    FigureCanvasAgg(figure).print_png(out)
    return out.getvalue()


def _position(local: datetime, index: dict[date, int]) -> float | None:
    """Where in the chart's days a moment falls: the day's bar, shifted by the time of day."""
    i = index.get(local.date())
    return None if i is None else i - 0.4 + 0.8 * (local.hour * 60 + local.minute) / 1440


def _working_day_hours(calendar: WorkCalendar) -> float:
    day = date(2000, 1, 3)
    return (datetime.combine(day, calendar.end) - datetime.combine(day, calendar.start)) \
        .total_seconds() / 3600
