"""Who people are and how many can see a channel, asked from Slack and cached for a while.

The cache only saves calls: losing it (a restart, another process) costs a lookup, nothing
else. A failed lookup falls back to what the payload said.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable, Generic, TypeVar

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)

T = TypeVar("T")
CACHE_SECONDS = 600.0


@dataclass(frozen=True)
class Person:
    name: str
    locale: str | None


class _Cache(Generic[T]):
    def __init__(self, seconds: float, now: Callable[[], float]) -> None:
        self.seconds = seconds
        self.now = now
        self._items: dict[str, tuple[float, T]] = {}
        self._lock = threading.Lock()

    def peek(self, key: str) -> T | None:
        """What is known and fresh, asking nobody."""
        with self._lock:
            hit = self._items.get(key)
        return hit[1] if hit and hit[0] > self.now() else None

    def get(self, key: str, load: Callable[[], T]) -> T:
        with self._lock:
            hit = self._items.get(key)
        if hit and hit[0] > self.now():
            return hit[1]
        value = load()
        with self._lock:
            self._items[key] = (self.now() + self.seconds, value)
        return value


class LookupFailed(Exception):
    """Slack could not tell; the caller falls back to what the payload said."""


class Directory:
    def __init__(self, client: WebClient, *, seconds: float = CACHE_SECONDS, now: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self._people: _Cache[Person | None] = _Cache(seconds, now)
        self._audiences: _Cache[int | None] = _Cache(seconds, now)

    def person(self, user_id: str) -> Person | None:
        """Display name and locale (users.info with include_locale); None when Slack could
        not say (not cached: the next lookup asks again)."""
        try:
            return self._people.get(user_id, lambda: self._load_person(user_id))
        except LookupFailed:
            return None

    def audience(self, channel: str) -> int | None:
        """People in the channel other than the bot, so a team of one can decide alone."""
        if not channel or channel[0] not in "CG":
            return None
        try:
            return self._audiences.get(channel, lambda: self._load_audience(channel))
        except LookupFailed:
            return None

    def known(self) -> "Known":
        """This directory as far as it knows already: for answers that cannot wait on Slack."""
        return Known(self)

    def _load_person(self, user_id: str) -> Person | None:
        try:
            user = self.client.users_info(user=user_id, include_locale=True)["user"]
            if not isinstance(user, dict):
                raise ValueError("users.info answered without a user")
        except SlackApiError as err:
            log.warning("users.info for %s failed: %s", user_id, err.response.get("error"))
            raise LookupFailed from err
        except Exception as err:  # a reset connection, an answer without a user
            log.warning("users.info for %s failed: %r", user_id, err)
            raise LookupFailed from err
        profile = user.get("profile") or {}
        name = (profile.get("display_name") or profile.get("real_name") or user.get("real_name")
                or user.get("name") or user_id)
        return Person(name, user.get("locale"))

    def _load_audience(self, channel: str) -> int | None:
        try:
            channel_info = self.client.conversations_info(
                channel=channel, include_num_members=True)["channel"]
            if not isinstance(channel_info, dict):
                raise ValueError("conversations.info answered without a channel")
        except SlackApiError as err:
            log.warning("conversations.info for %s failed: %s", channel, err.response.get("error"))
            raise LookupFailed from err
        except Exception as err:  # a reset connection, an answer without a channel
            log.warning("conversations.info for %s failed: %r", channel, err)
            raise LookupFailed from err
        members = channel_info.get("num_members")
        if not isinstance(members, int):
            return None
        return max(members - (1 if channel_info.get("is_member") else 0), 1)

    def permalink(self, channel: str | None, ts: str | None) -> str | None:
        """A link to a message, so a case keeps where it was forwarded from."""
        if not channel or not ts:
            return None
        try:
            return self.client.chat_getPermalink(channel=channel, message_ts=ts)["permalink"]
        except SlackApiError as err:
            log.warning("chat.getPermalink for %s/%s failed: %s", channel, ts,
                        err.response.get("error"))
            return None


class Known:
    """A directory that asks nobody: what the cache holds, else nothing (the payload's own
    name then stands in). Slack gives a form submission 3 seconds, and `users.info` alone may
    take longer when rate-limited."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory

    def person(self, user_id: str) -> Person | None:
        return self.directory._people.peek(user_id)

    def audience(self, channel: str) -> int | None:
        return self.directory._audiences.peek(channel)

    def permalink(self, channel: str | None, ts: str | None) -> str | None:
        return None
