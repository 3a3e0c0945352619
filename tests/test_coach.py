"""The reply coach on realistic drafts, good and bad, in English and Dutch."""

import pytest

from desk.advice.coach import MAX_WORDS, RULES, CoachResult, Finding, check_reply

# (id, draft, customer, signer, expected findings)
ENGLISH = [
    ("en-garage-good", """Dear Mr Okafor,

Thank you for taking the time to write this. I completely understand your frustration: you picked up your van on Thursday and the same warning light came on before you were even home. I'm sorry, that should not have happened after a repair.

Our workshop manager has already checked the report and we suspect a faulty sensor that we should have tested more thoroughly. Please give me a call on 0161 496 0732 so we can collect the van and fix it at no cost.

Best regards,
Priya
Service desk, Hollins Motors""", "Daniel Okafor", "Priya Shah", {"promise"}),

    ("en-restaurant-busy-owned", """Hi Emma,

Thanks for your honest review of Saturday evening. Waiting an hour for your mains on your mum's birthday must have been really disappointing, and I apologise. It was a busy night, but that is no excuse: we should have come to your table and told you what was going on.

I'd love to make it up to you and your mum. Could you send us a direct message so I can call you?

Warm regards,
Tom (owner)""", "Emma", "Tom", set()),

    ("en-webshop-good-email", """Dear Lisa,

Thank you for letting us know, and I'm so sorry your order arrived with a cracked screen. I can imagine how annoying it is to wait a week for a present and then unbox it like that.

A replacement is already set aside for you. If you e-mail me at jordan@pixelparts.co.uk, I'll arrange a courier to swap it this week.

Kind regards,
Jordan""", "Lisa", "Jordan", set()),

    ("en-insurer-good", """Dear Mrs Hughes,

Thank you for sharing this. Being left without an answer for three weeks after a burst pipe is stressful enough, and I'm sorry we made it harder. You should have had a call from us within two days.

I have taken over your claim personally and will ring you tomorrow morning to go through the next steps. If another time suits you better, you can reach me directly on 01632 960 418.

Yours sincerely,
Gareth Lloyd
Lloyd & Partners Insurance""", "Margaret Hughes", "Gareth Lloyd", set()),

    ("en-salon-good-no-signer", """Hi Chloe,

Thank you for coming back to us about your colour. I understand how upsetting it is to leave the salon with a shade you didn't ask for, especially before a wedding. We cannot apologise enough.

We would like to correct it free of charge at a time that suits you. Drop me a message here or call the salon and ask for me.

Take care,
Marta""", "Chloe", None, {"promise"}),

    ("en-hotel-good-guest", """Dear guest,

Thank you for taking the time to review your stay. I'm very sorry that your room wasn't ready until six; I can only imagine how tiring that was after a long journey. This is not a minor issue for us, and we have changed how we plan housekeeping on busy weekends so it doesn't happen again.

I'd like to hear more from you: you can reach me at frontdesk@harbourinn.co.uk.

Kind regards,
Sam Whitaker
Guest relations""", None, "Sam Whitaker", set()),

    ("en-florist-holding", """Dear Grace,

Thank you for letting us know, and I'm sorry your anniversary bouquet arrived wilted. That must have been so disappointing. I'm looking into what went wrong with the delivery right now and will get back to you today. In the meantime, could you send us a private message with a good time to call?

Best regards,
Ruth""", "Grace", "Ruth", set()),

    ("en-restaurant-others-loved-it", """Dear James,

Thanks for your feedback. We're sorry you didn't enjoy the risotto, but all our other guests that evening loved it and we have never had a complaint about this dish before.

Kind regards,
The Olive Tree team""", "James", "Sofia", {"empathy", "offline", "signature", "defensive"}),

    ("en-webshop-tracking-says-otherwise", """Hello Ben,

Thank you for your review. According to our tracking the parcel was delivered to your neighbour on 4 March, so it did not go missing. We understand this is frustrating and apologise for the confusion.

Please contact us via our chat if you need anything else.

Regards,
Customer Service""", "Ben", None, {"contradicts", "signature"}),

    ("en-electronics-terms", """Dear Ms Patel,

Thank you for your message and sorry for the inconvenience. As stated in our terms and conditions, returns are only accepted within 14 days and with the original receipt. Your request came in on day 19, so unfortunately we cannot help.

Kind regards,
Mark
Store manager""", "Anita Patel", "Mark", {"empathy", "offline", "small_print"}),

    ("en-bakery-too-harsh", """Hi Noah,

Thanks for the review. Honestly, one star for a slightly burnt croissant seems a bit harsh. It happens now and then with a wood-fired oven. Sorry it wasn't perfect.

Best,
Ellie""", "Noah", "Ellie", {"empathy", "offline", "belittles"}),

    ("en-movers-no-comment", """Dear Mr Grant,

We will not comment on individual cases in public. Please contact our office.

Management, SwiftMove Removals""", "Robert Grant", "Helen", {"thanks", "empathy", "apology", "signature", "no_comment"}),

    ("en-hotel-review-for-free-night", """Dear Olivia,

Thank you for staying with us, and I'm sorry the air conditioning in your room failed during the heatwave. That must have been a very uncomfortable night.

We have now replaced the unit. If you update your review to reflect this, we would be happy to offer you a free night on your next stay. Just send me a message.

Best wishes,
Daniel
Front office manager""", "Olivia", "Daniel", {"thanks", "change_review", "promise"}),  # thanks for the stay only

    ("en-pharmacy-personal-data", """Dear Mr Byrne,

Thank you for your review and I'm sorry about the mix-up with your prescription delivery. I can understand how worrying that must have been.

I checked order 558210 and the courier left it at 14 Elm Grove Road instead of your flat. I will call you on your mobile, 07700 900 123, this afternoon.

Kind regards,
Sinead""", "Liam Byrne", "Sinead", {"personal_data"}),

    ("en-gym-crew-sign-off", """Hi Priya,

Thank you for flagging this, and sorry that the showers were cold again on Monday. I understand how annoying that is after a workout. Our plumber is coming on Thursday to replace the boiler. Feel free to message us here if it happens again.

Cheers,
The FitHub crew""", "Priya", None, {"signature"}),

    ("en-plumber-unsigned", "Hi Kevin, thanks for the review. I'm sorry the leak came back two days after our visit; "
     "I can imagine how stressful that is with water coming through the ceiling. We will send an engineer back "
     "tomorrow at no cost. Please call us on 0113 496 0555 to pick a time that suits you.",
     "Kevin", "Dave", {"signature", "promise"}),

    ("en-cinema-sorry-if", """Dear Hannah,

Thank you for your review. We're sorry if you felt the staff were unhelpful when the film started late. We hear you, and we have shared your comments with the team.

Feel free to e-mail me at m.reyes@centralcinema.com.

Kind regards,
Miguel""", "Hannah", "Miguel", {"apology"}),

    ("en-bar-not-sorry", """Hi Marcus,

Thanks for your review. We are not sorry for refusing to serve a customer who was shouting at our staff. Our team did nothing wrong here.

Regards,
Jess""", "Marcus", "Jess", {"empathy", "apology", "offline", "defensive"}),

    ("en-tyres-should-have-booked", """Dear Mr Evans,

Thank you for your review. We understand you were annoyed, and we apologise for the wait. However, you should have booked an appointment instead of walking in on a Saturday, and the waiting time is shown at the desk.

Kind regards,
Nadia""", "Gareth Evans", "Nadia", {"offline", "defensive"}),

    ("en-webshop-courier-blamed", """Hi Amir,

Thanks for your message and sorry for the delay. Unfortunately this is not our fault: the courier lost the parcel and it is beyond our control. You can call me on 020 7946 0991.

Cheers,
Lena""", "Amir", "Lena", {"empathy", "defensive"}),

    ("en-car-rental-too-long", """Dear Mr Novak,

Thank you for taking the time to describe your experience with us at the airport desk last Friday. I completely understand how frustrating it must have been to arrive after a long flight with two tired children, only to hear that the people carrier you had reserved months ago was not available, and then to wait almost an hour before we found you a smaller car that barely fitted your luggage. I am truly sorry for all of that.

We have looked at what went wrong. A vehicle that came back damaged the day before was not replaced in our planning, and nobody told the desk team in time. We have since changed the way returns are checked so that a missing car shows up the evening before, and our desk staff can now offer a free upgrade or a partner vehicle straight away instead of searching around.

I would really like to talk this through with you. You can reach me directly at 020 3946 0012, or send me a direct message here and I will call you back.

Kind regards,
Eva Marsh
Station manager""", "Tomas Novak", "Eva Marsh", {"length", "promise"}),
    ("en-phone-repair-customers-busy-morning", """Dear Ms Lee,

Thank you for your feedback. I'm sorry our new booking system sent you to the wrong branch; I can imagine how frustrating that was on a busy morning. We have fixed the bug and added a check so it can't happen again.

Please email me at sam@fixitphones.com and I'll personally make sure your screen repair is done this week.

Kind regards,
Sam""", "Jenny Lee", "Sam", set()),

    ("en-brunch-short-staffed-owned", """Hi Sophie,

Thanks for letting us know. We were short-staffed on Sunday, and that's on us, not you. I'm sorry the wait spoiled your brunch; I completely get why you left disappointed.

Could you drop us a private message? I'd love to invite you back.

All the best,
Owen""", "Sophie", "Owen", set()),
]

