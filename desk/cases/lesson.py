"""Step 8, learning: when a case closes, its owner is asked how the complaint could have been
prevented (often an expectation that was not met). One optional sentence, kept with the case
and read back in the report, grouped by theme."""
from __future__ import annotations

from typing import Mapping

from bot.events import ButtonClick, FormSubmit
from bot.messages import Button, Form, FormErrors, Input, Outbound
from bot.router import Say
from bot.text import Mention
from desk.cases.cards import thread_post
from desk.cases.buttons import CaseButton
from desk.cases.flow import load_case, updated
from desk.cases.review_input import clean_text
from desk.turn import Turn
from storage import repo
from storage.models import Case as CaseRow

ACTION = CaseButton.LESSON
LESSON_FORM = "lesson"
MAX_LESSON = 500  # one short sentence, not an incident report


def prompt(turn: Turn, case: CaseRow) -> list[Outbound]:
    """The question for the owner of a case that just closed, unless the lesson is already
    known or the post was ignored (a troll is not a complaint to prevent)."""
    if not case.owner_id or case.lesson or case.outcome == "ignored":
        return []
    owner = repo.members_by_id(turn.session, ids=[case.owner_id])[case.owner_id]
    return [thread_post(case.id, turn.tt("lesson.prompt", case=case.id,
                                         owner=Mention(owner.user_id, owner.name)),
                        (Button(ACTION, str(turn.tt(f"button.{ACTION}")), str(case.id),
                                "primary"),))]


def ask(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    case.may_learn(turn.actor)
    t = turn.s
    return [Form(LESSON_FORM, t("lesson.form.title", case=case.id), [
        Input("lesson", t("close.form.lesson"), kind="long", value=case.row.lesson or "",
              max_length=MAX_LESSON, hint=t("close.form.lesson_hint")),
    ], t("lesson.form.submit"), context=str(case.id))]


def problems_of(v: Mapping[str, str], s: Say) -> dict[str, str]:
    text = clean_text(v.get("lesson")) or ""
    if not text:
        return {"lesson": s("lesson.error.empty")}
    if len(text) > MAX_LESSON:
        return {"lesson": s("forward.error.too_long", limit=MAX_LESSON, length=len(text))}
    return {}


def submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    text = clean_text(event.values.get("lesson")) or ""
    if problems := problems_of(event.values, turn.s):
        return [FormErrors(problems)]
    case = load_case(turn, event.context)
    case.learn(by=turn.actor, at=turn.now, lesson=text)
    return updated(turn, case, "lesson.saved", text=text)
