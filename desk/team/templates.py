"""The team's own reply texts: `/review templates` replaces the built-in suggestions for the
team's language, so that a business's replies sound like the business.

Stored on the team as JSON {language: {"reply": text, "holding": text}}; an emptied text
goes back to the built-in variants.
"""
from __future__ import annotations

import json
import string

from bot.events import Command, FormSubmit
from bot.messages import Form, FormErrors, Input, Notice, Outbound
from desk.advice.coach import check_reply
from desk.turn import Turn, require_setup_rights
from desk.cases.review_input import clean_text
from desk.advice.compose.compose import Contact
from desk.advice.suggest import KINDS, suggest
from storage.models import Team

FORM = "templates"
FIELDS = frozenset({"customer", "signer", "offline"})
MAX_TEMPLATE = 2_000


def team_templates(team: Team) -> dict:
    return json.loads(team.reply_templates) if team.reply_templates else {}


def team_contact(team: Team) -> Contact:
    return Contact(phone=team.contact_phone, email=team.contact_email)


def command(turn: Turn, event: Command, args: str = "") -> list[Outbound]:
    require_setup_rights(turn)
    own = team_templates(turn.team).get(turn.team_lang, {})
    return [Form(FORM, turn.s("templates.form.title"), [
        Input(kind, turn.s(f"templates.form.{kind}"), kind="long", required=False,
              value=own.get(kind, ""), max_length=MAX_TEMPLATE, hint=turn.s("templates.form.hint"))
        for kind in KINDS], turn.s("templates.form.submit"))]


def submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    require_setup_rights(turn)
    texts = {kind: clean_text(event.values.get(kind)) for kind in KINDS}
    problems = {kind: turn.s("templates.error.fields") for kind, text in texts.items()
                if text and not fits(text)}
    problems.update({kind: turn.s("forward.error.too_long", limit=MAX_TEMPLATE, length=len(text))
                     for kind, text in texts.items() if len(text) > MAX_TEMPLATE})
    if problems:
        return [FormErrors(problems)]
    lang = turn.team_lang
    stored = team_templates(turn.team)
    stored[lang] = {kind: text for kind, text in texts.items() if text}
    turn.team.reply_templates = json.dumps(stored, ensure_ascii=False)
    turn.session.add(turn.team)
    out: list[Outbound] = [Notice(turn.t("templates.saved"))]
    for kind in KINDS:  # the coach reads a sample, so the team sees what its text misses
        if not texts[kind]:
            continue
        sample = suggest("", customer="Sam", signer=turn.me.name, contact=team_contact(turn.team),
                         language=lang, kind=kind, templates=stored).text
        rules = check_reply(sample, customer="Sam", signer=turn.me.name).rules
        if rules:
            out.append(Notice(turn.t("templates.coach", kind=turn.t(f"draft.kind.{kind}"),
                                     rules=", ".join(rules))))
    return out


def fits(text: str) -> bool:
    """Only {customer}, {signer} and {offline}, and braces that format."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return False
    return names <= FIELDS and "" not in names
