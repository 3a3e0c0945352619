"""What a console session keeps when it ends: the cases, their cards and their threads, which a
new session shows again (the cases live in the database, not in the terminal)."""
from tests.test_console import run

SETUP = "/review setup\nEnglish\n" + "\n" * 14
FORWARD = """\
/review
2
https://www.trustpilot.com/reviews/abc123
Sam Jansen
2
Ordered a birthday cake for Saturday, it came on Monday.
as Bob
click 1 respond
"""


def test_a_new_session_shows_a_case_card_and_its_thread_again(app):
    run(app, SETUP + FORWARD)
    text = run(app, "show 1\nthread 1\n")
    assert "no card" not in text
    assert "┌─ #1 · Trustpilot · ★★☆☆☆ · Sam Jansen" in text
    assert "Bob voted to respond" in text.split("thread 1", 1)[1]


def test_clicking_a_case_not_shown_in_this_session_shows_it_first(app):
    run(app, SETUP + FORWARD)
    text = run(app, "as Ann\nclick 1 respond\n")
    assert "no card" not in text
    assert text.index("┌─ #1 · Trustpilot") < text.index("Votes: Respond: 2 (Bob, Ann)")


def test_showing_a_case_that_does_not_exist_says_so(app):
    run(app, SETUP)
    text = run(app, "show 7\n")
    assert "There is no case #7" in text or "no case" in text.lower()


def test_the_story_of_a_case_reads_in_dutch_for_a_dutch_team(app):
    run(app, SETUP.replace("English", "Nederlands") + FORWARD.replace("click 1 respond",
                                                                      "click 1 reageren"))
    text = run(app, "show 1\n")
    assert "Wat er met zaak #1 is gebeurd:" in text
    assert "Bob stemde voor reageren." in text


def test_the_consoles_own_lines_speak_dutch_to_a_dutch_team(app):
    text = run(app, SETUP.replace("English", "Nederlands") +
               "/review De soep was koud en niemand kwam.\nthread 1\ntravel 30m\n")
    assert "↳ (nog geen berichten)" in text
    assert "(het is nu ma 23-11-2026 10:30)" in text
    assert "(no posts yet)" not in text and "(it is now" not in text


def test_and_english_to_an_english_one(app):
    text = run(app, SETUP + "/review The soup was cold.\nthread 1\ntravel 30m\n")
    assert "↳ (no posts yet)" in text and "(it is now Mon 23-11-2026 10:30)" in text
