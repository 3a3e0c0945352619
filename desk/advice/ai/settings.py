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
    daily_cap: str = "200"  # AI_DAILY_CAP: requests a team may make a day (a retry counts too)
    privacy: str = "auto"  # AI_PRIVACY: mask e-mail, phone and surname; auto: for hosted endpoints

    def __post_init__(self) -> None:
        if self.drafts.lower() not in ON + OFF:
            raise SettingsError(f"AI_DRAFTS must be on or off, not {self.drafts!r}")
        if self.on and not self.model:
            raise SettingsError("AI_DRAFTS=on needs AI_MODEL, the model's name at the endpoint")
        if not self.timeout > 0:
            raise SettingsError("AI_TIMEOUT must be a positive number of seconds")
        if not self.daily_cap.isdigit():
            raise SettingsError(f"AI_DAILY_CAP must be a whole number of requests, not {self.daily_cap!r}")
        if self.privacy.lower() not in ON + OFF + ("auto",):
            raise SettingsError(f"AI_PRIVACY must be auto, on or off, not {self.privacy!r}")

    @property
    def on(self) -> bool:
        return self.drafts.lower() in ON

    @property
    def requests_per_day(self) -> int:
        return int(self.daily_cap)

    def private(self, hosted: bool) -> bool:
        """Whether to mask personal data: as set, or (auto) when the endpoint is hosted."""
        return hosted if self.privacy.lower() == "auto" else self.privacy.lower() in ON
