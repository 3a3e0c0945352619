"""The reply coach: checks a draft public reply against the team's reply rules.

Rules are regexes over word families in both languages at once: teams mix
languages ("sorry", "DM" in Dutch replies), and a misjudged language must not
flood a good draft with false alarms. Negation is checked where a word alone
would mislead ("not sorry", "ik begrijp niet waarom"); excuses that are owned
("it was busy, but that is no excuse") are not counted as defensive.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desk.advice.language import detect_language

MISSING_RULES = ("name", "thanks", "empathy", "apology", "offline", "signature")
AVOID_RULES = (
    "defensive", "contradicts", "small_print", "belittles", "no_comment", "length",
    "asks_removal", "incentive", "personal_data",
)
RULES = MISSING_RULES + AVOID_RULES
MAX_WORDS = 150


@dataclass(frozen=True)
class Finding:
    rule: str
    excerpt: str = ""  # the words that triggered an avoid-rule, to quote back to the drafter
    words: int = 0  # the reply's length, for `length`

    @property
    def kind(self) -> str:
        return "missing" if self.rule in MISSING_RULES else "avoid"

    def format_args(self) -> dict[str, object]:
        """Values for the `{placeholders}` in the coach message catalog."""
        return {"excerpt": self.excerpt, "words": self.words, "limit": MAX_WORDS}


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


# --- text helpers -----------------------------------------------------------

def rx(*parts: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One pattern from alternatives, so rule tables stay readable."""
    return re.compile("|".join(f"(?:{p})" for p in parts), flags)


def _fold(text: str) -> str:
    """Lower case without accents: "Zoë" and "zoe" are the same customer."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _clean(text: str) -> str:
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
_STRENGTHENED = re.compile(r"\s*(?:\w+\s+)?(?:enough|genoeg)\b", re.IGNORECASE)


def _negated(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is negated within its clause."""
    if _STRENGTHENED.match(text, end):  # "we cannot apologise enough"
        return False
    clause = _CLAUSE_BREAK.split(text[max(0, start - 80) : start])[-1]
    if _NEGATOR.search(" ".join(clause.split()[-4:])):
        return True
    return bool(_NEGATOR_AFTER.match(text, end))


def find(pattern: re.Pattern[str], text: str, *, negatable: bool = True,
         unless_followed_by: re.Pattern[str] | None = None) -> re.Match[str] | None:
    """First match that is neither negated nor followed by a disqualifying phrase."""
    for m in pattern.finditer(text):
        if negatable and _negated(text, m.start(), m.end()):
            continue
        if unless_followed_by is not None and unless_followed_by.match(text, m.end()):
            continue
        return m
    return None


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def _sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _SENTENCE.finditer(text) if m.group().strip()]


_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# --- what a good reply contains -----------------------------------------------

_THANKS = rx(
    r"\bthank(?:s|\s+you|ful)\b", r"\bgrateful\b", r"\bappreciate\b", r"\bcheers\s+for\b",
    r"\bbedankt\b", r"\bdank\s*(?:je|u|jullie)(?:\s*wel)?\b", r"\b(?:veel|hartelijk|heel\s+erg)\s+dank\b",
    r"\bdank\s+voor\b", r"\bdankbaar\b", r"\bwaardeer\w*\b",
)
_THANKS_NOT = rx(r"\s+for\s+nothing\b", r"\s+voor\s+niets\b")

_EMPATHY = rx(
    # English
    r"\b(?:i|we)\s+(?:(?:completely|fully|totally|really|truly|can|do|"
    r"absolutely|very\s+much)\s+)*(?:understand|get\s+(?:it|why|how|that))\b",
    r"\bunderstandabl[ey]\b", r"\b(?:i|we)\s+can\s+(?:only\s+|well\s+)?imagine\b", r"\bmust\s+have\s+been\b",
    r"\bmust\s+(?:be|feel)\s+(?:\w+\s+)?(?:frustrating|disappointing|"
    r"annoying|stressful|upsetting|awful|infuriating)\b",
    r"\b(?:how|so|very|really|incredibly|deeply|hugely|truly|terribly)\s+(?:frustrating|"
    r"disappointing|annoying|upsetting|stressful|infuriating|unpleasant)\b",
    r"\byour\s+(?:frustration|disappointment|annoyance|anger|concern|irritation)\b",
    r"\b(?:what|such)\s+a\s+(?:disappointment|let-?down|hassle|nightmare)\b",
    r"\b(?:is|was|must\s+be|sounds)\s+(?:\w+\s+)?(?:stressful|frustrating|"
    r"disappointing|upsetting|annoying|worrying|distressing)\b",
    r"\b(?:you|you've|you\s+have|you\s+were|you're|you\s+are|you\s+felt|"
    r"you\s+feel|left\s+you)\s+(?:been\s+|so\s+|feeling\s+)?(?:frustrated|"
    r"disappointed|upset|let\s+down|annoyed|angry|stranded|embarrassed|ignored|unwelcome)\b",
    r"\bnot\s+(?:the\s+(?:experience|evening|visit|service|welcome|start|"
    r"treatment)|what)\s+(?:you|anyone|any\s+customer|a\s+customer)\s+(?:deserve|"
    r"should|expect|hoped|want|wants|had\s+hoped)",
    r"\bnot\s+the\s+(?:experience|evening|visit|service|welcome|treatment)\s+(?:we\s+want|we\s+aim)",
    r"\b(?:you're|you\s+are|you\s+were)\s+(?:\w+\s+)?(?:right|entitled)\s+to\s+(?:be|feel)\b",
    r"\brightly\s+so\b",
    r"\b(?:i|we)\s+hear\s+you\b", r"\bno\s+wonder\s+you\b",
    r"\bfeel(?:s|ing)?\s+(?:let\s+down|disappointed|frustrated|ignored)\b",
    # Dutch
    r"\b(?:ik|we|wij)\s+(?:(?:kan|kunnen|heel|zeer|goed|best|helemaal|"
    r"volkomen|echt)\s+)*(?:begrijp|begrijpen|snap|snappen)\b",
    r"\b(?:begrijp|snap)\s+ik\b", r"\b(?:begrijpen|snappen)\s+(?:we|wij)\b",
    r"\b(?:kan|kunnen)\s+(?:me|mij|ons)\s+(?:\w+\s+){0,2}voorstellen\b", r"\bvoorstellen\s+hoe\b",
    r"\bbegrijpelijk\b", r"\bterecht\s+(?:boos|teleurgesteld|gefrustreerd|ontevreden|geïrriteerd)\b",
    r"\bwat\s+(?:ontzettend\s+|enorm\s+|erg\s+)?(?:vervelend|naar|rot|"
    r"balen|frustrerend|jammer|teleurstellend)\b",
    r"\b(?:erg|heel|ontzettend|zeer|enorm|echt)\s+(?:vervelend|frustrerend|teleurstellend|naar|rot)\b",
    r"\bvervelend\s+(?:voor\s+u|voor\s+je|dat|moet)\b",
    r"\bdat\s+moet\s+(?:\w+\s+)?(?:vervelend|frustrerend|teleurstellend|"
    r"naar|rot|schrikken|een\s+teleurstelling)\b",
    r"\b(?:uw|je|jouw)\s+(?:teleurstelling|frustratie|ergernis|onvrede|boosheid|irritatie)\b",
    r"\bwat\s+een\s+(?:teleurstelling|domper|ellende|gedoe|frustratie|ergernis|schrik)\b",
    r"\b(?:u|je)\s+(?:voelde|voelt)\s+(?:zich|je)\b",
    r"\b(?:teleurgesteld|gefrustreerd|boos|geïrriteerd)\s+(?:bent|was|bent\s+geweest|raakte|werd)\b",
    r"\bniet\s+de\s+(?:ervaring|avond|service|ontvangst|behandeling)\s+(?:die|waar)\b",
    r"\bniet\s+wat\s+(?:u|je)\s+(?:mag|mocht|had\s+mogen|hoort\s+te)\s+verwachten\b",
)

