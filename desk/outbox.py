"""The outbox: every message for a channel or a case's thread that a person's event produced is
kept in that event's unit of work, and marked delivered only when the platform took it.

The process that did the work delivers at once, as before (nothing gets slower for the person);
the dispatcher's `record` hook settles each row with what the platform said, in one transaction
with where the card landed (the message refs), so a post costs one transaction after it. Each
row is settled on its own, never several at once: a crash between two posts then re-sends at
most the one that was in flight. What is left (a process that died after its commit, a platform
that was busy or down, a bot left out of its channel) this scheduled job sends: transient
failures again after a growing pause, failures a person must fix after a long one, the lead
told once what to fix. A case's rows go in order, so a thread post never overtakes its card.
Answers to the person who acted are not kept: they belong to a moment that has passed.
"""
from __future__ import annotations

import logging
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Callable, Collection, Iterator, Sequence

from sqlmodel import Session

from bot.delivery import codec
from bot.delivery.contract import PERSONAL
from bot.delivery.dispatcher import log_result
from bot.delivery.results import Delivered, Failed, Result
from bot.messages import Card, MessageRef, Outbound, Outbox, Say, ThreadPost
from bot.text import ROLE, Mention
from storage import outbox, repo
from storage.models import OutboxItem, Team

if TYPE_CHECKING:
    from desk.turn import Desk

log = logging.getLogger(__name__)

GRACE = timedelta(seconds=30)  # the process that did the work posts within this (OUTBOX_GRACE)
LEASE = timedelta(minutes=5)  # the job's hold on what it took (its posts are paced)
BATCH = 100
RETRY = timedelta(seconds=30)  # after a transient failure, doubling up to RETRY_MAX
RETRY_MAX = timedelta(minutes=15)
FIX_RETRY = timedelta(minutes=15)  # after a failure a person must fix, doubling to FIX_MAX
FIX_MAX = timedelta(hours=4)  # the person is told "within four hours at most" (bot/locales/delivery)
GIVE_UP = timedelta(days=7)  # older rows that still fail are given up (logged)
KEEP = timedelta(days=7)  # settled rows are kept this long, for a look at what happened
REMEMBER = 10_000  # rows this process waits to hear about; older ones the job takes again
UNREACHABLE = ("not_in_channel", "channel_not_found", "invalid_auth")  # the channel is no use
REFUSED = ("missing_access",)  # no use for posts in it when the channel refused one of those


@dataclass(frozen=True)
class Kept:
    message: Outbound
    row_id: int


