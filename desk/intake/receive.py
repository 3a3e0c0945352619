"""A delivered review becomes a case, made by the integration itself through the same flow as
a forwarded one; the same review delivered again is the same case, and a changed one changes
it (its text, stars and history, and a note in its thread).

The answer is machine-readable: `{"case": 12, "created": true}`, or an error with the
problems of each field in the team's language. The card reaches the review channel through
the scheduled job in `desk.intake.cards`, which posts what the channel has not shown yet.
"""
from __future__ import annotations

import json
import logging
from datetime import datetime
from dataclasses import dataclass, field
from typing import Any

from bot.messages import Card, Outbound, Say
from desk.actors import Actor
from desk.cases.case import Case
from desk.cases.flow import updated
from desk.cases.forward import store
from desk.cases.review_input import InvalidReview, content_key
from desk.intake.payload import Delivered, parse_delivered
from desk.intake.stored import rich_data
from desk.turn import Desk, Turn, run_for_team
from storage import intake, repo
from storage.errors import Conflict
from storage.models import IntakeReview

log = logging.getLogger(__name__)


@dataclass
class Answer:
    """What became of one delivered review: an HTTP status and the JSON to send back."""

    status: int
    body: dict = field(default_factory=dict)


def error(desk: Desk, lang: str | None, status: int, code: str,
          problems: dict[str, tuple[str, dict]] | None = None, **values: object) -> Answer:
    lang = desk.texts.pick(lang)
    body: dict = {"error": code, "message": desk.texts.plain(lang, f"feed.error.{code}", **values)}
    if problems:
        body["problems"] = {name or "body": desk.texts.plain(lang, key, **vals)
                            for name, (key, vals) in problems.items()}
    return Answer(status, body)


def take(desk: Desk, team_id: int, data: Any, *, language: str | None = None) -> Answer:
    """Check one decoded JSON value and make or change its case (`"deleted": true`: note in
    the known case that the site removed it)."""
    if isinstance(data, dict) and data.get("deleted") is True:
        return take_deleted(desk, team_id, data, language)
    try:
        delivered = parse_delivered(data)
    except InvalidReview as err:
        return error(desk, language, 400, "invalid", err.problems)
    result: dict = {}

    def intake_review(turn: Turn) -> list[Outbound]:
        result.clear()
        return receive(turn, delivered, result)

    out = run_for_team(desk, team_id, intake_review,
                       actor=Actor.integration(delivered.review.source))
    if not result:  # the flow refused (a UserError became a notice)
        return Answer(422, {"error": "refused", "message": "; ".join(
            str(getattr(m, "text", "")) for m in out)})
    return Answer(201 if result["created"] else 200, result)


def receive(turn: Turn, delivered: Delivered, result: dict) -> list[Outbound]:
    """Make the case of a review delivered for the first time, or change the known one."""
    review = delivered.review
    known = intake.find_review(turn.session, team_id=turn.team.id, source=review.source,
                               external_id=delivered.external_id)
    if known is not None:
        return change(turn, known, delivered, result)
    case, row = store(turn, review)
    if case is None and intake.delivered_case(turn.session, team_id=turn.team.id,
                                              case_id=row.id):
        # The same words as another review a site delivered ("Slecht.", or one customer's
        # text on two sites): a review of its own, to be answered on its own.
        case, row = store(turn, review, key=content_key(
            f"{review.source}\n{delivered.external_id}\n{review.text}"))
    stored, fresh = intake.add_review(turn.session, review=IntakeReview(
        team_id=turn.team.id, source=review.source, external_id=delivered.external_id,
        case_id=row.id, language=delivered.language, created_at=delivered.created_at,
        updated_at=delivered.updated_at, received_at=turn.now,
        shown=case is None))  # a review someone forwarded already has its card
    if not fresh:  # delivered twice at the same moment: again, finding the other's case
        raise Conflict(f"review {review.source}/{delivered.external_id} stored meanwhile")
    result.update(case=row.id, created=case is not None)
    if case is None:
        return []
    out = updated(turn, case)
    says = [m for m in out if isinstance(m, Say)]  # the lead's warning: posted with the card
    if says:
        stored.says = json.dumps([rich_data(m.text) for m in says], ensure_ascii=False)
        turn.session.add(stored)
    if any(not isinstance(m, (Card, Say)) for m in out):
        log.warning("case %s: a message for nobody in particular was left out", row.id)
    return out


def take_deleted(desk: Desk, team_id: int, data: dict, language: str | None) -> Answer:
    """A review its site removed: the case stays, with the removal in its history and a note
    in its thread; a review the team never had is nothing to note."""
    source, external = data.get("source"), data.get("external_id")
    external = str(external).strip() if isinstance(external, (str, int)) else ""
    if not isinstance(source, str) or not source.strip() or not external:
        problems = {name: ("feed.error.missing", {}) for name, value
                    in (("source", source if isinstance(source, str) else ""),
                        ("external_id", external)) if not str(value).strip()}
        return error(desk, language, 400, "invalid", problems)
    result: dict = {}

    def note_deleted(turn: Turn) -> list[Outbound]:
        result.clear()
        known = intake.find_review(turn.session, team_id=team_id, source=source.strip(),
                                   external_id=external)
        result.update(case=known.case_id if known else None, created=False)
        if known is None or known.deleted_at is not None:
            return []
        known.deleted_at = turn.now
        case = Case(repo.get_case(turn.session, team_id=team_id, case_id=known.case_id))
        case.review_deleted(by=turn.actor, at=turn.now)
        result["deleted"] = True
        noted(turn, known, {"deleted": True})
        return updated(turn, case)

    run_for_team(desk, team_id, note_deleted, actor=Actor.integration(source.strip()))
    return Answer(200, result)


def noted(turn: Turn, known: IntakeReview, what: dict) -> None:
    """Keep what changed until the card job shows it in the case's thread."""
    earlier = json.loads(known.change) if known.change else {}
    if "stars" in earlier and "stars" in what:  # not shown yet: from the first to the last
        what["stars"][0] = earlier["stars"][0]
    known.change = json.dumps({**earlier, **what})
    known.changed += 1
    known.shown, known.claimed_until = False, None
    turn.session.add(known)


def changed_since(known: IntakeReview, moment: datetime | None) -> bool:
    """Whether a review the site says changed at `moment` may say something new: not when
    the stored one is as new (a site's time is the only order there is)."""
    return not (known.updated_at and moment and moment <= known.updated_at)


def change(turn: Turn, known: IntakeReview, delivered: Delivered, result: dict) -> list[Outbound]:
    """A review delivered again: changed when the site says it is newer, else left alone."""
    result.update(case=known.case_id, created=False)
    newer = delivered.updated_at or delivered.created_at
    if not changed_since(known, newer):
        return []
    row = repo.get_case(turn.session, team_id=turn.team.id, case_id=known.case_id)
    case = Case(row)
    text = delivered.review.text
    key = content_key(text)
    if repo.find_duplicate(turn.session, team_id=turn.team.id, link_key=None,
                           content_key=key) not in (None, row):
        key = row.content_key  # another case holds these words: keep this one's key
    what = case.review_changed(by=turn.actor, at=turn.now, text=text, content_key=key,
                               stars=delivered.review.stars)
    known.updated_at = newer or known.updated_at
    if not what:
        turn.session.add(known)
        return []
    noted(turn, known, what)
    result["updated"] = True
    return updated(turn, case)

