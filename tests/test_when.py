from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from desk.reminders.when import WhenError, parse_when

AMS = ZoneInfo("Europe/Amsterdam")
NYC = ZoneInfo("America/New_York")
# Monday 9 March 2026, mid-morning; the clocks go forward on Sunday 29 March.
NOW = datetime(2026, 3, 9, 10, 15, tzinfo=AMS)


def when(phrase: str, now: datetime = NOW, tz: str = "Europe/Amsterdam") -> str:
    moment = parse_when(phrase, now=now, tz=tz)
    assert moment.tzinfo == ZoneInfo(tz)
    return f"{moment:%Y-%m-%d %H:%M}"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # Dutch
        ("morgen om 9 uur", "2026-03-10 09:00"),
        ("Morgen om 9 uur.", "2026-03-10 09:00"),
        ("morgen 9 uur", "2026-03-10 09:00"),
        ("vrijdag 14:00", "2026-03-13 14:00"),
        ("vrijdag om 14.00", "2026-03-13 14:00"),
        ("over 2 dagen", "2026-03-11 10:15"),
        ("over twee dagen om 10 uur", "2026-03-11 10:00"),
        ("volgende week dinsdag", "2026-03-17 09:00"),
        ("dinsdag volgende week", "2026-03-17 09:00"),
        ("volgende week op dinsdag", "2026-03-17 09:00"),
        ("komende dinsdag", "2026-03-10 09:00"),
        ("volgende dinsdag", "2026-03-10 09:00"),
        ("aanstaande vrijdag", "2026-03-13 09:00"),
        ("maandag", "2026-03-16 09:00"),
        ("volgende week", "2026-03-16 09:00"),
        ("half 10", "2026-03-10 09:30"),
        ("half 3", "2026-03-09 14:30"),
        ("kwart over 3", "2026-03-09 15:15"),
        ("morgen kwart voor 4", "2026-03-10 15:45"),
        ("tien over half drie", "2026-03-09 14:40"),
        ("om 3 uur", "2026-03-09 15:00"),
        ("morgenochtend", "2026-03-10 09:00"),
        ("morgenmiddag", "2026-03-10 13:00"),
        ("vanavond", "2026-03-09 19:00"),
        ("overmorgen", "2026-03-11 09:00"),
        ("donderdag 's middags om 3 uur", "2026-03-12 15:00"),
        ("vrijdagmiddag", "2026-03-13 13:00"),
        ("11 uur 's avonds", "2026-03-09 23:00"),
        ("over een half uur", "2026-03-09 10:45"),
        ("over een kwartier", "2026-03-09 10:30"),
        ("over 1 uur en 30 minuten", "2026-03-09 11:45"),
        ("over 3 weken", "2026-03-30 10:15"),
        ("eind van de dag", "2026-03-09 17:00"),
        ("eind van de week", "2026-03-13 17:00"),
        ("12 december 14:00", "2026-12-12 14:00"),
        ("op 12 december", "2026-12-12 09:00"),
        ("12-12-2026 om 15u", "2026-12-12 15:00"),
        ("15u30", "2026-03-09 15:30"),
        ("herinner me morgen", "2026-03-10 09:00"),
        ("volgende maand", "2026-04-01 09:00"),
        # English
        ("tomorrow 9am", "2026-03-10 09:00"),
        ("tomorrow at 9", "2026-03-10 09:00"),
        ("in 3 hours", "2026-03-09 13:15"),
        ("in an hour", "2026-03-09 11:15"),
        ("in 3h", "2026-03-09 13:15"),
        ("next tuesday", "2026-03-10 09:00"),
        ("tuesday next week", "2026-03-17 09:00"),
        ("next week", "2026-03-16 09:00"),
        ("on friday", "2026-03-13 09:00"),
        ("15:00", "2026-03-09 15:00"),
        ("09:00", "2026-03-10 09:00"),
        ("at 3:30pm", "2026-03-09 15:30"),
        ("friday at noon", "2026-03-13 12:00"),
        ("the day after tomorrow", "2026-03-11 09:00"),
        ("tomorrow morning", "2026-03-10 09:00"),
        ("tonight", "2026-03-09 19:00"),
        ("quarter past 3", "2026-03-09 15:15"),
        ("half past nine", "2026-03-10 09:30"),
        ("in 2 days at 3pm", "2026-03-11 15:00"),
        ("end of day", "2026-03-09 17:00"),
        ("December 12th", "2026-12-12 09:00"),
        ("remind me in 2 weeks", "2026-03-23 10:15"),
        ("end of the week", "2026-03-13 17:00"),
    ],
)
def test_phrases(phrase, expected):
    assert when(phrase) == expected


