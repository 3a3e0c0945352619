"""Replies that dismiss the customer: their word set against the business's records,
the complaint made small, or no comment at all."""

from __future__ import annotations

from desk.advice.coach.text import rx, widen

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
CONTRADICTS = rx(
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
    # "not true", not "not what you come for" ("niet waar je voor komt")
    r"bewering))\s+is\s+(?:gewoon\s+|simpelweg\s+|echter\s+)?(?:niet\s+waar(?!\s+(?:je|u|jij|jullie|we|wij|men|ik|"
    r"iemand|mensen|klanten|gasten)\b)|onjuist|onwaar)\b",
    r"(?:^|(?<=[.!?])\s+)(?:dat|dit|wat\s+u\s+(?:schrijft|zegt|beweert))\s+klopt\s+(?:gewoon\s+|"
    r"simpelweg\s+|echter\s+)?niet\b",
    r"\b(?:uw|je)\s+(?:verhaal|bewering)\s+klopt\s+niet\b",
    r"\b(?:dat|dit)\s+is\s+(?:nooit|niet)\s+gebeurd\b",
    r"\b(?:u|je)\s+vergist\s+(?:zich|je)\b", r"\b(?:u|je)\s+(?:heeft|hebt)\s+(?:het\s+)?ongelijk\b",
    r"\bniet\s+(?:terug\s+)?te\s+vinden\s+in\s+(?:ons|onze)\s+(?:systeem|administratie)\b",
)

