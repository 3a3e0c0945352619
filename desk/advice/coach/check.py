"""The reply coach: checks a draft public reply against the team's reply rules.

Rules are patterns over word families in both languages at once: teams mix languages
("sorry", "DM" in Dutch replies), and a misjudged language must not flood a good draft
with false alarms. Negation is checked where a word alone would mislead ("not sorry",
"ik begrijp niet waarom"); excuses that are owned ("it was busy, but that is no excuse")
are not counted as defensive. Each finding names the sentence it is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from desk.advice.coach import avoid, dismissive, frames, present, review as site_review, roles, stance
from desk.advice.coach.posting import LINK, LIST_ITEM, PLACEHOLDER, salutation_only, similar, site_rules, words_of
from desk.advice.coach.privacy import personal_data
from desk.advice.coach.promise import promises
from desk.advice.coach.signoff import (addressed, closes_at, name_tokens, sign_off, signed_by, signed_by_a_person,
                                       web_names)
from desk.advice.coach.text import clean, find, negated, sentences, word_count
from desk.advice.language import detect_language

MISSING_RULES = ("name", "thanks", "empathy", "apology", "offline", "signature")
AVOID_RULES = (
    "defensive", "contradicts", "small_print", "belittles", "no_comment", "length",
    "change_review", "promise", "placeholder", "personal_data", "repeats",
    "site_links", "site_list", "site_length",
)
RULES = MISSING_RULES + AVOID_RULES
MAX_WORDS = 150
# A draft is read up to this many characters, its last lines included: about 500 words,
# over three times the advised length, so a longer draft already has the length finding,
# and the coach stays fast on any text pasted into it.
READ_LIMIT = 3000
READ_TAIL = 400
SENTENCE_SHOWN = 300  # characters of a finding's sentence quoted back
# Where the sentence-role model has a say beside the rules: the findings it adds, and the
# elements it may find present. Chosen on a round of replies left out of its training
# (docs/advice-quality.md); elsewhere it added more false alarms than findings, and whether a
# promise needs a yes depends on the kinds of offer the team allows.
READ_ROLES = ("defensive", "contradicts", "belittles")
READ_ELEMENTS = ("thanks", "empathy", "offline")


@dataclass(frozen=True)
class Finding:
    rule: str
    excerpt: str = ""  # the words that triggered an avoid-rule, to quote back to the drafter
    words: int = 0  # the reply's length, for `length`
    sentence: str = ""  # the sentence the finding is about; empty when something is missing
    better: str = ""  # a better sentence worked out from the draft, when one can be
    limit: int = MAX_WORDS

    @property
    def kind(self) -> str:
        return "missing" if self.rule in MISSING_RULES else "avoid"

    def format_args(self) -> dict[str, object]:
        """Values for the `{placeholders}` in the coach message catalog."""
        return {"excerpt": self.excerpt, "words": self.words, "limit": self.limit,
                "sentence": self.sentence}


@dataclass(frozen=True)
class CoachResult:
    language: str
    findings: tuple[Finding, ...]

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(f.rule for f in self.findings)

    @property
    def ok(self) -> bool:
        return not self.findings


def _conceded(draft: str, spans: list[tuple[int, int]], at: tuple[int, int], match: re.Match[str]) -> bool:
    """Records or a denial that concede: in the customer's favour, in a sentence about what
    changed, or "that did not happen" said of what should have happened, in the same
    sentence or the one before."""
    after = min((e for s, e in spans if s >= at[1]), default=at[1])
    if frames.CONCEDES.search(draft, at[0], after) or frames.CHANGED.search(draft, *at):
        return True
    if not frames.UNDONE.fullmatch(match.group()):
        return False
    before = max((s for s, e in spans if e <= at[0]), default=at[0])
    return bool(frames.OBLIGED.search(draft, before, match.start()))


def _short(text: str, limit: int = 80) -> str:
    return " ".join(text.split())[:limit]


def _about(rule: str, sentence: str) -> Finding:
    """A finding about a whole sentence: quoted short, and shown as it stands."""
    return Finding(rule, _short(sentence), sentence=_short(sentence, SENTENCE_SHOWN))


def _without(sentence: str, start: int, end: int) -> str:
    """The sentence with the offending words cut out, tidied."""
    out = sentence[:start] + sentence[end:]
    return " ".join(re.sub(r"\s+([,.!?;:])", r"\1", re.sub(r"[,;:]\s*([,.!?;:])", r"\1", out)).split())


def check_reply(text: str, *, customer: str | None, signer: str | None, language: str | None = None,
                review: str | None = None, site: str | None = None, recent: Iterable[str] = (),
                allowed_offers: Iterable[str] = ()) -> CoachResult:
    """Findings for a draft reply, in RULES order; no findings means ready to post.

    `language` (detected when None) only picks the message catalog: the rules read both
    languages, since replies mix them. `review` is the customer's public text (details
    in it are theirs to share), `site` the review site ("tripadvisor", "yelp", ...),
    `recent` the team's recent public replies and `allowed_offers` the kinds of offer
    (promise.OFFER_KINDS) the team allows without asking.
    """
    whole = clean(text)
    draft = whole if len(whole) <= READ_LIMIT else (
        whole[: READ_LIMIT - READ_TAIL] + "\n\n" + whole[-READ_TAIL:])
    language = language or detect_language(draft)
    found: dict[str, Finding] = {}
    spans = sentences(draft)

    def sentence_at(offset: int) -> tuple[int, int]:
        return next(((s, e) for s, e in spans if s <= offset < e), (offset, offset))

    def flag(rule: str, match: re.Match[str] | None = None, *, offset: int = 0, better: str = "") -> None:
        if rule in found:
            return
        start, end = sentence_at(offset + match.start()) if match else (0, 0)
        if end - start > SENTENCE_SHOWN:  # a run-on sentence: the part around the words
            at = offset + match.start()
            start, end = max(start, at - SENTENCE_SHOWN // 2), min(end, at + SENTENCE_SHOWN // 2)
        found[rule] = Finding(rule, _short(match.group()) if match else "",
                              sentence=_short(draft[start:end], SENTENCE_SHOWN), better=better)

    closing = sign_off(draft)
    body = draft[: closing[0]] if closing else draft
    customer_tokens = name_tokens(customer)
    body_spans = _body_spans(draft)
    reader = roles.model()
    read = reader.played_in([draft[s:e] for s, e in body_spans]) if reader else []
    played = {span: _read(draft[span[0]:span[1]], roles_read) for span, roles_read in zip(body_spans, read)}
    in_body = set().union(*played.values()) & set(READ_ELEMENTS)

    if customer_tokens and not addressed(body, customer):
        flag("name")
    # "Many thanks, Anna" closes a reply; it does not thank the customer for raising it.
    if not (find(frames.THANKS, body, unless_followed_by=present.THANKS_NOT) or "thanks" in in_body):
        flag("thanks")
    if not (find(frames.EMPATHY, draft) or frames.FELT.search(draft) or "empathy" in in_body):
        flag("empathy")
    if not find(present.APOLOGY, draft, unless_followed_by=present.APOLOGY_NOT):
        flag("apology")
    rules = site_rules(site)
    leak = personal_data(draft, customer_tokens, review or "", strict=bool(rules.get("personal_data")))
    # The customer's own number, leaked, is no offer to talk; nor is a matter settled privately.
    reachable = _blank(draft, [leak] if leak else [])
    reachable = _blank(reachable, frames.OFFLINE_NOT.finditer(reachable))
    if not (find(frames.OFFLINE, reachable) or "offline" in in_body):
        flag("offline")
    # Signed by a person: the one who posts it (when that is a person's name, not the shop's
    # account), or any named teammate.
    if closing is None or not (
        (signer and signed_by(signer, draft[draft.rfind("\n", 0, closing[0]) + 1:]))
        or signed_by_a_person(closing[1], web_names(draft))
    ):
        flag("signature")

    allowed = frozenset(allowed_offers)
    signed_from = closing[0] if closing and closes_at(draft, closing[0]) else len(draft)
    for i, (start, end) in enumerate(spans):
        sentence = draft[start:end]
        if (m := PLACEHOLDER.search(sentence)):
            flag("placeholder", m, offset=start)
        if start >= signed_from:  # the closing words and the name under them: only their gaps
            continue
        next_end = spans[i + 1][1] if i + 1 < len(spans) else end  # where the next sentence ends
        nearby = draft[start:next_end]
        excuse = frames.EXCUSE.search(sentence) or stance.EXCUSE.search(sentence)
        around = draft[spans[i - 1][0] if i else start:next_end]
        read_here = played.get((start, end), set())
        if excuse and not (find(avoid.OWNED, nearby) or _explained(sentence, excuse, nearby, around, read_here)):
            flag("defensive", excuse, offset=start)
        if (m := frames.DEFENSIVE.search(sentence) or stance.DEFENSIVE.search(sentence)) and \
                not frames.REPORTED.search(sentence, 0, m.start()) and \
                not _explained(sentence, m, nearby, around, read_here):
            flag("defensive", m, offset=start)
        # "Not the place to go into this" is a no-comment unless an offer to talk follows.
        if (m := stance.NO_COMMENT.search(sentence)) and not find(frames.OFFLINE, nearby):
            flag("no_comment", m, offset=start)
        reciting = frames.SMALL_PRINT.search(sentence)
        if reciting and not (avoid.CHANGING.search(sentence) or find(avoid.OWNED, sentence)
                             or _NOT_RULES.search(sentence, max(0, reciting.start() - 20), reciting.end())):
            flag("small_print", reciting, offset=start)
        if (m := find(site_review.REVIEW_ASK, sentence)):
            flag("change_review", m, offset=start)
        if (offer := promises(sentence, allowed)):
            flag("promise", offer[1], offset=start)
        for rule in READ_ROLES:
            if rule in played.get((start, end), ()) and rule not in found:
                found[rule] = _about(rule, sentence)
    for rule, pattern in (
        ("contradicts", frames.CONTRADICTS), ("belittles", dismissive.BELITTLES), ("belittles", stance.BELITTLES),
        ("no_comment", frames.NO_COMMENT),
    ):
        for m in pattern.finditer(draft):
            if rule == "belittles" and (negated(draft, m.start(), m.end()) or _NOT_ENOUGH.match(draft, m.end())):
                continue
            if rule == "contradicts" and _conceded(draft, spans, sentence_at(m.start()), m):
                continue
            flag(rule, m)
            break
    if (m := site_review.QUID_PRO_QUO.search(draft)) and site_review.OFFER.search(draft):
        flag("change_review", m)
    words = word_count(whole)
    if words > MAX_WORDS:
        found["length"] = Finding("length", words=words)
    if (m := leak):
        start, end = sentence_at(m.start())
        flag("personal_data", m, better=_without(draft[start:end], m.start() - start, m.end() - start))
    if body_spans:
        opening, ending = (words_of(draft[s:e]) for s, e in (body_spans[0], body_spans[-1]))
        for earlier in recent:
            their_opening, their_ending = _ends(earlier)
            if similar(opening, their_opening) or similar(ending, their_ending):
                s, e = body_spans[0] if similar(opening, their_opening) else body_spans[-1]
                found["repeats"] = _about("repeats", draft[s:e])
                break
    if rules.get("links") and (m := LINK.search(draft)):
        start, end = sentence_at(m.start())
        flag("site_links", m, better=_without(draft[start:end], m.start() - start, m.end() - start))
    if rules.get("lists") and (m := LIST_ITEM.search(draft)):
        flag("site_list", m)
    if (limit := rules.get("max_chars")) and len(text) > int(limit):
        found["site_length"] = Finding("site_length", words=len(text), limit=int(limit))

    return CoachResult(language, tuple(found[r] for r in RULES if r in found))


def _blank(text: str, matches: Iterable[re.Match[str]]) -> str:
    """The text with the matched spans blanked, offsets kept."""
    for m in matches:
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


_UNSIGNED_TAIL = re.compile(r"(?:[^\W\d_][\w'’&.-]*\s+){0,5}[^\W\d_][\w'’&-]*")  # no stop at its end


@lru_cache(maxsize=256)
def _ends(reply: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of a posted reply's opening and closing sentences; the same recent replies
    come with every draft, so they are read once."""
    text = clean(reply)
    spans = _body_spans(text)
    if len(spans) > 1 and _UNSIGNED_TAIL.fullmatch(text[slice(*spans[-1])].strip()):
        spans = spans[:-1]  # a name on the last sentence's line: "… eraan werken. Het team van X"
    said = [words for span in spans if (words := words_of(text[slice(*span)]))]
    if not said:  # a greeting on the opening's line ("Hi Tom! Thank you…") says nothing itself
        return frozenset(), frozenset()
    return said[0], said[-1]


