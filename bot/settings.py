"""Settings from the environment and an optional `.env` file (the environment wins).

The core's own settings are here; each adapter brings a section of its own (a dataclass whose
fields are read from `NAME_FIELD` variables, e.g. `SLACK_BOT_TOKEN`), handed in by the
composition root, so this module names no platform. Read only when the composition root
asks, never at import time.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Collection, Mapping, TypeVar

from dotenv import dotenv_values

DEFAULT_DATABASE_URL = "sqlite:///review_desk.db"
AUTO = "auto"
MIN_INTERVAL = 1.0
S = TypeVar("S")


class SettingsError(ValueError):
    """A setting that cannot work, told before anything starts."""


def read_fields(cls: type, values: Mapping[str, str | None], prefix: str = "") -> dict[str, Any]:
    """The values for `cls`'s fields found as PREFIX_FIELD in `values`, typed like the field."""
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        name = f"{prefix}{f.name}".upper()
        raw = values.get(name)
        if f.name == "sections" or raw is None or raw == "":
            continue
        if f.type == "float":
            try:
                kwargs[f.name] = float(raw)
            except ValueError:
                raise SettingsError(f"{name} must be a number of seconds, not {raw!r}") from None
        else:
            kwargs[f.name] = raw.strip()
    return kwargs


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    adapter: str = AUTO  # auto, or the name of a registered adapter
    language: str = "en"
    timezone: str = "Europe/Amsterdam"
    log_level: str = "INFO"
    scheduler_interval: float = 30.0
    # Seconds the process that did the work has to post it before the outbox job sends it.
    outbox_grace: float = 30.0
    # Where the intake endpoint listens beside the bot (INTAKE_PORT); empty: not started.
    intake_port: str = ""
    intake_host: str = "127.0.0.1"
    sections: Mapping[str, Any] = field(default_factory=dict)  # adapter name → its settings

    @classmethod
    def load(cls, env_file: str | Path | None = ".env",
             environ: Mapping[str, str] | None = None, *,
             sections: Mapping[str, type] | None = None,
             adapters: Collection[str] | None = None) -> "Settings":
        """`sections`: name → dataclass read from NAME_* variables; `adapters`: which of them
        are adapters ADAPTER may name (all of them when not given)."""
        values: dict[str, str | None] = {}
        if env_file and Path(env_file).is_file():
            values.update(dotenv_values(env_file))
        values.update(os.environ if environ is None else environ)
        sections = sections or {}
        settings = cls(**read_fields(cls, values), sections={
            name: section(**read_fields(section, values, f"{name}_"))
            for name, section in sections.items()})
        settings.check(adapters=sections if adapters is None else adapters)
        return settings

    def check(self, adapters: Collection[str]) -> None:
        """Refuse settings that would misbehave later, with a message that names them."""
        if self.adapter.lower() not in (AUTO, *adapters):
            raise SettingsError(f"ADAPTER must be one of {', '.join((AUTO, *adapters))}, "
                                f"not {self.adapter!r}")
        if not self.scheduler_interval >= MIN_INTERVAL:
            raise SettingsError(f"SCHEDULER_INTERVAL must be at least {MIN_INTERVAL:g} seconds")
        if self.intake_port and not (self.intake_port.isdigit()
                                     and 0 < int(self.intake_port) < 65536):
            raise SettingsError(f"INTAKE_PORT must be a port number, not {self.intake_port!r}")
        if self.language not in ("en", "nl"):
            raise SettingsError(f"LANGUAGE must be en or nl, not {self.language!r}")

    def section(self, name: str, kind: type[S]) -> S:
        """An adapter's own settings; its defaults when none were read."""
        return self.sections.get(name) or kind()

    def chosen_adapter(self) -> str:
        """`auto` picks the first adapter whose section is configured (its tokens are set),
        in the order the sections were given; else the console."""
        if self.adapter.lower() != AUTO:
            return self.adapter.lower()
        return next((name for name, section in self.sections.items()
                     if getattr(section, "configured", lambda: False)()), "console")
