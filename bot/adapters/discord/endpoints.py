"""Where discord.py connects: Discord itself, or a stand-in (a test fake, a staging proxy).

discord.py has no public setting for this, so two internals are set here and nowhere else:
`Route.BASE` (read whenever a REST route is built, interaction callbacks and webhooks
included) and `DiscordWebSocket.DEFAULT_GATEWAY`. pyproject.toml pins discord.py to
`>=2.7.1,<2.8`, the range this was checked with.
"""
from __future__ import annotations

import discord.gateway
import discord.http
import yarl


def use_endpoints(api_base: str, gateway_url: str = "") -> None:
    """Point REST calls at `api_base`, and the gateway at `gateway_url` when one is given."""
    discord.http.Route.BASE = api_base.rstrip("/")
    if gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
