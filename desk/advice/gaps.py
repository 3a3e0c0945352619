"""Gaps: the parts of a draft only the drafter can write, marked as text in square brackets
("[name]", "[wat er misging en wat we eraan doen]"). A suggestion leaves them open; a reply
that still has one is not finished."""
from __future__ import annotations

import re

_GAP = re.compile(r"\[[^\[\]\n]{1,200}\]")


def gaps(text: str) -> list[str]:
    """Every bracketed gap still in `text`, in order, each once."""
    return list(dict.fromkeys(m.group() for m in _GAP.finditer(text or "")))