_APOLOGY = rx(
    r"\bsorry\b", r"\bapolog(?:y|ies|ise|ize|ised|ized|ising|izing)\b",
    r"\bplease\s+excuse\s+(?:us|me|our|the)\b",
    r"\b(?:i|we)\s+(?:deeply\s+|sincerely\s+|truly\s+)?regret\b",
    r"\bexcuses\b", r"\bexcuus\b", r"\bexcuseer\b", r"\bexcuseren\b", r"\bverontschuldig\w*\b",
    r"\b(?:het\s+)?spijt\s+(?:me|mij|ons)\b", r"\b(?:me|mij|ons)\s+(?:\w+\s+)?spijt\b",
    r"\b(?:wij|we|ik)\s+(?:\w+\s+)?betreuren\b|\b(?:wij|we|ik)\s+betreur\b",
)
# Conditional or blame-shifting "apologies" that do not apologise.
_APOLOGY_NOT = rx(
    r"\s*,?\s*(?:if|in\s+case|als|indien|mocht)\b",
    r"\s+(?:that\s+)?you\s+feel\s+(?:that|this)\s+way\b", r"\s+to\s+(?:inform|say|tell|announce)\b",
    r"\s+(?:dat|that)\s+(?:u|je|you)\s+(?:het|dat|dit|zich|er|it|this)?\s*(?:zo|"
    r"so|that\s+way|this\s+way)\s+(?:over\s+)?"
    r"(?:ervaart|ervaren|heeft\s+ervaren|voelt|denkt|ziet|feel|see)\b",
)

_CONTACT = r"(?:(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:\+|00)?\d[\d\s().-]{7,}\d)"
_OFFLINE = rx(
    r"\b(?:send|drop|message|dm|e-?mail|mail|call|ring|phone|text|contact|reach|whatsapp)\s+(?:me|us)\b",
    r"\bgive\s+(?:me|us)\s+a\s+(?:call|ring|message)\b", r"\bget\s+in\s+touch\b", r"\breach\s+out\b",
    r"\b(?:direct|private|personal)\s+message\b", r"\bprivately\b", r"\bdm\b", r"\boffline\b",
    r"\b(?:over|by)\s+(?:the\s+)?(?:phone|e-?mail)\b", r"\bcontact\s+(?:details|information|our)\b",
    r"\b(?:call|contact|e-?mail|ring|phone)\s+you\b", r"\bask\s+for\s+me\b",
    r"\b(?:stuur|stuurt|mail|mailt|e-mail|bel|belt|app|appt|whatsapp|contacteer)\s+(?:ons|me|mij)\b",
    r"\b(?:ons|me|mij)\s+(?:\w+\s+){0,2}"
    r"(?:bellen|mailen|e-mailen|appen|contacteren|bereiken|sturen|sms'en)\b",
    r"\b(?:appje|berichtje|mailtje|belletje)\b",
    r"\bcontact\s+(?:met\s+(?:ons|mij|me|u|je)\s+)?op\b", r"\bcontact\s+(?:opnemen|zoeken)\b",
    r"\bcontactgegevens\b",
    r"\bprivé\s*(?:bericht|gesprek)?\b", r"\b(?:direct|persoonlijk)\s+bericht\b", r"\bpb\b",
    r"\btelefonisch\b",
    r"\bper\s+(?:telefoon|mail|e-mail)\b", r"\bbel\s+(?:ik\s+)?(?:u|je|jou)\b", r"\bbereikbaar\b",
    r"\bbereikt\s+u\s+(?:mij|ons)\b", r"\bvraag\s+(?:gerust\s+)?naar\s+mij\b",
    r"\b(?:u|je)\s+(?:\w+\s+)?(?:bellen|mailen|opbellen|terugbellen|benaderen|contacteren)\b",
    _CONTACT,
)

# --- what a good reply avoids -------------------------------------------------

