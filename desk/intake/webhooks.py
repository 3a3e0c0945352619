"""A site's own webhook calls at the intake endpoint: `POST /intake/<source>/<team id>/<key>`,
the key (desk.intake.signature.webhook_key) standing in for the signature the site cannot
make. The site's client (app/sites) turns its payload into the generic JSON of each review,
and each is taken as a signed delivery is: the same review by webhook and by polling is
one case.

A deleted review comes with its id alone (`"deleted": true`): its case notes the removal; a
review deleted before it ever became a case is no case.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from desk.intake.receive import Answer, error, take
from desk.turn import Desk

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
    answers = [take(desk, team_id, data, language=language) for data in reviews]
    failed = [a.status for a in answers if a.status >= 400]
    return Answer(failed[0] if failed else 200, {"reviews": [a.body for a in answers]})