def test_a_time_already_passed_today_means_tomorrow():
    assert when("10:00") == "2026-03-10 10:00"
    assert when("10:30") == "2026-03-09 10:30"


@pytest.mark.parametrize(
    "phrase",
    ["gisteren", "yesterday 15:00", "1 januari 2020", "vandaag om 8 uur", "today at 9am", "in 0 minutes"],
)
def test_past_is_refused(phrase):
    with pytest.raises(WhenError) as error:
        parse_when(phrase, now=NOW, tz="Europe/Amsterdam")
    assert error.value.code == "past"


@pytest.mark.parametrize("phrase", ["", "   ", "?!"])
def test_empty_is_refused(phrase):
    with pytest.raises(WhenError) as error:
        parse_when(phrase, now=NOW, tz="Europe/Amsterdam")
    assert error.value.code == "empty"


NONSENSE = [
    "banaan",
    "asdfgh",
    "blabla 12",
    "wanneer het uitkomt",
    "ooit",
    "someday",
    "when pigs fly",
    "nooit",
    "never",
    "morgen of zo",
    "om 25 uur",
    "25:00",
    "in 3 bananen",
    "next blursday",
    "volgende week blurp",
    "32 december",
    "remind me",
    "3 3",
    "morgen om 9 en om 10",
    "in 3 hours tonight",
    "13pm",
    "🙂",
]


@pytest.mark.parametrize("phrase", NONSENSE)
def test_nonsense_is_refused(phrase):
    with pytest.raises(WhenError) as error:
        parse_when(phrase, now=NOW, tz="Europe/Amsterdam")
    assert error.value.code == "unparsed"


SATURDAY_BEFORE_SUMMER_TIME = datetime(2026, 3, 28, 10, 0, tzinfo=AMS)
SATURDAY_BEFORE_WINTER_TIME = datetime(2026, 10, 24, 10, 0, tzinfo=AMS)


@pytest.mark.parametrize(
    ("now", "phrase", "local", "utc"),
    [
        (SATURDAY_BEFORE_SUMMER_TIME, "morgen om 9 uur", "2026-03-29 09:00", "07:00"),
        (SATURDAY_BEFORE_SUMMER_TIME, "zondag 15:00", "2026-03-29 15:00", "13:00"),
        (SATURDAY_BEFORE_SUMMER_TIME, "over 2 dagen", "2026-03-30 10:00", "08:00"),
        (SATURDAY_BEFORE_SUMMER_TIME, "in 24 hours", "2026-03-29 11:00", "09:00"),
        (datetime(2026, 3, 29, 1, 0, tzinfo=AMS), "in 3 hours", "2026-03-29 05:00", "03:00"),
        (SATURDAY_BEFORE_SUMMER_TIME, "morgen 02:30", "2026-03-29 03:30", "01:30"),
        (SATURDAY_BEFORE_WINTER_TIME, "morgen om 9 uur", "2026-10-25 09:00", "08:00"),
        (SATURDAY_BEFORE_WINTER_TIME, "tomorrow at 9", "2026-10-25 09:00", "08:00"),
        (SATURDAY_BEFORE_WINTER_TIME, "over een week", "2026-10-31 10:00", "09:00"),
        (SATURDAY_BEFORE_WINTER_TIME, "in 24 hours", "2026-10-25 09:00", "08:00"),
        (datetime(2026, 10, 25, 1, 30, tzinfo=AMS), "in 2 hours", "2026-10-25 02:30", "01:30"),
    ],
)
def test_daylight_saving_changes(now, phrase, local, utc):
    moment = parse_when(phrase, now=now, tz="Europe/Amsterdam")
    assert f"{moment:%Y-%m-%d %H:%M}" == local
    assert f"{moment.astimezone(UTC):%H:%M}" == utc