# Excuses that are fine when owned in the same or next sentence.
_EXCUSE = rx(
    r"\b(?:it|we|the\s+(?:shop|restaurant|kitchen|salon|garage|office|"
    r"team|store|warehouse))\s+(?:was|were|is|are)\s+(?:\w+\s+){0,3}(?:busy|"
    r"packed|understaffed|short[- ]staffed|swamped|overwhelmed)\b",
    r"\b(?:had|because\s+of|due\s+to|during)\s+(?:a|the|that)\s+(?:very\s+|"
    r"really\s+|extremely\s+)?(?:busy|hectic)\s+(?:evening|night|day|"
    r"week|period|weekend|season|time|morning|afternoon|saturday|friday|shift)\b",
    r"\b(?:staff|personnel)\s+shortages?\b",
    r"\b(?:het|we|wij|de\s+(?:keuken|zaak|salon|garage|winkel|werkplaats))\s+(?:was|"
    r"waren|is|zijn)\s+(?:\w+\s+){0,3}(?:druk|onderbezet|overvol)\b",
    r"\b(?:door|vanwege|wegens|in\s+verband\s+met)\s+(?:de\s+)?(?:grote\s+|enorme\s+)?drukte\b",
    r"\bdrukte\s+(?:was|is|in\s+de|op\s+de)\b",
    r"\b(?:door|vanwege|tijdens|hadden|het\s+was)\s+(?:een|de|die)\s+(?:erg\s+|"
    r"heel\s+|enorm\s+)?drukke\s+(?:avond|dag|week|periode|zaterdag|vrijdag|tijd|ochtend|middag|dienst)\b",
    r"\b(?:personeelstekort|onderbezetting|tekort\s+aan\s+personeel)\b",
)
_OWNED = rx(
    r"\bno\s+excuse\b", r"\bnot\s+an\s+excuse\b", r"\b(?:doesn't|does\s+not|cannot|can't)\s+excuse\b",
    r"\b(?:is|was)\s+no\s+reason\b", r"\b(?:isn't|is\s+not|wasn't)\s+a\s+reason\b",
    r"\b(?:we|i)\s+(?:really\s+|absolutely\s+|definitely\s+|still\s+)?should(?:n't|\s+not)?\s+have\b",
    r"\b(?:that's|that\s+is|it's|it\s+is)\s+on\s+(?:us|me)\b", r"\bwe\s+take\s+(?:full\s+)?responsibility\b",
    r"\bour\s+(?:mistake|responsibility)\b",
    r"\bwe\s+(?:got\s+it\s+wrong|dropped\s+the\s+ball|let\s+you\s+down)\b",
    r"\bnot\s+your\s+problem\b", r"\beven\s+(?:on|during|when|if|with|at)\b",
    r"\bgeen\s+(?:excuus|reden|smoes)\b",
    r"\b(?:we|wij|ik)\s+had(?:den)?\b[^.!?]{0,40}\bmoeten\b",
    r"\bhad(?:den)?\s+(?:we|wij|ik)\b[^.!?]{0,40}\bmoeten\b",
    r"\bmag\s+(?:\w+\s+){0,3}(?:niet|nooit)\b", r"\bneemt\s+niet\s+weg\b", r"\bdoet\s+niets\s+af\b",
    r"\b(?:onze|mijn)\s+(?:fout|verantwoordelijkheid|schuld)\b", r"\bligt\s+bij\s+ons\b",
    r"\b(?:ons|mijn)\s+probleem\b",
    r"\bour\s+problem\b", r"\bnot\s+yours\b",
    r"\bniet\s+(?:uw|jouw|je)\s+probleem\b", r"\bbook\s+(?:op|bij|tijdens|met)\b",
    r"\b(?:hoort|hoorde|hoeft|hoefde)\b[^.!?]{0,40}\bniet\b",
)
_DEFENSIVE = rx(
    # others liked it
    r"\b(?:other|most|many|all\s+(?:of\s+)?(?:our\s+)?other|the\s+other|"
    r"our\s+other|plenty\s+of|hundreds\s+of|thousands\s+of|lots\s+of)\s+(?:guests|"
    r"customers|clients|diners|patients|visitors|people|buyers|members|"
    r"drivers|policyholders)\b[^.!?]{0,40}\b(?:loved|liked|enjoyed|(?:were|"
    r"are|was)\s+(?:\w+\s+)?(?:happy|satisfied|pleased|delighted|fine|"
    r"positive)|had\s+no|praised|complimented|have\s+no)\b",
    r"\b(?:everyone|everybody)\s+else\b[^.!?]{0,30}\b(?:loved|liked|"
    r"enjoyed|was\s+(?:happy|fine|satisfied)|had\s+no|had\s+a\s+(?:great|"
    r"lovely|good|fantastic|wonderful)\s+(?:time|evening|night|meal|stay))\b",
    r"\b(?:no\s+one|nobody|no\s+other\s+(?:customer|guest|client)s?)\s+(?:else\s+)?(?:(?:has|"
    r"have|had|ever)\s+)*(?:complained|mentioned|had\s+(?:a|any)\s+(?:problem|issue|complaint))",
    r"\bnever\s+(?:(?:had|received|gotten|got)\s+)(?:a\s+|any\s+)?(?:single\s+)?(?:complaints?|"
    r"problems?|issues?)\b",
    r"\b(?:first|only)\s+complaint\b",
    r"\b(?:many|lots\s+of|plenty\s+of|hundreds\s+of)\s+(?:positive|good|great|five-star|5-star)\s+reviews\b",
    r"\b(?:andere|overige|veel|de\s+meeste|alle\s+andere|onze\s+andere|"
    r"tal\s+van|honderden|duizenden)\s+(?:gasten|klanten|cliënten|bezoekers|"
    r"mensen|kopers|relaties)\b[^.!?]{0,50}\b(?:tevreden|lekker|prima|"
    r"genoten|blij|enthousiast|positie[fv]|geen\s+(?:klacht|klachten|probleem|problemen|last))\b",
    r"\biedereen\s+(?:anders|verder)\b[^.!?]{0,30}\b(?:tevreden|lekker|prima|genoten|blij)\b",
    r"\b(?:niemand|geen\s+enkele\s+(?:andere\s+)?(?:klant|gast|cliënt|"
    r"bezoeker))\b[^.!?]{0,30}\b(?:klaagde|geklaagd|klacht|klachten|problemen)\b",
    r"\bnooit\s+(?:eerder\s+|een\s+|ook\s+)*(?:klacht|klachten|problemen)\b",
    r"\b(?:eerste|enige)\s+klacht\b",
    r"\b(?:veel|honderden|duizenden|tientallen)\s+(?:positieve|goede|"
    r"lovende)\s+(?:reviews|recensies|beoordelingen)\b",
    # not our fault
    r"\b(?:wasn't|isn't|not)\s+(?:really\s+|entirely\s+)?(?:our|my)\s+(?:fault|"
    r"responsibility|problem|doing)\b",
    r"\bnothing\s+to\s+do\s+with\s+us\b", r"\b(?:beyond|outside|out\s+of)\s+our\s+control\b",
    r"\b(?:we|our\s+(?:team|staff|employee|driver|mechanic|stylist|waiter|"
    r"waitress|colleague)s?)\s+did\s+(?:nothing|not\s+do\s+anything)\s+wrong\b",
    r"\bwe\s+did\s+everything\s+(?:right|correctly|by\s+the\s+book)\b",
    r"\b(?:blame|fault\s+of)\s+(?:the\s+)?(?:courier|postnl|dhl|ups|"
    r"dpd|supplier|carrier|manufacturer|weather)\b",
    r"\b(?:the\s+)?(?:courier|postnl|dhl|ups|dpd|supplier|carrier|manufacturer)(?:'s|"
    r"\s+is|\s+was)\s+(?:to\s+blame|responsible|at\s+fault)\b",
    r"\bwe\s+stand\s+by\s+(?:our|my)\s+(?:staff|team|decision|employee|colleague|chef|mechanic|stylist)s?\b",
    r"\bwith\s+(?:all\s+)?due\s+respect\b",
    r"\b(?:niet|geen)\s+(?:onze|mijn)\s+(?:schuld|fout|verantwoordelijkheid)\b",
    r"\bniet\s+(?:ons|mijn)\s+probleem\b",
    r"\bligt\s+(?:echt\s+|gewoon\s+|echter\s+)?niet\s+(?:aan|bij)\s+(?:ons|mij)\b",
    r"\b(?:daar|hier)\s+(?:kunnen|kan)\s+(?:wij|we|ik)\s+(?:(?:echt|"
    r"helaas|ook|verder)\s+)*(?:niets|niks)\s+aan\b",
    r"\b(?:kunnen|kan)\s+(?:wij|we|ik)\s+(?:(?:echt|helaas|ook|verder)\s+)*(?:daar|"
    r"hier)\s+(?:(?:echt|helaas|ook|verder)\s+)*(?:niets|niks)\s+aan\b",
    r"\b(?:de\s+)?(?:bezorger|koerier|postnl|dhl|dpd|ups|leverancier|"
    r"vervoerder|fabrikant)\s+is\s+(?:daar\s+|hier\s+)?(?:verantwoordelijk|aansprakelijk)\b",
    r"\b(?:there's|there\s+is)\s+nothing\s+we\s+(?:can|could)\s+do\s+about\b",
    r"\bwe\s+(?:can't|cannot)\s+do\s+anything\s+about\s+(?:it|that|this)\b",
    r"\bbuiten\s+onze\s+(?:schuld|macht|invloed)\b",
    r"\b(?:wij|we)\s+(?:hebben|deden)\s+(?:niets|niks)\s+(?:fout|verkeerd)\b",
    r"\b(?:schuld|fout)\s+(?:van|ligt\s+bij)\s+(?:de\s+)?(?:bezorger|"
    r"koerier|postnl|dhl|dpd|ups|leverancier|vervoerder|fabrikant)\b",
    r"\bmet\s+(?:alle\s+)?respect\b",
    # blaming the customer
    r"\byou\s+(?:should|could)\s+have\s+(?:read|checked|called|told|"
    r"asked|booked|reserved|contacted|informed|mentioned|looked|noticed|said|followed|paid\s+attention)\b",
    r"\bif\s+you\s+had\s+(?:read|checked|called|told|asked|booked|followed|paid)\b",
    r"\byour\s+own\s+(?:fault|mistake)\b",
    r"\b(?:u|je|jij)\s+(?:had|hebt|heeft)\b[^.!?]{0,40}\b(?:moeten|kunnen)\s+(?:lezen|"
    r"controleren|bellen|vragen|melden|zeggen|kijken|reserveren|aangeven|"
    r"doorgeven|opletten|nakijken|checken)\b",
    r"\bhad\s+(?:u|je)\s+(?:maar|beter|zelf)\b", r"\beigen\s+schuld\b",
)