DUTCH = [
    ("nl-restaurant-druk-toegegeven", """Beste Fatima,

Dank je wel voor je eerlijke review. Wat vervelend dat je zo lang op je hoofdgerecht moest wachten en dat niemand even kwam uitleggen waarom. Het spijt me echt. Het was zaterdag erg druk, maar dat mag geen excuus zijn: we hadden je moeten informeren.

Wil je me een privébericht sturen? Dan bel ik je deze week om het goed te maken.

Groetjes,
Bas""", "Fatima", "Bas", set()),

    ("nl-kapsalon-goed", """Hoi Sanne,

Bedankt dat je dit met ons deelt. Ik kan me goed voorstellen dat je baalde toen je thuis zag dat je pony scheef was geknipt, zeker vlak voor je fotoshoot. Sorry, dat had niet mogen gebeuren.

Je bent deze week altijd welkom om het kosteloos te laten bijwerken. Stuur me gerust een appje op 06 12 34 56 78, dan plannen we meteen iets in.

Liefs,
Yara
Salon Knipkunst""", "Sanne", None, {"promise"}),

    ("nl-verzekering-goed", """Geachte heer Bakker,

Hartelijk dank voor uw reactie. Ik begrijp heel goed dat u boos bent: u wacht al vijf weken op een besluit over de waterschade en hoort niets van ons. Onze excuses daarvoor; zo hoort het niet te gaan.

Ik heb uw dossier vandaag zelf overgenomen en bel u morgen voor tien uur. U kunt mij ook rechtstreeks bereiken via m.dekker@dekkerassurantien.nl.

Met vriendelijke groet,
Monique Dekker
Dekker Assurantiën""", "Johan Bakker", "Monique Dekker", set()),

    ("nl-installateur-holding", """Beste familie Jansen,

Dank u wel voor uw bericht over de cv-ketel. Wat vervelend dat u al twee dagen zonder warm water zit; dat moet heel frustrerend zijn, en het spijt me. Ik zoek vandaag nog uit waarom de monteur niet is gekomen. Mag ik u vanmiddag bellen? Stuur ons dan een privébericht met uw telefoonnummer.

Met vriendelijke groet,
Ahmed
Installatiebedrijf Warmtewerk""", "Jansen", "Ahmed", set()),

    ("nl-opticien-drukke-dag-toegegeven", """Beste Sophie,

Bedankt voor je review. Ik begrijp heel goed dat je boos was toen je bril na drie weken nog steeds niet klaar was. Ook op een drukke dag hoort dat niet zo te gaan, en daarvoor bied ik je mijn excuses aan.

Je nieuwe glazen liggen inmiddels klaar. Wil je me even bellen op 010 456 7890? Dan spreken we een moment af dat jou uitkomt.

Groeten,
Hanneke
Opticien Helder""", "Sophie", "Hanneke", set()),

    ("nl-webshop-geen-klein-ongemak", """Hallo Mirjam,

Dank je wel voor je review. Drie weken wachten op een kinderwagen terwijl de uitgerekende datum nadert is geen klein ongemak, dat begrijp ik heel goed. Het spijt ons enorm. De kinderwagen is vandaag met spoed verstuurd en je ontvangt morgen de track & trace van mij persoonlijk.

Heb je vragen? Bel of app me op 06-24681357.

Hartelijke groet,
Vera""", "Mirjam", "Vera", set()),

    ("nl-restaurant-andere-gasten", """Beste Peter,

Bedankt voor uw review. Het spijt ons dat de biefstuk niet naar wens was. Wel willen we opmerken dat de andere gasten die avond zeer tevreden waren over het vlees en dat wij nooit eerder klachten hebben gehad over dit gerecht.

Met vriendelijke groet,
De directie""", "Peter", "Lotte", {"empathy", "offline", "signature", "defensive"}),

    ("nl-webshop-volgens-systeem", """Hallo Kim,

Dank voor je bericht. Volgens ons systeem is je pakket gewoon op dinsdag bezorgd, dus wat je schrijft klopt niet. Vervelend dat je het niet kunt vinden, sorry daarvoor.

Neem gerust contact op met onze klantenservice.

Groet,
Klantenservice Lampenland""", "Kim", None, {"contradicts", "signature"}),

    ("nl-verzekering-polisvoorwaarden", """Beste mevrouw Claes,

Dank u voor uw review. Wij begrijpen uw teleurstelling en het spijt ons dat de uitkomst anders is dan u hoopte. Volgens artikel 7.2 van de polisvoorwaarden is schade door grondwater uitgesloten, en uw polis dekt geen gevolgschade.

Met vriendelijke groet,
Rik van Dam""", "Els Claes", "Rik van Dam", {"offline", "small_print"}),

    ("nl-bezorging-kleinigheid", """Hoi Jeroen,

Dank je voor je review. Sorry dat je bestelling een kwartiertje later was. Eerlijk gezegd vinden we één ster voor zo'n kleinigheid wat overdreven, zeker op een vrijdagavond.

Groet,
Mo""", "Jeroen", "Mo", {"empathy", "offline", "belittles"}),

    ("nl-garage-geen-commentaar", """Geachte heer Visser,

Wij gaan hier inhoudelijk niet op in. Voor vragen kunt u contact opnemen met onze werkplaats.

Autobedrijf Hendriks""", "Kees Visser", "Ruud", {"thanks", "empathy", "apology", "signature", "no_comment"}),

    ("nl-fietsenwinkel-beoordeling-aanpassen", """Beste Daan,

Bedankt voor je review en sorry dat de reparatie van je e-bike zo lang duurde. Ik snap dat je daar flink van baalde. Inmiddels is de fiets klaar en heb je hem terug. Zou je je beoordeling willen aanpassen nu alles is opgelost?

Bel me gerust als er nog iets is: 030 234 5678.

Groeten,
Wouter""", "Daan", "Wouter", {"change_review"}),

    ("nl-bistro-cadeaubon-voor-verwijderen", """Beste Ilse,

Dank voor je review. Wat jammer dat de soep koud was, daar baal ik ook van. Onze excuses! Als je je review verwijdert, krijg je van ons een cadeaubon van 25 euro.

Je kunt me bereiken via info@bistrodehoek.nl.

Groet,
Karin""", "Ilse", "Karin", {"change_review", "promise"}),

    ("nl-meubels-adres-en-ordernummer", """Beste Henk,

Bedankt voor je melding en excuses voor de verkeerde levering. Ik begrijp dat het vervelend is als je een verkeerde bank krijgt. Je bestelling 4410237 staat genoteerd voor Lindelaan 14 in Zwolle; we komen de bank volgende week ophalen.

Bel me gerust op 038 123 4567.

Met vriendelijke groet,
Esther""", "Henk", "Esther", {"personal_data"}),

    ("nl-nagelstudio-team", """Beste Anouk,

Bedankt voor je review. Het spijt ons dat je nagels al na drie dagen afbladderden; dat is heel vervelend, zeker voor een bruiloft. Je mag gratis langskomen voor een nieuwe set. Stuur ons even een berichtje om een afspraak te maken.

Liefs,
Team Nailstudio Glow""", "Anouk", None, {"signature", "promise"}),

    ("nl-woonwinkel-het-team", """Beste Ruben,

Dank je wel voor je eerlijke feedback. Ik begrijp goed dat je teleurgesteld bent over de levertijd van je bank, en excuses daarvoor. Wil je ons een privébericht sturen? Dan zoeken we het samen uit.

Hartelijke groet,
Het team van Woonwinkel Stoer""", "Ruben", "Inge", {"signature"}),

    ("nl-club-spijt-ons-niet", """Beste meneer De Groot,

Dank voor uw review. Het spijt ons niet dat wij u de toegang hebben geweigerd; u was ruim na sluitingstijd. Wij begrijpen niet waarom u daar zo boos over bent.

Met vriendelijke groet,
Jasper""", "Willem de Groot", "Jasper", {"empathy", "apology", "offline", "belittles"}),

    ("nl-lunchroom-druk-als-excuus", """Hoi Lisa,

Bedankt voor je review en sorry voor het wachten. Het was die middag ontzettend druk en we hadden twee zieke collega's, dus dat kon helaas niet anders. Stuur ons een DM als je nog vragen hebt.

Groetjes,
Noor""", "Lisa", "Noor", {"empathy", "defensive"}),

    ("nl-camping-huisregels", """Beste Mark,

Bedankt voor uw review. Het spijt ons dat uw verblijf niet naar wens was. U had de huisregels moeten lezen: honden zijn op het terras niet toegestaan.

Met vriendelijke groet,
Eline
Camping De Vlinder""", "Mark", "Eline", {"empathy", "offline", "defensive", "small_print"}),

    ("nl-beddenwinkel-beste-klant", """Beste klant,

Bedankt voor uw beoordeling. Het spijt ons dat u teleurgesteld bent over de matras. U kunt ons bellen op 0800 123 4567 om een oplossing te bespreken.

Met vriendelijke groet,
Femke""", "Tineke Mulder", "Femke", {"name"}),

    ("nl-padel-sorry-als", """Beste Jelle,

Dank je voor je reactie. Sorry als je je niet welkom voelde bij ons. Dat is nooit de bedoeling. Mail me gerust via sven@padelclubnoord.nl, dan praten we verder.

Groet,
Sven""", "Jelle", "Sven", {"empathy", "apology"}),

    ("nl-tandarts-te-lang", """Beste mevrouw Smit,

Hartelijk dank voor uw uitgebreide review over uw bezoek van afgelopen dinsdag. Ik begrijp heel goed dat u boos en teleurgesteld bent: u had speciaal vrij genomen, zat ruim een uur in de wachtkamer en hoorde pas bij de balie dat uw afspraak door een fout in onze nieuwe agenda dubbel was geboekt. Daarna moest u ook nog een week wachten op een nieuwe afspraak, terwijl u pijn had. Dat spijt mij oprecht, en ik bied u namens de hele praktijk onze excuses aan.

We hebben inmiddels uitgezocht hoe dit kon gebeuren. Bij de overstap naar het nieuwe systeem zijn afspraken van twee behandelkamers samengevoegd, en dat is niet op tijd opgemerkt. We controleren de agenda nu elke ochtend, zodat een dubbele boeking direct opvalt en we patiënten vooraf kunnen bellen.

Ik wil graag persoonlijk met u bespreken hoe we dit goed kunnen maken. U kunt mij rechtstreeks bellen op 024 365 1100, of ons een privébericht sturen, dan bel ik u terug.

Met vriendelijke groet,
Lieke van den Berg""", "Annelies Smit", "Lieke van den Berg", {"length"}),
    ("nl-keukenbouwer-teleurstelling", """Beste heer en mevrouw Koster,

Hartelijk dank voor uw uitgebreide reactie. Wat een teleurstelling moet het zijn geweest dat uw keuken na zes weken nog steeds niet af is. Daarvoor bied ik u onze welgemeende excuses aan. Ik kom donderdag zelf langs om samen met u een nieuwe planning te maken; als dat niet uitkomt, kunt u mij bellen op 06 55 44 33 22.

Met vriendelijke groet,
Dirk Smeets
Smeets Keukens""", "Familie Koster", "Dirk Smeets", set()),

    ("nl-eetcafe-onderbezet-ons-probleem", """Beste Thijs,

Dank je voor je review. Je hebt gelijk: de keuken was die avond onderbezet, maar dat is ons probleem, niet het jouwe. Sorry dat je zo lang hebt moeten wachten; ik snap dat je daar chagrijnig van werd.

Wil je me een berichtje sturen? Dan nodig ik je graag nog eens uit.

Groet,
Emma""", "Thijs", "Emma", set()),
]


