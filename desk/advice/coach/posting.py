"""The text as it will stand on the review site: gaps left to fill in, openings and
closings the team already used in public, and the rules of particular sites."""

from __future__ import annotations

import re

from desk.advice.coach.text import fold, rx

_MONTH = (r"(?i:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|"
          r"february|march|june|july|august|october|jan|feb|mar|apr|jun|jul|aug|sept?|okt|oct|nov|dec)\b")
# A gap another tool or a template left for the drafter: "[naam]", "{customer}", "<your name>".
# A gap in brackets, or Xs where a value belongs ("XXX", a date or time left as "XX/XX", "xx:xx").
PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,200}\]|\{[^{}\n]{1,60}\}|<[^<>\n]{1,60}>|\b(?:X{3,}|x{3,})\b"
                         r"|\b(?:XX|xx)(?:[/.:-](?:X{2,4}|x{2,4}))+\b"
                         # a number left to finish: "(312) 555-01XX"
                         r"|(?<=\d)[ -]?(?:XX|xx)\b"
                         # a day left open beside its month: "vanaf XX juni", "on June XX"
                         rf"|\b(?:XX|xx)\s+(?={_MONTH})|\b{_MONTH}\s+(?:XX|xx)\b")

_SALUTATION = rx(
    r"^\s*(?:dear|hi|hello|hey|morning|good\s+(?:morning|afternoon|evening)|beste|hoi|hallo|dag|"
    r"geachte|lieve|goedemiddag|goedemorgen|goedenavond)\b[^,!\n]{0,40}(?:[,\n]|!(?=\s|$))\s*"
)


def salutation_only(sentence: str) -> bool:
    """"Dear Sam," or "Grace," on a line of its own: not the reply's opening sentence."""
    line = sentence.strip()
    return (line.endswith(",") and len(line.split()) <= 6) or bool(_SALUTATION.fullmatch(line))

_TOKEN = re.compile(r"[^\W\d_]{2,}")
SIMILAR = 0.8  # share of words an opening or closing may have in common with an earlier one


# Addresses differ where the words are the same: "contact met me op via linda@…" against "met ons op"
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bhttps?://\S+|\bwww\.\S+")


def words_of(sentence: str) -> frozenset[str]:
    """The words of a sentence, salutation and e-mail or web addresses left out, for `similar`."""
    return frozenset(_TOKEN.findall(fold(_ADDRESS.sub(" ", _SALUTATION.sub("", sentence)))))


def similar(x: frozenset[str], y: frozenset[str]) -> bool:
    """Nearly the same sentence (as `words_of`), names and salutations aside."""
    if len(x) < 4 or len(y) < 4:
        return False
    return len(x & y) / len(x | y) >= SIMILAR


# --- per-site rules -------------------------------------------------------------

SITES = {
    # Tripadvisor: one reply per review, no links, no lists, no personal data.
    "tripadvisor": {"links": True, "lists": True, "personal_data": True},
    # Yelp: at most 5,000 characters.
    "yelp": {"max_chars": 5000},
}
LINK = rx(
    r"\bhttps?://\S+", r"\bwww\.\S+",
    r"(?<![\w@.-])[\w-]{2,63}(?:\.[\w-]{2,63})*\.(?:com|nl|be|net|org|io|eu|co\.uk|uk|shop|info|biz)\b(?:/\S*)?",
)
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*•·–]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)


def site_rules(site: str | None) -> dict[str, object]:
    return SITES.get((site or "").strip().lower(), {})