_RECORDS = (
    r"(?:our|the|my)\s+(?:system|records|logs|data|camera|cameras|cctv|"
    r"footage|till|administration|tracking|track\s+and\s+trace)"
)
_RECORDS_NL = (
    r"(?:ons|onze|het|de)\s+(?:systeem|administratie|gegevens|registratie|"
    r"kassa|kassasysteem|camera|camerabeelden|beelden|track\s*(?:&|en)\s*trace|logboek|planning)"
)
# Words that turn "according to our records" into a rebuttal of the customer.
_COUNTER = (
    r"[^.!?]{0,80}\b(?:not|never|no|didn't|did\s+not|wasn't|was\s+not|isn't|actually|in\s+fact|on\s+time"
    r"|as\s+agreed|correctly|niet|nooit|geen|wel\s+degelijk|gewoon|keurig|op\s+tijd|netjes|zoals\s+afgesproken"
    r"|correct|you\s+(?:were|had\s+been|have\s+been)\s+(?:served|helped|informed|warned|told)"
    r"|you\s+(?:signed|agreed|accepted)|(?:u|je)\s+(?:bent|werd|was)\s+(?:\w+\s+)?(?:geholpen|bediend"
    r"|geïnformeerd|gewaarschuwd)|(?:u|je)\s+(?:heeft|hebt)\s+(?:\w+\s+)?(?:getekend|ondertekend|ingestemd))\b"
)
_CONTRADICTS = rx(
    rf"\baccording\s+to\s+{_RECORDS}{_COUNTER}",
    rf"\b{_RECORDS}\s+(?:clearly\s+)?(?:shows?|showed|indicates?|says?|confirms?|proves?){_COUNTER}",
    r"\b(?:that|this|your\s+(?:claim|story|review)|what\s+you\s+(?:say|"
    r"write|describe))\s+is\s+(?:simply\s+|just\s+|frankly\s+|not\s+entirely\s+)?(?:not\s+true|"
    r"untrue|incorrect|false|inaccurate|not\s+correct|not\s+accurate|not\s+what\s+happened)\b",
    r"\b(?:that|this)\s+(?:never|did\s+not|didn't)\s+happen\b", r"\byou\s+are\s+(?:mistaken|wrong)\b",
    r"\b(?:there\s+is|we\s+have)\s+no\s+record\s+of\b",
    rf"\bvolgens\s+{_RECORDS_NL}{_COUNTER}", rf"\buit\s+{_RECORDS_NL}\s+blijkt{_COUNTER}",
    rf"\b{_RECORDS_NL}\s+(?:laat|laten|toont|tonen|geeft|geven|wijst|"
    rf"wijzen|zegt)\s+(?:\w+\s+)?(?:zien|aan|uit){_COUNTER}",
    r"\b(?:dat|dit|wat\s+u\s+(?:schrijft|zegt|beweert)|uw\s+(?:verhaal|"
    r"bewering))\s+is\s+(?:gewoon\s+|simpelweg\s+|echter\s+)?(?:niet\s+waar|onjuist|onwaar)\b",
    r"(?:^|(?<=[.!?])\s+)(?:dat|dit|wat\s+u\s+(?:schrijft|zegt|beweert))\s+klopt\s+(?:gewoon\s+|"
    r"simpelweg\s+|echter\s+)?niet\b",
    r"\b(?:uw|je)\s+(?:verhaal|bewering)\s+klopt\s+niet\b",
    r"\b(?:dat|dit)\s+is\s+(?:nooit|niet)\s+gebeurd\b",
    r"\b(?:u|je)\s+vergist\s+(?:zich|je)\b", r"\b(?:u|je)\s+(?:heeft|hebt)\s+(?:het\s+)?ongelijk\b",
    r"\bniet\s+(?:terug\s+)?te\s+vinden\s+in\s+(?:ons|onze)\s+(?:systeem|administratie)\b",
)

