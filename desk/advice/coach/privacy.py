"""Personal data the customer did not give publicly: phone numbers, addresses, order numbers."""

from __future__ import annotations

import re

from desk.advice.coach.text import fold, rx

_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\d{2}|0\d)[\d\s().-]{6,}\d|\(\d{3}\)\s?\d{3}-\d{4}\b")
_DATE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Whose details? "reach me at", "ons nummer" is the business; "your number", "uw adres" the customer.
_ON_THEIR_RECORD = r"\s+(?:on|in|op)\s+(?:your|uw|je|jouw)\s+(?:account|file|profile|booking|dossier|profiel)\b"
_CUSTOMER_CONTEXT = rx(
    r"\byour\s+(?:(?:phone|mobile|home|e-?mail|delivery|postal|billing)\s+)?(?:number|address|e-?mail)\b",
    r"\b(?:called|rang|texted|phoned|emailed|mailed)\s+you\s+(?:on|at)\b",
    rf"\b(?:number|nummer|address|adres|e-?mail){_ON_THEIR_RECORD}",
    r"\b(?:delivered|sent|shipped)\s+to\b", r"\byou\s+live\b",
    r"\b(?:uw|je|jouw)\s+(?:(?:mobiele|telefoon|e-mail|mail|huis|post|"
    r"bezorg|factuur)\s*)?(?:nummer|adres|e-mailadres|mailadres|telefoonnummer)\b",
    r"\b(?:u|je)\s+(?:\w+\s+)?(?:gebeld|gemaild|ge-?sms't|geappt)\s+op\b",
    r"\b(?:bezorgd|afgeleverd|verstuurd|gestuurd)\s+(?:op|naar|aan)\b", r"\b(?:u|je)\s+woont\b",
)
_BUSINESS_PLACE = rx(
    r"\b(?:our|my)\s+(?:shop|store|office|salon|garage|restaurant|address|showroom|branch)\b",
    r"\b(?:visit|find|see)\s+us\b", r"\bcome\s+(?:by|in|round)\b", r"\b(?:walk|pop|drop)\s+(?:in|by)\b",
    r"\bloop\s+(?:\w+\s+)?binnen\b", r"\bbinnen\s+(?:te\s+)?lopen\b",
    r"\b(?:onze|ons|mijn)\s+(?:winkel|zaak|kantoor|salon|garage|restaurant|"
    r"adres|vestiging|showroom|filiaal)\b", r"\bbij\s+ons\b", r"\blangs\b",
)
# A visit to them, not to us: "ik kom bij u langs aan de Westerdijk 41"
_THEIR_PLACE = rx(r"\bbij\s+(?:u|jou|je|jullie)\s+(?:\w+\s+)?(?:langs|thuis)\b", r"\bat\s+your\s+(?:home|house|place)\b")
_ADDRESS = re.compile(
    r"\b[A-Z][\w'-]{0,40}(?:straat|laan|weg|plein|gracht|kade|dijk|singel|steeg|dreef|markt)\s+\d{1,4}[a-zA-Z]?\b"
    r"|\b\d{1,5}\s+(?:[A-Z][\w'-]{1,40}\s+){1,2}(?:Street|St\.|Road|Rd\.|Avenue|Ave|Lane|Drive|Close|Way|"
    r"Terrace|Rise|Crescent|Court|Place|Gardens|Grove|Row|Hill|Park|Walk|Square|Mews|View|Parade|Boulevard|Blvd|"
    r"Bank|Green|Fold|Brow|Vale|Meadows?|Gate)\b"
    r"|\b\d{4}\s?[A-Z]{2}\b(?![\w-])"
)
_ORDER_NUMBER = rx(
    r"\b(?:order|invoice|customer|client|account|policy|booking|reservation|stock|vehicle|chassis|"
    r"reference|case|ticket|claim|dossier|job)\s*(?:(?:number|no\.?|nr\.?|ref\.?|"
    r"#|id)\s*:?\s*#?\s*[A-Z]{0,3}-?\d{4,}|:?\s*#?\s*[A-Z]{0,3}-?\d{5,})\b",
    # theirs, so even a short number: "uw bestelling 3187", "your order 55120"
    r"\b(?:your|uw|je|jouw)\s+(?:order|bestelling|booking|boeking|reservation|reservering|invoice|factuur|"
    r"shipment|zending|parcel|pakket|reparatiebon|werkbon|bon|ticket|job\s+sheet)\s+\(?(?:(?:number|no|nr|nummer|ref)\.?\s*)?"
    r"#?(?:[A-Z]{1,4}-?)?\d{3,}\b",
    r"\b(?:bestelling|bestel|order|factuur|klant|polis|reserverings|reparatie|reparatiebon|werkorder|ticket|referentie|"
    r"dossier|schade|claim)(?:(?:nummer|nr\.?)\s*:?\s*#?\s*[A-Z]{0,3}-?\d{4,}|"
    r"\s*:?\s*#?\s*[A-Z]{0,3}-?\d{5,})\b",
    r"#\s?\d{5,}\b",
    # an order's number said after it: "uw bestelling erbij genomen: nummer 2318", "ordernummer (BZ-40028817)"
    r"\b(?:bestelling|order|booking|boeking|reservering|reservation)\b[^.!?]{0,40}?\b(?:nummer|number|nr\.?|no\.?)\s*:?\s*"
    r"\(?#?\s*(?:[A-Z]{1,3}-?)?\d{3,}\b",
    r"\b(?:order|bestel|klant|reparatie)nummer\s*:?\s*\(\s*[A-Z]{0,3}-?\d{4,}",
    # a flat or unit a request was for: "the work order for unit 214"
    r"\bfor\s+(?:unit|apartment|apt\.?|flat)\s+#?\d{1,4}[A-Z]?\b|\bvoor\s+(?:appartement|unit|woning)\s+\d{1,4}[A-Z]?\b",
    # a repair slip or membership by its number: "reparatiebon 4417", "je lidmaatschap (nummer 58231)"
    r"\b(?:reparatiebon|werkbon|lidmaatschap|membership|abonnement|subscription|klantnummer|lidnummer|kasticket|"
    r"kassaticket|kassabon|bonnetje|receipt)\s+\(?\s*(?:(?:nummer|nr\.?|number|no\.?)\s*)?#?(?:[A-Z]{1,4}-?)?\d{3,}\b",
    # a reference code after its label: "booking ref HX44912", "reservering HX44912"
    r"\b(?:\w*order|invoice|booking|reservation|reserver\w*|reservati\w*|boeking|bestelling|factuur|dossier|claim|ticket|case|job|"
    r"opdracht|werkbon|reparatiebon|application|aanvraag|zending|shipment|consignment|parcel|pakket)\s+\(?"
    r"(?:(?:ref|reference|referentie|code|nummer|number|nr|no|id)\.?\s*:?\s*)?#?(?:[A-Z]{1,4}-?\d{4,}|\d{2,4}-\d{3,}|"
    r"(?<=[(\s.:])\d{5,}|(?<=[\s.:])(?=[A-Z\d]*\d)(?=[A-Z\d]*[A-Z])[A-Z\d]{5,10})\b",
    # a parcel's tracking code, a car by its plate: "Track & Trace 3SDEVK4471823", "kenteken eindigend op TK-4"
    r"\b(?:track\s*(?:&|and|en)\s*trace|tracking\s+(?:number|code)|trackingcode)\s*:?\s*[A-Z0-9]{8,}\b",
    r"\b(?:kenteken|registration|number\s+plate|reg)\b[^.!?]{0,20}\b[A-Z0-9]{1,3}-[A-Z0-9]{1,3}\b",
    # where they stayed: "jullie stonden van 12 tot 19 juli op plek 23"
    r"\b(?:jullie|u|je|you)\s+(?:stond|stonden|sliep|sliepen|verbleef|verbleven|stayed|were)\b[^.!?]{0,40}\b"
    r"(?:plek|plaats|kamer|chalet|huisje|pitch|unit|room|cabin)\s+\d{1,4}\b",
    # a reference in parts: "reference JS-PM-20417", "kenmerk AB-CD-1234"
    r"\b(?:reference|ref|referentie|kenmerk)\s*:?\s*#?(?:[A-Z]{1,4}-){1,3}\d{3,}\b",
    # a tax or national number: "UTR 54321 09876", "rijksregisternummer 85.07.30-033.61"
    r"\b(?:UTR|BSN|burgerservicenummer|rijksregisternummer|national\s+insurance(?:\s+number)?|NI\s+number|"
    r"tax\s+reference)\s*(?:(?:no|nr|number|nummer)\.?\s*)?:?\s*[A-Z]{0,2}\s?\d[\d\s.-]{4,}\d\b",
    # a card of theirs by its number: "klantenkaart 0841", "membership card no. 20931"
    r"\b(?:klantenkaart|klantkaart|klantenpas|lidmaatschap|ledenpas|membership(?:\s+card)?|loyalty\s+card)\s*,?\s+"
    r"(?:(?:nr|no|number|nummer)\.?\s*)?#?\d{4,}(?:\s\d{3,})?\b",
)
_PLATE = re.compile(r"\b(?=[A-Z0-9-]{0,10}\d)(?=[A-Z0-9-]{0,10}[A-Z])[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}\s?\d{4}\s?\d{4}\s?\d{2}\b")


