"""Writing model drafts ahead of time. A case decided "respond" is queued (a reaction to its
event); a scheduled job takes queued cases, asks the model outside any transaction, with the
timeout the settings give, and stores the guarded result. It returns no messages: the draft
form shows the result when someone opens it, and a slow model never holds up an answer or
the scheduler's other jobs (the writing runs in a thread of its own)."""
from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field
from datetime import timedelta, timezone
from functools import partial

from bot.messages import Outbox
from desk.advice.ai.brief import Messages, brief
from desk.advice.ai.by_hand import for_model
from desk.advice.ai.endpoint import Endpoint
from desk.advice.ai.guard import ModelFailed, Write, Written, coach, write_guarded
from desk.advice.ai.privacy import private
from desk.advice.coach.check import Finding
from desk.advice.compose.read import read_review
from desk.advice.compose.tone import reply_tone
from desk.advice.hints import RECENT_REPLIES
from desk.advice.language import detect_language
from desk.cases.case import CaseEvent
from desk.team.templates import team_contact, team_templates
from desk.turn import Desk, Turn
from storage import model_drafts, repo
from storage.models import Case as CaseRow

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)  # longer than two requests at any sane timeout
PER_TICK = 10  # drafts taken at a time; the rest wait for the next tick
ALLOWED_OFFERS: tuple[str, ...] = ()  # no team setting allows an offer yet: every one is flagged


def queue_draft(turn: Turn, row: CaseRow, event: CaseEvent) -> None:
    """A reaction: the team will reply, so a model draft is worth writing now."""
    if turn.desk.model_drafts:
        model_drafts.queue(turn.session, case_id=row.id, team_id=row.team_id, now=turn.now)


def rules(found: dict[str, tuple[Finding, ...]]) -> str:
    return json.dumps({kind: [f.rule for f in findings] for kind, findings in found.items()})


@dataclass
class ModelDrafts:
    """The scheduled job (a callable returning outboxes; it returns none and stores)."""

    desk: Desk
    write: Write
    per_tick: int = PER_TICK
    _worker: threading.Thread | None = field(default=None, init=False, repr=False)

    def __call__(self) -> list[Outbox]:
        """Write what is queued in a thread of its own and return at once: a slow model must
        not hold up the reminders and digests of the same tick. One writer per process."""
        if self._worker is None or not self._worker.is_alive():
            self._worker = threading.Thread(target=self.write_due, name="model-drafts", daemon=True)
            self._worker.start()
        return []

    def write_due(self) -> int:
        """Take up to `per_tick` queued cases and write their drafts; how many were taken."""
        with self.desk.db.unit() as session:
            taken = model_drafts.take(session, now=self.desk.now(), lease=LEASE, limit=self.per_tick)
        for case_id in taken:
            self.draft(case_id)
        return len(taken)

    def draft(self, case_id: int) -> Written | None:
        """Write, guard and store one case's drafts; a failure stores why, for the form."""
        with self.desk.db.unit() as session:
            case = session.get(CaseRow, case_id)
            team = repo.get_team(session, team_id=case.team_id)
            reading = read_review(case.text, customer=case.customer)
            language = detect_language(case.text, default=team.language)
            asked = brief(reading, language=language, tone=reply_tone(team.tone, team.sector, reading),
                          contact=team_contact(team), templates=team_templates(team),
                          allowed_offers=ALLOWED_OFFERS)
            check = partial(coach, language=language, customer=case.customer, review=case.text,
                            site=case.source, allowed_offers=ALLOWED_OFFERS,
                            recent=repo.recent_posted_replies(session, team_id=case.team_id,
                                                              exclude_case_id=case.id,
                                                              limit=RECENT_REPLIES))
        try:
            written = write_guarded(self.asking(case.team_id, case.customer), asked, check,
                                    self.explain)
        except ModelFailed as err:
            log.warning("model draft for case %d not written: %s", case_id, err.reason)
            self.store(case_id, status="failed", failure=err.reason, attempts=1)
            return None
        except Exception:
            log.exception("model draft for case %d failed", case_id)
            self.store(case_id, status="failed", failure="error", attempts=1)
            return None
        self.store(case_id, status="ready", language=written.language,
                   reply=written.texts["reply"], holding=written.texts["holding"],
                   first_findings=rules(dict(written.first)), findings=rules(dict(written.final)),
                   attempts=written.attempts)
        return written

    def asking(self, team_id: int, customer: str | None) -> Write:
        """How this case's requests go out: masked for a hosted endpoint, and each one
        counted against the team's daily cap before it is made."""
        write = self.write
        if not isinstance(write, Endpoint):
            return write
        ask = private(write.ask, customer) if write.private else write.ask
        return ask if write.daily_cap is None else partial(self.capped, ask, team_id, write.daily_cap)

    def capped(self, ask: Write, team_id: int, cap: int, messages: Messages) -> str:
        with self.desk.db.unit() as session:
            allowed = model_drafts.reserve(session, team_id=team_id, cap=cap,
                                           day=self.desk.now().astimezone(timezone.utc).date())
        if not allowed:
            raise ModelFailed("cap")
        return ask(messages)

    def explain(self, finding: Finding) -> str:
        return for_model(self.desk.texts, finding)

    def store(self, case_id: int, **written: object) -> None:
        with self.desk.db.unit() as session:
            model_drafts.store(session, case_id=case_id, now=self.desk.now(), **written)