_SMALL_PRINT = rx(
    r"\b(?:our|the)\s+(?:general\s+)?(?:terms(?:\s+and\s+conditions)?|"
    r"t\s*&\s*cs?|conditions|small\s+print|fine\s+print|house\s+rules)\b",
    r"\bas\s+(?:stated|stipulated|mentioned|described|set\s+out)\s+in\s+(?:our|the)\b",
    r"\b(?:article|clause|section|art\.)\s*\d",
    r"\b(?:per|according\s+to|in\s+line\s+with|under|against)\s+"
    r"(?:our\s+|the\s+|company\s+)?polic(?:y|ies)\b",
    r"\b(?:our|the)\s+polic(?:y|ies)\s+(?:is|are|states?|says?|stipulates?|clearly)\b",
    r"\b(?:return|refund|cancellation|company)\s+policy\b",
    r"\b(?:receipt|proof\s+of\s+purchase)\s+(?:is|are)\s+(?:required|needed|mandatory)\b",
    r"\bwithout\s+(?:a|the|your)\s+(?:receipt|proof\s+of\s+purchase)\b",
    r"\b(?:we\s+are|we're)\s+not\s+(?:liable|obliged|required)\b", r"\bnon-refundable\b",
    r"\b(?:your|the)\s+(?:policy|cover|coverage)\s+(?:does\s+not|doesn't)\s+(?:cover|include)\b",
    r"\bnot\s+covered\s+(?:by|under)\b",
    r"\b(?:algemene\s+|onze\s+|de\s+)(?:leverings|polis|retour|annulerings)?voorwaarden\b",
    r"\bkleine\s+lettertjes\b", r"\bhuisregels\b",
    r"\bartikel\s*\d", r"\bzoals\s+(?:vermeld|beschreven|aangegeven|vastgelegd|staat)\s+(?:in|op)\b",
    r"\bvolgens\s+(?:onze|de|het|ons)\s+(?:voorwaarden|regels|polis|huisregels|beleid|reglement|regeling)\b",
    r"\b(?:ons|het)\s+(?:retour)?beleid\s+(?:is|schrijft|stelt|zegt)\b", r"\bconform\s+(?:ons|het|onze|de)\b",
    r"\bretourbeleid\b",
    r"\b(?:kassabon|bon|aankoopbewijs)\s+(?:is|blijft)\s+(?:verplicht|nodig|vereist)\b",
    r"\bzonder\s+(?:kassabon|bon|aankoopbewijs)\b",
    r"\bniet\s+aansprakelijk\b", r"\b(?:zijn|waren)\s+(?:wij|we)\s+niet\s+verplicht\b",
    r"\b(?:wij|we)\s+zijn\s+niet\s+verplicht\b",
    r"\b(?:uw|de)\s+polis\s+(?:dekt|vergoedt)\s+(?:geen|niet)\b", r"\bniet\s+gedekt\b",
    r"\bvalt\s+niet\s+onder\s+de\s+dekking\b",
    r"\beigen\s+risico\b",
)
# "we are changing our return policy" owns the problem instead of reciting it.
_CHANGING = rx(
    r"\b(?:chang|adjust|review|updat|rewrit|clarif|revis|improv)\w*\b",
    r"\b(?:aanpass|aangepast|herzien|herzie|wijzig|veranderen|verander|"
    r"verduidelijk|duidelijker|evalueren|evalueer|verbeter)\w*\b",
)