_BUSINESS_CONTEXT = rx(
    r"\b(?:call|ring|phone|text|whatsapp|reach|contact|e-?mail|bel|belt|bellen|app|appen|bereik\w*|mail|mailen|"
    r"e-?mailen|contacteer)\s+"
    r"(?:\w+\s+){0,2}(?:me|us|mij|ons)\b",
    r"\b(?:my|our|mijn|ons|onze)\s+(?:direct\s+|directe\s+|mobile\s+|mobiele\s+)?(?:number|line|nummer|lijn|"
    r"telefoonnummer|e-?mail(?:adres)?|inbox|mailbox)\b",
    r"\b(?:tel|phone|telefoon)\s*[.:]", r"\b(?:ons|mij|me)\s+(?:\w+\s+){0,3}(?:te\s+)?(?:mailen|bellen|contacteren|bereiken|e-?mailen|appen|sturen)\b",
    r"\b(?:mailtje|berichtje|mail|e-?mail|message|note|line)\s+(?:\w+\s+){0,2}(?:sturen|send|drop)\b", r"\bbel\s+(?:gerust\s+)?(?:op|naar)\b", r"\b(?:call|ring)\s+(?:on|at)\b",
    r"\bbereikbaar\b", r"\b(?:bel|call|ring)\s+(?:de|the)\s+(?:winkel|zaak|shop|salon|office|kantoor)\b",
)
_CUSTOMER_PHONE = rx(
    r"\b(?:called|rang|texted|phoned|tried|reach|reached|contact(?:ed)?)\s+(?:\w+\s+){0,2}you\b",
    r"\b(?:u|je|jou)\s+(?:\w+\s+){0,3}(?:gebeld|gebeld|te\s+bereiken|bereikt|geprobeerd|ge-?sms't|geappt|gemaild)\b",
    r"\b(?:belden|probeerden|belde|probeerde)\s+(?:\w+\s+){0,3}(?:u|je|uw|jouw)\b",
    r"\b(?:your|uw|je|jouw)\s+(?:\w+\s+){0,1}(?:mobile|number|phone|nummer|telefoonnummer|gsm|mobiel)\b",
    r"\b(?:tried|geprobeerd)\b",
    rf"\b(?:number|nummer){_ON_THEIR_RECORD}",
    r"\b(?:je|jouw|uw|your)\s+(?:\w+\s+)?(?:abonnement|subscription|contract|account|line|lijn)\s+(?:op|on)\b",
    r"\bleft\s+(?:you\s+)?(?:a\s+)?(?:\w+\s+)?(?:message|voicemail)\b",
    r"\b(?:voicemail|voice\s+mail|message|call|text|bericht|oproep|sms)s?\s+(?:from|van|vanaf)\s*$",
    r"\bthe\s+(?:mobile|phone|telephone|gsm)(?:\s+number)?\s*$",
    r"\b(?:bericht|voicemail)\s+(?:\w+\s+){0,2}(?:ingesproken|achtergelaten)\b", r"\bingesproken\b",
)
_ROOM = rx(r"\b(?:room|kamer)\s+\d{2,4}\b",
           # their storage unit, locker or berth: "your code for unit 2B", "jouw box C-214"
           r"\b(?:your|uw|je|jouw)\b[^.!?]{0,30}\b(?:unit|box|locker|kluisje|berth|ligplaats|plot|kavel|pitch|"
           r"staanplaats)\s+[A-Z]?-?\d{1,4}[A-Z]?\b")
