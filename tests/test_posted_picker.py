"""The console's pickers number their options by position, and what is picked is named."""
from tests.test_console import run

CASE = """\
/review The cake came two days late and nobody called back.
as Bob
click 1 respond
as Ann
click 1 respond
click 1 claim
reply 1 draft: Dear customer, it was busy, that is not our fault. Ann
reply 1 draft: Dear customer, we are sorry the cake was late. Ann
reply 1 draft: Dear customer, we are sorry the cake came late and nobody called. Ann
reply 1 draft: Dear customer, thank you and sorry: the cake came late. Call us. Ann
click 1 posted
"""


def test_an_answer_is_the_option_number_shown(app):
    text = run(app, CASE + "2\n\n")
    picker = text[text.rindex("┌ Mark posted"):]
    assert "1) v4 (reply)" in picker and "2) v3 (reply)" in picker
    assert "posted the public reply (v3)" in text
    assert "(v2)" not in text[text.rindex("┌ Mark posted"):]


def test_the_default_is_shown_as_the_option_it_picks(app):
    text = run(app, CASE + "\n\n")
    picker = text[text.rindex("┌ Mark posted"):text.rindex("Link to the posted reply")]
    assert "[4]" not in picker
    assert "[v4 (reply)" in picker  # the default names the option, not a bare number
    assert "posted the public reply (v4)" in text


def test_the_picked_option_names_the_text(app):
    text = run(app, CASE + "2\n\n")
    picker = text[text.rindex("┌ Mark posted"):]
    assert "2) v3 (reply): Dear customer, we are sorry the cake…" in picker
    assert "→ v3 (reply)" in picker
