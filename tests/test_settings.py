"""Settings from the environment and .env, refused early when they cannot work."""
import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from bot.settings import Settings, SettingsError


def test_environment_wins_over_the_file(tmp_path):
    env = tmp_path / ".env"
    env.write_text("LANGUAGE=nl\nTIMEZONE=Europe/Brussels\nSCHEDULER_INTERVAL=5\n")
    settings = Settings.load(env, environ={"TIMEZONE": "Europe/Amsterdam"})
    assert (settings.language, settings.timezone, settings.scheduler_interval) == \
        ("nl", "Europe/Amsterdam", 5.0)


def test_tokens_pick_the_platform():
    assert Settings.load(None, environ={}).chosen_adapter() == "console"
    assert Settings.load(None, environ={"SLACK_BOT_TOKEN": "x"}).chosen_adapter() == "slack"
    assert Settings.load(None, environ={"DISCORD_TOKEN": "x"}).chosen_adapter() == "discord"
    assert Settings.load(None, environ={"ADAPTER": "Console", "SLACK_BOT_TOKEN": "x"}) \
        .chosen_adapter() == "console"


@pytest.mark.parametrize("environ,named", [
    ({"SCHEDULER_INTERVAL": "abc"}, "SCHEDULER_INTERVAL"),
    ({"SCHEDULER_INTERVAL": "0"}, "SCHEDULER_INTERVAL"),
    ({"ADAPTER": "telegram"}, "ADAPTER"),
    ({"LANGUAGE": "fr"}, "LANGUAGE"),
])
def test_settings_that_cannot_work_are_refused_by_name(environ, named):
    with pytest.raises(SettingsError, match=named):
        Settings.load(None, environ=environ)


def test_the_command_line_says_which_setting_is_wrong(monkeypatch, tmp_path):
    monkeypatch.setenv("SCHEDULER_INTERVAL", "0")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 2 and "SCHEDULER_INTERVAL" in result.output