# "half drie", "half eight" (8.30 in Ireland and Britain); not "half an hour", "half a day"
_HOUR_WORD = (r"(?:\d{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|one|two|three|four|five|"
              r"six|seven|eight|nine|ten|eleven|twelve)\b")
_CLOCK = (r"(?:\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|uur|u|h))?|\d{1,2}\s*(?:am|pm|uur|u|h)\b|"
          rf"half\s+{_HOUR_WORD}|kwart\s+(?:over|voor)\s+{_HOUR_WORD})")
_BOOKING = (r"(?:booking|reservation|table|appointment|adjustment|slot|visit|viewing|pickup|pick-up|drop-off|collection|"
            r"reservering|afspraak|afspraken|tafel|"
            r"wedding|bruiloft|event|trial|fitting|consultation|follow-up|check-up|nacontrole|oproep|"
            r"boeking|behandeling|bezoek|bezichtiging|record|file|lesson|class|party|les|feestje|cursus|check|check-up|"
            r"cleaning|consult|huwelijk|trouwdag|trouw)(?:s|en)?")
_WEEKDAY_NL = r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
_WEEKDAY_EN = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DAY_MONTH = (r"\d{1,2}(?:st|nd|rd|th)?\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
              r"november|december|january|february|march|may|june|july|august|october|jan|feb|mar|apr|jun|jul|aug|"
              r"sept?|okt|oct|nov|dec)\b")
