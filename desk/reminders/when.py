"""Plain-language moments for snooze and "remind me", in Dutch and English.

dateparser alone misreads the phrases people actually type: "morgen om 9 uur"
comes back as 19:30 ("9 uur" read as a duration), "volgende week dinsdag" and
"komende dinsdag" give nothing, "tomorrow at 9" loses its time, and relative
phrases shift by an hour around daylight-saving changes. So clock times,
weekdays and relative phrases are read here with small patterns, in wall-clock
time of the team's zone; dateparser only turns what remains (absolute dates such
as "12 december" or "vrijdag 12 december 2026") into a calendar date.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DEFAULT_TIME = time(9, 0)
END_OF_DAY = time(17, 0)
DAYPART_TIMES = {"morning": time(9, 0), "afternoon": time(13, 0), "evening": time(19, 0),
                 "endofday": END_OF_DAY}

_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("maandag", "monday", "mon"),
            ("dinsdag", "tuesday", "tues", "tue"),
            ("woensdag", "wednesday", "wed"),
            ("donderdag", "thursday", "thurs", "thur", "thu"),
            ("vrijdag", "friday", "fri"),
            ("zaterdag", "saturday", "sat"),
            ("zondag", "sunday", "sun"),
        ]
    )
    for name in names
}
_WD = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))

_NUMBERS = {
    **dict.fromkeys(("een", "één", "one"), 1),
    **dict.fromkeys(("twee", "two"), 2),
    **dict.fromkeys(("drie", "three"), 3),
    **dict.fromkeys(("vier", "four"), 4),
    **dict.fromkeys(("vijf", "five"), 5),
    **dict.fromkeys(("zes", "six"), 6),
    **dict.fromkeys(("zeven", "seven"), 7),
    **dict.fromkeys(("acht", "eight"), 8),
    **dict.fromkeys(("negen", "nine"), 9),
    **dict.fromkeys(("tien", "ten"), 10),
    **dict.fromkeys(("elf", "eleven"), 11),
    **dict.fromkeys(("twaalf", "twelve"), 12),
    **dict.fromkeys(("vijftien", "fifteen"), 15),
    **dict.fromkeys(("twintig", "twenty"), 20),
    **dict.fromkeys(("dertig", "thirty"), 30),
}

_DAYPART_WORDS = {"ochtend": "morning", "voormiddag": "morning", "middag": "afternoon",
                  "namiddag": "afternoon", "avond": "evening"}
AFTER_LUNCH = "13:00"

# Applied in order to the lower-cased phrase: one spelling per meaning afterwards.
_REWRITES = [(re.compile(pattern), replacement) for pattern, replacement in [
    (r"[’‘`´]", "'"),
    (r"\ba\.m\.", "am"),
    (r"\bp\.m\.", "pm"),
    (r"[,!?;]+|\.+$", " "),
    # Phrases people use for a moment without naming one, read as the team would.
    # chat shorthand: "ping me next fri", "bump this in 2 days"
    (r"\b(?:ping|bump|nudge)(?: (?:me|this|it|us))?\b", " "),
    (r"\b(?:na|after) (?:het |the |'t |t )?(?:weekend|weekeinde)\b", " volgende week maandag "),
    (r"\b(?:(?:in het |aan het )?begin (?:van )?(?:de )?volgende week|(?:early|(?:at )?the start of|"
     r"(?:at )?the beginning of|start of|beginning of) next week)\b", " volgende week maandag "),
    # the end of the (working) day or afternoon is a part of the day: "morgen eind van de middag"
    (r"\b(?:(?:aan |tegen )?(?:het )?einde? (?:van )?(?:de )?(?:na)?middag|(?:at |by )?(?:the )?end of the afternoon|"
     r"late afternoon|(?:aan |tegen )?(?:het )?einde? van de (?:werk)?dag|(?:at |by )?(?:the )?end of (?:the )?"
     r"(?:working |business )?day|eod)\b", " endofday "),
    (r"\b(?:na|after) (?:de |the )?lunch(?:pauze)?\b", f" {AFTER_LUNCH} "),
    (r"\bdeze (ochtend|voormiddag|middag|namiddag|avond)\b", lambda m: f"vandaag {m[1]}"),
    (r"(?:'s|\bs) ?(?:voormiddags)\b", " morning "),
    (r"(?:'s|\bs) ?(?:namiddags)\b", " afternoon "),
    (r"\b(?:the )?day after tomorrow\b", "overmorgen"),
    (r"\b(?:tmrw|tmr|tomorow|tommorow|tomorro)\b", "tomorrow"),
    (r"\b(?:morgn|morge|mrgn)\b", "morgen"),
    (r"\b(?:overmorgn|overmorge)\b", "overmorgen"),
    (r"(?:'s|\bs) ?(?:morgens|ochtends)\b|\bin de (?:ochtend|morgen)\b|\bin the morning\b", " morning "),
    (r"(?:'s|\bs) ?middags\b|\bin de middag\b|\bin the afternoon\b", " afternoon "),
    (r"(?:'s|\bs) ?avonds\b|\bin de avond\b|\bin the evening\b", " evening "),
    (r"(?:'s|\bs) ?nachts\b|\bat night\b", " night "),
    (r"\bvan(?:ochtend|morgen)\b|\bthis morning\b", "vandaag morning"),
    (r"\bvanmiddag\b|\bthis afternoon\b", "vandaag afternoon"),
    (r"\bvanavond\b|\bthis evening\b|\btonight\b", "vandaag evening"),
    (rf"\b(morgen|overmorgen|vandaag|{_WD}) ?(ochtend|voormiddag|namiddag|middag|avond)\b",
     lambda m: f"{m[1]} {_DAYPART_WORDS[m[2]]}"),
    (r"\b(?:in|tegen) de (?:voormiddag)\b", " morning "), (r"\b(?:in|tegen) de (?:namiddag)\b", " afternoon "),
    (r"\b(?:noon|midday)\b", "12:00"),
    (r"\b(?:" + "|".join(_NUMBERS) + r")\b", lambda m: str(_NUMBERS[m[0]])),
    (r"\b(?:1 )?anderhalf uur\b|\b(?:an?|1) hour and a half\b", "90 minutes"),
    (r"\b(?:1 )?half uur(?:tje)?\b|\bhalf an hour\b", "30 minutes"),
    (r"\b(?:1 )?kwartier\b|\b(?:a )?quarter of an hour\b", "15 minutes"),
    (rf"\b(?:op|on) (?=(?:{_WD}|\d)\b)", ""),
    (r"\s+", " "),
]]

_AT = r"(?:(?:om|at|rond|around|tegen|by) )?"
# A number right after these words is an amount of time, not a clock time.
_NOT_AMOUNT = "".join(rf"(?<!\b{w} )" for w in ("over", "in", "na", "binnen", "within", "en", "and"))
_MONTH_AHEAD = r"(?! ?(?:jan|feb|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec))"

# Each yields (hour, minute, kind): "am"/"pm", "24h" (as written, "03:30"), or
# "loose": an hour before 7 then means afternoon, as nobody snoozes a review
# until 3 at night; "3:30" and "3u" are loose, a leading zero is not.
_TIMES = [(re.compile(pattern), read) for pattern, read in [
    (rf"\b{_AT}(?<![\d./-])(\d{{1,2}})[:.](\d{{2}})(?![\d./:-]) ?(am|pm)?\b",
     lambda m: (m[1], m[2], m[3] or _written(m[1]))),
    (rf"\b{_AT}{_NOT_AMOUNT}(\d{{1,2}}) ?(am|pm)\b",
     lambda m: (m[1], 0, m[2])),
    (rf"\b{_AT}{_NOT_AMOUNT}(\d{{1,2}})[uh](\d{{2}})?\b",
     lambda m: (m[1], m[2] or 0, _written(m[1]))),
    (rf"\b{_AT}(?:(kwart|\d{{1,2}}) (over|voor) )?half (\d{{1,2}})\b(?: uur)?",
     lambda m: _half(m[1], m[2], m[3])),
    (rf"\b{_AT}(kwart|\d{{1,2}}) (over|voor) (\d{{1,2}})\b(?! ?(?:min|dag|week|weken|maand))(?: uur)?",
     lambda m: _past_or_to(m[1], "past" if m[2] == "over" else "to", m[3])),
    (rf"\b{_AT}(half|quarter|\d{{1,2}}) (past|to) (\d{{1,2}})\b(?: o'clock)?",
     lambda m: _past_or_to(m[1], m[2], m[3])),
    (rf"\b{_AT}{_NOT_AMOUNT}(\d{{1,2}}) ?(?:uur|o'clock)\b",
     lambda m: (m[1], 0, "loose")),
    (rf"\b(?:om|at|rond|around|tegen) (\d{{1,2}})\b(?![:.]?\d){_MONTH_AHEAD}",
     lambda m: (m[1], 0, "loose")),
]]

_DAYPART = re.compile(r"\b(morning|afternoon|evening|night|endofday)\b")
_FILLERS = {
    "op", "on", "om", "at", "rond", "around", "tegen", "by", "tot", "until", "till",
    "remind", "me", "herinner", "mij", "snooze", "please", "pls", "plz", "graag", "aub", "svp", "straks", "seffens",
    "nog", "eens", "ff", "effe", "efkes",
}

_NEXT_WEEK = r"(?:volgende|komende|next) week"
_UPCOMING = r"(?:volgende|komende|aanstaande|deze|next|this|coming)"
_END_OF = r"(?:het )?einde? (?:van )?(?:de )?"
_DAY_OFFSETS = {
    "vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2,
    "gisteren": -1, "yesterday": -1,
}
_UNITS = {
    "workdays": r"werkdagen|werkdag|business days|business day|working days|working day|workdays|workday",
    "minutes": r"m|min|mins|minuut|minuten|minute|minutes",
    "hours": r"u|h|hr|hrs|uur|uren|hour|hours",
    "days": r"d|dag|dagen|day|days",
    "weeks": r"w|wk|wks|week|weken|weeks",
    "months": r"maand|maanden|month|months",
}
_AMOUNT = re.compile(r"(\d+|an?) ?(?:" + "|".join(f"(?P<{unit}>{words})" for unit, words in _UNITS.items()) + ")")


class WhenError(ValueError):
    """A phrase that gives no usable moment; `code` is "empty", "unparsed" or "past", and
    `language` the phrase's own language when it shows one, to refuse in the same words."""

    def __init__(self, code: str, language: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.language = language


_NL_WORDS = frozenset(
    """morgen overmorgen vandaag gisteren vanavond vanmiddag vanochtend vanmorgen om uur over na binnen
    volgende komende aanstaande deze dag dagen week weken maand maanden middag avond ochtend namiddag
    voormiddag werkdag werkdagen eind einde begin van de het een als is ooit keer terug nog straks later
    zo meteen subiet vergadering baas maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari
    februari maart mei juni juli augustus oktober half kwart voor tot graag herinner mij me
    met ik er zin heb geen idee wel niet dan maar wanneer misschien ergens zodra weet binnenkort seffens svp""".split())
_EN_WORDS = frozenset(
    """tomorrow today yesterday tonight at in after within next this coming day days week weeks month
    months afternoon evening morning night business working end start early late of the a an when is
    back someday sometime soon later meeting boss monday tuesday wednesday thursday friday saturday
    sunday january february march may june july august october past quarter to until remind me
    please whenever i feel like it no idea never maybe sometime know once""".split())


def phrase_language(phrase: str) -> str | None:
    """"nl" or "en" when the phrase's words say so; None when they don't (e.g. "16:00")."""
    words = re.findall(r"[a-zà-ÿ']+", phrase.lower())
    nl = sum(w in _NL_WORDS and w not in _EN_WORDS for w in words)
    en = sum(w in _EN_WORDS and w not in _NL_WORDS for w in words)
    return "nl" if nl > en else "en" if en > nl else None


def parse_when(phrase: str, *, now: datetime, tz: str) -> datetime:
    """The moment a phrase such as "morgen om 9 uur" or "next tuesday 2pm" means, after `now`.

    A date without a time means 09:00; a time without a date means the next time
    the clock shows it. "dinsdag" and "komende/volgende/next dinsdag" are the first
    Tuesday after today, "volgende week dinsdag" is the Tuesday of next week.
    Days, weeks and months move the calendar (same wall-clock time), hours and
    minutes move the clock.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    try:
        return _parse(phrase, now, ZoneInfo(tz))
    except WhenError as err:
        err.language = phrase_language(phrase)
        raise


def _parse(phrase: str, now: datetime, zone: ZoneInfo) -> datetime:
    local_now = now.astimezone(zone).replace(second=0, microsecond=0)
    text = _normalise(phrase)
    if not text:
        raise WhenError("empty")

    text, spoken = _take_clock(text)
    text, daypart = _take_daypart(text)
    clock = _clock(spoken, daypart)
    text = _strip_fillers(text)
    if not text and clock is None:
        raise WhenError("unparsed")
    try:
        moment = _relative(text, local_now, clock)
    except (OverflowError, ValueError):  # "over 999999999 dagen": beyond any calendar
        raise WhenError("unparsed") from None
    if moment is None:
        day, default_clock = _day(text, local_now.date())
        if day is None:
            day = local_now.date()
            if _at(day, clock, zone) <= now:
                day += timedelta(days=1)
        moment = _at(day, clock or default_clock, zone)
    if moment <= now:
        raise WhenError("past")
    return moment.astimezone(zone)


def _normalise(phrase: str) -> str:
    text = phrase.strip().lower()
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return text.strip()


def _take_clock(text: str) -> tuple[str, tuple[int, int, str] | None]:
    """Remove the one clock time in the phrase; two clock times make no sense."""
    for pattern, read in _TIMES:
        if found := pattern.search(text):
            hour, minute, kind = read(found)
            rest = _cut(text, found)
            if any(other.search(rest) for other, _ in _TIMES):
                raise WhenError("unparsed")
            return rest, (int(hour), int(minute), kind)
    return text, None


def _take_daypart(text: str) -> tuple[str, str | None]:
    found = _DAYPART.search(text)
    if not found:
        return text, None
    rest = _cut(text, found)
    if _DAYPART.search(rest):
        raise WhenError("unparsed")
    return rest, found[1]


def _written(hour: str) -> str:
    return "24h" if hour.startswith("0") else "loose"


def _half(minutes: str | None, direction: str | None, hour: str) -> tuple[int, int, str]:
    """Dutch "half 10" is 9:30; "vijf over half 3" is 2:35."""
    offset = 15 if minutes == "kwart" else int(minutes or 0)
    total = (int(hour) - 1) * 60 + 30 + (offset if direction == "over" else -offset)
    return total // 60 % 24, total % 60, "loose"


def _past_or_to(minutes: str, direction: str, hour: str) -> tuple[int, int, str]:
    offset = {"kwart": 15, "quarter": 15, "half": 30}.get(minutes) or int(minutes)
    total = int(hour) * 60 + (offset if direction == "past" else -offset)
    return total // 60 % 24, total % 60, "loose"


def _clock(spoken: tuple[int, int, str] | None, daypart: str | None) -> time | None:
    """The time of day meant, from a spoken time and a part of the day ("'s avonds")."""
    if spoken is None:
        if daypart is not None and daypart not in DAYPART_TIMES:
            raise WhenError("unparsed")
        return DAYPART_TIMES.get(daypart)
    hour, minute, kind = spoken
    if kind in ("am", "pm"):
        if not 1 <= hour <= 12:
            raise WhenError("unparsed")
        hour = hour % 12 + (12 if kind == "pm" else 0)
    elif daypart in ("afternoon", "evening") and hour < 12:
        hour += 12
    elif daypart == "night" and 6 <= hour < 12:
        hour += 12
    elif kind == "loose" and daypart is None and hour < 7:
        hour += 12
    if hour > 23 or minute > 59:
        raise WhenError("unparsed")
    return time(hour, minute)


def _relative(text: str, now: datetime, clock: time | None) -> datetime | None:
    """Durations ("over 2 dagen", "in 3 hours", "over 1 uur en 30 minuten"), else None."""
    found = re.fullmatch(r"(?:over|in|na|within|binnen) (.+)", text)
    if not found:
        return None
    amounts = dict.fromkeys(_UNITS, 0)
    for part in re.split(r" ?(?:\ben\b|\band\b) ?", found[1]):
        amount = _AMOUNT.fullmatch(part.strip())
        if not amount:
            raise WhenError("unparsed")
        unit = next(unit for unit in _UNITS if amount[unit])
        amounts[unit] += 1 if amount[1] in ("a", "an") else int(amount[1])
    if amounts["workdays"]:
        if any(amounts[u] for u in _UNITS if u != "workdays"):
            raise WhenError("unparsed")
        return _at(_working_days_after(now.date(), amounts["workdays"]), clock or now.time(), now.tzinfo)
    exact = timedelta(hours=amounts["hours"], minutes=amounts["minutes"])
    if exact and clock is not None:
        raise WhenError("unparsed")
    shift = timedelta(days=amounts["days"] + 7 * amounts["weeks"])
    if not (shift or amounts["months"] or clock):
        return now.astimezone(UTC) + exact
    day = _add_months(now.date(), amounts["months"]) + shift
    return _at(day, clock or now.time(), now.tzinfo) + exact


def _day(text: str, today: date) -> tuple[date | None, time]:
    """The calendar day a phrase names (None if it names none), and its default time."""
    if not text:
        return None, DEFAULT_TIME
    if text in _DAY_OFFSETS:
        return today + timedelta(days=_DAY_OFFSETS[text]), DEFAULT_TIME
    if found := re.fullmatch(rf"{_NEXT_WEEK} ({_WD})|({_WD}) (?:(?:of|van) )?{_NEXT_WEEK}", text):
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
        return monday + timedelta(days=_WEEKDAYS[found[1] or found[2]]), DEFAULT_TIME
    if found := re.fullmatch(rf"(?:{_UPCOMING} )?({_WD})", text):
        return today + timedelta(days=(_WEEKDAYS[found[1]] - today.weekday() - 1) % 7 + 1), DEFAULT_TIME
    if re.fullmatch(_NEXT_WEEK, text):
        return today + timedelta(days=7 - today.weekday()), DEFAULT_TIME
    if re.fullmatch(r"(?:volgende|komende|next) (?:maand|month)", text):
        return _add_months(today.replace(day=1), 1), DEFAULT_TIME
    if re.fullmatch(rf"{_END_OF}(?:werk)?week|end of (?:the )?(?:working )?week", text):
        return today + timedelta(days=(4 - today.weekday()) % 7), END_OF_DAY
    if found := re.fullmatch(r"(?:de |the )(\d{1,2})(?:e|ste|de|st|nd|rd|th)?|(\d{1,2})(?:e|ste|de|st|nd|rd|th)", text):
        return _day_of_month(int(found[1] or found[2]), today), DEFAULT_TIME
    return _calendar_date(text, today), DEFAULT_TIME


def _day_of_month(number: int, today: date) -> date:
    """"op de 15e", "the 3rd": that day of this month, else of the first month after that has it
    (today is today, as for a date)."""
    if not 1 <= number <= 31:
        raise WhenError("unparsed")
    month = today.replace(day=1)
    while True:
        if number <= calendar.monthrange(month.year, month.month)[1] and (day := month.replace(day=number)) >= today:
            return day
        month = _add_months(month, 1)


def _calendar_date(text: str, today: date) -> date:
    """Absolute dates only: relative words are read above, where DST cannot bite."""
    if not re.search(r"[a-z]|\d[-/.]\d", text):
        raise WhenError("unparsed")
    import dateparser  # here, not at the top: only a typed date needs it, a start does not

    found = dateparser.parse(
        text,
        languages=["nl", "en"],
        settings={
            "RELATIVE_BASE": datetime.combine(today, time(12, 0)),
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    if found is None:
        raise WhenError("unparsed")
    day = found.date()
    # "24 december 17:20" said on 24 December at 16:00, or "Feb 14" on 14 February at 08:00, is
    # later today, not next year (a moment already past today is refused as past)
    if not re.search(r"\b\d{4}\b", text) and _add_months(day, -12) == today:
        return today
    return day


def _working_days_after(day: date, count: int) -> date:
    """Monday to Friday: "over 3 werkdagen" on a Friday is Wednesday. Team holidays are the
    scheduler's business (it moves a reminder into working hours)."""
    if count > 3660:
        raise WhenError("unparsed")
    while count:
        day += timedelta(days=1)
        count -= day.weekday() < 5
    return day


def _add_months(day: date, months: int) -> date:
    """Calendar months, clamped: a month after 31 January is 28 or 29 February."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _at(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """Wall-clock time in the zone as a UTC instant; a time skipped by DST moves forward."""
    return datetime.combine(day, clock.replace(tzinfo=None, fold=0), tzinfo=zone).astimezone(UTC)


def _strip_fillers(text: str) -> str:
    words = text.split()
    while words and words[0] in _FILLERS:
        words.pop(0)
    while words and words[-1] in _FILLERS:
        words.pop()
    return " ".join(words)


def _cut(text: str, found: re.Match[str]) -> str:
    return " ".join(f"{text[: found.start()]} {text[found.end():]}".split())
