"""The review sites a team can connect, by source name: each module here is the only code that
speaks its site's HTTP API (desk.sources.contract says what the desk needs of it)."""
from __future__ import annotations

from desk.sources.contract import SiteKind

SITES: dict[str, SiteKind] = {}

from app.sites import kiyoh  # noqa: E402  (each site adds itself)

SITES[kiyoh.KIND.source] = kiyoh.KIND
