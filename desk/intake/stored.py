"""Rich text kept as JSON until the job that posts it runs: what a flow for a delivered review
said to the channel (the lead's warning) waits for the platform with the card."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bot.text import Link, Mention, Plain, Quote, Rich, Strong, Verbatim

PARTS = {kind.__name__: kind for kind in (Plain, Verbatim, Strong, Mention, Link, Quote)}


def rich_data(text: Rich) -> list[dict[str, Any]]:
    return [{"part": type(part).__name__, **asdict(part)} for part in text]


def rich_from(data: list[dict[str, Any]]) -> Rich:
    """The text `rich_data` kept; each part the kind it was (Verbatim stays unrendered)."""
    return Rich(PARTS[item["part"]](**{k: v for k, v in item.items() if k != "part"})
                for item in data)
