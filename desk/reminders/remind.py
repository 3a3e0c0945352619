"""Snooze and "remind me", and the answers to a follow-up reminder.

A person asks to be reminded from a case's card, from any reminder in its thread, or with
`/review remind <case> <when>`, giving the moment in plain Dutch or English; it is read in
the team's time zone and moved into working hours. A follow-up reminder's buttons log the
customer's reaction exactly as the follow-up form does.
"""
from __future__ import annotations

from datetime import datetime

from bot.errors import UserError
from bot.events import ButtonClick, Command, FormSubmit
from bot.messages import Form, FormErrors, Input, Notice, Outbound
from desk.cases import followup
from desk.cases.case import Case
from desk.cases.flow import load_case, updated
from desk.reminders.schedule import working_moment
from desk.reminders.when import WhenError, parse_when
from desk.turn import Turn
from storage import reminders

REMIND_FORM = "remind"
REMIND_ARGS = r"#?\d+\s+.+"  # `/review remind 12 tomorrow at 9`
MAX_PHRASE = 100
REACTION_ACTIONS = {f"reaction_{r}": r for r in followup.REACTIONS}


def remind_me(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value.partition(":")[0])
    case.may_remind(turn.actor)
    return [Form(REMIND_FORM, turn.s("remind.form.title", case=case.id), [
        Input("when", turn.s("remind.form.when"), hint=turn.s("remind.examples"),
              max_length=MAX_PHRASE),
    ], turn.s("remind.form.submit"), context=str(case.id))]


def remind_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    case = load_case(turn, event.context)
    try:
        return snooze(turn, case, event.values.get("when") or "")
    except WhenError as err:
        return [FormErrors({"when": refusal(turn, err)})]


def remind_command(turn: Turn, event: Command, args: str) -> list[Outbound]:
    number, _, phrase = args.partition(" ")
    case = load_case(turn, number)
    try:
        return snooze(turn, case, phrase)
    except WhenError as err:  # raised before anything changed
        return [Notice(refusal(turn, err))]


def refusal(turn: Turn, err: WhenError) -> str:
    """Why the moment could not be read, with two that would work, in the language the
    person typed it in (their own language when the phrase does not tell)."""
    lang = err.language or turn.lang
    return turn.desk.texts.plain(lang, f"remind.error.{err.code}",
                                 examples=turn.desk.texts.plain(lang, "remind.examples"))


def snooze(turn: Turn, case: Case, phrase: str) -> list[Outbound]:
    case.may_remind(turn.actor)
    due = working_moment(turn, parse_when(phrase[:MAX_PHRASE], now=turn.now,
                                          tz=turn.team.timezone))
    case.remind(by=turn.actor, at=turn.now, detail={
        "at": due.isoformat(), "phrase": phrase.strip()[:MAX_PHRASE], "for": turn.me.user_id})
    return updated(turn, case) + [Notice(turn.t("remind.set", case=case.id,
                                                when=moment(turn, due)))]


def moment(turn: Turn, due: datetime) -> str:
    """"Tuesday 24-11 09:00" in the person's language and the team's zone."""
    local = due.astimezone(turn.zone)
    return turn.s("remind.moment", day=turn.s(f"remind.day.{local.weekday()}"),
                  date=local.strftime("%d-%m"), time=local.strftime("%H:%M"))


def reaction(turn: Turn, event: ButtonClick) -> list[Outbound]:
    """A follow-up reminder's button: its value is "<case>:<check>", and only the latest
    check can be answered, so a second click on an old reminder logs nothing twice."""
    number, _, check = event.value.partition(":")
    case = load_case(turn, number)
    if check.isdigit() and int(check) != reminders.latest_seq(turn.session, case_id=case.id,
                                                              kind="followup"):
        raise UserError("remind.answered", case=case.id)
    return followup.logged(turn, case, "reaction", REACTION_ACTIONS[event.action], None)
