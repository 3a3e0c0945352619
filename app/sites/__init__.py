"""The review sites a team can connect, by source name: each module here is the only code that
speaks its site's HTTP API (desk.sources.contract says what the desk needs of it)."""
from __future__ import annotations

from app.sites import google, kiyoh, trustpilot
from desk.sources.contract import SiteKind

SITES: dict[str, SiteKind] = {kind.source: kind
                              for kind in (google.KIND, kiyoh.KIND, trustpilot.KIND)}


def webhooks() -> dict:
    """source → how its webhook calls become generic intake JSON, for the sites that have
    webhooks (SiteKind.extra["webhook"])."""
    return {source: kind.extra["webhook"] for source, kind in SITES.items()
            if "webhook" in kind.extra}
