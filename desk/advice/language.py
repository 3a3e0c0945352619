"""Dutch/English guess for reviews and replies, reliable on two-word reviews.

Function words settle most texts at no cost. Short reviews often have none ("Te duur",
"Koude friet"), so those go to py3langid's character model, restricted to Dutch and
English; only a near coin toss ("Super!", "👍", "12/10") falls back to the team's default.
The model is loaded on the first short text, never at import: a start stays fast.
"""

from __future__ import annotations

import re
import threading

LANGS = ("nl", "en")
MIN_CONFIDENCE = 0.55  # below this, the two languages are a coin toss for the model

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
_model = None
_model_lock = threading.Lock()


def _by_function_words(words: list[str]) -> str | None:
    nl = sum(1 for w in words if w in _NL)
    en = sum(1 for w in words if w in _EN)
    total = nl + en
    if total < 2 or abs(nl - en) < max(1.0, 0.2 * total):
        return None
    return "nl" if nl > en else "en"


def _identifier():
    global _model
    with _model_lock:
        if _model is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            model.set_languages(list(LANGS))
            _model = model
    return _model


def _by_characters(text: str) -> str | None:
    lang, confidence = _identifier().classify(text)
    return lang if lang in LANGS and confidence >= MIN_CONFIDENCE else None


def detect_language(text: str, default: str = "en") -> str:
    """Return "nl" or "en"; `default` when the text is empty or could be either."""
    text = (text or "").replace("’", "'")
    words = _WORD.findall(text.lower())
    if not words:
        return default
    return _by_function_words(words) or _by_characters(text) or default
