"""Promises a reply makes on the team's behalf: money back, a discount, a voucher, something
free, a replacement, paid costs, or a guarantee. Language models write these readily and
nobody may have agreed to them, so each needs the owner's or the lead's yes unless the
team allows that kind of offer."""

from __future__ import annotations

import re

from desk.advice.coach.text import negated, rx

OFFER_KINDS = ("refund", "discount", "voucher", "free", "replacement", "compensation", "guarantee")

# Who gives: "we", "I", "you will get", "u krijgt", "wij", "ik", or an impersonal offer.
_WE = r"(?:we|we'll|we've|we're|i|i'll|i've|i'm|wij|we|ik|ons|onze|our)"
_NOT_SENT = r"(?!\s+(?:te\s+)?(?:stur|zend|breng)\w*)"  # "terug te sturen": sent back, not paid back
_YOU_GET = r"(?:you'll|you\s+will|you\s+can|you\s+get|u\s+krijgt|je\s+krijgt|krijgt\s+u|krijg\s+je|is\s+yours|are\s+yours)"

_KINDS: dict[str, re.Pattern[str]] = {
    "refund": rx(
        r"\brefund(?:ed|ing|s)?\b(?!\s+(?:request|policy|form|process|application))",
        # money back offered, not the customer's own asking for it
        r"(?<!\basking\sfor\s)(?<!\basked\sfor\s)(?<!\bask\sfor\s)\b(?:your|the\s+full|full|all\s+your|the)\s+money\s+back\b",
        r"(?<!\bthe\s)(?<!\byour\s)\bmoney\s+back\b",
        r"\breimburs\w*\b", r"\bpay\s+(?:you\s+)?back\b",
        r"(?<!\bover\sde\s)\bterug\s*(?:betal|stort)\w*\b", r"\bstort\w*\b[^.!?]{0,60}\bterug\b",
        # money back, not a grumpy cook back or a mattress paid to send back
        r"\bgeld\s+terug\b", r"\bvan\s+ons\s+terug\b",
        # "krijg je de €35 ook nog terug", "the dessert is on us" in Dutch: "is het toetje … van ons"
        r"\b(?:krijg|krijgt)\s+(?:je|u|jij|ge|jullie)\s+(?:\w+\s+){0,3}[€$£]\s?\d[^.!?]{0,20}\bterug\b",
        r"\b(?:toetje|dessert|drankje|drankjes|koffie|taart|etentje|rondje|consumptie|ijsje|les|ritje)\b[^.!?]{0,40}"
        r"\b(?:is|zijn)\s+(?:\w+\s+)?van\s+ons\b|\b(?:is|zijn)\s+(?:het|de)\s+(?:toetje|dessert|drankje|drankjes|"
        r"koffie|taart|etentje|rondje|consumptie|ijsje)\b[^.!?]{0,40}\bvan\s+ons\b", r"\b(?:krijgt|krijg|ontvangt)\b[^.!?]{0,40}\b(?:geld|bedrag|"
        r"aanbetaling|borg|\w*kosten|euro|alles|volledig\w*)\b[^.!?]{0,20}\bterug\b",
        r"\b(?:geld|bedrag|aanbetaling|borg|\w*kosten)\b[^.!?]{0,30}\b(?:krijgt|krijg|ontvangt)\b[^.!?]{0,30}\bterug\b",
        rf"\bbetal\w*\b[^.!?]{{0,60}}\bterug\b{_NOT_SENT}", rf"\b(?:ik|we|wij)\s+(?:\w+\s+)?betaal\w*\b[^.!?]{{0,60}}\bterug\b{_NOT_SENT}", r"\bcrediteren\b|\bcreditnota\b",
    ),
    "discount": rx(r"\bdiscount\w*\b", r"(?<!\bonly\s)\bwaiv(?:e|ed|es|ing)\b", r"\b\d+\s*%\s+(?:van\s+(?:de|je|uw)\s+(?:rekening|factuur|prijs)\s+)?af\b", r"\b(?:knock|take)\s+(?:\S+\s+){0,4}off\s+(?:your|the)\b(?!\s+hands\b)",
                   r"\b(?:laten|laat)\s+(?:we|wij|ik)\s+(?:\w+\s+)?vallen\b", r"\bkwijtschel\w*\b", r"\b\d+\s*%\s*(?:off|korting)\b", r"\bkorting\b", r"\bprice\s+reduction\b"),
    "voucher": rx(
        # a voucher offered, not the customer's own ("find the voucher's out of date")
        r"(?<!\bthe\s)(?<!\byour\s)\bvouchers?\b", r"\bgift\s*(?:card|voucher)s?\b", r"\bcoupons?\b",
        r"(?:[€$£]\s?\d+|\b\d+\s*(?:euro|pounds?|dollars?))\s+(?:credit|tegoed)\b", r"\bcredit\s+on\s+your\b",
        r"\b(?:cadeau|tegoed|waarde|kado)bon(?:nen|netjes?)?\b", r"\btegoed\b",
    ),
    "free": rx(
        r"(?<!-)(?<!\bkept\s)(?<!\bkeep\s)(?<!\bstay\s)(?<!\bstays\s)\bfree\b(?!\s+(?:to|time|from|of\s+(?:any|all))\b)", r"\bon\s+the\s+house\b", r"\bcomplimentary\b",
        r"\bat\s+no\s+(?:extra\s+)?(?:cost|charge)\b", r"\bat\s+(?:our|my)\s+(?:own\s+)?(?:cost|expense)\b", r"\bno\s+charge\b", r"\bas\s+a\s+(?:small\s+)?gesture\b",
        r"\bgratis\b", r"\bkosteloos\b",
        # on the house, not the house's character ("het karakter van het huis")
        r"\b(?:is|zijn|krijgt|krijg|krijgen|bieden|aangeboden|gaat|gaan)\b[^.!?]{0,30}\bvan\s+het\s+huis\b", r"\bop\s+kosten\s+van\s+de\s+zaak\b",
        r"\bop\s+(?:onze|mijn)\s+kosten\b", r"\b(?:uiteraard\s+|natuurlijk\s+|helemaal\s+)?zonder\s+(?:extra\s+)?kosten\b",
        r"\bkrijg\w*\b[^.!?]{0,60}\b(?:cadeau|kado)\b", r"\b(?:onze|mijn)\s+gast(?:en)?\s+(?:voor|bij)\b",
        r"\b(?:be|are)\s+(?:our|my)\s+guests?\s+(?:for|at)\b",
        r"\b(?:come\s+back|return|join\s+us|visit\s+us|stay)\b[^.!?]{0,20}\bas\s+(?:my|our)\s+guests?\b",
        r"\b(?:dinner|lunch|breakfast|meal|drinks?|dessert|coffee|the\s+bill)\b[^.!?]{0,40}\b(?:is|are|'s)\s+on\s+(?:us|me|the\s+house)\b",
        r"\bals\s+(?:klein\s+)?gebaar\b", r"\bbottle\s+of\s+\w+|\bfles\s+(?:\w+\s+)?(?:\w*wijn|champagne|cava|prosecco|bubbels|port)\b",
        r"\b(?:on|op)\s+(?:the|our|de|onze)\s+(?:guest\s*list|gastenlijst)\b", r"\b(?:is|zijn|krijgt|krijg|krijgen|gaat|gaan|aangeboden)\b[^.!?]{0,30}\bvan\s+de\s+zaak\b",
        r"\b(?:krijg|krijgt|krijgen)\b[^.!?]{0,40}\b(?:koffie|drankje|broodje|taart|gebak|fles|lunch|diner|ontbijt|"
        r"nacht|kaartje|ticket|behandeling|les|maaltijd|ijsje)\w*\b[^.!?]{0,20}\bvan\s+ons\b",
        # something to have, on us ("a night on us"); "that's on us" owns a mistake instead
        r"\b(?:your|the)\s+next\s+(?:[\w']+\s+){0,3}(?:is|are)\s+on\s+(?:us|me|the\s+house)\b",
        # something given, "entirely on us"; not a failure owned ("which is entirely on me")
        r"\b(?:tour|tasting|meal|dinner|lunch|night|stay|drinks?|round|visit|session|lesson|treatment|class|"
        r"service|repair)\b[^.!?]{0,15},?\s+(?:entirely|completely|totally|all)\s+on\s+(?:us|me|the\s+house)\b",
        r"(?<!\bduring\s)(?<!\bwithin\s)(?<!\boutside\s)(?<!\bin\s)(?<!\bof\s)"
        r"\b(?:a|an|one|two|three|\d+|your\s+next|the\s+next|next|the|your|first|our)\s+(?:[\w']+\s+){0,2}(?:night|stay|meal|"
        r"dinner|lunch|breakfast|drink|round|coffee|dessert|bottle|treatment|session|lesson|class|visit|cut|wash|service|"
        r"ticket|tour|tasting|hour|game|ride|entry|rent|fee|delivery|pour|pint|beer|glass|cocktail|scoop|slice|cake|pizza|portion)(?:s|es)?"
        r"(?:\s+\w+){0,4}\s+on\s+(?:us|me|the\s+house)\b", r"\b(?:volgende|next)\b[^.!?]{0,30}\b(?:is|zijn)\s+van\s+ons\b",
    ),
    "replacement": rx(
        r"\b(?:we|i|we'll|i'll|we\s+will|i\s+will|wij|ik)\s+(?:will\s+|zullen\s+|gaan\s+|can\s+|kunnen\s+)?"
        r"(?:replace|vervangen|vervang)\b(?!\s+(?:het\s+|the\s+)?(?:bordje|sign|policy|beleid))",
        # a brand-new one given, not a brand-new one that failed ("a brand-new door that sticks")
        r"\b(?:send|give|get|bring|fit|install|krijg\w*|stur\w*|breng\w*|plaats\w*|lever\w*)\b[^.!?]{0,25}"
        r"\b(?:brand[- ]new|gloednieuw\w*)\b", r"\bsend\s+you\s+a\s+new\b",
        r"\b(?:send|sturen|stuur|ship|deliver)\w*\b[^.!?]{0,30}\b(?:replacement|vervangend\w*)\b",
        r"\b(?:swap|exchange|ruil\w*)\b[^.!?]{0,40}\b(?:new|nieuwe?)\b",
        r"\b(?:een|je|jouw|uw)\s+nieuwe?\b[^.!?]{0,25}\b(?:sturen|opsturen|toesturen|stuur)\b",
        r"\bkrijg\w*\b[^.!?]{0,20}\bvan\s+ons\b[^.!?]{0,20}\bnieuwe?\b",
        # "dan krijgt ze een nieuwe van ons", "you'll get a new one from us"
        r"\b(?:krijg\w*|get|gets)\b[^.!?]{0,20}\b(?:een\s+nieuwe?|a\s+new)\b[^.!?]{0,20}\b(?:van\s+ons|from\s+us|on\s+us)\b",
        r"(?<!\bje\s)(?<!\bu\s)(?<!\bjij\s)\b(?:stur|zend|breng)\w*\s+(?:(?:we|wij|ik)\s+)?(?:je|u|jou)\b[^.!?]{0,30}"
        r"\b(?:een|je|jouw|uw)\s+nieuwe?\b",
    ),
    "compensation": rx(
        r"\bcompensat\w*\b", r"\b(?:cover|pay\s+for|pay)\s+(?:the|your)\s+(?:\w+\s+)?(?:costs?|bill|fare|damage|repair)\b",
        r"\bvergoed\w*\b(?![^.!?]{0,60}\bverschuldigd\b)", r"\bschadevergoeding\b",
        r"\b(?:rekening|factuur|kosten)\b[^.!?]{0,40}\bbetalen\s+(?:wij|we|ik)\b", r"\bvoor\s+(?:onze|eigen)\s+rekening\b",
        r"\b(?:cover|pay\s+for|pay\s+back|reimburse)\s+(?:whatever|what|everything|anything)\s+you\s+(?:spent|paid|had\s+to\s+pay)\b",
        r"\bpay\s+you\s+(?:an?\s+)?(?:extra\s+|further\s+|additional\s+)?(?:[£€$]\s?\d+|\d+\s*(?:euro|pounds?))",
        r"\b(?:we'll|we\s+will|i'll|i\s+will)\s+(?:cover|pay\s+for)\s+(?:it|that|them|the\s+difference)\b",
        rf"\bbetalen\b[^.!?]{{0,30}}\bterug\b{_NOT_SENT}",
    ),
    "guarantee": rx(
        r"\bguarantee\w*\b", r"\bnever\s+(?:ever\s+)?happen\s+again\b", r"\b(?:i|we)\s+promise\s+(?:you|to|that|it|this)\b",
        r"\bgegarandeerd\b", r"\bgarande\w*\b", r"\b(?:ik|we|wij)\s+(?:\w+\s+)?(?:beloof|beloven)\b|\b(?:beloof|beloven)\s+(?:ik|we|wij)\b",
        r"\bnooit\s+meer\s+(?:gebeurt|zal\s+gebeuren|gebeuren)\b",
        # "I'll make sure this never happens again", "zorgen dat het niet meer voorkomt"
        r"\bnever\s+(?:\w+\s+)?happens?\s+again\b", r"\b(?:won't|will\s+not)\s+(?:\w+\s+)?happen\s+again\b",
        r"\bnooit\s+meer\s+(?:\w+\s+)?(?:gebeurt|voorkomt|zal|voor\s*komt)\b",
        r"\bzorgen?\s+(?:er\s+)?(?:voor\s+)?dat\s+(?:dit|dat|het)\s+(?:nooit|niet)\s+meer\b",
    ),
}
# Not an offer: the customer's own request, or what the team cannot do.
_NOT_AN_OFFER = rx(
    r"\b(?:your|uw|je|jouw)\s+(?:\w+\s+)?(?:refund|terugbetaling)\s*(?:request|verzoek|aanvraag)?\b",
    r"\b(?:refund|terugbetaling)\s+(?:request|verzoek|aanvraag|policy|beleid)\b",
    r"\b(?:no|not|cannot|can't|without|geen|niet|nooit|zonder)\s+(?!(?:charge|cost|extra|kosten)\b)(?:\w+\s+){0,4}"
    r"(?:refund|voucher|discount|korting|terug\w*)\b",
    r"\b(?:talk|talked|talking|ask|asked|asking|praten|vragen|vroeg)\s+(?:about|over|naar|om)\s+(?:a\s+|een\s+)?(?:refunds?|"
    r"terugbetaling|discounts?|vouchers?|korting|compensation|compensatie)\b",
    # terms recited: "our terms of commission state that complimentary adjustments are included"
    r"\b(?:our|the|onze|de)\s+(?:\w+\s+)?(?:terms|conditions|policy|voorwaarden|reglement|agreement|contract)\b"
    r"(?:\s+of\s+\w+)?\s+(?:state|states|say|says|stipulat\w+|specif\w+|bepalen|bepaalt|zeggen|stellen|vermelden)\b",
    # a failure owned ("the lack of a call is on us"), an offer judged ("a voucher was never a fair answer")
    r"\b(?:lack|failure|mistake|error|delay|mix-?up|fault|miscommunication)\b[^.!?]{0,30}\b(?:is|was)\s+on\s+(?:us|me)\b",
    r"\b(?:voucher|refund|discount|korting|cadeaubon)\b[^.!?]{0,30}\b(?:was|is|were|are|werd)\s+(?:never|not|nooit|niet)\b",
    r"\b(?:voucher|refund|discount|korting|credit|\d+\s*%\s*(?:off|korting))\b[^.!?]{0,20}\b(?:doesn't|does\s+not|didn't|"
    r"did\s+not|won't|wouldn't|isn't|wasn't|can't|cannot|lost\s+niets|maakt\s+niets)\b",
    # an offer made before, reported: "the counter offered you a discount and you said no"
    r"\b(?:offered|gave|bood|boden)\s+(?:you|u|je)\s+(?:a|an|een)\s+(?:\w+\s+)?(?:discount|refund|voucher|korting|tegoedbon)\b",
    r"\b(?:tegoedbon|voucher|korting|cadeaubon|credit)\b[^.!?]{0,20}\b(?:aangeboden\s+(?:kreeg|kregen|krijgen|werd|hebben)|"
    r"(?:was|were)\s+offered|kreeg|kregen)\b",
    r"\b(?:kreeg|kregen|werd|werden)\b[^.!?]{0,40}\b(?:tegoedbon|voucher|korting|cadeaubon)\b[^.!?]{0,15}\baangeboden\b",
    # what they were told, reported: "if you were told you could get your money back"
    r"\b(?:you\s+were|u\s+werd|je\s+werd)\s+(?:\w+\s+){0,3}told\b|\bwere\s+told\b[^.!?]{0,40}\bthat\b",
    r"\b(?:our|the|onze|de)\s+guarantee\s+(?:only\s+)?(?:covers|excludes|applies|does\s+not|doesn't|is\s+limited)\b",
    # terms recited (that is small print, not an offer to this customer): "under clause 12.3 ...
    # refunds are processed", "volgens artikel 11.3 ... recht op een tegoedbon"
    r"\b(?:under|according\s+to|per|volgens|conform|as\s+(?:set\s+out|stated|outlined|explained|described)\s+in|"
    r"zoals\s+(?:\w+\s+)?(?:in|vermeld\s+in|beschreven\s+in))\s+(?:clause|article|artikel|section|paragraph|"
    r"(?:our|the|onze|de)\s+(?:\w+\s+)?(?:terms|conditions|\w*policy|\w*voorwaarden|\w*reglement|\w*agreement|"
    r"\w*contract|\w*overeenkomst))\b",
    # a prize, not a gift: "de hoofdprijs was een fles huiswijn"
    r"\b(?:prijs|hoofdprijs|prize|first\s+prize)\b[^.!?]{0,20}\b(?:fles|bottle)\b",
    # free as in not taken: "a spare slot free", "whoever was free", "Free Comic Book Day"
    r"\b(?:slots?|spots?|space|time|room|table|day|dates?|evening|morning|afternoon|chair|lane|whoever\s+(?:was|is)|"
    r"anyone\s+(?:was|is)|who\s+(?:was|were))\s+free\b",
    r"\b(?:it|they|lads|team|crew|staff|someone|somebody|table|van|room)\s+(?:was|were)\s+free\b",
    r"\b(?:keep|keeps|kept|keeping)\s+(?:\w+\s+){0,2}free\b",
    # a guarantee that exists, not one given now: "every guarantee call-out", "under guarantee"
    r"\bguarantee\s+(?:call-?outs?|claims?|work|visits?|period|terms|card|repairs?)\b", r"\bunder\s+(?:the\s+)?guarantee\b",
    r"\b(?:section|clause|article|artikel)\s+\d+(?:\.\d+)?\s+(?:of|van)\s+(?:our|the|onze|de)\s+(?:\w+\s+)?"
    r"(?:terms|conditions|policy|voorwaarden|reglement)\b",
    r"(?-i:\bFree\s+[A-Z]\w+)",
    r"\b(?:promised|promise)\b[^.!?]{0,30}\b(?:website|site|call|callback)\b",
    r"\bbeloofd\b",
    # someone else's replacement, or the customer's own voucher: "our supplier was late delivering a
    # replacement order", "zeker met een cadeaubon is dat zuur"
    r"\b(?:supplier|leverancier|manufacturer|fabrikant|wholesaler|groothandel)\b[^.!?]{0,40}\b(?:replacement|vervang\w*)\b",
    r"\b(?:zeker|vooral|helemaal|especially)\s+(?:met|with|on)\s+(?:een|a)\s+(?:cadeaubon|voucher|kortingsbon|gift\s*card)\b",
    r"\b(?:chas\w+|achter|waiting\s+for|wachten\s+op|asked\s+for|vroeg\s+om|vragen\s+om)\s+(?:a|an|your|de|een|uw|je)?"
    r"\s*(?:refund|terugbetaling|voucher|replacement|vervanging)\b",
    # A refund or replacement reported as done is a fact, not a new promise.
    r"\b(?:the|de|het)\s+(?:refund|terugbetaling|replacement|vervanging)\b[^.!?]{0,40}\b(?:went\s+through|"
    r"was\s+(?:processed|made|issued|sent)|verwerkt|uitgevoerd|gedaan)\b",
    r"\b(?:sent|stuurden|gestuurd)\s+(?:\w+\s+)?(?:the|de)\s+(?:replacement|vervanging)\b",
    r"\b(?:met|with)\s+(?:de|the)\s+(?:vervanging|replacement|terugbetaling|refund)\b",
    # What could have been, or what the rules say, is no offer to this customer.
    r"\b(?:could|would|might)\s+have\b", r"\bhad\s+(?:you|u|je)\b",
    r"\b(?:under|per|according\s+to|volgens|conform|in\s+line\s+with)\s+(?:our|the|onze|de|ons|het)\s+(?:\w+\s+)?"
    r"\w*(?:terms|polic(?:y|ies)|conditions|voorwaarden|beleid|regels|reglement)\b",
)


