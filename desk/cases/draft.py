"""Step 4: drafts of the public reply, versioned, in the case's thread.

The owner or any teammate saves a version (by the form, or by a thread reply that starts
with "draft:"); the owner marks which version went public, a holding reply first if the
full answer is not ready.
"""
from __future__ import annotations

import re

from bot.errors import UserError
from bot.events import ButtonClick, FormSubmit, ThreadReply
from bot.messages import Choice, Form, FormErrors, Input, Outbound, ThreadPost
from bot.text import Quote, Rich
from desk.advice import hints
from desk.cases.cards import case_key, opening
from desk.cases.case import case_id_from, change, load_case, require_owner, updated
from desk.turn import Turn
from desk.cases.review_input import MAX_LINK, MAX_TEXT, clean_text, is_web_link
from desk.cases.states import next_state
from storage import repo
from storage.models import Case

DRAFT_FORM = "draft"
POSTED_FORM = "posted"
KINDS = ("reply", "holding")
_THREAD_DRAFT = re.compile(r"^\s*(draft|concept)\s*:\s*", re.IGNORECASE)


def write(turn: Turn, event: ButtonClick) -> list[Outbound]:
    """The latest version to improve on, or a suggestion in the review's language."""
    return [draft_form(turn, load_case(turn, event.value), "reply")]


def write_holding(turn: Turn, event: ButtonClick) -> list[Outbound]:
    """A short first answer while the full one is prepared (DOMAIN step 5)."""
    return [draft_form(turn, load_case(turn, event.value), "holding")]


def draft_form(turn: Turn, case: Case, kind: str) -> Form:
    next_state(case.state, "draft")
    latest = repo.latest_draft(turn.session, case_id=case.id)
    if latest and latest.kind == kind:
        text, hint = latest.text, hints.coach_text(turn, case, latest.text, turn.lang)
    else:
        text, hint = hints.suggestion(turn, case, kind), turn.s("draft.form.hint")
    return Form(DRAFT_FORM, turn.s("draft.form.title", case=case.id), [
        Input("kind", turn.s("draft.form.kind"), kind="select", value=kind,
              choices=[Choice(k, turn.s(f"draft.kind.{k}")) for k in KINDS]),
        Input("text", turn.s("draft.form.text"), kind="long", value=text, max_length=MAX_TEXT,
              hint=hint),
    ], turn.s("draft.form.submit"), context=str(case.id))


def submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    text = clean_text(event.values.get("text"))
    kind = event.values.get("kind") or "reply"
    problems = {}
    if not text:
        problems["text"] = turn.s("draft.error.empty")
    elif len(text) > MAX_TEXT:
        problems["text"] = turn.s("forward.error.too_long", limit=MAX_TEXT, length=len(text))
    if kind not in KINDS:
        problems["kind"] = turn.s("draft.error.kind")
    if problems:
        return [FormErrors(problems)]
    return save(turn, load_case(turn, event.context), text, kind)


def from_thread(turn: Turn, event: ThreadReply) -> list[Outbound]:
    """A thread reply starting with "draft:" is saved as the next version; others are chat."""
    match = _THREAD_DRAFT.match(event.text)
    if not match or not event.key.startswith("case:"):
        return []
    text = clean_text(event.text[match.end():])
    if not text:
        raise UserError("draft.error.empty")
    if len(text) > MAX_TEXT:
        raise UserError("forward.error.too_long", limit=MAX_TEXT, length=len(text))
    return save(turn, load_case(turn, str(case_id_from(event.key))), text, "reply")


def save(turn: Turn, case: Case, text: str, kind: str) -> list[Outbound]:
    change(turn, case, "draft", {"kind": kind})
    draft = repo.add_draft(turn.session, case_id=case.id, author_id=turn.me.id, text=text,
                           kind=kind, now=turn.now)
    out = updated(turn, case)
    coach = hints.coach_text(turn, case, text, turn.team_lang)
    out.append(ThreadPost(case_key(case.id), turn.tt(
        "note.draft_saved", who=turn.me.name, version=draft.version,
        kind=turn.tt(f"draft.kind.{kind}")) + Rich(["\n", Quote(text), "\n" + coach])))
    return out


def mark_posted(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    require_owner(turn, case)
    drafts = repo.drafts_for(turn.session, case_id=case.id)
    if not drafts:
        raise UserError("posted.no_draft", case=case.id)
    return [Form(POSTED_FORM, turn.s("posted.form.title", case=case.id), [
        Input("version", turn.s("posted.form.version"), kind="select", value=str(drafts[-1].version),
              choices=[Choice(str(d.version), turn.s("posted.form.choice", version=d.version,
                                                     kind=turn.s(f"draft.kind.{d.kind}"),
                                                     start=opening(d.text)))
                       for d in reversed(drafts)]),
        Input("link", turn.s("posted.form.link"), kind="url", required=False, max_length=MAX_LINK),
    ], turn.s("posted.form.submit"), context=str(case.id))]


def posted_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    case = load_case(turn, event.context)
    require_owner(turn, case)
    link = (event.values.get("link") or "").strip() or None
    if link and not is_web_link(link):
        return [FormErrors({"link": turn.s("forward.error.link")})]
    version = event.values.get("version") or ""
    draft = repo.get_draft(turn.session, case_id=case.id, version=int(version)) \
        if version.isdigit() else None
    if draft is None:
        return [FormErrors({"version": turn.s("posted.error.version")})]
    if draft.posted_at:
        raise UserError("posted.already", case=case.id, version=draft.version)
    holding = draft.kind == "holding"
    change(turn, case, "post_holding" if holding else "post_reply",
           {"version": draft.version, "link": link})
    draft.posted_at, draft.posted_link = turn.now, link
    turn.session.add(draft)
    if holding:
        case.holding_at = case.holding_at or turn.now
    else:
        case.replied_at, case.reply_link = turn.now, link
    turn.session.add(case)
    return updated(turn, case, "note.holding_posted" if holding else "note.reply_posted",
                   version=draft.version)
