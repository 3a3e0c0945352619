"""What a good reply avoids: defending the business (blaming others, the customer or the
crowd, praising the staff against the customer) and reciting small print."""

from __future__ import annotations

from desk.advice.coach.text import rx, widen

# Excuses that are fine when owned in the same or next sentence.
EXCUSE = rx(
    # busy, not an order "picked when it was packed"
    r"(?<!\bwhen\s)(?<!\bbefore\s)(?<!\bafter\s)(?<!\bas\s)(?<!\bonce\s)"
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
    # the weather, a strike, a full house: fine when owned ("...but we should have told you")
    r"\b(?:snow|storm|weather|traffic|strike|sneeuw\w*|storm|weer|staking|files?|ijzel|gladheid)\b[^.!?]{0,60}"
    r"\b(?:delay\w*|vertraging|late|te\s+laat)\b",
    r"\b(?:fully\s+booked|packed\s+out|helemaal\s+vol|volgeboekt|vol\s+geboekt)\b",
    r"\b(?:unavoidable|inevitable|couldn't\s+be\s+helped|onvermijdelijk|kon\s+niet\s+anders)\b",
)
OWNED = rx(
    r"\bno\s+excuse\b", r"\bnot\s+an\s+excuse\b", r"\b(?:doesn't|does\s+not|cannot|can't)\s+excuse\b",
    r"\b(?:is|was)\s+no\s+reason\b", r"\b(?:isn't|is\s+not|wasn't)\s+a\s+reason\b",
    r"\b(?:we|i)\s+(?:really\s+|absolutely\s+|definitely\s+|still\s+)?should(?:n't|\s+not)?\s+have\b",
    r"\b(?:that's|that\s+is|it's|it\s+is)\s+on\s+(?:us|me)\b", r"\bwe\s+take\s+(?:full\s+)?responsibility\b",
    r"\bour\s+(?:mistake|responsibility|failure|failing|fault)\b",
    r"\bwe\s+(?:got\s+it\s+wrong|dropped\s+the\s+ball|let\s+you\s+down|lost\s+track|forgot|messed\s+up|mixed\s+up)\b",
    r"\b(?:we|wij|ik)\s+(?:zijn|ben)\s+(?:\w+\s+){0,4}(?:vergeten|kwijtgeraakt)\b",
    r"\b(?:we|wij|ik)\s+(?:hebben|heb)\s+(?:\w+\s+){0,3}verzuimd\b",
    r"\b(?:I|we)\s+(?:didn't|did\s+not|failed\s+to|forgot\s+to)\s+(?:\w+\s+)?(?:get|call|tell|let|send|update|put|check|"
    r"ring|inform|follow|warn|pass)\b",
    r"\bnot\s+your\s+problem\b", r"\beven\s+(?:on|during|when|if|with|at)\b",
    # the rule applied, and that called wrong: "quoting that to you was wrong", "it never should have been"
    r"\b(?:was|were|is)\s+(?:simply\s+|just\s+)?wrong\b", r"\bnever\s+should\s+have\b", r"\bshould\s+never\s+have\b",
    r"\bthe\s+last\s+thing\s+you\s+needed\b",
    r"\bdoor\s+(?:mij|ons)\s+niet\b",
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
DEFENSIVE = rx(
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
    r"(?<!sorry\s)(?<!sorry\sthat\s)\b(?:no\s+one|nobody|no\s+other\s+(?:customer|guest|client)s?)\s+(?:else\s+)?"
    r"(?:(?:has|have|had|ever)\s+)*(?:complained|mentioned|had\s+(?:a|any)\s+(?:problem|issue|complaint))"
    r"(?!\s+(?:\w+\s+){0,4}(?:to\s+you|when\s+you|before\s+you))",
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
    r"(?<!\baltijd\s)(?<!\bzeer\s)\bmet\s+alle\s+respect\b",
    # blaming the customer
    r"\byou\s+(?:should|could)\s+have\s+(?:read|checked|called|told|"
    r"asked|booked|reserved|contacted|informed|mentioned|looked|noticed|said|followed|paid\s+attention)\b",
    r"\bif\s+you\s+had\s+(?:read|checked|called|told|asked|booked|followed|paid)\b",
    r"\byour\s+own\s+(?:fault|mistake)\b",
    r"\b(?:u|je|jij)\s+(?:had|hebt|heeft)\b(?:(?!\b(?:ik|we|wij)\b)[^.!?]){0,40}\b(?:moeten|kunnen)\s+(?:lezen|"
    r"controleren|bellen|vragen|melden|zeggen|kijken|reserveren|aangeven|"
    r"doorgeven|opletten|nakijken|checken)\b",
    # "had u maar", "had je beter moeten": not what they deserved, "had u beter verdiend"
    r"\bhad\s+(?:u|je)\s+(?:maar|beter|zelf)\b(?!\s+(?:verdiend|mogen\s+verwachten))", r"\beigen\s+schuld\b",
)


SMALL_PRINT = rx(
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
# The rules being changed, by us: "we're reviewing the policy", "die regel passen we aan"; not
# a rule's own words ("can't be changed once a guest has checked in", "wijzigingen in het aantal").
CHANGING = rx(
    r"\b(?:we|i|we've|i've|we're|i'm|we'll|i'll|we'd|(?:is|are|being|been|be)(?:\s+now)?)\s+(?:\w+\s+){0,3}"
    r"(?<!\bto\s)(?<!\bfor\s)(?<!\bcan't\sbe\s)(?<!\bcannot\sbe\s)(?:chang|adjust|review|updat|rewrit|clarif|revis|improv)\w*\b",
    r"\b(?:a|the|our)\s+(?:\w+\s+)?(?:review|update|change|revision)\s+(?:of|to)\b",
    r"\bunder\s+review\b",
    r"(?<!\bter\s)\b(?:aanpass|aangepast|herzien|herzie|veranderen|verander|"
    r"duidelijker|evalueren|evalueer|verbeter)\w*\b",
    r"\b(?:we|wij|ik)\b[^.!?]{0,40}\bwijzig\w*\b",
)




# --- the same moves in other words ------------------------------------------------
# Polite defensiveness reads like a friendly sentence; what gives it away is its frame:
# an appeal to understand the business, praise of the staff against the customer, blame
# on a carrier or the weather, the customer's own doing, the crowd of happy customers.

_THIRD_PARTY = (
    r"(?:courier|carrier|delivery\s+company|postal\s+service|post\s+office|supplier|manufacturer|"
    r"weather|traffic|postnl|dhl|dpd|ups|bpost|bezorger|koerier|vervoerder|leverancier|fabrikant|"
    r"bezorgdienst|pakketdienst|weer|files?)"
)
DEFENSIVE = widen(
    DEFENSIVE,
    r"\b(?:as\s+)?(?:i'm|i\s+am|we're|we\s+are)\s+sure\s+you\s+(?:can|will)\s+understand\b",
    r"\b(?:dat|wat)\s+(?:kunt|zult|begrijpt|snapt)\s+(?:u|je)\s+(?:toch|vast|wel|ongetwijfeld)\b",
    r"\b(?:i'm|i\s+am|we're|we\s+are)\s+sure\s+you(?:'ll|\s+will|\s+can)\s+(?:understand|appreciate)\b",
    r"\b(?:out\s+of|beyond)\s+our\s+hands\b", r"\b(?:geen|weinig)\s+invloed\s+op\b",
    r"\b(?:down\s+to|due\s+to|because\s+of|caused\s+by|kwam\s+door|lag\s+aan|door)\s+de?\s*(?:the\s+)?"
    r"(?:courier|carrier|supplier|manufacturer|koerier|vervoerder|leverancier|fabrikant|bezorger|postnl|dhl|dpd)\b"
    # a cause, not what they will be asked to do: "uw toestel door de fabrikant laten nakijken"
    r"(?!\s+(?:laten|te\s+laten)\s+\w+)",
    r"\b(?:hundreds|thousands|lots|loads|dozens|honderden|duizenden|tientallen)\s+(?:of\s+)?(?:compliments|"
    r"complimenten|positive|goede|lovende|happy)\b",
    r"\b(?:you|u|je)\s+(?:did\s+|have\s+|heeft\s+|hebt\s+)?(?:sign(?:ed)?|signed\s+off|agreed\s+to|approved)\s+"
    r"(?:the|our|de|het)\s+(?:quote|contract|form|terms|estimate)\b",
    r"\b(?:u|je)\s+(?:heeft|hebt)\s+(?:de|het)\s+(?:offerte|contract|formulier)\s+(?:zelf\s+)?(?:ook\s+)?"
    r"(?:getekend|ondertekend|goedgekeurd)\b",
    r"\b(?:our|onze)\s+(?:drivers|staff|mechanics|technicians|team|chauffeurs|monteurs|medewerkers)\s+(?:are|zijn)\s+"
    r"(?:all\s+|allemaal\s+)?(?:trained|qualified|experienced|professionals?|getraind\w*|ervaren|gediplomeerd\w*|"
    r"professionals?)\b",
    r"\b(?:respectfully\s+)?disagree\b", r"\b(?:zijn|is)\s+(?:wij|we|het)\s+(?:het\s+)?(?:niet\s+)?(?:mee\s+)?oneens\b",
    r"\bdaar\s+zijn\s+(?:wij|we)\s+van\s+overtuigd\b", r"\bwe(?:'re|\s+are)\s+(?:convinced|confident)\s+(?:that\s+)?our\b",
    r"\b(?:rest\s+of\s+(?:your|the)|others\s+(?:in|at)\s+your|everyone\s+else\s+(?:in|at))\s+(?:table|party|group)\b",
    r"\b(?:de\s+)?rest\s+van\s+(?:uw|je|jullie|het)\s+(?:gezelschap|tafel|groep|feest)\b",
    rf"\b(?:caused|lies|lay|was|were)\s+(?:\w+\s+){{0,2}}(?:by|with)\s+the\s+{_THIRD_PARTY}\b",
    rf"\b(?:the\s+)?{_THIRD_PARTY}\s+(?:is|are|was)\s+(?:\w+\s+)?responsible\b",
    rf"\b(?:lag|ligt)\s+(?:\w+\s+){{0,2}}bij\s+(?:de\s+|het\s+)?{_THIRD_PARTY}\b",
    rf"\b(?:is|was)\s+de\s+{_THIRD_PARTY}\s+verantwoordelijk\b",
    rf"\b(?:problem|fault|delay|issue|probleem|fout|vertraging)\s+(?:\w+\s+){{0,3}}(?:with|bij)\s+(?:the\s+|de\s+)?{_THIRD_PARTY}\b",
    r"\b(?:can't|cannot|can\s+not)\s+(?:control|be\s+blamed|be\s+held\s+responsible)\b",
    r"\b(?:kunnen|kan)\s+(?:wij|we|ik)\s+(?:\w+\s+){0,2}(?:niets|niks|moeilijk)\s+(?:aan\s+)?(?:doen|verantwoordelijk)\b",
    r"\baan\s+(?:de|het)\s+\w+\s+(?:\w+\s+){0,3}kunnen\s+(?:wij|we)\s+(?:\w+\s+)?(?:niets|niks)\b",
    r"\bverantwoordelijk\s+gesteld\b",
    r"\b(?:our|onze|ons)\s+(?:staff|team|personnel|people|mechanic|technician|chef|waiter|stylist|driver|"
    r"personeel|medewerkers|monteur|kok|ober|kapster|chauffeur)\b[^.!?]{0,40}\b(?:by\s+the\s+book|"
    r"attentive|experienced|professional|knows\s+what|volgens\s+het\s+boekje|attent|ervaring|ervaren|weet\s+(?:echt\s+)?wat)",
    r"\b(?:you|u|je)\s+(?:arrived|came|were|was|kwam|bent|was)\s+(?:\w+\s+){0,2}(?:late|te\s+laat)\b",
    r"(?<!\bsupposed\s)(?<!\bmeant\s)(?<!\bhas\s)(?<!\bhave\s)(?<!\bneeds\s)"
    r"\b(?:to\s+be\s+fair|in\s+fairness|eerlijk\s+is\s+eerlijk|voor\s+de\s+volledigheid|for\s+the\s+record)\b",
    r"\bhad\s+(?:you|u|je)\s+(?:\w+\s+){0,5}(?:called|told|mentioned|booked|asked|gebeld|gemeld|gezegd|gereserveerd)\b",
    r"\bif\s+you(?:'d|\s+had)\s+(?:\w+\s+){0,2}(?:mentioned|told|called|asked|said|booked|let\s+us\s+know)\b",
    r"\b(?:our|onze)\s+\w+\s+(?:have|has|hebben|heeft)\s+[^.!?]{0,40}\b(?:experience|ervaring|expertise)\b",
    r"\b(?:you|u|je)\s+(?:chose|picked|opted\s+for|selected|koos\s+voor|koos|kozen|heeft\s+gekozen\s+voor)\s+"
    r"(?:the\s+|de\s+)?(?:cheapest|goedkoopste|basic|standard|standaard|budget)\b",
    r"\b(?:als|indien)\s+(?:u|je)\s+(?:\w+\s+){0,2}(?:had|hadden)\s+(?:gebeld|gemeld|gezegd|gereserveerd|gevraagd)\b",
    r"\b(?:shame|pity|jammer)\s+(?:that\s+)?(?:you|u|je|dat\s+(?:u|je))\s+(?:\w+\s+){0,3}(?:didn't|did\s+not|niet)\b"
    r"(?!\s+(?:tevreden|blij|happy|satisfied|pleased)\b)",
    r"\b(?:you|u|je)\s+(?:did|do|ging|gingen|bent)\s+(?:\w+\s+)?(?:agree|akkoord)\b",
    r"(?<!\baltijd\s)(?<!\balways\s)(?<!\bmet\s)(?<!\bwith\s)\b(?:with\s+(?:all\s+(?:due\s+)?)?respect|met\s+(?:alle\s+)?respect)\b"
    r"(?!\s+(?:behandel\w*|treat\w*|omgaan|om\s+te\s+gaan|voor\s+(?:u|je|jullie|uw|de\s+klant)))",
    r"\b(?:our|onze)\s+(?:reviews?|ratings?|recensies|beoordelingen)\s+(?:speak|spreken)\s+for\s+themselves\b",
    r"\b(?:onze\s+)?(?:reviews|recensies|beoordelingen)\s+spreken\s+voor\s+zich\b",
    r"\bspeak\s+for\s+themselves\b",
    r"\b(?:hundreds|thousands|lots|plenty|dozens|honderden|duizenden|tientallen)\s+(?:of\s+)?"
    r"(?:happy|satisfied|delighted|tevreden|blije)\s+(?:customers|guests|clients|klanten|gasten)\b",
    r"\b(?:need|needs|have|has)\s+to\s+be\s+(?:a\s+bit\s+|a\s+little\s+)?patient\b",
    r"\b(?:moet|moeten)\s+(?:je|u|men|mensen)\s+(?:\w+\s+)?geduld\b",
    r"\b(?:we|wij)\s+(?:\w+\s+){0,2}(?:did|done|deden|gedaan)\s+(?:\w+\s+){0,2}(?:all|everything|alles)\s+"
    r"(?:we\s+could|(?:wat\s+)?(?:we|wij)\s+konden)\b",
    r"\bniemand\s+(?:anders\s+)?(?:\w+\s+){0,6}(?:geklaagd|klaagde|klaagt|gemeld)\b",
    # others who did not complain, not the team that did not tell ("sorry nobody mentioned the fee")
    r"(?<!sorry\s)(?<!sorry\sthat\s)\b(?:nobody|no\s+one)\s+(?:else\s+)?(?:\w+\s+){0,5}(?:complained|mentioned)\b"
    r"(?!\s+(?:\w+\s+){0,4}(?:to\s+you|when\s+you|before\s+you))",
    r"\balles\s+gedaan\s+wat\s+(?:we|wij|ik)\s+(?:konden|kon)\b", r"\b(?:did|done)\s+all\s+(?:we|I)\s+could\b",
    r"\bnu\s+eenmaal\s+zo\b", r"\bthat's\s+just\s+how\s+it\s+(?:is|goes)\b",
    r"\b(?:most|the\s+majority\s+of|de\s+meeste|meeste)\s+(?:guests|customers|people|gasten|klanten|mensen)\s+"
    r"(?:find|vinden|are|zijn)\b",
)
SMALL_PRINT = widen(
    SMALL_PRINT,
    r"\b(?:cannot|can't|are\s+not|aren't|won't\s+be)\s+(?:be\s+)?(?:exchanged|returned|refunded|accepted)\b",
    r"\b(?:only|alleen)\s+(?:be\s+)?(?:accepted|exchanged|returned|refunded|aan|terug)\b[^.!?]{0,40}\b(?:within|with|binnen|in\s+de|met)\b",
    r"\bcannot\s+accept\s+returns\b", r"\b(?:worden|wordt)\s+niet\s+(?:geruild|teruggenomen|terugbetaald)\b",
    r"\b(?:nemen|kunnen)\s+(?:wij|we)\s+(?:\w+\s+){0,3}(?:alleen|niet|niets)\s+(?:\w+\s+)?(?:aan|terug|terugnemen)\b",
    r"\bwhich\s+you\s+agreed\s+to\b|\bwaarmee\s+(?:u|je)\s+akkoord\b",
    r"\b(?:excess|eigen\s+risico)\b", r"\b(?:fee|charge|kosten)\s+(?:is|are|staan|staat)\s+(?:clearly\s+|duidelijk\s+)?"
    r"(?:listed|stated|shown|vermeld|in)\b",
    r"\b(?:no-?show|annulerings|servicekosten|no-?showkosten)\b[^.!?]{0,40}\b(?:listed|staan|vermeld|bevestigingsmail|"
    r"confirmation|explains?|uitgelegd)\b",
    r"\b(?:warranty|garantie)\s*(?:conditions|voorwaarden)\b", r"\bhouse\s+rules\b|\bhuisreglement\b",
    r"\b(?:require|requires|required)\s+a\s+deposit\b", r"\bvragen\s+(?:wij|we)\s+een\s+aanbetaling\b",
    r"\b(?:charged|charge|rekenen)\s+(?:\w+\s+){0,3}(?:separately|apart)\b",
    r"\b(?:our|ons|onze)\s+(?:policy|beleid)\b",
    r"\b(?:warranty|guarantee|policy|insurance|garantie|polis|verzekering)\s+(?:\w+\s+)?(?:excludes|sluit)\b",
    r"\bas\s+(?:noted|stated|shown|explained|mentioned|listed)\b", r"\bzoals\s+(?:vermeld|aangegeven|vermeldt)\s+bij\b",
    r"\b(?:can't|cannot|can\s+not|kan\s+niet\s+meer|kunnen\s+niet\s+meer)\s+(?:be\s+|worden\s+)?"
    r"(?:cancelled|canceled|geannuleerd|returned|exchanged|refunded)\b", r"\bvolgens\s+(?:ons|onze|het|de)\s+\w*(?:beleid|voorwaarden|regels|reglement)\b", r"\bpolicy\s+is\s+that\b", r"(?<!\bthree\s)(?<!\btwo\s)(?<!\bfour\s)(?<!\bfew\s)(?<!\bseveral\s)(?<!\d\s)\b(?:terms|voorwaarden)\b",
)
CHANGING = widen(CHANGING, r"\b(?:herschrijv|rewrit|onduidelijk|unclear)\w*\b",
                 r"\b(?:until|up\s+to)\s+now\b", r"\btot\s+(?:nu|nog|voor\s+kort)\s+toe\b|\btot\s+voor\s+kort\b")
