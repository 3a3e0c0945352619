"""When each reminder is due, and whether it still applies when it is: pure rules, no I/O.

A case's reminders are planned when it is forwarded and whenever its state changes, as rows
with a due time inside the team's working hours; the sender checks each one again when it
is due, so a reminder whose reason went away is skipped, never sent.

    vote        an hour of working time after forwarding, while the team is still voting
    claim       an hour of working time after deciding to respond, while nobody claimed it
    holding     two hours before the end of the working day, to the owner with no reply yet
    end_of_day  just before the end of the working day, to the owner and the lead, no reply yet
    followup    every 2 working days after the public reply, asking for the customer's reaction
    snooze      when a person asked to be reminded ("remind me tomorrow at 9")

After downtime, the reminders that came due while no process ran are not all sent at once:
see `collapse`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Generic, Protocol, Sequence, TypeVar

from desk.cases.states import OPEN_STATES, Action, State
from desk.reminders.calendar import WorkCalendar

VOTE_AFTER = timedelta(hours=1)
CLAIM_AFTER = timedelta(hours=1)
HOLDING_BEFORE_END = timedelta(hours=2)
END_OF_DAY_BEFORE_END = timedelta(minutes=15)  # while people are still there to act on it
FOLLOWUP_EVERY_DAYS = 2
QUIET_AFTER = 3  # follow-ups in a row with no reaction: the customer let it go
LEASE = timedelta(minutes=5)  # a process that took a reminder and crashed: retried after this
MAX_ATTEMPTS = 5
DIGEST_AT = 3  # reminders due at once in one channel that make the channel get one digest
NO_CARD_WAIT = timedelta(minutes=5)  # a case whose card is not shown yet: look again after this



class Kind(StrEnum):
    VOTE = "vote"
    CLAIM = "claim"
    HOLDING = "holding"
    END_OF_DAY = "end_of_day"
    FOLLOWUP = "followup"
    SNOOZE = "snooze"


K = Kind
SAME_DAY = (K.VOTE, K.CLAIM, K.HOLDING, K.END_OF_DAY)
KINDS = tuple(Kind)
NOT_ANSWERED = frozenset({State.NEW, State.OPEN, State.CLAIMED})

# Reminders about the end of one working day, with how long before its end they are due.
DAY_BOUND = {"holding": HOLDING_BEFORE_END, "end_of_day": END_OF_DAY_BEFORE_END}
# Of a case's stale reminders, the one sent: the one its state asks for, else a snooze.
STALE_ORDER = ("vote", "claim", "followup", "snooze")

# The states in which a reminder of each kind still makes sense when it is due.
APPLIES_IN: dict[Kind, frozenset[State]] = {
    K.VOTE: frozenset({State.NEW}),
    K.CLAIM: frozenset({State.OPEN}),
    K.HOLDING: frozenset({State.CLAIMED}),
    K.END_OF_DAY: NOT_ANSWERED,
    K.FOLLOWUP: frozenset({State.REPLIED}),
    K.SNOOZE: OPEN_STATES,
}


@dataclass(frozen=True)
class Plan:
    """Pending reminders of these kinds are cancelled, then these (kind, due) are added."""

    cancel: frozenset[str] = frozenset()
    schedule: tuple[tuple[str, datetime], ...] = ()


def place(cal: WorkCalendar, moment: datetime) -> datetime:
    """Inside working hours: a moment at night or on a holiday moves to the next opening."""
    return cal.next_working_moment(moment)


def before_end(cal: WorkCalendar, moment: datetime, lead: timedelta) -> datetime:
    """`lead` before the end of the working day `moment` counts toward; the next working
    day's when that has already passed (a review forwarded at 17:20 is tomorrow's work)."""
    end = cal.end_of_working_day(moment)
    if end - lead <= moment:
        end = cal.end_of_working_day(end)
    return place(cal, end - lead)


def next_followup(cal: WorkCalendar, now: datetime) -> datetime:
    return place(cal, cal.add_working_days(now, FOLLOWUP_EVERY_DAYS))


def on_forward(cal: WorkCalendar, forwarded_at: datetime) -> Plan:
    return Plan(schedule=(
        (K.VOTE, place(cal, cal.add_working_time(forwarded_at, VOTE_AFTER))),
        (K.END_OF_DAY, before_end(cal, forwarded_at, END_OF_DAY_BEFORE_END)),
    ))


def on_change(cal: WorkCalendar, action: str, state: str, detail: dict | None,
              now: datetime) -> Plan:
    """What a state change means for the case's reminders; `state` is the state after it."""
    detail = detail or {}
    if State(state) not in OPEN_STATES:
        return Plan(cancel=frozenset(KINDS))
    claim_due = (K.CLAIM, place(cal, cal.add_working_time(now, CLAIM_AFTER)))
    followup_due = (K.FOLLOWUP, next_followup(cal, now))
    if action == Action.DECIDE_RESPOND:
        return Plan(cancel=frozenset({K.VOTE}), schedule=(claim_due,))
    if action == Action.CLAIM:
        return Plan(cancel=frozenset({K.CLAIM}),
                    schedule=((K.HOLDING, before_end(cal, now, HOLDING_BEFORE_END)),))
    if action == Action.RELEASE:
        return Plan(cancel=frozenset({K.HOLDING}), schedule=(claim_due,))
    if action == Action.POST_HOLDING:
        return Plan(cancel=frozenset({K.HOLDING, K.END_OF_DAY}))
    if action == Action.POST_REPLY:
        return Plan(cancel=frozenset(SAME_DAY), schedule=(followup_due,))
    if action == Action.FOLLOW_UP and detail.get("reaction") in ("not_yet", "none"):
        return Plan(cancel=frozenset({K.FOLLOWUP}), schedule=(followup_due,))
    if action == Action.REVOTE:
        return Plan(cancel=frozenset(KINDS),
                    schedule=((K.VOTE, place(cal, cal.add_working_time(now, VOTE_AFTER))),))
    if action == Action.REOPEN:
        return Plan(schedule=(followup_due,) if state == State.REPLIED else (claim_due,))
    return Plan()


