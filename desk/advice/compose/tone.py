"""How a Dutch reply addresses the customer: "u" or "je", as the team chose, by the usual
custom of its sector, or mirroring how the customer wrote."""
from __future__ import annotations

from desk.advice.compose.read import Reading

SECTORS = ("restaurant", "cafe", "hotel", "shop", "webshop", "hairdresser", "bike_shop", "garage",
           "insurance", "healthcare", "services", "other")
SETTINGS = ("sector", "u", "je", "mirror")  # "sector": the custom of the team's sector
_JE_SECTORS = frozenset({"cafe", "webshop", "hairdresser", "bike_shop"})


def sector_tone(sector: str | None) -> str:
    return "je" if sector in _JE_SECTORS else "u"


def reply_tone(setting: str | None, sector: str | None, reading: Reading) -> str:
    if setting in ("u", "je"):
        return setting
    if setting == "mirror" and reading.informal is not None:
        return "je" if reading.informal else "u"
    return sector_tone(sector)
