"""Steps 6-7: follow up with the customer after the public reply, and close at the right
moment: when they are satisfied, or when they went quiet. Ignoring stays possible (a
provocation after our reply)."""
from __future__ import annotations

from bot.errors import UserError
from bot.events import ButtonClick, FormSubmit
from bot.messages import Choice, Form, FormErrors, Input, Outbound
from desk.cases.case import change, load_case, require_owner, updated
from desk.turn import Turn
from desk.cases.lesson import MAX_LESSON, prompt as lesson_prompt
from desk.reminders.rules import went_quiet
from desk.cases.review_input import clean_text
from desk.cases.states import allowed, next_state
from desk.cases.vote import REASONS
from storage import repo
from storage.models import Case

FOLLOWUP_FORM = "followup"
CLOSE_FORM = "close"
FOLLOWUP_KINDS = ("contact", "solution", "reaction")
REACTIONS = ("satisfied", "not_yet", "none")
OUTCOMES = ("satisfied", "went_quiet", "ignored")
MAX_NOTE = 2_000


def log_followup(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    next_state(case.state, "follow_up")
    t = turn.s
    return [Form(FOLLOWUP_FORM, t("followup.form.title", case=case.id), [
        Input("kind", t("followup.form.kind"), kind="select", value="contact",
              choices=[Choice(k, t(f"followup.kind.{k}")) for k in FOLLOWUP_KINDS]),
        Input("reaction", t("followup.form.reaction"), kind="select", required=False,
              choices=[Choice(r, t(f"followup.reaction.{r}")) for r in REACTIONS]),
        Input("note", t("followup.form.note"), kind="long", required=False, max_length=MAX_NOTE),
    ], t("followup.form.submit"), context=str(case.id))]


def followup_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    v = event.values
    kind, reaction = v.get("kind") or "", v.get("reaction") or None
    note = clean_text(v.get("note")) or None
    problems = {}
    if kind not in FOLLOWUP_KINDS:
        problems["kind"] = turn.s("followup.error.kind")
    if reaction is not None and reaction not in REACTIONS:
        problems["reaction"] = turn.s("followup.error.reaction")
    if kind == "reaction" and reaction is None:
        problems["reaction"] = turn.s("followup.error.reaction")
    if note and len(note) > MAX_NOTE:
        problems["note"] = turn.s("forward.error.too_long", limit=MAX_NOTE, length=len(note))
    if problems:
        return [FormErrors(problems)]
    return logged(turn, load_case(turn, event.context), kind, reaction, note)


def logged(turn: Turn, case: Case, kind: str, reaction: str | None,
           note: str | None) -> list[Outbound]:
    """Record a follow-up. A satisfied customer closes the case; so does the last of
    QUIET_AFTER follow-ups in a row with no reaction: we do not chase a customer who let it go."""
    record_followup(turn, case, kind, reaction, note)
    if reaction == "satisfied":
        prompt = close_case(turn, case, "satisfied", lesson=None, reason=None)
        return updated(turn, case, "note.closed_satisfied") + prompt
    if reaction == "none" and went_quiet(reactions_since_reopen(turn, case)):
        prompt = close_case(turn, case, "went_quiet", lesson=None, reason=None)
        return updated(turn, case, "note.closed_went_quiet") + prompt
    return updated(turn, case, "note.followup",
                   kind=turn.tt(f"followup.kind.{kind}"),
                   reaction=turn.tt(f"followup.reaction.{reaction}") if reaction else "")


def reactions_since_reopen(turn: Turn, case: Case) -> list[str]:
    """A reopened case starts counting unanswered follow-ups afresh."""
    reopened = max((h.at for h in repo.history_for(turn.session, case_id=case.id)
                    if h.action == "reopen"), default=None)
    return [f.reaction for f in repo.followups_for(turn.session, case_id=case.id)
            if f.reaction and (reopened is None or f.at > reopened)]


def record_followup(turn: Turn, case: Case, kind: str, reaction: str | None,
                    note: str | None) -> None:
    change(turn, case, "follow_up", {"kind": kind, "reaction": reaction})
    repo.add_followup(turn.session, case_id=case.id, author_id=turn.me.id, kind=kind,
                      reaction=reaction, note=note, now=turn.now)


def close(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    outcomes = [o for o in OUTCOMES if allowed(case.state, _action_for(o))]
    if not outcomes:
        raise UserError("refused.close", state=case.state)
    require_owner(turn, case)
    t = turn.s
    return [Form(CLOSE_FORM, t("close.form.title", case=case.id), [
        Input("outcome", t("close.form.outcome"), kind="select", value=outcomes[0],
              choices=[Choice(o, t(f"outcome.{o}")) for o in outcomes]),
        Input("reason", t("vote.form.reason"), kind="select", required=False,
              choices=[Choice(r, t(f"reason.{r}")) for r in REASONS]),
        Input("lesson", t("close.form.lesson"), kind="long", required=False,
              max_length=MAX_LESSON, hint=t("close.form.lesson_hint")),
    ], t("close.form.submit"), context=str(case.id))]


def close_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    outcome = event.values.get("outcome") or ""
    reason = event.values.get("reason") or None
    lesson = clean_text(event.values.get("lesson")) or None
    if outcome not in OUTCOMES:
        return [FormErrors({"outcome": turn.s("close.error.outcome")})]
    if outcome == "ignored" and reason not in REASONS:
        return [FormErrors({"reason": turn.s("vote.error.reason")})]
    if lesson and len(lesson) > MAX_LESSON:
        return [FormErrors({"lesson": turn.s("forward.error.too_long", limit=MAX_LESSON,
                                             length=len(lesson))})]
    case = load_case(turn, event.context)
    require_owner(turn, case)
    prompt = close_case(turn, case, outcome, lesson=lesson, reason=reason)
    return updated(turn, case, f"note.closed_{outcome}",
                   reason=turn.tt(f"reason.{reason}") if reason else "") + prompt


def close_case(turn: Turn, case: Case, outcome: str, *, lesson: str | None,
               reason: str | None) -> list[Outbound]:
    """Close the case; returns the owner's lesson prompt for the case's thread, if any."""
    change(turn, case, _action_for(outcome), {"outcome": outcome, "reason": reason})
    case.outcome, case.closed_at = outcome, turn.now
    if outcome == "ignored":
        case.ignore_reason = reason
    if lesson:
        case.lesson = lesson
    turn.session.add(case)
    return lesson_prompt(turn, case)


def _action_for(outcome: str) -> str:
    return "dismiss" if outcome == "ignored" else "close"

