"""Dutch phrasing for composed replies, in "u" and in "je".

Slots: {you} u/je, {You}, {your} uw/je, {obj} u/je as object, {refl} zich/je, and
{dank} ("Dank u"/"Dank je"). Failure clauses are subordinate clauses
("dat ..."), so every empathy frame can carry any of them with the verb where Dutch wants it.
"""

WORDS = {
    "u": {"you": "u", "You": "U", "your": "uw", "Your": "Uw", "obj": "u", "refl": "zich",
          "dank": "Dank u", "dank_wel": "Dank u wel"},
    "je": {"you": "je", "You": "Je", "your": "je", "Your": "Je", "obj": "je", "refl": "je",
           "dank": "Dank je", "dank_wel": "Dank je wel"},
}
NAME_GAP = "[naam]"
TITLES = {"mr": "heer", "mrs": "mevrouw", "ms": "mevrouw"}
SIGNER_GAP = "[je eigen naam]"
GREETINGS = {"u": ("Beste {name},",), "je": ("Hoi {name},", "Beste {name},", "Hallo {name},")}
SIGN_OFFS = {"u": ("Met vriendelijke groet,", "Vriendelijke groet,", "Hartelijke groet,"),
             "je": ("Hartelijke groet,", "Groeten,", "Vriendelijke groet,")}

ITEMS = {
    "starter": "het voorgerecht", "main": "het hoofdgerecht", "dessert": "het dessert",
    "pizza": "{your} pizza", "fries": "de friet", "soup": "de soep", "coffee": "de koffie",
    "wine": "de wijn", "drinks": "de drankjes", "cake": "de taart", "bread": "het brood",
    "food": "het eten", "parcel": "{your} pakket", "order": "{your} bestelling",
    "repair": "de reparatie", "bike": "{your} fiets", "car": "{your} auto", "room": "{your} kamer",
    "haircut": "{your} knipbeurt", "appointment": "{your} afspraak", "claim": "{your} schademelding",
    "bill": "de rekening", "table": "{your} tafel", "shoes": "{your} schoenen",
    "service_desk": "onze klantenservice",
}
# (the customer's own occasion, someone else's)
OCCASIONS = {
    "anniversary": ("en dat nog wel op {your} trouwdag", "en dat nog wel op een trouwdag"),
    "wedding": ("en dat nog wel op {your} bruiloft", "en dat nog wel vlak voor een bruiloft"),
    "birthday": ("en dat nog wel op {your} verjaardag", "en dat nog wel voor een verjaardag"),
    "business": ("en dat nog wel tijdens een zakenlunch",) * 2,
    "gift": ("en dat terwijl het een cadeau was",) * 2,
    "christmas": ("en dat nog wel met kerst",) * 2,
    "date": ("en dat op een avond die bijzonder moest zijn",) * 2,
    "holiday": ("en dat nog wel tijdens {your} vakantie", "en dat nog wel in de vakantie"),
}
WHEN = {"yesterday": "gisteren", "today": "vandaag", "weekend": "afgelopen weekend",
        "last_week": "vorige week", "monday": "maandag", "tuesday": "dinsdag", "wednesday": "woensdag",
        "thursday": "donderdag", "friday": "vrijdag", "saturday": "zaterdag", "sunday": "zondag"}
WHEN_DEFAULT = "deze keer"

PLURAL = {"drinks", "shoes"}
VERBS = {False: {"was": "was", "is": "is", "kwam": "kwam", "klopte": "klopte", "viel": "viel",
                 "bracht": "bracht"},
         True: {"was": "waren", "is": "zijn", "kwam": "kwamen", "klopte": "klopten", "viel": "vielen",
                "bracht": "brachten"}}
# (with what was bought or used, without it); the verb agrees with what was bought

