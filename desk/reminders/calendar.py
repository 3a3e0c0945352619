"""The team's working-day calendar.

Deadlines, reminders and report figures count working time: a review forwarded
on Friday evening is due on Monday, not during the weekend or on Koningsdag.
Working periods are built as wall-clock times in the team's zone and compared
as UTC instants, so daylight-saving changes never shift them by an hour.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

WEEKDAYS = frozenset(range(5))

_DAY_NAMES = {
    name: number
    for number, names in enumerate(
        [
            ("mon", "monday", "ma", "maandag"),
            ("tue", "tues", "tuesday", "di", "dinsdag"),
            ("wed", "wednesday", "wo", "woensdag"),
            ("thu", "thur", "thurs", "thursday", "do", "donderdag"),
            ("fri", "friday", "vr", "vrij", "vrijdag"),
            ("sat", "saturday", "za", "zaterdag"),
            ("sun", "sunday", "zo", "zondag"),
        ]
    )
    for name in names
}

_HOURS = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?-(\d{1,2})(?:[:.](\d{2}))?")


@lru_cache(maxsize=None)
def public_holidays(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    """Cached: building a country's table takes tens of milliseconds, and a
    report over months of reviews asks for it on every step."""
    return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=year))


def parse_days(text: str) -> frozenset[int]:
    """Read working days as typed in team settings: "mon-fri", "ma,di,wo", "1-5"
    (ISO numbers, 1 is Monday); a range may wrap, as in "sat-wed"."""
    cleaned = re.sub(r"\s*[-–]\s*", "-", text.strip().lower())
    tokens = [token for token in re.split(r"[\s,;]+", cleaned) if token]
    if not tokens:
        raise ValueError("working days are empty; use e.g. 'mon-fri' or '1-5'")
    days: set[int] = set()
    for token in tokens:
        first, _, last = token.partition("-")
        day = _parse_day(first, text)
        days.add(day)
        if last:
            end = _parse_day(last, text)
            while day != end:
                day = (day + 1) % 7
                days.add(day)
    return frozenset(days)


def _parse_day(token: str, text: str) -> int:
    if token.isdigit() and 1 <= int(token) <= 7:
        return int(token) - 1
    if token in _DAY_NAMES:
        return _DAY_NAMES[token]
    raise ValueError(
        f"unknown day {token!r} in working days {text!r}; "
        "use names like 'mon,tue' or 'ma,di', or numbers 1-7 (1 is Monday)"
    )


def parse_hours(text: str) -> tuple[time, time]:
    """Read working hours as typed in team settings: "09:00-17:30", "9-17", "8.30-16"."""
    cleaned = re.sub(r"\s*[-–]\s*", "-", text.strip())
    match = _HOURS.fullmatch(cleaned)
    if not match:
        raise ValueError(f"working hours {text!r} not understood; use e.g. '09:00-17:30'")
    hour_a, minute_a, hour_b, minute_b = (int(part or 0) for part in match.groups())
    try:
        start, end = time(hour_a, minute_a), time(hour_b, minute_b)
    except ValueError:
        raise ValueError(f"working hours {text!r} contain an impossible time") from None
    if start >= end:
        raise ValueError(f"working hours {text!r} must start before they end")
    return start, end


@dataclass(frozen=True)
class WorkCalendar:
    """One working period per working day, from `start` to `end` (exclusive)."""

    tz: str = "Europe/Amsterdam"
    days: frozenset[int] = WEEKDAYS
    start: time = time(9, 0)
    end: time = time(17, 30)
    country: str | None = "NL"
    subdivision: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "days", frozenset(self.days))
        try:
            ZoneInfo(self.tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {self.tz!r}") from None
        if not self.days or not self.days <= set(range(7)):
            raise ValueError(f"working days must be a non-empty set of 0-6 (Monday is 0): {set(self.days)}")
        if self.start >= self.end:
            raise ValueError("working hours must start before they end")
        supported = holidays.list_supported_countries()
        if self.country is not None and self.country not in supported:
            raise ValueError(f"no public holidays known for country {self.country!r}")
        if self.subdivision is not None and self.subdivision not in supported.get(self.country, ()):
            raise ValueError(f"unknown subdivision {self.subdivision!r} for country {self.country!r}")

    @classmethod
    def from_settings(
        cls,
        *,
        tz: str = "Europe/Amsterdam",
        days: str = "mon-fri",
        hours: str = "09:00-17:30",
        country: str | None = "NL",
        subdivision: str | None = None,
    ) -> WorkCalendar:
        """Build from team settings as stored: plain strings, blank country means no holidays."""
        start, end = parse_hours(hours)
        country = (country or "").strip().upper() or None
        subdivision = (subdivision or "").strip() or None
        if country and subdivision:
            known = {name.lower(): name for name in holidays.list_supported_countries().get(country, [])}
            subdivision = known.get(subdivision.lower(), subdivision)
        return cls(
            tz=tz.strip(), days=parse_days(days), start=start, end=end, country=country, subdivision=subdivision
        )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def is_working_day(self, day: date) -> bool:
        if day.weekday() not in self.days:
            return False
        return self.country is None or day not in public_holidays(self.country, self.subdivision, day.year)

    def is_working_time(self, dt: datetime) -> bool:
        dt = _utc(dt)
        start, _ = next(self._periods_after(dt))
        return start <= dt

    def next_working_moment(self, dt: datetime) -> datetime:
        """Where a reminder due at dt actually goes out."""
        dt = _utc(dt)
        start, _ = next(self._periods_after(dt))
        return self._local(max(start, dt))

    def working_day_of(self, dt: datetime) -> date:
        """The working day dt counts toward: a review forwarded after hours belongs to the next one."""
        return self.next_working_moment(dt).date()

    def end_of_working_day(self, dt: datetime) -> datetime:
        _, end = next(self._periods_after(_utc(dt)))
        return self._local(end)

    def add_working_time(self, dt: datetime, delta: timedelta) -> datetime:
        """Only working time counts; landing exactly on closing time stays there."""
        if delta < timedelta(0):
            raise ValueError("cannot add negative working time")
        dt = _utc(dt)
        periods = self._periods_after(dt)
        while True:
            start, end = next(periods)
            cursor = max(start, dt)
            if delta <= end - cursor:
                return self._local(cursor + delta)
            delta -= end - cursor

    def add_working_hours(self, dt: datetime, hours: float) -> datetime:
        return self.add_working_time(dt, timedelta(hours=hours))

    def add_working_days(self, dt: datetime, n: int) -> datetime:
        """Same wall-clock time n working days on, clamped into working hours; a
        non-working day first moves to the next working day (n=0 does only that)."""
        if n < 0:
            raise ValueError("cannot add a negative number of working days")
        local = _utc(dt).astimezone(self.zone)
        day = self._working_day_from(local.date())
        for _ in range(n):
            day = self._working_day_from(day + timedelta(days=1))
        clock = min(max(local.time().replace(fold=0), self.start), self.end)
        return self._local(self._instant(day, clock))

    def working_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Working time from a to b (negative if b is earlier): response times in reports."""
        a, b = _utc(a), _utc(b)
        if b < a:
            return -self.working_time_between(b, a)
        total = timedelta(0)
        for start, end in self._periods_after(a):
            if start >= b:
                break
            total += min(end, b) - max(start, a)
        return total

    def same_working_day(self, a: datetime, b: datetime) -> bool:
        """Whether b (an answer) came no later than the working day a (the review) counts
        toward; answering after hours that same day, or in the weekend before, still counts."""
        return _utc(b).astimezone(self.zone).date() <= self.working_day_of(a)

    def _periods_after(self, dt: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working periods, as UTC instants, that end after dt (UTC), in order."""
        day = dt.astimezone(self.zone).date()
        while True:
            if self.is_working_day(day):
                start, end = self._instant(day, self.start), self._instant(day, self.end)
                if end > dt:
                    yield start, end
            day += timedelta(days=1)

    def _working_day_from(self, day: date) -> date:
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def _instant(self, day: date, clock: time) -> datetime:
        return datetime.combine(day, clock, tzinfo=self.zone).astimezone(UTC)

    def _local(self, dt: datetime) -> datetime:
        return dt.astimezone(self.zone)


def _utc(dt: datetime) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("a timezone-aware datetime is required")
    return dt.astimezone(UTC)


def team_calendar(team) -> WorkCalendar:
    """The calendar a team's stored settings describe (time zone, days, hours, country)."""
    return WorkCalendar.from_settings(tz=team.timezone, days=team.work_days,
                                      hours=team.work_hours, country=team.country)
