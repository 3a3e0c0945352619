"""The same moves recognised by the shape of the sentence rather than by its wording.

Each rule's phrase list grows with every new way of saying a thing; these frames catch
the construction instead: a negated verb of speaking aimed at the public ("we won't be
going into this here"), records as the subject of a verb of showing ("our till receipts
show"), blame moved off the team ("by the platform, not by our staff"), the crowd that
would tell another story, a feeling the writer says they would share ("I'd be annoyed
too"). Word families are written as stems, so plurals and Dutch compounds
("kassabonnen", "reserveringsvoorwaarden") match without being listed one by one.
"""

from __future__ import annotations

from desk.advice.coach import avoid, dismissive, present
from desk.advice.coach.text import rx, widen

# --- no comment: negation + a verb of speaking + "here", "in public", "further" -----------
_SPEAK = (r"(?:discuss|comment|air|hash\s+out|thrash\s+out|go(?:ing)?\s+into|get(?:ting)?\s+into|talk(?:ing)?\s+about|respond|react|"
          r"go(?:ing)?\s+back\s+and\s+forth|"
          r"elaborate|enter(?:ing)?\s+into|say\s+(?:more|anything|much))")
_PUBLIC = (r"(?:here|in\s+public|publicly|online|on\s+(?:(?:this|a|an|the)\s+)?(?:public\s+)?(?:review\s+)?(?:site|platform|forum|page)s?|"
           r"in\s+(?:this|a)\s+(?:public\s+)?(?:forum|setting|space)|in\s+(?:a|this|the)\s+(?:public\s+)?(?:review|reply|response)|"
           r"further|any\s+further|any\s+more|anymore|openly)")
_SPEAK_NL = (r"(?:spreken|spreek|bespreken|bespreek|ingaan|in\s+te\s+gaan|reageren|reageer|uitlaten|uitweiden|zeggen|toelichten|"
             r"in\s+discussie|uitspraken|uitspraak)")
_PUBLIC_NL = (r"(?:hier|in\s+het\s+openbaar|openbaar|openlijk|publiek(?:elijk)?|online|verder|op\s+deze\s+plek|"
              r"op\s+(?:dit|deze|het)\s+(?:platform|forum|site|pagina|medium)|via\s+deze\s+weg|"
              r"(?:in\s+)?(?:een\s+)?openbare\s+(?:omgeving|plek|ruimte|plaats))")
NO_COMMENT = widen(
    dismissive.NO_COMMENT,
    rf"\b(?:don't|do\s+not|won't|will\s+not|can't|cannot|aren't|are\s+not|isn't|is\s+not|not|never|rather\s+not|prefer\s+not\s+to|"
    rf"unable\s+to)\s+(?:[\w']+\s+){{0,6}}{_SPEAK}\w*\b[^.!?]{{0,60}}\b{_PUBLIC}\b",
    rf"\b{_SPEAK_NL}\b[^.!?]{{0,40}}\b(?:niet|geen|liever\s+niet)\b[^.!?]{{0,30}}\b{_PUBLIC_NL}\b",
    rf"\b(?:niet|geen|nooit)\b[^.!?]{{0,50}}\b{_PUBLIC_NL}\b[^.!?]{{0,30}}\b(?:op\s+in|in\s+op|uit|{_SPEAK_NL})\b",
    # "verder ga ik hier niet op de individuele situatie in"
    rf"\b(?:ga|gaan|gaat)\s+(?:ik|we|wij)\s+(?:\w+\s+)?{_PUBLIC_NL}\s+(?:\w+\s+)?niet\s+(?:verder\s+)?(?:op\b[^.!?]{{0,50}}\b)?in\b",
    rf"\b{_PUBLIC_NL}\b[^.!?]{{0,30}}\b(?:niet|niets|niks|geen)\b[^.!?]{{0,50}}\b{_SPEAK_NL}\b",
    rf"\b(?:nooit|niet)\s+(?:\w+\s+)?{_SPEAK_NL}\b[^.!?]{{0,50}}\b{_PUBLIC_NL}\b",
    r"\b(?:meer|verder)\b[^.!?]{0,40}\b(?:niet|niets|niks)\s+(?:te\s+)?(?:zeggen|melden|toevoegen|kwijt)\b",
    r"\b(?:nothing|not\s+(?:anything|much))\s+(?:more|further|else)\s+(?:to\s+)?(?:say|add)\b",
    # the discussion closed, whatever offer follows: "we'll be keeping our comments to that",
    # "dat wij het hierbij laten", "laten wij verder commentaar achterwege"
    r"\bkeep(?:ing)?\s+(?:our|my)\s+comments?\s+to\s+(?:that|this|a\s+minimum)\b",
    r"\b(?:we|wij)\s+laten\s+het\s+(?:hier|daar)\s*(?:verder\s+)?bij\b",
    r"\blaten\s+(?:we|wij)\s+het\s+(?:hier|daar)\s*(?:verder\s+)?bij\b",
    r"\b(?:we|wij)\s+het\s+(?:hier|daar)bij\s+(?:laten|houden)\b",
    r"\b(?:commentaar|reacties?|uitspraken)\b[^.!?]{0,30}\bachterwege\b",
)

