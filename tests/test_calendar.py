from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desk.reminders.calendar import WorkCalendar, public_holidays

AMS = ZoneInfo("Europe/Amsterdam")
NL = WorkCalendar()
BE = WorkCalendar(tz="Europe/Brussels", country="BE")


def ams(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=AMS)


def test_friday_evening_review_goes_out_on_monday_morning():
    assert NL.next_working_moment(ams(2026, 3, 13, 19, 30)) == ams(2026, 3, 16, 9, 0)
    assert NL.working_day_of(ams(2026, 3, 13, 19, 30)) == date(2026, 3, 16)


def test_inside_working_hours_is_now():
    assert NL.next_working_moment(ams(2026, 3, 10, 11, 5)) == ams(2026, 3, 10, 11, 5)
    assert NL.next_working_moment(ams(2026, 3, 10, 7, 0)) == ams(2026, 3, 10, 9, 0)


@pytest.mark.parametrize(
    ("moment", "working"),
    [
        (ams(2026, 3, 9, 9, 0), True),
        (ams(2026, 3, 9, 17, 29), True),
        (ams(2026, 3, 9, 17, 30), False),
        (ams(2026, 3, 9, 8, 59), False),
        (ams(2026, 3, 14, 11, 0), False),  # Saturday
        (ams(2026, 4, 27, 11, 0), False),  # Koningsdag
    ],
)
def test_is_working_time(moment, working):
    assert NL.is_working_time(moment) is working


@pytest.mark.parametrize(
    ("after_hours", "next_moment"),
    [
        (ams(2026, 4, 24, 18, 0), ams(2026, 4, 28, 9, 0)),  # Koningsdag, Monday 27 April
        (ams(2026, 12, 24, 18, 0), ams(2026, 12, 28, 9, 0)),  # Christmas on Friday, then the weekend
        (ams(2026, 4, 3, 18, 0), ams(2026, 4, 7, 9, 0)),  # Easter Monday, 6 April
        (ams(2026, 5, 13, 18, 0), ams(2026, 5, 15, 9, 0)),  # Ascension Day, Thursday 14 May
    ],
)
def test_dutch_holidays_are_skipped(after_hours, next_moment):
    assert NL.next_working_moment(after_hours) == next_moment


def test_belgian_national_day_is_not_a_dutch_holiday():
    monday_evening = ams(2026, 7, 20, 18, 0)
    assert NL.next_working_moment(monday_evening) == ams(2026, 7, 21, 9, 0)
    assert BE.next_working_moment(monday_evening) == ams(2026, 7, 22, 9, 0)
    assert BE.next_working_moment(monday_evening).tzinfo == ZoneInfo("Europe/Brussels")


def test_without_a_country_holidays_are_working_days():
    calendar = WorkCalendar.from_settings(country="")
    assert calendar.is_working_time(ams(2026, 4, 27, 11, 0))


def test_add_working_hours_skips_the_night_and_the_weekend():
    assert NL.add_working_hours(ams(2026, 3, 13, 16, 30), 2) == ams(2026, 3, 16, 10, 0)
    assert NL.add_working_hours(ams(2026, 3, 13, 16, 30), 1) == ams(2026, 3, 13, 17, 30)
    assert NL.add_working_hours(ams(2026, 3, 14, 12, 0), 0.25) == ams(2026, 3, 16, 9, 15)
    assert NL.add_working_time(ams(2026, 4, 24, 17, 0), timedelta(hours=1)) == ams(2026, 4, 28, 9, 30)
    with pytest.raises(ValueError):
        NL.add_working_hours(ams(2026, 3, 13, 16, 30), -1)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (ams(2026, 3, 13, 14, 0), 1, ams(2026, 3, 16, 14, 0)),
        (ams(2026, 3, 13, 20, 0), 1, ams(2026, 3, 16, 17, 30)),
        (ams(2026, 3, 10, 7, 0), 2, ams(2026, 3, 12, 9, 0)),
        (ams(2026, 3, 14, 11, 0), 0, ams(2026, 3, 16, 11, 0)),
        (ams(2026, 4, 24, 10, 0), 1, ams(2026, 4, 28, 10, 0)),
        (ams(2026, 3, 9, 10, 0), 5, ams(2026, 3, 16, 10, 0)),
    ],
)
def test_add_working_days(start, days, expected):
    assert NL.add_working_days(start, days) == expected


def test_end_of_working_day():
    assert NL.end_of_working_day(ams(2026, 3, 9, 10, 0)) == ams(2026, 3, 9, 17, 30)
    assert NL.end_of_working_day(ams(2026, 3, 9, 18, 0)) == ams(2026, 3, 10, 17, 30)
    assert NL.end_of_working_day(ams(2026, 3, 13, 18, 0)) == ams(2026, 3, 16, 17, 30)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (ams(2026, 3, 9, 10, 0), ams(2026, 3, 9, 12, 15), timedelta(hours=2, minutes=15)),
        # Friday 16:00 to Tuesday 10:00 over the weekend and Koningsdag: 1.5 h + 1 h.
        (ams(2026, 4, 24, 16, 0), ams(2026, 4, 28, 10, 0), timedelta(hours=2, minutes=30)),
        # Wednesday 17:00 to Friday 09:30 over Ascension Day: 30 min + 30 min.
        (ams(2026, 5, 13, 17, 0), ams(2026, 5, 15, 9, 30), timedelta(hours=1)),
        (ams(2026, 3, 9, 9, 0), ams(2026, 3, 16, 9, 0), timedelta(hours=42, minutes=30)),
        (ams(2026, 3, 14, 9, 0), ams(2026, 3, 15, 18, 0), timedelta(0)),
        (ams(2026, 3, 9, 12, 15), ams(2026, 3, 9, 10, 0), -timedelta(hours=2, minutes=15)),
    ],
)
def test_working_time_between(a, b, expected):
    assert NL.working_time_between(a, b) == expected


