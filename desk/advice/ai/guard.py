"""The coach stands between the model and the team: every text the model writes is checked
like a person's, the model gets one more try with what the coach found, and what still fails
is kept with its findings so the drafter sees them. A text in the wrong language is a finding
too: the coach reads both languages, so it would not notice on its own."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from desk.advice.ai.brief import Brief, Messages, feedback
from desk.advice.coach import AVOID_RULES, Finding, check_reply
from desk.advice.language import detect_language

KINDS = ("reply", "holding")
GAP_RULES = frozenset({"placeholder", "signature"})  # the gaps the brief asks the model to leave
LANGUAGE = "language"

Write = Callable[[Messages], str]  # the chat messages → the model's answer, or ModelFailed
Check = Callable[[str], tuple[Finding, ...]]
Explain = Callable[[Finding], str]
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")


class ModelFailed(Exception):
    """The endpoint gave no usable answer; `reason` (timeout, http_429, http_500, malformed,
    unreachable) is kept so the form can say why the composer's draft is shown."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Written:
    language: str
    texts: Mapping[str, str]  # reply, holding
    first: Mapping[str, tuple[Finding, ...]]  # the coach on the first attempt
    final: Mapping[str, tuple[Finding, ...]]  # ... and on the texts kept
    attempts: int


def coach(text: str, *, language: str, customer: str | None, review: str, site: str | None,
          recent: Iterable[str] = (), allowed_offers: Iterable[str] = ()) -> tuple[Finding, ...]:
    """The coach's findings on a model's text, and one more when it is not in `language`."""
    found = check_reply(text, customer=customer, signer=None, language=language, review=review,
                        site=site, recent=recent, allowed_offers=allowed_offers).findings
    written_in = detect_language(text, default=language)
    if written_in != language:
        found += (Finding(LANGUAGE, excerpt=written_in),)
    return found


def counts(kind: str, finding: Finding) -> bool:
    """Whether a finding sends the model back: any on a reply but the gaps it was asked to
    leave; on a holding reply, only what it must avoid (it is short by design)."""
    if finding.rule in GAP_RULES:
        return False
    return kind == "reply" or finding.rule in AVOID_RULES or finding.rule == LANGUAGE


def parse(answer: str) -> dict[str, str]:
    """{"reply": ..., "holding": ...} from the model's answer, fences and all."""
    text = _FENCE.sub("", (answer or "").strip())
    start, end = text.find("{"), text.rfind("}")
    try:
        found = json.loads(text[start:end + 1]) if start >= 0 else None
    except ValueError:
        found = None
    if not isinstance(found, dict) or not all(
            isinstance(found.get(kind), str) and found[kind].strip() for kind in KINDS):
        raise ModelFailed("malformed")
    return {kind: found[kind].strip() for kind in KINDS}


def write_guarded(write: Write, brief: Brief, check: Check, explain: Explain) -> Written:
    """Ask, check, and with findings ask once more with them as feedback. A first answer that
    fails raises ModelFailed; a second that fails leaves the first, findings and all."""
    answer = write(brief.messages)
    texts = parse(answer)
    first = {kind: check(text) for kind, text in texts.items()}
    problems = {kind: [explain(f) for f in found if counts(kind, f)] for kind, found in first.items()}
    problems = {kind: said for kind, said in problems.items() if said}
    if not problems:
        return Written(brief.language, texts, first, first, 1)
    again = [*brief.messages, {"role": "assistant", "content": answer},
             {"role": "user", "content": feedback(problems)}]
    try:
        texts = parse(write(again))
    except ModelFailed:
        return Written(brief.language, texts, first, first, 2)
    return Written(brief.language, texts, first, {kind: check(text) for kind, text in texts.items()}, 2)