# --- contradicts: records that show, or an account called inaccurate ----------------------
_RECORD = (r"(?!backlog)\w*(?:system|records?|logs?|receipts?|footage|cctv|cameras?|data|timesheets?|diary|calendar|"
           r"schedule|job\s+(?:cards?|sheets?)|invoices?|notes|tracking|gps|photos?|recordings?|timestamps?|"
           r"till\s+rolls?|history)")
_SHOW = r"(?:show|say|state|confirm|indicate|prove|record|tell|suggest|back\w*\s+(?:this|that|it|them|us)\s+up)\w*"
_RECORD_NL = (r"\w*(?:bon|bonnen|bonnetjes?|systeem|systemen|gegevens|beelden|camera'?s?|tijdstempels?|registraties?|agenda|planning|"
              r"fiches?|dossier|meetgegevens|"
              r"logboek\w*|\w*dagboek|administratie|factuur|facturen|werkbon\w*|notities|opnames?|trace|tijden)")
CONTRADICTS = widen(
    dismissive.CONTRADICTS,
    rf"\b(?:our|the|my)\s+(?:\w+\s+){{0,2}}{_RECORD}(?:\s+(?!you\b)\w+){{0,6}}\s+(?:clearly\s+|also\s+)?{_SHOW}\b",
    rf"\b(?:our|the|my)\s+(?:\w+\s+)?{_RECORD}\b[^.!?]{{0,40}}\b(?:which|and\s+(?:it|they|that))\s+(?:clearly\s+|doesn't\s+|does\s+not\s+|don't\s+)?"
    rf"{_SHOW}\b",
    rf"\b(?:ons|onze|de|het|mijn)\s+(?:\w+\s+)?{_RECORD_NL}\b[^.!?]{{0,40}}\b(?:daaruit|hieruit|waaruit)\s+(?:blijkt|bleek)\b",
    rf"\buit\s+(?:de|het|ons|onze|mijn)\s+(?:\w+\s+)?{_RECORD_NL}\b[^.!?]{{0,40}}\b(?:blijkt|bleek)\b",
    rf"\b(?:volgens\s+(?:ons|onze|de|het|mijn)|(?:in|op|uit)\s+(?:ons|onze|mijn))\s+(?:\w+\s+)?{_RECORD_NL}\b[^.!?]{{0,40}}"
    rf"\b(?:staat|stond|blijkt|bleek|zien|zie|zag|te\s+zien|vermeld|genoteerd)\b",
    rf"\b(?:ons|onze|de|het)\s+(?:\w+\s+)?{_RECORD_NL}(?:\s+(?!u\b|je\b)\w+){{0,4}}\s+(?:tonen|toont|(?:laten|laat)\b(?=[^.!?]{{0,40}}\bzien\b)|bevestig\w*|wijz\w*|"
    rf"geven|geeft|zeggen|zegt)\b",
    r"\b(?:not|isn't|wasn't|is\s+not|was\s+not)\s+(?:an?\s+|the\s+)?(?:entirely\s+|quite\s+|wholly\s+|very\s+)?"
    r"(?:accurate|correct|fair|true|truthful|honest|complete)\s+(?:account|picture|description|version|"
    r"reflection|representation|summary)\b",
    # records cited, then what they say: "I did check our order screen: your order was placed at 12:41"
    rf"\b(?:checked|check|looked\s+at|went\s+through|gone\s+through)\s+(?:our|the)\s+(?:\w+\s+)?"
    rf"(?:{_RECORD}|(?:order|till|booking)\s+screens?)\s*:",
    r"\bcloser\s+to\s+\d+\s+(?:minutes|mins|hours|days)\s+than\s+\d+",
    r"\bgeen\s+(?:\w+\s+)?(?:juiste|correcte|eerlijke|ware|accurate|volledige|kloppende|getrouwe)\s+(?:weergave|"
    r"voorstelling|beschrijving|beeld|verslag|versie)\b",
)

