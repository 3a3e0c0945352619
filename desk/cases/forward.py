"""Step 1: forward a review into the review channel, by command, message shortcut or form.

The same review forwarded twice is one case: the database's unique keys decide, so two
people forwarding it at the same moment still get one card.
"""
from __future__ import annotations

import json
from typing import Mapping

from bot.errors import UserError
from bot.events import Command, FormSubmit, MessageShortcut
from bot.messages import Choice, Form, FormErrors, Input, Notice, Outbound
from bot.router import Say
from desk.cases.case import Case
from desk.cases.flow import updated
from desk.turn import Turn
from desk.cases.review_input import (MAX_LINK, MAX_NAME, MAX_TEXT, SOURCES, InvalidReview,
                                   ReviewInput, content_key, first_link, guess_source, link_key,
                                   parse_review)
from storage import repo
from storage.models import Case as CaseRow

FORM = "forward"


def forward_form(turn: Turn, *, text: str = "", origin: str | None = None,
                 link: str | None = None) -> Form:
    t = turn.s
    return Form(
        form=FORM, title=t("forward.form.title"), submit=t("forward.form.submit"),
        context=json.dumps({"origin": origin}) if origin else "",
        inputs=[
            Input("source", t("forward.form.source"), kind="select",
                  value=guess_source(link) if link else "google",
                  choices=[Choice(s, t(f"source.{s}")) for s in SOURCES]),
            Input("link", t("forward.form.link"), kind="url", required=False, value=link or "",
                  hint=t("forward.form.link_hint"), max_length=MAX_LINK),
            Input("customer", t("forward.form.customer"), required=False, max_length=MAX_NAME),
            Input("stars", t("forward.form.stars"), kind="select", required=False,
                  choices=[Choice(str(n), "★" * n) for n in range(1, 6)]),
            Input("text", t("forward.form.text"), kind="long", value=text[:MAX_TEXT],
                  max_length=MAX_TEXT),
        ])


def from_command(turn: Turn, event: Command, text: str) -> list[Outbound]:
    """`/review <text>`: the text is the review; a link in it is taken as the review's link."""
    try:
        review = parse_review(text=text, link=first_link(text))
    except InvalidReview as err:
        key, values = next(iter(err.problems.values()))
        raise UserError(key, **values) from None
    return create(turn, review)


def from_shortcut(turn: Turn, event: MessageShortcut) -> list[Outbound]:
    """On a message in the channel: open the form pre-filled, keeping a link to the message."""
    if not event.text.strip():
        raise UserError("forward.error.empty_message")
    link = first_link(event.text)
    existing = repo.find_duplicate(turn.session, team_id=turn.team.id,
                                   link_key=link_key(link) if link else None,
                                   content_key=content_key(event.text))
    if existing is not None:  # said at once, not after the five fields of the form
        return [already_forwarded(turn, existing)]
    return [forward_form(turn, text=event.text, origin=event.link, link=first_link(event.text))]


def form_problems(v: Mapping[str, str], s: Say) -> dict[str, str]:
    """What is wrong with the form's values, found from them alone."""
    try:
        parse_review(text=v.get("text"), source=v.get("source"), link=v.get("link"),
                     customer=v.get("customer"), stars=v.get("stars"))
    except InvalidReview as err:
        return {field: s(key, **values) for field, (key, values) in err.problems.items()}
    return {}


def from_form(turn: Turn, event: FormSubmit) -> list[Outbound]:
    v = event.values
    origin = json.loads(event.context).get("origin") if event.context else None
    if problems := form_problems(v, turn.s):
        return [FormErrors(problems)]
    return create(turn, parse_review(text=v.get("text"), source=v.get("source"),
                                     link=v.get("link"), customer=v.get("customer"),
                                     stars=v.get("stars"), origin=origin))


def store(turn: Turn, review: ReviewInput, *,
          key: str | None = None) -> tuple[Case | None, CaseRow]:
    """The new case of a review (None when the team has it already) and its row; `key`
    stands for the review's words when they alone do not tell it from another. The INSERT
    itself finds a duplicate (each key has its unique index): one statement for a new review."""
    row = Case.new_row(by=turn.actor, at=turn.now, team_id=turn.team.id, source=review.source,
                       link=review.link, link_key=link_key(review.link),
                       content_key=key or content_key(review.text),
                       customer=review.customer, stars=review.stars, text=review.text,
                       origin=review.origin)
    row, created = repo.add_case(turn.session, case=row)
    return (Case.forwarded(row, by=turn.actor, at=turn.now) if created else None), row


def forwarder(turn: Turn, row: CaseRow) -> str:
    """Who brought the case in: the member, or the site or script that delivered it."""
    if row.forwarded_by is None:
        return str(turn.tt("feed.forwarder", source=turn.tt(f"source.{row.source}")))
    member = repo.members_by_id(turn.session, ids=[row.forwarded_by]).get(row.forwarded_by)
    return (member.name or member.user_id) if member else "—"


def already_forwarded(turn: Turn, row: CaseRow) -> Notice:
    return Notice(turn.t("forward.duplicate", case=row.id, who=forwarder(turn, row),
                         state=turn.t(f"state.{row.state}")))


def create(turn: Turn, review: ReviewInput) -> list[Outbound]:
    case, row = store(turn, review)
    if case is None:
        return [already_forwarded(turn, row)]
    out = updated(turn, case)
    out.insert(1, Notice(turn.t("forward.done", case=case.id), in_sight=turn.in_review_channel()))
    if not turn.team.review_channel:
        out.append(Notice(turn.t("forward.no_channel")))
    return out
