"""The configured model as the desk sees it: how to ask it, whether what is sent must be
masked first (a hosted service), and how many requests a team may make a day."""
from __future__ import annotations

from dataclasses import dataclass

from desk.advice.ai.brief import Messages
from desk.advice.ai.guard import Write


@dataclass(frozen=True)
class Endpoint:
    ask: Write
    private: bool = False  # mask e-mail addresses, phone numbers and the surname
    daily_cap: int | None = None  # requests per team per day; None: no cap

    def __call__(self, messages: Messages) -> str:
        return self.ask(messages)
