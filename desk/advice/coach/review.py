"""Review-site rules: never ask for a changed review or pay for one."""

from __future__ import annotations

from desk.advice.coach.text import rx

_REVIEW = (
    r"(?:reviews?|ratings?|post|comment|score|feedback|stars?|recensie|beoordeling|waardering|sterren|ster)"
)
REVIEW_ASK = rx(
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
OFFER = rx(
    r"\b(?:vouchers?|discount|refund|gift\s*card|coupon|complimentary|"
    r"on\s+the\s+house|\d+\s*%\s*off|for\s+free)\b",
    r"\bfree\s+(?:meal|dessert|drinks?|coffee|night|service|delivery|"
    r"treatment|haircut|lunch|dinner|of\s+charge|bottle)\b",
    r"\b(?:cadeaubon|tegoedbon|waardebon|korting|gratis|terugbetal\w*|"
    r"vergoeding|tegoed|cadeau|kado|op\s+kosten\s+van\s+de\s+zaak)\b",
)
QUID_PRO_QUO = rx(
    rf"\b(?:in\s+(?:exchange|return)\s+for|als\s+tegenprestatie\s+voor|"
    rf"in\s+ruil\s+voor|als\s+dank\s+voor)\b[^.!?]{{0,30}}\b{_REVIEW}\b",
)

# Asked kindly is still asked: a request ("would you", "zou u", "feel free", "it would mean a
# lot") about changing, removing or re-rating what the customer posted.
# The customer is asked: "would you", "zou u", "feel free", "we'd appreciate", "we hope".
_ASKING = (
    r"(?:(?:would|could|can|will|might|may)\s+you|you\s+(?:might|could|would|may)|if\s+you|once\s+you|"
    r"when\s+you|please|consider|feel\s+free|we'd|we\s+would|i'd|i\s+would|we\s+hope|hopefully|grateful|"
    r"appreciate|love\s+it|mean\s+(?:a\s+lot|the\s+world)|help\s+us|mind|maybe|perhaps|now\s+that|"
    r"(?:zou|zoudt|wilt|kunt|kun|kan|mag)\s+(?:u|je|jij|ge|gij)|zou|zouden|wilt|misschien|gerust|graag|"
    r"als\s+(?:u|je|ge)|mocht\s+(?:u|je|ge)|zodra|nu\s+(?:het|we)|waarderen|fijn|helpt|doen\s+het|veel\s+doen|hopen|hopelijk)"
)
_CHANGE = (
    r"(?:updat\w*|adjust\w*|revis\w*|chang\w*|edit\w*|amend\w*|remov\w*|delet\w*|tak\w*\s+(?:\w+\s+){0,2}down|"
    r"reconsider\w*|bump\w*\s+(?:\w+\s+){0,2}up|reflect\w*|withdraw\w*|"
    r"aanpass\w*|aangepast|bijgesteld|bijgewerkt|gewijzigd|aan\s+te\s+passen|past\s+(?:\w+\s+){0,3}aan|bijwerk\w*|bij\s+te\s+werken|werkt\s+(?:\w+\s+){0,3}bij|"
    r"herzien|herziet|wijzig\w*|bewerk\w*|verwijder\w*|offline\s+ha\w*|weg\s*ha\w*|heroverweg\w*|"
    r"laten\s+meetellen|vermelden|erbij\s+doe\w*|bij\s+doe\w*|er\s+(?:\w+\s+){0,3}bij\s+doe\w*|aanpast|"
    r"(?:nog\s+eens|opnieuw)\s+(?:\w+\s+)?(?:bekijken|bekijkt|naar\s+kijken)|herbekijk\w*|revisit\w*|look\s+at\s+(?:\w+\s+){0,2}again|"
    r"(?:tak|hav|giv)\w*\s+(?:it\s+)?another\s+look(?:\s+at)?)"
)
_POSTED_NOUN = r"(?:reviews?|ratings?|stars?|score|post|recensie|beoordeling\w*|sterren|bericht|één-ster\w*)"
_POSTED = rf"(?:{_POSTED_NOUN}|this|that|it|dit|dat|het|deze)"
REVIEW_ASK = rx(
    REVIEW_ASK.pattern,
    rf"\b{_ASKING}\b[^.!?]{{0,60}}\b{_CHANGE}\b[^.!?]{{0,40}}\b{_POSTED}\b",
    # the review named before the change: a pronoun there is too loose ("talk this through and update you")
    rf"\b{_ASKING}\b[^.!?]{{0,60}}\b{_POSTED_NOUN}\b[^.!?]{{0,40}}\b{_CHANGE}",
    r"\bbump\w*\s+(?:the\s+|your\s+|my\s+)?(?:rating|score|stars?)\s+up\b",
    # what they posted, pointed at where it stands: "als je dat hier ook even aanpast"
    rf"\b{_ASKING}\b[^.!?]{{0,60}}\b(?:dat|het|dit)\s+(?:hier|op\s+(?:google|deze\s+site))\s+(?:\w+\s+){{0,2}}{_CHANGE}",
    rf"\blook\s+again\s+at\s+(?:your|the)\s+(?:[\w-]+\s+){{0,2}}{_REVIEW}\b",
    rf"\b(?:nog\s+(?:eens|een\s+keer)|opnieuw)\s+(?:\w+\s+)?(?:kijken|kijkt)\s+naar\s+(?:je|uw|jouw|de)\s+(?:[\w-]+\s+)?{_REVIEW}\b",
    rf"\b(?:nog\s+(?:eens|een\s+keer)|opnieuw)\s+naar\s+(?:je|uw|jouw|de)\s+(?:[\w-]+\s+)?{_REVIEW}\s+(?:\w+\s+)?(?:kijken|kijkt)\b",
    r"\b(?:extra|een\s+extra|nog\s+een)\s+(?:sterretje|sterretjes|ster|sterren)\b|\b(?:an\s+)?extra\s+star\b",
    r"\btak\w*\s+(?:this|the|your|that)\s+(?:review|post|rating|comment)\s+(?:down|offline)\b",
    rf"\b{_ASKING}\b[^.!?]{{0,60}}\b(?:fresh|new|updated|second)\s+(?:review|rating)\b",
    r"\b(?:score|ster|sterren|beoordeling|rating|recensie|waardering)\b[^.!?]{0,40}\b(?:herbekijken|herbekijkt|"
    r"bijstellen|bijstelt|opkrikken|verhogen)\b",
    r"\b(?:update|change|edit|amendment|aanpassing|wijziging)\s+(?:to|of|van|aan)\s+(?:this|your|the|deze|uw|je|de)\s+"
    r"(?:review|rating|post|recensie|beoordeling)\b",
)
