"""A site's own webhook calls at the intake endpoint: `POST /intake/<source>/<team id>/<key>`,
the key (desk.intake.signature.webhook_key) standing in for the signature the site cannot
make. The site's client (app/sites) turns its payload into the generic JSON of each review,
and each is taken as a signed delivery is: the same review by webhook and by polling is
one case.

A deleted review comes with its id alone: it is taken with the case's own words, so only
`deleted` is new; a review deleted before it ever became a case is no case.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from desk.intake.receive import Answer, error, take
from desk.turn import Desk
from storage import intake, repo

log = logging.getLogger(__name__)

# (body, now) → generic intake JSON per review; ValueError when the body is no such call
Parse = Callable[[bytes, Any], list[dict]]


def take_webhook(desk: Desk, team_id: int, source: str, parse: Parse, body: bytes, *,
                 language: str | None) -> Answer:
    """Every review of one webhook call; 200 with what became of each when all were taken,
    else the first refusal's status with all answers."""
    try:
        reviews = parse(body, desk.now())
    except (ValueError, UnicodeDecodeError) as err:
        return error(desk, language, 400, "webhook", source=str(desk.texts.plain(
            desk.texts.pick(language), f"source.{source}")), detail=str(err)[:200])
    answers = [take_event(desk, team_id, data, language=language) for data in reviews]
    failed = [a.status for a in answers if a.status >= 400]
    return Answer(failed[0] if failed else 200, {"reviews": [a.body for a in answers]})


def take_event(desk: Desk, team_id: int, data: dict, *, language: str | None) -> Answer:
    if data.get("deleted") and not data.get("text"):
        with desk.db.unit() as session:
            known = intake.find_review(session, team_id=team_id, source=data.get("source"),
                                       external_id=str(data.get("external_id")))
            if known is None:
                return Answer(200, {"case": None, "deleted": True})
            row = repo.get_case(session, team_id=team_id, case_id=known.case_id)
            data = {**data, "text": row.text, "stars": row.stars, "customer": row.customer,
                    "link": row.link}
    return take(desk, team_id, data, language=language)
