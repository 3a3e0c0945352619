"""A finding in words, for the thread, the form and the CLI: what is wrong, how to fix it,
the sentence it is about and a better sentence (worked out from the draft when it can be)."""

from __future__ import annotations

from bot.i18n import Catalogs
from desk.advice.coach.check import Finding


def explain(texts: Catalogs, lang: str, finding: Finding) -> dict[str, str]:
    args = finding.format_args()
    return {"rule": finding.rule,
            "message": texts.plain(lang, f"coach.{finding.rule}.message", **args),
            "fix": texts.plain(lang, f"coach.{finding.rule}.fix", **args),
            "sentence": finding.sentence,
            "better": finding.better or texts.plain(lang, f"coach.{finding.rule}.better", **args)}
