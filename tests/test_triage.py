"""Respond/ignore hints on realistic reviews, in English and Dutch."""

import pytest

from desk.advice.triage import SIGNALS, Triage, triage

# (id, review, stars, after_team_reply, expected signals, expected suggestion)
ENGLISH = [
    ("en-restaurant-slow-starters",
     "Booked a table for 8 on Friday, waited 50 minutes for starters and the waiter forgot our drinks twice. "
     "Not coming back.", 2, False, {"concrete_experience"}, "respond"),
    ("en-webshop-trainers-missing",
     "Ordered a pair of trainers on 3 May, paid £89, and they still haven't arrived. Three emails, no answer.",
     1, False, {"concrete_experience"}, "respond"),
    ("en-garage-overcharged",
     "They replaced my brakes and charged me twice what they quoted. The mechanic said it was 'standard'.",
     1, False, {"concrete_experience"}, "respond"),
    ("en-never-been", "Never been there and never will. Everyone knows it's a dump.",
     1, False, {"no_experience"}, "ignore"),
    ("en-go-to-luigis", "Honestly, just go to Luigi's instead. Way better pizza and they actually smile.",
     1, False, {"competitor_praise"}, "ignore"),
    ("en-clowns", "Bunch of clowns running this place. Absolute idiots.",
     1, False, {"insults"}, "ignore"),
    ("en-seo-spam",
     "Want more customers? Our SEO services get you to page 1 in 30 days. Visit www.rank-boost-pro.com now!",
     5, False, {"sales_links"}, "ignore"),
    ("en-meh-one-star", "Meh.", 1, False, {"no_content"}, "respond"),
    ("en-thumbs-up-only", "👍", None, False, {"no_content"}, "ignore"),
    ("en-pr-talk-after-reply", "lol nice PR talk. Pathetic.", None, True, {"provocation"}, "ignore"),
    ("en-refund-still-missing-after-reply",
     "Thanks for the reply, but I still haven't got my refund of £45. When will it be sorted?",
     1, True, {"concrete_experience"}, "respond"),
    ("en-salon-rude-but-real",
     "The stylist butchered my hair on Tuesday and laughed when I complained. Absolute morons.",
     1, False, {"concrete_experience", "insults"}, "respond"),
    ("en-neighbour-hearsay", "My neighbour says their kitchen is filthy, wouldn't eat there.",
     1, False, {"no_experience"}, "ignore"),
    ("en-insurer-claim-january",
     "Filed a claim for storm damage in January and I'm still waiting. My agent doesn't return calls.",
     1, False, {"concrete_experience"}, "respond"),
    ("en-coolbikes-better", "CoolBikes is way better and cheaper, don't waste your time here.",
     1, False, {"competitor_praise"}, "ignore"),
    ("en-vague-complaint", "Terrible service, very disappointed.", 1, False, set(), "respond"),
    ("en-photo-link-sofa",
     "The sofa arrived with a torn seam, photo here: https://imgur.com/a/x81Kd. Delivered on 12/02.",
     2, False, {"concrete_experience"}, "respond"),
    ("en-crypto-spam", "Earn $500 a day from home with crypto trading signals, message me!",
     None, False, {"sales_links", "money_talk"}, "ignore"),
    ("en-keep-lying-after-reply", "Haha, keep lying. You lot are idiots.",
     1, True, {"insults", "provocation"}, "ignore"),
    ("en-hidden-delivery-fee", "We were never told about the extra £30 delivery fee. Why hide it?",
     2, False, {"concrete_experience"}, "respond"),
    ("en-first-visit-not-troll",
     "I had never been here before, so we tried the tasting menu last night. Two courses came out cold.",
     2, False, {"concrete_experience"}, "respond"),
]