class DurableOutbox:
    def __init__(self, desk: "Desk", platforms: Collection[str],
                 grace: timedelta = GRACE) -> None:
        self.desk = desk
        self.platforms = list(platforms)
        self.grace = grace
        self._waiting: OrderedDict[int, Kept] = OrderedDict()  # id(message) → its row
        self._keys: Counter[str] = Counter()  # the cards the waiting rows are or belong to
        self._refs: dict[tuple[str, str], MessageRef] = {}  # where such a card just landed
        self._lock = threading.Lock()

    # -- in the unit of work, and right after it ---------------------------------------
    def keep(self, session: Session, team: Team, messages: Sequence[Outbound]) -> list[Kept]:
        """Write the messages for the team's channels and threads, in the turn's transaction."""
        shared = [m for m in messages if not isinstance(m, PERSONAL)]
        if not shared:
            return []
        now = self.desk.now()
        due = now + self.grace
        ids = outbox.add(session, [self._row(team, m, now, due) for m in shared])
        return [Kept(m, row_id) for m, row_id in zip(shared, ids)]

    def expect(self, kept: Sequence[Kept]) -> None:
        """After the commit: the dispatcher will say how each of these went."""
        with self._lock:
            for item in kept:
                self._waiting[id(item.message)] = item
                if key := _key(item.message):
                    self._keys[key] += 1
            while len(self._waiting) > REMEMBER:
                self._forget(self._waiting.popitem(last=False)[1].message)

    def _forget(self, message: Outbound) -> None:
        if key := _key(message):
            self._keys[key] -= 1
            if self._keys[key] <= 0:
                del self._keys[key]

    # -- where a card landed: kept with its row's mark, in one transaction ---------------
    def hold_ref(self, platform: str, key: str, ref: MessageRef) -> bool:
        """Whether this process's rows wait for this card: then the ref, which a sender
        keeps while it delivers a message of the card, is written when that message is
        recorded (right after), with its row's mark in one transaction, and read from here
        until then. False: the caller writes it itself."""
        with self._lock:
            if not self._keys[key]:
                return False
            self._refs[(platform, key)] = ref
            return True

    def held_ref(self, platform: str, key: str) -> MessageRef | None:
        with self._lock:
            return self._refs.get((platform, key))

    @staticmethod
    def _row(team: Team, message: Outbound, now: datetime, due: datetime, *,
             alert: bool = False) -> dict:
        return {"platform": team.platform, "workspace": team.workspace, "team_id": team.id,
                "kind": type(message).__name__, "key": _key(message),
                "channel": getattr(message, "channel", None), "body": codec.encode(message),
                "created_at": now, "due_at": due, "alert": alert}

    def channel_chosen(self, session: Session, team: Team, old: str | None, now: datetime) -> None:
        """The team reads `team.review_channel` from now on: its cards never shown elsewhere
        are settled as superseded (the missing-cards job posts them there anew), and its channel
        messages still waiting for the old channel go to the new one (a card already shown keeps
        its place, and its updates go there)."""
        new = team.review_channel
        outbox.supersede_unshown_cards(session, team_id=team.id, channel=new, now=now)
        if old and new and old != new:
            for row in outbox.waiting_says(session, team_id=team.id, channel=old):
                say = codec.decode(row.body)
                if isinstance(say, Say) and not say.direct:
                    outbox.repoint(session, row_id=row.id, channel=new,
                                   body=codec.encode(replace(say, channel=new)))

    # -- the dispatcher's hook: the one place that knows whether it arrived ------------
    def record(self, platform: str, message: Outbound, result: Result) -> None:
        log_result(platform, message, result)
        with self._lock:
            kept = self._waiting.get(id(message))
            if kept is not None and kept.message is not message:
                kept = None
            if kept is not None:
                del self._waiting[id(message)]
                self._forget(message)
            key = _key(message)
            ref = self._refs.pop((platform, key), None) if key else None
        if kept is None and ref is None:
            return
        now = self.desk.now()
        try:
            with self.desk.db.unit() as session:
                if ref is not None:
                    repo.put_ref(session, platform=platform, key=key,
                                 channel=ref.channel, message=ref.message, thread=ref.thread)
                if kept is not None and isinstance(result, Delivered):
                    outbox.delivered(session, row_id=kept.row_id, now=now)
                elif kept is not None:
                    self._failed(session, kept.row_id, result, now)
        except Exception:  # the next message must still go out; the job sees to this row
            log.exception("settling outbox row %s failed", kept.row_id if kept else "-")
            if ref is not None:
                self._keep_ref(platform, key, ref)

    def _keep_ref(self, platform: str, key: str, ref: MessageRef) -> None:
        """The card is shown whatever became of its row: its ref must not be lost."""
        try:
            with self.desk.db.unit() as session:
                repo.put_ref(session, platform=platform, key=key, channel=ref.channel,
                             message=ref.message, thread=ref.thread)
        except Exception:
            log.exception("keeping where card %s landed failed", key)

    def _failed(self, session: Session, row_id: int, failed: Failed, now: datetime) -> None:
        row = session.get(OutboxItem, row_id)
        if row is None or row.delivered_at is not None:
            return
        give_up = row.alert and not failed.transient or now - row.created_at > GIVE_UP
        if give_up:
            log.warning("giving up %s %d after %d tries: %s", row.kind, row.id, row.attempts,
                        failed.reason)
        outbox.failed(session, row_id=row_id, reason=failed.reason,
                      retry_at=None if give_up else now + self.pause(row.attempts, failed),
                      now=now)
        if not row.alert:
            self._tell_lead(session, outbox.team_of(session, row), row.kind, row.key,
                            row.channel, failed, now)

    def alert(self, team_id: int, message: Outbound, failed: Failed) -> None:
        """A scheduled job's post that did not go out (a reminder, a digest: the job keeps its
        own work and tries again later): the lead is told what to fix, as for a kept row."""
        try:
            with self.desk.db.unit() as session:
                self._tell_lead(session, repo.get_team(session, team_id=team_id),
                                type(message).__name__, _key(message),
                                getattr(message, "channel", None), failed, self.desk.now())
        except Exception:  # the job's next posts must still go out; the next failure tells
            log.exception("telling the lead of team %d failed", team_id)

    @staticmethod
    def pause(attempts: int, failed: Failed) -> timedelta:
        first, most = (RETRY, RETRY_MAX) if failed.transient else (FIX_RETRY, FIX_MAX)
        return min(first * 2 ** min(attempts, 16), most)

    def _tell_lead(self, session: Session, team: Team | None, kind: str, key: str | None,
                   channel: str | None, failed: Failed, now: datetime) -> None:
        """Once per failure and workspace, in the team's language: in the review channel when
        it works (a thread the bot may not start), else by direct message (a post the channel
        itself refused); a role as lead can only be told in the channel."""
        reason = failed.reason
        if failed.transient or not failed.tell or team is None or not team.lead or \
                outbox.told_already(session, platform=team.platform, workspace=team.workspace,
                                    reason=reason):
            return
        lead = team.lead
        shown = repo.get_ref(session, platform=team.platform, key=key) if key else None
        channel = channel or (shown.channel if shown else team.review_channel)
        unreachable = reason in UNREACHABLE or reason in REFUSED and kind != "ThreadPost"
        direct = unreachable and not lead.startswith(ROLE)
        if direct:
            channel = lead  # a person's id: the bot's direct messages with them
        if not channel:
            return
        texts = self.desk.texts
        text = texts.text(texts.pick(team.language), f"outbox.lead.{reason}",
                          lead=Mention(lead))
        outbox.add(session, [{**self._row(team, Say(channel, text, direct), now, now,
                                          alert=True), "told": reason}])

    # -- the scheduled job: what is left -----------------------------------------------
    def __call__(self) -> Iterator[Outbox]:
        """Take what is due; one outbox per case (its rows in order: the first failure stops
        the rest) and one per other message."""
        now = self.desk.now()
        with self.desk.db.unit() as session:
            outbox.prune(session, platforms=self.platforms, before=now - KEEP)
            rows = outbox.take(session, platforms=self.platforms, now=now,
                               lease_until=now + LEASE, limit=BATCH)
        groups: dict[tuple, list[Kept]] = {}
        for row in rows:
            kept = Kept(codec.decode(row.body), row.id)
            group = (row.platform, row.workspace, row.key or f"row:{row.id}")
            groups.setdefault(group, []).append(kept)
        for (platform, workspace, _), kept in groups.items():
            self.expect(kept)
            yield Outbox(platform, workspace, [k.message for k in kept])


def _key(message: Outbound) -> str | None:
    """The card a message is or belongs to (its case's rows go in order)."""
    return message.key if isinstance(message, (Card, ThreadPost)) else None


def tell_lead(desk: "Desk", team_id: int) -> Callable[[Outbound, Failed], None] | None:
    """What a scheduled job's outbox calls when a post did not go out: the outbox's alert."""
    return partial(desk.outbox.alert, team_id) if desk.outbox else None