_BELITTLES = rx(
    r"\b(?:only|just|merely)\s+(?:a\s+)?(?:few|couple\s+of|\d+|five|ten|two|three)\s+minutes?\b",
    r"\boverreact\w*\b", r"\bexaggerat\w*\b",
    r"\b(?:make|making|made)\s+(?:such\s+)?a\s+(?:big\s+)?(?:fuss|drama|mountain)\b",
    r"\bstorm\s+in\s+a\s+teacup\b", r"\b(?:no|not\s+(?:such\s+)?a|hardly\s+a)\s+big\s+deal\b",
    r"\b(?:too|overly|a\s+bit|rather)\s+(?:sensitive|harsh|picky|fussy|dramatic)\b",
    r"\b(?:nothing|not\s+much)\s+to\s+(?:worry|complain|get\s+upset)\s+about\b",
    r"\bfirst\s+world\s+problem\b",
    r"\bcalm\s+down\b",
    r"\b(?:don't|do\s+not|cannot|can't)\s+(?:really\s+)?(?:understand|"
    r"see)\s+why\s+(?:you|anyone)\s+(?:is|are|were|was|would\s+be|'re)\s+(?:so\s+)?(?:upset|"
    r"angry|annoyed|bothered|worked\s+up)\b",
    r"\b(?:begrijp|begrijpen|snap|snappen)\s+(?:echt\s+|werkelijk\s+)?niet\s+waarom\s+(?:u|"
    r"je|jij|iemand)\s+(?:\w+\s+){0,3}(?:boos|kwaad|druk|geïrriteerd|overstuur)\b",
    r"\b(?:such|so)\s+a\s+(?:small|little|minor)\s+(?:thing|issue|detail|matter)\b",
    r"\b(?:just|only)\s+a\s+(?:small|little|minor|tiny)\s+(?:thing|issue|"
    r"detail|mistake|matter|scratch|delay)\b",
    r"\b(?:one|1|a)[- ]star\s+(?:review\s+)?(?:for|over)\s+(?:this|that|"
    r"such|something|a\s+(?:small|little|minor))\b",
    r"\boverdrijv\w*\b|\boverdrijft\b|\boverdrijf\b",
    r"\boverdreven(?=\s*[.,!?;)]|\s+(?:reactie|oordeel|beoordeling|review))",
    r"\b(?:stelt|stel|stellen)\s+(?:u\s+|je\s+)?(?:zich|je)\s+(?:wat|een\s+beetje|nogal|erg)?\s*aan\b",
    r"\b(?:maar|slechts|pas)\s+(?:een\s+paar|enkele|\d+|vijf|tien|twee|drie)\s+minuten\b",
    r"\bklein(?:e)?\s+(?:dingetje|detail|probleempje|ongemak|foutje|ongemakje)\b",
    r"\b(?:dingetje|probleempje|ongemakje)\b",
    r"\bstorm\s+in\s+een\s+glas\s+water\b", r"\b(?:geen|niet\s+zo'n)\s+(?:groot\s+)?drama\b",
    r"\bniet\s+zo\s+erg\b", r"\bvalt\s+(?:toch\s+)?(?:wel\s+)?mee\b",
    r"\b(?:één|1|een)\s+ster\s+voor\s+(?:zo'n|zoiets|dit|een\s+(?:klein|kleinigheid))\b", r"\bkleinigheid\b",
    r"\bte\s+gevoelig\b", r"\b(?:rustig|kalm)\s+aan\b", r"\bluxeprobleem\b",
    r"\b(?:wat|nogal|erg|beetje)\s+(?:zwaar|streng|hard)\s+(?:oordeel|beoordeeld|geoordeeld)\b",
)

_NO_COMMENT = rx(
    r"\bno\s+comment\b",
    r"\b(?:will\s+not|won't|do\s+not|don't|cannot|can't|will)\s+(?:not\s+)?comment\s+(?:further|on)\b",
    r"\b(?:decline|declines|refrain|refrains)\s+(?:to\s+|from\s+)?comment\w*\b",
    r"\b(?:won't|will\s+not|cannot|can't|do\s+not|don't)\s+(?:respond|"
    r"react|reply)\s+(?:to|on)\s+(?:this|these|such)\b",
    r"\bnothing\s+(?:further|more)\s+to\s+(?:say|add)\b",
    r"\bgeen\s+commentaar\b",
    r"\b(?:wij|we|ik)\s+(?:zullen\s+|willen\s+|kunnen\s+|gaan\s+)?(?:hier|"
    r"daar)\s+(?:verder\s+|inhoudelijk\s+)?(?:niet|geen)\s+(?:op\s+)?(?:in(?:gaan)?|reageren|reactie)\b",
    r"\b(?:wij|we|ik)\s+reageren?\s+(?:hier\s+|daar\s+)?(?:verder\s+|inhoudelijk\s+)?niet\b",
    r"\bonthouden\s+(?:ons|mij|me)\s+van\s+(?:commentaar|reactie)\b",
    r"\bniets\s+(?:meer|verder)\s+(?:aan\s+)?toe\s+te\s+voegen\b",
)