def _read(sentence: str, played: set[str]) -> set[str]:
    """The roles the model read in a body sentence, where the rules do not know better: a
    record that proves the customer right contradicts no one, and a feeling or an apology
    taken back ("sorry als je je niet welkom voelde", "we begrijpen niet waarom") is no empathy.
    A sentence about what changed argues nothing, nor does a feeling named that cites no record
    ("an item that doesn't match the photos is so disappointing"); thanks for patience or a
    request ("we'd appreciate it if") thank no one for the review."""
    read = played & {*READ_ROLES, *READ_ELEMENTS}
    if "contradicts" in read and (frames.CONCEDES.search(sentence) or frames.CHANGED.search(sentence)
                                  or ("empathy" in read and not frames.CONTRADICTS.search(sentence))):
        read.discard("contradicts")
    if "thanks" in read and frames.THANKS.search(sentence) and not find(
            frames.THANKS, sentence, unless_followed_by=present.THANKS_NOT):
        read.discard("thanks")
    if "empathy" in read and (
            (frames.EMPATHY.search(sentence) and not find(frames.EMPATHY, sentence))
            or (present.APOLOGY.search(sentence)
                and not find(present.APOLOGY, sentence, unless_followed_by=present.APOLOGY_NOT))):
        read.discard("empathy")
    return read


