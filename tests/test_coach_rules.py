"""The coach's newer findings (gaps, promises, repeats, personal data, changed reviews, site
rules), the false alarms users met, and its figures on the labelled corpus."""

import pytest

from desk.advice.coach import OFFER_KINDS, check_reply
from tests.advice_corpus import LANGUAGES, WHOLE_SPLITS, coach_figures, whole_replies

GOOD = ("Dear Sam,\n\nThank you for telling us. I can imagine how disappointing that was, and I'm sorry. "
        "{middle}Could you send me a direct message so we can sort it out?\n\nKind regards,\nAnna")
GOED = ("Beste Sam,\n\nBedankt voor je review. Ik snap dat je teleurgesteld bent, en het spijt me. "
        "{middle}Stuur je me een privébericht, dan lossen we het samen op?\n\nGroet,\nAnna")


def rules(middle: str, template: str = GOOD, **kwargs) -> set[str]:
    return set(check_reply(template.format(middle=middle), customer="Sam", signer="Anna", **kwargs).rules)


def test_the_templates_themselves_pass():
    assert rules("") == set() and rules("", GOED) == set()


@pytest.mark.parametrize("gap", [
    "[ons verhaal: wat we hebben veranderd] ", "We spoke to [name] about it. ", "Call me on [number]. ",
    "We've {what we changed}. ", "Sorry, <customer name>. ",
])
def test_an_unfilled_gap_is_a_placeholder_and_its_sentence_is_named(gap):
    result = check_reply(GOOD.format(middle=gap), customer="Sam", signer="Anna")
    finding = next(f for f in result.findings if f.rule == "placeholder")
    assert finding.sentence.startswith(gap.strip())


@pytest.mark.parametrize("middle, kind", [
    ("We'll refund the full amount. ", "refund"), ("You'll get 15% off your next order. ", "discount"),
    ("A voucher is on its way to you. ", "voucher"), ("Your next coffee is on the house. ", "free"),
    ("We will replace the kettle. ", "replacement"), ("We'll cover the cost of the taxi. ", "compensation"),
    ("I promise this will never happen again. ", "guarantee"),
    ("We storten het bedrag vandaag terug. ", "refund"), ("Je krijgt een cadeaubon van ons. ", "voucher"),
    ("Je volgende knipbeurt is gratis. ", "free"), ("Dit zal nooit meer gebeuren. ", "guarantee"),
    ("De verzendkosten krijgt u meteen van ons terug. ", "refund"), ("We waive the call-out fee. ", "discount"),
    ("Er staat een fles rode wijn voor jullie klaar. ", "free"),
])
def test_a_promise_needs_a_yes_unless_the_team_allows_that_kind(middle, kind):
    assert kind in OFFER_KINDS
    assert "promise" in rules(middle)
    assert "promise" not in rules(middle, allowed_offers=[kind])


@pytest.mark.parametrize("middle", [
    "We'll look into what happened. ", "I'll call you back tomorrow. ", "We can't offer a refund on sale items, "
    "but I'd like to help. ", "Sorry for the delay on your refund request. ", "We'll get back to you today. ",
    "We zoeken uit wat er gebeurd is. ",
    # words that look like an offer: a slot kept free, a waiver signed, a bottle swapped, a cook
    # who snapped back, a mattress paid to be sent back
    "We now book adjustments so that gaps are kept free. ", "Every climber signs our safety waiver. ",
    "We hebben de fles verwisseld en niet gecontroleerd. ", "Dan krijg je een boze kok terug, dat hoort niet. ",
    "En dan nog moeten betalen om onze fout terug te sturen, dat klopt niet. ",
])
def test_next_steps_are_not_promises(middle):
    assert "promise" not in rules(middle)


@pytest.mark.parametrize("middle", [
    "Now that it's sorted, would you consider updating your review? ",
    "We'd be grateful if you could take this post down. ",
    "Zou je je beoordeling willen aanpassen nu het is opgelost? ",
    "Als je de review verwijdert, krijg je een cadeaubon. ",
    "It would mean a lot if you removed this review. ",
])
def test_asking_for_a_changed_review_however_kindly(middle):
    assert "change_review" in rules(middle)


def test_an_opening_or_closing_the_team_used_recently_repeats():
    earlier = GOOD.format(middle="").replace("Sam", "Lisa")
    assert "repeats" in rules("We changed our booking system. ", recent=[earlier])
    fresh = ("Hi Sam,\n\nWhat a let-down after waiting all week, sorry. Thanks for saying so. "
             "Drop me a DM and we'll talk.\n\nAnna")
    assert check_reply(fresh, customer="Sam", signer="Anna", recent=[earlier]).rules == ()


@pytest.mark.parametrize("leak", [
    "We called you on 06-12345678 twice. ", "We tried your mobile, +31 6 1234 5678, on Monday. ",
    "We probeerden je te bereiken op 0478 12 34 56. ", "Your table at 19:45 had been given away. ",
    "Uw reservering van 20.00 uur is per ongeluk gewijzigd. ", "I've looked into order 4820193. ",
    "Your parcel was left at 14 Elm Road. ",
])
def test_personal_data_the_customer_did_not_give(leak):
    result = check_reply(GOOD.format(middle=leak), customer="Sam", signer="Anna", review="It was awful.")
    finding = next(f for f in result.findings if f.rule == "personal_data")
    assert finding.excerpt and finding.excerpt not in finding.better


def test_details_the_customer_gave_are_theirs_to_mention_except_on_tripadvisor():
    review = "Booked a table at 19:45 and waited an hour. Order 4820193 never came."
    middle = "Your table at 19:45 should have been ready, and order 4820193 should have come. "
    assert "personal_data" not in rules(middle, review=review)
    assert "personal_data" in rules(middle, review=review, site="tripadvisor")


def test_site_rules():
    link = "More on www.harbourcafe.co.uk/news. "
    assert "site_links" in rules(link, site="tripadvisor") and "site_links" not in rules(link)
    listed = "What we changed:\n- a second cook\n- a new booking system\n"
    assert "site_list" in rules(listed, site="Tripadvisor") and "site_list" not in rules(listed, site="google")
    long = "We have looked at everything that happened. " * 120
    assert "site_length" in rules(long, site="yelp") and "site_length" not in rules(long)


@pytest.mark.parametrize("draft, signer", [
    # signed by a teammate who is not the case's owner
    ("Dear Sam,\n\nThank you for writing. I understand your frustration and I'm sorry. "
     "Please DM me.\n\nKind regards,\nBart", "Anna"),
    ("Hoi Sam,\n\nFijn dat je dit laat weten. Wat balen, sorry! Stuur me een berichtje.\n\nGroet,\nAnna", "Anna"),
    ("Dear Sam,\n\nGutted to read this. Thanks for telling us, and sorry. We want every guest to feel welcome, "
     "and that clearly did not happen for you. Drop me a message?\n\nAnna", "Anna"),
])
def test_the_false_alarms_users_met_are_gone(draft, signer):
    assert check_reply(draft, customer="Sam", signer=signer).rules == ()


@pytest.mark.parametrize("middle, rule", [
    ("Zaterdag was het erg druk, dat kunt u toch begrijpen. ", "defensive"),
    ("We respectfully disagree with your description of events. ", "defensive"),
    ("Voor de volledigheid: de bestelling is op tijd verzonden, de vertraging lag bij PostNL. ", "defensive"),
    ("Volgens ons kassasysteem stond uw hoofdgerecht binnen 40 minuten op tafel. ", "contradicts"),
    ("Our logs say the courier rang at 8:05. ", "contradicts"),
    ("We checked our system and it shows the parcel left on Monday. ", "contradicts"),
    ("A tiny scratch is hardly a disaster. ", "belittles"),
    ("We prefer not to discuss this in public. ", "no_comment"),
])
def test_polite_violations_are_caught(middle, rule):
    assert rule in rules(middle)


@pytest.mark.parametrize("middle, rule", [
    ("We won't be going into this here. ", "no_comment"),
    ("Over individuele klanten spreken we ons niet in het openbaar uit. ", "no_comment"),
    ("Our till receipts show you paid for two coffees, not three. ", "contradicts"),
    ("Op onze kassabonnen staat dat u twee koffie heeft betaald. ", "contradicts"),
    ("That's not an accurate account of what happened. ", "contradicts"),
    ("The mistake was made by the booking platform, not by our staff. ", "defensive"),
    ("De meeste vaste gasten zouden u een heel ander verhaal vertellen. ", "defensive"),
    ("In onze reserveringsvoorwaarden staat dat we de tafel een kwartier vasthouden. ", "small_print"),
    ("I'll make sure this never happens again. ", "promise"),
])
def test_a_move_is_recognised_by_its_shape(middle, rule):
    assert rule in rules(middle)


def test_shapes_that_only_look_like_a_move():
    # records that prove the customer right, what could have been, a rule recited: no promise
    assert "contradicts" not in rules("Our tracking shows you were right: the parcel sat in our depot. ")
    # what we should have done and did not is owned, not denied
    for owned in ("Wij hadden u moeten bellen, en dat is niet gebeurd. ",
                  "Bij een val hoort er meteen iemand naast je zoon te staan, en dat is niet gebeurd. ",
                  "We should have rung you the moment the part was late. "):
        assert "contradicts" not in rules(owned)
    assert "promise" not in rules("Had you called ahead, we could have kept a table free. ")
    assert "promise" not in rules("Under our terms, refunds are only given as store credit. ")
    # a shared feeling is empathy, an apology for a poor experience is not
    feeling = GOOD.replace("I can imagine how disappointing that was, and I'm sorry.", "{middle}")
    assert "empathy" not in rules("I'd be annoyed too if my dinner arrived cold. Sorry. ", feeling)
    assert "empathy" in rules("I'm sorry you had such a poor experience with us. ", feeling)


