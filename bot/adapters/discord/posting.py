"""Cards, thread posts, messages and files in channels: the Discord senders of what needs no
interaction (`said` is the answer to a person, None for bot-initiated messages).

A card is posted once and edited in place afterwards; where it lives is kept in the message
refs, so a restarted bot edits the same message. A card's thread is started from the card
message on its first post (on Discord such a thread has the message's id).
"""
from __future__ import annotations

import asyncio
import io
import logging
from typing import TYPE_CHECKING, Callable, Sequence

import aiohttp
import discord

from bot.adapters.discord.components import card_view
from bot.adapters.discord.embeds import card_embed
from bot.adapters.discord.inbound import PLATFORM
from bot.adapters.discord.markdown import MESSAGE_LIMIT, allowed, clip, render, split
from bot.delivery.patience import call
from bot.delivery.results import Failed
from bot.events import Actor, Command, Event, Place
from bot.i18n import Catalogs
from bot.messages import Button, Card, CardVersions, File, MessageRef, MessageRefs, Say, ThreadPost
from bot.text import Rich, Strong

if TYPE_CHECKING:
    from bot.adapters.discord.answer import Answer

log = logging.getLogger(__name__)

THREAD_NAME = 100
ARCHIVE_AFTER = 10_080  # minutes: a week without posts before Discord hides the thread
THREAD_EXISTS = 160004  # Discord's error code: this message already has a thread
# Discord's error codes in the contract's words; a 400 otherwise means the message was refused.
FAILURES = {50001: "missing_access", 50013: "missing_access", 10003: "channel_not_found",
            10062: "expired", 40060: "expired", 50035: "invalid"}


def failure(error: Exception) -> Failed | None:
    """What Discord's answer means in the contract's words (bot/delivery/results.py)."""
    if isinstance(error, discord.HTTPException):
        if error.status == 429:
            return Failed.of("rate_limited", str(error))
        if error.status >= 500:
            return Failed.of("unavailable", str(error))
        reason = FAILURES.get(error.code) or ("invalid" if error.status == 400 else None)
        return Failed.of(reason, str(error)) if reason else None
    if isinstance(error, (OSError, asyncio.TimeoutError, aiohttp.ClientError)):
        return Failed.of("unavailable", repr(error))
    return None


