"""`review-desk when`: a plain-language moment as ISO 8601 with its offset, or an error."""
import pytest
from typer.testing import CliRunner

from app.cli import app

runner = CliRunner()


@pytest.mark.parametrize("phrase,now,expected", [
    ("morgen om 9 uur", "2026-11-23T10:00+01:00", "2026-11-24T09:00:00+01:00"),
    ("next tuesday 2pm", "2026-11-23T10:00+01:00", "2026-11-24T14:00:00+01:00"),
    ("over 2 dagen", "2027-03-27T10:00+01:00", "2027-03-29T10:00:00+02:00"),  # spring change
    ("in 3 hours", "2026-10-25T01:00+02:00", "2026-10-25T03:00:00+01:00"),    # autumn change
])
def test_prints_the_moment_with_its_offset(phrase, now, expected):
    result = runner.invoke(app, ["when", phrase, "--now", now, "--tz", "Europe/Amsterdam"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == expected


@pytest.mark.parametrize("phrase,message", [
    ("purple elephant", "could not read that moment"),
    ("yesterday at 9", "already passed"),
])
def test_refuses_with_a_clear_message_and_a_non_zero_exit(phrase, message):
    result = runner.invoke(app, ["when", phrase, "--now", "2026-11-23T10:00+01:00"])
    assert result.exit_code == 1 and message in result.output and "tomorrow 9am" in result.output


def test_a_bad_zone_or_naive_now_is_an_error():
    assert runner.invoke(app, ["when", "tomorrow", "--tz", "Mars/Base"]).exit_code == 2
    assert runner.invoke(app, ["when", "tomorrow", "--now", "2026-11-23T10:00"]).exit_code == 2


def test_a_dutch_phrase_is_refused_in_dutch():
    result = runner.invoke(app, ["when", "na de vergadering", "--now", "2026-11-23T10:00+01:00"])
    assert result.exit_code == 1 and "kan ik niet lezen" in result.output and "morgen om 9 uur" in result.output
