"""Console forms as a person at a terminal meets them, and as a script feeds them."""
import io

from app.main import run_console
from tests.test_console import run

DUTCH = "/review setup\nNederlands\n" + "\n" * 13


def typed(app, script: str) -> str:
    """At a terminal: nothing is echoed, a wrong answer is asked again."""
    out = io.StringIO()
    run_console(app, lines=iter(script.splitlines(keepends=True)), out=out, echo=False)
    return out.getvalue()


def test_a_wrong_pick_is_asked_again_at_once_not_after_the_last_field(app):
    text = typed(app, "/review\nmyspace\n2\n\n\n\nThe soup was cold.\n")
    error = text.index("! Source site: ")
    assert error < text.index("Link to the review")  # before the next field is asked
    assert text.count("Source site [Google]") == 2  # the same field again, its default kept
    assert "┌─ #1 · Trustpilot" in text


def test_a_link_that_is_no_web_link_is_refused_at_the_field(app):
    text = typed(app, "/review\n\nnot a link\n\n\n\nThe soup was cold.\n")
    assert text.index("! Link to the review: That is not a web link") < text.index("Customer")


def test_a_rejected_value_never_becomes_the_next_default(app):
    text = typed(app, "/review\n\nnot a link\n\n\n\nThe soup was cold.\n")
    assert "! Link to the review: That is not a web link" in text
    asked_again = text[text.index("! Link to the review"):]
    assert "Link to the review (optional) []: " in asked_again
    assert "[not a link]" not in asked_again
    assert "Source site" not in asked_again  # only the field that was wrong
    assert "┌─ #1 · Google" in text


def test_a_required_field_left_empty_is_asked_again_at_once(app):
    text = typed(app, "/review\n\n\n\n\n\nThe soup was cold.\n")
    assert "! Review text: " in text
    assert "┌─ #1 · Google" in text


def test_cancel_stops_a_form_in_either_language(app):
    text = typed(app, "/review\n\ncancel\nsay next\n")
    assert "(form cancelled)" in text and "┌─" not in text
    assert "[message 1] you: next" in text
    dutch = typed(app, DUTCH + "/review\nannuleren\n")
    assert "(formulier geannuleerd)" in dutch and "┌─" not in dutch
    assert "(formulier geannuleerd)" in typed(app, "/review\ncancel\n")


def test_a_script_with_a_wrong_answer_keeps_its_place(app):
    text = run(app, "/review\n\nnot a link\n\n\nThe soup was cold.\nas Bob\n"
                    "/review\n2\n\n\n\nThe fries were cold.\n")
    assert "! Link to the review: That is not a web link" in text
    assert "(you are now Bob)" in text  # the next line of the script is a command again
    assert "┌─ #1 · Trustpilot" in text and "The fries were cold" in text
    assert "The soup was cold" not in text.split("not a link", 1)[1].split("as Bob")[1]


def test_a_script_with_a_wrong_pick_does_not_read_the_next_line_as_its_answer(app):
    text = run(app, "/review\nmyspace\n\n\n\nThe soup was cold.\nas Bob\n")
    assert "! Source site: " in text
    assert "(you are now Bob)" in text and "┌─" not in text
    assert "(form not sent" in text


def test_dutch_form_words(app):
    text = run(app, DUTCH + "/review\nmyspace\n\n\n\nDe soep was koud.\n")
    assert "! Reviewsite: Kies een van: Google, Trustpilot" in text
    assert "(formulier niet verstuurd" in text


def test_what_the_desk_refuses_is_asked_again_alone_without_the_refused_default(app):
    text = typed(app, "/review\n\n\n\n\n@everyone\nThe soup was cold.\n")
    refused = text.index("! Review text: ")  # only the desk knows a review of mentions is none
    again = text[refused:]
    assert "Review text []: " in again and "[@everyone]" not in again
    assert "Source site" not in again and "Customer" not in again
    assert "┌─ #1 · Google" in again and "The soup was cold." in again
