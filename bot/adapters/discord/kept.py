"""Interactions kept in the inbox until worked, and the answer to one worked after the process
that took it stopped or died.

What is kept is the neutral event (`bot.events.to_record`) and what answering needs, not
Discord's payload: discord.py keeps no payload to rebuild an `Interaction` from, and a form in
parts becomes one event only once its parts are joined in memory. The interaction's id is
the receipt, so a re-delivery is the same row.

A late answer goes through the interaction's follow-up webhook while its token lives (15
minutes, and only if the interaction was acknowledged); else to the person by direct message;
else (direct messages closed) in the channel where they acted, mentioning them. Always in the
language they had, and never as the response itself: no modal, no update of a clicked card
as the answer (the card is edited as any card is).
"""
from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import discord

from bot.adapters.discord.answer import Answer
from bot.adapters.discord.markdown import MESSAGE_LIMIT, allowed, clip, render
from bot.adapters.discord.posting import direct_message
from bot.events import Event, from_record, to_record
from bot.text import Mention, Rich, join

if TYPE_CHECKING:
    from bot.adapters.discord.client import DeskClient

log = logging.getLogger(__name__)

# An interaction's token lives 15 minutes; a follow-up must reach Discord before that.
TOKEN_LIFE = timedelta(minutes=14)


@dataclass(frozen=True)
class Reply:
    """Where to answer an interaction without it: its follow-up webhook, the person, the
    channel (a thread's own id when they acted in a thread)."""

    application: str
    token: str
    user: str
    channel: str
    guild: str | None
    lang: str
    at: str  # when it was received (ISO), for the token's life


@dataclass(frozen=True)
class Kept:
    event: Event
    opener: Event | None  # the event that opens the form a command stands for
    reply: Reply

    @classmethod
    def of(cls, interaction: discord.Interaction, event: Event, opener: Event | None,
           lang: str, now: datetime) -> "Kept":
        return cls(event, opener, Reply(
            application=str(interaction.application_id), token=interaction.token,
            user=str(interaction.user.id), channel=str(interaction.channel_id),
            guild=str(interaction.guild_id) if interaction.guild_id else None, lang=lang,
            at=now.isoformat()))

    def dump(self) -> str:
        return json.dumps({"event": to_record(self.event),
                           "opener": to_record(self.opener) if self.opener else None,
                           "reply": asdict(self.reply)})

    @classmethod
    def load(cls, body: str) -> "Kept":
        data: dict[str, Any] = json.loads(body)
        return cls(from_record(data["event"]),
                   from_record(data["opener"]) if data["opener"] else None,
                   Reply(**data["reply"]))


class LateAnswer(Answer):
    """The `Answer` to a kept interaction, said with no `Interaction` at hand."""

    def __init__(self, client: "DeskClient", reply: Reply) -> None:
        super().__init__(client, None, reply.lang,
                         guild_id=int(reply.guild) if reply.guild else None)
        self.reply = reply
        self.token_until = datetime.fromisoformat(reply.at) + TOKEN_LIFE
        self.follow_up_refused = False

    @property
    def responded(self) -> bool:
        return True  # by the process that took it, or never: a response is too late now

    @property
    def updates_a_message(self) -> bool:
        return False

    async def privately(self, text: Rich, view: discord.ui.View | None = None, *,
                        file: discord.File | None = None) -> None:
        extra: dict = {"view": view} if view is not None else {}
        if file is not None:
            extra["file"] = file
        if not await self._follow_up(text, extra) and not await self._direct(text, extra):
            channel = await self._find(self.client.get_channel, self.client.fetch_channel,
                                       self.reply.channel)
            addressed = join([Rich([Mention(self.reply.user)]), text], " ")
            await channel.send(clip(render(addressed), MESSAGE_LIMIT),
                               allowed_mentions=allowed(addressed), **extra)
        self.spoke = True

    async def _follow_up(self, text: Rich, extra: dict) -> bool:
        if self.follow_up_refused or self.client.runtime.clock.now() >= self.token_until:
            return False
        webhook = discord.Webhook.from_state(  # what `Interaction.followup` builds
            {"id": int(self.reply.application), "type": 3, "token": self.reply.token},
            state=self.client._connection)
        try:
            await webhook.send(clip(render(text), MESSAGE_LIMIT), ephemeral=True,
                               allowed_mentions=allowed(text), **extra)
            return True
        except discord.HTTPException as error:  # never acknowledged, or the token ended
            log.info("no follow-up for a kept interaction (%s); trying a direct message", error)
            self.follow_up_refused = True
            self._rewind(extra)
            return False

    async def _direct(self, text: Rich, extra: dict) -> bool:
        try:
            await direct_message(self.client, self.reply.user, text, **extra)
            return True
        except discord.HTTPException as error:  # direct messages closed (50007)
            log.info("no direct message to %s (%s); answering in the channel", self.reply.user,
                     error)
            self._rewind(extra)
            return False

    @staticmethod
    def _rewind(extra: dict) -> None:
        if "file" in extra:
            extra["file"].reset()

    @staticmethod
    async def _find(cached, fetch, object_id: str) -> Any:
        return cached(int(object_id)) or await fetch(int(object_id))

    async def _acknowledge(self) -> None:
        """Say what happened when something was posted; a delivery worked before (its answer
        given then) says nothing."""
        if not self.spoke and self.posted:
            await self.privately(self.confirmation())
