"""Composed drafts: they speak to what this customer wrote, in their language and the team's
tone, pass the coach apart from the gap only the drafter can fill, and do not repeat."""
import re

import pytest

from desk.advice.coach import check_reply
from desk.advice.compose.compose import Contact, sentences
from desk.advice.gaps import gaps
from desk.advice.suggest import suggest
from tests.reviews import DUTCH, ENGLISH, REVIEWS

CONTACTS = [Contact(), Contact(phone="020 123 4567"), Contact(email="info@zaak.nl"),
            Contact(phone="+32 9 123 45 67", email="service@voorbeeld.be")]
DISMISSIVE = re.compile(r"\b(?:vervelend|jammer|domper|annoying|letdown|shame)\b", re.IGNORECASE)


def test_the_reviews_are_many_and_varied():
    assert len(REVIEWS) >= 60 and len(DUTCH) >= 30 and len(ENGLISH) >= 30
    assert sum(r.short for r in REVIEWS) >= 15
    assert {r.severity for r in REVIEWS} == {"inconvenience", "money", "health"}


def body(text: str) -> str:
    """The draft without its gaps: what the coach must find good as it is."""
    for gap in gaps(text):
        text = text.replace(gap, "")
    return text


@pytest.mark.parametrize("review", REVIEWS, ids=lambda r: r.text[:40])
@pytest.mark.parametrize("kind", ["reply", "holding"])
def test_each_draft_speaks_to_what_the_customer_wrote(review, kind):
    for seed, contact in enumerate(CONTACTS):
        s = suggest(review.text, customer=review.customer, signer="Anna Jansen", contact=contact,
                    default_language="en" if review.language == "nl" else "nl", tone=review.tone,
                    sector=review.sector, kind=kind, seed=seed)
        assert s.language == review.language, s.text
        lowered = s.text.lower()
        for word in review.must:
            assert word.lower() in lowered, (word, s.text)
        if review.severity == "health":
            assert not DISMISSIVE.search(s.text), s.text
        if kind == "reply":
            assert "story" in s.gaps and len(gaps(s.text)) == len(s.gaps)
        # the gaps themselves are the coach's `placeholder`; an unnamed customer is the name gap
        allowed = {"placeholder"} | ({"name"} if "name" in s.gaps else set())
        result = check_reply(s.text, customer=review.customer, signer="Anna Jansen")
        assert set(result.rules) <= allowed, (result.findings, s.text)
        assert set(check_reply(body(s.text), customer=review.customer,
                               signer="Anna Jansen").rules) <= allowed


@pytest.mark.parametrize("review", REVIEWS, ids=lambda r: r.text[:40])
def test_one_apology_and_the_greeting_has_the_first_name_or_a_gap(review):
    s = suggest(review.text, customer=review.customer, signer="Anna Jansen", tone=review.tone,
                sector=review.sector)
    apologies = re.findall(r"\b(?:sorry|apologies|spijt|excuses)\b", s.text, re.IGNORECASE)
    assert len(apologies) == 1, s.text
    greeting = s.text.splitlines()[0]
    assert not re.search(r"klant|customer", greeting, re.IGNORECASE)
    if review.customer in ("Dhr. Bakker", "Mr. Jones"):
        assert greeting in ("Beste heer Bakker,", "Dear Mr Jones,")
    elif review.customer:
        first, *rest = review.customer.split()
        assert greeting.endswith(f" {first},") and not any(word in greeting for word in rest)
        assert "name" not in s.gaps
    else:
        assert greeting.endswith(("[naam],", "[name],")) and "name" in s.gaps


def test_dutch_speaks_u_or_je_throughout():
    review = "Mijn pakket is kapot aangekomen en niemand reageert."
    formal = suggest(review, customer="Jan", signer="Anna", tone="u", seed=2).text
    informal = suggest(review, customer="Jan", signer="Anna", tone="je", seed=2).text
    assert re.search(r"\bu\b", formal) and not re.search(r"\b(?:je|jij|jou|jouw)\b", formal)
    assert re.search(r"\bje\b", informal) and not re.search(r"\b(?:u|uw)\b", informal)
    for seed in range(25):  # every phrasing, in both tones
        for tone, wrong in (("u", r"\b(?:je|jij|jouw)\b"), ("je", r"\b(?:u|uw)\b")):
            for contact in CONTACTS:
                text = suggest(review, customer="Jan", signer="Anna", tone=tone, seed=seed,
                               contact=contact).text
                assert not re.search(wrong, text), text


def test_the_tone_follows_the_sector_or_mirrors_the_customer():
    assert suggest("Te duur", customer="Jan", signer="A", sector="hairdresser").tone == "je"
    assert suggest("Te duur", customer="Jan", signer="A", sector="insurance").tone == "u"
    assert suggest("Jullie zijn te duur", customer="Jan", signer="A", tone="mirror").tone == "je"
    assert suggest("Uw prijzen zijn te hoog", customer="Jan", signer="A", tone="mirror",
                   sector="cafe").tone == "u"
    assert suggest("Te duur", customer="Jan", signer="A", tone="mirror", sector="cafe").tone == "je"


@pytest.mark.parametrize("language, review", [("nl", "Mijn pakket is kwijt"),
                                              ("en", "My parcel is lost")])