DUTCH = [
    ("nl-reservering-traag",
     "Zaterdag om 19.00 uur gereserveerd, pas om 20.15 kregen we ons voorgerecht. De bediening was bovendien "
     "onvriendelijk.", 2, False, {"concrete_experience"}, "respond"),
    ("nl-wasmachine-niet-geleverd",
     "Op 2 maart een wasmachine besteld, nog steeds niet geleverd. Al vier keer gebeld, niemand weet iets.",
     1, False, {"concrete_experience"}, "respond"),
    ("nl-nooit-geweest",
     "Ben er nog nooit geweest maar ik hoor dat het personeel heel onbeleefd is. Afblijven!",
     1, False, {"no_experience"}, "ignore"),
    ("nl-ga-naar-de-concurrent", "Ga lekker naar Bakkerij Van Dijk, daar is het brood tenminste vers.",
     1, False, {"competitor_praise"}, "ignore"),
    ("nl-scheldpartij", "Stelletje oplichters en prutsers, kanker op met jullie winkel",
     1, False, {"insults"}, "ignore"),
    ("nl-zonnebrillen-spam", "Goedkope zonnebrillen! Nu 70% korting op www.zonnigdeals.nl, bestel nu!",
     5, False, {"sales_links"}, "ignore"),
    ("nl-slecht-een-ster", "Slecht.", 1, False, {"no_content"}, "respond"),
    ("nl-puntje-vijf-sterren", ".", 5, False, {"no_content"}, "ignore"),
    ("nl-mooi-praatje-na-reactie", "Ja ja, mooi praatje weer. Boeiend.", None, True, {"provocation"}, "ignore"),
    ("nl-geld-terug-na-reactie",
     "Bedankt voor de reactie, maar ik heb nog steeds mijn geld niet terug. Wanneer wordt de 129 euro "
     "teruggestort?", 1, True, {"concrete_experience"}, "respond"),
    ("nl-apk-schade-met-scheldwoord",
     "De monteur heeft mijn auto bij de APK beschadigd en deed alsof het al zo was. Idioten!",
     1, False, {"concrete_experience", "insults"}, "respond"),
    ("nl-buurman-zegt", "Mijn buurman zegt dat jullie klanten afzetten. Schandalig bedrijf.",
     1, False, {"no_experience"}, "ignore"),
    ("nl-andere-kapsalon-beter", "Kapsalon Haarwerk is stukken beter en goedkoper, zonde van je geld hier.",
     1, False, {"competitor_praise"}, "ignore"),
    ("nl-reparatie-drie-weken",
     "Wachttijd van drie weken voor een simpele reparatie, en niemand belt terug. Zwaar teleurgesteld.",
     1, False, {"concrete_experience"}, "respond"),
    ("nl-schadeclaim-adviseur",
     "Mijn schadeclaim van januari is nog steeds niet behandeld, de adviseur reageert niet op mails.",
     1, False, {"concrete_experience"}, "respond"),
    ("nl-snel-rijk-spam", "Verdien €300 per dag vanuit huis! Klik hier: bit.ly/snelrijk",
     None, False, {"sales_links", "money_talk"}, "ignore"),
    ("nl-nooit-meer", "Nooit meer. Wat een drama.", 1, False, set(), "respond"),
    ("nl-vies-zonder-sterren", "Vies.", None, False, {"no_content"}, "respond"),
    ("nl-debielen-na-reactie", "Hahaha, jullie zijn echt debielen.", None, True,
     {"insults", "provocation"}, "ignore"),
    ("nl-eerste-bezoek-afgesnauwd",
     "We waren er nog nooit eerder geweest. Gisteravond de kapsalon binnengelopen zonder afspraak en werden "
     "afgesnauwd door de eigenaar.", 1, False, {"concrete_experience"}, "respond"),
    ("nl-te-duur", "Te duur voor wat je krijgt.", 3, False, set(), "respond"),
]


@pytest.mark.parametrize("case_id, review, stars, after_reply, signals, suggestion", ENGLISH + DUTCH,
                         ids=[c[0] for c in ENGLISH + DUTCH])
def test_triage(case_id, review, stars, after_reply, signals, suggestion):
    result = triage(review, stars=stars, after_team_reply=after_reply)
    assert set(result.signals) == signals
    assert result.suggestion == suggestion


def test_enough_cases_in_both_languages():
    assert len(ENGLISH) >= 20 and len(DUTCH) >= 20


def test_signals_follow_signal_order():
    result = triage("Haha you idiots, never been there, go to Bistro Bart instead.", after_team_reply=True)
    assert result.signals == tuple(s for s in SIGNALS if s in result.signals)
    assert result.signals == ("no_experience", "competitor_praise", "insults", "provocation")


def test_respond_is_the_default():
    assert triage("The service was not what I expected.").suggestion == "respond"
    assert triage("", stars=1).suggestion == "respond"


def test_provocation_needs_a_team_reply():
    assert "provocation" not in triage("lol nice PR talk. Pathetic.").signals


def test_language_is_detected_or_taken_as_given():
    assert triage("De bezorger was heel onvriendelijk tegen mij.").language == "nl"
    assert triage("Slecht.", language="en").language == "en"
    assert isinstance(triage("ok"), Triage)