# what their own file says about them, dated: "bij je intake op 3 oktober", "your eye test on 14 March"
_MOMENT = re.compile(rf"{_CLOCK}|{_DAY_MONTH}", re.IGNORECASE)
_THEIR_FILE = (r"(?:intake\w*|dossier|behandelplan|treatment\s+plan|prescription|recept|eye\s+test|oogmeting|"
               r"klantenkaart|record|file)")
_BOOKED = r"(?:booked|reserved|checked\s+in|geboekt|gereserveerd|ingecheckt)"
_BOOKING_TIME = rx(
    rf"\b(?:your|uw|je|jouw)\s+(?:\w+\s+){{0,2}}{_BOOKING}\b[^.!?]{{0,60}}?\b{_CLOCK}",
    rf"\b(?:your|uw|je|jouw)\s+(?:\w+\s+)?{_CLOCK}\s+(?:[\w-]+\s+){{0,2}}{_BOOKING}\b",
    # a time they are expected: "u bent welkom op donderdag 12 juni om 9.40 uur", "staat dinsdag om 16.00 uur ingepland"
    rf"\b(?:u|je|jij|ze|hij|zij)\s+(?:bent|is|staat|wordt)\s+(?:\w+\s+)?(?:welkom|ingepland|verwacht|ingeroosterd)\b[^.!?]{{0,40}}?\b{_CLOCK}",
    rf"\b(?:{_WEEKDAY_NL}|{_DAY_MONTH})[^.!?]{{0,15}}{_CLOCK}[^.!?]{{0,20}}"
    r"\b(?:ingepland|ingeroosterd)\b",
    # their appointment by its date, or a time of theirs with it: "your appointment on 12 March",
    # "dat u op 14 februari om 10u30 een afspraak had"
    rf"\b(?:your|uw|je|jouw)\s+(?:\w+\s+){{0,2}}{_BOOKING}\s+(?:on|op|of|van)\s+(?:\w+\s+)?{_DAY_MONTH}",
    rf"\b(?:your|uw|je|jouw)\s+(?:\w+\s+){{0,2}}{_BOOKING}\b[^.!?]{{0,40}}?\b(?:on|op)\s+(?:\w+\s+)?{_DAY_MONTH}",
    rf"\b(?:u|je|jij)\b[^.!?]{{0,40}}?\b{_CLOCK}\s+(?:een|de|uw|je)\s+{_BOOKING}\b",
    rf"\byou\s+had\s+(?:a|an|your)\s+{_BOOKING}\b[^.!?]{{0,30}}?\b{_CLOCK}",
    # their (child's) class by its day and hour: "de groep van woensdag 15.45 uur"
    rf"\b(?:groep|les|klas|class|group|lesson|session|sessie|training|zwemles)\s+(?:van|on|at|op)\s+(?:de\s+)?"
    rf"(?:{_WEEKDAY_NL}|{_WEEKDAY_EN})\w*\s+(?:om\s+|at\s+)?{_CLOCK}",
    # their doctor's referral or what was prescribed for them
    r"\b(?:verwijzing|referral)\s+(?:van|from)\s+(?:dr\.?|dokter|de\s+huisarts|je\s+huisarts|uw\s+huisarts|your\s+gp)\b",
    # their medicine: a dose, what was prescribed for them
    r"\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|ml)(?:/\d+\s?ml)?\b", r"\bprescribed\s+for\s+(?:you|your)\b",
    r"\b(?:your|uw|je|jouw)\s+(?:\w+\s+)?(?:insuline\w*|bloedverdunner\w*|antibiotic\w*|antibiotica|inhaler|puffer)\b",
    # a booking or an arrival of theirs, with its time: "booked under your name for 7:00 pm"
    rf"\b(?:your|you|uw|je|jouw|jullie)\b[^.!?]{{0,50}}?\b{_BOOKED}\b[^.!?]{{0,30}}?\b{_CLOCK}",
    rf"\b{_BOOKED}\b[^.!?]{{0,30}}?\b(?:your|you|uw|je|jouw|jullie)\b[^.!?]{{0,30}}?\b{_CLOCK}",
    rf"\b(?:op|on|under|onder)\s+(?:your|uw|je|jouw)\s+(?:naam|name)\b[^.!?]{{0,30}}?\b{_CLOCK}",
    # someone of theirs named with the booking: "Millie's booking for the Saturday 10am group"
    rf"\b[A-Z][a-z]+'s\s+(?:\w+\s+){{0,2}}{_BOOKING}\b[^.!?]{{0,50}}?\b{_CLOCK}",
    rf"\b(?:de|het)\s+{_BOOKING}\s+(?:van|voor)\s+(?:(?:mevrouw|meneer|mevr\.?|dhr\.?)\s+)?[A-Z][\w-]+\b"
    rf"[^.!?]{{0,60}}?\b(?:{_CLOCK}|{_DAY_MONTH})",
    rf"\b(?:your|je|jouw|uw)\s+(?:\w+\s+)?{_THEIR_FILE}\b[^.!?]{{0,80}}?\b{_DAY_MONTH}",
    rf"\b{_THEIR_FILE}\b[^.!?]{{0,30}}\b(?:dat|that|which)\s+(?:je|u|you)\b[^.!?]{{0,30}}?\b{_DAY_MONTH}",
    # what they bought, by its date: "je bon van zaterdag 12 april", "your purchase of 3 May"
    rf"\b(?:your|je|jouw|uw)\s+(?:bon|kassabon|kasticket|kassaticket|aankoop|receipt|purchase)\s+(?:of|from|on|van|op)\s+"
    rf"(?:(?:{_WEEKDAY_NL}|{_WEEKDAY_EN})\s+)?{_DAY_MONTH}",
    # a job at their house: "the job sheet for 14 Heol y Parc", "de werkbon voor Dorpsstraat 3"
    r"\b(?:job\s+sheet|work\s+order|werkbon|werkorder|opdracht|quote|offerte|dossier|file)\s+(?:for|voor)\s+"
    r"\d{1,4}[a-z]?\s+(?-i:[A-Z][\w'-]+)",
    # when they came, to the minute: "when you dropped the Focus in on Thursday 6 March at 8.10am"
    rf"\b(?:when|toen)\s+(?:you|u|je)\b[^.!?]{{0,50}}?\b(?:on|op)\s+(?:\w+\s+)?{_DAY_MONTH}[^.!?]{{0,10}}\b{_CLOCK}",
    # a prescription read out: "-2.25 right, -2.50 left"
    r"[-+−]\d[.,]\d{2}\s+(?:right|left|rechts|links|R|L)\b", r"\b(?:sterkte|strength)\s+[-+−]\d[.,]\d{2}\b",
    # their appointment by its date and time, or a child's: "his next adjustment on 14 March at 4.15pm"
    rf"\b(?:his|her|zijn|haar)\s+(?:next\s+|volgende\s+)?(?:\w+\s+)?{_BOOKING}\s+(?:on|op)\s+(?:\w+\s+)?{_DAY_MONTH}"
    rf"[^.!?]{{0,10}}\b{_CLOCK}",
    # a policy number in groups, the strength of their glasses: "uw polis 4471 902 35", "uw recept (-2,75)"
    r"\b(?:polis|policy)\s+(?:(?:number|nummer|nr\.?|no\.?)\s+)?\d{3,}(?:\s\d{2,})+\b",
    r"\b(?:recept|prescription)\b[^.!?]{0,40}\(?[-+−]\d[.,]\d{2}\b",
    # their full name, not given: "op naam van N. Gerritsen", "in the name of J. Walsh"
    r"\b(?:op\s+naam\s+van|in\s+the\s+name\s+of|under\s+the\s+name)\s+(?:[A-Z]\.\s*|[A-Z][a-z]+\s+)+[A-Z][a-z]+",
    # their home by where it is: "your house at Ahodwo", "shipped to your place on SE Belmont St"
    r"\b(?:your|uw|je)\s+(?:place|house|home|flat|apartment|address|huis|woning|adres)\s+(?:on|in|at|aan\s+de|in\s+de|op)\s+"
    rf"(?!(?:{_WEEKDAY_EN}|january|february|march|april|may|june|july|august|september|october|november|december)\b)"
    r"(?-i:[A-Z][\w'-]+)",
    # the dates of their stay: "your stay from July 18 to 22", "je verblijf van 3 tot 6 mei"
    rf"\b(?:your|uw|je|jouw)\s+(?:\w+\s+)?(?:stay|verblijf|booking|boeking|reservation|reservering)\b[^.!?]{{0,20}}?"
    rf"\b(?:from|van|on|op)\s+(?:{_DAY_MONTH}|"
    r"(?:january|february|march|april|june|july|august|september|october|november|december)\s+\d{1,2}\b|\d{1,2}\s+(?:tot(?:\s+en\s+met)?|t/m|to|till|until|-|–)\s+\d{1,2}\b)",
    r"\b(?:appartement|apartment|flat)\s+\d{1,3}[A-Z]?\b",
    # a house number and street for their door, roof or garden: "your front door at 14 Heol Llanishen Fach"
    r"\b(?:your|uw|je|jouw)\s+(?:\w+\s+){0,2}(?:door|house|home|flat|garden|driveway|roof|kitchen|bathroom|porch|"
    r"voordeur|deur|huis|woning|tuin|oprit|dak|keuken|badkamer|gevel)\s+(?:at|in|on|aan\s+de|aan\s+het|op)\s+\d{1,4}[a-z]?\s+"
    r"(?-i:[A-Z][\w'-]+)",
    # the end of their number: "your mobile ending 4471", "gsm-nummer eindigend op 4471"
    r"\b(?:nummer|number|mobile|phone|gsm\w*|visa|mastercard|amex|card|kaart|pas|bankpas)\s+(?:eindigend|ending)\s+"
    r"(?:op\s+|in\s+|with\s+)?\d{3,4}\b",
    # their street: "bij u thuis aan de Burgemeester Jansenlaan", "at your home on Elm Street"
    r"\b(?:bij\s+(?:u|je|jou)\s+thuis|at\s+your\s+(?:home|house|place))\s+(?:aan|in|op|on|in)\s+(?:de\s+)?"
    r"(?:[A-Z][\w'-]*\s+){0,2}[A-Z]?[\w'-]*(?:straat|laan|weg|plein|gracht|kade|dijk|singel|Street|Road|Avenue|Lane|Drive)\b",
)