@pytest.mark.parametrize("middle, rule", [
    # a cause offered that is not the team's doing, or the customer's own doing told as a fact
    ("Friday nights are our busiest shift, so the kitchen falls behind. ", "defensive"),
    ("December is always hectic for us with all the office parties. ", "defensive"),
    ("We simply can't control how long the council takes to clear the road. ", "defensive"),
    ("You turned up at 8.40 for an 8.00 booking, so the table had gone. ", "defensive"),
    ("The booking form does state that prices exclude VAT. ", "defensive"),
    ("You never told us about the nut allergy. ", "defensive"),
    ("A queue like that is not unusual on a sunny Saturday. ", "defensive"),
    ("Op zaterdagochtend is het altijd hectisch bij ons. ", "defensive"),
    ("Je kwam pas om tien over negen binnen, en toen was de keuken dicht. ", "defensive"),
    ("U heeft de allergie niet doorgegeven bij het reserveren. ", "defensive"),
    ("Daar konden we helaas niets aan veranderen. ", "defensive"),
    # the team defended: the dish's fame, the staff's judgement, an appeal to understand
    ("The lasagne is our best-selling dish and regulars rave about it. ", "defensive"),
    ("Our head chef made the right call when he refused the substitution. ", "defensive"),
    ("De stoofpot is ons populairste gerecht. ", "defensive"),
    ("Zoals u zult begrijpen kunnen we niet iedereen tegelijk helpen. ", "defensive"),
    # the complaint made small
    ("Honestly, that's a lot of fuss over one cold coffee. ", "belittles"),
    ("The mark is only cosmetic and doesn't affect how the table works. ", "belittles"),
    ("Het gaat om een heel kleine vlek, puur cosmetisch. ", "belittles"),
    ("U maakt er wel erg veel ophef over. ", "belittles"),
    ("Bank holiday weekends are mad for us and the wait times go up. ", "defensive"),
    ("Rush hour traffic in the city centre held our driver up. ", "defensive"),
    ("The menu clearly says that the dish is spicy. ", "defensive"),
    ("You booked the basic package, which doesn't include a second fitting. ", "defensive"),
    ("Our stylists are fully qualified and she followed your instructions. ", "defensive"),
    ("We get very few complaints about our pizzas. ", "defensive"),
    ("Op de menukaart staat duidelijk dat het gerecht pittig is. ", "defensive"),
    ("Je hebt het basispakket gekozen, en daar zit geen tweede pasbeurt in. ", "defensive"),
    ("We were never made aware of the leak until the review. ", "defensive"),
    ("Our waiter remembers your table and says the steak went out as ordered. ", "contradicts"),
    ("Onze ober weet nog goed dat de biefstuk medium naar buiten ging. ", "contradicts"),
    ("A slightly wobbly chair shouldn't spoil an evening. ", "belittles"),
    ("Een wiebelende stoel hoeft toch geen avond te verpesten. ", "belittles"),
    ("Vijf minuten wachten is toch geen reden voor één ster. ", "belittles"),
    # records, rules, asks and offers in plain words
    ("I've spoken to the driver, who is adamant he knocked twice. ", "contradicts"),
    ("Onze camera's laten een ander beeld zien van hoe lang u wachtte. ", "contradicts"),
    ("Uit de tijdstempel van je bestelling blijkt dat die binnen een kwartier klaar was. ", "contradicts"),
    ("Deposits are non-returnable once the booking is confirmed. ", "small_print"),
    ("Aanbetalingen worden na bevestiging niet terugbetaald. ", "small_print"),
    ("Mocht je tevreden zijn over de oplossing, dan zien we je review graag aangepast. ", "change_review"),
    ("We'll knock the delivery charge off your next order. ", "promise"),
    ("De bezorgkosten van je volgende bestelling laten we vallen. ", "promise"),
    ("We'd rather not air this in public. ", "no_comment"),
    # an offer after a recited rule, something to have on us, a reference code
    ("Our terms allow us to cancel, but we'll refund your deposit anyway. ", "promise"),
    ("Volgens de voorwaarden hoeft het niet, maar we betalen het verschil terug. ", "promise"),
    ("Your next two coffees on us. ", "promise"),
    ("I've looked up reservation AB20931 and the note was never passed on. ", "personal_data"),
])
def test_a_move_is_recognised_by_what_the_sentence_does(middle, rule):
    dutch = " de " in middle or middle.startswith(
        ("Op ", "Je ", "U ", "Daar ", "Het ", "De ", "Onze ", "Een ", "Vijf ", "Uit ", "Aanbetalingen ", "Mocht "))
    assert rule in rules(middle, GOED if dutch else GOOD)


@pytest.mark.parametrize("middle", [
    "We don't believe this is the appropriate place to discuss a legal matter. ",
    "Een openbare site is niet de juiste plaats om hierover te discussiëren. ",
])
def test_not_the_place_to_talk_is_a_no_comment_unless_an_offer_to_talk_follows(middle):
    assert "no_comment" not in rules(middle)  # the templates' next sentence offers a private talk
    bare = f"Dear Sam,\n\nThanks for writing, and sorry. I understand how annoying that was. {middle}\n\nAnna"
    assert "no_comment" in check_reply(bare, customer="Sam", signer="Anna").rules


# what round 10 taught: moves in words the rules did not know (True), and shapes that only look
# like one (False)
ROUND_10_TAUGHT = [
    ("I've checked, and your code for unit 2B was used at 14:12 that Sunday. ", "personal_data", False, True),
    ("Ik heb de boeking van Fleur voor de beginnersgroep van zaterdag 10.00 uur nagekeken. ", "personal_data",
     True, True),
    ("I've looked back at Millie's booking for the Saturday 10am beginners' group. ", "personal_data", False,
     True),
    ("If you feel we've listened, it would mean a lot if you could look again at your star rating. ",
     "change_review", False, True),
    ("We'll also pay you an extra £100 for the delay. ", "promise", False, True),
    ("We betalen de kosten van je vervangende taxi volledig terug. ", "promise", True, True),
    ("The fitting notes and photos from the day show the saddle sitting level. ", "contradicts", False, True),
    ("In ons werkdagboek zie ik dat de ploeg op dag negen al terug was. ", "contradicts", True, True),
    ("We don't discuss damage claims on public review sites. ", "no_comment", False, True),
    ("I'd rather not go back and forth about what happened on a public page. ", "no_comment", False, True),
    ("Stops may be substituted at the discretion of the driver without notice or refund. ", "promise", False,
     False),
    ("Nobody came into the screen to explain or talk about refunds. ", "promise", False, False),
    ("Our policy until now has been that travel to come back was left to the student. ", "small_print", False,
     False),
    ("Tot nu toe was ons beleid dat we de teruglevering alleen controleerden als een klant erom vroeg. ",
     "small_print", True, False),
]


@pytest.mark.parametrize("middle, dutch", [
    ("I've checked Arjun's record (Tuesdays at 4:30, Stage 3) and his assessment was missed twice. ", False),
    ("We sent the lab your old prescription (-2.25 right, -2.50 left) instead of the new one. ", False),
    ("Our round sheet for 22 Holly Bank has a clean logged every month. ", False),
    ("Ik heb je dossier erbij gepakt: bij je intake op 3 oktober staat je gevoelige huid genoteerd. ", True),
    ("Het intakeformulier dat je op 9 januari hebt ondertekend noemt tien behandelingen. ", True),
    ("Bij het huidtype op je klantenkaart 0841 hadden we dat nooit mogen adviseren. ", True),
    ("Het feestje van Noor stond op zaterdag 8 juni om 14.00 uur in onze agenda. ", True),
    ("Bij de boeking voor mevrouw Boon-Kuijt op 12 juli hebben we de opmerking gemist. ", True),
])
def test_personal_data_round_11_taught(middle, dutch):
    assert "personal_data" in rules(middle, GOED if dutch else GOOD)


@pytest.mark.parametrize("sign_off, contact", [
    ("Stitchworks", "email orders@stitchworksuk.co.uk"),
    ("Antiekhuis De Schelde", "mail info@antiekhuisdeschelde.be"),
    ("Veerdienst Ameide", "bel 0183-55 21 05"),
    ("Shine Hand Car Wash", "ring 01603 555 919"),
])
def test_a_reply_signed_with_the_business_name_is_not_signed_by_a_person(sign_off, contact):
    draft = (f"Hi Sam,\n\nThank you for your review, and I'm sorry: that was frustrating. Please {contact} "
             f"and we'll talk.\n\n{sign_off}")
    assert "signature" in check_reply(draft, customer="Sam", signer="Anna").rules
    signed = draft.replace(sign_off, "Romy")
    assert "signature" not in check_reply(signed, customer="Sam", signer="Anna").rules


@pytest.mark.parametrize("middle, rule, dutch", [
    ("Our drivers are meant to ask where deliveries should go, and that didn't happen. ", "contradicts", False),
    ("Fourteen weeks when you were told six: that's not good enough, and I'm sorry. ", "contradicts", False),
    ("De reservering stond niet goed in ons systeem, dat ligt bij ons. ", "contradicts", True),
    ("Dat is niet gebeurd, en daar ben ik verantwoordelijk voor. ", "contradicts", True),
    ("Being told it wasn't our problem made it so much worse. ", "defensive", False),
    ("We've since changed how we schedule alterations in the months before peak season. ", "defensive", False),
    ("Three hours in the cold with no update is miserable, and the lack of a call is on us. ", "promise", False),
    ("Losing one of your boots is a real blow, and a voucher was never a fair answer. ", "promise", False),
    ("Je reservering was via het cadeaubonnensysteem binnengekomen en niet doorgezet. ", "promise", True),
])
def test_what_round_11_taught_is_no_move(middle, rule, dutch):
    assert rule not in rules(middle, GOED if dutch else GOOD)


CAUSES_AND_OWNED = [
    # an outside cause told as context: sickness, temps, the season, the forecast, fate
    ("We had two staff off sick that afternoon and were relying on agency cover. ", "defensive", False, True),
    ("Die middag waren twee vaste medewerkers ziek en draaiden we met invalkrachten. ", "defensive", True, True),
    ("After the wet spring we've had, the weeds came on faster than anyone expected. ", "defensive", False, True),
    ("Het weerbericht gaf een week eerder nog zacht weer. ", "defensive", True, True),
    ("Storm Darragh brought gusts of over 70mph through the village that weekend. ", "defensive", False, True),
    ("Kleurverschil tussen batches is bij geglazuurde tegels helaas niet te vermijden. ", "defensive", True, True),
    ("We're a small volunteer cinema, so nights like that do happen from time to time. ", "defensive", False, True),
    # the same causes owned, or said of the customer's feelings
    ("Two of us were off sick, and that's no excuse: the checks should have happened anyway. ", "defensive",
     False, False),
    ("We lost track of your payment in the changeover to the new system. ", "defensive", False, False),
    ("Feeling that nobody listens is about the worst thing that can happen. ", "defensive", False, False),
    ("We now give a briefing every hour and call it off earlier when the forecast is against us. ",
     "defensive", False, False),
    # what should have happened, and did not: owned, not denied
    ("Een invalkracht had je moeten bellen. Dat is niet gebeurd. ", "contradicts", True, False),
    ("Any injury should be recorded and shared at pick-up, and that didn't happen. ", "contradicts", False, False),
    ("Dat is niet gebeurd: de bezorger heeft om 10 uur aangebeld. ", "contradicts", True, True),
    ("We werken nu met een vast draaiboek, wie er ook op de planning staat. ", "contradicts", True, False),
]


