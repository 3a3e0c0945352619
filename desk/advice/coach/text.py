"""Text helpers the coach and the triage hint share: patterns over both languages,
negation within a clause, sentences and words."""

from __future__ import annotations

import re
import unicodedata

_AT_WORD = r"\b"
_WORD_START = r"(?<!\w)(?=\w)"  # what `\b` means before a word, written so the engine checks it once


class Lazy:
    """A pattern compiled when it is first used: the rule tables hold hundreds of large
    patterns whose compiling took most of a start (bench/results.md), and a start uses none."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern, self.flags, self._compiled = pattern, flags, None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return getattr(self._compiled, name)


def rx(*parts: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One pattern from alternatives, so rule tables stay readable.

    Alternatives that start at a word share one check for the start of a word: the engine
    then skips a position inside a word at once instead of trying every alternative there,
    which keeps long and hostile texts fast.
    """
    bounded = [p[len(_AT_WORD):] for p in parts if p.startswith(_AT_WORD) and not p.startswith(_AT_WORD + "|")]
    loose = [p for p in parts if not (p.startswith(_AT_WORD) and not p.startswith(_AT_WORD + "|"))]
    alternatives = ([_WORD_START + "(?:" + "|".join(f"(?:{p})" for p in bounded) + ")"] if bounded else [])
    return Lazy("|".join(alternatives + [f"(?:{p})" for p in loose]), flags)


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def widen(pattern: re.Pattern[str], *more: str) -> re.Pattern[str]:
    """The pattern with more alternatives: the same move in other words."""
    return rx(pattern.pattern, *more)


def fold(text: str) -> str:
    """Lower case without accents: "Zoë" and "zoe" are the same customer."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def clean(text: str) -> str:
    """Same-length clean-up, so match offsets still point into the draft."""
    return (text or "").replace("’", "'").replace("‘", "'").replace("\u00a0", " ")


_NEGATOR = re.compile(
    r"(?:\b(?:not|no|never|nor|cannot|hardly|niet|geen|nooit|niets|niks)\b|n't\b)"
    # idioms where the negator does not negate what follows
    r"(?!\s+(?:hesitate|aarzel|aarzelen|schroom|only|just|alleen|enkel|wonder|doubt|matter|genoeg|enough)\b)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\n]|\b(?:but|maar|and|en|though|although|hoewel)\b", re.IGNORECASE)
# Dutch puts the negation after the verb: "het spijt ons niet", "ik begrijp het niet."
_NEGATOR_AFTER = re.compile(
    r"\s*(?:(?:het|dat|dit|echt|helemaal|werkelijk|eigenlijk|ook|zeker|absoluut|ons|me|mij)\s+){0,2}"
    r"(?:niet|geen|nooit)\b\s*(?:[.,;:!?)]|$|\b(?:waarom|hoe|wat|dat|waar)\b)",
    re.IGNORECASE,
)
_WITH_NO = re.compile(r"\b(with|met)\s+(?:no|geen)\b", re.IGNORECASE)
_STRENGTHENED = re.compile(r"\s*(?:\w+\s+)?(?:enough|genoeg)\b", re.IGNORECASE)


def negated(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is negated within its clause."""
    if _STRENGTHENED.match(text, end):  # "we cannot apologise enough"
        return False
    clause = _CLAUSE_BREAK.split(text[max(0, start - 80) : start])[-1]
    # "with no explanation must have been maddening": that "no" belongs to its noun
    if _NEGATOR.search(" ".join(_WITH_NO.sub(r"\1 -", clause).split()[-4:])):
        return True
    return bool(_NEGATOR_AFTER.match(text, end))


def find(pattern: re.Pattern[str], text: str, *, negatable: bool = True,
         unless_followed_by: re.Pattern[str] | None = None) -> re.Match[str] | None:
    """First match that is neither negated nor followed by a disqualifying phrase."""
    for m in pattern.finditer(text):
        if negatable and negated(text, m.start(), m.end()):
            continue
        if unless_followed_by is not None and unless_followed_by.match(text, m.end()):
            continue
        return m
    return None


# A full stop between digits ("19.30 uur", "€ 2.50"), inside a word ("jen@bloom.co.uk",
# "www.example.nl") or after a title or abbreviation that goes on ("bij dr. Van Leeuwen",
# "t.a.v. Daan") does not end a sentence.
_ABBREVIATED = "|".join(rf"(?<=\b{a})" for a in (
    "[Dd]r", "[Dd]rs", "[Mm]r", "[Mm]rs", "[Mm]s", "[Dd]hr", "[Mm]evr", "[Mm]w", "[Pp]rof", "[Ii]r", "[Ii]ng", "St",
    "t\\.a\\.v", "bijv", "o\\.a", "ca", "e\\.g", "i\\.e"))
_NUMBERED = "|".join(rf"(?<=\b{a})" for a in ("[Nn]o", "[Nn]r", "[Nn]os"))
# an initial before a surname: "op naam van N. Gerritsen", "Mr J. Walsh"
_INITIAL = "|".join(rf"(?<=\b{w} [A-Z])" for w in (
    "van", "of", "to", "for", "aan", "voor", "naam", "name", "Mr", "Mrs", "Ms", "Dhr", "Mevr", "mevrouw", "meneer",
    "Dear", "Hi", "Hello", "Hey", "Beste", "Geachte", "Hoi", "Dag", "Hallo"))
_SENTENCE = re.compile(rf"(?:[^.!?\n]|(?<=\d)\.(?=\d)|(?<=\w)\.(?=\w)|(?:{_ABBREVIATED})\.(?=[ \t]+\w)|"
                       rf"(?:{_NUMBERED})\.(?=[ \t]*[A-Z]{{0,3}}-?\d)|"
                       rf"(?:{_INITIAL})\.(?=[ \t]+[A-Z][a-z]))+"
                       rf"(?:[.!?]+|\n|$)")


def sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _SENTENCE.finditer(text) if m.group().strip()]


_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))

