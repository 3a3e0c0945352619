"""Reviews of our own, each with what a composed draft must speak to.

Half Dutch, half English; restaurants, web shops, hairdressers, garages, hotels, insurers,
a dentist; inconvenience, money, health and safety; many of them only a few words long.
`must` lists words the reply has to contain (the occasion, what was bought or used, what
went wrong, in the reply's language); `tone` is the team's u/je setting when it matters.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Review:
    text: str
    language: str
    customer: str | None
    must: tuple[str, ...]
    severity: str = "inconvenience"
    tone: str | None = None
    sector: str | None = None

    @property
    def short(self) -> bool:
        return len(self.text.split()) < 6


R = Review
DUTCH = [
    R("Op onze trouwdag een uur op het voorgerecht gewacht en de wijn was lauw", "nl",
      "Marieke de Vries", ("Marieke", "trouwdag", "voorgerecht", "wijn", "lauw", "wachten")),
    R("Te duur", "nl", None, ("prijs",)),
    R("Mijn pakket is kwijt", "nl", "Jan", ("pakket", "aangekomen"), "money"),
    R("Echt waardeloos, geld terug!!", "nl", "Kees", ("slecht",), "money"),
    R("Klantenservice onbereikbaar, pakket kwijt", "nl", "Ilse", ("pakket", "te pakken"), "money"),
    R("Koude friet", "nl", "Ahmed", ("friet", "koud"), sector="cafe"),
    R("Na het diner bij jullie zijn we allebei ziek geworden, de vis was niet goed.", "nl", "Fatima",
      ("ziek", "beter"), "health"),
    R("Voor mijn verjaardag een taart besteld, hij kwam kapot aan.", "nl", "Eva",
      ("verjaardag", "taart", "beschadigd")),
    R("Dubbel afgeschreven voor één knipbeurt en niemand belt terug.", "nl", "Sanne",
      ("twee keer", "betaald"), "money", sector="hairdresser"),
    R("Fiets na de reparatie nog steeds kapot", "nl", "Pieter", ("fiets", "kapot"),
      sector="bike_shop"),
    R("Monteur kwam niet opdagen", "nl", "Gert", ("afspraak",), sector="services"),
    R("Onze zakenlunch werd een ramp: de bediening was onbeschoft en traag.", "nl", "Dhr. Bakker",
      ("zakenlunch", "onvriendelijk")),
    R("Hotelkamer was vies en het stonk in de badkamer.", "nl", "Linda", ("kamer", "schoon"),
      sector="hotel"),
    R("Schoenen na een week uit elkaar", "nl", "Mo", ("schoenen", "kapot"), sector="webshop"),
    R("Glas in mijn salade gevonden! Gevaarlijk.", "nl", "Iris", ("gezondheid",), "health"),
    R("De rekening klopte niet, we moesten te veel betalen.", "nl", "Tom", ("rekening",), "money"),
    R("Al drie weken wacht ik op mijn terugbetaling.", "nl", "Anouk", ("geld",), "money",
      sector="webshop"),
    R("Verzekering betaalt niet uit na de waterschade.", "nl", "Ruud", ("geld",), "money",
      sector="insurance"),
    R("Kapper heeft mijn haar groen gekleurd, vlak voor de bruiloft van mijn zus!", "nl", "Noor",
      ("knipbeurt", "bruiloft"), sector="hairdresser"),
    R("Wat een slechte service, nooit meer!", "nl", "Bram", ("tegenviel",)),
    R("Bezorger gooide het pakket over de schutting, alles beschadigd.", "nl", "Yvonne",
      ("pakket", "beschadigd")),
    R("Met kerst besteld, pas in januari geleverd. Veel te laat voor een cadeau.", "nl", "Henk",
      ("wachten", "cadeau")),
    R("Tandarts deed pijn en was kortaf", "nl", "Joke", ("gezondheid", "onvriendelijk"), "health",
      sector="healthcare"),
    R("Ik ben allergisch voor noten en kreeg toch een dessert met noten.", "nl", "Daan",
      ("dessert", "gezondheid"), "health"),
    R("Vorige week twee uur gewacht bij de garage voor een simpele APK.", "nl", "Wim",
      ("wachten", "vorige week"), sector="garage"),
    R("Bestelde een zwarte jas, kreeg een groene. Verkeerde bestelling!", "nl", "Lotte",
      ("bestelling", "klopte")),
    R("Zwaar overroepen", "nl", None, ("prijs",), sector="restaurant"),
    R("Vriendelijk personeel maar de pizza was koud", "nl", "Ricardo", ("pizza", "koud")),
    R("Jullie hebben mijn afspraak gewoon vergeten!", "nl", "Kim", ("afspraak",), tone="mirror"),
    R("Ondanks drie mails nog steeds geen reactie van jullie klantenservice", "nl", "Sem",
      ("te pakken",), tone="mirror"),
]
ENGLISH = [
    R("Waited an hour for our starters on our anniversary and the wine was lukewarm.", "en",
      "Sam Smith", ("Sam", "anniversary", "starter", "wine", "lukewarm", "wait")),
    R("Too expensive", "en", None, ("price",)),
    R("My parcel is lost", "en", "Jo", ("parcel", "arrived"), "money"),
    R("Absolutely useless, refund now!!", "en", "Chris", ("wrong",), "money"),
    R("Cold fries", "en", "Nadia", ("fries", "cold")),
    R("Got food poisoning after the chicken curry on my birthday.", "en", "Priya",
      ("ill", "birthday", "feeling better"), "health"),
    R("Charged twice for one haircut and nobody answers the phone.", "en", "Lisa",
      ("charged twice",), "money", sector="hairdresser"),
    R("Rude staff at the front desk", "en", "Oliver", ("rudely",), sector="hotel"),
    R("My bike still squeaks after the repair, total waste of money.", "en", "Tom", ("bike",),
      sector="bike_shop"),
    R("Mechanic never showed up", "en", "Gary", ("appointment",), sector="garage"),
    R("Business lunch ruined by a fifty minute wait for our mains.", "en", "Mr. Jones",
      ("clients", "wait", "main course")),
    R("Room was dirty", "en", "Hannah", ("room", "clean"), sector="hotel"),
    R("Shoes fell apart after a week", "en", "Ali", ("shoes", "broken"), sector="webshop"),
    R("Found glass in my salad. Dangerous!", "en", "Grace", ("health",), "health"),
    R("The bill was wrong and we were overcharged by twenty pounds.", "en", "Dan", ("bill",),
      "money"),
    R("Still waiting for my refund after five weeks.", "en", "Ellen", ("money",), "money"),
    R("Insurance won't pay out for my flooded kitchen.", "en", "Rob", ("money",), "money",
      sector="insurance"),
    R("Hairdresser dyed my hair green before my sister's wedding!", "en", "Zoe",
      ("haircut", "wedding"), sector="hairdresser"),
    R("Terrible service, never again!", "en", "Pete", ("letdown",)),
    R("The courier threw my parcel over the fence and everything was damaged.", "en", "Mia",
      ("parcel", "damaged")),
    R("Ordered a Christmas present and it arrived two weeks late.", "en", "Fred",
      ("order", "christmas")),
    R("Dentist hurt me and was dismissive", "en", "Joan", ("health", "rudely"), "health",
      sector="healthcare"),
    R("I told them about my nut allergy and still got a dessert with nuts.", "en", "Noah",
      ("dessert", "health"), "health"),
    R("Waited two hours at the garage on Saturday for a simple MOT.", "en", "Will",
      ("wait", "on Saturday"), sector="garage"),
    R("Ordered a black coat, got a green one. Wrong order!", "en", "Lottie", ("order", "right")),
    R("Overpriced", "en", None, ("price",), sector="restaurant"),
    R("Friendly staff but the pizza was cold", "en", "Ricardo", ("pizza", "cold")),
    R("You forgot my appointment!", "en", "Kim", ("appointment",)),
    R("Three emails and still no reply from customer service", "en", "Sem", ("get hold of",)),
    R("Lukewarm soup", "en", None, ("soup", "lukewarm")),
]
REVIEWS = DUTCH + ENGLISH
