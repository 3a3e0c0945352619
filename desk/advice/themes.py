"""Theme tags for reviews, so a team lead can see which complaints keep coming back.

Word stems rather than whole words, because Dutch glues words together
("pakketbezorger", "wachttijden"); stems that hide inside unrelated words
("verwacht", "advies") are anchored at the start of a word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping, Sequence

from desk.advice.coach import rx

THEMES = (
    "delivery", "waiting_time", "quality", "staff_attitude", "cleanliness", "price", "billing",
    "communication",
)


_PATTERNS: dict[str, re.Pattern[str]] = {
    "delivery": rx(
        r"\bdeliver\w*", r"\bshipp\w*", r"\bshipment\b", r"\bcourier\w*", r"\bparcels?\b", r"\bpackages?\b",
        r"\b(?:postnl|dhl|dpd|ups|gls|bpost)\b", r"\btrack(?:ing|\s*(?:&|and|en)\s*trace)\b",
        r"\bdispatch\w*",
        r"\b(?:never|didn't|did\s+not|still\s+hasn't|has\s+not|hasn't)\s+(?:\w+\s+)?arrived?\b",
        r"bezorg(?:ing|ingen|er|ers|tijd|kosten|dienst|adres)", r"\bthuisbezorgd\b",
        r"\b(?:niet|nooit|pas|te\s+laat|verkeerd|wordt|werd|is)\s+bezorgd\b",
        r"\b(?:ge|af|aan|op)?lever(?:ing|ingen|tijd|tijden|datum|dag|de|den|t|en|d)\b", r"\bgeleverd\b",
        r"\bafgeleverd\b",
        r"pakket", r"\bpakjes?\b", r"\bverzend\w*", r"\bverzonden\b", r"\bverzending\w*",
        r"\bkoerier\w*",
        r"\b(?:niet|nooit)\s+aangekomen\b", r"\bkwam\s+(?:\w+\s+)?(?:niet|nooit)\s+aan\b",
    ),
    "waiting_time": rx(
        r"\bwait(?:s|ed|ing)?\b", r"\bqueu\w*",
        r"\btook\s+(?:ages|forever|an\s+hour|hours|\d+\s+(?:minutes|hours|days|weeks))\b",
        r"\b(?:on|put\s+on)\s+hold\b", r"\b(?:so|very|really|painfully|extremely)\s+slow\b",
        r"\bslow\s+(?:service|response|kitchen)\b",
        r"\b\d+\s+(?:minutes|hours)\s+(?:late|later|before)\b", r"\bresponse\s+time\b",
        r"\b(?:ge)?wacht(?:en|te|ten|tijd|tijden|rij|rijen|kamer|lijst|t)?\b",
        r"\B(?:wachttijd|wachtrij|wachtlijst)",
        r"\bduurde\s+(?:\w+\s+)?(?:lang|uren|eeuwen|een\s+eeuwigheid|\d+)", r"\btraag\w*",
        r"\b\d+\s+(?:minuten|kwartier|uur)\s+(?:te\s+laat|gewacht|later)\b", r"\bin\s+de\s+wacht\b",
    ),
    "quality": rx(
        r"\bquality\b",
        r"\b(?:cold|lukewarm|undercooked|overcooked|raw|burnt|burned|bland|"
        r"tasteless|stale|soggy|greasy|dry|salty|rubbery|inedible|mouldy|moldy)\b",
        r"\b(?:taste[ds]?|tasting|flavou?r\w*)\b",
        r"\b(?:broken|defective|faulty|damaged|scratched|ripped|torn|cracked)\b",
        r"\bfell\s+apart\b", r"\bstopped\s+working\b", r"\bpoorly\s+made\b",
        r"\b(?:not|never)\s+(?:properly\s+)?(?:fixed|repaired)\b",
        r"\b(?:same|old)\s+(?:problem|fault|noise)\b", r"\b(?:uneven|botched|wrong\s+colou?r)\b",
        r"kwaliteit",
        r"\b(?:koud|koude|lauw|lauwe|rauw|rauwe|aangebrand|aangebrande|"
        r"verbrand|smaakloos|smaakloze|oudbakken|taai|taaie|droog|droge|"
        r"zout|zoute|vette|klef|beschimmeld|onsmakelijk)\b",
        r"\bsmaa?k\w*", r"\b(?:kapot|defect|gebroken|beschadigd|gescheurd|gebarsten|krassen)\b",
        r"\bniet\s+(?:goed\s+)?gerepareerd\b", r"\bhetzelfde\s+(?:probleem|mankement|geluid)\b",
        r"\b(?:scheef|ongelijk|verknipt)\b",
    ),
    "staff_attitude": rx(
        r"\b(?:rude|unfriendly|impolite|arrogant|condescending|dismissive|"
        r"snarky|patronising|patronizing|disrespectful|unhelpful|uninterested)\b",
        r"\battitude\b", r"\b(?:yelled|shouted|snapped|laughed)\s+at\b",
        r"\brolled\s+(?:his|her|their)\s+eyes\b", r"\bstaff\b",
        r"\bcouldn't\s+care\s+less\b", r"\bignored\s+(?:us|me)\b",
        r"personeel", r"\bbediening\b",
        r"\b(?:onvriendelijk\w*|onbeleefd\w*|brutaal|brutale|arrogant\w*|"
        r"chagrijnig\w*|nors\w*|ongeïnteresseerd\w*|ongeinteresseerd\w*|neerbuigend\w*|respectloos)\b",
        r"\bbot(?:te)?\b", r"\b(?:af)?gesnauwd\b", r"\bsnauw\w*", r"\buitgelachen\b", r"\bgenegeerd\b",
        r"\bhouding\b", r"\bgeen\s+zin\s+(?:in|om)\b",
    ),
    "cleanliness": rx(
        r"\b(?:dirty|filthy|unclean|unhygienic|grimy|sticky|smelly|dusty|greasy\s+tables?)\b", r"\bhygien\w*",
        r"\bstink\w*", r"\bstank\b",
        r"\bsmell\w*", r"\b(?:mould|mold)\s+(?:on|in)\b", r"\bcockroach\w*", r"\b(?:mice|mouse|rats?)\b",
        r"\bhairs?\s+in\b",
        r"\b(?:toilets?|bathrooms?|restrooms?)\b", r"\bnot\s+(?:clean|cleaned)\b",
        r"\bvie[sz]e?\b", r"\bviezig\w*", r"\bsmerig\w*", r"\bvuil(?:e|er|ig\w*|nis)?\b",
        r"\bonhygi[eë]nisch\w*", r"\bhygi[eë]n\w*",
        r"\bplakkerig\w*", r"\b(?:stinken|stinkt|stonk|stank)\b", r"\bstoffig\w*", r"\bschimmel\w*",
        r"\bkakkerlak\w*",
        r"\bmuizen\b", r"\bharen?\s+in\b", r"\b(?:toilet|toiletten|wc|wc's)\b", r"\bschoonma\w*",
        r"\bniet\s+schoon\w*",
    ),
    "price": rx(
        r"\b(?:expensive|overpriced|pricey|pricy)\b", r"\bpric(?:e|es|ed|ing)\b", r"\brip[- ]?off\b",
        r"\bvalue\s+for\s+money\b",
        r"\bcosts?\b", r"\btoo\s+much\s+(?:money|for)\b",
        r"\b(?:duur|dure|duurder|duurste|prijzig\w*)\b", r"prijs", r"\bprijzen\b", r"\bafzet\w*",
        r"\bgeldklopperij\b",
        r"\bkost(?:en|te|ten|baar)?\b", r"\bwaar\s+voor\s+(?:je|uw)\s+geld\b",
    ),
    "billing": rx(
        r"\b(?:over|double)[- ]?charged\b", r"\bcharged\s+(?:twice|double|me\s+twice|for)\b", r"\binvoic\w*",
        r"\brefund\w*",
        r"\bpayments?\b", r"\bbill(?:ed|ing)\b", r"\b(?:on|in)\s+the\s+bill\b",
        r"\bbill\s+(?:was|is)\s+(?:wrong|incorrect|too)\b", r"\breceipt\b", r"\bwrong\s+amount\b",
        r"\bdebited\b", r"\bdirect\s+debit\b",
        r"\bfactu(?:ur|ren|ratie)\w*", r"\brekening\b(?!\s+(?:mee|met|houd\w*|gehouden|hield\w*))",
        r"\b(?:dubbel|te\s+veel|twee\s+keer)\s+(?:afgeschreven|betaald|gerekend|gefactureerd)\b",
        r"\bafgeschreven\b", r"\bterugbetal\w*", r"\bgeld\s+terug\b", r"\brestitutie\b", r"\bbetaling\w*",
        r"\bincasso\w*",
        r"\b(?:kassa)?bon(?:netje)?\b", r"\baanmaning\w*", r"\bpremie\w*", r"\bcreditnota\w*",
    ),
    "communication": rx(
        r"\bcommunicat\w*", r"\bno\s+(?:reply|response|answer|feedback|update|updates)\b",
        r"\bnever\s+(?:replied|responded|answered|called\s+(?:me\s+)?back|got\s+back|heard\s+back"
        r"|informed)\b",
        r"\b(?:didn't|did\s+not|doesn't|does\s+not)\s+(?:bother\s+to\s+)?(?:reply|"
        r"respond|answer|call\s+(?:me\s+)?back|inform|let\s+(?:me|us)\s+know)\b",
        r"\b(?:no\s+one|nobody)\s+(?:\w+\s+)?(?:told|informed|called|answered|replied|bothered)\b",
        r"\bcustomer\s+service\b",
        r"\b(?:e-?mails?|calls?|messages?)\s+(?:were\s+|went\s+)?(?:unanswered|ignored)\b",
        r"\bkept\s+(?:me|us)\s+in\s+the\s+dark\b", r"\bghosted\b",
        r"\bcommunicatie\w*", r"\bgeen\s+(?:reactie|antwoord|bericht|terugkoppeling|update)\b",
        r"\b(?:nooit|niet)\s+(?:\w+\s+)?(?:teruggebeld|gereageerd|beantwoord|"
        r"geïnformeerd|geinformeerd|op\s+de\s+hoogte\s+gehouden|teruggemaild)\b",
        r"\bniemand\s+(?:\w+\s+)?(?:belde|belt|liet|laat|reageerde|reageert|nam|neemt)\b",
        r"\bklantenservice\b", r"\b(?:on|niet\s+)bereikbaar\b",
        r"\bonbeantwoord\b", r"\bterug\s*bellen\b",
    ),
}


@lru_cache(maxsize=64)
def _team_pattern(keywords: tuple[str, ...]) -> re.Pattern[str] | None:
    """Team keywords match as word starts, so "terras" also finds "terrasje"."""
    words = [re.escape(k.strip()) for k in keywords if k.strip()]
    return re.compile(r"\b(?:" + "|".join(words) + r")\w*", re.IGNORECASE) if words else None


def tag_themes(text: str, *, extra: Mapping[str, Sequence[str]] | None = None) -> tuple[str, ...]:
    """Themes the text touches: built-in ones in THEMES order, then the team's own in the order given."""
    text = text or ""
    tags = [theme for theme in THEMES if _PATTERNS[theme].search(text)]
    for theme, keywords in (extra or {}).items():
        pattern = _team_pattern(tuple(keywords))
        if theme not in tags and pattern is not None and pattern.search(text):
            tags.append(theme)
    return tuple(t for t in THEMES if t in tags) + tuple(t for t in tags if t not in THEMES)