# The account told differently, however politely: "we remember it differently", "I stand
# by the description", "I don't believe your valuer is correct", "she's clear that she went
# through it with you", "toch moet ik zeggen dat".
CONTRADICTS = widen(
    CONTRADICTS,
    r"\bremember\s+(?:it|that|things|this|the\s+\w+)\s+differently\b",
    r"\b(?:herinneren|herinner)\s+(?:\w+\s+){0,3}anders\b",
    r"\bstand\s+by\s+(?:the|our|my)\s+(?:description|assessment|diagnosis|advice|quote|valuation|work|account)\b",
    r"\b(?:don't|do\s+not)\s+(?:believe|think)\s+(?:that\s+)?(?:your|the)\s+(?:\w+\s+){0,2}(?:is|was|are|were)\s+"
    r"(?:correct|right|accurate)\b",
    r"\b(?:he|she|they)(?:'s|\s+is|\s+was|'re|\s+are|\s+were)\s+(?:quite\s+|absolutely\s+|very\s+|completely\s+)?"
    r"(?:sure|certain|adamant|clear|positive)\s+(?:that\b|about\s+it\b)",
    r"\b(?:hij|zij|ze)\s+(?:is|was|weet)\s+(?:er\s+)?(?:heel\s+|vrij\s+|absoluut\s+)?(?:zeker|stellig|overtuigd)\b",
    r"\btoch\s+moet\s+ik\s+(?:wel\s+)?zeggen\s+dat\b",
    r"\b(?:match|matches|matched)\s+(?:the|your)\s+(?:measurements|order|details|specification|booking|instructions|form)\b",
    r"\b(?:don't|do\s+not)\s+(?:think|believe)\s+(?:it's|it\s+is|that's|that\s+is)\s+(?:entirely\s+|quite\s+|really\s+)?"
    r"(?:accurate|fair|true|right)\s+to\s+say\b",
    r"\b(?:I|we)\s+(?:don't|do\s+not)\s+(?:believe|think)\s+(?:that\s+)?(?:they|it|this|that|he|she|we|you|the\s+\w+)\s+"
    r"(?:was|were|is|are|had|did)\b"
    r"(?!\s+(?:acceptable|good|fair|ok|okay|right|professional|kind|how|what|enough|nice)\b)",
    r"\bso\s+I\s+(?:believe|think)\s+(?:that\s+)?(?:the|our|your)\s+\w+\s+(?:was|were|is|are)\s+(?:correct|right|accurate)\b",
    r"\b(?:was|were)\s+actually\s+(?:in|at|there|on\s+time|present|available|ready)\b",
)
# The staff's memory set against the customer's account: "our waiter remembers", "onze ober weet nog goed".
_STAFF = (r"(?:staff|team|waiter|waitress|server|driver|mechanic|technician|stylist|chef|receptionist|manager|colleague|"
          r"ober|serveerster|chauffeur|bezorger|monteur|kapper|kapster|kok|receptionist\w*|collega|medewerker)s?")
CONTRADICTS = widen(
    CONTRADICTS,
    rf"\b(?:our|the|onze|ons|de)\s+(?:\w+\s+)?{_STAFF}\b[^.!?]{{0,15}}?\b(?:clearly\s+|still\s+|distinctly\s+)?(?:remembers?|recalls?|"
    r"insists?|is\s+(?:sure|certain|adamant|positive)|herinnert\s+zich|weet\s+(?:nog\s+)?(?:goed|zeker|precies)|"
    r"is\s+(?:er\s+)?(?:zeker|stellig|overtuigd))\b",
)

# Records cited in the customer's favour are no rebuttal: "our log shows you were right"; nor
# is what we should have done and did not ("we hadden u moeten bellen, en dat is niet gebeurd").
CONCEDES = rx(
    r"\b(?:you're|you\s+are|you\s+were)\s+(?:\w+\s+)?right\b", r"\b(?:u|je|jij)\s+(?:\w+\s+)?(?:had|hebt|heeft)\s+"
    r"(?:\w+\s+)?gelijk\b", r"\bgelijk\s+(?:had|hebt|heeft)\b", r"\b(?:our|onze|mijn|my)\s+(?:own\s+)?(?:mistake|fault|fout|schuld)\b",
    r"\bwe\s+got\s+it\s+wrong\b", r"\b(?:we|I)\s+(?:really\s+)?should\s+have\b",
    r"\b(?:we|I)\s+(?:didn't|did\s+not)\s+listen\b",
    r"\b(?:we|wij|ik)\s+(?:had|hadden)\s+(?:\w+\s+){0,6}moeten\b",
    r"\bhad\s+(?:u|je|jij)\s+(?:\w+\s+){0,5}moeten\s+worden\b",
    r"\b(?:hoort|hoorde|hoorden|moest|moesten|had|hadden)\b[^.!?]*\ben\s+dat\s+is\s+niet\s+gebeurd\b",
    r"\b(?:meant|supposed)\s+to\b[^.!?]*\b(?:didn't|did\s+not)\s+happen\b", r"\bnot\s+good\s+enough\b",
    r"\b(?:dat|het)\s+ligt\s+(?:echt\s+|volledig\s+|helemaal\s+)?bij\s+(?:ons|mij)\b",
    r"\b(?:ik|wij|we)\s+(?:ben|zijn)\s+(?:daar|hier)\s+verantwoordelijk\s+voor\b|\bdaar\s+ben\s+ik\s+verantwoordelijk\b",
    r"\b(?:that's|that\s+is|it's|it\s+is)\s+on\s+(?:us|me)\b",
    r"\bgeen\s+(?:\w+\s+)?(?:excuus|reden|smoes)\b", r"\b(?:ons|mijn)\s+probleem\b",
    r"\b(?:onze|mijn)\s+verantwoordelijkheid\b", r"\bour\s+(?:problem|responsibility)\b",
    r"\b(?:een\s+)?fout\s+(?:in|van|bij)\s+(?:onze|ons|mijn)\b", r"\b(?:de\s+)?fout\s+ligt\s+(?:\w+\s+)?bij\s+(?:ons|mij)\b",
    r"\b(?:zie|zag)\s+(?:ik\s+)?(?:zelf\s+)?ook\s+dat\b", r"\bI\s+can\s+see\s+for\s+myself\s+that\b", r"\b(?:a|an)\s+(?:mistake|error)\s+(?:in|on|by|of)\s+(?:our|my)\b",
)
# "That did not happen" after what should have: the failure owned, not the account denied
# ("Een invalkracht had u moeten bellen. Dat is niet gebeurd."; "..., and that didn't happen").
UNDONE = rx(r"\b(?:dat|dit|het)\s+is\s+(?:niet|nooit)\s+gebeurd\b",
            r"\b(?:that|this|it)\s+(?:didn't|did\s+not|never)\s+happen(?:ed)?\b")
