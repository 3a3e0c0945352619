"""The brief a model gets: the rules of a good public reply (DOMAIN step 4) and what the
composer read in the review, never the review itself: what leaves the machine is the
occasion, what went wrong, how serious it is, the customer's first name, the language and
tone, the team's contact details and its own texts."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from desk.advice.compose import en, nl
from desk.advice.compose.compose import Contact
from desk.advice.compose.read import Reading

Messages = list[dict[str, str]]
LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}
SIGNER_GAPS = {"nl": nl.SIGNER_GAP, "en": en.SIGNER_GAP}
STORY_GAPS = {"nl": "[ons verhaal: wat er misging en wat we eraan doen]",
              "en": "[our side: what went wrong and what we are doing about it]"}

RULES = """You draft public replies to negative online reviews for a small business. A person \
of the team reads and edits your draft and posts it; you never post anything.

A good reply, in this order:
- greets the customer by name;
- thanks them for raising it;
- acknowledges the feeling: says you understand how the experience felt;
- apologises once for the situation the customer ended up in (an apology, not an admission of guilt);
- leaves the business's own side for the employee: write exactly {story} there, never invent \
what happened, who was involved or what is being done;
- offers to solve it privately with the contact details given, and says what happens next;
- ends with a short sign-off and exactly {signer} on its own line, where the employee signs.

A reply never: is defensive or argues ("nobody else complained", "it was busy"); contradicts \
the customer with records; recites conditions or small print; belittles the complaint; tries \
to have the last word; says "no comment"; promises anything on the team's behalf (money back, \
a discount, a voucher, something free, a replacement, compensation, a guarantee){offers}; \
mentions personal data the customer did not share (an address, a phone number, order details); \
asks the customer to change or remove the review, or offers anything for doing so. \
No lists, no links, under 120 words.

The holding reply is a short first answer of two or three sentences while the full answer is \
prepared: the same greeting, that the business cares and is looking into it, the same sign-off.

Write both in {language}. Answer with one JSON object and nothing else:
{{"reply": "...", "holding": "..."}}"""


@dataclass(frozen=True)
class Brief:
    language: str
    messages: Messages


def brief(reading: Reading, *, language: str, tone: str, contact: Contact,
          templates: Mapping | None = None, allowed_offers: tuple[str, ...] = ()) -> Brief:
    """The chat messages asking for a reply and a holding reply in `language`."""
    offers = f", except these the team allows: {', '.join(allowed_offers)}" if allowed_offers else ""
    system = RULES.format(story=STORY_GAPS[language], signer=SIGNER_GAPS[language],
                          offers=offers, language=LANGUAGE_NAMES[language])
    return Brief(language, [{"role": "system", "content": system},
                            {"role": "user", "content": facts(reading, language=language, tone=tone,
                                                              contact=contact, templates=templates)}])


def facts(reading: Reading, *, language: str, tone: str, contact: Contact,
          templates: Mapping | None = None) -> str:
    """What the review says, as the composer read it, in plain lines."""
    lines = [f"Language: {LANGUAGE_NAMES[language]}."]
    if language == "nl":
        lines.append('Address the customer with "je" (informal).' if tone == "je"
                     else 'Address the customer with "u" (formal).')
    if reading.title:
        lines.append(f"Greet the customer as {reading.title[0]}. {reading.title[1]}.")
    elif reading.first_name:
        lines.append(f"The customer's first name: {reading.first_name}.")
    else:
        lines.append("The customer's name is unknown: greet them without a name.")
    for complaint in reading.complaints:
        about = f" (about: {complaint.item})" if complaint.item else ""
        lines.append(f"What went wrong: {complaint.failure.replace('_', ' ')}{about}.")
    if not reading.complaints:
        lines.append("What went wrong: not clear from the review; stay general.")
    lines.append(f"How serious: {reading.severity}.")
    if reading.occasion:
        whose = "the customer's own" if reading.own_occasion else "someone close to the customer"
        lines.append(f"Occasion: {reading.occasion} ({whose}).")
    if reading.when:
        lines.append(f"When: {reading.when.replace('_', ' ')}.")
    reach = [f"phone {contact.phone}" if contact.phone else "",
             f"e-mail {contact.email}" if contact.email else ""]
    lines.append("Contact for continuing privately: " + (" or ".join(r for r in reach if r)
                 or "ask them to send a direct message") + ".")
    own = (templates or {}).get(language) or {}
    for kind, text in own.items():
        lines.append(f"The team's own {kind} text, as an example of its voice ({{customer}}, "
                     f"{{signer}} and {{offline}} stand for the name, the signer and the offer "
                     f"to talk privately):\n{text}")
    return "\n".join(lines)


def feedback(problems: Mapping[str, list[str]]) -> str:
    """The second request: what the coach found, per text, to write both again without it."""
    lines = ["A reviewer checked your drafts against the rules and found these problems. "
             "Write both again without them, keeping what was good; answer with the same JSON."]
    for kind, said in problems.items():
        lines += [f"- {kind}: {line}" for line in said]
    return "\n".join(lines)