@pytest.mark.parametrize("review", [
    "Make money from home, message me on t.me/quickcash_nl",
    "Best deals on watches, check luxwatch-outlet.shop",
    "Top kwaliteit zonnebrillen voor weinig! Top kwaliteit zonnebrillen voor weinig!",
    "My portfolio went up 250% this month thanks to one trader, ask me how",
    "Mijn bitcoinwinsten zijn niet normaal, app me op +31 6 11112222",
    "Volg @tassen.deals.nl voor 70% korting op designertassen!!",
    "Snel geld lenen, goedgekeurd in 10 minuten. Vraag aan op snelkrediet-nu.nl",
    "Met de signalen van meneer Daniël €500 omgezet in €9.400, app hem op wa.me/31612345678",
    "Meer volgers op Instagram? Echte volgers, lage prijzen! Kijk snel op goedkopevolgers.shop",
    "Honestly everyone should try Burger Barn in town instead, best burgers in the county!",
    "Ga gewoon naar Da Luigi om de hoek, veel betere pizza en goedkoper.",
])
def test_spam_without_http_pasted_twice_or_about_gains_is_ignored(review):
    assert triage(review).suggestion == "ignore"


@pytest.mark.parametrize("review", [
    "Nice try with your apology, we all see through it.",
    "Niemand gelooft jullie, doe geen moeite.",
    "Leuk geprobeerd met jullie nepexcuses.",
    "Zelfde antwoord als bij iedereen. Triest.",
    "Uw PR-mannen maken overuren, zie.",
])
def test_provocation_after_the_teams_reply_in_both_languages(review):
    result = triage(review, after_team_reply=True)
    assert "provocation" in result.signals and result.suggestion == "ignore"


@pytest.mark.parametrize("review", [
    "You absolute idiots. Nice try with your apology, but my sofa STILL has the torn cushion you delivered.",
    "Stelletje oplichters! Jullie reactie is een lachertje, mijn geld voor de kapotte fiets heb ik nog steeds niet.",
    "Liars. The bill had two bottles of wine we never ordered and the manager argued with us.",
    "jullie zijn echt de grootste prutsers van de stad. dakgoot 'gerepareerd' en bij de eerste regenbui lekt het weer "
    "precies op dezelfde plek. idioten.",
    "The card trading night was cancelled and nobody told us, we drove an hour.",
    "Godverdomme wat een kutwinkel. Nieuwe telefoon gekocht, na een week zwart scherm, en die gast achter de toonbank "
    "zegt dat het vochtschade is.",
    "I sent you a DM like you asked, with my order number, and nobody got back to me. Again.",
])
def test_an_angry_review_with_a_real_experience_is_never_ignored(review):
    for after in (False, True):
        assert triage(review, after_team_reply=after).suggestion == "respond"


# Agreement on the labelled reviews (tests/data/advice): floors a little below what was measured.
# round_2 (triage2.LANG.txt) was evaluated once (93.3 % / 81.7 %), then read and fixed; the four
# left are one-word posts ("meh", "👎") its writer was told to ignore and the hint answers,
# as a bare low rating still says something went wrong. round_3 (triage3.LANG.txt) was evaluated
# once (75.0 % / 83.3 %), then read and fixed, and round_4 (triage4.LANG.txt: 83.3 % / 75.0 %) the same.
# round_5 (triage5.LANG.txt: 73.3 % / 68.3 % by the rules alone) is what the trained model learned
# from, with rounds 2-4 and 6 and the tuning split; the held-out split never trains it. round_6
# (triage6.LANG.txt) was evaluated once with the model trained on rounds up to 5 (90.0 % / 96.7 %),
# round_7 (triage7.LANG.txt) once with it trained on rounds up to 6 (88.3 % / 93.3 %); neither is read yet.
AGREEMENT = {"tuning": 0.98, "held_out": 0.90, "round_2": 0.95, "round_3": 0.95, "round_4": 0.95,
             "round_5": 0.90, "round_6": 0.90, "round_7": 0.85}