# A small amount said to be too small: "the window was only fifteen minutes, which wasn't enough"
_NOT_ENOUGH = re.compile(r"[^.!?]{0,30}?\b(?:(?:which|that|wat|en\s+dat)\b[^.!?]{0,25}?\b(?:not|niet|wasn't|isn't)\s+"
                         r"(?:nearly\s+|near\s+|lang\s+)?(?:enough|genoeg|voldoende)|too\s+short|te\s+kort)\b", re.IGNORECASE)
_APPEAL = re.compile(r"understand|appreciate|begrijp|snappen|beseffen|inzien|respect", re.IGNORECASE)
# Words of the rules that name no rule here: the weather's conditions, work "niet volgens de regels".
_NOT_RULES = re.compile(r"\b(?:seen|checked|weather|sea|road|ground|track|wind)\s+(?:the\s+)?conditions\b|"
                        r"\bniet\s+volgens\s+de\s+regels\b", re.IGNORECASE)
_FAIRLY = re.compile(r"fair|eerlijk", re.IGNORECASE)
# A lead-in ("voor de volledigheid", "eerlijk is eerlijk", "staat wel in") before records, terms or a
# complaint made small: that sentence's own finding says it.
_LEAD_IN = re.compile(r"fair|eerlijk|volledigheid|record|staat\s+wel|says|zegt\s+wel", re.IGNORECASE)


