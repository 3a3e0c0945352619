"""What a sentence does to the complaint, whatever its words: offers a cause that is not the
team's fault, tells the customer's own doing as a fact, calls what happened normal or
small, or declines to talk.

Replies written whole showed these moves mostly in plain words ("Saturday mornings are
always our busiest time", "you arrived at quarter past", "the quote you signed did list
the budget brand"), so the patterns here describe the move: a peak time or an inability
offered as the cause, the customer as the subject of what went wrong, an emphatic "did"
or "zelf", the dish's popularity, the staff's judgement, "not unusual", "a lot of fuss",
"not the place to go into this".
"""

from __future__ import annotations

from desk.advice.coach.text import rx

# Where a clause starts, so "you" is its subject: "..., and you arrived at ten past".
# Written as a word start followed by what may stand before it, so the engine tries it only
# where a word starts.
_CLAUSE = (r"\b(?=(?:you|u|je|jij)\b)(?:(?<=^)|(?<=^\s)|(?<=^\s\s)|(?<=[,;:])|(?<=[,;:]\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bso\s)|"
           r"(?<=\ben\s)|(?<=\bmaar\s)|(?<=\bdus\s))")

# --- excuses: a cause offered for the failure that is not the team's doing -------------------
# The customer's own doing told as a fact is one too. Fine when owned in the same or the next
# sentence ("you arrived at eight, but your table should still have been ready").
EXCUSE = rx(
    # the peak: "always our busiest time", "de drukste dag van het jaar"
    r"\b(?:busiest|drukste|peak|piek\w*|spits\w*)\s+(?:\w+\s+)?(?:time|day|night|evening|shift|service|period|"
    r"week|weekend|month|season|hour|moment|tijd|dag|avond|dienst|periode|maand|seizoen|uur|momenten)s?\b",
    r"\b(?:always|altijd|traditionally|every\s+year|elk\s+jaar|ieder\s+jaar|notoriously)\s+(?:\w+\s+){0,2}"
    r"(?:busy|druk|hectic|hectisch|packed|vol|mad|chaos|rammed)\b",
    r"\b(?:weekends?|mornings?|evenings?|nights?|holidays?|saturdays?|sundays?|fridays?|december|january|summers?|"
    r"weekend\w*|ochtend\w*|avond\w*|feestdag\w*|vakantie\w*|zaterdag\w*|zondag\w*|vrijdag\w*|zomer\w*|(?:kerst|zomer|vakantie|feest|piek|spits|sinterklaas)?periode)\s+"
    r"(?:are|is|were|was|zijn|waren)\s+(?:\w+\s+)?(?:busy|mad|hectic|manic|crazy|rammed|packed|druk|hectisch|gekkenhuis)\b",
    # traffic, weather, a strike that held things up
    r"\b(?:traffic|weather|snow|storm|roadworks|strike|verkeer|(?:het|slecht)\s+weer|sneeuw|wegwerkzaamheden|werkzaamheden|staking)\b"
    r"[^.!?]{0,40}\b(?:held\s+(?:\w+\s+){0,2}up|ophield|opgehouden|stuck|vast\s+(?:stond|zat))",
    r"\b(?:is|are|was|were)\s+when\s+(?:everyone|everybody|half\s+the\s+\w+|the\s+whole\s+\w+)\b",
    r"\b(?:half\s+the|the\s+whole|de\s+hele)\s+(?:town|city|village|country|stad|buurt|dorp|land)\s+(?:\w+\s+)?"
    r"(?:seems\s+to\s+)?(?:wants?|joins?|books?|comes?|wil|wilde|komt|kwam|boekt)\b",
    # an inability or fate offered as the cause
    r"\b(?:simply|just)\s+(?:can't|cannot|couldn't|could\s+not)\s+(?:\w+\s+)?(?:predict|control|foresee|prevent|"
    r"avoid|help|plan|stop|do\s+anything)\b",
    r"\b(?:can't|cannot|couldn't|could\s+not)\s+(?:\w+\s+)?(?:predict|foresee|control)\b",
    r"\b(?:kunnen|kan|konden|kon)\s+(?:wij|we|ik)\s+(?:\w+\s+){0,3}(?:niet|moeilijk)\s+(?:\w+\s+)?(?:voorspellen|"
    r"voorzien|beïnvloeden|tegenhouden|plannen|sturen|inschatten)\b",
    r"\b(?:kunnen|kan|konden|kon)\s+(?:wij|we|ik)\s+(?:\w+\s+){0,3}(?:niets|niks)\s+(?:aan\s+)?(?:doen|veranderen)\b",
    r"\b(?:daar|hier)\s+(?:kunnen|kan|konden|kon)\s+(?:wij|we|ik)\s+(?:\w+\s+){0,3}(?:niets|niks)\s+aan\b",
    r"\bnu\s+eenmaal\b", r"\b(?:these|such)\s+things\s+happen\b", r"\bzulke\s+dingen\s+gebeuren\b",
    r"\b(?:that's|that\s+is|it's|it\s+is)\s+(?:just\s+|simply\s+)?(?:the\s+way|how)\s+it\s+(?:is|goes|works)\b",
    # the customer's own doing told as a fact: when they came, what they signed, what they chose
    rf"{_CLAUSE}(?:you|u|je|jij)\s+(?:only\s+|pas\s+|then\s+)?"
    r"(?:arrived|came|turned\s+up|showed\s+up|got\s+here|checked\s+in|kwam|kwamen|arriveerde|verscheen|was\s+er)\s+"
    r"(?:only\s+|pas\s+)?(?:at|around|after|om|rond|na)\s+(?:\w+\s+)?(?:\d|quarter|half|kwart|ten|twenty|tien|twintig)",
    r"\b(?:did|does)\s+(?:clearly\s+|actually\s+|in\s+fact\s+|also\s+)?(?:list|state|mention|show|include|specify|"
    r"say|warn|explain|tell\s+you|inform\s+you)\b(?![^.!?]*\?)",
    r"\b(?:u|je|jij)\s+(?:heeft|hebt|had)\b[^.!?]{0,50}\bzelf\s+(?:\w+\s+)?(?:ondertekend|getekend|gekozen|besteld|"
    r"gereserveerd|aangegeven|goedgekeurd|aangevinkt|ingevuld|akkoord)\b",
    r"\b(?:you|you've|you\s+had)\s+(?:\w+\s+)?(?:signed|chose|picked|ordered|booked|approved|agreed\s+to)\b[^.!?]{0,40}"
    r"\byourself\b",
    r"\b(?:stond|staat|stonden|staan)\s+(?:er\s+)?(?:toch\s+)?wel(?:degelijk)?\s+(?:\w+\s+){0,4}(?:op|in|vermeld|bij)\b",
    # what the customer left undone: "you didn't mention the allergy", "u heeft niet doorgegeven"
    rf"{_CLAUSE}(?:you|u|je|jij)\s+(?:never|didn't|did\s+not|hadn't|had\s+not|"
    r"forgot\s+to|failed\s+to|neglected\s+to)\s+(?:\w+\s+)?(?:tell|told|mention|inform|read|check|book|say|said|"
    r"ask|call|let\s+us|specif(?:y|ied)|bring|brought|follow)\w*\b",
    rf"{_CLAUSE}(?:u|je|jij)\s+(?:heeft|hebt|had)\s+(?:\w+\s+){{0,4}}"
    r"(?:niet|nooit|niets)\s+(?:\w+\s+)?(?:gemeld|doorgegeven|verteld|gezegd|gelezen|aangegeven|gevraagd|gebeld|"
    r"gecontroleerd|gereserveerd)\b",
    rf"{_CLAUSE}(?:u|je|jij)\s+(?:bent|was)\s+(?:\w+\s+){{0,3}}vergeten\b",
    # nobody told the team, so the team could not act: "we were never made aware"
    r"\b(?:we|i)\s+(?:were|was)\s+(?:never|not)\s+(?:made\s+aware|informed|told|notified)\b",
    r"\b(?:it|this|that)\s+was\s+(?:never|not)\s+(?:reported|mentioned|raised|brought\s+up)\b",
    r"\b(?:zijn|waren|werden)\s+(?:we|wij|ik)\s+(?:\w+\s+)?(?:nooit|niet)\s+(?:op\s+de\s+hoogte|geïnformeerd|ingelicht)\b",
    r"\b(?:is|werd)\s+(?:dit|dat|het)\s+(?:\w+\s+)?(?:nooit|niet)\s+(?:bij\s+ons\s+)?(?:gemeld|aangegeven|gezegd)\b",
    # the responsibility, or the misunderstanding, placed with the customer
    r"\b(?:the\s+)?(?:customer's|guest's|client's|buyer's|your(?:\s+own)?)\s+responsibility\b",
    r"\b(?:de\s+)?(?:verantwoordelijkheid\s+van\s+de\s+(?:klant|gast|koper)|(?:uw|je|jouw)\s+eigen\s+verantwoordelijkheid)\b",
    r"\b(?:you|u|je)\s+(?:may\s+have\s+|must\s+have\s+|might\s+have\s+|probably\s+|clearly\s+)?(?:misunderstood|misread|"
    r"misheard)\b",
    r"\b(?:u|je|jij)\s+(?:heeft|hebt)\s+(?:\w+\s+){0,3}verkeerd\s+(?:begrepen|gelezen|verstaan)\b",
    # later than the rules allow, or the cheaper option, chosen by the customer
    rf"{_CLAUSE}(?:you|u|je|jij)\s+(?:only\s+|pas\s+)?(?:ordered|booked|cancelled|canceled|called|bestelde|boekte|"
    r"annuleerde|belde|heeft\s+(?:\w+\s+)?(?:besteld|geboekt|geannuleerd|gebeld)|hebt\s+(?:\w+\s+)?(?:besteld|geboekt|"
    r"geannuleerd|gebeld))\s+(?:\w+\s+)?(?:after|too\s+late|te\s+laat|na\s+(?:de|het)|pas\s+na)\b",
    r"\b(?:your|uw|je|jouw)\s+(?:order|booking|cancellation|bestelling|boeking|annulering)\s+(?:was|is|werd|kwam)\s+"
    r"(?:\w+\s+)?(?:placed\s+|made\s+|binnen\s+|geplaatst\s+)?(?:after|too\s+late|te\s+laat|na\s+(?:de|het))\b",
    r"\b(?:you|u|je|jij)\s+(?:\w+\s+)?(?:booked|ordered|bought|took|chose|picked|boekte|bestelde|kocht|nam|koos|"
    r"(?:heeft|hebt)\s+(?:\w+\s+){0,3}(?:gekozen|geboekt|besteld|gekocht|genomen))\s+(?:the\s+|het\s+|de\s+)?"
    r"(?:basic|standard|cheapest|budget|basis\w*|standaard\w*|budget\w*|goedkoopste)\b",
    r"\b(?:u|je|jij)\s+(?:heeft|hebt|had)\s+(?:zelf\s+)?(?:voor\s+)?(?:het|de|een)\s+(?:basis|standaard|budget|"
    r"goedkoopste)\w*\s+(?:\w+\s+)?(?:gekozen|geboekt|besteld|gekocht|genomen)\b",
    r"\b(?:(?:we|she|he|they)\s+(?:\w+\s+)?followed\s+your\s+(?:instructions|wishes|request)|"
    r"(?:precies|gewoon)\s+(?:gedaan\s+)?wat\s+(?:u|je)\s+(?:vroeg|vroegen|had\s+gevraagd))\b",
    # the customer should have read it: "the menu clearly says", "op de kaart staat duidelijk"
    r"\b(?:the|our|de|het|onze|ons)\s+(?:\w+\s+)?(?:menu|website|site|confirmation|quote|contract|description|listing|"
    r"label|sign|booking\s+form|product\s+page|kaart|menukaart|bevestiging\w*|offerte|omschrijving|beschrijving|"
    r"etiket|bordje|productpagina)\s+(?:\w+\s+)?(?:clearly|explicitly|expressly|does|did)\s+(?:says?|said|states?|stated|"
    r"shows?|showed|mentions?|lists?|explains?)\b",
    r"\b(?:op|in)\s+(?:de|het|onze|ons)\s+(?:\w+\s+)?(?:menukaart|kaart|website|site|bevestiging\w*|offerte|"
    r"omschrijving|beschrijving|etiket|bordje|productpagina|mail)\s+(?:staat|stond)\s+(?:\w+\s+)?(?:duidelijk|expliciet|"
    r"toch|gewoon|wel)\b",
    # what happened called normal: "isn't unusual for a park of our size"
    r"\b(?:isn't|is\s+not|wasn't|was\s+not|not)\s+(?:at\s+all\s+|really\s+|that\s+)?(?:unusual|uncommon|"
    r"out\s+of\s+the\s+ordinary|abnormal)\b",
    r"\b(?:heel\s+|vrij\s+|best\s+|gewoon\s+|helemaal\s+|quite\s+|perfectly\s+|completely\s+|pretty\s+|entirely\s+)?"
    r"(?:normaal|gebruikelijk|normal|usual|standard|to\s+be\s+expected|te\s+verwachten)\s+(?:voor|for|bij|on|op)\s+"
    r"(?:a|an|een|this|dit|deze|our|onze)\s+(?!\w+\s+(?:to\s+feel|om\s+(?:je|zich)))",
    r"\b(?:of|van)\s+(?:our|onze)\s+(?:size|grootte|omvang)\b",
)

