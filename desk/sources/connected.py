"""The sites a team may connect, wired for this process: their kinds (app/sites), the shared
HTTP client and the key that seals their settings. The desk builds a connection's client
from here and never sees HTTP or a site's own field names."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Callable, Mapping

from desk.sources.contract import ReviewSite, SiteKind
from desk.sources.vault import Vault

MAX_STARS = 3  # by default a new review with more stars is no case: the desk is for complaints


@dataclass
class Sites:
    kinds: Mapping[str, SiteKind]
    make_http: Callable[[], Any] = lambda: None  # the process's httpx.Client, made when needed
    key: str = field(default="", repr=False)  # SECRET_KEY
    every: timedelta = timedelta(minutes=15)  # between two syncs of one connection

    def __post_init__(self) -> None:
        self._http: Any = None
        # One client per stored connection, so its access token outlives a sync: a site's
        # token endpoint is asked once an hour, not every 15 minutes. New settings (connect
        # again) seal differently, so they get a new client.
        self._clients: dict[tuple[str, str], ReviewSite] = {}

    @property
    def http(self) -> Any:
        if self._http is None:
            self._http = self.make_http()
        return self._http

    def vault(self) -> Vault:
        """Raises VaultError (saying how to make a key) when SECRET_KEY is missing or wrong."""
        return Vault(self.key)

    def build(self, source: str, settings: Mapping[str, str]) -> ReviewSite:
        return self.kinds[source].build(settings, self.http)

    def client(self, source: str, sealed: str) -> ReviewSite:
        made = self._clients.get((source, sealed))
        if made is None:
            made = self._clients[(source, sealed)] = self.build(source, self.vault().open(sealed))
        return made


def max_stars(settings: Mapping[str, str]) -> int:
    """The most stars a new review may have to become a case (`max_stars`, 1-5)."""
    value = str(settings.get("max_stars") or MAX_STARS)
    return int(value) if value.isdigit() and 1 <= int(value) <= 5 else MAX_STARS
