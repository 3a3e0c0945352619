"""The coach's sentence-role model: its features, what it adds to the rules, and that the
committed model is the one the labelled corpus trains (training/roles.py)."""
import pytest

from desk.advice.coach import roles
from desk.advice.coach.check import check_reply
from tests.advice_corpus import assert_trains_to, untrained

DUTCH_GOOD = ("Hoi Sanne,\n\nBedankt voor je bericht, en het spijt me echt dat de kamer niet klaar was. Je had "
              "je er zo op verheugd, en dan dit.\n\nBel me gerust op 050 123 45 67, dan zoeken we het samen uit."
              "\n\nAnouk")
RECORDS = ("Dear Sam,\n\nThank you for writing, and I'm sorry the evening disappointed you; I can imagine how "
           "frustrating that was. Our delivery log shows the driver rang your bell at 8:05.\n\n"
           "Could you email me at anna@example.com so we can talk it through?\n\nAnna")


@pytest.fixture
def rules_alone(monkeypatch):
    """The coach as it reads without a trained model."""
    with untrained(roles, monkeypatch):
        yield


def test_features_fold_accents_and_digits_and_share_word_pieces():
    found = roles.features("Café opened at 19:45, verjaardagstaart")
    assert "w cafe" in found and "w 0" in found and "b ^ cafe" in found and "b verjaardagstaart $" in found
    assert "p <ver" in found and "p taart>"[:6] in {f[:6] for f in found}


def test_the_model_reads_the_roles_of_plain_sentences_in_both_languages():
    model = roles.model()
    assert model is not None
    assert model.played("Thanks so much for your honest words.") == {"thanks"}
    assert model.played("Pop into the shop and ask for me.") == {"offline"}
    assert "empathy" in model.played("Wat een domper na zo'n lange rit.")
    assert "contradicts" in model.played("Volgens onze planning was de monteur om negen uur bij u.")
    assert "belittles" in model.played("A few crumbs on the table is hardly the end of the world.")


def test_a_feeling_in_words_no_rule_knows_counts_as_empathy(rules_alone):
    assert "empathy" in check_reply(DUTCH_GOOD, customer="Sanne de Vries", signer="Anouk").rules


def test_with_the_model_the_same_reply_follows_every_rule():
    assert check_reply(DUTCH_GOOD, customer="Sanne de Vries", signer="Anouk").rules == ()


def test_records_set_against_the_customer_are_named_with_their_sentence():
    found = {f.rule: f for f in check_reply(RECORDS, customer="Sam Carter", signer="Anna").findings}
    assert set(found) == {"contradicts"}
    assert found["contradicts"].sentence.startswith("Our delivery log shows")


def test_without_a_trained_model_the_rules_work_alone(rules_alone):
    assert roles.model() is None
    assert check_reply(RECORDS, customer="Sam Carter", signer="Anna").language == "en"


def test_greetings_and_sign_offs_are_not_read_for_roles():
    draft = ("Dear reviewer,\n\nThank you for telling us, and I'm sorry; how disappointing. "
             "Would you be open to a quick call?\n\nThe team")
    assert {"defensive", "contradicts", "belittles"}.isdisjoint(
        check_reply(draft, customer=None, signer=None).rules)


def test_the_committed_model_is_the_one_the_corpus_trains(tmp_path, monkeypatch):
    pytest.importorskip("sklearn", reason="scikit-learn is in the test extras: pip install -e '.[test]'")
    from training import roles as training

    assert_trains_to(training, roles.MODEL, tmp_path, monkeypatch)
