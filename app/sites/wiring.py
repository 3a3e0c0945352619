"""The review sites wired for this process: the registry, one HTTP client, the key that seals
connections (SECRET_KEY) and how often each is synced (SITES_SYNC_MINUTES)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.settings import Settings
from desk.sources.connected import Sites


@dataclass(frozen=True)
class SecretSettings:
    key: str = ""  # SECRET_KEY: a Fernet key; seals every connection's settings


@dataclass(frozen=True)
class SitesSettings:
    sync_minutes: float = 15.0  # SITES_SYNC_MINUTES: between two syncs of one connection


SECTIONS = {"secret": SecretSettings, "sites": SitesSettings}


def sites(settings: Settings) -> Sites:
    from app.sites import SITES
    from app.sites.http import client

    every = max(settings.section("sites", SitesSettings).sync_minutes, 1.0)
    return Sites(SITES, make_http=client, key=settings.section("secret", SecretSettings).key,
                 every=timedelta(minutes=every))