def test_another_zone():
    # New York moves its clocks on Sunday 8 March 2026, three weeks before Amsterdam.
    saturday = datetime(2026, 3, 7, 10, 0, tzinfo=NYC)
    moment = parse_when("morgen om 9 uur", now=saturday, tz="America/New_York")
    assert moment.tzinfo == NYC
    assert moment.astimezone(UTC) == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)
    assert when("15:00", now=saturday, tz="America/New_York") == "2026-03-07 15:00"
    assert when("in 3 hours", now=saturday, tz="America/New_York") == "2026-03-07 13:00"


def test_now_in_another_zone_than_the_team():
    # 16:00 in Amsterdam is 10:00 in New York: "morgen" is still the team's tomorrow.
    assert when("tomorrow at 9", now=datetime(2026, 3, 9, 16, 0, tzinfo=AMS), tz="America/New_York") == "2026-03-10 09:00"
    assert when("vandaag 22:00", now=datetime(2026, 3, 10, 1, 0, tzinfo=AMS), tz="America/New_York") == "2026-03-09 22:00"


def test_naive_now_is_a_programming_error():
    with pytest.raises(ValueError, match="aware"):
        parse_when("morgen", now=datetime(2026, 3, 9, 10, 15), tz="Europe/Amsterdam")


def test_when_error_is_a_value_error_with_a_code():
    error = WhenError("past")
    assert isinstance(error, ValueError)
    assert error.code == "past"


@pytest.mark.parametrize("phrase", ["over 999999999 dagen", "in 99999999 months",
                                    "in 99999999999 hours"])
def test_amounts_beyond_any_calendar_are_refused(phrase):
    with pytest.raises(WhenError) as err:
        parse_when(phrase, now=NOW, tz="Europe/Amsterdam")
    assert err.value.code == "unparsed"


# Tuesday 1 December 2026, 10:00; Friday 4 December 15:30; Thursday 24 December 16:00.
TUE = datetime(2026, 12, 1, 10, 0, tzinfo=AMS)
FRI = datetime(2026, 12, 4, 15, 30, tzinfo=AMS)
XMAS_EVE = datetime(2026, 12, 24, 16, 0, tzinfo=AMS)


@pytest.mark.parametrize(("phrase", "now", "expected"), [
    ("na het weekend", TUE, "2026-12-07 09:00"),
    ("after the weekend", FRI, "2026-12-07 09:00"),
    ("over 3 werkdagen", FRI, "2026-12-09 15:30"),
    ("in 3 business days", TUE, "2026-12-04 10:00"),
    ("in 2 working days", FRI, "2026-12-08 15:30"),
    ("eind van de middag", TUE, "2026-12-01 17:00"),
    ("end of the afternoon", TUE, "2026-12-01 17:00"),
    ("na de lunch", TUE, "2026-12-01 13:00"),
    ("after lunch", FRI, "2026-12-05 13:00"),
    ("begin volgende week", TUE, "2026-12-07 09:00"),
    ("'s middags", TUE, "2026-12-01 13:00"),
    ("16u", TUE, "2026-12-01 16:00"),
    ("binnen een week", TUE, "2026-12-08 10:00"),
    ("morgennamiddag", TUE, "2026-12-02 13:00"),
    ("24 december 17:20", XMAS_EVE, "2026-12-24 17:20"),  # later today is today, not next year
    # the end of the day or afternoon is a part of a day, as the morning is
    ("morgen eind van de middag", TUE, "2026-12-02 17:00"),
    ("woensdag einde namiddag", FRI, "2026-12-09 17:00"),
    ("tomorrow at the end of the day", FRI, "2026-12-05 17:00"),
    ("friday at the end of the afternoon", TUE, "2026-12-04 17:00"),
    # round 3: a typo, a filler, a part of the day with "tegen", "straks", a date that is today
    ("herinner me morgn", TUE, "2026-12-02 09:00"),
    ("start of next week pls", FRI, "2026-12-07 09:00"),
    ("tegen de namiddag", TUE, "2026-12-01 13:00"),
    ("straks om 17u", TUE, "2026-12-01 17:00"),
    ("1 december", datetime(2026, 12, 1, 8, 0, tzinfo=AMS), "2026-12-01 09:00"),
    # round 4: chat shorthand
    ("ping me next fri", TUE, "2026-12-04 09:00"),
    ("bump this in 2 days", FRI, "2026-12-06 15:30"),
    ("in 2 wks", TUE, "2026-12-15 10:00"),
    ("over een half uurtje", TUE, "2026-12-01 10:30"),
    ("overmorgn graag", TUE, "2026-12-03 09:00"),
    ("deze namiddag nog", TUE, "2026-12-01 13:00"),
    ("over 3 uur nog eens", TUE, "2026-12-01 13:00"),
    ("na t weekend", FRI, "2026-12-07 09:00"),
    ("tegen 14u30 svp", TUE, "2026-12-01 14:30"),
])
def test_the_phrases_people_type(phrase, now, expected):
    assert when(phrase, now) == expected