# --- defensive, never owned: the customer turned against, the team defended ----------------
_STAFF = (r"(?:staff|team|crew|door\s*staff|doormen|bouncers?|security|stylists?|chefs?|cooks?|drivers?|mechanics?|"
          r"technicians?|waiters?|instructors?|teachers?|personeel|medewerkers?|portiers?|beveiliging|kapper\w*|"
          r"koks?|chauffeurs?|monteurs?|obers?|bediening|instructeurs?|docent\w*|collega'?s)")
DEFENSIVE = rx(
    # an appeal to the customer's understanding: "as you'll appreciate", "u zult begrijpen dat"
    r"\b(?:as\s+)?(?:you'll|you\s+will|you\s+can|you\s+may|you\s+must|you\s+have\s+to|you\s+need\s+to)\s+"
    r"(?:surely\s+|no\s+doubt\s+)?(?:understand|appreciate)\b",
    r"\b(?:wel\s+)?moet\s+(?:ik|we|wij)\s+(?:\w+\s+)?eerlijk\s+zeggen\s+dat\b",
    r"\b(?:u|je|jij)\s+(?:zult|zal|kunt|kan|moet)\s+(?:\w+\s+)?(?:begrijpen|snappen|beseffen|inzien)\b",
    r"\bzoals\s+(?:u|je)\s+(?:\w+\s+)?(?:begrijpt|weet|zult\s+begrijpen)\b",
    # the dish's popularity, the praise it gets, a taste that was not the customer's
    r"\b(?:most\s+popular|best[- ]?selling|best[- ]?loved|bestsellers?|populairste|meest\s+populaire|"
    r"best\s+verkochte|bestverkochte|meest\s+gevraagde|meest\s+geliefde)\b",
    r"\b(?:get|gets|receive|hear|krijgen|krijg|ontvangen|horen)\s+(?:\w+\s+){0,3}(?:compliments|lovely\s+comments|"
    r"praise|rave\s+reviews|great\s+feedback|complimenten|lovende\s+\w+|positieve\s+reacties)\b",
    r"\b(?:just|simply|perhaps|maybe|gewoon|misschien|simpelweg)\b[^.!?]{0,20}\b(?:wasn't|isn't|not|niet)\s+"
    r"(?:for\s+you|(?:to\s+)?your\s+(?:taste|thing|cup\s+of\s+tea)|(?:jouw|uw|je)\s+(?:smaak|ding))\b",
    r"\b(?:very\s+few|hardly\s+any|barely\s+any|rarely\s+(?:get|have|receive))\s+complaints?\b",
    r"\b(?:weinig|zelden|nauwelijks|amper)\s+(?:\w+\s+)?klachten\b",
    # the staff's judgement, or their training, held up against the customer
    rf"\b(?:our|onze|ons)\s+(?:\w+\s+)?{_STAFF}\s+(?:are|is|zijn)\s+(?:all\s+|allemaal\s+|fully\s+|highly\s+|volledig\s+|"
    r"zeer\s+)?(?:trained|qualified|experienced|certified|professionals?|getraind\w*|ervaren|gediplomeerd\w*|"
    r"gecertificeerd|opgeleid)\b",
    rf"\b(?:our|onze|the|de)\s+(?:\w+\s+)?{_STAFF}\s+(?:\w+\s+){{0,2}}(?:made\s+the\s+(?:right\s+|correct\s+)?"
    r"(?:call|decision|judgement)|acted\s+(?:correctly|properly|appropriately|in\s+good\s+faith|on\s+what)|"
    r"(?:correct|juist|terecht)\s+(?:ge)?handeld\w*|handelden\s+(?:correct|juist|terecht))\b",
    r"\b(?:based\s+on|op\s+basis\s+van|on\s+the\s+basis\s+of)\s+what\s+(?:they|he|she)\s+(?:saw|observed|heard)\b",
    r"\bop\s+basis\s+van\s+wat\s+(?:ze|hij|zij)\s+(?:zagen|zag|hoorden|hoorde)\b",
)

