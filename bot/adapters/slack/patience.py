"""How long the Web API client may wait and try again while a person's answer is delivered.

What a person's event posts for the team is kept in the outbox, and the outbox job sends what
is still undelivered OUTBOX_GRACE after the commit. A post the answer keeps retrying past that
(Slack asked to wait with Retry-After) could then appear twice: once from the job, once from
the answer. So, while an answer is delivered, a retry is made only when its wait and a whole
attempt end before the grace does; otherwise the post fails as rate limited (or unavailable)
and the job sends it after its pause. Work no person started (the job's own sends) retries as
the handlers always did.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Callable, Iterator, Optional

from slack_sdk.http_retry.builtin_handlers import (ConnectionErrorRetryHandler,
                                                   RateLimitErrorRetryHandler)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

CALL_TIMEOUT = 10  # seconds one Web API call may take; Slack answers in well under one


class Patience:
    """The moment until which this thread's calls may be retried (None: no limit)."""

    def __init__(self, now: Callable[[], datetime], attempt: float = CALL_TIMEOUT) -> None:
        self.now, self.attempt = now, attempt
        self._local = threading.local()

    @contextmanager
    def within(self, seconds: float) -> Iterator[None]:
        outer: Optional[datetime] = getattr(self._local, "until", None)
        until = self.now() + timedelta(seconds=seconds)
        self._local.until = min(until, outer) if outer else until
        try:
            yield
        finally:
            self._local.until = outer

    def allows(self, wait: float) -> bool:
        """Whether waiting `wait` seconds and one more attempt still end in time."""
        until = getattr(self._local, "until", None)
        return until is None or self.now() + timedelta(seconds=wait + self.attempt) <= until


def retry_handlers(patience: Patience) -> list[RetryHandler]:
    """The client's handlers: a 429 after Retry-After, a lost connection; both within patience."""
    return [PatientRateLimit(patience, max_retry_count=3),
            PatientConnection(patience, max_retry_count=2)]


class _Patient(RetryHandler):
    """A built-in handler that retries only when its wait still ends within patience."""

    def __init__(self, patience: Patience, **options) -> None:
        super().__init__(**options)
        self.patience = patience

    def _wait(self, state: RetryState, response: Optional[HttpResponse]) -> float:
        raise NotImplementedError

    def _can_retry(self, *, state: RetryState, request: HttpRequest,
                   response: Optional[HttpResponse] = None,
                   error: Optional[Exception] = None) -> bool:
        return super()._can_retry(state=state, request=request, response=response,
                                  error=error) and self.patience.allows(self._wait(state, response))


class PatientRateLimit(_Patient, RateLimitErrorRetryHandler):
    def _wait(self, state: RetryState, response: Optional[HttpResponse]) -> float:
        return _retry_after(response)


class PatientConnection(_Patient, ConnectionErrorRetryHandler):
    def _wait(self, state: RetryState, response: Optional[HttpResponse]) -> float:
        return self.interval_calculator.calculate_sleep_duration(state.current_attempt)


def _retry_after(response: Optional[HttpResponse]) -> float:
    """The wait Slack asked for (the handler adds under a second to it)."""
    headers = {k.lower(): v for k, v in (response.headers if response else {}).items()}
    try:
        return float(headers.get("retry-after", ["1"])[0]) + 1
    except (TypeError, ValueError):
        return 2.0
