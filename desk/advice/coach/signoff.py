"""Who signs the reply: a person, not "the team" or "the management"."""

from __future__ import annotations

import re

from desk.advice.coach.text import fold, rx, word_count

_CLOSING = rx(
    r"(?:with\s+)?(?:kind|warm|warmest|best|many|sincere)\s+(?:regards|wishes)", r"regards", r"best",
    r"cheers", r"sincerely", r"(?:with\s+)?(?:respect|respectfully)", r"(?:lots\s+of\s+|with\s+|all\s+my\s+)?love",
    r"yours(?:\s+(?:sincerely|truly))?", r"all\s+the\s+best", r"take\s+care", r"thanks(?:\s+again)?",
    r"thank\s+you(?:\s+again)?", r"many\s+thanks", r"groet(?:en|jes)?\s+(?:uit|van|vanuit)\s+[^,\n]{1,30}",
    r"speak\s+soon",
    r"(?:met\s+)?(?:vriendelijke|hartelijke|warme|lieve|zonnige|sportieve|beste)\s+groet(?:en)?",
    r"groet(?:en|jes)?", r"m\.?v\.?g\.?", r"tot\s+(?:ziens|snel|gauw)", r"liefs",
    r"nogmaals\s+(?:dank|bedankt)", r"bedankt",
)
_CLOSING_AT = re.compile(
    rf"(?:^|(?<=[\n.!?]))[ \t]*(?:{_CLOSING.pattern})(?=[ \t]*(?:[,!.\-–—]|\n|$))", re.IGNORECASE
)
_SEGMENT_SPLIT = re.compile(
    r"[,\n|/–—()]|\s-\s|\b(?:from|of|van|namens|on\s+behalf\s+of|at|bij)\b|@", re.IGNORECASE
)
_NOT_A_PERSON = frozenset(
    """
    team the het de een a management directie staff crew klantenservice customer service support afdeling
    everyone everybody iedereen all allen alle wij we us ons onze our your uw owner owners eigenaar eigenaren
    eigenaresse manager bedrijfsleider filiaalmanager chef shop store winkel restaurant salon kapsalon garage
    autobedrijf bakkerij webshop hotel café cafe bistro brasserie pizzeria verzekeringen insurance bv b.v. vof
    ltd inc co kapper kantoor office company bedrijf medewerkers collega's receptie reception administratie
    namens services service home house care storage laundrette launderette clinic centre center studio school
    academy practice pharmacy dental surgery motors removals plumbing electrical builders roofing solar
    cleaning catering kitchens gardens nursery daycare hire rentals travel tours agency group bakery butchers
    slagerij apotheek praktijk kliniek kinderopvang opvang verhuur installatie bouw schilders tandartsen
    dierenkliniek wasserette reizen wash carwash landscapes landscaping roasters coffee couriers cleaners
    repairs garages tyres windows glazing decorators painters joinery interiors events weddings photography
    dienst beheer detailing valeting bros brothers gebroeders gebr society committee vereniging bestuur club
    association books bookshop bookstore booksellers parkour paving farm farms florist florists flowers gym
    fitness yoga pilates boutique gallery pottery brewery distillery vineyard winery pub inn lodge cinema
    theatre bowling lanes climbing golf marina pets vets veterinary opticians optics tattoo barbers spa beauty
    nails kennels cattery stables cycles bikes autos electrics heating taxis cabs coaches printers signs
    cottage cottages apartments camping caravans holidays lettings tackle vintage repair scaffolding grooming
    brewing sound audio clocks tyre tailoring alterations crematorium funeral funerals undertakers
    memorial chapel hospice surgery vapes vape locksmith locksmiths floors flooring carpets pools plumbers
    electricians joiners blinds
    """.split()
)
# Dutch compounds that name a business: "Bruidsmodezaak", "Wijnkoperij", "Fietsenwinkel"
_BUSINESS_WORD = re.compile(
    r"\w{3,}(?:winkel|zaak|praktijk|bedrijf|service|centrum|huis|huisjes|park|parken|opvang|verhuur|school|handel|erij|kliniek|dienst|beheer|"
    r"studio|atelier|shop|store)$|\w{4,}hal$",
    re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"(?:@|\bwww\.|https?://)([\w-]+(?:\.[\w-]+)+)", re.IGNORECASE)
_CAPITALISED = re.compile(r"[A-ZÀ-Ý][\w'’.-]*")
PARTICLES = frozenset(
    "de van der den het ten ter te la le du da von mr mrs ms dhr mevr meneer mevrouw 't".split()
)


def sign_off(text: str) -> tuple[int, str] | None:
    """Where the sign-off starts and what it says, or None when the reply just stops."""
    stripped = text.rstrip()
    for m in reversed(list(_CLOSING_AT.finditer(stripped))):
        rest = stripped[m.end():]
        if len(stripped) - m.start() > 250:
            break
        if word_count(rest) <= 12 and len([l for l in rest.splitlines() if l.strip()]) <= 3:
            return m.start(), rest
    lines = stripped.splitlines()
    dash = re.search(r"(?:^|\s)[-–—~]\s*([^\n\-–—]{1,60})$", stripped)
    if dash:
        return dash.start(), dash.group(1)
    short = 0
    while short < min(3, len(lines) - 1) and (0 < word_count(lines[-1 - short]) <= 5 or _title_line(lines, short)):
        short += 1
    if short:
        start = len(stripped) - len("\n".join(lines[-short:]))
        return start, stripped[start:]
    tail = re.search(r"[.!?]\s+([^.!?\n]+)$", stripped)
    if tail and word_count(tail.group(1)) <= 4:
        return tail.start(1), tail.group(1)
    return None