# --- belittles: the complaint made small, however it is put ---------------------------------
BELITTLES = rx(
    r"\b(?:fuss|ophef|heisa|poeha|stampij|kabaal)\b[^.!?]{0,30}\b(?:over|about|om|for)\b",
    r"\b(?:make|making|made|maakt|maken|maak)\s+(?:\w+\s+){0,4}(?:fuss|drama|ophef|heisa|poeha|punt)\s+"
    r"(?:van|over|about|of|out\s+of)\b",
    r"\b(?:maar|slechts|only|just|merely)\s+(?:een\s+|a\s+)?(?:heel\s+|erg\s+|very\s+|relatief\s+|relatively\s+)?"
    r"(?:klein\w*|small|minor|tiny|slight|gering\w*)\b",
    r"\b(?:gaat|ging)\s+(?:het\s+)?(?:\w+\s+)?om\s+(?:een\s+)?(?:heel\s+|erg\s+|zeer\s+)(?:klein\w*|gering\w*)\b",
    r"\b(?:only|just|purely|merely|puur|slechts|alleen\s+maar)\s+(?:\w+\s+)?(?:cosmetic|cosmetisch|esthetisch|"
    r"a\s+matter\s+of\s+taste|een\s+kwestie\s+van\s+smaak)\b",
    r"\b(?:shouldn't|should\s+not|needn't|need\s+not|doesn't\s+have\s+to|hoeft|hoeven)\s+(?:\w+\s+){0,4}"
    r"(?:spoil|ruin|wreck|verpesten|bederven)\b",
    r"\b(?:no|not\s+a|hardly\s+a|geen)\s+(?:good\s+|goede\s+)?(?:reason|reden)\s+(?:for|voor|to\s+give|om)\s+"
    r"(?:\w+\s+){0,2}(?:one|1|één|een|two|2|twee)[- ]?(?:star|ster)",
    # it mends itself: "trekt vanzelf bij", "comes off with a bit of polish"
    r"\b(?:vanzelf|van\s+zelf|by\s+itself|on\s+its\s+own)\s+(?:\w+\s+)?(?:bij|weg|over|away|out|off)\b",
    r"\b(?:trekt|gaat|verdwijnt|fades?|wash(?:es)?\s+out|disappears?|goes\s+away)\b[^.!?]{0,20}"
    r"\b(?:vanzelf|by\s+itself|on\s+its\s+own)\b",
    r"\b(?:met\s+een\s+beetje|with\s+a\s+(?:bit|little|drop|dab)\s+of)\b[^.!?]{0,30}\b(?:weg|off|out|away)\b",
    r"\b(?:isn't|is\s+not|wasn't|was\s+not|not)\s+(?:at\s+all\s+|really\s+|that\s+)?(?:unusual|uncommon|"
    r"out\s+of\s+the\s+ordinary)\b",
    r"\b(?:normaal|gebruikelijk|normal|usual|standard)\s+(?:voor|for)\s+(?:a|an|een|this|dit|deze)\s+"
    r"(?!\w+\s+(?:to\s+feel|om\s+(?:je|zich)))",
)

# --- no comment: the public reply called the wrong place to talk ---------------------------
# A no-comment only when no offer to talk privately follows: "this isn't the place to go into
# it, so please call me" takes it offline, which is what a reply should do.
_SPEAK = (r"(?:discuss|comment|go(?:ing)?\s+into|get(?:ting)?\s+into|talk|respond|react|elaborate|debate|argue|"
          r"spreken|bespreken|ingaan|in\s+te\s+gaan|reageren|uitweiden|discussiëren|discussie|details)")
NO_COMMENT = rx(
    r"(?:\bnot|n't|\bniet|\bgeen)\s+(?:\w+\s+){0,4}(?:appropriate|fitting|wise|right|gepast|verstandig|"
    r"(?:the|de|het)\s+(?:juiste\s+|right\s+|best\s+|beste\s+)?(?:plek|plaats|place|forum|platform|venue|medium))"
    rf"\b[^.!?]{{0,40}}\b{_SPEAK}",
    rf"\b(?:isn't|is\s+not|not)\s+(?:the\s+)?(?:right|best|appropriate)\s+(?:place|forum|platform)\b",
)