# their health, named by the reply: "your sciatica flare-up", "the biopsy follow-up on your shoulder",
# "de migraineaanvallen waarvoor u bij dokter Brouwer loopt"
_CONDITION = (r"(?:biops\w*|sciatica|migrain\w*|ACL|kruisband\w*|hernia|diabet\w*|pregnan\w*|zwanger\w*|IVF|"
              r"chemo\w*|cancer|kanker|depressi\w*|burn-?out|ADHD|autis\w*|epileps\w*|epilepti\w*|arthritis|artrose|"
              r"reuma\w*|asthma|astma|dementi\w*|concussion|hersenschudding|fractu\w*|\w*operatie|"
              r"rosacea|ecze\w*|psoriasis|"
              # their medicine, by its family's ending: warfarin, metformin, atorvastatin, ramipril
              r"\w{3,}(?:farin|formin|statin|pril|olol|sartan|dipine|cillin|mycin|oxetine|azepam|prazole))")
_HEALTH = re.compile(
    rf"\b(?:your|you|you're|uw|u|je|jouw|his|her|zijn|haar)\b[^.!?\n]{{0,40}}?\b(?P<term>{_CONDITION})\b"
    rf"|\b(?P<after>{_CONDITION})\b[^.!?\n]{{0,40}}?\b(?:your|you|uw|u|je|jouw|his|her|zijn|haar)\b"
    r"|\bbij\s+(?:dokter|dr\.?|de\s+huisarts|uw\s+huisarts|je\s+huisarts|de\s+specialist)\s+(?P<doctor>[A-Z][\w-]+)\s+(?:loopt|liep|"
    r"komt|kwam|onder\s+behandeling)",
    re.IGNORECASE)