OBLIGED = rx(r"\b(?:should|ought\s+to|supposed\s+to|meant\s+to|expected\s+to|needs?\s+to|has\s+to|have\s+to)\b",
             r"\b(?:had|hadden)\b[^.!?]*\b(?:moeten|mogen)\b",
             r"\b(?:hoort|horen|hoorde|hoorden|moet|moeten|moest|moesten)\b")
# What a sentence says the customer was told ("being told it wasn't our problem made it worse")
# is reported, not argued.
REPORTED = rx(r"\b(?:told|hearing|heard|te\s+horen|gezegd|zeggen\s+dat|zei\s+dat|kreeg\s+te\s+horen|horen\s+dat|hoorde\s+dat)\b")
# A sentence that says what changed is no excuse, whatever season it names, and argues
# nothing, whatever records it names.
CHANGED = rx(
    r"\b(?:we've|we\s+have|i've|i\s+have)\s+(?:since\s+|now\s+|already\s+)?(?:changed|introduced|added|started|moved|"
    r"put\s+in|fixed|repaired|replaced)\b", r"\bfrom\s+now\s+on\b",
    r"\b(?:we|wij|ik)\s+(?:hebben|heb)\s+(?:sindsdien\s+|nu\s+|inmiddels\s+)?(?:\w+\s+){0,4}(?:veranderd|aangepast|"
    r"ingevoerd|ingesteld)\b", r"\bvoortaan\b", r"\bvanaf\s+nu\b",
    r"\b(?:we|wij|ik)\s+werken\s+(?:nu|sindsdien|inmiddels|vanaf\s+nu)\s+met\b",
    r"\b(?:nu|sindsdien|inmiddels)\s+werken\s+(?:we|wij)\s+met\b",
    r"\b(?:we|I)\s+now\s+(?!know\b|understand\b|reali[sz]e\b|see\b)\w+",
    r"\b(?:we're|we\s+are)\s+(?:also\s+|now\s+)?(?:adding|introducing|changing|putting\s+in|moving|starting)\b",
)

# --- defensive: blame moved off the team, the team defended, the crowd on our side --------
_OURS = r"(?:us|me|our\s+(?:\w+\s+)?(?:staff|team|people|kitchen|drivers?|company|shop|side|end|colleagues?|employees?|crew))"
_CROWD = (r"(?:guests|customers|clients|regulars|diners|patients|visitors|people|members|gasten|klanten|"
          r"stamgasten|bezoekers|mensen|patiënten|leden)")
