"""What a good reply contains: thanks, empathy, an apology and an offer to talk privately."""

from __future__ import annotations

from desk.advice.coach.text import rx

THANKS = rx(
    r"\bthank(?:s|\s+you|ful)\b", r"(?<!\bbe\s)\bgrateful\b(?!\s+if)",
    r"(?<!'d\s)(?<!\bwould\s)\bappreciate\b(?!\s+(?:a|the)\s+chance)", r"\bcheers\s+for\b",
    r"\bbedankt\b", r"\bdank\s*(?:je|u|jullie)(?:\s*wel)?\b", r"\b(?:veel|hartelijk|heel\s+erg)\s+dank\b",
    r"\bdank\s+voor\b", r"\bdankbaar\b", r"\bwaardeer\w*\b",
    r"\bmerci\b", r"\bdank\s+(?:om|dat)\b", r"\b(?:wij|we|ik)\s+danken\b", r"\bwaarderen\s+het\b", r"\bdankuwel\b|\bdankjewel\b",
    # "Fijn dat je dit laat weten", "Glad you told us": thanks in other words.
    r"\b(?:fijn|goed|mooi|super|blij|fijn\s+en\s+goed|heel\s+fijn|glad|good|great|nice|happy)\s+"
    r"(?:dat\s+|that\s+)?(?:je|u|jij|you)\b[^.!?]{0,50}\b(?:laat\s+weten|laten\s+weten|meldt|meldde|vertelt|"
    r"vertelde|deelt|deelde|schrijft|schreef|de\s+moeite|de\s+tijd|told|tell|let\s+us\s+know|shared|wrote|"
    r"took\s+the\s+time|raised|flagged|reached\s+out)",
)
THANKS_NOT = rx(r"\s+for\s+nothing\b", r"\s+voor\s+niets\b",
                # thanks for patience alone, not "for your patience and for this review"
                r"\s+(?:(?:so|very)\s+much\s+)?(?:again\s+)?for\s+(?:your|the)\s+(?:patience|understanding)\b"
                r"(?![^.!?]*\b(?:review|feedback|message|comments?)\b)",
                r"\s+(?:alvast\s+|nogmaals\s+|ook\s+)?voor\s+(?:uw|je|jouw|het)\s+(?:geduld|begrip)\b(?![^.!?]*\b(?:review|feedback|bericht|recensie|uitleg)\b)",
                # for their custom, not for telling us: "thanks for choosing us for your battery change"
                r"\s+(?:(?:so|very)\s+much\s+)?for\s+(?:choosing\s+us\b|picking\s+us\b|using\s+us\b|coming\b(?!\s+back\b)|visiting|booking|"
                r"calling\s+us\s+out\b(?!\s+on)|calling\s+us\b|trusting\s+us\b|being\s+(?:part|a\s+member|with\s+us)\b|"
                r"giving\s+(?:us|our\s+\w+|\w+)\s+a\s+(?:try|go|chance|shot)\b|your\s+(?:custom|business|loyalty|support|visit|order)\b|"
                r"(?:staying|shopping|dining|eating|ordering|flying|travell?ing)\s+with\s+us\b)"
                r"(?![^.!?]*\b(?:review|feedback|message|comments?|letting\s+us\s+know|telling|honest\w*|"
                r"taking\s+the\s+time|writing)\b)",
                # for coming, choosing or celebrating with us: "bedankt voor jullie bezoek", "bedankt dat
                # u voor ons gekozen heeft", "dank dat jullie dit feest bij ons wilden vieren"
                r"\s+(?:alvast\s+|nogmaals\s+|ook\s+)?voor\s+(?:uw|je|jouw|jullie|het)\s+(?:bezoek|komst|vertrouwen|aankoop|bestelling|reservering|boeking|"
                r"keuze|klandizie)\b(?![^.!?]*\b(?:review|feedback|bericht|recensie|reactie|laten\s+weten|melden)\b)",
                r"\s+(?:om|dat)\s+(?:u|je|jij|jullie)\b[^.!?,]{0,60}?\b(?:gekozen|kozen|koos|kiest|kiezen|vieren|vierden|"
                r"gevierd|komen|kwamen|kwam|gekomen|geboekt|boekten|reserveerden|gereserveerd|vertrouwen|vertrouwden)\b"
                r"(?![^.!?]*\b(?:review|feedback|bericht|recensie|laten\s+weten|melden|schrijven|vertellen|delen)\b)",
                # understanding, not thanks: "I appreciate how much a family piece means", "we appreciate
                # that waiting is frustrating" (but "we appreciate that you took the time")
                r"\s+(?:how|what|why)\b",
                r"\s+that\b(?!\s+(?:you|u|je)\s+(?:\w+\s+)?(?:took|told|let|wrote|shared|raised|flagged|brought|came|"
                r"reached|got\s+in\s+touch|left|posted|gave|spoke|nam|liet|schreef|deelde|meldde)\b)",
                r"\s+it\s+(?:if|when)\b")