# where they are asked to call or write: the business's own ("of bel zelf naar 010-…", "send your
# number to ruben@…")
_WRITE_TO = re.compile(
    r"\b(?:bel|belt|mail|mailt|stuur|stuurt|app|appt|send|call|ring|e-?mail|text|whatsapp|contact|"
    r"(?:mij|me|ons)\s+(?:\w+\s+)?(?:bellen|mailen|appen))\b"
    # not where we reach them: "I'll call you back on", "ik bel je op"
    r"(?!\s+(?:you|u|je|jou|jullie|him|her|hem|haar)\s+(?:(?:back|terug|even|gerust|later|tomorrow|morgen|today|vandaag|"
    r"straks|zelf|personally|persoonlijk)\s+)?(?:on|at|op|naar|via)\s*$)"
    r"[^,.;:!?]{0,30}\b(?:naar|to|op|at|on|via)\s*$", re.IGNORECASE)


def _before(text: str, start: int, width: int = 60) -> str:
    """The words leading up to `start`, within the same sentence."""
    return re.split(r"[.!?\n]", text[max(0, start - width) : start])[-1]


def _after(text: str, end: int, width: int = 40) -> str:
    return re.split(r"[.!?\n]", text[end : end + width])[0]


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _given(found: str, review: str) -> bool:
    """Did the customer write this themselves? Digits compared without spacing, words folded."""
    digits = _digits(found)
    if len(digits) >= 3:
        return digits in _digits(review)
    return fold(" ".join(found.split())) in fold(" ".join(review.split()))


