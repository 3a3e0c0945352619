"""Cards, thread posts, messages and files in channels: what needs no interaction.

A card is posted once and edited in place afterwards; where it lives is kept in the message
refs, so a restarted bot edits the same message. A card's thread is started from the card
message on its first post (on Discord such a thread has the message's id).
"""
from __future__ import annotations

import asyncio
import io
import logging
from typing import Mapping, Sequence

import discord

from bot.adapters.discord.components import card_view
from bot.adapters.discord.embeds import card_embed
from bot.adapters.discord.inbound import PLATFORM
from bot.adapters.discord.markdown import MESSAGE_LIMIT, allowed, clip, render, split
from bot.i18n import Catalogs
from bot.messages import (Button, Card, CardVersions, File, MessageRef, MessageRefs, Outbound, Say,
                          ThreadPost)
from bot.text import Rich, Strong

log = logging.getLogger(__name__)

THREAD_NAME = 100
ARCHIVE_AFTER = 10_080  # minutes: a week without posts before Discord hides the thread
THREAD_EXISTS = 160004  # Discord's error code: this message already has a thread


class Poster:
    def __init__(self, client: discord.Client, refs: MessageRefs, texts: Catalogs, lang: str) -> None:
        self.client, self.refs, self.texts, self.lang = client, refs, texts, lang
        self.versions = CardVersions()

    def _text(self, key: str, **values: object) -> str:
        return self.texts.plain(self.lang, key, **values)

    def _channel(self, channel_id: str) -> discord.PartialMessageable:
        return self.client.get_partial_messageable(int(channel_id))

    async def ref(self, key: str) -> MessageRef | None:
        return await asyncio.to_thread(self.refs.get, PLATFORM, key)

    async def _remember(self, key: str, ref: MessageRef) -> None:
        await asyncio.to_thread(self.refs.put, PLATFORM, key, ref)

    def render_card(self, card: Card) -> tuple[dict, bool]:
        """Keyword arguments for sending or editing the card, and whether the review was shortened."""
        embed, shortened = card_embed(card, self._text("discord.case.more"))
        mentions = allowed(card.title, card.body, card.footer, *(v for _, v in card.fields))
        return {"embed": embed, "view": card_view(card.buttons), "allowed_mentions": mentions}, shortened

    async def deliver(self, messages: Sequence[Outbound],
                      refs: Mapping[str, MessageRef | None] | None = None) -> list[Outbound]:
        """Cards, thread posts, messages and files, in order; `refs` when already looked up.
        Returns what could not be delivered."""
        missed: list[Outbound] = []
        for message in messages:
            if isinstance(message, Card):
                known = refs is not None and message.key in refs
                await self.card(message, refs[message.key] if known else await self.ref(message.key))
            elif isinstance(message, ThreadPost):
                if not await self.thread_post(message):
                    missed.append(message)
            elif isinstance(message, Say):
                await self.say(message)
            elif isinstance(message, File):
                await self.file(message)
            else:  # notices and forms are for a person who acted
                log.warning("%s cannot be sent without an interaction; skipped", type(message).__name__)
        return missed

    async def card(self, card: Card, ref: MessageRef | None) -> None:
        """Edit the card's message, or post it when there is none (any more); an older
        version that arrives after a newer one is dropped."""
        if not self.versions.current(card):
            return
        shown, shortened = self.render_card(card)
        if ref is not None:
            try:
                await self._channel(ref.channel).get_partial_message(int(ref.message)).edit(**shown)
                return
            except discord.NotFound:
                log.warning("the message of %s is gone; posting the card again", card.key)
        message = await self._channel(card.channel).send(**shown)
        ref = MessageRef(card.channel, str(message.id))
        await self._remember(card.key, ref)
        if shortened:  # the embed shows the start of the review: the thread gets all of it
            full = Rich([Strong(self._text("discord.case.full_text")), "\n", *card.body])
            await self.thread_post(ThreadPost(card.key, full), ref)

    async def thread_post(self, post: ThreadPost, ref: MessageRef | None = None) -> bool:
        """Post under the card; False when no card with that key is shown on Discord."""
        ref = ref or await self.ref(post.key)
        if ref is None:
            log.warning("no card shown for %s; its thread post is not sent", post.key)
            return False
        thread_id = ref.thread or await self._start_thread(post.key, ref)
        await self._send(thread_id, post.text, post.buttons)
        return True

    async def _start_thread(self, key: str, ref: MessageRef) -> str:
        name = self._text("discord.case.thread", number=key.rsplit(":", 1)[-1])
        channel_id = int(ref.channel)  # a thread needs the channel's server: the cached channel has it
        channel = self.client.get_channel(channel_id) or await self.client.fetch_channel(channel_id)
        message = channel.get_partial_message(int(ref.message))
        try:
            thread_id = str((await message.create_thread(name=clip(name, THREAD_NAME),
                                                         auto_archive_duration=ARCHIVE_AFTER)).id)
        except discord.HTTPException as err:
            if err.code != THREAD_EXISTS:  # started a moment ago, by another event or process
                raise
            thread_id = ref.message
        await self._remember(key, MessageRef(ref.channel, ref.message, thread_id))
        return thread_id

    async def say(self, say: Say) -> None:
        await self._send(say.channel, say.text)

    async def file(self, file: File) -> None:
        attachment = discord.File(io.BytesIO(file.content), filename=file.filename,
                                  description=file.title or None)
        await self._channel(file.channel).send(clip(render(file.text), MESSAGE_LIMIT) or None,
                                               file=attachment, allowed_mentions=allowed(file.text))

    async def _send(self, channel_id: str, text: Rich, buttons: Sequence[Button] = ()) -> None:
        """The text in as many messages as it needs; buttons go under the last one."""
        channel = self._channel(channel_id)
        chunks = split(render(text))
        for i, chunk in enumerate(chunks, 1):
            extra = {"view": card_view(buttons)} if buttons and i == len(chunks) else {}
            await channel.send(chunk, allowed_mentions=allowed(text), **extra)