FAILURES = {
    "sick": ("dat {you} ziek bent geworden na {item}", "dat {you} ziek bent geworden na {your} bezoek"),
    "unsafe": ("dat {item} {your} gezondheid in gevaar {bracht}", "dat dit {your} gezondheid in gevaar bracht"),
    "charged_twice": ("dat {you} twee keer hebt betaald", "dat {you} twee keer hebt betaald"),
    "overcharged": ("dat de rekening niet klopte", "dat de rekening niet klopte"),
    "no_refund": ("dat {you} nog steeds op {your} geld wacht", "dat {you} nog steeds op {your} geld wacht"),
    "refund_wanted": ("dat we het zo slecht voor {obj} hebben gedaan", "dat we het zo slecht voor {obj} hebben gedaan"),
    "lost": ("dat {item} nooit {is} aangekomen", "dat {your} bestelling nooit is aangekomen"),
    "damaged": ("dat {item} beschadigd aan{kwam}", "dat {your} bestelling beschadigd aankwam"),
    "broken": ("dat {item} kapot {was}", "dat wat {you} kreeg kapot was"),
    "no_show": ("dat we {your} afspraak niet zijn nagekomen", "dat we {your} afspraak niet zijn nagekomen"),
    "unreachable": ("dat {you} niemand te pakken kreeg", "dat {you} niemand te pakken kreeg"),
    "rude": ("dat {you} zo onvriendelijk bent behandeld", "dat {you} zo onvriendelijk bent behandeld"),
    "late": ("dat {you} zo lang op {item} moest wachten", "dat {you} zo lang moest wachten"),
    "lukewarm": ("dat {item} lauw {was}", "dat het eten lauw was"),
    "cold": ("dat {item} koud {was}", "dat het eten koud was"),
    "wrong": ("dat {item} niet {klopte}", "dat {you} niet kreeg wat {you} had besteld"),
    "dirty": ("dat {item} niet schoon {was}", "dat het bij ons niet schoon was"),
    "expensive": ("dat de prijs {obj} zo tegenviel", "dat de prijs {obj} zo tegenviel"),
    "bad": ("dat {item} zo tegen{viel}", "dat het zo tegenviel"),
}
NO_FAILURE = "dat {your} ervaring zo tegenviel"
AND = " en "

EMPATHY = {
    "inconvenience": (
        "Wat ontzettend jammer {clause}.",
        "Ik kan me goed voorstellen hoe teleurstellend het is {clause}.",
        "Wat een domper {clause}.",
        "Wat vervelend {clause}; dat had ik {obj} graag bespaard.",
        "Ik begrijp goed dat {you} teleurgesteld bent, want het is echt jammer {clause}.",
    ),
    "money": (
        "Ik begrijp {your} boosheid goed: het is niet in orde {clause}.",
        "Ik kan me goed voorstellen hoe frustrerend het is {clause}.",
        "Het is echt niet de bedoeling {clause}, en ik begrijp goed dat {you} boos bent.",
        "Wat ontzettend frustrerend {clause}.",
    ),
    "health": (
        "Ik schrok van {your} bericht: het is ernstig {clause}, en ik begrijp hoe naar dat voor {obj} was.",
        "Wat {you} beschrijft is ernstig, en ik begrijp goed hoe naar het is {clause}.",
        "Ik neem dit heel serieus: ik kan me voorstellen hoe beangstigend het is {clause}.",
        "Dit is ernstig, en ik begrijp goed dat {you} ervan geschrokken bent: het is niet in orde {clause}.",
    ),
}
GET_WELL = "Ik hoop dat {you} {refl} inmiddels weer beter voelt."
APOLOGY = {
    "inconvenience": (
        "Het spijt me echt dat {you} dit hebt moeten meemaken.",
        "Mijn excuses dat het zo is gelopen.",
        "Dat had niet mogen gebeuren, en het spijt me.",
        "Het spijt me dat we {obj} zo hebben teleurgesteld.",
    ),
    "money": (
        "Mijn oprechte excuses hiervoor.",
        "Het spijt me echt dat dit is misgegaan.",
        "Dat had niet mogen gebeuren, en het spijt me oprecht.",
    ),
    "health": (
        "Het spijt me heel erg dat {you} dit hebt moeten doormaken.",
        "Ik bied {obj} hiervoor mijn oprechte excuses aan.",
        "Dit had nooit mogen gebeuren, en het spijt me heel erg.",
    ),
}
THANKS_LEADS = ("Bedankt voor", "{dank} voor", "Hartelijk dank voor", "Veel dank voor", "{dank_wel} voor")
THANKS_OBJECTS = ("{your} review", "{your} eerlijke review", "het delen van {your} ervaring",
                  "{your} duidelijke bericht", "de moeite die {you} nam om dit te schrijven")