EMPATHY = rx(
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
    # How it felt, in other words: feelings named about the experience...
    r"\b(?:gutted|heartbreak\w*|miserable|horrible|awful|upsetting|frustrating|disappointing|annoying|"
    r"stressful|worrying|distressing|infuriating|exhausting|unpleasant|let-?down|no\s+fun|felt\s+like|"
    r"(?:stress|hassle|trouble|worry|upset)\s+(?:this|it|that)\s+(?:has\s+)?caused|a\s+(?:real\s+)?pain|"
    r"nightmare|hassle|fobbed\s+off|cross|heart\s+sink|heart\s+sank|oh\s+no)\b",
    r"\b(?:stress|zorgen|gedoe|last)\s+die\s+(?:dit|het|dat)\s+(?:u|je\s+)?(?:gaf|gegeven|bezorgde|opleverde)\b",
    r"\bhoe\s+(?:\w+\s+)?(?:vervelend|naar|rot|frustrerend)\b", r"\bvoelde\s+als\b",
    r"\b(?:is|was)\s+(?:echt\s+|ook\s+|gewoon\s+)?niet\s+(?:fijn|leuk)\b", r"\blastig\s+als\s+(?:je|u)\b",
    r"\b(?:balen|baalde|domper|rotstart|zuur|zonde|kwetsend|(?:geen\s+)?pretje|(?:een|wat\s+een)\s+gedoe|"
    r"ergerlijk|teleurstelling|gênant|genant|(?:het\s+)?zat\s+was|geen\s+wonder|"
    r"frustrerend|teleurstellend|stressvol|zorgelijk|afgescheept|in\s+de\s+steek\s+gelaten|"
    r"rotervaring|nachtmerrie|ellende)\b", r"\b(?:schrok\s+ik|ik\s+schrok|(?:we|wij)\s+schrokken)\b",
    # ...or the customer's side of it taken.
    r"\b(?:i|we)\s+(?:\w+\s+)?(?:see|know|get|understand|imagine|hear|can\s+tell)\s+(?:why|how|what)\b",
    # "What a rotten end", "Wat een nare verrassing": a bad experience named as such.
    # ("sorry you had such a poor experience" apologises; it does not say how it felt)
    r"(?<!\bhad\s)\b(?:what|such)\s+an?\s+(?:rotten|horrible|awful|miserable|nasty|unpleasant|terrible|dreadful|"
    r"frustrating|disappointing|stressful|bad|poor|sorry)\b",
    r"\bwat\s+een\s+(?:nare|rot\w*|vervelende|vreselijke|akelige|slechte|trieste|frustrerende|"
    r"teleurstellende|stressvolle|domme)\b",
    r"\b(?:no\s+(?:surprise|wonder)|fed\s+up|(?:would|'d)\s+drive\s+anyone|you\s+were\s+right\s+to|"
    r"you're\s+right\s+to|deserved\s+better|(?:nobody|no\s+one)\s+(?:should|deserves|wants))\b",
    r"\b(?:klinkt|voelt)\s+(?:als\s+)?(?:een\s+)?(?:erg\s+|heel\s+|echt\s+)?(?:stressvol|vervelend|naar|"
    r"frustrerend|uitputtend|zwaar|rot)\w*\b",
    r"\b(?:verdient\s+niemand|niemand\s+(?:verdient|zou|hoort|hoeft|wil))\b", r"\bmerk\s+hoe\b",
    r"\bmaakt\s+iedereen\b", r"\bklinkt\s+alsof\b", r"\b(?:tegenviel|tegenvielen|tegenvalt)\b",
    r"\bthe\s+last\s+thing\s+(?:anyone|you|anybody)\b", r"\bhet\s+laatste\s+wat\s+(?:je|u|iemand)\b",
    r"\b(?:sour|bitter)\s+taste\b|\bzure\s+nasmaak\b", r"\b(?:zou|was)\s+(?:ook\s+)?(?:boos|kwaad|teleurgesteld)\b",
    r"\b(?:u|je)\s+verdiende\s+beter\b",
    r"\bin\s+your\s+shoes\b", r"\b(?:every|a|the)\s+right\s+to\s+(?:expect|be|feel)\b",
    r"\byou\s+deserved?\b", r"\blooking\s+forward\s+to\s+(?:this|it|that)\b", r"\bmust\s+have\s+felt\b",
    r"\bhow\s+(?:a|an|your)\s+(?:\w+\s+){0,2}should\s+feel\b", r"\bnobody\s+wants\s+to\b",
    r"\b(?:voorstellen|inbeelden)\b", r"\bin\s+(?:uw|jouw|je)\s+plaats\b", r"\b(?:u|je)\s+verdien(?:de|t)\b",
    r"\b(?:mocht|mag|mocht\s+u|mag\s+u)\b[^.!?]{0,25}\bverwachten\b", r"\buitgekeken\b",
    r"\bhoort\s+te\s+voelen\b", r"\bniemand\s+wil\b", r"\bhet\s+moet\s+gevoeld\b",
    r"\bhad\s+(?:u|je)\s+(?:zich|je)\s+(?:uw|je)\s+\w+\s+niet\s+voorgesteld\b",
)

