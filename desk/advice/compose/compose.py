"""Composing a first draft or a holding reply from what one review says.

A reply is built from parts (DOMAIN step 4): thanks, empathy that names the occasion and what
went wrong, one apology, the business's side left as a marked gap, an offer to continue
privately that fits the contact the team gave, and the drafter's own name. Each part has
several phrasings; the case number picks one and every sentence the team used in its last
replies is passed over, so a business's public replies do not repeat one another.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType
from typing import Callable, Iterable, Sequence

from desk.advice.compose import en, nl
from desk.advice.compose.read import Reading

BANKS: dict[str, ModuleType] = {"nl": nl, "en": en}
# Which side of the story fits what went wrong first; for things that were sent, being late
# or damaged is about the delivery.
_OUTLINE_OF = {
    "damaged": "quality", "broken": "quality", "cold": "quality", "lukewarm": "quality",
    "bad": "quality", "wrong": "quality", "refund_wanted": "quality", "late": "waiting_time",
    "lost": "delivery", "rude": "staff_attitude", "dirty": "cleanliness", "charged_twice": "billing",
    "overcharged": "billing", "expensive": "price", "unreachable": "communication",
}
_SENT = {"parcel", "order", "shoes", "cake"}
_OUTLINE_IF_SENT = {"late": "delivery", "damaged": "delivery"}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


@dataclass(frozen=True)
class Contact:
    phone: str | None = None
    email: str | None = None

    @property
    def kind(self) -> str:
        if self.phone and self.email:
            return "both"
        return "phone" if self.phone else "email" if self.email else "none"


@dataclass(frozen=True)
class Composed:
    text: str
    gaps: tuple[str, ...]  # which parts the drafter must still write: "name", "story", "signer"


def sentences(text: str) -> set[str]:
    """The sentences of a text, normalised, to compare a new draft with earlier replies."""
    return {_norm(s) for s in _SENTENCE.findall(text or "") if len(s.split()) >= 3}


def _norm(sentence: str) -> str:
    return " ".join(sentence.lower().split())


class _Writer:
    """Fills one bank's phrasings for one review, tone and case."""

    def __init__(self, bank: ModuleType, reading: Reading, tone: str, seed: int,
                 avoid: set[str]) -> None:
        self.bank, self.reading, self.seed, self.avoid = bank, reading, seed, avoid
        self.words = dict(bank.WORDS[tone])
        self.words["when"] = bank.WHEN.get(reading.when, bank.WHEN_DEFAULT)
        self.tone = tone

    def fill(self, text: str, **extra: str) -> str:
        return text.format(**{**self.words, **extra})

    def pick(self, count: int, render: Callable[[int], str], offset: int = 0) -> str:
        """The case's own phrasing, or the next one the team did not use lately."""
        start = self.seed + offset
        for step in range(count):
            text = render((start + step) % count)
            if all(_norm(s) not in self.avoid for s in _SENTENCE.findall(text)):
                return text
        return render(start % count)

    def pick_from(self, options: Sequence[str], offset: int = 0, **extra: str) -> str:
        return self.pick(len(options), lambda i: self.fill(options[i], **extra), offset)

    def pairs(self, firsts: Sequence[str], seconds: Sequence[str], join: Callable[[str, str], str],
              **extra: str) -> str:
        """One of every first × second, so that consecutive cases differ in both halves."""
        a, b = len(firsts), len(seconds)

        def render(i: int) -> str:
            return self.fill(join(firsts[i % a], seconds[(i // a + i) % b]), **extra)
        return self.pick(a * b, render)

    # -- the parts ------------------------------------------------------------------------
    def clause(self) -> str:
        bank, reading = self.bank, self.reading
        parts, named = [], set()
        for complaint in reading.complaints:
            with_item, without = bank.FAILURES[complaint.failure]
            item = None if complaint.item in named else bank.ITEMS.get(complaint.item or "")
            named.add(complaint.item)
            plural = bool(item) and complaint.item in bank.PLURAL
            parts.append(self.fill(with_item if item and "{item}" in with_item else without,
                                   item=self.fill(item) if item else "", **bank.VERBS[plural]))
        clause = bank.AND.join(dict.fromkeys(parts)) or self.fill(bank.NO_FAILURE)
        if reading.occasion:
            own, others = bank.OCCASIONS[reading.occasion]
            clause += ", " + self.fill(own if reading.own_occasion else others)
        return clause

    def opening(self) -> str:
        return self.pairs(self.bank.THANKS_LEADS, self.bank.THANKS_OBJECTS,
                          lambda lead, obj: f"{lead} {obj}.")

    def empathy(self) -> str:
        text = self.pick_from(self.bank.EMPATHY[self.reading.severity], offset=1, clause=self.clause())
        if any(c.failure == "sick" for c in self.reading.complaints):
            text += " " + self.fill(self.bank.GET_WELL)
        return text

    def apology(self) -> str:
        return self.pick_from(self.bank.APOLOGY[self.reading.severity], offset=2)

    def story(self) -> str:
        outlines, reading = self.bank.STORY_OUTLINES, self.reading
        first = reading.complaints[0] if reading.complaints else None
        key = None
        if reading.severity == "health":
            key = "health"
        elif first:
            key = (first.item in _SENT and _OUTLINE_IF_SENT.get(first.failure)) or \
                _OUTLINE_OF.get(first.failure)
        key = key or next((t for t in reading.themes if t in outlines), None)
        return self.fill(self.bank.STORY, outline=self.fill(outlines.get(key, self.bank.STORY_DEFAULT)))

    def closing(self, contact: Contact) -> str:
        leads = self.bank.CONTACT[contact.kind][self.tone]
        return self.pairs(leads, self.bank.CONTACT_TAILS, lambda lead, tail: lead + tail,
                          phone=contact.phone or "", email=contact.email or "")


def compose(reading: Reading, *, language: str, tone: str, signer: str | None, contact: Contact,
            kind: str = "reply", seed: int = 0, avoid: Iterable[str] = (),
            template: str | None = None) -> Composed:
    """A draft in `language` ("nl"/"en") and `tone` ("u"/"je"); `avoid` holds earlier replies,
    whose sentences this one does not repeat; `template` is the team's own text, if it has one."""
    bank = BANKS[language]
    avoided: set[str] = set()
    for text in avoid:
        avoided |= sentences(text)
    w = _Writer(bank, reading, tone, seed, avoided)
    gaps = []
    name, greetings = reading.first_name, bank.GREETINGS[tone]
    if not name and reading.title:  # "Dhr. Bakker": "Beste heer Bakker", never "Hoi"
        name, greetings = f"{bank.TITLES[reading.title[0]]} {reading.title[1]}", bank.GREETINGS["u"][:1]
    if not name:
        name = bank.NAME_GAP
        gaps.append("name")
    if not signer:
        signer = bank.SIGNER_GAP
        gaps.append("signer")
    if template:
        return Composed(template.format(customer=name, signer=signer, offline=w.closing(contact)),
                        tuple(gaps))
    greeting = w.pick_from(greetings, name=name)
    sign_off = w.pick_from(bank.SIGN_OFFS[tone], offset=1)
    body = " ".join([w.opening(), w.empathy(), w.apology()])
    if kind == "holding":
        paragraphs = [body + " " + w.pick_from(bank.HOLDING_NEXT)]
    else:
        paragraphs = [body, w.story()]
        gaps.insert(1 if "name" in gaps else 0, "story")  # in reading order
    text = "\n\n".join([greeting, *paragraphs, w.closing(contact), f"{sign_off}\n{signer}"])
    return Composed(text, tuple(gaps))
