"""Step 4: drafts of the public reply, versioned, in the case's thread.

The owner or any teammate saves a version (by the form, or by a thread reply that starts
with "draft:"); the owner marks which version went public, a holding reply first if the
full answer is not ready.
"""
from __future__ import annotations

import re

from bot.errors import UserError
from bot.events import ButtonClick, FormSubmit, ThreadReply
from bot.messages import Choice, Form, FormErrors, Input, Notice, Outbound
from bot.text import Quote, Rich
from desk.advice import hints
from desk.advice.ai.show import from_model
from desk.advice.coach import check_reply
from desk.advice.gaps import gaps
from desk.advice.language import LANGS, detect_language
from desk.cases.cards import opening, thread_post
from desk.cases.case import Case
from desk.cases.flow import case_id_from, load_case, updated
from desk.cases.review_input import MAX_LINK, MAX_TEXT, clean_text, is_web_link
from desk.turn import Turn
from storage import repo
from storage.models import Draft

DRAFT_FORM = "draft"
POSTED_FORM = "posted"
POST_SITE_FORM = "post_site"  # desk.sources.post: the version posted through the site's API
KINDS = ("reply", "holding")
_THREAD_DRAFT = re.compile(r"^\s*(draft|concept)\s*:\s*", re.IGNORECASE)


def write(turn: Turn, event: ButtonClick) -> list[Outbound]:
    """The latest version to improve on, or a suggestion in the review's language."""
    return [draft_form(turn, load_case(turn, event.value), "reply")]


def write_holding(turn: Turn, event: ButtonClick) -> list[Outbound]:
    """A short first answer while the full one is prepared (DOMAIN step 5)."""
    return [draft_form(turn, load_case(turn, event.value), "holding")]


def draft_form(turn: Turn, case: Case, kind: str, language: str | None = None) -> Form:
    """The whole text to edit: the latest version of this kind, else the model's draft when
    one was written ahead of time, else a suggestion composed from the review in its language
    (or in `language`, when the drafter switched)."""
    case.may_draft(turn.actor)
    latest = repo.latest_draft(turn.session, case_id=case.id)
    if latest and latest.kind == kind and language is None:
        text, hint = latest.text, hints.coach_text(turn, case.row, latest.text, turn.lang)
        language = detect_language(text, default=turn.team_lang)
    elif (shown := from_model(turn, case.row, kind, language)) and shown.text:
        text, language, hint = shown.text, shown.language, shown.hint
    else:
        suggested = hints.suggestion(turn, case.row, kind, language)
        text, language = suggested.text, suggested.language
        hint = turn.s("draft.form.hint")
        if shown:  # one line saying why the model's draft is not there
            hint = shown.hint + "\n" + hint
    if gaps(text):  # first, where a short hint is cut off
        hint = turn.s("compose.form.gaps", gaps=", ".join(gaps(text))) + "\n" + hint
    return Form(DRAFT_FORM, turn.s("draft.form.title", case=case.id), [
        Input("kind", turn.s("draft.form.kind"), kind="select", value=kind,
              choices=[Choice(k, turn.s(f"draft.kind.{k}")) for k in KINDS]),
        Input("language", turn.s("compose.form.language"), kind="select", value=language,
              choices=[Choice(lang, turn.s(f"language.{lang}")) for lang in LANGS],
              hint=turn.s("compose.form.language_hint")),
        Input("text", turn.s("draft.form.text"), kind="long", value=text, max_length=MAX_TEXT,
              hint=hint),
    ], turn.s("draft.form.submit"), context=str(case.id), late=True)


def submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    text = clean_text(event.values.get("text"))
    kind = event.values.get("kind") or "reply"
    language = event.values.get("language") or None
    problems = {}
    if not text:
        problems["text"] = turn.s("draft.error.empty")
    elif len(text) > MAX_TEXT:
        problems["text"] = turn.s("forward.error.too_long", limit=MAX_TEXT, length=len(text))
    if kind not in KINDS:
        problems["kind"] = turn.s("draft.error.kind")
    if language and language not in LANGS:
        problems["language"] = turn.s("compose.error.language")
    if problems:
        return [FormErrors(problems)]
    case = load_case(turn, event.context)
    if language and gaps(text) and detect_language(text, default=language) != language:
        # an unfinished suggestion with another language chosen: the suggestion in that one
        return [draft_form(turn, case, kind, language)]
    return save(turn, case, text, kind)


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
    case.may_draft(turn.actor)
    draft = repo.add_draft(turn.session, case_id=case.id, author_id=turn.me.id, text=text,
                           kind=kind, now=turn.now)
    case.drafted(by=turn.actor, at=turn.now, kind=kind, version=draft.version)
    out = updated(turn, case)
    coach = hints.coach_text(turn, case.row, text, turn.team_lang)
    out.append(thread_post(case.id, turn.tt(
        "note.draft_saved", who=turn.who, version=draft.version,
        kind=turn.tt(f"draft.kind.{kind}")) + Rich(["\n", Quote(text), "\n" + coach])))
    return out