def _ids(cases):
    return [case[0] for case in cases]


@pytest.mark.parametrize("case_id, draft, customer, signer, expected", ENGLISH + DUTCH, ids=_ids(ENGLISH + DUTCH))
def test_findings(case_id, draft, customer, signer, expected):
    result = check_reply(draft, customer=customer, signer=signer)
    assert set(result.rules) == expected


def test_cases_cover_both_languages_and_enough_drafts():
    assert len(ENGLISH) >= 20 and len(DUTCH) >= 20
    assert {check_reply(c[1], customer=c[2], signer=c[3]).language for c in ENGLISH} == {"en"}
    assert {check_reply(c[1], customer=c[2], signer=c[3]).language for c in DUTCH} == {"nl"}


def test_findings_follow_rule_order():
    draft = "According to our system that is not true. Other customers loved it. No comment."
    result = check_reply(draft, customer="Sam", signer="Anna")
    assert list(result.rules) == [r for r in RULES if r in result.rules]
    assert result.rules[:6] == ("name", "thanks", "empathy", "apology", "offline", "signature")


@pytest.mark.parametrize("draft", [
    "Dear Sam, thank you for your review. It was a busy evening, but that is no excuse: we should have kept you "
    "informed. I understand how frustrating the wait was and I am sorry. Please send me a direct message.\nAnna",
    "Dear Sam, thanks for telling us. Even on a busy Saturday you should not wait an hour for a haircut, and I "
    "apologise. I can imagine how annoying that was. Call me on 020 555 0134.\n\nKind regards,\nAnna",
    "Beste Sam, bedankt voor je review. Het was die avond erg druk, maar dat mag geen excuus zijn. Ik snap dat je "
    "baalde en het spijt me. Stuur me een privébericht.\n\nGroet,\nAnna",
    "Beste Sam, dank je wel voor je bericht. Ondanks de drukte hadden we je moeten laten weten dat het later werd; "
    "ik begrijp je frustratie en bied mijn excuses aan. Bel me gerust.\n\nGroetjes, Anna",
])
def test_owning_a_busy_moment_is_not_defensive(draft):
    assert check_reply(draft, customer="Sam", signer="Anna").findings == ()