ROUND_13_TAUGHT = [
    ("I spoke to Costas, and he's quite sure that mark was already on the sleeve. ", "contradicts", False, True),
    ("I'm afraid that isn't quite how I remember it. ", "contradicts", False, True),
    ("I must say that I stand by the description. ", "contradicts", False, True),
    ("Toch moet ik zeggen dat de ski's die avond nog geslepen zijn. ", "contradicts", True, True),
    ("Volgens onze werkplaatsfiche werden de ski's de avond voordien gewaxt. ", "contradicts", True, True),
    ("I know how disappointing it is when something doesn't match what you expected. ", "contradicts", False,
     False),
    ("Three days of mess when you were told one is a real headache. ", "contradicts", False, False),
    ("This was a genuinely unforeseeable mechanical fault. ", "defensive", False, True),
    ("Many of your fellow passengers commented on how well he handled it. ", "defensive", False, True),
    ("Our teacher was ill and I didn't get the cancellation onto the app in time. ", "defensive", False, False),
    ("Bij je volgende bezoek is de proeverij helemaal op onze kosten. ", "promise", True, True),
    ("Ik zet een nieuwe fles voor je klaar, uiteraard zonder kosten. ", "promise", True, True),
    ("It slipped through our scheduling and nobody chased it, which again is on us. ", "promise", False, False),
    ("Maybe you'd consider giving us a second chance with a fresh review. ", "change_review", False, True),
    ("We zouden het appreciëren als je je score nog eens wilt herbekijken. ", "change_review", True, True),
    ("Over personeelszaken doen wij op dit platform geen mededelingen. ", "no_comment", True, True),
    ("I can see you were fitted at your appointment on 12 March. ", "personal_data", False, True),
    ("I've checked your file (UTR 54321 09876) and found our error. ", "personal_data", False, True),
    ("Ik zie dat je toestel bij ons was (reparatienummer R-20931). ", "personal_data", True, True),
    ("In ons dossier zie ik dat u op 14 februari om 10u30 een afspraak had. ", "personal_data", True, True),
    ("Bij de verwijzing van dr. Segers stond manuele therapie voorgeschreven. ", "personal_data", True, True),
]


ROUND_14_TAUGHT = [
    ("As outlined in your booking confirmation, late cancellations are charged in full. ", "small_print", False,
     True),
    ("We went back to your order form, and the drops we made match the measurements on it. ", "contradicts",
     False, True),
    ("I've checked the docket, so I believe the bill was correct. ", "contradicts", False, True),
    ("Our technician was actually in the room next door the whole time. ", "contradicts", False, True),
    ("Receiving an item that doesn't match the photos is so disappointing. ", "contradicts", False, False),
    ("Onze planning heeft dit gewoon laten liggen, daar is geen goede reden voor. ", "contradicts", True, False),
    ("Daar kunnen wij als reparateur niet verantwoordelijk voor worden gehouden. ", "defensive", True, True),
    ("In our experience that accounts for most of the sagging we're shown. ", "defensive", False, True),
    ("U hebt gelijk: ik had naar allergieën moeten vragen voor ik begon. ", "defensive", True, False),
    ("We're also adding extra carriages to the busiest services from next month. ", "defensive", False, False),
    ("Cutting it a bit short isn't a huge deal in itself. ", "belittles", False, True),
    ("I'll happily cover whatever you spent at the chemist. ", "promise", False, True),
    ("Op je volgende klus gaat er 20% van de rekening af. ", "promise", True, True),
    ("De volgende keer krijg je van ons twee dagen fietshuur cadeau. ", "promise", True, True),
    ("Bij uw volgende bezoek bent u beiden onze gast voor een driegangendiner. ", "promise", True, True),
    ("The café is fully dairy-free again, staff fridge included. ", "promise", False, False),
    ("We'd be grateful if you'd take another look at your rating. ", "change_review", False, True),
    ("I looked you up under the mobile number on your account, 0411 237 884. ", "personal_data", False, True),
    ("I've looked at the job sheet from your Thursday 2pm booking. ", "personal_data", False, True),
    ("I can see from your loyalty card, number 4471 0923, that you come most mornings. ", "personal_data",
     False, True),
    ("Ik heb reservering 24-0871 erbij gepakt. ", "personal_data", True, True),
    ("U bent welkom op donderdag 12 juni om 9.40 uur bij dr. Van Leeuwen. ", "personal_data", True, True),
]


ROUND_15_TAUGHT = [
    ("I've pulled up your booking (ref. LZ-20931, departing 14 July). ", "personal_data", False, True),
    ("Ik heb uw boeking (referentie KX7P2M) nagekeken. ", "personal_data", True, True),
    ("Ik heb uw bestelling (nr. 55812) nagekeken. ", "personal_data", True, True),
    ("I've gone back through your application (ref MB-20417). ", "personal_data", False, True),
    ("Once it's sorted, would you mind having another look at your rating? ", "change_review", False, True),
    ("So I don't think it's accurate to say nothing more could be done. ", "contradicts", False, True),
    ("I've checked our session plans, so I don't believe he was left sitting at the back. ", "contradicts",
     False, True),
    ("We had a truck off the road and didn't manage the backlog or tell people, which is on us. ", "contradicts",
     False, False),
    ("De laatste termijnfactuur laten we vervallen. ", "contradicts", True, False),
    ("Because this concerns a medical treatment, we're not able to discuss it in a public review. ", "no_comment",
     False, True),
    ("Op de inhoud van uw bezoek gaan wij hier in het openbaar verder niet in. ", "no_comment", True, True),
    ("Ter verduidelijking: volgens artikel 4.3 van onze algemene voorwaarden is dit niet gedekt. ", "small_print",
     True, True),
    ("Under the Taking Control of Goods (Fees) Regulations 2014 the fee is applied automatically. ",
     "small_print", False, True),
    ("Daar hadden wij dus weinig vat op. ", "defensive", True, True),
    ("Breng hem langs, dan krijg je van ons direct een nieuwe mee. ", "promise", True, True),
    ("You can call me on 0300 555 0176 (free from mobiles). ", "promise", False, False),
    ("U krijgt de terugbetaling binnen vijf werkdagen. ", "promise", True, True),
    ("Ik begrijp dat het bericht over de terugbetaling hard aankwam. ", "promise", True, False),
    ("In de overeenkomst staat dat een resultaat niet kan worden gegarandeerd. ", "promise", True, False),
    ("De nieuwe regeling sturen we volgende week naar alle ouders. ", "promise", True, False),
]


ROUND_16_TAUGHT = [
    ("At your trial on 3 May we talked about a long-wear base. ", "personal_data", False, True),
    ("Making up the 250mg/5ml suspension takes a few minutes. ", "personal_data", False, True),
    ("I've moved your follow-up forward to this Thursday at 2.15pm. ", "personal_data", False, True),
    ("Ik heb je reparatiebon 2024-0817 erbij gepakt. ", "personal_data", True, True),
    ("De opzegging van je oude abonnement op 06 18 44 92 07 is niet verstuurd. ", "personal_data", True, True),
    ("Uw insulinepennen zaten die dag in een rit die te krap was gepland. ", "personal_data", True, True),
    ("Running low on your regular medication is genuinely worrying. ", "personal_data", False, False),
    ("There's only so much housekeeping can do between stays. ", "defensive", False, True),
    ("There are only two of us running the office, so replies aren't always quick. ", "defensive", False, True),
    ("Tijdens de wachtdienst sta ik er 's nachts alleen voor. ", "defensive", True, True),
    ("Your message was left with a colleague who was off sick. That's our failure. ", "defensive", False, False),
    ("To be honest, 25 minutes for a roll isn't the end of the world. ", "belittles", False, True),
    ("In line with our practice access policy, same-day appointments are released at 8am. ", "small_print",
     False, True),
    ("I understand how worried you must be after three terms without progress. ", "small_print", False, False),
    ("We've reviewed the CCTV from the front door, and it doesn't show anyone being pushed. ", "contradicts",
     False, True),
    ("Getting an eye-roll when you asked for them to be remade would annoy anyone. ", "contradicts", False, False),
    ("Over de make-up ga ik hier niet publiek in discussie. ", "no_comment", True, True),
    ("We'll send a fresh bouquet at no charge and refund the full order. ", "promise", False, True),
    ("We sturen je deze week een nieuw slot van hetzelfde merk. ", "promise", True, True),
    ("De rekening van de fietsenmaker betalen wij natuurlijk ook. ", "promise", True, True),
    ("Your group's next hour is on us. ", "promise", False, True),
    ("That's heartbreaking, and the rushed fitting is on us. ", "promise", False, False),
    ("You paid us to take a job off your hands. ", "promise", False, False),
    ("The first message we have is your email asking for the money back. ", "promise", False, False),
    ("Under our terms the callout fee is only waived where the engineer finds a fault. ", "promise", False, False),
    ("Een rustige kamer beloven en ze dan niet geven, kan niet. ", "promise", True, False),
    ("Bij annulering is een vergoeding van 30% van de bestelwaarde verschuldigd. ", "promise", True, False),
    ("Wil je me een privébericht sturen zodat we een nieuwe afspraak kunnen maken? ", "promise", True, False),
    ("I'd welcome the chance to talk this through and update you myself. ", "change_review", False, False),
]

ROUND_17_TAUGHT = [
    ("I've gone back through your file (client ref NA-3381) and spoken to her. ", "personal_data", False, True),
    ("I looked up your order 55120 and the packing notes. ", "personal_data", False, True),
    ("Ik heb het nagekeken: uw bestelling 3187 stond genoteerd voor zaterdag. ", "personal_data", True, True),
    ("Ik heb zending AT-22918 opgevraagd en met het team doorgenomen. ", "personal_data", True, True),
    ("Ik heb je boeking voor vier personen van vrijdag 13 oktober om 21.00 uur erbij gezocht. ", "personal_data",
     True, True),
    ("Ik heb je bericht van gisteren erbij gezocht. ", "personal_data", True, False),
    ("Wij kunnen op dit platform niet ingaan op individuele dossiers. ", "no_comment", True, True),
    ("We can't go into individual accounts on this page. ", "no_comment", False, True),
    ("Breng de knuffel gerust mee bij je volgende bezoek, dan krijgt ze een nieuwe van ons. ", "promise", True,
     True),
    ("Bring the jacket in and you'll get a new one from us. ", "promise", False, True),
    ("Dat is niet hoe we met klanten om willen gaan. ", "promise", True, False),
    ("I can't imagine how upsetting it was for the bride, on a day that's meant to go perfectly. ", "empathy",
     False, False),
    ("Ik kan me niet voorstellen hoe vervelend dat voor jullie was. ", "empathy", True, False),
    ("Spending good money on a wetsuit and being told it's your fault when you brought it back is frustrating. ",
     "defensive", False, False),
    ("The tutor never confirmed the new times, and our system didn't flag either session as a no-show. "
     "Both are failures on our side. ", "contradicts", False, False),
    ("De oplevering had pas mogen plaatsvinden na een volledige test van de betaalmodule. Dat is niet gebeurd. ",
     "contradicts", True, False),
    ("I'm sorry nobody mentioned the fee when you booked. ", "defensive", False, False),
]