@pytest.mark.parametrize("review", [
    "My sister-in-law says the dentist here is a butcher so I'll be steering well clear. one star.",
    "Mijn collega had hier een keer een feestje en die zei dat het personeel dronken was. Dus ja, één ster.",
    "Great vibes here, but for proper gelato I'd honestly point everyone to Nonna's two streets down!",
    "Need more reviews for your business? We deliver genuine 5-star reviews from verified local accounts. "
    "Message us for a quote today",
    "Ziet er mooi uit. Maar serieus, ik ben schoonheidsspecialiste en bied dezelfde behandelingen aan voor 30% minder.",
    "Why waste money on a fancy wedding venue when my staking pool paid out 2 ETH last month?",
    "worst business in the country, owner is a clown and so is everyone who works there",
    "Sister's mate works there and reckons they reuse the needles. Avoid!!",
    "mijne buurman zegt da ze bij die garage altijd te veel aanrekenen, ik ben er zelf nooit geweest",
    "For anyone reading this, the folks at Maple Leaf Pet Spa over on Queen St are so kind with nervous dogs",
    "Voor een echt goede fietsreparatie kun je beter even doorrijden naar Tweewielers Van Dam.",
    "Get 10,000 real followers for your business page in 24 hrs, no bots, guaranteed. DM \"GROW\" to start today.",
    "Zonnepanelen nodig? Wij leggen ze deze maand met 30% korting, bel ons gewoon en vraag naar Ronald.",
    "Mijn oom begon met handelen in solana via een app die ik hem liet zien.",
])
def test_hearsay_competitors_adverts_and_crypto_stories_are_ignored(review):
    assert triage(review).suggestion == "ignore"


@pytest.mark.parametrize("review", ["Copy and paste apology number 47, bravo 👏👏",
                                    "Wow, a whole paragraph of corporate waffle and not a single word of substance.",
                                    "Schoon standaardbriefje weer, hebt ge daar nen robot voor? 😂",
                                    "Lovely reply. Did ChatGPT help with that one?",
                                    "🥱 wauw, weer een antwoord van de afdeling knippen en plakken"])
def test_taunts_after_the_reply_in_new_words_are_ignored(review):
    assert triage(review, after_team_reply=True).suggestion == "ignore"


@pytest.mark.parametrize("split", ["tuning", "held_out", "round_2", "round_3", "round_4", "round_5", "round_6",
                                   "round_7"])
@pytest.mark.parametrize("language", ["en", "nl"])
def test_agreement_on_the_labelled_reviews(language, split):
    from tests.advice_corpus import triage_agreement

    agreed, total = triage_agreement(language, split)
    assert total >= 15 and agreed / total >= AGREEMENT[split]


def test_a_very_long_post_is_judged_on_its_start():
    assert triage("Make money from home, message me on t.me/quickcash_nl. " + "x " * 20_000).suggestion == "ignore"


@pytest.fixture
def rules_alone(monkeypatch):
    """The hint as it reads without a trained model."""
    from desk.advice import triage as module
    from tests.advice_corpus import untrained

    with untrained(module, monkeypatch):
        yield


@pytest.mark.parametrize("review", [
    "Word on the local community page is they're about to go bust, so I wouldn't book anything with them.",
    "Wij doen onze administratie tegenwoordig bij Bakker & de Wit en zijn dolblij, Ingrid denkt echt met je mee.",
])
def test_the_model_reads_what_the_rules_have_no_words_for(review, rules_alone):
    assert triage(review).suggestion == "respond"  # the rules alone let these through


@pytest.mark.parametrize("review", [
    "Word on the local community page is they're about to go bust, so I wouldn't book anything with them.",
    "Wij doen onze administratie tegenwoordig bij Bakker & de Wit en zijn dolblij, Ingrid denkt echt met je mee.",
])
def test_with_the_model_hearsay_and_adverts_in_new_words_are_ignored(review):
    result = triage(review)
    assert result.suggestion == "ignore"
    assert "reads_like_spam" in result.signals  # no rule named it: the card still says why


@pytest.mark.parametrize("review, after", [
    ("Absolute cowboys, the lot of you. Paid £240 on Tuesday for a boiler service and it broke down that night.", False),
    ("rude staff", False),
    ("Ik heb jullie een DM gestuurd zoals gevraagd, met mijn bestelnummer erbij, en niemand heeft gereageerd.", True),
    ("In jullie antwoord staat dat de wc's elk uur worden schoongemaakt. Wie controleert dat eigenlijk?", True),
])
def test_the_model_never_overrules_an_experience_a_complaint_or_a_question(review, after):
    assert triage(review, after_team_reply=after).suggestion == "respond"


def test_the_committed_triage_model_is_the_one_the_corpus_trains(tmp_path, monkeypatch):
    pytest.importorskip("sklearn", reason="scikit-learn is in the test extras: pip install -e '.[test]'")
    from desk.advice import triage as module
    from tests.advice_corpus import assert_trains_to
    from training import triage as training

    assert_trains_to(training, module.MODEL, tmp_path, monkeypatch)