def personal_data(text: str, customer_tokens: list[str], review: str = "",
                  strict: bool = False) -> re.Match[str] | None:
    """The first detail of the customer's that the reply would make public, if any.

    `review` is what the customer wrote publicly: details from it are theirs to share,
    unless `strict` (a site that allows no personal data at all)."""
    def given(m: re.Match[str]) -> bool:
        return not strict and bool(review) and _given(m.group(), review)

    for m in _PHONE.finditer(text):
        if _DATE.search(m.group()) or not 9 <= len(_digits(m.group())) <= 13 or given(m):
            continue
        before, after = _before(text, m.start()), _after(text, m.end())
        if _WRITE_TO.search(before):
            continue
        if _BUSINESS_CONTEXT.search(before) and not _CUSTOMER_CONTEXT.search(before):
            continue
        if _CUSTOMER_PHONE.search(before) or _CUSTOMER_PHONE.search(after):
            return m
    for m in _EMAIL.finditer(text):
        before = _before(text, m.start())
        if _WRITE_TO.search(before):
            continue
        local = set(re.split(r"[^a-z]+", fold(m.group().split("@")[0])))
        own_name = any(t in local for t in customer_tokens) and not _BUSINESS_CONTEXT.search(before)
        if (own_name or _CUSTOMER_CONTEXT.search(_before(text, m.start()))) and not given(m):
            return m
    for m in _ADDRESS.finditer(text):
        before = _before(text, m.start(), 80)
        if (_THEIR_PLACE.search(before) or not _BUSINESS_PLACE.search(before)) and not given(m):
            return m
    for pattern in (_ORDER_NUMBER, _PLATE, _IBAN, _ROOM):
        for m in pattern.finditer(text):
            if not given(m):
                return m
    for m in _HEALTH.finditer(text):  # given when the review has the word's stem ("diabeet", "diabetes")
        group = next(g for g in ("term", "after", "doctor") if m.group(g))
        if not (not strict and review and fold(m.group(group))[:5] in fold(review)):
            # the condition or the doctor is what to leave out, not the words that led to it
            return re.compile(re.escape(m.group(group))).match(text, m.start(group))
    for m in _BOOKING_TIME.finditer(text):
        # the time and the date are what would be new: "your 10am booking" after "booked for 10am"
        moments = [t.group() for t in _MOMENT.finditer(m.group())] or [m.group()]
        if not (not strict and review and all(_given(moment, review) for moment in moments)):
            return m
    return None
