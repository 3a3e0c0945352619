"""Starting points for a public reply, built from what this customer wrote, so nobody faces
an empty draft and no two customers get the same text.

The review is read (desk.advice.compose.read), its language detected, the tone chosen
(u/je), and the reply composed in that language; the parts only the drafter knows are left
as marked gaps. A team's own text for a language (`/review templates`) replaces the composed
one and gets the same customer name, signer and offer to continue privately.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from desk.advice.compose.compose import Contact, compose
from desk.advice.compose.read import read_review
from desk.advice.compose.tone import reply_tone
from desk.advice.language import LANGS, detect_language

KINDS = ("reply", "holding")


@dataclass(frozen=True)
class Suggestion:
    language: str
    tone: str
    text: str
    gaps: tuple[str, ...]


def suggest(review: str, *, customer: str | None, signer: str | None, contact: Contact = Contact(),
            language: str | None = None, default_language: str = "en", tone: str | None = None,
            sector: str | None = None, kind: str = "reply", seed: int = 0,
            avoid: Iterable[str] = (), templates: Mapping | None = None) -> Suggestion:
    """A draft for `review`; `language` (else detected, else `default_language`), `tone` is
    the team's setting ("u", "je", "mirror", or "sector"/None for its sector's custom), `seed`
    (the case number) varies the phrasing, `avoid` holds the team's latest replies."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    language = language or detect_language(review, default=default_language)
    if language not in LANGS:
        raise ValueError(f"no replies in language {language!r}")
    reading = read_review(review, customer=customer)
    chosen = reply_tone(tone, sector, reading)
    own = ((templates or {}).get(language) or {}).get(kind) or None
    composed = compose(reading, language=language, tone=chosen, signer=signer, contact=contact,
                       kind=kind, seed=seed, avoid=avoid, template=own)
    return Suggestion(language, chosen, composed.text, composed.gaps)
