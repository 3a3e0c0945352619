"""Settings from the environment and .env, refused early when they cannot work."""
import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.registry import SECTIONS
from bot.adapters.console import ConsoleSettings
from bot.adapters.discord.config import DiscordSettings
from bot.adapters.slack.config import SlackSettings
from bot.settings import Settings, SettingsError


def test_environment_wins_over_the_file(tmp_path):
    env = tmp_path / ".env"
    env.write_text("LANGUAGE=nl\nTIMEZONE=Europe/Brussels\nSCHEDULER_INTERVAL=5\n")
    settings = Settings.load(env, environ={"TIMEZONE": "Europe/Amsterdam"})
    assert (settings.language, settings.timezone, settings.scheduler_interval) == \
        ("nl", "Europe/Amsterdam", 5.0)


def load(environ):
    return Settings.load(None, environ=environ, sections=SECTIONS)


def test_tokens_pick_the_platform():
    assert load({}).chosen_adapter() == "console"
    assert load({"SLACK_BOT_TOKEN": "x"}).chosen_adapter() == "slack"
    assert load({"DISCORD_TOKEN": "x"}).chosen_adapter() == "discord"
    assert load({"ADAPTER": "Console", "SLACK_BOT_TOKEN": "x"}).chosen_adapter() == "console"


def test_each_adapter_reads_its_own_section():
    settings = load({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_API_BASE_URL": "http://127.0.0.1:9/api/",
                     "DISCORD_GUILD_ID": "42", "CONSOLE_USER": "Ann"})
    assert settings.section("slack", SlackSettings) == \
        SlackSettings(bot_token="xoxb-1", api_base_url="http://127.0.0.1:9/api/")
    assert settings.section("discord", DiscordSettings).guild_id == "42"
    assert settings.section("console", ConsoleSettings).user == "Ann"
    assert Settings().section("slack", SlackSettings) == SlackSettings()


@pytest.mark.parametrize("environ,named", [
    ({"SCHEDULER_INTERVAL": "abc"}, "SCHEDULER_INTERVAL"),
    ({"SCHEDULER_INTERVAL": "0"}, "SCHEDULER_INTERVAL"),
    ({"ADAPTER": "telegram"}, "ADAPTER"),
    ({"LANGUAGE": "fr"}, "LANGUAGE"),
])
def test_settings_that_cannot_work_are_refused_by_name(environ, named):
    with pytest.raises(SettingsError, match=named):
        load(environ)


def test_the_command_line_says_which_setting_is_wrong(monkeypatch, tmp_path):
    monkeypatch.setenv("SCHEDULER_INTERVAL", "0")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 2 and "SCHEDULER_INTERVAL" in result.output
