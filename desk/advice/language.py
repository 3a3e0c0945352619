"""Dutch/English guess for reviews and replies.

Function words carry the language even in short, misspelt posts, so counting
them is more reliable here than character statistics; unclear texts fall back
to the team's default language instead of guessing.
"""

from __future__ import annotations

import re

_NL = frozenset(
    """
    de het een en van ik je jij u uw jullie wij ons onze mijn m'n 't niet geen
    nooit met voor op maar dat die dit deze er naar bij ook heel erg nog wel om
    te dan als hebben heb heeft hadden zijn ben bent waren werd wordt uit kan
    kunnen moet moeten zou hier daar omdat toen nu niets niks helemaal echt
    graag bedankt dank groet groeten beste helaas hoe wat waarom wie zo al
    gewoon weer keer mij hij zij ze wordt geweest gaan gaat
    """.split()
)
_EN = frozenset(
    """
    the a an and of i you your yours our us my not no never with for on but
    that this these those it its to at have has be been being would will very
    so just from there their they what when why who because all about were are
    am don't didn't can't won't it's i'm we're thanks thank please dear regards
    unfortunately again he she them
    """.split()
)

_WORD = re.compile(r"[a-zà-ÿ']+")


def detect_language(text: str, default: str = "en") -> str:
    """Return "nl" or "en"; `default` when the text is empty or mixed."""
    words = _WORD.findall((text or "").lower().replace("’", "'"))
    nl = sum(1 for w in words if w in _NL)
    en = sum(1 for w in words if w in _EN)
    total = nl + en
    if total < 2 or abs(nl - en) < max(1.0, 0.2 * total):
        return default
    return "nl" if nl > en else "en"
