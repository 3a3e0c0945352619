"""What an adapter needs to run: the router, where cards live, the clock, the settings, the
texts (for an adapter's own words, such as command descriptions), the scheduled jobs and
the pacing of what they post.
Built by the composition root; adapters never see handlers or storage."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from bot.clock import Clock
from bot.delivery.dispatcher import Record
from bot.events import Event
from bot.i18n import Catalogs
from bot.inbox import Inbox
from bot.messages import MessageRefs
from bot.pacing import LocalSlots, Slots
from bot.router import Router
from bot.scheduler import Jobs
from bot.settings import Settings


@dataclass
class Runtime:
    settings: Settings
    router: Router
    refs: MessageRefs
    clock: Clock
    jobs: list[Jobs] = field(default_factory=list)
    texts: Catalogs = field(default_factory=Catalogs)
    slots: Slots = field(default_factory=LocalSlots)  # pacing of bot-initiated posts
    inbox: Inbox | None = None  # where adapters store deliveries before acknowledging them
    # What each delivery came to, for the outbox that keeps the team's posts until they
    # arrived: every adapter's dispatcher reports to it (None: only logged).
    record: Record | None = None
    # The language of the team an event's place belongs to, for an adapter's own words in
    # the team's channel (None when the database cannot tell).
    team_language: Callable[[Event], str | None] | None = None