_REVIEW = (
    r"(?:reviews?|ratings?|post|comment|score|feedback|stars?|recensie|beoordeling|waardering|sterren|ster)"
)
_REVIEW_ASK = rx(
    rf"\b(?:remove|delete|take\s+down|withdraw|retract|edit|update|change|"
    rf"amend|revise|reconsider|adjust|raise|upgrade|increase|bump\s+up|"
    rf"revisit)\s+(?:your|the|this|that|its)\s+(?:[\w-]+\s+){{0,2}}{_REVIEW}\b",
    rf"\b{_REVIEW}\s+(?:could|can|might|would|will)\s+(?:now\s+|still\s+)?be\s+(?:removed|"
    rf"deleted|updated|changed|amended|revised|adjusted|raised|taken\s+down|withdrawn)\b",
    r"\b(?:give|leave|award|rate)\s+us\s+(?:a\s+)?(?:more|extra|another|"
    r"higher|better|\d|two|three|four|five|full)\s*(?:-?\s*stars?|ratings?|reviews?|marks)\b",
    r"\b(?:higher|better)\s+(?:rating|score)\b", r"\b(?:more|extra|additional)\s+stars\b",
    r"\b(?:uw|je|jouw|de|deze|die|het)\s+(?:[\w-]+\s+){0,2}(?:review|"
    r"recensie|beoordeling|waardering|rating|score|sterren)\s+(?:[\w-]+\s+){0,3}(?:te\s+)?(?:verwijderen|"
    r"aanpassen|wijzigen|bijstellen|intrekken|herzien|verhogen|ophogen|"
    r"weghalen|aan\s+te\s+passen|bij\s+te\s+stellen|in\s+te\s+trekken|"
    r"weg\s+te\s+halen|verwijdert|aanpast|bijstelt|wijzigt|veranderen|heroverwegen)\b",
    r"\b(?:verwijder|pas|wijzig|verander|herzie|verhoog)\s+(?:uw|je|"
    r"de)\s+(?:review|recensie|beoordeling|waardering|sterren)\b",
    r"\b(?:meer|extra|hogere|5|vijf)\s+sterren\b",
    r"\b(?:hogere|betere)\s+(?:beoordeling|waardering|score|rating)\b",
)
_OFFER = rx(
    r"\b(?:vouchers?|discount|refund|gift\s*card|coupon|complimentary|"
    r"on\s+the\s+house|\d+\s*%\s*off|for\s+free)\b",
    r"\bfree\s+(?:meal|dessert|drinks?|coffee|night|service|delivery|"
    r"treatment|haircut|lunch|dinner|of\s+charge|bottle)\b",
    r"\b(?:cadeaubon|tegoedbon|waardebon|korting|gratis|terugbetal\w*|"
    r"vergoeding|tegoed|cadeau|kado|op\s+kosten\s+van\s+de\s+zaak)\b",
)
_QUID_PRO_QUO = rx(
    rf"\b(?:in\s+(?:exchange|return)\s+for|als\s+tegenprestatie\s+voor|"
    rf"in\s+ruil\s+voor|als\s+dank\s+voor)\b[^.!?]{{0,30}}\b{_REVIEW}\b",
)

_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\d{2}|0\d)[\d\s().-]{6,}\d")
_DATE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Whose details? "reach me at", "ons nummer" is the business; "your number", "uw adres" the customer.
_CUSTOMER_CONTEXT = rx(
    r"\byour\s+(?:(?:phone|mobile|home|e-?mail|delivery|postal|billing)\s+)?(?:number|address|e-?mail)\b",
    r"\b(?:called|rang|texted|phoned|emailed|mailed)\s+you\s+(?:on|at)\b",
    r"\b(?:delivered|sent|shipped)\s+to\b", r"\byou\s+live\b",
    r"\b(?:uw|je|jouw)\s+(?:(?:mobiele|telefoon|e-mail|mail|huis|post|"
    r"bezorg|factuur)\s*)?(?:nummer|adres|e-mailadres|mailadres|telefoonnummer)\b",
    r"\b(?:u|je)\s+(?:\w+\s+)?(?:gebeld|gemaild|ge-?sms't|geappt)\s+op\b",
    r"\b(?:bezorgd|afgeleverd|verstuurd|gestuurd)\s+(?:op|naar|aan)\b", r"\b(?:u|je)\s+woont\b",
)
_BUSINESS_PLACE = rx(
    r"\b(?:our|my)\s+(?:shop|store|office|salon|garage|restaurant|address|showroom|branch)\b",
    r"\b(?:visit|find|see)\s+us\b", r"\bcome\s+(?:by|in|round)\b",
    r"\b(?:onze|ons|mijn)\s+(?:winkel|zaak|kantoor|salon|garage|restaurant|"
    r"adres|vestiging|showroom|filiaal)\b", r"\bbij\s+ons\b", r"\blangs\b",
)
_ADDRESS = re.compile(
    r"\b[A-Z][\w'-]{0,40}(?:straat|laan|weg|plein|gracht|kade|dijk|singel|steeg|dreef|markt)\s+\d{1,4}[a-zA-Z]?\b"
    r"|\b\d{1,5}\s+(?:[A-Z][\w'-]{1,40}\s+){1,2}(?:Street|St\.|Road|Rd\.|Avenue|Ave|Lane|Drive|Close|Way)\b"
    r"|\b\d{4}\s?[A-Z]{2}\b(?![\w-])"
)
_ORDER_NUMBER = rx(
    r"\b(?:order|invoice|customer|account|policy|booking|reservation|"
    r"reference|case|ticket|claim|dossier)\s*(?:(?:number|no\.?|nr\.?|"
    r"#|id)\s*:?\s*#?\s*[A-Z]{0,3}-?\d{4,}|:?\s*#?\s*[A-Z]{0,3}-?\d{5,})\b",
    r"\b(?:bestelling|bestel|order|factuur|klant|polis|reserverings|"
    r"dossier|schade|claim)(?:(?:nummer|nr\.?)\s*:?\s*#?\s*[A-Z]{0,3}-?\d{4,}|"
    r"\s*:?\s*#?\s*[A-Z]{0,3}-?\d{5,})\b",
    r"#\s?\d{5,}\b",
)
_PLATE = re.compile(r"\b(?=[A-Z0-9-]{0,10}\d)(?=[A-Z0-9-]{0,10}[A-Z])[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}\s?\d{4}\s?\d{4}\s?\d{2}\b")


def _before(text: str, start: int, width: int = 60) -> str:
    """The words leading up to `start`, within the same sentence."""
    return re.split(r"[.!?\n]", text[max(0, start - width) : start])[-1]