ROUND_18_TAUGHT = [
    ("I've pulled your deal file (stock no. H2217, picked up 14 March) and checked it. ", "personal_data", False,
     True),
    ("I can see your voicemail from (512) 555-0148 on Tuesday afternoon. ", "personal_data", False, True),
    ("Ik zie op je klantkaart de torische lenzen, sterkte -4,25 links en -3,75 rechts. ", "personal_data", True,
     True),
    ("Ik heb je bestelling opgezocht: ophaalorder 4471-0983, opgehaald op vrijdag. ", "personal_data", True, True),
    ("Het is afgerekend met de klantenpas op naam van N. Gerritsen. ", "personal_data", True, True),
    ("We bezorgen uw medicijnen voortaan bij u thuis aan de Burgemeester Jansenlaan. ", "personal_data", True,
     True),
    ("Wij doen nooit publiek uitspraken over individuele situaties. ", "no_comment", True, True),
    ("Verder ga ik hier niet op de individuele situatie in. ", "no_comment", True, True),
    ("Next month's rent on your unit is on us. ", "promise", False, True),
    ("If you lost any pay because of the missed job, we'll cover it. ", "promise", False, True),
    ("Leaving it unresolved for two weeks is on me as well. ", "promise", False, False),
    ("Our supplier was late delivering a replacement order that week. ", "promise", False, False),
    ("Zeker met een cadeaubon is dat zuur. ", "promise", True, False),
    ("De klokken horen nu eenmaal bij het karakter van het huis. ", "promise", True, False),
    ("Both sign off against the latest guest list before every wedding. ", "promise", False, False),
    ("You asked for a light tidy and we didn't listen properly. ", "contradicts", False, False),
    ("The new cylinder is the anti-snap one you asked for. ", "contradicts", False, False),
    ("En dan ook nog horen dat het je eigen schuld is: dat komt hard aan. ", "defensive", True, False),
    ("De afspraak stond wel in onze agenda, maar is door mij niet doorgezet naar de verkoper. ", "defensive", True,
     False),
    ("Our contract does say deposits are non-refundable, but quoting that to you was wrong. ", "small_print", False,
     False),
    ("Our cancellation policy was applied to your booking to the letter, and it never should have been. ",
     "small_print", False, False),
]

ROUND_19_TAUGHT = [
    ("I now keep a spare slot free each week for exactly these situations. ", "promise", False, False),
    ("When two instructors left I filled the gaps with whoever was free. ", "promise", False, False),
    ("Finding the table bare on Free Comic Book Day is gutting. ", "promise", False, False),
    ("A discount on your next order was not an adequate response. ", "promise", False, False),
    ("Under clause 12.3 of our Conditions of Carriage, refunds are processed within 30 business days. ",
     "promise", False, False),
    ("Volgens artikel 11.3 van onze voorwaarden heeft de bezoeker recht op een tegoedbon. ", "promise", True,
     False),
    ("I have pulled up your application, reference JS-PM-20417, myself. ", "personal_data", False, True),
    ("Loop gerust binnen aan de Weststraat 12. ", "personal_data", True, False),
    ("Dit kwam door een fout in onze planning: jullie adres viel bij een roosterwissel tussen twee uitlaters in. ",
     "contradicts", True, False),
    ("Je zult begrijpen dat wij nooit inhoudelijk ingaan op dossiers van klanten in een openbare omgeving als deze. ",
     "no_comment", True, True),
    ("Je zult begrijpen dat wij nooit inhoudelijk ingaan op dossiers van klanten in een openbare omgeving als deze. ",
     "defensive", True, False),
    ("Dat geldt ook voor deze kwestie, dus we laten het hier verder bij. ", "no_comment", True, True),
    ("Eerlijk is eerlijk: ik had de klus gewoon een dag moeten verzetten. ", "defensive", True, False),
    ("Op zondag staan er vanaf nu twee medewerkers achter de toonbank, en van de populairste smaken maken we een "
     "extra bak aan. ", "defensive", True, False),
    ("Zoudt ge uw review dan willen herbekijken? ", "change_review", True, True),
    ("Laat het me weten op het nummer 055 XX XX XX. ", "placeholder", True, True),
]

ROUND_20_TAUGHT = [
    ("One of the team seated a walk-in group at your table thinking it was free. ", "promise", False, False),
    ("We got a crew to you as soon as the lads were free. ", "promise", False, False),
    ("As set out in our returns policy, cash refunds are only issued within 14 days of purchase. ", "promise",
     False, False),
    ("De hoofdprijs was een fles huiswijn, maar ik begrijp dat het om het principe gaat. ", "promise", True, False),
    ("We only make the call once we've seen the conditions on the water. ", "small_print", False, False),
    ("Bij het slopen bleek dat de afvoer niet volgens de regels lag. ", "small_print", True, False),
    ("Under our booking terms, pitch allocations can't be changed once a guest has checked in. ", "small_print",
     False, True),
    ("Ik wil wel even verduidelijken dat volgens artikel 9 van het huurcontract een termijn van tien werkdagen "
     "geldt. ", "small_print", True, True),
    ("Zoals in onze reserveringsvoorwaarden staat, kunnen wijzigingen tot 48 uur van tevoren worden doorgegeven. ",
     "small_print", True, True),
    ("We're reviewing the policy so this doesn't happen to anyone else. ", "small_print", False, False),
    ("Met alle respect voor jullie zorgen laten we het hier bij deze reactie. ", "defensive", True, False),
    ("You have to understand that sand gets into the tracks and the door seals. ", "defensive", False, True),
    ("Wel moet ik eerlijk zeggen dat massief eiken een natuurproduct is. ", "defensive", True, True),
    ("You were told to expect one piece, so seeing a join must have been disappointing. ", "contradicts", False,
     False),
    ("Een losse beugel is voor ons wel degelijk een spoedgeval, en daar had u direct voor ingepland moeten worden. ",
     "contradicts", True, False),
    ("We've fixed the calendar sync that was showing phantom spots. ", "contradicts", False, False),
    ("I did check our order screen: your order was placed at 12:41 and ready at 13:03. ", "contradicts", False,
     True),
    ("So the wait on our side was closer to 20 minutes than 40. ", "contradicts", False, True),
    ("It isn't something we're able to comment on publicly. ", "no_comment", False, True),
    ("Ik heb uw zending nog opgezocht (Track & Trace 3SDEVK4471823). ", "personal_data", True, True),
    ("Op de camerabeelden zie ik je grijze Golf (kenteken eindigend op TK-4) bij het raam. ", "personal_data", True,
     True),
    ("Jullie stonden van 12 tot 19 juli op plek 23, vlak naast het toiletgebouw. ", "personal_data", True, True),
    ("I've checked the job card from when you dropped the Focus in on Thursday 6 March at 8.10am. ",
     "personal_data", False, True),
]

ROUND_21_TAUGHT = [
    ("I apologise that three of your gels lifted and that you were told you'd be charged again. ", "contradicts",
     False, False),
    ("You kept Monday free for us and heard nothing until Thursday. ", "promise", False, False),
    ("Over de technische kant van de zaak ga ik hier publiek niet verder in. ", "promise", True, False),
    ("Over de technische kant van de zaak ga ik hier publiek niet verder in. ", "no_comment", True, True),
    ("Omdat wij het principieel niet juist vinden om individuele inschrijvingen publiek te bespreken, laten we het "
     "daarbij. ", "no_comment", True, True),
    ("We won't comment on the case here. We trust you'll understand our position. ", "defensive", False, False),
    ("I see the replacement hardware was shipped to your place on SE Belmont St on the 19th. ", "personal_data",
     False, True),
    ("Ik heb uw boeking nagekeken (appartement 6B, op naam van Tom Verhaegen). ", "personal_data", True, True),
    ("Our system sent a reminder text to your mobile ending 4471 that morning. ", "personal_data", False, True),
]

ROUND_22_TAUGHT = [
    ("We attend every guarantee call-out within a week. ", "promise", False, False),
    ("For reference, section 5 of our booking terms states that delays under 20 minutes are not eligible for "
     "compensation. ", "promise", False, False),
    ("We've replaced it, and we now keep one lathe free on every course as a spare. ", "promise", False, False),
    ("I've refunded the order to your Visa ending 2291. ", "personal_data", False, True),
    ("I can see you're on our loyalty scheme with the mobile 07700 900412. ", "personal_data", False, True),
    ("I've checked the contract for your wedding at Ballymagarvey Village on 23 August. ", "personal_data", False,
     True),
    ("Ik kom graag bij u langs aan de Westerdijk 41 om het te bekijken. ", "personal_data", True, True),
    ("Het arrangement is niet goed in ons systeem gezet; de fout ligt bij ons, niet bij jullie. ", "contradicts",
     True, False),
    ("Ik heb de foto's uit de werkplaats bekeken en zie zelf ook dat de naad niet recht loopt. ", "contradicts",
     True, False),
    ("Wel even voor de volledigheid: volgens onze werkbon heeft de gitaar twaalf dagen bij ons gestaan. ",
     "defensive", True, False),
    ("In het contract staat wel in artikel 4 dat elk begonnen extra uur 150 euro kost. ", "defensive", True, False),
]