@pytest.mark.parametrize("draft, has_apology", [
    ("We are not sorry about this.", False),
    ("Het spijt ons niet.", False),
    ("We geven geen excuses.", False),
    ("Sorry if you felt unwelcome.", False),
    ("Het spijt me dat u het zo ervaren heeft.", False),
    ("We regret to inform you that the claim is closed.", False),
    ("We cannot apologise enough for this.", True),
    ("Onze verontschuldigingen voor het ongemak.", True),
    ("Excuses voor het lange wachten.", True),
    ("Het spijt ons echt.", True),
    ("We apologise for the mix-up.", True),
    ("So sorry about the wait.", True),
])
def test_apology_is_negation_aware(draft, has_apology):
    result = check_reply(draft, customer=None, signer=None)
    assert ("apology" not in result.rules) is has_apology


@pytest.mark.parametrize("draft, signer, signed", [
    ("Thanks.\n\nKind regards,\nthe management", "Anna", False),
    ("Thanks.\n\nKind regards,\nThe management", None, False),
    ("Bedankt.\n\nMet vriendelijke groet,\nHet team van Bakkerij Zoet", None, False),
    ("Bedankt.\n\nMet vriendelijke groet,\nAnna de Boer\nBakkerij Zoet", None, True),
    ("Thanks, see you soon. - Anna", "Anna de Boer", True),
    ("Thanks again.\nBart", "Anna", True),  # a teammate who is not the case's owner is a person too
    ("Thanks again for your patience.", None, False),
])
def test_signature(draft, signer, signed):
    result = check_reply(draft, customer=None, signer=signer)
    assert ("signature" not in result.rules) is signed


