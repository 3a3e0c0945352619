"""What leaves the machine for a hosted model: e-mail addresses, phone numbers and the
customer's surname are replaced by placeholders in every message, and put back in the
model's answer. On by default for a hosted endpoint (any that is not this machine or a
private network, and the SDK's default, OpenAI's own); a local server sees the brief as is."""
from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from desk.advice.ai.brief import Messages
from desk.advice.ai.guard import Write

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run of at least eight digits, with the usual separators and an optional + in front.
PHONE = re.compile(r"(?<![\w+])\+?\d(?:[ \-./()]{0,2}\d){7,}(?!\w)")
LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def hosted(base_url: str) -> bool:
    """Whether requests to `base_url` leave this machine and its private network. No URL is
    the SDK's default, OpenAI's own service; a name other than localhost counts as hosted
    (it is not looked up: a name can point anywhere)."""
    if not base_url:
        return True
    host = (urlsplit(base_url if "//" in base_url else f"//{base_url}").hostname or "").lower()
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return True
    return not (address.is_loopback or address.is_private or address.is_link_local)


def surname(customer: str | None) -> str | None:
    """The customer's surname as the review shows it: every word after the first name
    ("Sam Jansen" → "Jansen", "Sam de Vries" → "de Vries"); None for a single name."""
    words = (customer or "").split()
    return " ".join(words[1:]) if len(words) > 1 else None


@dataclass
class Placeholders:
    """One masking, kept for a whole conversation: the same value always gets the same
    placeholder, so the model's second try and its answer are put back alike."""

    surname: str | None = None
    values: dict[str, str] = field(default_factory=dict)  # placeholder → the value

    def mask(self, text: str) -> str:
        text = EMAIL.sub(lambda m: self._hold("EMAIL", m.group()), text)
        text = PHONE.sub(lambda m: self._hold("PHONE", m.group()), text)
        if self.surname:
            text = re.sub(rf"\b{re.escape(self.surname)}\b",
                          lambda m: self._hold("SURNAME", m.group()), text)
        return text

    def restore(self, text: str) -> str:
        for placeholder, value in self.values.items():
            text = text.replace(placeholder, value)
        return text

    def _hold(self, kind: str, value: str) -> str:
        for placeholder, held in self.values.items():
            if held == value:
                return placeholder
        placeholder = f"[{kind}_{sum(p.startswith(f'[{kind}_') for p in self.values) + 1}]"
        self.values[placeholder] = value
        return placeholder


def private(write: Write, customer: str | None) -> Write:
    """`write` that sends every message masked and answers with the values put back."""
    held = Placeholders(surname(customer))

    def masked(messages: Messages) -> str:
        return held.restore(write([{**m, "content": held.mask(m["content"])} for m in messages]))

    return masked
