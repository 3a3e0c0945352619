"""Steps 6-7: follow up with the customer after the public reply, and close at the right
moment: when they are satisfied, or when they went quiet. Ignoring stays possible (a
provocation after our reply)."""
from __future__ import annotations

from typing import Mapping

from bot.events import ButtonClick, FormSubmit
from bot.messages import Choice, Form, FormErrors, Input, Outbound
from bot.router import Say
from desk.cases.case import OUTCOMES, REASONS, Case
from desk.cases.flow import load_case, updated
from desk.cases.lesson import MAX_LESSON, prompt as lesson_prompt
from desk.cases.review_input import clean_text
from desk.reminders.rules import went_quiet
from desk.turn import Turn
from storage import repo

FOLLOWUP_FORM = "followup"
CLOSE_FORM = "close"
FOLLOWUP_KINDS = ("contact", "solution", "reaction")
REACTIONS = ("satisfied", "not_yet", "none")
MAX_NOTE = 2_000


def log_followup(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    case.may_follow_up(turn.actor)
    t = turn.s
    return [Form(FOLLOWUP_FORM, t("followup.form.title", case=case.id), [
        Input("kind", t("followup.form.kind"), kind="select", value="contact",
              choices=[Choice(k, t(f"followup.kind.{k}")) for k in FOLLOWUP_KINDS]),
        Input("reaction", t("followup.form.reaction"), kind="select", required=False,
              choices=[Choice(r, t(f"followup.reaction.{r}")) for r in REACTIONS]),
        Input("note", t("followup.form.note"), kind="long", required=False, max_length=MAX_NOTE),
    ], t("followup.form.submit"), context=str(case.id))]


def followup_problems(v: Mapping[str, str], s: Say) -> dict[str, str]:
    kind, reaction = v.get("kind") or "", v.get("reaction") or None
    note = clean_text(v.get("note")) or None
    problems = {}
    if kind not in FOLLOWUP_KINDS:
        problems["kind"] = s("followup.error.kind")
    if reaction is not None and reaction not in REACTIONS:
        problems["reaction"] = s("followup.error.reaction")
    if kind == "reaction" and reaction is None:
        problems["reaction"] = s("followup.error.reaction")
    if note and len(note) > MAX_NOTE:
        problems["note"] = s("forward.error.too_long", limit=MAX_NOTE, length=len(note))
    return problems


def followup_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    v = event.values
    kind, reaction = v.get("kind") or "", v.get("reaction") or None
    note = clean_text(v.get("note")) or None
    if problems := followup_problems(v, turn.s):
        return [FormErrors(problems)]
    return logged(turn, load_case(turn, event.context), kind, reaction, note)


def logged(turn: Turn, case: Case, kind: str, reaction: str | None,
           note: str | None) -> list[Outbound]:
    """Record a follow-up. A satisfied customer closes the case; so does the last of
    QUIET_AFTER follow-ups in a row with no reaction: we do not chase a customer who let it go."""
    case.may_follow_up(turn.actor)
    quiet = reaction == "none" and went_quiet(reactions_since_reopen(turn, case) + ["none"])
    repo.add_followup(turn.session, case_id=case.id, author_id=turn.actor.member_id, kind=kind,
                      reaction=reaction, note=note, now=turn.now)
    outcome = case.follow_up(by=turn.actor, at=turn.now, kind=kind, reaction=reaction,
                             quiet=quiet)
    if outcome:
        return updated(turn, case, f"note.closed_{outcome}") + lesson_prompt(turn, case.row)
    note_key = "note.followup_reaction" if kind == "reaction" else \
        "note.followup" if reaction else "note.followup_plain"
    return updated(turn, case, note_key, kind=turn.tt(f"followup.kind.{kind}"),
                   reaction=turn.tt(f"followup.reaction.{reaction}") if reaction else "")


def reactions_since_reopen(turn: Turn, case: Case) -> list[str]:
    """A reopened case starts counting unanswered follow-ups afresh."""
    reopened = max((h.at for h in repo.history_for(turn.session, case_id=case.id)
                    if h.action == "reopen"), default=None)
    return [f.reaction for f in repo.followups_for(turn.session, case_id=case.id)
            if f.reaction and (reopened is None or f.at > reopened)]


def close(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    outcomes = case.closing_outcomes(turn.actor)
    t = turn.s
    reason_label = "vote.form.reason" if outcomes == ["ignored"] else "close.form.reason"
    return [Form(CLOSE_FORM, t("close.form.title", case=case.id), [
        Input("outcome", t("close.form.outcome"), kind="select", value=outcomes[0],
              choices=[Choice(o, t(f"outcome.{o}")) for o in outcomes]),
        Input("reason", t(reason_label), kind="select", required=False,
              choices=[Choice(r, t(f"reason.{r}")) for r in REASONS]),
        Input("lesson", t("close.form.lesson"), kind="long", required=False,
              max_length=MAX_LESSON, hint=t("close.form.lesson_hint")),
    ], t("close.form.submit"), context=str(case.id))]


def close_problems(v: Mapping[str, str], s: Say) -> dict[str, str]:
    outcome, reason = v.get("outcome") or "", v.get("reason") or None
    lesson = clean_text(v.get("lesson")) or None
    if outcome not in OUTCOMES:
        return {"outcome": s("close.error.outcome")}
    if outcome == "ignored" and reason not in REASONS:
        return {"reason": s("vote.error.reason")}
    if lesson and len(lesson) > MAX_LESSON:
        return {"lesson": s("forward.error.too_long", limit=MAX_LESSON, length=len(lesson))}
    return {}


def close_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    outcome = event.values.get("outcome") or ""
    reason = event.values.get("reason") or None
    lesson = clean_text(event.values.get("lesson")) or None
    if problems := close_problems(event.values, turn.s):
        return [FormErrors(problems)]
    case = load_case(turn, event.context)
    case.close(by=turn.actor, at=turn.now, outcome=outcome, reason=reason, lesson=lesson)
    return updated(turn, case, f"note.closed_{outcome}",
                   reason=turn.tt(f"reason.{reason}") if reason else "") + \
        lesson_prompt(turn, case.row)
