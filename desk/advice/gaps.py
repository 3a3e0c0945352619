"""Gaps: the parts of a draft only the drafter can write, marked as text in square brackets
("[name]", "[wat er misging en wat we eraan doen]"). A suggestion leaves them open; a reply
that still has one is not finished. What counts as a gap is the coach's `placeholder` rule."""
from __future__ import annotations

from desk.advice.coach.posting import PLACEHOLDER


def gaps(text: str) -> list[str]:
    """Every gap still in `text`, in order, each once."""
    return list(dict.fromkeys(m.group() for m in PLACEHOLDER.finditer(text or "")))