DEFENSIVE = widen(
    avoid.DEFENSIVE,
    rf",\s*(?:and\s+)?not\s+(?:by|with|at|from|on)?\s*{_OURS}\b",
    r"\bniet\s+(?:door|aan)\s+(?:ons|mij|onze|mijn)\b", r",\s*niet\s+bij\s+(?:ons|onze)\b",
    r"\bstand\s+(?:\w+\s+)?(?:by|behind)\s+(?:our|my|the)\s+(?:\w+\s+)?(?:staff|team|people|employees?|colleagues?|"
    r"chefs?|drivers?|mechanics?|decision|crew)\b",
    r"\bstaan\s+(?:\w+\s+)?achter\s+(?:ons|onze|mijn)\s+(?:\w+\s+)?(?:team|personeel|medewerkers?|collega'?s|"
    r"beslissing|mensen)\b",
    rf"\b(?:most|other|many|our|all|de\s+meeste|andere|veel|onze)\s+(?:\w+\s+)?{_CROWD}\b[^.!?]{{0,60}}"
    r"\b(?:different\s+story|ander\s+verhaal|disagree|beg\s+to\s+differ|oneens|zien\s+dat\s+anders)\b",
    r"\b(?:(?:rest\s+of|others\s+(?:in|at))\s+(?:the|your)\s+(?:table|party|group|guests|family)|the\s+others|"
    r"de\s+rest\s+van\s+(?:de|het|uw|je|jullie)\s+(?:groep|gezelschap|tafel|gasten|familie)|de\s+anderen|de\s+overige)\b"
    r"[^.!?]{0,50}\b(?:happy|satisfied|pleased|enjoyed|loved|liked|fine|no\s+complaints|tevreden|genoten|lekker|"
    r"prima|blij|geen\s+klachten)\b",
)
# The rest of the group praising what the customer complains of: "many of your fellow
# passengers commented on how well he handled it".
DEFENSIVE = widen(
    DEFENSIVE,
    r"\b(?:many|most|several|other|all|the\s+other|your\s+fellow|de\s+meeste|veel|andere)\s+(?:of\s+(?:your|the)\s+)?"
    r"(?:fellow\s+|mede)?(?:passengers|guests|travell?ers|diners|customers|members|parents|pupils|students|"
    r"reizigers|passagiers|gasten|klanten|ouders|leerlingen)\b[^.!?]{0,40}\b(?:commented|praised|complimented|"
    r"thanked|told\s+us|said\s+how|complimenteerden|bedankten|prezen)\b",
)
# The excuse said the Dutch way round: "door de griepgolf waren we onderbezet".
EXCUSE = widen(
    avoid.EXCUSE,
    r"\b(?:was|waren|is|zijn)\s+(?:we|wij|het)\s+(?:\w+\s+){0,3}(?:druk|onderbezet|overvol|onderbemand)\b",
    r"\b(?:were|was)\s+(?:\w+\s+){0,2}(?:short[- ]staffed|understaffed|short\s+of\s+(?:staff|people))\b",
    # people off sick, or covered by temps who did not know the routine
    r"\b(?:staff|colleagues?|team\s+members?|instructors?|drivers?|teachers?|carers?|people|of\s+us|of\s+them)\b"
    r"[^.!?]{0,30}\b(?:off\s+sick|out\s+sick|called\s+in\s+sick|down\s+with|were\s+ill|was\s+ill)\b",
    r"\b(?:agency|temporary|relief)\s+(?:cover|staff|workers?)\b",
    r"\b(?:collega'?s|medewerkers?|instructeurs?|begeleiders?|chauffeurs?|docenten|leraren|krachten|personeel)\b"
    r"[^.!?]{0,40}\b(?:ziek|met\s+griep|griep)\b", r"\b(?:zieke\s+collega'?s|invalkrachten|uitzendkrachten)\b",
    r"\b(?:unforeseeable|unforeseen|onvoorzienbaar|onvoorspelbaar)\b",
    r"\b(?:we|wij|ik|us)\b[^.!?]{0,40}\b(?:niet|not)\s+(?:\w+\s+){0,2}(?:verantwoordelijk|aansprakelijk|responsible|liable)\b",
    r"\bin\s+(?:our|my|onze|mijn)\s+(?:experience|ervaring)\b",
    r"\b(?:weinig|geen)\s+vat\s+op\b", r"(?<!\byou\s)(?<!\bu\s)\b(?:had|have|has)\s+(?:little|no)\s+control\s+over\b",
    r"\bonly\s+so\s+much\s+(?:\w+\s+){0,3}can\s+do\b", r"\bonly\s+(?:two|three|\d)\s+of\s+us\b",
    r"\b(?:sta|staan|stond|stonden)\s+(?:ik|we|wij)\s+er\s+(?:[\w']+\s+){0,3}alleen\s+voor\b",
    r"\b(?:simply|just)\s+(?:can't|cannot)\s+(?:absorb|afford|carry|cover)\b",
    # a new system's problems as a matter of course
    r"\b(?:teething\s+(?:problems|troubles)|kinderziektes?|kinderziekten|opstartproblemen)\b",
    # the season or the weather told as the cause: "after the wet spring we've had"
    r"\b(?:(?:wet|dry|late|early|exceptionally\s+\w+)\s+(?:spring|summer|autumn|winter)|"
    r"(?:natte|droge|late|vroege)\s+(?:voorjaar|zomer|najaar|winter|herfst)|uitzonderlijk\s+(?:nat|droog|koud|warm)|"
    r"vorst\s+(?:viel|kwam|inviel)|(?:viel|kwam)\s+de\s+vorst|frost\s+came|weerbericht|weersverwachting|forecast)\b",
    r"\bstorm\s+(?-i:[A-Z][a-z]+)\b",
    # the damage called unavoidable, or something that happens
    r"\b(?:niet\s+te\s+(?:vermijden|voorkomen)|can(?:not|'t)\s+(?:always\s+)?be\s+avoided)\b",
    r"\b(?:kan|kunnen)\b[^.!?]{0,50}\bhelaas\s+(?:voorkomen|gebeuren)\b",
    # (not a superlative's "the worst things that can happen")
    r"(?<!\bthing\s)(?<!\bthings\s)\b(?:these|such|that|this|it|things|mistakes|accidents|delays|errors)\s+"
    r"(?:(?!that\b|which\b)\w+\s+)?"
    r"(?:can|do|does)\s+"
    r"(?:sometimes\s+|occasionally\s+|still\s+)?happen\b(?!\s+again)",
)

