"""Message catalogs in Dutch and English.

Catalogs are TOML files named `LANG.toml` or `TOPIC.LANG.toml`; nested tables become dotted
keys. Texts are `str.format` templates whose values may be rich parts (see `bot.text.fill`).
"""
from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from typing import ClassVar, Iterable, Mapping

from bot.text import Rich, fill

log = logging.getLogger(__name__)

LANGUAGES = ("en", "nl")
NUMBER_MARKS = {"en": ",.", "nl": ".,"}  # thousands separator, decimal mark: 10,001.5 / 10.001,5


class MissingText(KeyError):
    """The code asked for a text that no catalog has."""


def _flatten(table: Mapping[str, object], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = str(value)
    return out


def normalise_language(locale: str | None) -> str | None:
    """'nl-NL', 'nl_BE', 'NL' → 'nl'; unsupported or empty → None."""
    if not locale:
        return None
    lang = locale.replace("_", "-").split("-")[0].lower()
    return lang if lang in LANGUAGES else None


class Catalogs:
    # The tests switch this on (tests/conftest.py): a missing text then raises and fails the
    # test. In production the key is shown and logged, which beats showing nothing.
    strict: ClassVar[bool] = False

    def __init__(self, fallback: str = "en") -> None:
        self.fallback = fallback
        self._texts: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}

    def load_dir(self, folder: Path) -> "Catalogs":
        for path in sorted(folder.glob("*.toml")):
            lang = path.stem.rsplit(".", 1)[-1]
            if lang not in self._texts:
                raise ValueError(f"{path}: unknown language {lang!r}")
            with path.open("rb") as fh:
                self._texts[lang].update(_flatten(tomllib.load(fh)))
        return self

    def keys(self, lang: str) -> set[str]:
        return set(self._texts[lang])

    def has(self, key: str) -> bool:
        return key in self._texts[self.fallback]

    def raw(self, lang: str, key: str) -> str:
        texts = self._texts.get(lang) or {}
        if key in texts:
            return texts[key]
        if key in self._texts[self.fallback]:
            return self._texts[self.fallback][key]
        if self.strict:
            raise MissingText(key)
        log.error("no text %r in the catalogs; showing the key instead", key)
        return key

    def text(self, lang: str, key: str, **values: object) -> Rich:
        return fill(self.raw(lang, key), NUMBER_MARKS.get(lang, ",."), **values)

    def plain(self, lang: str, key: str, **values: object) -> str:
        return str(self.text(lang, key, **values))

    def pick(self, *candidates: str | None) -> str:
        """The first supported language among the candidates (a person's locale, a team setting)."""
        for candidate in candidates:
            lang = normalise_language(candidate)
            if lang:
                return lang
        return self.fallback

    def languages(self) -> Iterable[str]:
        return self._texts.keys()