APOLOGY = rx(
    r"\bsorry\b", r"\bapolog(?:y|ies|ise|ize|ised|ized|ising|izing)\b",
    r"\bplease\s+excuse\s+(?:us|me|our|the)\b",
    # regret for what we did, not that they are unhappy ("we regret that this has left you unhappy")
    r"\b(?:i|we)\s+(?:deeply\s+|sincerely\s+|truly\s+)?regret\b(?![^.!?]{0,50}?\b(?:left\s+you\s+(?:unhappy|"
    r"dissatisfied)|(?:did\s+not|didn't)\s+meet\s+your\s+expectations|you(?:\s+(?:are|were)|['’]re)\s+(?:unhappy|"
    r"dissatisfied|not\s+(?:happy|satisfied))|(?:was|were)\s+not\s+what\s+you\s+(?:expected|hoped)|"
    r"(?:wasn't|weren't)\s+what\s+you\s+(?:expected|hoped)|(?:did\s+not|didn't)\s+go\s+(?:as\s+planned|to\s+plan))\b)",
    r"\bexcuses\b", r"\bexcuus\b", r"\bexcuseer\b", r"\bexcuseren\b", r"\bverontschuldig\w*\b",
    r"\b(?:het\s+)?spijt\s+(?:me|mij|ons)\b", r"\b(?:me|mij|ons)\s+(?:\w+\s+)?spijt\b",
    r"\bspijt\s+(?:het|dit|dat)\s+(?:me|mij|ons)\b",
    r"\b(?:wij|we|ik)\s+(?:\w+\s+)?betreuren\b|\b(?:wij|we|ik)\s+betreur\b",
    r"\b(?:ik|wij|we)\s+vind(?:en)?\s+het\s+(?:\w+\s+){0,3}erg\s+(?:dat|van|voor)\b",
)
# Conditional or blame-shifting "apologies" that do not apologise.
APOLOGY_NOT = rx(
    r"\s*,?\s*(?:if|in\s+case|als|indien|mocht)\b",
    r"\s+(?:that\s+)?you\s+feel\s+(?:that|this)\s+way\b", r"\s+to\s+(?:inform|say|tell|announce)\b",
    # sorry for their view of us: "we're sorry you feel we've been unreliable"
    r"\s+(?:that\s+)?you\s+(?:feel|felt)\s+(?:that\s+)?(?:we|we've|we'd|we're|our|the\s+team)\b",
    r"\s+(?:that\s+)?you\s+feel\s+(?:let\s+down|disappointed|misled|ignored|unwelcome|rushed|(?:that\s+)?(?:the|it|this|that)\b)",
    r"\s+(?:dat|that)\s+(?:u|je)\s+(?:\w+\s+){1,3}(?:zo|so)\s+(?:\w+\s+)?(?:ervaren|beleefd)\b",
    r"\s+(?:dat|that)\s+(?:u|je|you)\s+(?:het|dat|dit|zich|er|it|this)?\s*(?:zo|"
    r"so|that\s+way|this\s+way)\s+(?:over\s+)?"
    r"(?:ervaart|ervaren|heeft\s+ervaren|voelt|denkt|ziet|feel|see)\b",
    # sorry for how they took it: "dat uw moeder de uitleg als te kort heeft ervaren"
    r"\s+(?:dat|that)\s+(?:u|je|uw|jouw|you|your)\b[^.!?]{0,80}\b(?:als|as)\s+(?:\w+\s+){0,3}"
    r"(?:heeft|hebt|heb)\s+ervaren\b",
    r"\s+(?:that\s+)?you\s+(?:felt|perceived|experienced|found)\s+(?:it|this|that|the\s+\w+)\s+(?:as|to\s+be)\b",
    r"\s+(?:that\s+)?you\s+feel\s+(?:that\s+)?you\s+(?:were|weren't|had|have|got|are)\b",
    r"\s+(?:that\s+)?you\s+(?:feel|felt)\s+(?:like|as\s+though|as\s+if)\b",
    # sorry for how they left or how it went, not for what we did: "sorry you came away unhappy",
    # "het spijt ons dat het feestje niet helemaal is verlopen zoals u had gehoopt"
    r"\s+(?:that\s+)?you\s+(?:came|went|walked)\s+away\s+(?:\w+\s+)?(?:unhappy|dissatisfied|disappointed)\b",
    r"\s+(?:het\s+)?(?:dat|that)\s+(?:\w+\s+){1,4}niet\s+(?:helemaal\s+|zo\s+)?(?:is\s+)?verlopen\s+zoals\b",
    # "we're sorry you felt the evening didn't live up", "sorry to hear you feel the session wasn't right"
    r"\s+(?:to\s+hear\s+)?(?:that\s+)?you\s+(?:feel|felt)\s+(?:that\s+)?(?:the|it|this|that|you|we|our)\b",
    # sorry for their mood or their view, not for what they went through: "het spijt ons dat u niet
    # tevreden bent", "dat u er zo op terugkijkt", "dat u een negatieve indruk van ons heeft gekregen"
    r"\s+(?:het\s+)?(?:dat|that)\s+(?:u|je|jij)\s+(?:\w+\s+){0,2}(?:niet\s+tevreden|ontevreden)\s+(?:naar\s+huis\s+|weg\s+)?"
    r"(?:bent|was|bent\s+geweest|ging|gegaan|vertrok|vertrokken)\b",
    r"\s+(?:dat|that)\s+(?:u|je)\s+(?:er\s+)?zo\s+op\s+terug(?:kijkt|kijken)\b",
    r"\s+(?:dat|that)\s+(?:u|je)\s+(?:\w+\s+){0,3}(?:negatieve|slechte|verkeerde)\s+indruk\b",
)