BELITTLES = rx(
    r"\b(?:only|just|merely)\s+(?:a\s+)?(?:few|couple\s+of|\d+|five|ten|two|three)\s+minutes?\b",
    r"\boverreact\w*\b", r"\bexaggerat\w*\b",
    r"\b(?:make|making|made)\s+(?:such\s+)?a\s+(?:big\s+)?(?:fuss|drama|mountain)\b",
    r"\bstorm\s+in\s+a\s+teacup\b", r"\b(?:no|not\s+(?:such\s+)?a|hardly\s+a)\s+big\s+deal\b",
    r"\b(?:isn't|is\s+not|wasn't|was\s+not)\s+(?:a\s+|such\s+a\s+)?(?:huge|big|major|massive)\s+deal\b",
    r"\b(?:isn't|is\s+not|wasn't|was\s+not)\s+the\s+end\s+of\s+the\s+world\b",
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

NO_COMMENT = rx(
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


# --- the same moves in other words ------------------------------------------------
# Records cited softly ("we checked our system and it shows"), a complaint made small
# politely ("hardly the end of the world"), a no-comment that is long and kind.

_RECORD_NOUNS = (
    r"(?:system|records?|logs?|data|booking|cctv|footage|camera|receipt|till\s+roll|till|timesheet|"
    r"tracking(?:\s+data)?|notes|job\s+card|(?<!\bde\s)files?|"
    r"systeem|logboeken|logboek|gegevens|camerabeelden|beelden|bon|kassarol|kassabon|urenstaat|"
    r"track-?(?:and|en|&)-?trace|notities|kassasysteem|administratie|planning)"
)
CONTRADICTS = widen(
    CONTRADICTS,
    rf"\b(?:according\s+to|as\s+far\s+as)\s+(?:our|the|my)\s+{_RECORD_NOUNS}\b",
    rf"\b(?:our|the|my)\s+(?:\w+\s+)?{_RECORD_NOUNS}\s+(?:clearly\s+)?(?:shows?|showed|says?|said|indicates?|confirms?|proves?|"
    rf"states?)\b",
    rf"\b(?:looking\s+at|looked\s+at|checked)\s+(?:our|the|my)\s+{_RECORD_NOUNS}\b",
    r"\bvolgens\s+(?:ons|onze|de|het)\s+\w*(?:logboek|gegevens|systeem|administratie|registratie|beelden|planning|"
    r"urenstaat|notities|boeking)\b",
    r"\b\d{1,2}[:.]\d{2}(?:\s*uur)?\s*,\s*(?:not|niet)\s+(?:om\s+|at\s+)?\d{1,2}[:.]\d{2}\b",
    rf"\b(?:volgens|in|op|uit)\s+(?:ons|onze|de|het)\s+{_RECORD_NOUNS}\b[^.!?]{{0,30}}\b(?:staat|blijkt|zien|te\s+zien|"
    rf"klaar|bij|om|binnen|na|gewoon)\b",
    rf"\b(?:ons|onze|de|het)\s+{_RECORD_NOUNS}\s+(?:\w+\s+)?(?:laten\s+zien|laat\s+zien|toont|tonen|geeft|geven|zegt)\b",
    r"\b(?:that|this)\s+(?:isn't|is\s+not|wasn't|was\s+not)\s+(?:quite\s+|entirely\s+|exactly\s+)?what\s+happened\b",
    r"\b(?:not|isn't)\s+(?:entirely\s+|quite\s+|simply\s+)?accurate\b", r"\bsimply\s+not\s+(?:true|accurate|correct)\b",
    r"\b(?:doesn't|does\s+not|don't)\s+match\s+(?:what(?!\s+(?:you|u|je)\b)|our)\b",
    r"\b(?:zo|dat)\s+is\s+(?:het\s+)?(?:niet|anders)\s+(?:helemaal\s+)?(?:gegaan|gebeurd)\b",
    r"\bkomt\s+niet\s+overeen\s+met\b",
    # "you were told" as a fact against them, not "when you were told one day", "what you were told"
    # nor what they were told owned or supposed: "(I apologise) that you were told …", "if you were told"
    r"(?<!\bwhen\s)(?<!\bwhat\s)(?<!\bafter\s)(?<!\bthan\s)(?<!\bas\s)(?<!\btoen\s)(?<!\bwat\s)(?<!\bthat\s)"
    r"(?<!\bif\s)(?<!\bals\s)(?<!\bthen\s)(?<!\bdan\s)(?<!\bwhatever\s)(?<!\bsorry:\s)(?<!\bsorry,\s)"
    r"\b(?:you|u|je)\s+(?:were|was|werd|is|bent)\s+(?:\w+\s+)?(?:told|informed|verteld|gezegd|geïnformeerd|gemeld)\b"
    r"(?!\s+(?:to\s+expect|you'd|you\s+would|that\s+you'd))"
    # what they were told, owned as wrong: "you were told it was sealed, and it wasn't"
    r"(?![^.!?]{0,60}\b(?:and|but|en|maar)\s+(?:it|that|this|he|she|they|het|dat|die)\s+(?:wasn't|was\s+not|isn't|"
    r"weren't|didn't|klopte\s+niet|was\s+niet|bleek\s+niet))",
    # "is u verteld", "we hebben je gezegd"; not what they told: "had je liever over je weekend verteld"
    r"\b(?:is|werd|hebben|heb|heeft|hadden)\s+(?:\w+\s+)?(?:u|je)\s+(?:\w+\s+)?verteld\b",
    # not in a clause that gives them what they asked for ("the anti-snap one you asked for")
    r"(?<!\bwhat\s)(?<!\bwat\s)(?<!\bwhen\s)(?<!\bafter\s)(?<!\btoen\s)(?<!\bone\s)(?<!\bthat\s)(?<!\bwhich\s)"
    r"(?<!\bthan\s)(?<!\bdan\s)"
    r"\b(?:you|u|je)\s+(?:asked\s+for|declined|refused|signed\s+for|(?:heeft|hebt)\s+(?:\w+\s+){0,3}(?:geweigerd|gevraagd))\b"
    # what they asked for, owned as not done: "you asked for brown and we put black on"
    r"(?![^.!?]{0,40}\b(?:and|but|en|maar)\s+(?:we|i|wij|ik)\b)",
    r"\b(?:sent|gestuurd|verstuurd)\s+(?:\w+\s+){0,2}(?:to\s+you|naar\s+(?:u|je))\s+(?:twice|two\s+times|twee\s+keer)\b",
    # what we did, told against them ("we hebben zelfs twee keer gebeld"), not their complaint
    # repeated ("en dat zelfs twee keer")
    r"\b(?:zelfs|actually|in\s+fact|sterker\s+nog)\b(?=[^.!?]{0,60}\b(?:we|wij|ik|i|our|ons|onze)\b)[^.!?]{0,60}\b"
    r"(?:twice|two\s+times|twee\s+keer|sent|gestuurd|on\s+time|op\s+tijd)\b",
    r"\bwel\s+degelijk\b",
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:uur|u|am|pm|h)?\s*,\s*(?:not|niet)\s+(?:om\s+|at\s+)?\d{1,2}\b",
    r"\b(?:checked|controle\s+van|nagekeken|teruggeluisterd|listened\s+back\s+to|looked\s+(?:back\s+)?at)\s+"
    r"(?:the\s+|our\s+|de\s+|onze\s+|ons\s+|het\s+)?\w*(?:recording|opname|agenda|book|log|logboek|footage|"
    r"beelden|gps|data|gegevens)\b",
    r"\b(?:op|in|uit)\s+(?:de|het|onze|ons)\s+[^.!?]{0,40}\bis\s+te\s+zien\s+dat\b",
    r"\b(?:you|u|je)\s+(?:were|was|werd|is)\s+(?:\w+\s+)?(?:offered|aangeboden)\b",
    r"\b(?:herinneren|herinnert)\b[^.!?]{0,40}\bniet\b", r"(?:\bnot|n't)\s+(?:quite\s+|exactly\s+|entirely\s+)?how\s+"
    # how we remember it, not how they wanted to remember their night
    r"(?!(?:you|anyone|anybody)\s+(?:\w+\s+)?(?:wanted|hoped|want|wants|would\s+(?:want|like))\s+to\b)"
    r"[^.!?]{0,30}\b(?:remember|recall)\b",
    r"\b(?:strookt|klopt)\s+niet\s+met\b", r"\b(?:doesn't|does\s+not)\s+(?:match\s+(?:our|what\s+(?:we|I)|the\s+(?:records?|footage|log|system|notes))\b|"
    r"add\s+up|tally)\b",
    r"\b(?:according\s+to|volgens)\s+(?:the|de|het|our|onze)\s+(?:courier's|driver's|\w+)\s+(?:photo|foto|gps|log)\b",
    r"\b(?:we\s+have|there\s+is|wij\s+hebben|we\s+hebben)\s+(?:no|geen)\s+(?:record|call|telefoontje|melding)\b",
    r"\bgeen\s+(?:\w+\s+){0,2}(?:van\s+u\s+)?genoteerd\b",
    r"\b(?:was\s+signed\s+for|heeft\s+aangenomen)\b",
)
BELITTLES = widen(
    BELITTLES,
    r"\b(?:only|just|merely|slechts|maar)\s+(?:a\s+|een\s+)?(?:\w+[- ])?(?:minute|minuut|minuten|minutes)\b",
    r"\b(?:nothing\s+more\s*[.!]|meer\s+niet\b|that's\s+all\s*[.!]|dat\s+is\s+alles\s*[.!])",
    r"\b(?:het\s+ging|ging\s+het)\s+(?:maar\s+|slechts\s+)?om\s+(?:\w+\s+){0,2}(?:minuten|minuut)\b",
    r"\bgeen\s+\w*ramp\b", r"\b(?:hardly|barely|not\s+really)\s+worth\b", r"\bgeen\s+[^.!?]{0,25}\bwaard\b",
    r"\b(?:gaat|ging)\s+(?:het\s+)?(?:maar|slechts|toch\s+maar)\s+om\b",
    r"\b(?:it's|it\s+is|it\s+was)\s+(?:only|just)\s+(?:a|an|one|two|\d)",
    r"\b(?:only|just)\s+a\s+couple\s+of\b",
    r"\b(?:took|takes|in)\s+(?:a\s+few\s+|just\s+|only\s+)?seconds\b|\bpaar\s+seconden\b",
    r"\b(?:minor|small|little|tiny|slight)\s+(?:mix-?up|error|hiccup|delay|misunderstanding|inconvenience|mistake)\b",
    r"\bklein\w*\s+(?:misverstand\w*|foutje|vertraging|ongemak\w*|vergissing\w*)\b",
    r"\b(?:doesn't|does\s+not|won't)\s+ruin\b|\bverpest\s+toch\s+geen\b",
    r"\bover\s+(?:the|de)\s+top\b", r"\b(?:hardly|barely|scarcely)\s+(?:the\s+end|visible|noticeable|a\s+problem)\b",
    r"\b(?:zie\s+je|zichtbaar|merk\s+je|valt\s+(?:het|dat))\s+(?:\w+\s+)?nauwelijks\b|\bnauwelijks\s+(?:zichtbaar|te\s+zien)\b",
    r"\b(?:hardly|not\s+exactly|barely)\s+a\s+(?:disaster|catastrophe|tragedy|crime)\b",
    r"\b(?:(?:isn't|aren't|is\s+not|are\s+not|not)\s+the\s+end\s+of\s+the\s+world|einde\s+van\s+de\s+wereld\s+niet|"
    r"geen\s+ramp|toch\s+geen\s+ramp)\b",
    r"\b(?:a\s+bit|a\s+little|rather|somewhat|wat|een\s+beetje|nogal)\s+(?:much|dramatic|harsh|strong|"
    r"overdreven|dramatisch|streng|zwaar|sterk)\b",
    r"\b(?:keep|put)\s+(?:things|it|this)\s+in\s+perspective\b", r"\bin\s+verhouding\s+houden\b",
    r"\bmountain\s+out\s+of\s+a\s+molehill\b", r"\bvan\s+een\s+mug\s+een\s+olifant\b",
    r"\bno\s+need\s+to\s+get\s+(?:so\s+)?(?:worked\s+up|upset|angry)\b", r"\b(?:(?:niet\s+)?(?:zo\s+)?op\s+te\s+winden|opwinden)\b",
    r"\b(?:minor|small|little|tiny)\s+(?:thing|detail|issue|stain|mark|scratch)\b", r"\bbijzaak\b",
    r"\b(?:klein|kleine)\s+(?:detail|dingetje|dingen)\b",
    r"\b(?:wouldn't|would\s+not|zouden?)\s+(?:even\s+)?(?:notice|niet\s+eens\s+zien|zien)\b[^.!?]{0,20}",
    r"\bniet\s+eens\s+(?:zien|merken|opvallen)\b",
    r"\b(?:seems|is|sounds|vinden\s+we|vind\s+ik)\s+(?:a\s+bit\s+|rather\s+|wat\s+)?(?:harsh|streng|overdreven)\b",
    r"\b(?:maar|toch|gewoon)\s+(?:een\s+)?\w+(?:je|tje|pje)\b(?!\s+(?:sturen|geven|doen))",
    r"\b(?:surprised|verbaast)\b[^.!?]{0,40}\b(?:small|klein|such\s+a)\b|\b(?:small|klein)\b[^.!?]{0,40}\b(?:surprised|verbaast)\b",
)
NO_COMMENT = widen(
    NO_COMMENT,
    r"\b(?:prefer|rather|choose|chosen|decline|declines)\s+(?:not\s+)?(?:to\s+)?(?:not\s+)?(?:discuss|comment|respond|"
    r"engage|go\s+into|reply)\b",
    r"\b(?:won't|will\s+not|not\s+going\s+to|are\s+not\s+going\s+to|will\s+not\s+be|won't\s+be|shall\s+not)\s+"
    r"(?:be\s+)?(?:discuss|comment|respond|engag|go\s+into|reply)\w*\b",
    r"\bnothing\s+(?:further|more|else)\s+to\s+add\b|\bno\s+further\s+comment\b",
    # a kind of matter never discussed in public: "we do not discuss individual contracts on public forums"
    r"\b(?:we|i)\s+(?:do\s+not|don't|never|cannot|can't)\s+(?:publicly\s+)?(?:discuss|comment\s+on|address|go\s+into|"
    r"respond\s+to)\s+(?:individual|specific|personal|any|customer|client)\b[^.!?]{0,80}\b(?:public(?:ly)?|online|"
    r"forums?|platforms?|social\s+media|review\s+sites?|here)\b",
    r"\bbespreken\s+(?:wij|we|ik)\s+(?:\w+\s+){0,3}niet\s+(?:op\s+internet|online|openbaar|publiekelijk|hier|"
    r"via\s+(?:reviews|deze\s+weg))\b",
    r"\b(?:wij|we|ik)\s+bespre(?:ken|ek)\s+(?:\w+\s+){0,3}niet\s+(?:op\s+internet|online|openbaar|publiekelijk|hier|"
    r"via\s+(?:reviews|deze\s+weg))\b",
    r"\b(?:liever\s+niet|niet\s+inhoudelijk|niet\s+op\s+in|hier\s+niet\s+(?:op\s+)?in|niet\s+(?:verder\s+)?in\s+op|"
    r"geen\s+uitspraken|geen\s+mededelingen|niet\s+(?:gaan\s+)?reageren|niet\s+(?:gaan\s+)?bespreken|"
    r"verder\s+geen\s+commentaar)\b",
    # not "zo gaan wij niet met klanten om" (that is not how we treat people)
    r"(?<!\bzo\s)\b(?:gaan|reageren)\s+(?:wij|we)\s+(?:\w+\s+){0,5}(?:niet|liever\s+niet)\b(?!\s+met\b)",
    r"\b(?:niet\s+iets\s+wat|not\s+something)\s+(?:we|wij)\b[^.!?]{0,30}\b(?:bespreken|discuss)\b",
    r"\bvoor\s+wat\s+(?:ze|het)\s+(?:zijn|is)\b",
    r"\b(?:we'll|we\s+will|let's)\s+leave\s+it\s+(?:there|at\s+that)\b", r"\bdaar\s+laten\s+(?:we|wij)\s+het\s+bij\b",
    r"\b(?:this|the|that|deze|die|de)\s+(?:matter|kwestie|zaak|case|issue)\s+(?:is\s+)?(?:\w+\s+)?(?:closed|afgesloten|gesloten)\b",
    r"\b(?:is|was)\s+(?:deze|die|de)\s+(?:kwestie|zaak)\s+(?:\w+\s+)?(?:afgesloten|gesloten)\b", r"\bniets\s+(?:aan\s+)?toe\s+te\s+voegen\b",
)
