"""Reading a review for what a reply should speak to: the occasion, what was bought or used,
what went wrong, when, how serious it is, and how the customer addresses the business.

Word families are read in Dutch (with Flemish variants) and English at once, like the coach:
reviews mix languages, and a two-word review gives the language no chance to decide first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desk.advice.coach import rx
from desk.advice.themes import tag_themes

SEVERITIES = ("inconvenience", "money", "health")

OCCASIONS: dict[str, re.Pattern[str]] = {
    "anniversary": rx(r"\btrouwdag\b", r"\bjubileum\b", r"\banniversary\b", r"\bgetrouwd\b"),
    "wedding": rx(r"\bbruiloft\b", r"\bhuwelijk\b", r"\btrouwfeest\b", r"\bwedding\b"),
    "birthday": rx(r"verjaardag", r"\bjarig\b", r"\bbirthday\b", r"\bb-?day\b", r"\bverjaardagsfeest\b"),
    "business": rx(r"\bzaken(?:lunch|diner|etentje)\b", r"\bzakelijke?\s+(?:lunch|diner|afspraak)\b",
                   r"\bmet\s+(?:een\s+)?(?:klant|klanten|relatie|relaties)\b",
                   r"\bbusiness\s+(?:lunch|dinner|meeting)\b", r"\bwith\s+(?:a\s+)?clients?\b",
                   r"\bwork\s+(?:lunch|dinner|do)\b"),
    "gift": rx(r"\bcadeau\w*", r"\bkado\w*", r"\bgeschenk\b", r"\bgift\b", r"\bpresent\s+for\b"),
    "christmas": rx(r"\bkerst\w*", r"\bchristmas\b", r"\bxmas\b"),
    "date": rx(r"\beerste\s+date\b", r"\bromantisch\w*", r"\bdate\s+night\b", r"\bfirst\s+date\b",
               r"\bromantic\b", r"\bproposal\b", r"\baanzoek\b"),
    "holiday": rx(r"\bvakantie\w*", r"\bhoneymoon\b", r"\bholiday\b", r"\bvacation\b"),
}

# What was bought or used. The first of several that fits the failure's clause is taken.
ITEMS: dict[str, re.Pattern[str]] = {
    "starter": rx(r"\bvoorgerecht\w*", r"\bstarters?\b", r"\bappeti[sz]ers?\b"),
    "main": rx(r"\bhoofdgerecht\w*", r"\bmain(?:\s+course)?s?\b"),
    "dessert": rx(r"\bdesserts?\b", r"\bnagerecht\w*", r"\btoetje\w*", r"\bpudding\b"),
    "pizza": rx(r"\bpizza'?s?\b"),
    "fries": rx(r"\bfriet\w*", r"\bfrieten\b", r"\bpatat\b", r"\bfries\b", r"\bchips\b"),
    "soup": rx(r"\bsoep\b", r"\bsoup\b"),
    "coffee": rx(r"\bkoffie\b", r"\bcoffee\b", r"\bcappuccino\b"),
    "wine": rx(r"\bwijn\b", r"\bwine\b"),
    "drinks": rx(r"\bdrank(?:je|jes|en)?\b", r"\bbier(?:tje)?\b", r"\bdrinks?\b", r"\bbeer\b"),
    "cake": rx(r"\b\w*taart\b", r"\b\w*cake\b", r"\bgebak\b"),
    "bread": rx(r"\bbrood\w*", r"\bbread\b", r"\bcroissants?\b"),
    "food": rx(r"\beten\b", r"\bmaaltijd\b", r"\bgerecht(?:en)?\b", r"\bdiner\b", r"\bfood\b",
               r"\bmeal\b", r"\bdish(?:es)?\b", r"\bdinner\b", r"\blunch\b", r"\bsalad\b", r"\bsalade\b"),
    "parcel": rx(r"\bpakket\w*", r"\bpakje\b", r"\bparcel\b", r"\bpackage\b"),
    "order": rx(r"\bbestelling\w*", r"\bbesteld\b", r"\border(?:ed)?\b"),
    "repair": rx(r"\breparatie\b", r"\bgerepareerd\b", r"\brepair(?:ed|s)?\b", r"\bonderhoud\w*",
                 r"\bservice\s*beurt\b", r"\bservicing\b", r"\bfixed\b"),
    "bike": rx(r"\b(?:e-?)?fiets\b", r"\b(?:e-?)?bike\b", r"\bbicycle\b"),
    "car": rx(r"\bauto\b", r"\bwagen\b", r"\bcar\b"),
    "room": rx(r"\b(?:hotel)?kamer\b", r"\b(?:hotel\s+)?room\b", r"\bbadkamer\b", r"\bbathroom\b"),
    "haircut": rx(r"\bknipbeurt\b", r"\bkapsel\b", r"\bhaar\b", r"\bhaircut\b", r"\bhair\b",
                  r"\bkleur(?:ing)?\b", r"\bcolou?r\b"),
    "appointment": rx(r"\bafspraak\b", r"\bappointment\b", r"\bbooking\b", r"\breservering\b",
                      r"\breservation\b"),
    "claim": rx(r"\bschade(?:claim|melding)?\b", r"\bclaim\b", r"\buitkering\b"),
    "bill": rx(r"\brekening\b", r"\bfactuur\b", r"\bbill\b", r"\binvoice\b", r"\bcheck\b"),
    "table": rx(r"\btafel\b", r"\btable\b"),
    "shoes": rx(r"\bschoenen\b", r"\bshoes\b", r"\bsneakers\b", r"\bboots\b"),
    "service_desk": rx(r"\bklantenservice\b", r"\bhelpdesk\b", r"\bcustomer\s+service\b"),
}

_P = rx  # short alias for the failure table
# What went wrong, most serious first: the first found leads the reply.
FAILURES: dict[str, tuple[str, re.Pattern[str]]] = {
    "sick": ("health", _P(r"\bziek\w*", r"\bvoedselvergiftiging\b", r"\bmisselijk\b", r"\bovergegeven\b",
                          r"\bovergeven\b", r"\bbuikpijn\b", r"\bdiarree\b", r"\bsick\b", r"\bill\b",
                          r"\bfood\s+poisoning\b", r"\bvomit\w*", r"\bthrew\s+up\b", r"\bnause\w*")),
    "unsafe": ("health", _P(r"\bgewond\b", r"\bgevaarlijk\w*", r"\ballergi\w*", r"\bglas\s*(?:scherven)?\s+in\b",
                            r"\bglasscherf\w*", r"\bverbrand\b", r"\bgesneden\b", r"\bonveilig\b",
                            r"\binjur\w*", r"\bdangerous\b", r"\bunsafe\b", r"\ballerg\w*",
                            r"\bglass\s+in\b", r"\bburnt\s+my\b", r"\bcut\s+my\b", r"\bhurt\s+(?:me|my)\b",
                            r"\bdeed\s+pijn\b", r"\bpijn\s+gedaan\b")),
    "charged_twice": ("money", _P(r"\bdubbel\s+(?:afgeschreven|betaald|gerekend|in\s+rekening)",
                                  r"\b(?:twee\s*keer|tweemaal)\s+(?:afgeschreven|betaald|gerekend)",
                                  r"\bcharged\s+(?:me\s+)?twice\b", r"\bdouble[- ]charged\b",
                                  r"\bpaid\s+twice\b", r"\bfactuur\s+dubbel\b", r"\binvoice\s+doubled\b")),
    "overcharged": ("money", _P(r"\bte\s+veel\s+(?:betaald|gerekend|aangerekend)\b",
                                r"\b(?:rekening|factuur)\s+(?:klopte|klopt)\s+niet\b",
                                r"\brekende\s+te\s+veel\b", r"\bovercharg\w*",
                                r"\b(?:bill|invoice)\s+was\s+wrong\b", r"\bwrong\s+(?:bill|invoice)\b")),
    "no_refund": ("money", _P(r"\b(?:nog\s+(?:steeds\s+)?)?(?:geen|wacht\w*\s+(?:\w+\s+)?op\s+(?:mijn|het|ons|de))\s+(?:geld|terugbetaling)\b",
                              r"\bterugbetaling\s+(?:\w+\s+)?(?:niet|nooit)\b", r"\bstill\s+(?:no|waiting\s+for\s+(?:my|a|the))\s+(?:refund|money)\b",
                              r"\brefund\s+(?:\w+\s+)?(?:never|not)\b", r"\bbetaalt?\s+niet\s+uit\b",
                              r"\bwon't\s+pay\s+out\b", r"\bweiger\w*\s+(?:uit\s+te\s+betalen|te\s+betalen)\b")),
    "refund_wanted": ("money", _P(r"\bgeld\s+terug\b", r"\bterugbetal\w*", r"\brefund\w*", r"\bmoney\s+back\b")),
    "lost": ("money", _P(r"\bkwijt\b", r"\bzoek\s*geraakt\b", r"\b(?:nooit|niet)\s+(?:aangekomen|ontvangen|geleverd|bezorgd)\b",
                         r"\bkwam\s+(?:\w+\s+)?(?:nooit|niet)\s+aan\b", r"\blost\b",
                         r"\bnever\s+(?:arrived|came|received|delivered)\b",
                         r"\b(?:didn't|did\s+not|hasn't|has\s+not)\s+(?:\w+\s+)?(?:arrive|arrived|come)\b")),
    "damaged": ("inconvenience", _P(r"\b(?:beschadigd|kapot|stuk|geplet|gedeukt|ingedeukt)\s+(?:aangekomen|aangeleverd|geleverd|bezorgd)\b",
                                    r"\b(?:kwam|kwamen)\s+(?:\w+\s+)?(?:beschadigd|kapot|geplet)\s+aan\b",
                                    r"\b(?:arrived|came|was\s+delivered)\s+(?:\w+\s+)?(?:damaged|broken|squashed|crushed|dented|smashed)\b",
                                    r"\bsquashed\b", r"\bcrushed\b", r"\bdented\b", r"\bgeplet\b", r"\bbeschadigd\b",
                                    r"\b(?:was|were|got|is|are)\s+damaged\b")),
    "broken": ("inconvenience", _P(r"\bkapot\w*", r"\bstuk\b", r"\bsmashed\b", r"\buit\s+elkaar\b", r"\bfell\s+apart\b",
                                   r"\bdoet\s+het\s+(?:nog\s+steeds\s+)?niet\b", r"\bpiept\s+nog\s+steeds\b",
                                   r"\bstill\s+(?:\w+\s+)?(?:squeak\w*|broken|doesn't\s+work|not\s+working|leak\w*)", r"\bbeschadigd\b", r"\bgebroken\b",
                                   r"\bdefect\b", r"\bbroken\b", r"\bbroke\b", r"\bdamaged\b", r"\bcracked\b",
                                   r"\bfaulty\b", r"\bdefective\b")),
    "no_show": ("inconvenience", _P(r"\bniet\s+(?:komen\s+)?opdagen\b", r"\bkwam\s+niet\b",
                                    r"\bafspraak\s+(?:vergeten|afgezegd)\b", r"\bvergeten\b",
                                    r"\bnever\s+showed\b", r"\bno[- ]show\b", r"\bdidn't\s+(?:show|turn)\s+up\b",
                                    r"\bforgot(?:ten)?\b", r"\bcancell?ed\s+(?:on\s+me|last)\b")),
    "unreachable": ("inconvenience", _P(r"\bonbereikbaar\b", r"\bgeen\s+(?:reactie|antwoord)\b",
                                        r"\bniet\s+(?:terug\s*)?gebeld\b", r"\breageert?\s+niet\b",
                                        r"\bniemand\s+(?:neemt|nam)\s+op\b", r"\bunreachable\b",
                                        r"\bno\s+(?:reply|response|answer)\b", r"\bnever\s+(?:called|rang|wrote)\s+back\b",
                                        r"\bignored\b", r"\bnobody\s+(?:answers|answered|picks\s+up)\b",
                                        r"\b(?:nobody|no\s+one)\s+(?:called|rang|wrote|got)\s+(?:me\s+)?back\b",
                                        r"\bniemand\s+(?:belde|belt|mailde|mailt)\s+(?:\w+\s+)?terug\b")),
    "rude": ("inconvenience", _P(r"\bonbeschoft\w*", r"\bonvriendelijk\w*", r"\bbrutaal\b", r"\bkortaf\b",
                                 r"\bgrof\b", r"\barrogant\w*", r"\bunbeleefd\b", r"\bambetant\w*", r"\brude\w*",
                                 r"\bunfriendly\b", r"\bimpolite\b", r"\bdismissive\b", r"\bsnapped\b",
                                 r"\bdisrespectful\b")),
    "late": ("inconvenience", _P(r"\bwacht\w*", r"\bgewacht\b", r"\bte\s+laat\b", r"\blang\s+op\b",
                                 r"\bwait\w*", r"\blate\b", r"\btook\s+(?:ages|forever|an\s+hour|hours)\b",
                                 r"\bages\b", r"\btraag\b", r"\bslow\b", r"\bduurde\b",
                                 r"\b(?:came|arrived|turned\s+up)\s+(?:only\s+)?(?:on|in|after)\s+\w+",
                                 r"\bpas\s+(?:op|in|na)\s+\w+", r"\bpas\s+\w+dag\b")),
    "lukewarm": ("inconvenience", _P(r"\blauw\w*", r"\blukewarm\b", r"\btepid\b")),
    "cold": ("inconvenience", _P(r"\bkoud\w*", r"\bcold\b")),
    "wrong": ("inconvenience", _P(r"\bverkeerd\w*", r"\bklopte\s+niet\b", r"\bwrong\b", r"\bincorrect\b",
                                  r"\bmixed\s+up\b", r"\bnot\s+what\s+I\s+ordered\b")),
    "dirty": ("inconvenience", _P(r"\bvies\b", r"\bsmerig\w*", r"\bvuil\w*", r"\bstonk\b", r"\bstinkt\b",
                                  r"\bdirty\b", r"\bfilthy\b", r"\bsmelly\b", r"\bstank\b", r"\bstained\b")),
    "expensive": ("inconvenience", _P(r"\b(?:te|veel\s+te|erg|belachelijk)\s+duur\b", r"\boverroepen\b",
                                      r"\bprijzig\b", r"\boverpriced\b", r"\btoo\s+expensive\b", r"\bpricey\b",
                                      r"\brip[- ]?off\b", r"\bduur\b")),
    "bad": ("inconvenience", _P(r"\bslecht\w*", r"\bwaardeloos\w*", r"\bverpest\w*", r"\bverknipt\b",
                                r"\bsmaakloos\w*", r"\boud(?:bakken)?\b", r"\bniet\s+te\s+vreten\b",
                                r"\bterrible\b", r"\bawful\b", r"\buseless\b", r"\bruined\b", r"\btasteless\b",
                                r"\bstale\b", r"\binedible\b", r"\bhorrible\b", r"\bdisappoint\w*",
                                r"\bteleurgesteld\b", r"\bgroen\b", r"\bgreen\b", r"\bbotched\b")),
}
# Failures that are about a thing, so they read best with what was bought or used.
_ABOUT_A_THING = {"damaged", "broken", "lost", "late", "lukewarm", "cold", "wrong", "dirty", "bad", "sick", "unsafe"}
_FITS = {  # which items a failure can be about, when the review names several
    "late": None, "lost": {"parcel", "order", "shoes", "cake", "bike", "car"},
    "broken": {"parcel", "order", "bike", "car", "shoes", "cake", "room", "table"},
    "damaged": {"parcel", "order", "bike", "shoes", "cake", "bread", "pizza"},
    "unsafe": {"food", "starter", "main", "dessert", "pizza", "fries", "soup", "cake", "bread", "wine",
               "drinks", "coffee"},
    "sick": {"food", "starter", "main", "dessert", "pizza", "fries", "soup", "cake", "bread", "wine",
             "drinks", "coffee"},
}

_GENERIC = {"order", "food"}

WHEN: dict[str, re.Pattern[str]] = {
    "yesterday": rx(r"\bgisteren\w*", r"\byesterday\b", r"\blast\s+night\b"),
    "today": rx(r"\bvandaag\b", r"\bvanavond\b", r"\bvanmiddag\b", r"\btoday\b", r"\btonight\b"),
    "weekend": rx(r"\b(?:afgelopen|dit|vorig)\s+weekend\b", r"\b(?:last|this)\s+weekend\b"),
    "last_week": rx(r"\bvorige\s+week\b", r"\blast\s+week\b"),
    **{day: rx(rf"\b{nl}(?:avond|middag|ochtend)?\b", rf"\b(?:on\s+)?{day}(?:\s+(?:night|evening|morning))?\b")
       for day, nl in (("monday", "maandag"), ("tuesday", "dinsdag"), ("wednesday", "woensdag"),
                       ("thursday", "donderdag"), ("friday", "vrijdag"), ("saturday", "zaterdag"),
                       ("sunday", "zondag"))},
}

_INFORMAL = re.compile(r"\b(?:je|jij|jou|jouw|jullie|julie)\b", re.IGNORECASE)
_FORMAL = re.compile(r"\b(?:u|uw)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[.!?;,\n]|\b(?:en|maar|and|but)\b", re.IGNORECASE)
_OWN = re.compile(r"\b(?:mijn|m'n|onze|ons|my|our|voor\s+mijn)\s+(?:\w+\s+)?$", re.IGNORECASE)
_OTHERS = re.compile(r"^\s*(?:van|of)\s+(?:mijn|onze|m'n|my|our|een|a)\b|^'s\b", re.IGNORECASE)
_TITLES = {"dhr": "mr", "meneer": "mr", "mr": "mr", "mevr": "mrs", "mevrouw": "mrs", "mw": "mrs",
           "mrs": "mrs", "ms": "ms", "dr": None}


@dataclass(frozen=True)
class Complaint:
    failure: str
    item: str | None = None


@dataclass(frozen=True)
class Reading:
    """What one review says, in keys the phrase banks know."""

    complaints: tuple[Complaint, ...] = ()  # the most serious first, at most two
    occasion: str | None = None
    own_occasion: bool = True  # "my birthday", not "my sister's wedding"
    when: str | None = None
    severity: str = "inconvenience"
    informal: bool | None = None  # the customer wrote "je/jullie" (True) or "u" (False)
    themes: tuple[str, ...] = ()
    first_name: str | None = None
    title: tuple[str, str] | None = None  # ("mr", "Bakker") when the customer signed "Dhr. Bakker"


def first_name(customer: str | None) -> str | None:
    """The name to greet with: the first name of "Marieke de Vries", none for "M. de Vries",
    "Dhr. Jansen" or a user name like "foodie_83"."""
    words = (customer or "").split()
    if not words or words[0].lower().rstrip(".") in _TITLES:
        return None
    word = words[0].strip(",;:")
    if len(word.rstrip(".")) < 2 or word.endswith(".") or not all(c.isalpha() or c in "-'" for c in word):
        return None
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def title(customer: str | None) -> tuple[str, str] | None:
    """("mr", "Bakker") for "Dhr. Bakker", so the greeting can be "Beste heer Bakker"."""
    words = (customer or "").split()
    if len(words) < 2 or not _TITLES.get(words[0].lower().rstrip(".")):
        return None
    surname = " ".join(words[1:])
    if not all(c.isalpha() or c in " -'" for c in surname):
        return None
    return _TITLES[words[0].lower().rstrip(".")], surname[:1].upper() + surname[1:]


def _item_near(text: str, start: int, end: int, failure: str) -> str | None:
    """The item named in the same clause as the failure, else the nearest in the sentence;
    "the cake" rather than "the order" when both are named."""
    fits = _FITS.get(failure)
    found = []
    for key, pattern in ITEMS.items():
        if fits is not None and key not in fits:
            continue
        for m in pattern.finditer(text):
            between = text[min(m.end(), end):max(m.start(), start)]
            if re.search(r"[.!?\n]", between):
                continue
            same_clause = not _CLAUSE.search(between)
            found.append((not same_clause, key in _GENERIC, abs(m.start() - start), key))
    return min(found)[-1] if found else None


def read_review(text: str, *, customer: str | None = None) -> Reading:
    text = text or ""
    found = []  # the most serious first, then in the order the customer tells it
    for failure, (level, pattern) in FAILURES.items():
        if (m := pattern.search(text)):
            found.append((-SEVERITIES.index(level), failure == "bad", m.start(), -len(m.group()),
                          failure, m))
    found.sort(key=lambda f: f[:4])
    severity = SEVERITIES[-found[0][0]] if found else "inconvenience"
    kept: list[tuple[str, re.Match[str]]] = []
    for *_, failure, m in found:  # "kapot geleverd" is one complaint, not damaged and broken
        if not any(m.start() < k.end() and k.start() < m.end() for _, k in kept):
            kept.append((failure, m))
    complaints = [Complaint(failure, _item_near(text, m.start(), m.end(), failure)
                            if failure in _ABOUT_A_THING else None)
                  for failure, m in kept[:2]]
    complaints = [c for c in complaints if not (c.failure == "bad" and len(complaints) > 1)]
    informal = bool(_INFORMAL.search(text)) if (_INFORMAL.search(text) or _FORMAL.search(text)) else None
    occasion = next(((k, m) for k, p in OCCASIONS.items() if (m := p.search(text))), None)
    return Reading(
        complaints=tuple(complaints),
        occasion=occasion[0] if occasion else None,
        own_occasion=bool(occasion and _OWN.search(text[:occasion[1].start()])
                          and not _OTHERS.search(text[occasion[1].end():][:30])),
        when=next((k for k, p in WHEN.items() if p.search(text)), None),
        severity=severity, informal=informal, themes=tuple(tag_themes(text)),
        first_name=first_name(customer), title=title(customer),
    )