def mark_posted(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    case.may_post(turn.actor)
    drafts = repo.drafts_for(turn.session, case_id=case.id)
    if not drafts:
        raise UserError("posted.no_draft", case=case.id)
    return [Form(POSTED_FORM, turn.s("posted.form.title", case=case.id), [
        version_input(turn, drafts, drafts[-1].version),
        Input("link", turn.s("posted.form.link"), kind="url", required=False, max_length=MAX_LINK),
    ], turn.s("posted.form.submit"), context=str(case.id))]


def version_input(turn: Turn, drafts: list[Draft], value: int) -> Input:
    """Which version goes public, each named by its number, kind and first words; newest first."""
    return Input("version", turn.s("posted.form.version"), kind="select", value=str(value),
                 choices=[Choice(str(d.version), turn.s("posted.form.choice", version=d.version,
                                                        kind=turn.s(f"draft.kind.{d.kind}"),
                                                        start=opening(d.text)))
                          for d in reversed(drafts)])


def chosen_draft(turn: Turn, case: Case, values: dict) -> Draft | None:
    version = values.get("version") or ""
    return repo.get_draft(turn.session, case_id=case.id, version=int(version)) \
        if version.isdigit() else None


def posted_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    case = load_case(turn, event.context)
    case.may_post(turn.actor)
    link = (event.values.get("link") or "").strip() or None
    if link and not is_web_link(link):
        return [FormErrors({"link": turn.s("forward.error.link")})]
    draft = ready_to_post(turn, case, event.values, link=link)
    if not isinstance(draft, Draft):
        return draft
    case.post(by=turn.actor, at=turn.now, draft=draft, link=link)
    turn.session.add(draft)
    holding = draft.kind == "holding"
    return updated(turn, case, "note.holding_posted" if holding else "note.reply_posted",
                   version=draft.version)


def ready_to_post(turn: Turn, case: Case, values: dict, *, link: str | None = None,
                  site: str | None = None) -> Draft | list[Outbound]:
    """The chosen version when it may go public now (marked posted, or posted to the connected
    `site`); else what to ask the person: which version, or to confirm what it still lacks."""
    draft = chosen_draft(turn, case, values)
    if draft is None:
        return [FormErrors({"version": turn.s("posted.error.version")})]
    if draft.posted_at:
        raise UserError("posted.already", case=case.id, version=draft.version)
    missing = unfinished(turn, case, draft.text)
    if missing and values.get("confirm") != "yes":
        return confirm_posted(turn, case, draft, link, missing, values.get("confirm"), site=site)
    return draft


def unfinished(turn: Turn, case: Case, text: str) -> list[str]:
    """What a version still lacks before it can go public: its unfilled gaps, and any
    promise the coach found that nobody may have agreed to."""
    promises = [turn.s("compose.confirm.promise", excerpt=f.excerpt)
                for f in check_reply(text, customer=case.row.customer, signer=None).findings
                if f.rule == "promise"]
    return gaps(text) + promises


def confirm_posted(turn: Turn, case: Case, draft: Draft, link: str | None, missing: list[str],
                   answer: str | None, site: str | None = None) -> list[Outbound]:
    """Mark posted (or post to the connected `site`) an unfinished version: say what is
    missing and ask before recording or posting."""
    named = ", ".join(missing)
    if answer is not None and answer not in ("yes", "no"):  # the question was asked: answer it
        return [FormErrors({"confirm": turn.s("compose.confirm.choose")})]
    if answer == "no":
        return [Notice(turn.t("compose.confirm.not_recorded", version=draft.version, missing=named))]
    link_input = [] if site else [Input("link", turn.s("posted.form.link"), kind="url",
                                        required=False, value=link or "", max_length=MAX_LINK)]
    name, form = (POST_SITE_FORM, "site.post.form") if site else (POSTED_FORM, "posted.form")
    return [Notice(turn.t("compose.confirm.missing", version=draft.version, missing=named)),
            Form(name, turn.s(f"{form}.title", case=case.id, site=site or ""), [
                version_input(turn, [draft], draft.version), *link_input,
                Input("confirm", turn.s("compose.confirm.label"), kind="select",
                      hint=turn.s("compose.confirm.hint", missing=named),
                      choices=[Choice(a, turn.s(f"compose.confirm.{a}")) for a in ("yes", "no")]),
            ], turn.s(f"{form}.submit", site=site or ""), context=str(case.id))]
