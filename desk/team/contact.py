"""The team's private contact for reply suggestions: a phone number and an e-mail address,
each checked on its own, so a reply says "bel me op 020 123 4567" and never pastes a sentence."""
from __future__ import annotations

import re

from desk.advice.compose.compose import Contact

_PHONE = re.compile(r"\+?[\d\s().-]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)


def parse_phone(text: str) -> str | None:
    """The number as the team writes it, spaces tidied; ValueError when it is not one."""
    number = " ".join((text or "").split())
    if not number:
        return None
    digits = sum(c.isdigit() for c in number)
    if not _PHONE.fullmatch(number) or not 9 <= digits <= 15 or "+" in number[1:]:
        raise ValueError(number)
    return number


def parse_email(text: str) -> str | None:
    address = (text or "").strip()
    if not address:
        return None
    if len(address) > 254 or not _EMAIL.fullmatch(address):
        raise ValueError(address)
    return address


_FIND_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_FIND_PHONE = re.compile(r"(?:\+|00)?\d[\d\s().-]{7,}\d")


def split_contact(text: str) -> Contact:
    """The phone number and e-mail address in a line like "020 123 4567, info@example.nl"."""
    email, phone = _FIND_EMAIL.search(text or ""), _FIND_PHONE.search(text or "")
    return Contact(phone=" ".join(phone.group().split()) if phone else None,
                   email=email.group() if email else None)
