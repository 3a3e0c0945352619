"""The reminder rules on the working-day calendar, with no database: weekends, a Dutch public
holiday and daylight-saving changes included."""
from dataclasses import dataclass
from datetime import datetime

import pytest

from desk.reminders import rules
from desk.reminders.calendar import WorkCalendar
from tests.conftest import AMS

CAL = WorkCalendar()  # Europe/Amsterdam, mon-fri 09:00-17:30, Dutch holidays


def at(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


def due(plan: rules.Plan) -> dict[str, datetime]:
    return dict(plan.schedule)


def test_forwarded_on_a_working_morning():
    plan = due(rules.on_forward(CAL, at(2026, 11, 23, 10, 0)))
    assert plan == {"vote": at(2026, 11, 23, 11, 0), "end_of_day": at(2026, 11, 23, 17, 15)}


def test_friday_evening_review_is_reminded_on_monday_morning():
    plan = due(rules.on_forward(CAL, at(2026, 11, 27, 20, 0)))
    assert plan == {"vote": at(2026, 11, 30, 10, 0), "end_of_day": at(2026, 11, 30, 17, 15)}


def test_an_hour_of_working_time_runs_over_kings_day():
    # Monday 26 April 2027 at 17:00; Tuesday 27 April is Koningsdag
    plan = due(rules.on_forward(CAL, at(2027, 4, 26, 17, 0)))
    assert plan["vote"] == at(2027, 4, 28, 9, 30)
    assert plan["end_of_day"] == at(2027, 4, 26, 17, 15)


def test_review_forwarded_after_the_end_of_day_reminder_counts_for_the_next_day():
    plan = due(rules.on_forward(CAL, at(2026, 11, 23, 17, 20)))
    assert plan["end_of_day"] == at(2026, 11, 24, 17, 15)


@pytest.mark.parametrize("claimed,holding", [
    (at(2026, 11, 23, 10, 0), at(2026, 11, 23, 15, 30)),
    (at(2026, 11, 23, 16, 0), at(2026, 11, 24, 15, 30)),  # too late today: tomorrow's
    (at(2026, 11, 27, 16, 0), at(2026, 11, 30, 15, 30)),  # Friday → Monday
])
def test_holding_reply_reminder_two_hours_before_the_end_of_the_day(claimed, holding):
    plan = rules.on_change(CAL, "claim", "claimed", None, claimed)
    assert due(plan) == {"holding": holding} and plan.cancel == {"claim"}


def test_decided_respond_asks_for_a_claim_an_hour_later_and_stops_the_vote_reminder():
    plan = rules.on_change(CAL, "decide_respond", "open", None, at(2026, 11, 23, 17, 0))
    assert due(plan) == {"claim": at(2026, 11, 24, 9, 30)} and plan.cancel == {"vote"}


@pytest.mark.parametrize("replied,check", [
    (at(2026, 11, 23, 10, 0), at(2026, 11, 25, 10, 0)),
    (at(2026, 11, 26, 14, 0), at(2026, 11, 30, 14, 0)),  # Thursday → Monday
    (at(2027, 3, 25, 10, 0), at(2027, 3, 31, 10, 0)),    # Good Friday, spring change, Easter Monday
    (at(2026, 10, 23, 16, 0), at(2026, 10, 27, 16, 0)),  # over the autumn change
])
def test_follow_up_after_two_working_days_at_the_same_wall_clock_time(replied, check):
    plan = rules.on_change(CAL, "post_reply", "replied", None, replied)
    assert due(plan) == {"followup": check}
    assert plan.cancel == set(rules.SAME_DAY)
    assert check.astimezone(AMS).hour == replied.hour


def test_spring_change_keeps_the_reminder_at_nine_in_the_morning():
    # Saturday 27 March 2027: clocks go forward on Sunday, Monday is Easter Monday
    moment = rules.place(CAL, at(2027, 3, 27, 12, 0))
    assert moment == at(2027, 3, 30, 9, 0) and moment.utcoffset().seconds == 7200


@pytest.mark.parametrize("moment,placed", [
    (at(2026, 11, 23, 22, 0), at(2026, 11, 24, 9, 0)),   # at night
    (at(2026, 11, 28, 10, 0), at(2026, 11, 30, 9, 0)),   # Saturday
    (at(2026, 12, 25, 10, 0), at(2026, 12, 28, 9, 0)),   # Christmas, then the weekend
    (at(2026, 11, 24, 11, 15), at(2026, 11, 24, 11, 15)),  # inside working hours: as asked
])
def test_a_reminder_is_placed_inside_working_hours(moment, placed):
    assert rules.place(CAL, moment) == placed


def test_reactions_plan_the_next_check_and_closing_stops_everything():
    now = at(2026, 11, 25, 10, 0)
    for reaction in ("not_yet", "none"):
        plan = rules.on_change(CAL, "follow_up", "replied", {"reaction": reaction}, now)
        assert due(plan) == {"followup": at(2026, 11, 27, 10, 0)} and plan.cancel == {"followup"}
    assert rules.on_change(CAL, "follow_up", "replied", {"kind": "contact"}, now) == rules.Plan()
    for action, state in (("close", "closed"), ("dismiss", "ignored"), ("decide_ignore", "ignored")):
        assert rules.on_change(CAL, action, state, None, now).cancel == set(rules.KINDS)


def test_reopened_case_gets_its_reminders_back():
    now = at(2026, 11, 23, 10, 0)
    assert set(due(rules.on_change(CAL, "reopen", "replied", None, now))) == {"followup"}
    assert set(due(rules.on_change(CAL, "reopen", "open", None, now))) == {"claim"}


@pytest.mark.parametrize("kind,state,answered,attempts,reason", [
    ("vote", "new", False, 1, None),
    ("vote", "open", False, 1, "state"),
    ("claim", "claimed", False, 1, "state"),
    ("holding", "claimed", False, 1, None),
    ("holding", "claimed", True, 1, "answered"),
    ("end_of_day", "open", False, 1, None),
    ("end_of_day", "claimed", True, 1, "answered"),
    ("followup", "closed", False, 1, "state"),
    ("snooze", "replied", True, 1, None),
    ("snooze", "ignored", False, 1, "state"),
    ("snooze", "new", False, rules.MAX_ATTEMPTS + 1, "undelivered"),
])
def test_a_due_reminder_is_skipped_when_its_reason_went_away(kind, state, answered, attempts,
                                                             reason):
    assert rules.skip_reason(kind, state=state, answered=answered, attempts=attempts) == reason


@pytest.mark.parametrize("reactions,quiet", [
    (["none", "none", "none"], True),
    (["not_yet", "none", "none", "none"], True),
    (["none", "none"], False),
    (["none", "not_yet", "none", "none"], False),
    ([], False),
])
def test_went_quiet_after_three_follow_ups_in_a_row_without_reaction(reactions, quiet):
    assert rules.went_quiet(reactions) is quiet


# -- after downtime -------------------------------------------------------------------------
@dataclass
class R:
    kind: str
    due_at: datetime
    seq: int = 1


def test_a_reminder_due_today_is_not_stale_one_of_yesterday_is():
    assert not rules.stale(CAL, at(2026, 11, 24, 11, 0), at(2026, 11, 24, 16, 0))
    assert rules.stale(CAL, at(2026, 11, 23, 17, 15), at(2026, 11, 23, 17, 40))  # after hours
    assert rules.stale(CAL, at(2026, 11, 23, 11, 0), at(2026, 11, 24, 9, 0))


def test_the_end_of_a_day_that_is_over_becomes_the_end_of_this_one():
    end_of_day, holding = R("end_of_day", at(2026, 11, 23, 17, 15)), R("holding", at(2026, 11, 23, 15, 30))
    plan = rules.collapse(CAL, [holding, end_of_day], at(2026, 11, 25, 9, 0))
    assert plan.send == [] and plan.superseded == []
    assert plan.later == [(holding, at(2026, 11, 25, 15, 30)), (end_of_day, at(2026, 11, 25, 17, 15))]
    at_night = rules.collapse(CAL, [end_of_day], at(2026, 11, 24, 2, 0))
    assert at_night.later == [(end_of_day, at(2026, 11, 24, 17, 15))]
    late = rules.collapse(CAL, [end_of_day], at(2026, 11, 24, 17, 20))  # today's moment passed
    assert late.send == [end_of_day] and late.later == []


def test_of_the_other_stale_reminders_the_one_the_state_asks_for_goes():
    vote, snooze = R("vote", at(2026, 11, 23, 11, 0)), R("snooze", at(2026, 11, 23, 14, 0))
    newer = R("snooze", at(2026, 11, 23, 16, 0), seq=2)
    today = R("snooze", at(2026, 11, 25, 9, 30), seq=3)
    plan = rules.collapse(CAL, [snooze, vote, newer, today], at(2026, 11, 25, 10, 0))
    assert plan.send == [vote, today] and plan.superseded == [newer, snooze]
    assert rules.collapse(CAL, [snooze, newer], at(2026, 11, 25, 10, 0)).send == [newer]


def test_a_stale_end_of_day_gives_way_to_todays():
    old, new = R("end_of_day", at(2026, 11, 23, 17, 15)), R("end_of_day", at(2026, 11, 25, 17, 15), 2)
    plan = rules.collapse(CAL, [old, new], at(2026, 11, 25, 17, 15))
    assert plan.send == [new] and plan.superseded == [old] and plan.later == []
