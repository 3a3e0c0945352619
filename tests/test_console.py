"""A whole scripted console session, from forward to closed as satisfied, as a user sees it."""
import io
import subprocess
import sys
from pathlib import Path

from app.main import run_console

SCRIPT = """\
# Ann sees a bad review and forwards it
/review setup
English
Europe/Amsterdam
mon-fri
09:00-17:30
NL
2
-
-





/review
2
https://www.trustpilot.com/reviews/abc123
Sam Jansen
2
Ordered a birthday cake for Saturday, it came on Monday. Nobody called back.
as Bob
click 1 respond
as Ann
click 1 respond
click 1 claim
as Bob
click 1 claim
as Ann
click 1 draft


Dear Sam, thank you for telling us. We are sorry. Ann
reply 1 draft: Dear Sam, thank you for telling us. We understand how disappointing this was and we are sorry. Please mail us at cakes@example.com. Ann
click 1 posted
2
https://www.trustpilot.com/reviews/abc123#reply
click 1 followup
contact
-
Called Sam, offered a new cake
click 1 followup
reaction
satisfied
Sam is happy
/review list
thread 1
"""


def run(app, script: str) -> str:
    out = io.StringIO()
    run_console(app, lines=iter(script.splitlines(keepends=True)), out=out, echo=True)
    return out.getvalue()


def test_whole_workflow_in_the_console(app):
    text = run(app, SCRIPT)
    assert "Saving the settings makes this channel the team's review channel." in text
    assert "(only you) Saved: English, Europe/Amsterdam" in text
    assert "┌─ #1 · Trustpilot · ★★☆☆☆ · Sam Jansen" in text
    assert "> Ordered a birthday cake for Saturday" in text
    assert "Bob voted to respond." in text
    assert "Decided: we respond. Who claims it?" in text
    assert "Ann claimed the case and will answer it." in text
    assert "(only you) Case #1 is already claimed by Ann." in text
    shown = text[text.index("┌ Draft for case #1"):]  # the whole suggestion, before any answer
    assert "│   [our side:" in shown and "for a birthday" in shown and "│ Reply [… ]" not in shown
    assert "Draft v1 (reply) by Ann:" in text and "Draft v2 (reply) by Ann:" in text
    assert "Ann posted the public reply (v2)" not in text  # version 1 was chosen
    assert "Ann posted the public reply (v1) on the review site." in text
    assert "Ann logged a follow-up: contact made." in text
    assert "Closed: the customer is satisfied. Thank you, Ann!" in text
    assert "(only you) No open cases. Well done!" in text
    last_card = text[text.rindex("┌─ (updated) #1"):]
    assert "State: closed" in last_card and "Outcome: satisfied" in last_card
    assert "[1] Reopen" in last_card


def test_console_survives_bad_input(app):
    text = run(app, "click 9 claim\nbogus\nas\nshortcut 4\n/review \u200b\u200b\n\n\n\n\n")
    assert "no card '9' shown" in text
    assert "unknown command 'bogus'" in text
    assert "! as NAME [en|nl]" in text
    assert "there is no message 4" in text
    assert "The review text is empty" in text  # invisible characters are no text


def test_form_errors_are_shown_and_asked_again(app):
    """At a terminal a wrong answer is asked again at its field (`-` clears a value); see
    tests/test_console_forms.py for what the desk refuses and for scripts."""
    out = io.StringIO()
    script = ("/review\n\nnot a link\n-\n\n9\n\n\nA real complaint about a late order.\n")
    run_console(app, lines=iter(script.splitlines(keepends=True)), out=out, echo=False)
    text = out.getvalue()
    assert "! Star rating: Pick one of: ★, ★★, ★★★, ★★★★, ★★★★★." in text
    assert "! Review text: Please fill this in." in text
    assert "! Link to the review: That is not a web link" in text
    assert "> A real complaint about a late order." in text


def test_make_run_style_entry_point_reads_stdin(tmp_path):
    """`review-desk run` with no tokens opens the console on SQLite and reads piped input."""
    env = {"PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'desk.db'}"}
    result = subprocess.run([sys.executable, "-m", "app", "run", "--env-file", "/nonexistent"],
                            input="/review The coffee was cold and the staff ignored us.\n",
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "> The coffee was cold" in result.stdout
    assert (tmp_path / "desk.db").exists()


def test_travel_shows_the_reminders_that_came_due(app):
    text = run(app, "/review The soup was cold and nobody came to our table.\n"
                    "travel 30m\n"
                    "travel 30m\n"
                    "travel until tomorrow 17:15\n"
                    "travel soon\n"
                    "travel until yesterday\n"
                    "click 1 remind me\n"
                    "in 3 hours\n")
    assert "(it is now Mon 23-11-2026 10:30)" in text
    first = text.index("(it is now Mon 23-11-2026 11:00)")
    assert "↳ #1 ⏰ Case #1 is still waiting for votes" in text[first:]
    assert "[Remind me]" in text[first:]
    assert text.count("still waiting for votes") == 1  # sent once, not on every command
    # Monday's end of the day was skipped over: it comes at the end of Tuesday instead
    assert "(it is now Tue 24-11-2026 17:15)" in text
    assert "↳ #1 ⏰ team: the working day is ending and case #1" in text
    assert "! travel 2h, travel 1d 30m, or travel until tomorrow 9:00" in text
    assert "! That moment has already passed." in text
    assert "(only you) I will remind you about case #1 on Wednesday 25-11 at 09:00." in text