# --- small print: conditions of any kind, compounds included -------------------------------
SMALL_PRINT = widen(
    avoid.SMALL_PRINT,
    r"\b\w+voorwaarden\b", r"\b(?:our|the)\s+\w+\s+(?:conditions|terms)\b",
    # the agreement they signed, recited as what allows the team to act
    r"\b(?:our|the)\s+(?:\w+\s+)?(?:agreement|contract)\b[^.!?]{0,80}\b(?:allows?|permits?|entitles?|states?|says?)\b",
    r"\b(?:volgens|in)\s+(?:de|het|onze|ons)\s+\w*(?:overeenkomst|contract|reglement)\b[^.!?]{0,80}"
    r"\b(?:mogen|mag|kunnen|staat|dienen)\b",
    # a rule stated in the passive: "non-returnable", "worden na bevestiging niet terugbetaald"
    r"\bnon-?(?:returnable|refundable|exchangeable|transferable|cancellable)\b",
    r"\b(?:worden|wordt|kunnen|kan)\s+(?:\w+\s+){0,3}niet\s+(?:worden\s+)?(?:geruild|omgeruild|teruggenomen|"
    r"terugbetaald|geretourneerd|geannuleerd|vergoed)\b",
    r"\b(?:are|is)\s+charged\s+in\s+full\b", r"\b(?:worden|wordt)\s+(?:\w+\s+)?volledig\s+in\s+rekening\s+gebracht\b",
    # the rule pointed at: "as outlined in your booking confirmation", "volgens artikel 4.3",
    # "in line with our access policy", "under the Taking Control of Goods (Fees) Regulations"
    r"\bas\s+(?:outlined|stated|set\s+out|explained|described|specified|noted)\s+(?:in|on)\s+(?:your|our|the)\s+\w+",
    r"\bper\s+our\s+posted\s+(?:hours|rules|times|prices|policy)\b",
    r"\bin\s+line\s+with\s+(?:\w+\s+)?policy\b",
    # "dit staat vermeld op de website, in de reserveringsbevestiging en op de menukaart"
    r"\b(?:dit|dat|het)\s+staat\s+(?:ook\s+|duidelijk\s+)?(?:vermeld|aangegeven|beschreven|vermeldt)\s+(?:op|in)\s+"
    r"(?:de|onze|ons|het|uw|je)\s+\w+",
    r"\b(?:volgens|conform|krachtens|op\s+basis\s+van|under|according\s+to)\s+(?:artikel|art\.|article|clause|section)\s*\d",
    r"\b(?:algemene|onze)\s+voorwaarden\b",
    r"\b(?:in\s+line\s+with|as\s+per|per)\s+(?:our|the)\s+(?:\w+\s+){0,3}(?:policy|policies|terms|rules)\b",
    r"\b(?:under|according\s+to|in\s+line\s+with)\s+the\s+(?:(?-i:[A-Z(][\w()-]*)\s+|of\s+|and\s+|for\s+){1,8}"
    r"(?-i:Regulations|Act|Rules|Code|Directive)\b",
)

# --- empathy: the feeling shared, the evening that was not what they hoped for -------------
_FEEL = (r"(?:annoyed|upset|frustrated|furious|cross|angry|disappointed|fuming|livid|raging|gutted|mad|fed\s+up|"
         r"irritated|unhappy|let\s+down|worried|stressed)")
_FEEL_NL = (r"(?:boos|kwaad|balen|teleurgesteld|gefrustreerd|geïrriteerd|chagrijnig|overstuur|van\s+streek|"
            r"ontevreden|pissig|woest|ziedend)")