STORY = "[ons verhaal: {outline}]"
STORY_OUTLINES = {
    "health": "wat we nu uitzoeken, welke maatregelen we nemen en wie {you} daarover spreekt",
    "delivery": "wie bij ons de pakketten inpakt en verstuurt, wat er {when} misging en wat we eraan doen",
    "waiting_time": "wie er bij ons werkt, waarom het {when} zo lang duurde en wat we daaraan veranderen",
    "staff_attitude": "hoe we met gasten en klanten willen omgaan, wat er {when} gebeurde en wat we "
                      "met het team bespreken",
    "cleanliness": "hoe we normaal schoonmaken, wat er {when} misging en wat we nu anders doen",
    "billing": "wat er bij het afrekenen misging en hoe we het rechtzetten",
    "price": "waar onze prijs voor staat en wat we met deze opmerking doen",
    "communication": "waarom we {when} niet bereikbaar waren en wat we daaraan veranderen",
    "quality": "waar we trots op zijn in ons werk, wat er {when} misging en wat we eraan doen",
}
STORY_DEFAULT = "wat er {when} misging en wat we eraan doen"

HOLDING_NEXT = (
    "Ik zoek nu uit wat er {when} precies is gebeurd en laat zo snel mogelijk van me horen.",
    "Ik ben aan het uitzoeken wat er {when} misging, en {you} hoort zo snel mogelijk van me.",
    "Ik zoek persoonlijk uit wat er {when} is misgegaan en kom zo snel mogelijk bij {obj} terug.",
)

CONTACT = {
    "phone": {
        "u": ("Belt u mij gerust op {phone}", "U kunt mij rechtstreeks bellen op {phone}",
              "Bel me gerust op mijn directe nummer, {phone}", "Ik hoor graag van u: bel me op {phone}",
              "Mijn nummer is {phone}; belt u mij gerust"),
        "je": ("Bel me gerust op {phone}", "Je kunt me rechtstreeks bellen op {phone}",
               "Bel me gerust op mijn directe nummer, {phone}", "Ik hoor graag van je: bel me op {phone}",
               "Mijn nummer is {phone}; bel me gerust"),
    },
    "email": {
        "u": ("Mailt u mij gerust op {email}", "U kunt mij rechtstreeks mailen op {email}",
              "Mail me gerust rechtstreeks op {email}", "Ik hoor graag van u: mail me op {email}",
              "Mijn e-mailadres is {email}; mailt u mij gerust"),
        "je": ("Mail me gerust op {email}", "Je kunt me rechtstreeks mailen op {email}",
               "Mail me gerust rechtstreeks op {email}", "Ik hoor graag van je: mail me op {email}",
               "Mijn e-mailadres is {email}; mail me gerust"),
    },
    "both": {
        "u": ("Belt u mij gerust op {phone} of mail naar {email}",
              "U kunt mij bellen op {phone} of mailen op {email}",
              "Bel me op {phone} of mail me op {email}",
              "Ik hoor graag van u: bel me op {phone} of mail me op {email}",
              "Mijn nummer is {phone} en mijn e-mailadres {email}; neemt u gerust contact op"),
        "je": ("Bel me gerust op {phone} of mail naar {email}",
               "Je kunt me bellen op {phone} of mailen op {email}",
               "Bel me op {phone} of mail me op {email}",
               "Ik hoor graag van je: bel me op {phone} of mail me op {email}",
               "Mijn nummer is {phone} en mijn e-mailadres {email}; neem gerust contact op"),
    },
    "none": {
        "u": ("Stuurt u ons een privébericht met uw telefoonnummer of e-mailadres",
              "Stuurt u ons via een privébericht een nummer of e-mailadres waarop ik u kan bereiken",
              "Stuurt u ons gerust een persoonlijk bericht met uw contactgegevens",
              "Ik neem graag persoonlijk contact op: stuurt u ons een privébericht met uw nummer",
              "Laat u ons via een privébericht weten hoe ik u het best kan bereiken"),
        "je": ("Stuur ons een privébericht met je telefoonnummer of e-mailadres",
               "Stuur ons via een privébericht een nummer of e-mailadres waarop ik je kan bereiken",
               "Stuur ons gerust een persoonlijk bericht met je contactgegevens",
               "Ik neem graag persoonlijk contact op: stuur ons een privébericht met je nummer",
               "Laat ons via een privébericht weten hoe ik je het best kan bereiken"),
    },
}
CONTACT_TAILS = (
    ", dan zoeken we samen uit hoe we dit goed oplossen.",
    ", dan hoor ik graag het hele verhaal.",
    ", zodat ik dit persoonlijk met {obj} kan bespreken.",
    ", dan kijken we samen wat er nu nodig is.",
    ", dan bespreken we rustig hoe het verder gaat.",
)