_CONTACT = r"(?:(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:\+|00)?\d[\d\s().-]{7,}\d)"
OFFLINE = rx(
    r"\b(?:send|drop|message|dm|e-?mail|mail|call|ring|phone|text|contact|reach|whatsapp)\s+(?:me|us)\b",
    r"\bgive\s+(?:me|us)\s+a\s+(?:call|ring|message)\b", r"\bget\s+in\s+touch\b", r"\breach\s+out\b",
    r"\b(?:direct|private|personal)\s+message\b", r"\bprivately\b", r"\bdm\b", r"\boffline\b(?!\s+(?:haalt|halen|gehaald|haal))",
    r"\b(?:talk|speak|discuss|chat|reach\s+you|contact\s+you|go\s+through\s+it)\s+(?:\w+\s+){0,3}(?:over|by)\s+(?:the\s+)?(?:phone|e-?mail)\b", r"\bcontact\s+(?:details|information|our)\b",
    r"\b(?:call|contact|e-?mail|ring|phone)\s+you\b", r"\bask\s+for\s+me\b",
    r"\b(?:stuur|stuurt|mail|mailt|e-mail|bel|belt|app|appt|whatsapp|contacteer)\s+(?:ons|me|mij)\b",
    r"\b(?:ons|me|mij)\s+(?:\w+\s+){0,6}"
    r"(?:bellen|mailen|e-mailen|appen|contacteren|bereiken|sturen|sms'en)\b",
    r"\b(?:appje|berichtje|mailtje|belletje)\b",
    r"\bcontact\s+(?:met\s+(?:ons|mij|me|u|je)\s+)?op\b", r"\bcontact\s+(?:opnemen|zoeken)\b",
    r"\bcontactgegevens\b",
    r"\bprivé\s*(?:bericht|gesprek)?\b", r"\b(?:direct|persoonlijk)\s+bericht\b", r"\bpb\b",
    r"\btelefonisch\s+(?:contact|bespreken|spreken|bereikbaar|door)\b|\b(?:u|je|jou)\s+telefonisch\b",
    r"\bper\s+(?:telefoon|mail|e-mail)\b", r"\bbel\s+(?:ik\s+)?(?:u|je|jou)\b",
    # someone reachable, not a room ("de slaapkamer is enkel via die trap bereikbaar")
    r"\b(?:ik|wij|we|mij|me|ons|onze\s+\w+|altijd|gewoon|rechtstreeks|direct|persoonlijk)\b[^.!?]{0,40}"
    r"(?<!slecht\s)(?<!niet\s)(?<!moeilijk\s)(?<!slechter\s)\bbereikbaar\b",
    r"\bbereikbaar\b[^.!?]{0,30}(?:\d{3}|@|\btelefo\w*|\b(?:e-?)?mail\b|\bwhatsapp\b|\bnummer\b)",
    r"\bbereikt\s+u\s+(?:mij|ons)\b", r"\bvraag\s+(?:gerust\s+)?naar\s+mij\b",
    r"\b(?:u|je)\s+(?:\w+\s+)?(?:bellen|mailen|opbellen|terugbellen|benaderen|contacteren)\b",
    r"\b(?:talk|speak)\s+in\s+person\b", r"\bface\s+to\s+face\b",
    r"\b(?:ask|vraag|vragen)\s+(?:for|naar)\s+(?:me|mij|[A-Z]\w+)\b", r"\bnaar\s+(?:mij|me)\s+(?:vragen|vraagt)\b",
    r"(?:^|(?<=[.!?\n])\s*)(?:bel|call|ring|mail|e-?mail|app|whatsapp|text)\s+(?:gerust\s+|even\s+|us\s+|me\s+)?\S",
    r"\b(?:want|wilt|wil)\s+(?:to\s+)?(?:talk|praten|bellen|spreken)\b", r"\b(?:inbox|mailbox)\b[^.!?]{0,30}\b(?:your|uw|je)\s+(?:message|bericht)\b",
    r"\bcontact\s+(?:\w+\s+)?(?:opneemt|opnemen|opneem)\b", r"\bneem\w*\s+(?:\w+\s+){0,3}contact\b",
    r"\bin\s+gesprek\b", r"\bpersoonlijk\s+(?:langs|spreken|bespreken)\b",
    _CONTACT,
)