@pytest.mark.parametrize(
    ("review", "answer", "same_day"),
    [
        (ams(2026, 3, 9, 10, 0), ams(2026, 3, 9, 16, 0), True),
        (ams(2026, 3, 9, 10, 0), ams(2026, 3, 9, 21, 0), True),
        (ams(2026, 3, 9, 10, 0), ams(2026, 3, 10, 8, 0), False),
        (ams(2026, 3, 13, 19, 30), ams(2026, 3, 14, 11, 0), True),
        (ams(2026, 3, 13, 19, 30), ams(2026, 3, 16, 16, 0), True),
        (ams(2026, 3, 13, 19, 30), ams(2026, 3, 17, 9, 5), False),
    ],
)
def test_same_working_day(review, answer, same_day):
    assert NL.same_working_day(review, answer) is same_day


def test_week_with_summer_time_change():
    # Clocks go forward on Sunday 29 March 2026: working hours stay 09:00-17:30 local.
    friday_afternoon = ams(2026, 3, 27, 16, 30)
    monday = NL.add_working_hours(friday_afternoon, 2)
    assert monday == ams(2026, 3, 30, 10, 0)
    assert monday.utcoffset() == timedelta(hours=2)
    assert monday.astimezone(UTC) == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    assert NL.working_time_between(ams(2026, 3, 27, 9, 0), ams(2026, 3, 30, 9, 0)) == timedelta(hours=8, minutes=30)
    assert NL.next_working_moment(ams(2026, 3, 27, 18, 0)).astimezone(UTC) == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)


def test_week_with_winter_time_change():
    # Clocks go back on Sunday 25 October 2026.
    monday = NL.next_working_moment(ams(2026, 10, 23, 18, 0))
    assert monday.astimezone(UTC) == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)
    assert NL.add_working_days(ams(2026, 10, 23, 11, 0), 1).astimezone(UTC) == datetime(2026, 10, 26, 10, 0, tzinfo=UTC)
    assert NL.working_time_between(ams(2026, 10, 19, 9, 0), ams(2026, 10, 26, 9, 0)) == timedelta(hours=42, minutes=30)


def test_night_shift_on_the_change_days_counts_real_time():
    night = WorkCalendar(days=frozenset(range(7)), start=time(1, 0), end=time(5, 0), country=None)
    assert night.working_time_between(ams(2026, 3, 29, 0, 0), ams(2026, 3, 29, 12, 0)) == timedelta(hours=3)
    assert night.working_time_between(ams(2026, 10, 25, 0, 0), ams(2026, 10, 25, 12, 0)) == timedelta(hours=5)
    assert night.end_of_working_day(ams(2026, 3, 29, 0, 0)).astimezone(UTC) == datetime(2026, 3, 29, 3, 0, tzinfo=UTC)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        NL.next_working_moment(datetime(2026, 3, 9, 10, 0))


def test_holiday_tables_are_cached():
    assert public_holidays("NL", None, 2026) is public_holidays("NL", None, 2026)


@pytest.mark.parametrize("days", ["mon,tue,wed,thu,fri", "mon-fri", "1-5", "ma-vr", "Ma, Di, Wo, Do, Vr", "monday - friday"])
def test_settings_for_weekdays(days):
    assert WorkCalendar.from_settings(days=days, hours="09:00-17:30") == NL


def test_settings_with_other_hours_days_and_country():
    shop = WorkCalendar.from_settings(
        tz="Europe/Brussels", days="sat-tue", hours="8.30 - 16", country="be", subdivision="flemish"
    )
    assert shop.days == frozenset({5, 6, 0, 1})
    assert (shop.start, shop.end) == (time(8, 30), time(16, 0))
    assert (shop.country, shop.subdivision) == ("BE", "Flemish")


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"days": ""}, "working days are empty"),
        ({"days": "mon,funday"}, "unknown day 'funday'"),
        ({"days": "0-5"}, "unknown day '0'"),
        ({"hours": "9:00"}, "not understood"),
        ({"hours": "nine to five"}, "not understood"),
        ({"hours": "17:00-09:00"}, "must start before they end"),
        ({"hours": "09:00-09:00"}, "must start before they end"),
        ({"hours": "25:00-26:00"}, "impossible time"),
        ({"tz": "Mars/Olympus"}, "unknown time zone"),
        ({"country": "XX"}, "no public holidays known"),
        ({"country": "BE", "subdivision": "Atlantis"}, "unknown subdivision"),
    ],
)
def test_invalid_settings(settings, message):
    with pytest.raises(ValueError, match=message):
        WorkCalendar.from_settings(**settings)
