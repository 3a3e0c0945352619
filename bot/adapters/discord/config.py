"""The Discord adapter's settings: DISCORD_TOKEN, DISCORD_GUILD_ID (commands appear at once in
one server), DISCORD_API_BASE_URL and DISCORD_GATEWAY_URL (loopback fakes in tests)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DiscordSettings:
    token: str = ""
    guild_id: str = ""
    api_base_url: str = "https://discord.com/api/v10"
    gateway_url: str = ""

    def configured(self) -> bool:
        return bool(self.token)
