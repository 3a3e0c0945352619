"""What part a sentence of a reply plays (thanks, a feeling named, an excuse offered, records
set against the customer...), read by a linear model trained on labelled sentences of both
languages (training/roles.py writes roles.npz beside this file).

The rules know words and constructions; the model has seen how many more sentences that play
a part are built, so it is the coach's second opinion: a role it reads with enough weight
counts as a finding (or as the element present) even when no rule matched. Features are the
words, word pairs and word pieces of the folded sentence, so inflections and Dutch compounds
share what was learned.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desk.advice.coach.text import fold
from desk.advice.linear import Linear, load

ROLES = ("thanks", "empathy", "apology", "offline", "defensive", "contradicts", "small_print",
         "belittles", "no_comment", "change_review", "promise")
MODEL = Path(__file__).with_name("roles.npz")
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|0+")
_DIGITS = re.compile(r"\d+")
PIECE = 4  # letters in a word piece


def features(sentence: str) -> list[str]:
    """The sentence's features: words, pairs of words, and pieces of the longer words."""
    words = _TOKEN.findall(_DIGITS.sub("0", fold(sentence)))
    out = [f"w {w}" for w in words]
    out += [f"b {a} {b}" for a, b in zip(["^", *words], [*words, "$"])]
    for w in words:
        if len(w) > PIECE:
            padded = f"<{w}>"
            out += [f"p {padded[i:i + PIECE]}" for i in range(len(padded) - PIECE + 1)]
    return out


@dataclass(frozen=True)
class Model:
    linear: Linear

    def played(self, sentence: str) -> set[str]:
        """The roles the sentence plays with enough weight to count."""
        return self.played_in([sentence])[0]

    def played_in(self, sentences: list[str]) -> list[set[str]]:
        """`played` for each of a reply's sentences, read in one pass over the weights."""
        margins, sizes = self.linear.margins([features(s) for s in sentences])
        return [{role for role, on in zip(ROLES, row) if on} if size else set()
                for row, size in zip((margins >= 0).tolist(), sizes)]


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The trained model, or None when it has not been trained (the rules then work alone)."""
    linear = load(MODEL)
    return Model(linear) if linear else None
