"""The settings of model drafts, a section read from AI_* variables by the composition root.
The endpoint itself is the SDK's own OPENAI_BASE_URL and OPENAI_API_KEY."""
from __future__ import annotations

from dataclasses import dataclass

from bot.settings import SettingsError

ON, OFF = ("on", "yes", "true", "1"), ("off", "no", "false", "0")


@dataclass(frozen=True)
class AiSettings:
    drafts: str = "off"  # AI_DRAFTS=on lets the bot ask the model; off, nothing is sent anywhere
    model: str = ""  # AI_MODEL: the model's name at the endpoint, e.g. llama3.2
    timeout: float = 30.0  # AI_TIMEOUT: seconds one request may take before the composer's is shown

    def __post_init__(self) -> None:
        if self.drafts.lower() not in ON + OFF:
            raise SettingsError(f"AI_DRAFTS must be on or off, not {self.drafts!r}")
        if self.on and not self.model:
            raise SettingsError("AI_DRAFTS=on needs AI_MODEL, the model's name at the endpoint")
        if not self.timeout > 0:
            raise SettingsError("AI_TIMEOUT must be a positive number of seconds")

    @property
    def on(self) -> bool:
        return self.drafts.lower() in ON