EMPATHY = widen(
    present.EMPATHY,
    rf"\b(?:i|we)(?:'d|\s+would)\s+(?:\w+\s+)?(?:be|feel|have\s+been)\s+(?:\w+\s+)?{_FEEL}\b",
    r"\b(?:anyone|anybody|everyone|who)\s+(?:would|'d|wouldn't)\s+(?:\w+\s+)?(?:be|feel)\b",
    rf"\b(?:ik|wij|we)\s+zou(?:den)?\s+(?:\w+\s+){{0,3}}{_FEEL_NL}\b", rf"\bzou(?:den)?\s+(?:ik|wij|we)\s+(?:\w+\s+){{0,3}}{_FEEL_NL}\b",
    r"\bnot\s+(?:the|what)\s+(?:\w+\s+){0,3}(?:you|anyone)\s+(?:were\s+|was\s+|had\s+)?(?:\w+\s+)?(?:looking\s+forward\s+to|"
    r"planned|hoped|expected|wanted|had\s+in\s+mind|deserve\w*|signed\s+up\s+for|paid\s+for)",
    r"\b(?:not|isn't|wasn't)\s+the\s+\w+\s+(?:\w+\s+)?(?:we|i)\s+(?:aim|want|strive|hope|expect)",
    r"\bniet\s+(?:de|het|wat)\s+(?:\w+\s+){0,3}(?:die|waar|dat|wat)\s+(?:u|je|jij|jullie|iemand)\b[^.!?]{0,30}"
    r"\b(?:verwacht\w*|gehoopt|voor\s+ogen|verdien\w*|verheugd|uitkeek|gepland|wilde)\b",
    r"\b(?:ik|we|wij)\s+(?:\w+\s+)?(?:weet|weten|zie|zien|snap|snappen|begrijp|begrijpen|voel|voelen|merk)\s+"
    r"(?:goed\s+|heel\s+goed\s+|echt\s+)?(?:hoe|waarom|wat)\b",
    r"\b(?:is|was|moet)\s+(?:\w+\s+)?(?:naar|rot|pijnlijk|ellendig|vreselijk|akelig|zwaar|vervelend|frustrerend)\s+"
    r"(?:om|als|dat|geweest)\b",
)

# How the experience felt, said of it: "waiting in all morning is maddening", "moet uitputtend
# geweest zijn", "would upset anyone", "ik weet hoeveel een bruidstaart betekent".
_HARD = (r"(?:maddening|infuriating|exhausting|horrible|awful|miserable|unsettling|upsetting|stressful|embarrassing|tough|"
         r"wretched|grim|rotten|rubbish|lousy|galling|disheartening|demoralising|demoralizing|distressing|unpleasant|"
         r"hellish|zwaar|lastig|ontmoedigend|frustrerend|"
         r"humiliating|gutting|heartbreaking|nerve-?wracking|draining|tiring|dreadful|frightening|scary|worrying|"
         r"disappointing|frustrating|annoying|hurtful|unfair|uitputtend|spannend|vervelend|frustrerend|ellendig|"
         r"jammer|pijnlijk|zonde|stressvol|zenuwslopend|vermoeiend|gênant|beschamend|naar|rot|verschrikkelijk|"
         r"vreselijk|afschuwelijk|teleurstellend|zuur|eng|akelig|kwetsend|oneerlijk)")
EMPATHY = widen(
    EMPATHY,
    r"\bwould\s+(?:\w+\s+)?(?:upset|annoy|frustrate|anger|bother|infuriate|disappoint|worry|stress|hurt)\s+"
    r"(?:anyone|anybody|everyone|any\s+\w+)\b",
    r"\bzou\s+(?:\w+\s+)?(?:iedereen|iedere\s+\w+|elke\s+\w+|ieder\s+\w+)\s+(?:\w+\s+){0,2}(?:van\s+streek|boos|kwaad|"
    r"ergeren|irriteren|frustreren|teleurstellen|maken)\b",
    r"\b(?:i|we)\s+(?:can\s+)?(?:see|know|hear|appreciate|realise|realize|recognise|recognize)\s+(?:that\s+)?"
    r"(?:you|this|it)\s+(?:\w+\s+){0,2}(?:feel|felt|meant|means|matters|mattered|was\s+(?:a\s+)?(?:costly|expensive|"
    r"big|special|important))\b",
    r"\b(?:i|we)\s+(?:can\s+)?(?:see|know|appreciate)\s+(?:how\s+much|how\s+important)\b",
    r"\b(?:ik|we|wij)\s+(?:\w+\s+)?(?:zie|zien|weet|weten|merk|merken|besef|beseffen)\s+(?:goed\s+|heel\s+goed\s+)?"
    r"(?:dat\s+(?:u|je|jij)\b[^.!?]{0,20}\b(?:voelt|denkt|vindt|baalt|zit)|hoeveel|hoe\s+belangrijk)\b",
)