ROUND_23_TAUGHT = [
    ("That said, we'll knock £1,500 off your final invoice. ", "promise", False, True),
    ("We'll send a cleaner round at our cost to give the floor a proper deep clean. ", "promise", False, True),
    ("The GPS record on the van shows our technician stopped at your address on Tuesday morning. ", "personal_data",
     False, False),
    ("I hope the rest of your stay from July 18 to 22 was more restful. ", "personal_data", False, True),
    ("Watching your plans slip because of something you had no control over is maddening. ", "defensive", False,
     False),
    ("Dat is niet waar je voor komt, sorry. ", "contradicts", True, False),
    ("Vanaf XX juni werken we met een aparte oven voor glutenvrije pizza's. ", "placeholder", True, True),
]
ROUND_24_TAUGHT = [
    ("You're right that 10% off doesn't fix that. ", "promise", False, False),
    ("I know the counter offered you a discount on the smaller truck and you said no. ", "promise", False, False),
    ("Our terms state that our guarantee covers gutter runs only. ", "promise", False, False),
    ("As set out in the hire agreement, refunds are only given where the boat cannot be used. ", "promise", False,
     False),
    ("Next time you're in, your first two pours are on us. ", "promise", False, True),
    ("U zei terecht dat u niet op zoek was naar korting. ", "promise", True, False),
    ("Je brengt je telefoon voor een nieuw scherm en krijgt hem terug met een functie minder. ", "promise", True,
     False),
    ("I apologise that you were told the listing was accurate when it wasn't. ", "contradicts", False, False),
    ("It was a much shorter cut than you asked for. ", "contradicts", False, False),
    ("I know it's not how you wanted to remember the night. ", "contradicts", False, False),
    ("We do not discuss individual contracts on public forums. ", "no_comment", False, True),
    ("Ik heb uw reparatiebon nr. 3381 erbij gepakt. ", "personal_data", True, True),
]
ROUND_25_TAUGHT = [
    ("Our terms of commission state that complimentary adjustments are included up to the second fitting. ",
     "promise", False, False),
    ("Asking about a discount after a wait like that was reasonable. ", "promise", False, False),
    ("Please come back as my guest: dinner for your whole party is on us. ", "promise", False, True),
    ("We storten de volledige huurprijs voor die dag naar u terug. ", "promise", True, True),
    ("The wrong grind setting got picked when it was packed, and that was our doing. ", "defensive", False, False),
    ("Met het hele team spreken we af dat spullen altijd met respect gesorteerd worden. ", "defensive", True, False),
    ("Onze begeleider was die ochtend ziek, en wij hebben verzuimd om een vervanger te regelen. ", "defensive", True,
     False),
    ("Excuses daarvoor, zo gaan wij niet met klanten om. ", "no_comment", True, False),
    ("The panel for your front door at 14 Heol Llanishen Fach is being leaded now. ", "personal_data", False, True),
    ("Ik heb uw boeking van 14 tot en met 17 augustus erbij gepakt. ", "personal_data", True, True),
    ("Ik heb reparatiebon 4417 van 3 november erbij gepakt. ", "personal_data", True, True),
    ("Ik heb je lidmaatschap (nummer 58231) erbij gepakt. ", "personal_data", True, True),
]
ROUND_26_TAUGHT = [
    ("I know from your intake form that you'd booked for your sciatica flare-up. ", "personal_data", False, True),
    ("I know the biopsy follow-up on your shoulder isn't something you want pushed back. ", "personal_data", False,
     True),
    ("The report should have been made well before your 5:30 pickup. ", "personal_data", False, True),
    ("I pulled the work order for unit 214 to see what happened. ", "personal_data", False, True),
    ("Ik heb met juf Demi gesproken over de groep van woensdag 15.45 uur. ", "personal_data", True, True),
    ("Ik heb uw bestelling erbij genomen: nummer 2318, af te halen zaterdag. ", "personal_data", True, True),
    ("Noem je ordernummer (BZ-40028817) aan de balie. ", "personal_data", True, True),
    ("Zeker met de migraineaanvallen waarvoor u al langer bij dokter Brouwer loopt. ", "personal_data", True, True),
    ("Your next two pies are on us. ", "promise", False, True),
    ("Finding us closed during our posted hours is on us. ", "promise", False, False),
    ("Je kreeg bij de klantenservice alleen een tegoedbon aangeboden. ", "promise", True, False),
    ("We don't address specific incidents or guest interactions on review sites. ", "no_comment", False, True),
    ("Omdat het om medicatie gaat, bespreken wij individuele situaties niet op internet. ", "no_comment", True, True),
    ("Als je tevreden bent, zou je dan nog eens willen kijken naar je sterren? ", "change_review", True, True),
]
ROUND_27_TAUGHT = [
    ("I'd like to invite you back for a private tour and tasting, entirely on us. ", "promise", False, True),
    ("I fell behind and didn't keep you updated, which is entirely on me. ", "promise", False, False),
    ("You ordered sparkling, you got flat, and then you were told it was on purpose. ", "contradicts", False, False),
    ("The rotation is supposed to be fair, and that night it wasn't. ", "defensive", False, False),
    ("Wat ontzettend jammer dat je niet tevreden bent met het resultaat. ", "defensive", True, False),
    ("Deze keer laten we uw toestel ook door de fabrikant laten nakijken. ", "defensive", True, False),
    ("Stuur je nummer naar ruben@wijnbardekelder.nl, of bel zelf naar 030-2317745. ", "personal_data", True, False),
    ("I'll call you on your mobile 07700 900123 this afternoon. ", "personal_data", False, True),
]
ROUND_28_TAUGHT = [
    ("Per our posted hours, last tee-off is 45 minutes before closing. ", "small_print", False, True),
    ("As outlined on our order form, all custom orders lock 72 hours before pickup. ", "small_print", False, True),
    ("Dit staat vermeld op de website, in de reserveringsbevestiging en op de menukaart. ", "small_print", True,
     True),
    ("Ik betaal u de kosten van die eerste nacht volledig terug. ", "promise", True, True),
    ("Je betaalt er 60 euro voor en krijgt hem terug met een buzz. ", "promise", True, False),
    ("Zou je dan nog eens naar je sterren willen kijken? ", "change_review", True, True),
    ("Als ge daarna tevreden zijt, zou een extra sterretje hier mij echt deugd doen. ", "change_review", True, True),
    ("Your lenses were checked against your prescription (−2.75 right, −3.00 left). ", "personal_data", False, True),
    ("Your 9.15 root canal check was pushed back by an emergency. ", "personal_data", False, True),
    ("I pulled up your order (#4471, the two lobster rolls) so I can sort it out. ", "personal_data", False, True),
]

ROUND_29_TAUGHT = [
    ("Ik heb je bon van zaterdag 12 april erbij gepakt: twee blikken muurverf. ", "personal_data", True, True),
    ("Ik heb uw reservatie MG-20417 voor zondag ondertussen teruggevonden. ", "personal_data", True, True),
    ("Je abonnement KH-55102 was wel betaald. ", "personal_data", True, True),
    ("Ik heb kasticket 4471 erbij genomen. ", "personal_data", True, True),
    ("I've pulled the job sheet for 14 Heol y Parc. ", "personal_data", False, True),
    ("I've gone back over your table for six at half eight on the Saturday. ", "personal_data", False, True),
    ("Someone should have checked in with you every half hour. ", "personal_data", False, False),
    ("Your booking got lost on our end, and losing half a workday is aggravating. ", "personal_data", False, False),
    ("I'm sorry: you were told that jacket was fully seam-sealed, and it wasn't. ", "contradicts", False, False),
    ("It won't bed in, whatever you were told. ", "contradicts", False, False),
    ("Ook al had je vast liever alleen leuke dingen over je weekend verteld. ", "contradicts", True, False),
    ("The cleaning window between parties was only fifteen minutes, which wasn't enough. ", "belittles", False,
     False),
    ("Setting up a game and then finding out pieces are missing is one of the most deflating things that can "
     "happen on a game night, and it happened to you twice. ", "defensive", False, False),
    ("Mocht het de volgende keer wél goed zijn, dan zou ik het fijn vinden als je dat hier ook even aanpast. ",
     "change_review", True, True),
]

ROUND_30_TAUGHT = [
    ("I've been through Oliver's notes, and Dr Amin has added a check to his next adjustment on 14 March at "
     "4.15pm. ", "personal_data", False, True),
    ("Because you're on warfarin, as noted in your chart, we should have taken extra care. ", "personal_data", False,
     True),
    ("Your metformin and the new atorvastatin dose were the items missing. ", "personal_data", False, True),
    ("Juist omdat u na uw knieoperatie in maart zo trouw aan uw revalidatie werkt, had u beter verdiend. ",
     "personal_data", True, True),
    ("Juist omdat u zo trouw aan uw revalidatie werkt, had u beter verdiend. ", "defensive", True, False),
    ("Ik zie in je klantenfiche dat je rosacea hebt. ", "personal_data", True, True),
    ("Op uw polis 4471 902 35 is alleen een vergoeding mogelijk vanaf +6 dioptrie. ", "personal_data", True, True),
    ("Wil je me je nummer sturen via een privébericht, of mij bellen op 0486 52 17 40? ", "personal_data", True,
     False),
    ("Heel vervelend als de afspraak dan niet doorgaat, en dat zelfs twee keer. ", "contradicts", True, False),
    ("You asked for brown and we put black on, plain and simple. ", "contradicts", False, False),
    ("Breng ze gerust langs, dan zet ik er nieuwe hakken onder en krijg je de €35 ook nog terug. ", "promise", True,
     True),
    ("De volgende keer dat jullie komen, is het toetje voor het hele gezin van ons. ", "promise", True, True),
]

@pytest.mark.parametrize("middle, rule, dutch, found", [
    *ROUND_10_TAUGHT, *CAUSES_AND_OWNED, *ROUND_13_TAUGHT, *ROUND_14_TAUGHT, *ROUND_15_TAUGHT, *ROUND_16_TAUGHT,
    *ROUND_17_TAUGHT, *ROUND_18_TAUGHT, *ROUND_19_TAUGHT, *ROUND_20_TAUGHT, *ROUND_21_TAUGHT, *ROUND_22_TAUGHT,
    *ROUND_23_TAUGHT, *ROUND_24_TAUGHT, *ROUND_25_TAUGHT,
    *ROUND_26_TAUGHT, *ROUND_27_TAUGHT, *ROUND_28_TAUGHT, *ROUND_29_TAUGHT,
    *ROUND_30_TAUGHT,
])
def test_what_the_blind_rounds_taught(middle, rule, dutch, found):
    """Each blind round's moves in words the rules did not know (True), and shapes that only look
    like one (False), once the round was read."""
    assert (rule in rules(middle, GOED if dutch else GOOD)) is found


@pytest.mark.parametrize("sorry", ["We're sorry you feel we've been unreliable.", "Sorry you feel let down.",
                                   "We're sorry you feel the lobster roll wasn't worth the price.",
                                   "Sorry you feel like the tune wasn't up to par.",
                                   "We regret that you're unhappy with the service over January.",
                                   "We regret that your experience with us was not what you expected.",
                                   "We regret that the day did not go as planned.",
                                   "I'm sorry you came away unhappy with us."])