def test_business_contact_details_are_not_personal_data():
    draft = ("Dear Sam, thank you and sorry. I understand your frustration. You can reach me on +31 6 1234 5678 "
             "or at anna@bakkerijzoet.nl, or visit our shop at Kerkstraat 12.\n\nKind regards,\nAnna")
    assert check_reply(draft, customer="Sam Peters", signer="Anna").findings == ()


@pytest.mark.parametrize("leak", [
    "We called you on 06 98765432 twice.",
    "The parcel was sent to Hoofdweg 221 in Assen.",
    "Your e-mail sam.peters@example.com is on file.",
    "Ik heb uw polisnummer 88123456 bekeken.",
    "Uw auto met kenteken 12-ABC-3 staat klaar.",
    "Uw adres 1234 AB Utrecht klopt niet.",
])
def test_customer_details_are_personal_data(leak):
    result = check_reply(leak, customer="Sam Peters", signer=None)
    assert "personal_data" in result.rules


def test_finding_details():
    words = " ".join(["word"] * (MAX_WORDS + 5))
    result = check_reply(words + " We did nothing wrong.", customer=None, signer=None, language="en")
    length = next(f for f in result.findings if f.rule == "length")
    defensive = next(f for f in result.findings if f.rule == "defensive")
    assert length.words == MAX_WORDS + 9 and length.kind == "avoid"
    assert defensive.excerpt == "We did nothing wrong"
    assert next(f for f in result.findings if f.rule == "thanks").kind == "missing"
    assert set(length.format_args()) == {"excerpt", "words", "limit", "sentence"}
    assert defensive.sentence.endswith("word We did nothing wrong.")


