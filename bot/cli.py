"""The `review-desk` command."""
from __future__ import annotations

from typing import Optional

import typer

from bot.settings import Settings

app = typer.Typer(help="review-desk: answer negative online reviews as a team.",
                  no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def _settings(env_file: str) -> Settings:
    from bot.main import configure_logging

    settings = Settings.load(env_file)
    configure_logging(settings)
    return settings


ENV_FILE = typer.Option(".env", "--env-file", help="Settings file read before the environment.")


@app.command()
def run(env_file: str = ENV_FILE) -> None:
    """Start the bot on the platform whose tokens are set (the console when none are)."""
    from bot.main import start

    start(_settings(env_file))


@app.command()
def console(env_file: str = ENV_FILE,
            user: Optional[str] = typer.Option(None, help="Your name in the console.")) -> None:
    """Open the console channel: the whole workflow in a terminal, on the configured database."""
    from dataclasses import replace

    from bot.main import build, run_console

    settings = _settings(env_file)
    if user:
        settings = replace(settings, console_user=user)
    run_console(build(settings))


@db_app.command("upgrade")
def db_upgrade(env_file: str = ENV_FILE) -> None:
    """Bring the database schema up to date (the bot also does this when it starts)."""
    from storage.migrate import upgrade

    settings = _settings(env_file)
    upgrade(settings.database_url)
    typer.echo("database is up to date")


def main() -> None:
    app()
