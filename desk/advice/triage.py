"""Respond-or-ignore hints for a forwarded review.

A hint for the team's vote, never a decision: responding is the default, and
"ignore" is only suggested for posts that look like trolling or spam (no
concrete experience, praise for a competitor, insults, only provoking after
the team answered, links with sales talk).

The rules name the signals; a linear model trained on labelled reviews of both languages
(training/triage.py writes triage.npz beside this file) reads the words and the signals
together and makes the suggestion, since spam, hearsay and praise for a competitor come in
more wordings than rules can list. It never overrules what makes a post worth answering:
a concrete experience the rules found (without spam), a bare complaint, or a question after
the team's reply. Without a trained model the rules suggest alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desk.advice import linear
from desk.advice.coach import rx, word_count
from desk.advice.coach.roles import features as words_of
from desk.advice.coach.text import negated
from desk.advice.language import detect_language

SIGNALS = (
    "concrete_experience", "no_experience", "competitor_praise", "insults", "provocation", "sales_links",
    "money_talk", "repeated", "no_content", "reads_like_spam",
)
# Spam and taunts, which the model may always weigh; what else points to ignoring. When the model
# suggests it and none of these was found, the hint says it was read as a whole ("reads_like_spam").
_SPAM_SIGNALS = frozenset({"sales_links", "money_talk", "provocation", "repeated"})
_IGNORE_SIGNALS = _SPAM_SIGNALS | {"no_experience", "competitor_praise", "insults", "no_content"}


MODEL = Path(__file__).with_suffix(".npz")  # triage.npz beside this file

# Review sites cap a review near this (Google at 4,096 characters); a longer paste is
# judged on its start, which keeps the hint fast on any text.
READ_LIMIT = 5000


@dataclass(frozen=True)
class Triage:
    suggestion: str  # "respond" or "ignore"
    signals: tuple[str, ...]
    language: str


_DAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|maandag|"
    r"dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
)
# No "march" or "may": too often a verb.
_MONTHS = (
    r"january|february|april|june|july|august|september|october|november|december|"
    r"januari|februari|maart|mei|juni|juli|augustus|oktober"
)
_DURATION = (
    r"\b(?:\d+\s*|(?:an?|one|two|three|four|five|six|ten|half\s+an|een|"
    r"twee|drie|vier|vijf|zes|tien|anderhalf|half)\s+)"
    r"(?:minutes|mins|hours?|days|weeks|minuten|uur|uren|dagen|weken|kwartier)\b"
)
# One of these is enough to tell a real experience.
_STRONG = rx(
    r"[€$£]\s?\d", r"\b\d+(?:[.,]\d+)?\s?(?:euros?|eur|dollars?|pounds?)\b",
    rf"\b(?:{_DAYS}|{_MONTHS})\b", r"\b\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?\b",
    r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b",
    r"\b(?:yesterday|last\s+(?:night|week|month|weekend|year)|this\s+(?:morning|"
    r"afternoon)|(?:two|three|a)\s+(?:days|weeks|months)\s+ago|a\s+week\s+ago)\b",
    r"\b(?:gisteren|eergisteren|vanochtend|vanmorgen|vanmiddag|gisteravond|"
    r"vorige\s+(?:week|maand)|vorig\s+jaar|afgelopen\s+(?:week|weekend|maand|jaar))\b",
    r"(?:^|(?<=[.!?])\s+)(?:waited|ordered|booked|bought|visited|paid|"
    r"called|rang|emailed|stayed|tried|dropped\s+off|picked\s+up|returned|"
    r"came\s+(?:in|here)|went\s+(?:in|there|here)|was\s+(?:here|there))\b",
    r"\b(?:order|bestelling|bestelnummer|ordernummer|factuur|invoice|"
    r"booking|reservering)\s*(?:nummer|number|nr|no)?\.?\s*#?\d{3,}\b",
    rf"\b(?:waited|waiting|wait|after|took|for|over|already|al|na|pas|"
    rf"gewacht|wachten|duurde|ruim|bijna|wachttijd\s+van)\s+(?:\w+\s+)?{_DURATION}",
    rf"{_DURATION}\s+(?:late|later|te\s+laat|gewacht|wachten|in\s+de\s+rij)\b",
    r"\b(?:at|om)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:uur|u|am|pm|h)\b",
    r"\b(?:i|we|my\s+\w+)\s+(?:(?:had|have|just)\s+)?(?:ordered|bought|"
    r"booked|visited|paid|returned|rang|called|emailed|ate|dropped\s+off|"
    r"picked\s+up|went|came\s+in|tried|waited|received)\b",
    r"\b(?:my|our)\s+(?:order|booking|reservation|appointment|parcel|"
    r"package|invoice|claim|car|van|bike|delivery|refund|room|table|"
    r"food|meal|hair|bill|stay|visit|flight|money|deposit|prescription|glasses|policy|kids?|son|daughter)\b",
    r"\b(?:ik|we|wij)\s+(?:(?!(?:niet|nooit|geen)\b)\w+\s+){0,5}(?:besteld|"
    r"gekocht|geboekt|gereserveerd|betaald|gebeld|gemaild|gegeten|geweest|"
    r"teruggestuurd|ontvangen|gewacht|opgehaald|gebracht)\b",
    r"\b(?:ik|we|wij)\s+(?:bestelde|bestelden|kocht|kochten|belde|belden|"
    r"mailde|aten|kwamen|kwam|wachtten|wachtte|betaalde|betaalden)\b",
    r"\b(?:mijn|ons|onze)\s+(?:bestelling|reservering|afspraak|pakket|"
    r"factuur|claim|auto|fiets|schadeclaim|schade|levering|retour|knipbeurt|"
    r"haar|kamer|tafel|eten|rekening|verblijf|bezoek|geld|aanbetaling|"
    r"bril|recept|polis|kinderen|zoon|dochter)\b",
    r"\b(?:he|she|they|the\s+(?:waiter|waitress|cashier|driver|mechanic|"
    r"stylist|manager|owner|agent|guy|lady|girl|man|woman))\s+(?:said|"
    r"told|refused|laughed|charged|promised)\b",
    r"\b(?:hij|zij|ze|de\s+(?:ober|serveerster|caissière|bezorger|monteur|"
    r"kapper|kapster|eigenaar|medewerker|adviseur))\s+(?:zei|vertelde|weigerde|lachte|beloofde|rekende)\b",
)
# Product and staff nouns: hearsay uses them too, so it takes two.
_WEAK = rx(
    r"\b(?:pizza|burger|steak|pasta|soup|salad|dish|meal|fries|coffee|"
    r"cake|bread|sandwich|haircut|colou?r|highlights|fringe|tyres?|tires?|"
    r"brakes?|engine|shoes?|jacket|dress|jeans|sofa|laptop|order|delivery|"
    r"parcel|claim|repair|appointment|booking|table)\b",
    r"\b(?:waiter|waitress|cashier|employee|manager|owner|driver|courier|"
    r"mechanic|hairdresser|stylist|barber|receptionist|agent|chef)\b",
    r"\b(?:soep|salade|gerecht|maaltijd|patat|friet|koffie|taart|brood|"
    r"broodje|knipbeurt|kapsel|kleuring|pony|banden|remmen|motor|schoenen|"
    r"jas|jurk|bestelling|pakket|claim|reparatie|afspraak|reservering|tafel|polis|telefoon|gsm|scherm|toestel|"
    r"laptop|fiets|auto|toonbank|kassa|factuur|rekening)\b",
    r"\b(?:phone|screen|device|bike|car|counter|till|invoice|bill|receipt|lesson|class|session|treatment|"
    r"fitting|glasses|lenses|tiles?|bathroom|kitchen|boiler)\b",
    # what broke or leaks again: "dakgoot 'gerepareerd' en bij de eerste regenbui lekt het weer"
    r"\b(?:gerepareerd|lekt|lekte|lekkage|kapot|dakgoot|regenbui|repaired|fixed|leaks?|leaking|leaked|broke|broken|"
    r"gutter|roof|dak)\b",
    r"\b(?:ober|serveerster|bediening|caissière|medewerker|verkoper|"
    r"verkoopster|bedrijfsleider|eigenaar|bezorger|koerier|monteur|kapper|"
    r"kapster|adviseur|tandarts|dokter|receptie)\b",
    r"\b(?:dentist|doctor|nurse|reception|shower|room)\b",
    # telegraphic reviews drop the subject: "Op 2 maart besteld, nooit ontvangen, wel betaald."
    r"\b(?:besteld|gekocht|geboekt|gereserveerd|betaald|ontvangen|geleverd|"
    r"bezorgd|opgehaald|teruggestuurd|geretourneerd|ordered|paid|received|delivered|returned)\b",
)
_NO_EXPERIENCE = rx(
    r"\bnever\s+(?:even\s+)?(?:been|visited|eaten|ordered|bought|shopped|"
    r"set\s+foot|stayed|used|tried|went)\b(?!\s+(?:\w+\s+)?before)",
    r"\b(?:haven't|have\s+not)\s+(?:even\s+)?(?:been|visited|tried|ordered|eaten)\b",
    r"\b(?:didn't|did\s+not)\s+even\s+(?:go|visit|try|order)\b",
    r"\b(?:i\s+|we\s+|i've\s+|we've\s+|i\s+have\s+|we\s+have\s+)?(?:heard|hear)\s+(?:that|from|it's|they)\b",
    r"\bapparently\b", r"\bword\s+is\b",
    r"\bthey\s+say\s+(?:that\s+)?(?:the|it|this|their)\b", r"\b(?:ze|men)\s+(?:zeggen|zegt)\s+dat\b",
    r"\b(?:people|everyone|friends?|my\s+(?:friend|neighbou?r|colleague|coworker|co-worker|boss|flatmate|"
    r"cousin|sister|brother|mate|mum|mom|dad|mother|father|aunt|uncle|son|daughter|wife|husband|partner|"
    r"(?:sister|brother|mother|father|son|daughter)-in-law))\s+(?:say|says|said|told\s+me|reckons|reckoned|"
    r"thinks|claims|warned\s+me)\b",
    r"\bnooit\s+(?:eens\s+)?(?:geweest|binnen\s+geweest|gegeten|besteld|gekocht|gebruikt|geprobeerd)\b",
    r"\bnooit\s+(?:een\s+)?voet\s+binnen\b", r"\bnever\s+set\s+foot\b",
    r"\b(?:ik\s+)?(?:hoor|hoorde|heb\s+gehoord|gehoord)\s+(?:dat|van)\b", r"\bschijnt\b|\bschijnbaar\b",
    r"\b(?:i|we)\s+(?:heard|hear|have\s+heard|'ve\s+heard)\b", r"\b(?:ik|we)\s+(?:hoorde|hoor|hoorden)\b",
    r"\b(?:everyone|iedereen)\s+(?:knows|weet)\b",
    r"\bnaar\s+verluidt\b", r"\bvan\s+horen\s+zeggen\b",
    r"\b(?:mensen|iedereen|vrienden|mijn\s+(?:vriend|vriendin|buurman|"
    r"buurvrouw|collega|zus|broer|neef|nicht|moeder|vader|schoonzus|zwager|schoonmoeder|baas|tante|oom))\s+"
    r"(?:zeggen|zegt|zei|vertelde|vertellen|vindt|vond)\b",
    # "mijn collega had hier een feestje en die zei dat het personeel dronken was"
    r"\bmijn\s+(?:vriend|vriendin|buurman|buurvrouw|collega|zus|broer|neef|nicht|moeder|vader|schoonzus|zwager|baas|"
    r"tante|oom)\b[^.!?]{0,60}\b(?:die|en\s+die|zij|hij)\s+(?:zei|zegt|vertelde|vond)\b",
    r"\bmijne?\s+(?:buurman|buurvrouw|nonkel|tante|collega|vriend|vriendin|broer|zus)\s+(?:zegt|zei|vindt|vond)\b",
    # "sister's mate works there and reckons", "my aunt went here once and said", "my brother-in-law … says"
    r"\b(?:my\s+)?(?:\w+'s\s+)?(?:mate|friend|aunt|uncle|cousin|neighbou?r|brother|sister|mum|mom|dad|gran|nan|"
    r"(?:brother|sister|mother|father)-in-law)\b[^.!?]{0,60}\b(?:says|said|reckons|reckoned|told\s+me|claims)\b",
    r"\b(?:can't|cannot|cant)\s+comment\s+myself\b|\b(?:ik\s+ben\s+er\s+)?zelf\s+nooit\s+geweest\b",
)
# "Never ordered" says the writer never came only at the start of a clause: "the wine we
# never ordered" is a real complaint.
_CLAUSE_START = re.compile(r"(?:^|[.!?;,:\n]|\b(?:and|but|en|maar)\b)\s*(?:\S+\s+){0,3}$", re.IGNORECASE)
_NEVER = re.compile(r"\b(?:never|nooit)\b", re.IGNORECASE)


def _no_experience(text: str) -> bool:
    for m in _NO_EXPERIENCE.finditer(text):
        if negated(text, m.start(), m.end()):
            continue
        if not _NEVER.match(text, m.start()) or _CLAUSE_START.search(text[max(0, m.start() - 60): m.start()]):
            return True
    return False


_BETTER = (
    r"(?i:better|cheaper|faster|nicer|friendlier|tastier|beter|goedkoper|sneller|lekkerder|vriendelijker)"
)
_COMPETITOR = rx(
    r"(?i:\b(?:competitor|competition|concurrent\w*)\b)",
    r"(?i:\b(?:the\s+place\s+)?(?:next\s+door|across\s+the\s+street|"
    r"down\s+the\s+road|round\s+the\s+corner)\b[^.!?]{0,30}\b(?:better|"
    r"cheaper|faster|nicer|friendlier|tastier)\b)",
    r"(?i:\b(?:much|way|far|so\s+much|a\s+lot|miles)\s+better\s+(?:at|than\s+at)\b)",
    r"(?i:\b(?:go|head|try|shop|order|eat|use)\s+(?:to\s+|at\s+|from\s+|"
    r"with\s+)?)[A-Z][\w'&-]{1,40}(?:\s+[A-Z][\w'&-]{1,40})?(?:\s+[a-z]\w*){0,3}(?i:\s+instead\b)",
    rf"\b(?!(?:It|This|That|The|Service|Food|Everything|Nothing|Het|Dit|"
    rf"Dat|De|Alles|Niets|Eten|Service)\b)[A-Z][\w'&-]{{1,40}}(?:\s+[A-Z][\w'&-]{{1,40}})?\s+(?i:is|"
    rf"are|was|zijn|is\s+echt)\s+(?i:(?:much|way|far|so\s+much|a\s+lot|"
    rf"miles|veel|stukken|een\s+stuk|vele\s+malen|echt|gewoon)\s+)?{_BETTER}\b",
    r"(?i:\b(?:veel|stukken|een\s+stuk|vele\s+malen|100x|honderd\s+keer|"
    r"tien\s+keer|10x)\s+(?:beter|lekkerder|goedkoper|sneller|vriendelijker)\s+(?:bij|is|zijn)\b)",
    r"(?i:\b(?:ga|gaat|ga\s+maar|ga\s+liever|ga\s+lekker|kun\s+je\s+beter|"
    r"kunt\s+u\s+beter|beter)\s+naar\s+)[A-Z]",
    r"(?i:\b(?:bij|naar)\s+de\s+(?:buren|overkant)\b)", r"(?i:\bliever\s+(?:naar|bij)\s+)[A-Z]",
    r"(?i:\bin\s+plaats\s+daarvan\b)", r"(?i:\bin\s+plaats\s+van\s+(?:hier|bij\s+(?:jullie|u|hen)|deze\s+zaak)\b)",
    r"(?i:\b(?:ga|gaat|gaan)\s+(?:toch\s+|gewoon\s+|liever\s+|maar\s+)+naar\s+)[A-Z]",
    r"(?i:\bi(?:'d|\s+would)\s+recommend\s+)[A-Z]", r"(?i:\bik\s+raad\s+)[A-Z]\w+(?i:\s+aan\b)",
    flags=0,
)
_COMPETITOR = rx(
    _COMPETITOR.pattern,
    # "the place across the street is so much nicer", "de zaak om de hoek is veel gezelliger"
    r"(?i:\b(?:across\s+the\s+(?:street|road)|next\s+door|down\s+the\s+road|round\s+the\s+corner|"
    r"aan\s+de\s+overkant|hiernaast|om\s+de\s+hoek|verderop)\b[^.!?]{0,30}\b(?:much|way|far|so\s+much|a\s+lot|"
    r"veel|stukken|een\s+stuk|echt)\s+\w+er\b)",
    r"(?i:\b(?:just|gewoon|toch|liever)\s+(?:go|head|ga|gaan)\s+(?:to|naar)\s+)[A-Z]",
    # "pop over to Fade Factory instead", "check out Sunny Side Diner on 5th instead", "point everyone to Nonna's"
    r"(?i:\b(?:pop|nip|get\s+yourself|check\s+out|walk|drive)\s+(?:over\s+|down\s+|round\s+)?(?:to\s+)?)[A-Z][\w'&-]{1,40}"
    r"(?:\s+\w+){0,5}(?i:\s+instead\b)",
    r"(?i:\bpoint\s+(?:everyone|people|you|anyone)\s+to\s+)[A-Z]",
    r"(?i:\b(?:go|head|try)\s+to\s+)[A-Z][\w'&-]{1,40}(?:\s+[A-Z][\w'&-]{1,40}){0,3}(?:\s+\w+){0,4}(?i:\s+instead\b)",
    r"(?i:\bfor\s+anyone\s+reading\s+this\b)",
    r"(?i:\b(?:beter|gerust)\s+(?:even\s+)?(?:doorrijden|doorfietsen|verder\s+rijden)\s+naar\s+)[A-Z]",
    r"(?i:\b(?:moet|moogt|kunt|kan)\s+(?:ge|je|u)\s+(?:eens|ne\s+keer|een\s+keer)\s+bij\s+)[A-Z]",
    r"(?i:\b(?:zou|raad)\s+ik\s+iedereen\s+)[A-Z]",
    r"(?i:\b(?:overgestapt|overgeschakeld)\s+naar\s+)[A-Z]",
    r"(?i:\b(?:go|ga|gaan|head)\s+(?:toch\s+)?(?:gewoon\s+)?(?:to|naar)\s+de\s+)[A-Z]",
    flags=0,
)
_INSULTS = rx(
    r"\b(?:idiots?|idiotic|stupid|morons?|moronic|clowns?|losers?|dumb|"
    r"retard\w*|scum|bitch\w*|assholes?|arseholes?|dickheads?|twats?|pigs)\b",
    r"\bf+u+c+k\w*", r"\bbunch\s+of\s+(?:idiots|clowns|amateurs|crooks|losers|morons|thieves)\b",
    r"\bbrain\s*dead\b",
    r"\b(?:idioot|idioten|debiel\w*|achterlijk\w*|sukkels?|eikels?|klootzak\w*|"
    r"kut\w*|tering\w*|kanker\w*|mongool\w*|lul|trut|randdebiel\w*|imbeciel\w*|mafkezen|hufters?|tyfus\w*)\b",
    r"\bstelletje\s+(?:idioten|prutsers|oplichters|sukkels|amateurs|clowns|eikels)\b",
    r"\bzielige\s+(?:zaak|mensen|tent)\b|\bboerenzaak\b|\bhoop\s+dat\s+(?:jullie|ze|u)\s+(?:snel\s+)?failliet\b",
)
_TAUNT = rx(
    r"\b(?:lol|lmao|rofl|haha\w*|nice\s+try|yeah\s+right|sure\s+sure|"
    r"whatever|cry\s+(?:more|me\s+a\s+river)|boo\s*hoo|who\s+cares|keep\s+(?:lying|dreaming|crying))\b",
    r"\b(?:copy[- ]?(?:and[- ])?paste\w*|corporate\s+(?:waffle|speak|nonsense)|waffle|triggered|take\s+a\s+bow|bravo|"
    r"course\s+you\s+are|better\s+than\s+(?:telly|tv|netflix)|robot|not\s+a\s+single\s+word|chatgpt|ai|pr\s+intern|"
    r"knippen\s+en\s+plakken|ingestudeerd\w*|canned\s+(?:reply|response|answer)|pr\s+(?:talk|"
    r"speak|nonsense|fluff)|blah\w*|bla\s*bla\w*|typical|pathetic|liars?|lying)\b",
    r"\b(?:ja\s*ja|jaja|tuurlijk|zal\s+wel|nou\s+en|boeiend|standaard\s*(?:antwoord|"
    r"praatje|reactie)|mooi\s+praatje|praatjes|huil\s+maar|blijf\s+maar\s+liegen|"
    r"leugenaars?|liegen|gelul|geouwehoer)\b",
    r"\b(?:nobody|no\s+one|niemand)\s+(?:believes|gelooft|buys|trusts|vertrouwt)\b",
    r"\b(?:don't|do\s+not)\s+bother\s+(?:replying|responding|answering)\b",
    r"\bdoe\s+(?:maar\s+)?geen\s+moeite\b", r"\b(?:zielig|zielige|pathetisch|lachwekkend|triest)\b",
    r"\b(?:leuk|mooi|goed)\s+geprobeerd\b", r"\bnep\w*\b", r"\bfake\b",
    r"\b(?:zelfde|hetzelfde|standaard)\s+(?:antwoord|reactie|tekst)\b", r"\bstandaard\w+\b",
    r"\bpr[- ]?(?:mannen|mensen|afdeling|team|praatje|machine|people|department|officer)\b",
)
_REQUEST = rx(
    r"\b(?:when\s+will|can\s+you|could\s+you|i\s+want|i\s+still|refund)\b",
    r"\b(?:graag|wanneer|kunt\s+u|kunnen\s+jullie|ik\s+wil|ik\s+wacht|geld\s+terug)\b",
)
_LINK = rx(
    r"\bhttps?://\S+", r"\bwww\.\S+",
    r"(?<![\w@.-])[\w-]{1,63}(?:\.[\w-]{1,63})*\.(?:com|nl|be|net|org|io|shop|biz|info|xyz|ru|top|store|"
    r"online|me|co|app|site|club|live|vip|pro|bet|win|cc|ly|gg)\b(?:/\S*)?",
    # a handle or number to message instead of a link
    r"\b(?:telegram|whatsapp|signal|instagram|insta|snapchat|tiktok|wechat|app(?:\s+me)?|dm)\b[^.!?]{0,20}"
    r"(?:@[\w.]{3,}|\+?\d[\d\s-]{7,}\d)",
    r"(?<![\w.])t\.me/\w+", r"(?<![\w.])wa\.me/\d+", r"(?<![\w.@])@[a-z][\w.]{3,}",
)
_CRYPTO_WORDS = r"crypto\w*|bitcoin\w*|btc|eth|ethereum|solana|dogecoin|staking|airdrop\w*|forex\w*|nft"
_CRYPTO = rx(rf"\b(?:{_CRYPTO_WORDS})\b")
# Money made from nothing: crypto, trading, "passive income", "went up 300%".
_MONEY_TALK = rx(
    # trading as in markets, not a card shop's trading night
    rf"\b(?:{_CRYPTO_WORDS}|day\s*trad\w*|"
    r"handelen\s+in\s+\w+|"
    r"trad(?:er|ing)\s+(?:platform|signals?|bot|account|app|course|group)|portfolio|portefeuille|"
    r"passive\s+income|passief\s+inkomen|beleggen|belegging\w*|rendement|investment\s+platform)\b",
    r"\b(?:gains|profits?|winsten?|returns?)\b[^.!?]{0,40}\b(?:unreal|insane|crazy|niet\s+normaal|huge|enorm)\b",
    r"\b(?:went\s+up|ging|steeg|grew)\s+(?:\w+\s+)?\d+\s*%",
    r"\b(?:omgezet|veranderd|turned|grew)\s+in(?:to)?\s+[€$£]\s?\d", r"\b(?:signalen|signals)\b",
    r"\b(?:invested|ingelegd|geïnvesteerd|put\s+in)\b[^.!?]{0,60}\b(?:back|terug|returned)\b",
    r"\b(?:make|earn|verdien)\s+(?:up\s+to\s+)?[€$£]?\s?\d[\d.,]*\s*(?:k|euro|dollars?|pounds?)?\s*(?:a|per|each|"
    r"per)\s+(?:week|day|month|dag|maand)\b",
)
_REPEATED = re.compile(r"(\b\w[^.!?\n]{15,}?[.!?]*)\s+\1", re.IGNORECASE)
_SALES = rx(
    r"\b(?:buy|cheap|cheapest|discount|promo\w*|deals?|click|visit|check\s+out|grab|"
    r"follow|subscribe|earn|crypto|bitcoin|forex|invest\w*|followers|"
    r"seo|casino|loans?|dating|order\s+now|limited\s+offer|dm\s+me|singles|check|join|bonus\w*|"
    r"message\s+me|contact\s+(?:me|him|her))\b",
    r"\b(?:kijk\s+(?:snel\s+|nu\s+)?op|doet?\s+mee|kom\s+erbij|bonussen|singles|neem\s+contact\s+op|stuur\s+me)\b",
    r"\b(?:lenen|lening\w*|krediet\w*|vraag\s+(?:\w+\s+)?aan|volgers|likes|app\s+(?:hem|haar|me|mij|ons))\b",
    r"\b(?:koop|kopen|goedkoop|goedkoopste|korting|aanbieding\w*|klik|"
    r"bezoek|volg|verdien\w*|beleggen|gratis|bestel\s+nu|actie)\b",
)
_SPAM = rx(
    r"\b(?:earn|verdien)\s+(?:up\s+to\s+)?[€$]?\s?\d+", r"\bbuy\s+(?:followers|likes|reviews)\b",
    r"\b(?:crypto|bitcoin|forex)\s+(?:trading|investment|signals|tips)\b",
    r"\bseo\s+(?:services|expert|agency)\b", r"\bcasino\b",
    r"\b(?:klik|click)\s+(?:hier|here|op\s+de\s+link|the\s+link)\b",
    # an advert in words: reviews sold, a pitch with its call to action, "kijk op mijn profiel"
    r"\b(?:5|five|vijf)[- ]star\s+reviews\b|\b\d+\s+(?:positieve\s+)?reviews\s+per\s+(?:maand|week)\b",
    r"\b(?:call|message|contact|dm|text)\s+us\s+(?:today|now|for\s+a\s+(?:quote|free\b))",
    r"\bunbeatable\s+(?:rates|prices)\b|\b(?:bel|mail|app)\s+ons\s+(?:vandaag|nu)\b|\breageer\s+(?:nu|vandaag)\b",
    r"\b(?:check|see|visit)\s+my\s+profile\b|\bkijk\s+(?:eens\s+|snel\s+)?op\s+mijn\s+profiel\b",
    r"\b(?:volg|boek|bestel)\s+(?:onze|nu\s+onze|mijn)\s+(?:cursus|training|workshop)\b|\balleen\s+deze\s+week\b",
    r"\b(?:real|echte)\s+(?:\w+\s+)?(?:followers|volgers)\b|\bmeer\s+volgers\b|(?-i:\bDM\s+\W?[A-Z]{3,}\b)",
    r"\b(?:nodig|interesse|interested)\s*\?[^.!?]{0,80}\b(?:bel|call|mail|dm|zoek\s+ons|contact)",
    r"\b(?:wij|we)\s+(?:bouwen|maken|leggen|regelen|build|make|install)\b[^.!?]{0,60}\b(?:vanaf|from)\s+[€$£]?\s?\d",
    r"\b(?:logos?|websites?|website\s+design)\s+from\s+[€$£]\d",
    r"\bik\s+regel\s+voor\s+(?:u|je|jullie)\b|\bzet\s+gewoon\s+\w+\s+in\s+de\b",
    r"\b(?:ik|wij)\b[^.!?]{0,40}\b(?:doe|bied|bieden|doen)\b[^.!?]{0,60}\b(?:aan\s+huis|bij\s+mij\s+thuis|voor\s+de\s+helft|"
    r"\d+\s*%\s+(?:minder|goedkoper))",
)
_COMPLAINT = rx(
    r"\b(?:bad|terrible|awful|horrible|worst|poor|disappointing|disappointed|"
    r"never\s+again|avoid|rubbish|useless|scam|rip[- ]?off|disgusting|gross|dirty|rude|meh|ugh)\b",
    r"\b(?:bah|pff+|jammer|boos|nee)\b",
    r"\b(?:slecht\w*|waardeloos|vreselijk|verschrikkelijk|belabberd|"
    r"teleurgesteld|teleurstellend|nooit\s+meer|ramp|bagger|niet\s+goed|"
    r"oplichters?|afrader|vies|smerig|walgelijk|onbeschoft)\b",
    r"👎|😡|🤬|😠",
)


def triage(text: str, *, stars: int | None = None, language: str | None = None,
           after_team_reply: bool = False) -> Triage:
    """Signals in SIGNALS order and a suggestion; "respond" whenever in doubt.

    A concrete experience outweighs insults or praise for a competitor: an angry
    customer is still a customer. `stars` only matters for posts without words.
    `language` (detected when None) picks the message catalog for the signals.
    """
    text = readable(text)
    found = rule_signals(text, after_team_reply=after_team_reply)
    signals = tuple(s for s in SIGNALS if s in found)
    suggestion = _suggest(found, text, stars)
    if (read := model()) is not None and not _worth_answering(found, text, stars, after_team_reply):
        margins, _ = read.margins([features(text, found, after_team_reply)])
        suggestion = "ignore" if margins[0, 0] >= 0 else "respond"
        if suggestion == "ignore" and not found & _IGNORE_SIGNALS:
            signals += ("reads_like_spam",)
    return Triage(suggestion, signals, language or detect_language(text))


def readable(text: str | None) -> str:
    """The review as the hint reads it: its start, with one kind of apostrophe."""
    return (text or "")[:READ_LIMIT].replace("’", "'")


def rule_signals(text: str, *, after_team_reply: bool = False) -> set[str]:
    """What the rules find in a `readable` review: the model's evidence, and the card's reasons."""
    found: set[str] = set()
    if _no_experience(text):
        found.add("no_experience")
    weak = {m.group().lower() for m in _WEAK.finditer(text)}
    if _REPEATED.search(text):
        found.add("repeated")
    if _MONEY_TALK.search(text):
        found.add("money_talk")
    if _SPAM.search(text) or (_LINK.search(text) and (_SALES.search(text) or found & {"repeated", "money_talk"})):
        found.add("sales_links")
    # Amounts and dates in an advert say nothing about a customer's experience.
    if not found & {"sales_links", "money_talk"} and (
            _STRONG.search(text) or (len(weak) >= 2 and "no_experience" not in found)):
        found.add("concrete_experience")
    if _COMPETITOR.search(text):
        found.add("competitor_praise")
    if _INSULTS.search(text):
        found.add("insults")
    if word_count(re.sub(r"\d+", " ", text)) <= 3:
        found.add("no_content")
    if (after_team_reply and "concrete_experience" not in found and not _REQUEST.search(text)
            and (_TAUNT.search(text) or "insults" in found)):
        found.add("provocation")
    return found


def features(text: str, found: set[str], after_team_reply: bool) -> list[str]:
    """What the model reads: the words, word pairs and word pieces, the signals the rules
    found (in SIGNALS order), and, after the team's reply, the words again as said then."""
    words = words_of(text)
    out = words + [f"s {signal}" for signal in SIGNALS if signal in found]
    if after_team_reply:
        out += ["after"] + [f"after {f}" for f in words if f.startswith("w ")]
    return out