def closes_at(text: str, at: int) -> bool:
    """Whether a closing phrase starts there ("With respect," is a sign-off, not an argument)."""
    return bool(_CLOSING_AT.match(text, at))


def _title_line(lines: list[str], short: int) -> bool:
    """The last line, longer, under a name on its own: "Riley" then "Head of Setting & Safety,
    Granite Climbing Co."."""
    return (short == 0 and len(lines) > 2 and word_count(lines[-1]) <= 9
            and not lines[-1].rstrip().endswith(("!", "?"))
            and 0 < word_count(lines[-2]) <= 3 and not lines[-2].rstrip().endswith((".", "!", "?")))


def web_names(text: str) -> frozenset[str]:
    """The business's own names as its e-mail and web addresses in the reply spell them
    ("orders@stitchworksuk.co.uk": "stitchworksuk"), folded."""
    return frozenset(fold(label) for m in _WEB_ADDRESS.finditer(text)
                     for label in m.group(1).split(".") if len(label) >= 5)


_TEAM_LED = re.compile(r"\s*(?:the\s+)?(?:team|crew|staff|management|namens|het\s+team|directie)\b", re.IGNORECASE)


def _first_name_segment(who: str) -> list[str]:
    """The words where the sign-off names who signs: its first part that is not the closing
    (a line of its own that ends in a comma is one, in whatever words: "Go raibh maith agat,")."""
    lines = [line for line in who.splitlines() if line.strip()]
    if len(lines) > 1 and lines[0].rstrip().endswith(","):
        who = "\n".join(lines[1:])
    for segment in _SEGMENT_SPLIT.split(who):
        words = segment.strip(" .,!:;").split()
        if words and not _CLOSING.fullmatch(" ".join(words)):
            return words
    return []


def signed_by(signer: str, who: str) -> bool:
    """The one who posts it is named in the sign-off ("Bas", "Met zoete groeten, Bas"), not
    inside a team's name ("Team IJsje van Bas": the shop named after them)."""
    tokens = name_tokens(signer)
    return signed_by_a_person(signer) and any(
        mentions(line, tokens) and not _TEAM_LED.match(line) for line in who.splitlines())


def signed_by_a_person(who: str, web: frozenset[str] = frozenset()) -> bool:
    """The first name under the closing is a person's ("Anna de Boer", then perhaps the shop):
    capitalised words, not a team, shop or role ("Management, SwiftMove" is not signed), nor
    the name in the business's own addresses (`web_names`: "Stitchworks", "Antiekhuis De
    Schelde" under info@antiekhuisdeschelde.be)."""
    words = _first_name_segment(who)
    if words:
        segment = " ".join(words)
        if any(len(run) >= 5 and any(run in name for name in web) for run in _runs(words)):
            return False
        return (len(words) <= 4 and not any(c.isdigit() for c in segment)
                and not any(fold(w).strip(".,") in _NOT_A_PERSON or _BUSINESS_WORD.fullmatch(w.strip(".,"))
                            for w in words if w not in PARTICLES)
                and all(_CAPITALISED.fullmatch(w) or w in PARTICLES for w in words))
    return False


def _runs(words: list[str]) -> list[str]:
    """The letters of the whole segment and of each run of two or more of its words, as an
    address spells them ("Second Story Vintage x": "secondstoryvintage")."""
    letters = [re.sub(r"[^a-z]", "", fold(w)) for w in words]
    whole = "".join(letters)
    return [whole] + ["".join(letters[i:j]) for i in range(len(letters))
                      for j in range(i + 2, len(letters) + 1) if j - i < len(letters)]


def name_tokens(name: str | None) -> list[str]:
    """The words of a name, a handle's too: "NielsFilmfan" is Niels and Filmfan ("DeShawn
    Ellis" stays whole)."""
    name = name or ""
    spaced = name if " " in name.strip() else re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)
    return [t for t in re.findall(r"[^\W\d_]+", fold(spaced)) if len(t) > 1 and t not in PARTICLES]


def addressed(text: str, name: str | None) -> bool:
    """The reply speaks to them by name. A site handle ("inkyfingers", "kezzaink") is theirs as
    written, lower case too, or shortened at its start in the greeting ("Hey Kez,")."""
    tokens = name_tokens(name)
    if mentions(text, tokens):
        return True
    handle = (name or "").strip()
    if not handle or " " in handle or not re.search(r"[\d_]|^[a-z]|[a-z][A-Z]", handle):
        return False
    folded = fold(text)
    if fold(handle) in folded or any(re.search(rf"\b{re.escape(t)}\b", folded) for t in tokens):
        return True
    greeting = text.lstrip().split("\n", 1)[0]
    return any(len(word) >= 3 and fold(handle).startswith(fold(word))
               for word in re.findall(r"\b[A-Z][a-z]+\b", greeting))


def mentions(text: str, tokens: list[str]) -> bool:
    """A name written as a name: "Dear Ms Price" names the customer, "the price" does not
    (unless the whole draft is written in lower case)."""
    folded = fold(text)
    aligned = len(folded) == len(text) and text != text.lower()
    return any(not aligned or text[m.start()].isupper()
               for t in tokens for m in re.finditer(rf"\b{re.escape(t)}\b", folded))

