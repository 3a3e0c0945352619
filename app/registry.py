"""The adapters this build knows: a name, its settings section and how to run it.

Adding a platform means writing its adapter (docs/adapters.md) and one entry here; nothing in
bot/ or desk/ changes. Each entry imports its platform's SDK only when it runs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from bot.adapters.console import ConsoleSettings
from bot.adapters.discord.config import DiscordSettings
from bot.adapters.slack.config import SlackSettings
from bot.runtime import Runtime


@dataclass(frozen=True)
class AdapterEntry:
    settings: type  # read from NAME_* variables; `configured()` says its tokens are set
    run: Callable[[Runtime], None]
    travels: bool = False  # a person may move its clock (the console's `travel 2h`)


def _run_slack(runtime: Runtime) -> None:
    from app.main import run_slack

    run_slack(runtime)


def _run_discord(runtime: Runtime) -> None:
    from bot.adapters.discord.client import run

    if not runtime.settings.section("discord", DiscordSettings).token:
        raise SystemExit("Set DISCORD_TOKEN (see docs/discord.md) to run the Discord bot.")
    run(runtime)


def _run_console(runtime: Runtime) -> None:
    from app.main import run_console

    run_console(runtime)


# In the order `ADAPTER=auto` tries them; the console is the fallback with no tokens.
ADAPTERS: dict[str, AdapterEntry] = {
    "slack": AdapterEntry(SlackSettings, _run_slack),
    "discord": AdapterEntry(DiscordSettings, _run_discord),
    "console": AdapterEntry(ConsoleSettings, _run_console, travels=True),
}
SECTIONS = {name: entry.settings for name, entry in ADAPTERS.items()}