def _personal_data(text: str, customer_tokens: list[str]) -> str | None:
    for m in [*_PHONE.finditer(text), *_EMAIL.finditer(text)]:
        if m.re is _PHONE and (_DATE.search(m.group()) or not 9 <= sum(c.isdigit() for c in m.group()) <= 13):
            continue
        own_name = m.re is _EMAIL and any(t in _fold(m.group()) for t in customer_tokens)
        if own_name or _CUSTOMER_CONTEXT.search(_before(text, m.start())):
            return m.group()
    for m in _ADDRESS.finditer(text):
        if not _BUSINESS_PLACE.search(_before(text, m.start(), 80)):
            return m.group()
    for pattern in (_ORDER_NUMBER, _PLATE, _IBAN):
        if (m := pattern.search(text)):
            return m.group()
    return None


# --- sign-off -------------------------------------------------------------------

_CLOSING = rx(
    r"(?:with\s+)?(?:kind|warm|warmest|best|many|sincere)\s+(?:regards|wishes)", r"regards", r"best",
    r"cheers", r"sincerely",
    r"yours(?:\s+(?:sincerely|truly))?", r"all\s+the\s+best", r"take\s+care", r"thanks(?:\s+again)?",
    r"thank\s+you(?:\s+again)?",
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
    namens
    """.split()
)
_CAPITALISED = re.compile(r"[A-ZÀ-Ý][\w'’.-]*")
_PARTICLES = frozenset(
    "de van der den het ten ter te la le du da von mr mrs ms dhr mevr meneer mevrouw 't".split()
)


def _sign_off(text: str) -> tuple[int, str] | None:
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
    while short < min(3, len(lines) - 1) and 0 < word_count(lines[-1 - short]) <= 5:
        short += 1
    if short:
        start = len(stripped) - len("\n".join(lines[-short:]))
        return start, stripped[start:]
    tail = re.search(r"[.!?]\s+([^.!?\n]+)$", stripped)
    if tail and word_count(tail.group(1)) <= 4:
        return tail.start(1), tail.group(1)
    return None


def _signed_by_a_person(who: str) -> bool:
    """A segment like "Anna de Boer": capitalised words, not a team, shop or role."""
    for segment in _SEGMENT_SPLIT.split(who):
        words = segment.strip(" .,!:;").split()
        if not 1 <= len(words) <= 4 or any(c.isdigit() for c in segment):
            continue
        if _fold(words[0]) in _NOT_A_PERSON or not all(
            _CAPITALISED.fullmatch(w) or w in _PARTICLES for w in words
        ):
            continue
        return True
    return False


def _name_tokens(name: str | None) -> list[str]:
    return [t for t in re.findall(r"[^\W\d_]+", _fold(name or "")) if len(t) > 1 and t not in _PARTICLES]


def _mentions(text: str, tokens: list[str]) -> bool:
    folded = _fold(text)
    return any(re.search(rf"\b{re.escape(t)}\b", folded) for t in tokens)


# --- the check --------------------------------------------------------------------

def check_reply(text: str, *, customer: str | None, signer: str | None,
                language: str | None = None) -> CoachResult:
    """Findings for a draft reply, in RULES order; no findings means ready to post.

    `language` (detected when None) only picks the message catalog: the rules
    read both languages, since replies mix them.
    """
    draft = _clean(text)
    language = language or detect_language(draft)
    found: dict[str, Finding] = {}

    def flag(rule: str, match: re.Match[str] | str | None = None) -> None:
        excerpt = match.group() if isinstance(match, re.Match) else (match or "")
        found.setdefault(rule, Finding(rule, " ".join(excerpt.split())[:80]))

    sign_off = _sign_off(draft)
    body = draft[: sign_off[0]] if sign_off else draft
    customer_tokens = _name_tokens(customer)

    if customer_tokens and not _mentions(body, customer_tokens):
        flag("name")
    if not find(_THANKS, draft, unless_followed_by=_THANKS_NOT):
        flag("thanks")
    if not find(_EMPATHY, draft):
        flag("empathy")
    if not find(_APOLOGY, draft, unless_followed_by=_APOLOGY_NOT):
        flag("apology")
    if not find(_OFFLINE, draft):
        flag("offline")
    if sign_off is None or not (
        _mentions(sign_off[1], _name_tokens(signer)) if signer else _signed_by_a_person(sign_off[1])
    ):
        flag("signature")

    spans = _sentences(draft)
    for i, (start, end) in enumerate(spans):
        sentence = draft[start:end]
        owned_nearby = draft[start : spans[i + 1][1] if i + 1 < len(spans) else end]
        excuse = _EXCUSE.search(sentence)
        if excuse and not find(_OWNED, owned_nearby):
            flag("defensive", excuse)
        if (m := _DEFENSIVE.search(sentence)):
            flag("defensive", m)
        reciting = _SMALL_PRINT.search(sentence)
        if reciting and not (_CHANGING.search(sentence) or find(_OWNED, sentence)):
            flag("small_print", reciting)
        if (m := find(_REVIEW_ASK, sentence)):
            flag("asks_removal", m)
            window = draft[spans[max(0, i - 1)][0] : spans[min(len(spans) - 1, i + 1)][1]]
            if _OFFER.search(window):
                flag("incentive", m)
    for rule, pattern in (
        ("contradicts", _CONTRADICTS), ("belittles", _BELITTLES), ("no_comment", _NO_COMMENT),
    ):
        if (m := find(pattern, draft, negatable=rule == "belittles")):
            flag(rule, m)
    if (m := _QUID_PRO_QUO.search(draft)) and _OFFER.search(draft):
        flag("incentive", m)
    words = word_count(draft)
    if words > MAX_WORDS:
        found["length"] = Finding("length", words=words)
    if (leak := _personal_data(draft, customer_tokens)):
        flag("personal_data", leak)

    return CoachResult(language, tuple(found[r] for r in RULES if r in found))
