"""Settings from the environment and an optional `.env` file (the environment wins).

Read only when the composition root asks, never at import time.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Mapping

from dotenv import dotenv_values

DEFAULT_DATABASE_URL = "sqlite:///review_desk.db"
ADAPTERS = ("auto", "console", "slack", "discord")
MIN_INTERVAL = 1.0


class SettingsError(ValueError):
    """A setting that cannot work, told before anything starts."""


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    adapter: str = "auto"  # auto | console | slack | discord
    language: str = "en"
    timezone: str = "Europe/Amsterdam"
    log_level: str = "INFO"
    console_user: str = ""
    slack_bot_token: str = ""
    slack_app_token: str = ""
    slack_signing_secret: str = ""
    slack_api_base_url: str = "https://slack.com/api/"
    discord_token: str = ""
    discord_guild_id: str = ""
    discord_api_base_url: str = "https://discord.com/api/v10"
    discord_gateway_url: str = ""
    scheduler_interval: float = 30.0

    @classmethod
    def load(cls, env_file: str | Path | None = ".env",
             environ: Mapping[str, str] | None = None) -> "Settings":
        values: dict[str, str | None] = {}
        if env_file and Path(env_file).is_file():
            values.update(dotenv_values(env_file))
        values.update(os.environ if environ is None else environ)
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            raw = values.get(f.name.upper())
            if raw is None or raw == "":
                continue
            if f.type == "float":
                try:
                    kwargs[f.name] = float(raw)
                except ValueError:
                    raise SettingsError(f"{f.name.upper()} must be a number of seconds, "
                                        f"not {raw!r}") from None
            else:
                kwargs[f.name] = raw.strip()
        settings = cls(**kwargs)
        settings.check()
        return settings

    def check(self) -> None:
        """Refuse settings that would misbehave later, with a message that names them."""
        if self.adapter.lower() not in ADAPTERS:
            raise SettingsError(f"ADAPTER must be one of {', '.join(ADAPTERS)}, "
                                f"not {self.adapter!r}")
        if not self.scheduler_interval >= MIN_INTERVAL:
            raise SettingsError(f"SCHEDULER_INTERVAL must be at least {MIN_INTERVAL:g} seconds")
        if self.language not in ("en", "nl"):
            raise SettingsError(f"LANGUAGE must be en or nl, not {self.language!r}")

    def chosen_adapter(self) -> str:
        """`auto` picks the platform whose tokens are set, else the console."""
        if self.adapter.lower() != "auto":
            return self.adapter.lower()
        if self.slack_bot_token:
            return "slack"
        if self.discord_token:
            return "discord"
        return "console"