class Poster:
    def __init__(self, client: discord.Client, refs: MessageRefs, texts: Catalogs, lang: str,
                 team_language: Callable[[Event], str | None] | None = None) -> None:
        self.client, self.refs, self.texts, self.lang = client, refs, texts, lang
        self.team_language = team_language
        self.versions = CardVersions()

    def _text(self, lang: str, key: str, **values: object) -> str:
        return self.texts.plain(lang, key, **values)

    async def lang_of(self, channel_id: str) -> str:
        """The language of the team whose channel this is: what the adapter says there is
        read by the whole team (the bot's LANGUAGE only when the team is not known)."""
        channel = self.client.get_channel(int(channel_id))
        guild = getattr(channel, "guild", None)
        if guild is None or self.team_language is None:
            return self.lang
        place = Place(PLATFORM, str(guild.id), channel_id)
        team = await asyncio.to_thread(self.team_language, Command(Actor("", ""), place, name=""))
        return self.texts.pick(team, self.lang)

    def _channel(self, channel_id: str) -> discord.PartialMessageable:
        return self.client.get_partial_messageable(int(channel_id))

    async def ref(self, key: str) -> MessageRef | None:
        return await asyncio.to_thread(self.refs.get, PLATFORM, key)

    async def _remember(self, key: str, ref: MessageRef) -> None:
        await asyncio.to_thread(self.refs.put, PLATFORM, key, ref)

    def render_card(self, card: Card, lang: str) -> tuple[dict, bool]:
        """Keyword arguments for sending or editing the card, and whether the review was shortened."""
        embed, shortened = card_embed(card, self._text(lang, "discord.case.more"))
        mentions = allowed(card.title, card.body, card.footer, *(v for _, v in card.fields))
        return {"embed": embed, "view": card_view(card.buttons), "allowed_mentions": mentions}, shortened

    async def card(self, card: Card, said: "Answer | None") -> MessageRef | None:
        """The card sender: the clicked card is updated by the interaction's response when it
        can be; any other is edited in place, or posted when it has no message (any more)."""
        known = said is not None and card.key in said.refs
        ref = said.refs[card.key] if known else None if card.new else await self.ref(card.key)
        if said is not None and await said.update_clicked(card):
            return ref
        shown = await self.show(card, ref)
        if said is not None and shown is not None:
            said.posted.append((card, shown))
        return shown

    async def show(self, card: Card, ref: MessageRef | None) -> MessageRef | None:
        """Edit the card's message, or post it when there is none (any more); an older
        version that arrives after a newer one is dropped."""
        if not self.versions.current(card):
            return None
        lang = await self.lang_of(card.channel)
        shown, shortened = self.render_card(card, lang)
        if ref is not None:
            try:
                await call(self._channel(ref.channel).get_partial_message(int(ref.message)).edit(**shown))
                return ref
            except discord.NotFound:
                log.warning("the message of %s is gone; posting the card again", card.key)
        message = await call(self._channel(card.channel).send(**shown))
        ref = MessageRef(card.channel, str(message.id))
        await self._remember(card.key, ref)
        if shortened:  # the embed shows the start of the review: the thread gets all of it
            full = Rich([Strong(self._text(lang, "discord.case.full_text")), "\n", *card.body])
            await self._thread_post(ThreadPost(card.key, full, number=card.number), ref)
        return ref

    async def thread_post(self, post: ThreadPost, said: "Answer | None") -> MessageRef | Failed:
        """Post under the card; failed when no card with that key is shown on Discord (yet)."""
        ref = await self.ref(post.key)
        if ref is None:
            return Failed.of("no_card", post.key)
        posted = await self._thread_post(post, ref)
        if said is not None:
            said.posted.append((post, posted))
        return posted

    async def _thread_post(self, post: ThreadPost, ref: MessageRef) -> MessageRef:
        thread_id = ref.thread or await self._start_thread(post, ref)
        await self._send(thread_id, post.text, post.buttons)
        return MessageRef(ref.channel, ref.message, thread_id)

    async def _start_thread(self, post: ThreadPost, ref: MessageRef) -> str:
        number = post.number or self.versions.number(post.key)
        title = self.versions.title(post.key)  # "#3 · Google · ★★☆☆☆ · Sam": findable by name
        lang = await self.lang_of(ref.channel)
        name = self._text(lang, "discord.case.thread_named", title=title) if title else \
            self._text(lang, "discord.case.thread", number=number) if number else \
            self._text(lang, "discord.case.thread_unnumbered")
        channel_id = int(ref.channel)  # a thread needs the channel's server: the cached channel has it
        channel = self.client.get_channel(channel_id) or \
            await call(self.client.fetch_channel(channel_id), writes=False)
        message = channel.get_partial_message(int(ref.message))
        try:
            thread_id = str((await call(message.create_thread(
                name=clip(name, THREAD_NAME), auto_archive_duration=ARCHIVE_AFTER))).id)
        except discord.HTTPException as err:
            if err.code != THREAD_EXISTS:  # started a moment ago, by another event or process
                raise
            thread_id = ref.message
        await self._remember(post.key, MessageRef(ref.channel, ref.message, thread_id))
        return thread_id

    async def say(self, say: Say, said: "Answer | None") -> None:
        if say.direct:
            await direct_message(self.client, say.channel, say.text)
        else:
            await self._send(say.channel, say.text)

    async def file(self, file: File, said: "Answer | None") -> None:
        attachment = discord.File(io.BytesIO(file.content), filename=file.filename,
                                  description=file.title or None)
        await call(self._channel(file.channel).send(clip(render(file.text), MESSAGE_LIMIT) or None,
                                                    file=attachment,
                                                    allowed_mentions=allowed(file.text)))

    async def _send(self, channel_id: str, text: Rich, buttons: Sequence[Button] = ()) -> None:
        """The text in as many messages as it needs; buttons go under the last one."""
        channel = self._channel(channel_id)
        chunks = split(render(text))
        for i, chunk in enumerate(chunks, 1):
            extra = {"view": card_view(buttons)} if buttons and i == len(chunks) else {}
            await call(channel.send(chunk, allowed_mentions=allowed(text), **extra))


async def direct_message(client: discord.Client, user_id: str, text: Rich, **extra) -> None:
    """To the person alone: discord.py opens the conversation with them first (Discord knows a
    user's id, not a channel to post in); raises when they do not take the bot's messages."""
    user = client.get_user(int(user_id)) or await call(client.fetch_user(int(user_id)), writes=False)
    await call(user.send(clip(render(text), MESSAGE_LIMIT), allowed_mentions=allowed(text), **extra))
