"""Working time for many answers at once.

`WorkCalendar.working_time_between` walks the calendar day by day: right for one case, about
10 µs a call, too slow for a report over 100,000. A timeline lists the calendar's working
periods over the report's range once, with the working time before each; an answer time is
then two bisections. Outside the range it asks the calendar, so the figures are the same.
"""
from __future__ import annotations

from bisect import bisect_right
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Iterator, Sequence

from desk.reminders.calendar import WorkCalendar

if TYPE_CHECKING:
    import numpy as np

MARGIN = timedelta(days=31)  # after the range: the working day of a review from its last evening


def working_periods(calendar: WorkCalendar, start: datetime,
                    end: datetime) -> Iterator[tuple[datetime, datetime]]:
    """The calendar's working periods from start to end; the first one clipped to start."""
    moment = calendar.next_working_moment(start)
    while moment < end:
        closing = calendar.end_of_working_day(moment)
        yield moment, closing
        moment = calendar.next_working_moment(closing)


class WorkingTimeline:
    def __init__(self, calendar: WorkCalendar, start: datetime, end: datetime) -> None:
        self.calendar = calendar
        self.first, self.last = start.timestamp(), (end + MARGIN).timestamp()
        self.starts: list[float] = []
        self.ends: list[float] = []
        self.before: list[float] = []  # working seconds from `start` to each period
        self.day_ends: list[float] = []  # local midnight after each period's day
        total = 0.0
        for opening, closing in working_periods(calendar, start, end + MARGIN):
            a, b = opening.timestamp(), closing.timestamp()
            self.starts.append(a)
            self.ends.append(b)
            self.before.append(total)
            total += b - a
            day = opening.astimezone(calendar.zone).date() + timedelta(days=1)
            self.day_ends.append(datetime.combine(day, time(0), tzinfo=calendar.zone)
                                 .astimezone(UTC).timestamp())
        import numpy as np  # here, not at the top: a start needs no arrays (see bench)

        self._arrays = tuple(np.asarray(a, dtype=float)
                             for a in (self.starts, self.ends, self.before, self.day_ends))

    def _clock(self, moment: float) -> float:
        i = bisect_right(self.starts, moment) - 1
        if i < 0:
            return 0.0
        return self.before[i] + min(moment, self.ends[i]) - self.starts[i]

    def measure(self, review: float, answer: float) -> tuple[float, bool]:
        """Working seconds from a review to its answer (epoch seconds both), and whether the
        answer came no later than the working day the review counts toward (as
        `WorkCalendar.same_working_day`)."""
        day = bisect_right(self.ends, review)  # the first period that ends after the review
        if not (self.first <= review <= answer <= self.last) or day == len(self.ends):
            a, b = datetime.fromtimestamp(review, UTC), datetime.fromtimestamp(answer, UTC)
            return (self.calendar.working_time_between(a, b).total_seconds(),
                    self.calendar.same_working_day(a, b))
        return self._clock(answer) - self._clock(review), answer < self.day_ends[day]

    def measure_all(self, pairs: Sequence[tuple[float, float]]) -> list[tuple[float, bool]]:
        """`measure` for many (review, answer) pairs at once, as array arithmetic: a year of
        answers in milliseconds. Pairs outside the timeline ask the calendar, one by one."""
        if not pairs or not self.starts:
            return [self.measure(r, a) for r, a in pairs]
        import numpy as np

        starts, ends, before, day_ends = self._arrays
        table = np.array(pairs, dtype=float)
        reviews, answers = table[:, 0], table[:, 1]

        def clock(moments: np.ndarray) -> np.ndarray:
            i = np.searchsorted(starts, moments, side="right") - 1
            at = np.clip(i, 0, None)
            return np.where(i < 0, 0.0, before[at] + np.minimum(moments, ends[at]) - starts[at])

        day = np.searchsorted(ends, reviews, side="right")
        inside = ((self.first <= reviews) & (reviews <= answers) & (answers <= self.last)
                  & (day < len(ends)))
        seconds = clock(answers) - clock(reviews)
        same = answers < day_ends[np.minimum(day, len(ends) - 1)]
        out = list(zip(seconds.tolist(), same.tolist()))
        for i in np.flatnonzero(~inside).tolist():
            out[i] = self.measure(*pairs[i])
        return out