def test_the_offer_to_talk_privately_fits_the_contact_given(language, review):
    for seed in range(25):
        phone = suggest(review, customer="Jo", signer="A", contact=Contact(phone="020 123 4567"),
                        seed=seed).text
        assert phone.count("020 123 4567") == 1
        assert re.search(r"\b(?:bel|belt|bellen|call|ring)\b", phone, re.IGNORECASE), phone
        mail = suggest(review, customer="Jo", signer="A", contact=Contact(email="jo@zaak.nl"),
                       seed=seed).text
        assert mail.count("jo@zaak.nl") == 1
        assert re.search(r"\b(?:mail|mailt|mailen|email)\b", mail, re.IGNORECASE), mail
        nothing = suggest(review, customer="Jo", signer="A", seed=seed).text
        assert re.search(r"privébericht|persoonlijk bericht|direct message|private message",
                         nothing), nothing
    assert suggest(review, customer="Jo", signer="A").language == language


def test_the_sentences_the_issue_quoted_are_gone():
    texts = [suggest(r.text, customer=r.customer, signer="A", contact=c, seed=seed, kind=kind).text
             for r in REVIEWS for seed, c in enumerate(CONTACTS) for kind in ("reply", "holding")]
    for text in texts:
        assert "het spijt me wat u" not in text
        assert "niet de ervaring die wij u willen bieden" not in text
        assert "Then we can look for a solution together" not in text
        assert "Beste klant" not in text and "Dear customer" not in text
        assert " via bel " not in text and "call or e-mail me at" not in text
    english = " ".join(t for t in texts if "Hi " in t or "Dear " in t or "Hello " in t)
    assert re.search(r"\b(?:I'm|I'd|you're|we're|isn't|wasn't|didn't|couldn't)\b", english)


def opening_and_closing(text: str) -> tuple[str, str]:
    """The first sentence after the greeting and the last one before the sign-off."""
    paragraphs = text.split("\n\n")
    return re.split(r"(?<=[.!?])\s", paragraphs[1])[0], paragraphs[-2]


SIMILAR = [
    ("en", ["The pizza was cold when it arrived.", "Our pizza arrived cold, again.",
            "Cold pizza after a 40 minute wait.", "Pizza came cold and soggy.",
            "Pizza was cold by the time it got here."]),
    ("nl", ["De pizza was koud toen hij kwam.", "Onze pizza kwam koud aan.",
            "Koude pizza na 40 minuten wachten.", "Pizza kwam koud en slap aan.",
            "De pizza was helemaal koud bij aankomst."]),
]


@pytest.mark.parametrize("language, texts", SIMILAR)
def test_twenty_replies_to_twenty_similar_reviews_share_no_opening_or_closing(language, texts):
    contact = Contact(phone="020 123 4567")
    for avoid in (False, True):  # consecutive case numbers alone, and with the team's history
        earlier: list[str] = []
        for case in range(1, 21):
            review = texts[case % len(texts)]
            s = suggest(review, customer="Sam", signer="Anna", contact=contact, seed=case,
                        avoid=earlier if avoid else ())
            assert s.language == language
            earlier.append(s.text)
        openings = [opening_and_closing(t)[0] for t in earlier]
        closings = [opening_and_closing(t)[1] for t in earlier]
        assert len(set(openings)) == 20, openings
        assert len(set(closings)) == 20, closings


def test_a_new_draft_avoids_the_sentences_of_the_teams_last_replies():
    review, contact = "The pizza was cold when it arrived.", Contact(email="a@b.nl")
    last = suggest(review, customer="Sam", signer="Anna", contact=contact, seed=7).text
    again = suggest(review, customer="Sam", signer="Anna", contact=contact, seed=7, avoid=[last]).text
    assert all(s.startswith("[") for s in sentences(again) & sentences(last))
    assert opening_and_closing(again) != opening_and_closing(last)


def test_the_same_case_gets_the_same_draft():
    first = suggest("Koude friet", customer="Sam", signer="Anna", seed=3)
    assert first == suggest("Koude friet", customer="Sam", signer="Anna", seed=3)


def test_team_texts_replace_the_composed_one_for_their_language():
    templates = {"en": {"reply": "Hi {customer}, thanks! {offline} Cheers, {signer}"}}
    own = suggest("Cold fries", customer="Sam Smith", signer="Anna", contact=Contact(phone="0612345678"),
                  templates=templates, seed=4)
    assert own.text.startswith("Hi Sam, thanks! ") and own.text.endswith(" Cheers, Anna")
    assert "0612345678" in own.text
    assert suggest("Koude friet", customer="Sam", signer="Anna", templates=templates).text.startswith("Beste Sam")
    holding = suggest("Cold fries", customer="Sam", signer="Anna", kind="holding", templates=templates)
    assert "Cheers" not in holding.text


def test_no_signer_is_a_gap_too():
    s = suggest("Te duur", customer=None, signer="", kind="holding")
    assert s.gaps == ("name", "signer") and s.text.endswith("[je eigen naam]")


def test_rejects_unknown_kind_and_language():
    with pytest.raises(ValueError):
        suggest("Cold fries", customer=None, signer="Anna", kind="essay")
    with pytest.raises(ValueError):
        suggest("Cold fries", customer=None, signer="Anna", language="de")