@pytest.mark.parametrize(("phrase", "language"), [
    ("na de vergadering", "nl"), ("als de baas terug is", "nl"), ("after the meeting", "en"),
    ("someday", "en"), ("gisteren om 9 uur", "nl"), ("yesterday at 9", "en"), ("17:99", None),
    ("geen idee", "nl"), ("als ik er zin in heb", "nl"), ("whenever I feel like it", "en"),
    ("binnenkort", "nl"), ("straks", "nl"), ("seffens", "nl"),
])
def test_a_refusal_knows_the_language_of_the_phrase(phrase, language):
    with pytest.raises(WhenError) as error:
        parse_when(phrase, now=TUE, tz="Europe/Amsterdam")
    assert error.value.language == language


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_two_examples_in_a_refusal_work(language):
    import re

    from app.main import load_catalogs

    examples = re.findall(r"[“„]([^”]+)”", load_catalogs().plain(language, "remind.examples"))
    assert len(examples) == 2
    for example in examples:
        assert parse_when(example, now=TUE, tz="Europe/Amsterdam") > TUE


def test_a_dutch_phrase_is_refused_in_dutch_whatever_the_persons_language(channel):
    case = channel.claimed()
    notice = channel.command("Ann", f"remind {case} na de vergadering", locale="en").notice
    assert "kan ik niet lezen" in notice and "na het weekend" in notice


# Accuracy on the labelled phrases (tests/data/advice/when.txt): floors a little below what was measured.
# round_2 (when2.txt) was evaluated once (92 %), then read and fixed; round_3 (when3.txt) the same (94 %),
# and round_4 (when4.txt: 90 %) and round_5 (when5.txt: 94 %; "later" is Dutch and English alike, so
# its refusal comes in the person's language, where the writer expected English). round_6 (when6.txt)
# was evaluated once after round 5's fixes (96 %) and is not read yet.
@pytest.mark.parametrize(("split", "floor"), [("tuning", 1.0), ("held_out", 0.94), ("round_2", 0.98),
                                              ("round_3", 0.98), ("round_4", 0.98), ("round_5", 0.98),
                                              ("round_6", 0.95)])
def test_accuracy_on_the_labelled_phrases(split, floor):
    from tests.advice_corpus import snooze_accuracy

    right, total = snooze_accuracy(split)
    assert total >= 15 and right / total >= floor


@pytest.mark.parametrize(("phrase", "now", "expected"), [
    ("op de 15e", "2027-02-03T13:10+01:00", "2027-02-15T09:00+01:00"),
    ("the 3rd", "2026-12-28T11:00+01:00", "2027-01-03T09:00+01:00"),
    ("on the 20th at 2pm", "2027-01-13T08:15+01:00", "2027-01-20T14:00+01:00"),
    ("de 31ste", "2026-11-10T10:00+01:00", "2026-12-31T09:00+01:00"),  # November has none
    ("ff over 20 min", "2027-03-10T15:55+01:00", "2027-03-10T16:15+01:00"),
])
def test_a_day_of_the_month_and_chat_fillers(phrase, now, expected):
    moment = parse_when(phrase, now=datetime.fromisoformat(now), tz="Europe/Amsterdam")
    assert moment.isoformat(timespec="minutes") == expected


def test_a_flemish_word_for_soon_is_refused_in_dutch():
    with pytest.raises(WhenError) as refused:
        parse_when("subiet", now=datetime.fromisoformat("2027-02-05T11:35+01:00"), tz="Europe/Amsterdam")
    assert refused.value.language == "nl"
