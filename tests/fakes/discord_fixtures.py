"""Pytest fixtures for tests that run the real discord.py client against ``DiscordFake``.

Import them into a test module (``from tests.fakes.discord_fixtures import discord_fake,
discord_log_guard``) or list this module in a conftest's ``pytest_plugins``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import AsyncIterator, Iterator

import pytest
import pytest_asyncio

from .discord_fake import DiscordFake


class DiscordErrorLog(logging.Handler):
    """Collects ERROR records from the ``discord`` logger.

    discord.py does not propagate exceptions raised in command, view, modal or event
    callbacks: it logs them ("Ignoring exception in ...") and carries on, so without this a
    broken handler passes silently.
    """

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self._waiters: list[asyncio.Future[logging.LogRecord]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        for future in self._waiters:
            if not future.done():
                future.get_loop().call_soon_threadsafe(_set_result, future, record)
        self._waiters.clear()

    async def wait_for_error(self, timeout: float = 5.0) -> logging.LogRecord:
        """Return the first error record, waiting for one to be logged."""
        if self.records:
            return self.records[0]
        future: asyncio.Future[logging.LogRecord] = asyncio.get_running_loop().create_future()
        self._waiters.append(future)
        try:
            return await asyncio.wait_for(future, timeout)
        except asyncio.TimeoutError:
            raise AssertionError(f"discord.py logged no error within {timeout}s") from None

    def take(self) -> list[logging.LogRecord]:
        """Return and forget the records so far (for a test that expects an error)."""
        records, self.records = self.records, []
        return records

    def describe(self) -> str:
        formatter = logging.Formatter("%(name)s: %(message)s")
        return "\n".join(formatter.format(r) for r in self.records)

    def check(self) -> None:
        """Fail the test when discord.py logged an error."""
        if self.records:
            pytest.fail(f"discord.py logged {len(self.records)} error(s) during the test:\n{self.describe()}",
                        pytrace=False)


def _set_result(future: asyncio.Future[logging.LogRecord], record: logging.LogRecord) -> None:
    if not future.done():
        future.set_result(record)


@pytest.fixture
def discord_log_guard() -> Iterator[DiscordErrorLog]:
    """Fail the test if anything logged at ERROR on the ``discord`` logger during it."""
    handler = DiscordErrorLog()
    logger = logging.getLogger("discord")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
    handler.check()


@pytest_asyncio.fixture
async def discord_fake(discord_log_guard: DiscordErrorLog) -> AsyncIterator[DiscordFake]:
    """A started ``DiscordFake`` with discord.py pointed at it; errors logged by discord.py,
    and failures inside the fake itself, fail the test."""
    fake = DiscordFake()
    await fake.start()
    try:
        with fake.patched():
            yield fake
    finally:
        await fake.stop()
    if fake.server_errors:
        pytest.fail(f"the Discord fake failed while answering: {fake.server_errors!r}", pytrace=False)
