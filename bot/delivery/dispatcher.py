"""The one delivery path of every adapter: look up the sender for each message's kind, turn
what happened into a result, record it, and tell the person who acted what they can fix.

Answers to a person deliver every message even when one fails; a scheduled outbox stops at
the first failure and raises, so the job keeps the work and tries again (fewer repeats).
Every result passes `record`: the one place where it is known whether a message arrived.
"""
from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Any, Callable, Sequence

from bot.delivery.contract import PERSONAL, Delivers, Sent, Sender
from bot.delivery.patience import first_write_until
from bot.delivery.results import Delivered, Failed, Result, Undelivered
from bot.i18n import Catalogs
from bot.messages import Notice, Outbound, Outbox

log = logging.getLogger(__name__)

Record = Callable[[str, Outbound, Result], None]


def log_result(platform: str, message: Outbound, result: Result) -> None:
    if isinstance(result, Failed):
        log.warning("%s not delivered on %s: %s (%s) %s", type(message).__name__, platform,
                    result.reason, result.kind, result.detail)


class Dispatcher:
    def __init__(self, adapter: Delivers, *, texts: Catalogs | None = None, language: str = "en",
                 record: Record = log_result, stand_in: bool = False) -> None:
        self.platform = adapter.platform
        self.stand_in = stand_in  # shows any platform's outbox (the console, for demos)
        self.table = dict(adapter.senders())
        self.failure = adapter.failure
        self.texts, self.language = texts, language
        self.record = record

    # -- synchronous platforms ----------------------------------------------------------
    def deliver(self, messages: Sequence[Outbound], to: Any = None, *,
                locale: str | None = None, stop: bool = False) -> list[Result]:
        """Deliver in order; `to` is the answer's recipient (None: no person started it)."""
        results: list[Result] = []
        for message in messages:
            sent = self._lookup(message, to)
            if not isinstance(sent, Failed):
                try:
                    sent = sent(message, to)
                except Exception as err:
                    sent = self._failed(message, err)
            results.append(self._settle(message, sent))
            if stop and isinstance(results[-1], Failed):
                break
        if to is not None and (notices := self._tell(messages, results, locale)):
            self.deliver(notices, to)
        return results

    def send(self, outbox: Outbox) -> list[Result]:
        self._check(outbox)
        return self._raise_failed(outbox, self.deliver(outbox.messages, stop=True))

    # -- asynchronous platforms (senders may be coroutine functions) ---------------------
    async def deliver_async(self, messages: Sequence[Outbound], to: Any = None, *,
                            locale: str | None = None, stop: bool = False,
                            within: float | None = None) -> list[Result]:
        """`within`: seconds the messages kept in the outbox may wait for the platform before
        their first write (patience.py); one still waiting then fails as unavailable and is
        left to the outbox job."""
        until = None if within is None else asyncio.get_running_loop().time() + within
        results: list[Result] = []
        for message in messages:
            sent = self._lookup(message, to)
            if not isinstance(sent, Failed):
                try:
                    with first_write_until(None if isinstance(message, PERSONAL) else until):
                        sent = sent(message, to)
                        if inspect.isawaitable(sent):
                            sent = await sent
                except Exception as err:
                    sent = self._failed(message, err)
            # `record` may write to a database: never on the event loop
            results.append(await asyncio.to_thread(self._settle, message, sent))
            if stop and isinstance(results[-1], Failed):
                break
        if to is not None and (notices := self._tell(messages, results, locale)):
            await self.deliver_async(notices, to)
        return results

    async def send_async(self, outbox: Outbox) -> list[Result]:
        self._check(outbox)
        return self._raise_failed(outbox, await self.deliver_async(outbox.messages, stop=True))

    # -- the steps both share -----------------------------------------------------------
    def _lookup(self, message: Outbound, to: Any) -> Sender | Failed:
        sender = self.table.get(type(message))
        if sender is None:
            return Failed.of("unsupported", type(message).__name__)
        if to is None and isinstance(message, PERSONAL):
            return Failed.of("no_recipient", type(message).__name__)
        return sender

    def _failed(self, message: Outbound, err: Exception) -> Failed:
        failed = self.failure(err)
        if failed is None:
            log.exception("delivering %s on %s failed", type(message).__name__, self.platform)
            return Failed.of("unexpected", repr(err))
        return failed

    def _settle(self, message: Outbound, sent: Sent) -> Result:
        result = sent if isinstance(sent, Failed) else Delivered(sent)
        self.record(self.platform, message, result)
        return result

    def _tell(self, messages: Sequence[Outbound], results: Sequence[Result],
              locale: str | None) -> list[Notice]:
        """One notice per thing the person can do something about (never about a notice)."""
        if self.texts is None:
            return []
        lang = self.texts.pick(locale, self.language)
        keys = dict.fromkeys(r.tell for m, r in zip(messages, results)
                             if isinstance(r, Failed) and r.tell and not isinstance(m, PERSONAL))
        return [Notice(self.texts.text(lang, key)) for key in keys]

    def _check(self, outbox: Outbox) -> None:
        if outbox.platform != self.platform and not self.stand_in:
            raise ValueError(f"a {outbox.platform} outbox reached the {self.platform} adapter")

    def _raise_failed(self, outbox: Outbox, results: list[Result]) -> list[Result]:
        """Delivery stopped at the first failure: the last result, if any, is the one."""
        if results and isinstance(results[-1], Failed):
            raise Undelivered(self.platform, results[-1], outbox.messages[len(results) - 1])
        return results
