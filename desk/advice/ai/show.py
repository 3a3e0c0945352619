"""The model's stored draft in the draft form: marked as the model's, its signer filled in,
with the coach's findings in the hint; or one line saying why the composer's draft is shown."""
from __future__ import annotations

from dataclasses import dataclass

from desk.advice import hints
from desk.advice.ai.brief import SIGNER_GAPS
from desk.advice.language import detect_language
from desk.turn import Turn
from storage import model_drafts
from storage.models import Case

REASONS = ("timeout", "http_429", "http_5xx", "http_4xx", "malformed", "unreachable", "cap", "error")


@dataclass(frozen=True)
class FromModel:
    text: str | None  # None: nothing usable from the model, the composer's draft is shown
    language: str | None
    hint: str


def from_model(turn: Turn, case: Case, kind: str, language: str | None = None) -> FromModel | None:
    """What the model wrote for this case and kind; None when it was never asked (model drafts
    off) or the drafter chose another language than it wrote in."""
    row = model_drafts.get(turn.session, case_id=case.id)
    if row is None or (language and row.language and language != row.language):
        return None
    if row.status == "queued":
        return FromModel(None, None, turn.s("ai.form.writing"))
    text = getattr(row, kind) if row.status == "ready" else None
    if not text:
        reason = row.failure if row.failure in REASONS else "error"
        return FromModel(None, None, turn.s("ai.form.failed", reason=turn.s(f"ai.failure.{reason}")))
    signer = hints.signer(turn, case)
    for gap in SIGNER_GAPS.values():  # a model that wrote the other language used its gap
        text = text.replace(gap, signer)
    lines = [turn.s("ai.form.from_model")]
    written_in = detect_language(text, default=row.language)
    if written_in != row.language:
        lines.append(turn.s("ai.form.language", written=turn.s(f"language.{written_in}"),
                            wanted=turn.s(f"language.{row.language}")))
    lines.append(hints.coach_text(turn, case, text, turn.lang))
    return FromModel(text, row.language, "\n".join(lines))