def test_language_is_detected_or_taken_as_given():
    assert check_reply("Bedankt voor je review, het spijt ons echt.", customer=None, signer=None).language == "nl"
    assert check_reply("", customer=None, signer=None, language="nl").language == "nl"


def test_result_types_are_frozen():
    result = check_reply("Thanks", customer=None, signer=None)
    assert isinstance(result, CoachResult) and all(isinstance(f, Finding) for f in result.findings)
    with pytest.raises(AttributeError):
        result.language = "nl"  # type: ignore[misc]


def test_catalogs_explain_every_rule_signal_and_theme_in_both_languages():
    from app.main import load_catalogs
    from desk.advice.themes import THEMES
    from desk.advice.triage import SIGNALS

    texts = load_catalogs()
    expected = (
        {f"coach.{r}.{field}" for r in RULES for field in ("message", "fix", "better")}
        | {f"triage.{s}.message" for s in SIGNALS}
        | {f"theme.{t}.label" for t in THEMES}
    )
    for language in ("en", "nl"):
        assert expected <= texts.keys(language)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_coach_texts_format_with_finding_values(language):
    from app.main import load_catalogs
    from desk.advice.coach.explain import explain

    texts = load_catalogs()
    for rule in RULES:
        said = explain(texts, language, Finding(rule, excerpt="x", words=170, sentence="x y."))
        assert all(said[field] and "{" not in said[field] for field in ("message", "fix", "better"))