# "Under our conditions we may cancel, but we'll refund your deposit": the rule is recited,
# then an offer is made all the same. Each side of a "but" is read on its own.
_BUT = re.compile(r"\b(?:but|however|maar|echter)\b", re.IGNORECASE)


_SAID_WITH_NO = re.compile(r"\b(?:never|nooit|won't|not|niet)\b", re.IGNORECASE)


def promises(sentence: str, allowed: frozenset[str]) -> tuple[str, re.Match[str]] | None:
    """The first kind of offer the sentence makes that the team does not allow."""
    start = 0
    for end in [m.start() for m in _BUT.finditer(sentence)] + [len(sentence)]:
        if (offer := _offer(sentence, start, end, allowed)):
            return offer
        start = end
    return None


def _offer(sentence: str, start: int, end: int, allowed: frozenset[str]) -> tuple[str, re.Match[str]] | None:
    if _NOT_AN_OFFER.search(sentence, start, end):
        return None
    for kind, pattern in _KINDS.items():
        if kind in allowed:
            continue
        for m in pattern.finditer(sentence, start, end):
            # a guarantee may be said with a "never" of its own; "niet ... gegarandeerd" is none
            if negated(sentence, m.start(), m.end()) and (kind != "guarantee" or not _SAID_WITH_NO.search(m.group())):
                continue
            return kind, m
    return None
