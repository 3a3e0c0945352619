"""Starting points for a public reply, so nobody faces an empty draft.

Every built-in text follows the reply rules the coach checks; several variants
per language keep a business's replies from all reading the same. The team's
own side of the story is left as a bracketed gap: only people can write it.

Templates use {customer}, {signer} and {offline}; the offline sentences use
{contact}. A team can override any entry per language (see TEMPLATES).
"""

from __future__ import annotations

from typing import Mapping

KINDS = ("reply", "holding")

TEMPLATES: dict[str, dict[str, object]] = {
    "en": {
        "customer": "customer",
        "offline": (
            "You can reach me directly at {contact}; I would like to hear the full story and put this right.",
            "Could you call or e-mail me at {contact}? Then we can look for a solution together.",
        ),
        "offline_dm": (
            "Could you send us a direct message with your phone number or e-mail address? "
            "I will then contact you personally to put this right.",
        ),
        "reply": (
            "Dear {customer},\n\n"
            "Thank you for taking the time to tell us about your experience. I can imagine how disappointing "
            "this must have been, and I am sorry for what you went through.\n\n"
            "[our side of the story: what went wrong and what we are doing about it]\n\n"
            "{offline}\n\nKind regards,\n{signer}",

            "Dear {customer},\n\n"
            "Thanks for letting us know, and I am truly sorry that we let you down. I understand why you are "
            "frustrated: this is not the experience we want anyone to have.\n\n"
            "[our side of the story: what went wrong and what we are doing about it]\n\n"
            "{offline}\n\nBest regards,\n{signer}",

            "Dear {customer},\n\n"
            "Thank you for your honest review. I completely understand your disappointment, and I apologise "
            "for the trouble this has caused you.\n\n"
            "[our side of the story: what went wrong and what we are doing about it]\n\n"
            "{offline}\n\nWith kind regards,\n{signer}",
        ),
        "holding": (
            "Dear {customer},\n\n"
            "Thank you for your review. I am sorry about your experience and I understand how frustrating "
            "this is. I am looking into what happened and will come back to you as soon as I can. {offline}\n\n"
            "Kind regards,\n{signer}",

            "Dear {customer},\n\n"
            "Thanks for raising this with us, and my apologies for what you went through; that must have been "
            "very annoying. I am looking into it right now and will reply in full shortly. {offline}\n\n"
            "Best regards,\n{signer}",
        ),
    },
    "nl": {
        "customer": "klant",
        "offline": (
            "U kunt mij rechtstreeks bereiken via {contact}; ik hoor graag het hele verhaal, zodat we dit "
            "kunnen rechtzetten.",
            "Wilt u mij bellen of mailen via {contact}? Dan zoeken we samen naar een oplossing.",
        ),
        "offline_dm": (
            "Wilt u ons een privébericht sturen met uw telefoonnummer of e-mailadres? Dan neem ik persoonlijk "
            "contact met u op om dit recht te zetten.",
        ),
        "reply": (
            "Beste {customer},\n\n"
            "Dank u wel dat u de tijd nam om uw ervaring te delen. Ik kan me goed voorstellen hoe teleurstellend "
            "dit voor u was, en het spijt me wat u heeft meegemaakt.\n\n"
            "[ons verhaal: wat er misging en wat we eraan doen]\n\n"
            "{offline}\n\nMet vriendelijke groet,\n{signer}",

            "Beste {customer},\n\n"
            "Bedankt voor uw eerlijke review, en mijn oprechte excuses dat we het deze keer niet goed hebben "
            "gedaan. Ik begrijp uw frustratie: dit is niet de ervaring die wij u willen bieden.\n\n"
            "[ons verhaal: wat er misging en wat we eraan doen]\n\n"
            "{offline}\n\nHartelijke groet,\n{signer}",

            "Beste {customer},\n\n"
            "Hartelijk dank voor uw review. Wat vervelend dat uw ervaring zo tegenviel; dat spijt ons echt, "
            "en daarvoor bieden wij onze excuses aan.\n\n"
            "[ons verhaal: wat er misging en wat we eraan doen]\n\n"
            "{offline}\n\nVriendelijke groeten,\n{signer}",
        ),
        "holding": (
            "Beste {customer},\n\n"
            "Bedankt voor uw bericht. Het spijt me wat u heeft meegemaakt, en ik begrijp goed hoe vervelend "
            "dit is. Ik zoek uit wat er is gebeurd en kom zo snel mogelijk bij u terug. {offline}\n\n"
            "Met vriendelijke groet,\n{signer}",

            "Beste {customer},\n\n"
            "Dank voor uw review, en excuses voor wat u heeft meegemaakt; dat moet heel frustrerend zijn "
            "geweest. Ik zoek dit nu voor u uit en laat u snel weten wat we gaan doen. {offline}\n\n"
            "Hartelijke groet,\n{signer}",
        ),
    },
}


def _texts(language: str, templates: Mapping | None) -> Mapping[str, object]:
    """Built-in texts with the team's overrides for that language laid over them."""
    merged = dict(TEMPLATES.get(language, {}))
    merged.update((templates or {}).get(language, {}))
    if not merged:
        raise ValueError(f"no reply templates for language {language!r}")
    return merged


def _pick(options: object, index: int) -> str:
    choices = (options,) if isinstance(options, str) else tuple(options)
    return choices[index % len(choices)]


def suggest_reply(*, language: str, customer: str | None, signer: str, contact: str | None,
                  variant: int | None = None, kind: str = "reply", templates: Mapping | None = None,
                  seed: int = 0) -> str:
    """A draft reply; `seed` (e.g. the case number) picks the variant when none is asked for."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    texts = _texts(language, templates)
    index = seed if variant is None else variant
    offline = (
        _pick(texts["offline"], index).format(contact=contact)
        if contact else _pick(texts["offline_dm"], index)
    )
    return _pick(texts[kind], index).format(
        customer=customer or texts["customer"], signer=signer, offline=offline, contact=contact or "",
    )