def test_sorry_for_their_view_of_us_is_no_apology(sorry):
    draft = ("Hi Sam,\n\nThanks for your review. Having to leave work early is stressful, I understand. "
             f"{sorry} Please call me on 01632 960 111.\n\nAnna")
    assert "apology" in check_reply(draft, customer="Sam", signer="Anna").rules


@pytest.mark.parametrize("sorry", ["Het spijt ons dat het feestje niet helemaal is verlopen zoals u had gehoopt.",
                                   "Het spijt ons dat u niet tevreden naar huis bent gegaan."])
def test_sorry_for_how_it_went_or_how_they_left_is_no_apology(sorry):
    draft = ("Beste Sam,\n\nBedankt voor je review, ik snap dat je teleurgesteld bent. "
             f"{sorry} Bel me gerust.\n\nAnna")
    assert "apology" in check_reply(draft, customer="Sam", signer="Anna").rules


def test_thanks_for_their_custom_is_no_thanks_for_the_review():
    draft = ("Hi Sam,\n\nI'm sorry: that was frustrating. Thanks for using us all these years. Please call me on "
             "01632 960 111.\n\nAnna")
    assert "thanks" in check_reply(draft, customer="Sam", signer="Anna").rules


def test_sorry_said_after_the_verb_is_an_apology():
    draft = ("Beste Sam,\n\nBedankt voor je review, ik snap dat je teleurgesteld bent. Toch spijt het me dat we je "
             "niet beter op de hoogte hebben gehouden. Bel me gerust.\n\nAnna")
    assert "apology" not in check_reply(draft, customer="Sam", signer="Anna").rules


@pytest.mark.parametrize("recent, closing", [
    # the recent reply's name stands on its last sentence's line, with no closing word before it
    ("Dag Peter, wat spijtig. Onze excuses. Bedankt om het ons te laten weten, dan kunnen we eraan werken. "
     "Het team van Kaderatelier Vanhoutte", "Bedankt om het ons te laten weten, dan kunnen we daaraan werken."),
    # the same closing with an address put in
    ("Beste Marco, het spijt ons. Neem gerust contact met ons op als er nog iets is, we denken graag met je mee! "
     "Hartelijke groet, Linda",
     "Neem gerust contact met me op via linda@knutselkist.nl als er nog iets is, we denken graag met je mee!"),
])
def test_a_closing_used_before_repeats_it(recent, closing):
    draft = (f"Beste Sam,\n\nBedankt voor je review, ik snap dat je teleurgesteld bent, en het spijt me. {closing}"
             "\n\nGroet,\nAnna")
    assert "repeats" in check_reply(draft, customer="Sam", signer="Anna", recent=[recent]).rules


def test_sorry_for_how_they_took_it_is_no_apology():
    draft = ("Beste Sam,\n\nBedankt voor je review, ik snap dat je teleurgesteld bent. Het spijt ons dat je moeder de "
             "uitleg als te kort heeft ervaren. Bel me gerust.\n\nAnna")
    assert "apology" in check_reply(draft, customer="Sam", signer="Anna").rules


@pytest.mark.parametrize("draft", [
    "Hi Sam,\n\nI'm sorry: that was frustrating. Thanks again for your patience. Please call me on 01632 960 111."
    "\n\nAnna",
    "Hi Sam,\n\nI'm sorry: that was frustrating. We'd appreciate it if you could call me on 01632 960 111.\n\nAnna",
    "Hi Sam,\n\nThanks for choosing us. I'm sorry: that was frustrating. Please call me on 01632 960 111.\n\nAnna",
    "Hi Sam,\n\nThank you for coming on the weekend course. I'm sorry: that was frustrating. Please call me on "
    "01632 960 111.\n\nAnna",
])
def test_thanks_for_patience_or_a_request_is_no_thanks_for_the_review(draft):
    """Neither is thanks for their custom ("thanks for choosing us for your battery change")."""
    assert "thanks" in check_reply(draft, customer="Sam", signer="Anna").rules
    assert "thanks" not in check_reply(draft.replace("I'm sorry", "Thank you for your review, and I'm sorry"),
                                       customer="Sam", signer="Anna").rules


@pytest.mark.parametrize("sign_off", ["Greenline Landscapes", "Ridgeline Coffee Roasters", "Dienst Afvalbeheer",
                                      "Vakantiehuisjes Duinzicht", "Shine Bros Detailing", "Rubislaw Allotment Society Committee",
                                      "The crew at Swell Board Co.", "Zonnige groet,\nTeam IJsje van Anna"])
def test_a_business_name_in_trade_words_is_not_a_person(sign_off):
    draft = (f"Hi Sam,\n\nThank you for your review, and I'm sorry: that was frustrating. Please call "
             f"01632 960 111 and we'll talk.\n\n{sign_off}")
    assert "signature" in check_reply(draft, customer="Sam", signer="Anna").rules


@pytest.mark.parametrize("sign_off", ["Anna", "Groetjes van Anna", "Anna, IJsje van Anna", "Chef Anna", "Anna – Black Anchor Tattoo",
                                      "Anna\nHead of Setting & Safety, Granite Climbing Co.",
                                      "Kind regards,\nAnna Visser | Owner", "Up the Town,\nAnna",
                                      "Hartelijke groet van de boerderij,\nAnna"])
def test_the_one_who_posts_it_signs(sign_off):
    draft = (f"Hi Sam,\n\nThank you for your review, and I'm sorry: that was frustrating. Please call "
             f"01632 960 111 and we'll talk.\n\n{sign_off}")
    assert "signature" not in check_reply(draft, customer="Sam", signer="Anna").rules


@pytest.mark.parametrize("customer, greeting", [("inkyfingers", "Hi inkyfingers,"), ("kezzaink", "Hey Kez,"),
                                                ("RhysPanels", "Hi RhysPanels,"), ("CaptRickS", "Hi CaptRickS,"),
                                                ("NielsFilmfan", "Hoi Niels,"), ("mamavan3", "Hoi mamavan3,")])
def test_a_site_handle_is_a_name_as_written_or_shortened_in_the_greeting(customer, greeting):
    draft = (f"{greeting}\n\nThank you for your review, and I'm sorry: that was frustrating. Please call "
             "01632 960 111 and we'll talk.\n\nAnna")
    assert "name" not in check_reply(draft, customer=customer, signer="Anna").rules
    assert "name" in check_reply(draft.replace(greeting, "Hi there,"), customer=customer, signer="Anna").rules


def test_a_number_left_to_finish_is_a_gap():
    draft = ("Hi Sam,\n\nThank you for your review, and I'm sorry: that was frustrating. Please call "
             "(312) 555-01XX and we'll talk.\n\nAnna")
    assert "placeholder" in check_reply(draft, customer="Sam", signer="Anna").rules


def test_a_title_before_a_name_does_not_end_the_sentence():
    from desk.advice.coach.text import sentences

    text = ("U bent welkom bij dr. Van Leeuwen. Mail t.a.v. Daan. Bestelling nr. 12345 is er. The answer is no. Bye. "
            "Stock no. H2217 is yours. Op naam van N. Gerritsen. It was plan B. Then rain. Dear D. Okafor, hi.")
    assert [text[s:e].strip() for s, e in sentences(text)] == [
        "U bent welkom bij dr. Van Leeuwen.", "Mail t.a.v. Daan.", "Bestelling nr. 12345 is er.",
        "The answer is no.", "Bye.", "Stock no. H2217 is yours.", "Op naam van N. Gerritsen.", "It was plan B.",
        "Then rain.", "Dear D. Okafor, hi."]


def test_a_sign_off_on_the_last_line_of_a_recent_reply_is_not_its_closing():
    recent = ["Hi Rich, sorry we ran out of the food you wanted. If there's anything else we can do, please "
              "just give us a call on 01926 496 0371. Jas"]
    draft = ("Hi Sam,\n\nThanks for writing, and I'm sorry: that must have been worrying. "
             "If there's anything else we can do, please just give us a call on 01926 496 0371.\n\nJas")
    assert "repeats" in check_reply(draft, customer="Sam", signer="Jas", recent=recent).rules


def test_a_feeling_named_in_plain_flemish_is_empathy():
    plain = ("Dag Greet,\n\nBedankt om dit te melden, en sorry, lastig als je voor allebei betaald hebt en "
             "maar half geholpen wordt. Bel me op 0496 12 34 87.\n\nStijn")
    assert "empathy" not in check_reply(plain, customer="Greet", signer="Stijn").rules


@pytest.mark.parametrize("middle", [
    "We're unable to comment on anything to do with a patient's treatment online. ",
    "It wouldn't be right for us to discuss the sale here, and we'll be keeping our comments to that. ",
    "Wij hopen dat u begrijpt dat wij het hierbij laten. ",
    "Over behandelingen kunnen we om privacyredenen online niets zeggen. ",
    "We hebben besloten hier niet op de details van de garantieclaim in te gaan. ",
    "Omdat het dossier bij onze verzekeraar ligt, laten wij verder commentaar hier achterwege. ",
])
def test_a_refusal_to_discuss_is_a_no_comment_even_with_an_offer_to_talk(middle):
    dutch = middle.startswith(("Wij ", "Over ", "We hebben", "Omdat "))
    assert "no_comment" in rules(middle, GOED if dutch else GOOD)


def test_what_only_looks_like_a_move_in_plain_words():
    # owning a mistake is no offer; a customer's late arrival owned is no excuse
    assert rules("You arrived at 8.15 and your table still wasn't ready; that's on us. ") == set()
    assert "promise" not in rules("The wait was far too long, which is on us. ")
    # feelings named in the experience itself, a "never" in its subject included
    feeling = GOOD.replace("I can imagine how disappointing that was, and I'm sorry.", "{middle}")
    assert "empathy" not in rules("Sorry. A dentist who never calls back is infuriating. ", feeling)
    assert "empathy" not in rules("Sorry. Being shouted at like that would upset anyone. ", feeling)
    assert "belittles" not in rules("It's completely normal to feel let down after a day like that. ")
    # an offer through a channel the customer has; a matter settled privately offers nothing
    offer = GOOD.replace("Could you send me a direct message so we can sort it out?", "{middle}")
    assert "offline" not in rules("Just reply to your booking confirmation email and it reaches me. ", offer)
    assert "offline" not in rules("Our front desk is on the number on our website. ", offer)
    assert "offline" in rules("We have dealt with this privately. ", offer)
    assert "offline" not in rules("Reageer gerust op je orderbevestiging, dan komt het bij mij terecht. ", GOED.replace(
        "Stuur je me een privébericht, dan lossen we het samen op?", "{middle}"))
    # the Dutch "must have been", and a problem called no small thing, share the feeling
    gevoel = GOED.replace("Ik snap dat je teleurgesteld bent, en het spijt me.", "{middle}")
    assert "empathy" not in rules("Sorry. Dat moet flink geschrokken zijn. ", gevoel)
    assert "empathy" not in rules("Sorry. Dat is geen kleinigheid als je een avondje uit bent. ", gevoel)
    # a busy day owned, a late van owned
    assert rules("Op zaterdag is het druk, maar dat is geen excuus voor drie kwartier wachten. ", GOED) == set()
    assert rules("The snow held our van up, but we should have called you to say so. ") == set()


