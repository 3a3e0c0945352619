"""A model draft asked for by hand (`review-desk suggest --ai`): the brief, the guard and the
masking the scheduled job uses, for a review with no case or team behind it."""
from __future__ import annotations

from functools import partial

from bot.i18n import Catalogs
from desk.advice.ai.brief import SIGNER_GAPS, STORY_GAPS, brief
from desk.advice.ai.endpoint import Endpoint
from desk.advice.ai.guard import Written, coach, write_guarded
from desk.advice.ai.privacy import private
from desk.advice.coach.check import Finding
from desk.advice.coach.explain import explain
from desk.advice.compose.compose import Contact
from desk.advice.compose.read import read_review


def for_model(texts: Catalogs, finding: Finding) -> str:
    """A finding as the model reads it: what is wrong and how to fix it, in English."""
    said = explain(texts, "en", finding)
    where = f' (in: "{finding.sentence}")' if finding.sentence else ""
    return f"{said['message']}{where} {said['fix']}"


def write_for(endpoint: Endpoint, review: str, *, customer: str | None, language: str, tone: str,
              contact: Contact, texts: Catalogs) -> Written:
    """The model's guarded reply and holding reply for `review`; ModelFailed when none came."""
    asked = brief(read_review(review, customer=customer), language=language, tone=tone,
                  contact=contact)
    ask = private(endpoint.ask, customer) if endpoint.private else endpoint.ask
    check = partial(coach, language=language, customer=customer, review=review, site=None)
    return write_guarded(ask, asked, check, partial(for_model, texts))


def gaps(written: Written) -> list[str]:
    """The gaps the model left for the person, named as the composer names its own."""
    marks = (("story", STORY_GAPS[written.language]), ("signer", SIGNER_GAPS[written.language]))
    return [name for name, mark in marks if any(mark in text for text in written.texts.values())]