def _explained(sentence: str, match: re.Match[str], nearby: str, around: str, read: set[str]) -> bool:
    """Defensive words that do another job here: a sentence about what changes from now on
    ("van de populairste smaken maken we voortaan een extra bak"), the appeal that frames a
    refusal to discuss next to it (which is its own finding: "we trust you'll understand our
    position"), a fair word that owns the failure ("eerlijk is eerlijk: ik had de klus moeten
    verzetten"), a lead-in to records, terms or a complaint made small (their own findings, by the
    rules or as the sentence model `read` it)."""
    said = match.group()
    return bool(frames.CHANGED.search(sentence)
                or (_APPEAL.search(said) and frames.NO_COMMENT.search(around))
                or (_FAIRLY.search(said) and find(avoid.OWNED, nearby))
                or (_LEAD_IN.search(said) and (read & {"contradicts", "small_print", "belittles"} or any(
                    p.search(sentence) for p in (frames.CONTRADICTS, frames.SMALL_PRINT, dismissive.BELITTLES,
                                                 stance.BELITTLES)))))


def _body_spans(text: str) -> list[tuple[int, int]]:
    """The sentences between the salutation and the sign-off: where openings and closings are."""
    closing = sign_off(text)
    end = closing[0] if closing else len(text)
    return [(s, e) for s, e in sentences(text) if text[s:min(e, end)].strip() and not salutation_only(text[s:e])]