@lru_cache(maxsize=1)
def model() -> linear.Linear | None:
    return linear.load(MODEL)


def _worth_answering(found: set[str], text: str, stars: int | None, after_team_reply: bool) -> bool:
    """What the model may not overrule: a concrete experience told without
    spam, a bare complaint ("rude staff"), a low rating with nothing else to go on, a question
    or request after the team's reply."""
    if found & _SPAM_SIGNALS:
        return False
    return ("concrete_experience" in found or ("no_content" in found and bool(_COMPLAINT.search(text)))
            or (stars is not None and stars <= 2 and not found - {"no_content"})
            or (after_team_reply and ("?" in text or bool(_REQUEST.search(text)))))


def _suggest(found: set[str], text: str, stars: int | None) -> str:
    if found & {"sales_links", "provocation"}:
        return "ignore"
    if found & {"money_talk", "repeated"} and "concrete_experience" not in found:
        return "ignore"
    if _CRYPTO.search(text) and not _COMPLAINT.search(text):  # crypto told as a story, no complaint
        return "ignore"
    if "concrete_experience" in found:
        return "respond"
    if found & {"no_experience", "competitor_praise", "insults"}:
        return "ignore"
    if "no_content" in found:
        # A bare low rating still says something went wrong; "👍" or "test" does not.
        complaint = _COMPLAINT.search(text) or (stars is not None and stars <= 2)
        return "respond" if complaint else "ignore"
    return "respond"