def skip_reason(kind: str, *, state: str, answered: bool, attempts: int) -> str | None:
    """Why a due reminder must not go out (None: send it). `answered`: a holding or public
    reply is on the review site."""
    if attempts > MAX_ATTEMPTS:
        return "undelivered"
    if State(state) not in APPLIES_IN[kind]:
        return "state"
    if kind in ("holding", "end_of_day") and answered:
        return "answered"
    return None


class Due(Protocol):
    kind: str
    seq: int
    due_at: datetime


R = TypeVar("R", bound=Due)


@dataclass
class Collapsed(Generic[R]):
    send: list[R] = field(default_factory=list)
    later: list[tuple[R, datetime]] = field(default_factory=list)  # planned again for then
    superseded: list[R] = field(default_factory=list)


def stale(cal: WorkCalendar, due_at: datetime, now: datetime) -> bool:
    """Came due in a working day that is over: no process ran to send it then."""
    return cal.end_of_working_day(due_at) <= now


def collapse(cal: WorkCalendar, due: Sequence[R], now: datetime) -> Collapsed[R]:
    """What to do with one case's due reminders (those that still apply), so that people
    see what they would have seen had the bot been running, not every stale reminder at once.

    Reminders due today all go. A stale reminder about the end of a working day ("still no
    reply at the end of the day") is planned again for the end of this working day (the
    next one outside working hours), unless today's is already due; never sent at the next
    morning's opening. Of the other stale
    reminders only one goes out: the one the case's state asks for (vote, claim, follow-up),
    else the latest snooze; the rest are superseded by it."""
    out: Collapsed[R] = Collapsed()
    old: list[R] = []
    for r in due:
        (old if stale(cal, r.due_at, now) else out.send).append(r)
    for kind, lead in DAY_BOUND.items():
        mine = sorted((r for r in old if r.kind == kind), key=lambda r: r.seq)
        if not mine:
            continue
        out.superseded += mine[:-1]
        today = place(cal, cal.end_of_working_day(now) - lead)
        if any(r.kind == kind for r in out.send):
            out.superseded.append(mine[-1])
        elif today <= now:  # late in today's working day already: now is the moment
            out.send.append(mine[-1])
        else:
            out.later.append((mine[-1], today))
    others = sorted((r for r in old if r.kind not in DAY_BOUND),
                    key=lambda r: (STALE_ORDER.index(r.kind), -r.due_at.timestamp()))
    out.send[:0] = others[:1]
    out.superseded += others[1:]
    return out


def went_quiet(reactions: Sequence[str]) -> bool:
    """The last QUIET_AFTER reactions logged were all "no reaction"."""
    recent = list(reactions)[-QUIET_AFTER:]
    return len(recent) == QUIET_AFTER and all(r == "none" for r in recent)