@pytest.mark.parametrize("draft", [
    "Hi Sam,\n\nCheers for the review. Really sorry the coffee was cold twice; that's a rubbish start to a Sunday. "
    "I'm in most mornings, so come and find me, or message us on Instagram and I'll sort a proper one.\n\nAnna",
    "Dear Sam,\n\nThanks for letting us know. I'm sorry the delivery was late; the snow held our van up, but we should "
    "have called you to say so. I understand how frustrating an empty afternoon of waiting is. Please reply to your "
    "order confirmation and it will come straight to me.\n\nAnna",
    "Hoi Sam,\n\nDank je voor je review. Sorry dat je twee keer een koude koffie kreeg; zo begin je je zondag niet "
    "graag. Ik sta de meeste ochtenden zelf achter de bar, dus spreek me gerust aan, of stuur ons een DM op "
    "Instagram.\n\nAnna",
    "Beste Sam,\n\nDank voor je eerlijke review. De fiets kwam terug met hetzelfde getik waarvoor je hem bracht, en "
    "dat spijt me; betalen voor een reparatie die niets oplost is om gek van te worden. Breng hem langs wanneer het je "
    "uitkomt en vraag naar mij, of mail naar anna@fietsen.nl.\n\nAnna",
])
def test_good_replies_in_plain_words_get_no_finding(draft):
    assert check_reply(draft, customer="Sam", signer="Anna").rules == ()


def test_a_surname_that_is_also_a_word_does_not_name_the_customer():
    draft = GOOD.format(middle="The price was wrong. ").replace("Dear Sam", "Dear customer")
    assert "name" in check_reply(draft, customer="Noah Price", signer="Anna").rules
    assert "name" not in check_reply(draft.replace("customer", "Mr Price"), customer="Noah Price", signer="Anna").rules