# The same said of the experience itself; its negation is read inside the pattern, since a
# "never" earlier in the subject ("a plumber who never turns up is maddening") negates nothing.
_NOT = r"(?!(?:not|niet|never|nooit|geen|hardly|nauwelijks)\b)"
FELT = rx(
    rf"\b(?:is|was|are|were|must\s+be|must\s+have\s+been|can\s+be|would\s+be|feels|felt|lijkt\s+me|is\s+al|"
    rf"zijn|blijft)\s+{_NOT}(?:\w+\s+{_NOT}){{0,2}}{_HARD}\b",
    rf"\b(?<!\bniet\s){_HARD}\s+(?:\w+\s+)?(?:geweest|zijn\s+geweest|genoeg)\b",
    # "must have been" said the Dutch way, and what was no small thing for the customer
    rf"\bmoet\s+{_NOT}(?:\w+\s+{_NOT}){{0,3}}(?:geweest\s+zijn|zijn\s+geweest|geschrokken\s+zijn)\b",
    r"\b(?:(?:not|no)\s+(?:a\s+)?(?:small|little|minor)\s+(?:thing|matter)|geen\s+(?:kleinigheid|klein\s+ding|"
    r"kleine\s+zaak|detail))\b",
    # a bad start or end named as such, or how nobody wants to spend their day
    r"\b(?:a|an|een)\s+(?:\w+\s+)?(?:rubbish|rotten|horrible|awful|miserable|terrible|lousy|grim|sad|dreadful|"
    r"rot|slecht\w*|nare?|vervelende?|treurige?|belabberde?)\s*(?:start|end|ending|finish|way\s+to|begin|einde|afsluiting|"
    r"manier\s+om)\b",
    r"\bom\s+(?:gek|moedeloos|horendol|wanhopig|chagrijnig)\s+van\s+te\s+worden\b",
    r"\bnot\s+how\s+(?:you|anyone|anybody|one|we)\s+(?:\w+\s+)?(?:wants?|wanted|hopes?|expects?|would\s+want)\s+to\b",
    r"\bzo\s+(?:wil|begin|eindig|beleef|start|besteed)\s+(?:je|u|jij|niemand|iemand)\s+(?:\w+\s+){0,3}"
    r"(?:niet|liever\s+niet)\b",
)

# --- offline: a message, a call or a visit, however it is put ------------------------------
OFFLINE = widen(
    present.OFFLINE,
    r"\b(?:u|je|jou|jullie)\s+(?:\w+\s+){0,2}telefonisch\b",
    r"\btelefonisch\s+(?:\w+\s+){0,2}(?:spreken|bespreken|contact|bereik\w*|terugbellen|door\w*)\b", r"\b(?:bericht|berichtje|mail|mailtje)\s+(?:stuurt|sturen|stuur)\b",
    r"\bstuur\w*\s+(?:[\w-]+\s+){0,4}(?:\w*bericht|[\w-]*mail|dm)\b",
    # a channel the customer already has: the order email, the number on the website, the desk
    r"\b(?:reply|respond|answer|write\s+back|reageer\w*|antwoord\w*)\s+(?:\w+\s+){0,2}(?:to|on|op)\s+(?:your|the|our|uw|"
    r"je|de|onze|ons|het)\s+(?:\w+\s+){0,2}[\w-]*(?:e-?mail|mail|message|bericht|text|sms|confirmation|bevestiging)\b",
    r"\b(?:i've|we've|i\s+have|we\s+have|ik\s+heb|we\s+hebben|wij\s+hebben)\s+(?:just\s+|already\s+|net\s+|al\s+)?"
    r"(?:sent|messaged|emailed|e-mailed|texted|(?:u|je)\s+(?:\w+\s+){0,3}(?:gestuurd|gemaild|ge-?maild))\b",
    r"\b(?:on|at|via|op|through)\s+(?:the|our|de|ons|onze|het)\s+(?:\w+\s+)?(?:number|nummer|phone\s+number|"
    r"telefoonnummer|phone\s+line|contact\s+form|contactformulier)\b",
    r"\b(?:bel|belt|bellen|mail|mailt|mailen|e-?mail|call|ring|phone|contact|message|text|write\s+to|schrijf)\s+"
    r"(?:(?:u|je|gerust|even|dan)\s+){0,3}(?:met\s+|naar\s+)?(?:the|our|de|het|onze|ons)\s+(?:\w+\s+)?\w*(?:team|desk|"
    r"balie|receptie|reception|office|kantoor|praktijk|garage|salon|shop|winkel|zaak|studio|manager|leider|line|lijn)\b",
    r"\b(?:persoonlijk\s+)?(?:langskomt|langskomen|langs\s+(?:te\s+)?komen|langs\s+komt|binnenloopt|binnenlopen|"
    r"binnen\s+(?:te\s+)?lopen|binnenwipt|binnenwippen)\b",
    r"\b(?:pop|drop|stop|call)\s+(?:in|by)\b", r"\bin\s+person\b",
)
# A matter said to be settled privately offers no talk: "we've dealt with this privately".
OFFLINE_NOT = rx(
    r"\b(?:dealt\s+with|handled|resolved|settled|sorted(?:\s+out)?|afgehandeld|opgelost|geregeld)\s+(?:\w+\s+){0,3}"
    r"(?:privately|privé|onderling)\b",
)

# --- thanks in other words: "top dat je het gewoon zegt" -----------------------------------
THANKS = widen(
    present.THANKS,
    r"\b(?:top|tof|chapeau|sterk|netjes|knap|brilliant|lovely|kind\s+of\s+you|good\s+of\s+you)\s+(?:dat|that)\s+"
    r"(?:je|u|jij|you)\b[^.!?]{0,30}\b(?:zegt|zei|aangeeft|aankaart|meldt|laat\s+weten|schrijft|say|said|speak|"
    r"spoke|wrote|told|flagged|raised)\b",
)