# Figures on the labelled corpus (tests/data/advice): floors a little below what was measured,
# so a change that makes the coach worse fails. See docs/advice-quality.md.
TUNING = {"recall": 0.99, "false_alarms": 0.002}
HELD_OUT = {  # (split, language): floors; rounds 1-30 have all been read and tuned on
    ("held_out", "en"): {"recall": 0.99, "false_alarms": 0.002, "good_flagged": 0},
    ("held_out", "nl"): {"recall": 0.99, "false_alarms": 0.002, "good_flagged": 0},
    ("held_out_2", "en"): {"recall": 0.99, "false_alarms": 0.002, "good_flagged": 0},
    ("held_out_2", "nl"): {"recall": 0.99, "false_alarms": 0.002, "good_flagged": 0},
    ("held_out_3", "en"): {"recall": 0.99, "false_alarms": 0.002, "good_flagged": 0},
    ("held_out_3", "nl"): {"recall": 0.99, "false_alarms": 0.002, "good_flagged": 0},
    ("round_4", "en"): {"recall": 0.98, "false_alarms": 0.002, "good_flagged": 0},
    # round 4's writer counted "het spijt ons dat u ontevreden bent" as an apology; rounds 24 and 27
    # did not, nor does the product (an apology is for what they went through, not for their mood)
    ("round_4", "nl"): {"recall": 0.98, "false_alarms": 0.003, "good_flagged": 0},
    # rounds 5-12 trained the sentence-role model and their misses tuned the rules (docs/advice-quality.md)
    ("round_5", "en"): {"recall": 0.90, "false_alarms": 0.006, "good_flagged": 3},
    ("round_5", "nl"): {"recall": 0.86, "false_alarms": 0.005, "good_flagged": 3},
    ("round_6", "en"): {"recall": 0.94, "false_alarms": 0.004, "good_flagged": 1},
    ("round_6", "nl"): {"recall": 0.92, "false_alarms": 0.005, "good_flagged": 2},
    ("round_7", "en"): {"recall": 0.94, "false_alarms": 0.002, "good_flagged": 0},
    ("round_7", "nl"): {"recall": 0.93, "false_alarms": 0.002, "good_flagged": 1},
    ("round_8", "en"): {"recall": 0.87, "false_alarms": 0.002, "good_flagged": 1},
    ("round_8", "nl"): {"recall": 0.85, "false_alarms": 0.004, "good_flagged": 4},
    ("round_9", "en"): {"recall": 0.93, "false_alarms": 0.003, "good_flagged": 2},
    ("round_9", "nl"): {"recall": 0.86, "false_alarms": 0.004, "good_flagged": 1},
    # round 10 was evaluated once (85.0 % / 83.2 %), then labelled, trained on and its misses read
    ("round_10", "en"): {"recall": 0.95, "false_alarms": 0.003, "good_flagged": 1},
    ("round_10", "nl"): {"recall": 0.94, "false_alarms": 0.004, "good_flagged": 1},
    # round 11 was evaluated once (73.6 % / 76.6 %), then labelled, trained on and its misses read
    ("round_11", "en"): {"recall": 0.88, "false_alarms": 0.005, "good_flagged": 3},
    ("round_11", "nl"): {"recall": 0.90, "false_alarms": 0.002, "good_flagged": 1},
    # round 12 was evaluated once (87.7 % / 82.0 %), then labelled, trained on and its misses read
    ("round_12", "en"): {"recall": 0.91, "false_alarms": 0.006, "good_flagged": 2},
    ("round_12", "nl"): {"recall": 0.90, "false_alarms": 0.005, "good_flagged": 3},
    # round 13 was evaluated once (89.1 % / 87.4 %), then labelled, trained on and its misses read
    ("round_13", "en"): {"recall": 0.98, "false_alarms": 0.002, "good_flagged": 0},
    ("round_13", "nl"): {"recall": 0.97, "false_alarms": 0.002, "good_flagged": 0},
    # round 14 was evaluated once (84.1 % / 91.8 %), then labelled, trained on and its misses read
    ("round_14", "en"): {"recall": 0.97, "false_alarms": 0.002, "good_flagged": 0},
    ("round_14", "nl"): {"recall": 0.97, "false_alarms": 0.002, "good_flagged": 0},
    # round 15 was evaluated once (89.0 % / 92.2 %), then labelled, trained on and its misses read
    ("round_15", "en"): {"recall": 0.98, "false_alarms": 0.002, "good_flagged": 0},
    ("round_15", "nl"): {"recall": 0.96, "false_alarms": 0.002, "good_flagged": 1},
    # round 16 was evaluated once (87.3 % / 91.7 %), then labelled, trained on and its misses read
    ("round_16", "en"): {"recall": 0.97, "false_alarms": 0.004, "good_flagged": 1},
    ("round_16", "nl"): {"recall": 0.96, "false_alarms": 0.002, "good_flagged": 0},
    # round 17 was evaluated once (97.3 % / 92.3 %), then labelled, trained on and its misses read
    ("round_17", "en"): {"recall": 0.98, "false_alarms": 0.004, "good_flagged": 1},
    ("round_17", "nl"): {"recall": 0.98, "false_alarms": 0.002, "good_flagged": 0},
    # round 18 was evaluated once (94.2 % / 93.0 %), then labelled, trained on and its misses read
    ("round_18", "en"): {"recall": 0.97, "false_alarms": 0.003, "good_flagged": 1},
    ("round_18", "nl"): {"recall": 0.97, "false_alarms": 0.002, "good_flagged": 0},
    # round 19 was evaluated once (93.0 % / 97.1 %), then labelled, trained on and its misses read
    ("round_19", "en"): {"recall": 0.97, "false_alarms": 0.002, "good_flagged": 0},
    ("round_19", "nl"): {"recall": 0.98, "false_alarms": 0.002, "good_flagged": 0},
    # round 20 was evaluated once (90.0 % / 92.9 %), then labelled, trained on and its misses read
    ("round_20", "en"): {"recall": 0.95, "false_alarms": 0.002, "good_flagged": 0},
    ("round_20", "nl"): {"recall": 0.98, "false_alarms": 0.003, "good_flagged": 1},
    # round 21 was evaluated once (95.0 % / 87.5 %), then labelled, trained on and its misses read
    ("round_21", "en"): {"recall": 0.98, "false_alarms": 0.003, "good_flagged": 1},
    ("round_21", "nl"): {"recall": 0.96, "false_alarms": 0.004, "good_flagged": 1},
    # round 22 was evaluated once (89.9 % / 99.0 %), then labelled, trained on and its misses read
    ("round_22", "en"): {"recall": 0.96, "false_alarms": 0.002, "good_flagged": 0},
    ("round_22", "nl"): {"recall": 0.99, "false_alarms": 0.002, "good_flagged": 0},
    # round 23 was evaluated once (95.1 % / 97.1 %), then labelled, trained on and its misses read
    ("round_23", "en"): {"recall": 0.99, "false_alarms": 0.002, "good_flagged": 0},
    ("round_23", "nl"): {"recall": 0.98, "false_alarms": 0.002, "good_flagged": 0},
    # round 24 was evaluated once (86.2 % / 91.9 %), then labelled, trained on and its misses read
    ("round_24", "en"): {"recall": 0.99, "false_alarms": 0.002, "good_flagged": 1},
    ("round_24", "nl"): {"recall": 0.97, "false_alarms": 0.001, "good_flagged": 0},
    # round 25 was evaluated once (89.4 % / 93.5 %), then labelled, trained on and its misses read
    ("round_25", "en"): {"recall": 0.92, "false_alarms": 0.003, "good_flagged": 2},
    ("round_25", "nl"): {"recall": 0.97, "false_alarms": 0.001, "good_flagged": 0},
    # round 26 was evaluated once (93.4 % / 91.7 %), then labelled, trained on and its misses read
    ("round_26", "en"): {"recall": 0.97, "false_alarms": 0.003, "good_flagged": 1},
    ("round_26", "nl"): {"recall": 0.97, "false_alarms": 0.001, "good_flagged": 0},
    # round 27 was evaluated once (96.8 % / 89.0 %), then labelled, trained on and its misses read
    ("round_27", "en"): {"recall": 0.97, "false_alarms": 0.001, "good_flagged": 1},
    ("round_27", "nl"): {"recall": 0.92, "false_alarms": 0.001, "good_flagged": 1},
    # round 28 was evaluated once (88.6 % / 90.8 %), then labelled, trained on and its misses read
    ("round_28", "en"): {"recall": 0.97, "false_alarms": 0.004, "good_flagged": 1},
    ("round_28", "nl"): {"recall": 0.95, "false_alarms": 0.004, "good_flagged": 1},
    # round 29 was evaluated once (91.2 % / 91.7 %), then labelled, trained on and its misses read
    ("round_29", "en"): {"recall": 0.98, "false_alarms": 0.002, "good_flagged": 2},
    ("round_29", "nl"): {"recall": 0.97, "false_alarms": 0.002, "good_flagged": 2},
    # round 30 was evaluated once (92.9 % / 92.3 %), then labelled, trained on and its misses read
    ("round_30", "en"): {"recall": 0.99, "false_alarms": 0.002, "good_flagged": 1},
    ("round_30", "nl"): {"recall": 0.99, "false_alarms": 0.003, "good_flagged": 1},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_figures_on_the_tuning_split(language):
    figures = coach_figures(language, "tuning")
    assert figures.replies >= 300
    assert figures.recall >= TUNING["recall"]
    assert figures.false_alarm_rate <= TUNING["false_alarms"]
    assert figures.good_flagged == 0


@pytest.mark.parametrize("split, language", sorted(HELD_OUT))
def test_figures_on_the_held_out_splits(split, language):
    figures = coach_figures(language, split)
    assert figures.replies >= 60
    assert figures.recall >= HELD_OUT[split, language]["recall"]
    assert figures.false_alarm_rate <= HELD_OUT[split, language]["false_alarms"]
    assert figures.good_flagged <= HELD_OUT[split, language]["good_flagged"]


def test_the_thread_coach_reads_the_review_the_site_and_the_teams_posted_replies(channel):
    good = ("Dear Sam,\n\nThank you for telling us. I can imagine how disappointing that was, and I'm sorry. "
            "Could you send me a direct message so we can sort it out?\n\nKind regards,\nAnn")
    first = channel.claimed(customer="Sam", text="Cold soup and a long wait on Friday.")
    channel.submit("Ann", "draft", {"kind": "reply", "text": good}, str(first))
    channel.submit("Ann", "posted", {"version": "1"}, str(first))
    second = channel.claimed(customer="Sam", source="tripadvisor",
                             text="Booked a table at 19:45 and waited an hour for it.")
    draft = good.replace("Could you", "Your table at 19:45 should have been ready. Could you")
    coach = channel.submit("Ann", "draft", {"kind": "reply", "text": draft}, str(second)).thread_texts()[-1]
    assert "recent public replies" in coach  # the closing repeats the first case's posted reply
    assert "personal data" in coach  # the review gave the time, but Tripadvisor allows none
    third = channel.claimed(customer="Sam", text="Booked a table at 19:45 and waited an hour for it. Awful.")
    fresh = ("Dear Sam,\n\nThanks for writing. Your table at 19:45 should have been ready, and I'm sorry it wasn't; "
             "I understand how annoying that wait was. Drop me a DM?\n\nAnn")
    assert "follows every rule" in channel.submit("Ann", "draft", {"kind": "reply", "text": fresh},
                                                  str(third)).thread_texts()[-1]


def test_a_very_long_draft_is_read_from_its_start_and_its_end():
    filler = "We have looked at everything that happened that evening with the whole team. " * 150
    draft = GOOD.format(middle=filler + "Our staff did everything by the book. ")
    result = check_reply(draft, customer="Sam", signer="Anna")
    assert "length" in result.rules and "signature" not in result.rules  # the sign-off is still read
    assert next(f for f in result.findings if f.rule == "length").words > 1500


def test_a_recent_reply_greeting_on_its_opening_line_is_not_its_opening():
    recent = ("Hi Tom! Thank you so much for taking the time to leave us a review, we really do appreciate it. "
              "Sorry the nachos came out cold. Email me at hello@strikelane.com. Cheers, Bec")
    draft = ("Hi Sam,\n\nThank you so much for taking the time to leave us a review, we really do appreciate it. "
             "Losing twenty minutes of your game is frustrating, and I'm sorry. Email me at hello@strikelane.com."
             "\n\nBec")
    assert "repeats" in check_reply(draft, customer="Sam", signer="Bec", recent=[recent]).rules


@pytest.mark.parametrize("sign, found", [("Best wishes,\nCastle Lane Books, Hay-on-Wye", True),
                                         ("Fair City Parkour, Perth", True), ("Ger, Lee Valley Paving", False)])
def test_a_business_named_by_what_it_does_is_no_signature(sign, found):
    draft = GOOD.format(middle="").replace("Kind regards,\nAnna", sign)
    assert ("signature" in check_reply(draft, customer="Sam", signer="Anna").rules) is found


@pytest.mark.parametrize("middle, review, found", [
    ("Waiting three hours past your 10am booking is not okay. ", "Booked box braids for 10am, started at 1pm.", False),
    ("Your wedding day at Shaw Park Gardens on 22 June should have been perfect. ",
     "Our wedding was on 22 June at Shaw Park Gardens.", False),
    ("Your wedding day at Shaw Park Gardens on 22 June should have been perfect. ",
     "Our wedding was at Shaw Park Gardens.", True),
])
def test_a_booking_time_the_review_gave_is_theirs_to_share(middle, review, found):
    assert ("personal_data" in rules(middle, review=review)) is found


@pytest.mark.parametrize("thanks, found", [
    ("Thanks for trusting us with Biscuit.", False), ("Thanks for giving our app a try!", False),
    ("Bedankt voor jullie bezoek afgelopen zondag.", False), ("Bedankt dat u voor ons gekozen heeft.", False),
    ("Bedankt dat jullie dit feest bij ons wilden vieren.", False),
    ("Bedankt alvast voor uw geduld.", False), ("I appreciate how much the clock means to you.", False),
    ("I appreciate that you took the time to write.", True), ("Bedankt dat je dit hebt gemeld, al had het nooit zo "
                                                              "ver mogen komen.", True)])
def test_thanks_for_their_custom_is_not_thanks_for_the_review(thanks, found):
    draft = (f"Hi Sam,\n\n{thanks} I'm sorry: that was frustrating. Please call me on 01632 960 111.\n\nAnna")
    assert ("thanks" not in check_reply(draft, customer="Sam", signer="Anna").rules) is found


@pytest.mark.parametrize("regret, apology", [("We regret that this has left you unhappy.", False),
                                             ("Het spijt ons dat u niet tevreden bent over het resultaat.", False),
                                             ("We betreuren het dat u niet tevreden bent over ons onderhoud.", False),
                                             ("We regret that the repair didn't meet your expectations.", False),
                                             ("We regret keeping you waiting so long.", True),
                                             ("I'm sorry you feel you were treated unfairly.", False),
                                             ("We're sorry you felt the evening didn't live up to it.", False)])
def test_regret_that_they_are_unhappy_is_no_apology(regret, apology):
    draft = (f"Hi Sam,\n\nThanks for your review. Having to leave work early is stressful, I understand. {regret} "
             "Please call me on 01632 960 111.\n\nAnna")
    assert ("apology" not in check_reply(draft, customer="Sam", signer="Anna").rules) is apology


@pytest.mark.parametrize("sign, found", [("With respect,\nDenise Albright", set()),
                                         ("Love,\nSecond Story Vintage x", {"signature"}),
                                         ("Met vriendelijke groet,\n[naam]", {"placeholder", "signature"}),
                                         ("Go raibh maith agat,\nCathal", set()),
                                         ("With sympathy,\nWillow Rest Pet Crematorium", {"signature"})])
def test_the_closing_lines_are_read_as_a_sign_off(sign, found):
    """Read as a sign-off, not as sentences: its gaps still count, its words argue nothing."""
    draft = GOOD.format(middle="Or write to hello@secondstoryvintage.co.uk. ").replace("Kind regards,\nAnna", sign)
    assert set(check_reply(draft, customer="Sam", signer="Anna").rules) == found


@pytest.mark.parametrize("middle, found", [
    ("Forty minutes with no explanation must have been maddening. ", False),
    ("Being told he didn't pass with no explanation must have been crushing. ", False),
    ("We do not share your frustration. ", True)])
def test_with_no_belongs_to_its_noun_not_to_the_feeling(middle, found):
    draft = ("Hi Sam,\n\nThanks for your review, and I'm sorry. " + middle
             + "Please call me on 01632 960 111.\n\nAnna")
    assert ("empathy" in check_reply(draft, customer="Sam", signer="Anna").rules) is found


@pytest.mark.parametrize("apology", ["Ik vind het echt heel erg dat wij dat veroorzaakt hebben.",
                                     "Wij vinden het erg van de verkeerde taart."])
def test_dutch_ik_vind_het_erg_is_an_apology(apology):
    draft = (f"Beste Sam,\n\nBedankt voor je review. Ik snap dat je teleurgesteld bent. {apology} "
             "Bel me gerust op 0575-51 20 39.\n\nAnna")
    assert "apology" not in check_reply(draft, customer="Sam", signer="Anna").rules


@pytest.mark.parametrize("split", WHOLE_SPLITS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_replies_headers_are_well_formed(split, language):
    """A writer's slip in a header ("| recent | …", "| recent: …") hides the team's recent
    replies from `repeats`; the figures would measure the slip, not the coach."""
    for reply in whole_replies(language, split):
        assert not any(earlier.strip().lower().startswith("recent") for earlier in reply.recent), reply.text[:60]


def test_a_health_detail_is_cut_from_its_sentence_alone():
    """The better sentence leaves out the condition, not the words that led up to it."""
    draft = ("Hi Sam,\n\nThanks for your review, and I'm sorry: that was frustrating. I know from your intake form "
             "that you booked for your sciatica flare-up. Please call me on 01632 960 111.\n\nAnna")
    finding = next(f for f in check_reply(draft, customer="Sam", signer="Anna").findings if f.rule == "personal_data")
    assert finding.excerpt == "sciatica"
    assert finding.better == "I know from your intake form that you booked for your flare-up."
