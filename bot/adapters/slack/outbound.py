"""Neutral messages delivered through the Web API.

A card is posted once and then updated in place: its channel and timestamp are kept in the
message refs (in the database), so any process updates the same message and posts in the same
thread. Bot-initiated messages (reminders, digests) are paced per channel, across processes.
"""
from __future__ import annotations

import logging
import time
from typing import Callable, Sequence

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.adapters.slack.blocks import card_blocks, fallback, home_view, modal, text_blocks
from bot.adapters.slack.inbound import PLATFORM, Origin, form_metadata
from bot.messages import (Card, CardVersions, File, Form, FormErrors, Home, MessageRef,
                          MessageRefs, Notice, Outbound, Outbox, Say, ThreadPost)
from bot.pacing import LocalSlots, Slots

log = logging.getLogger(__name__)

SECONDS_PER_POST = 1.0
GONE = ("message_not_found", "cant_update_message", "channel_not_found", "is_archived")
NOT_THERE = ("channel_not_found", "not_in_channel", "user_not_in_channel")


class Pacer:
    """At most one post a second per channel: Slack's guidance for bursts of bot messages.
    Every process shares the slots when the runtime's do (see bot.pacing)."""

    def __init__(self, seconds: float = SECONDS_PER_POST, *, slots: Slots | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.seconds = seconds
        self.slots = slots or LocalSlots(clock)
        self.sleep = sleep

    def wait(self, channel: str) -> None:
        delay = self.slots.reserve(f"{PLATFORM}:{channel}", self.seconds)
        if delay > 0:
            self.sleep(delay)


class Delivery:
    def __init__(self, client: WebClient, refs: MessageRefs, pacer: Pacer | None = None) -> None:
        self.client = client
        self.refs = refs
        self.pacer = pacer or Pacer()
        self.versions = CardVersions()

    # -- answers to a person's event --------------------------------------------------
    def deliver(self, messages: Sequence[Outbound], origin: Origin) -> None:
        """Deliver each message; one failing does not keep the others back."""
        for message in messages:
            try:
                self.one(message, origin)
            except SlackApiError as err:
                log.exception("delivering %s for %s failed: %s", type(message).__name__,
                              origin.user, err.response.get("error"))

    def one(self, message: Outbound, origin: Origin | None) -> None:
        if isinstance(message, Card):
            self.card(message)
        elif isinstance(message, ThreadPost):
            self.thread_post(message)
        elif isinstance(message, Say):
            self.post(message.channel, message.text)
        elif isinstance(message, File):
            self.file(message)
        elif origin is None:
            log.warning("%s needs a person to show it to; none in a bot-initiated message",
                        type(message).__name__)
        elif isinstance(message, Notice):
            self.notice(message, origin)
        elif isinstance(message, Form):
            self.form(message, origin)
        elif isinstance(message, Home):
            self.client.views_publish(user_id=origin.user, view=home_view(message))
        elif isinstance(message, FormErrors):
            log.warning("form errors outside a form submission: %s", message.errors)

    # -- bot-initiated ----------------------------------------------------------------
    def send(self, outbox: Outbox) -> None:
        """Deliver a scheduled outbox, paced; a failure raises so the job tries again."""
        if outbox.platform != PLATFORM:
            raise ValueError(f"an outbox for {outbox.platform} reached the Slack adapter")
        for message in outbox.messages:
            channel = self.channel_of(message)
            if channel:
                self.pacer.wait(channel)
            self.one(message, None)

    def channel_of(self, message: Outbound) -> str | None:
        if isinstance(message, (Card, Say, File)):
            return message.channel
        if isinstance(message, ThreadPost):
            ref = self.refs.get(PLATFORM, message.key)
            return ref.channel if ref else None
        return None

    # -- each kind of message ---------------------------------------------------------
    def card(self, card: Card) -> None:
        with self.versions.lock(card.key):
            if self.versions.current(card):
                self.show_card(card)
            else:
                log.info("card %s v%d arrived after a newer one; not shown", card.key,
                         card.version)

    def show_card(self, card: Card) -> None:
        blocks, text = card_blocks(card), fallback(card.title)
        ref = self.refs.get(PLATFORM, card.key)
        if ref is not None:
            try:
                self.client.chat_update(channel=ref.channel, ts=ref.message, blocks=blocks,
                                        text=text)
                return
            except SlackApiError as err:
                if err.response.get("error") not in GONE:
                    raise
                log.warning("card %s is gone from Slack (%s); posting it again", card.key,
                            err.response.get("error"))
        if not card.channel:
            log.warning("card %s has no channel to go to", card.key)
            return
        posted = self.client.chat_postMessage(channel=card.channel, blocks=blocks, text=text,
                                              unfurl_links=False, unfurl_media=False)
        self.refs.put(PLATFORM, card.key, MessageRef(posted["channel"], posted["ts"], posted["ts"]))

    def thread_post(self, post: ThreadPost) -> None:
        ref = self.refs.get(PLATFORM, post.key)
        if ref is None:
            log.warning("no Slack message for %s: thread post dropped", post.key)
            return
        self.client.chat_postMessage(channel=ref.channel, thread_ts=ref.thread or ref.message,
                                     blocks=text_blocks(post.text, post.buttons),
                                     text=fallback(post.text),
                                     unfurl_links=False, unfurl_media=False)

    def post(self, channel: str, text) -> None:
        self.client.chat_postMessage(channel=channel, blocks=text_blocks(text),
                                     text=fallback(text), unfurl_links=False, unfurl_media=False)

    def notice(self, notice: Notice, origin: Origin) -> None:
        """Ephemeral in the channel; else by the response URL; else a direct message."""
        blocks, text = text_blocks(notice.text), fallback(notice.text)
        if origin.channel:
            try:
                self.client.chat_postEphemeral(channel=origin.channel, user=origin.user,
                                               blocks=blocks, text=text)
                return
            except SlackApiError as err:
                if err.response.get("error") not in NOT_THERE:
                    raise
        if origin.response_url:
            WebhookClient(origin.response_url).send(text=text, blocks=blocks,
                                                    response_type="ephemeral")
            return
        self.client.chat_postMessage(channel=origin.user, blocks=blocks, text=text)

    def form(self, form: Form, origin: Origin) -> None:
        if not origin.trigger_id:
            log.warning("form %s cannot open without a trigger id", form.form)
            return
        self.client.views_open(trigger_id=origin.trigger_id,
                               view=modal(form, form_metadata(form.context, origin.channel)))

    def file(self, file: File) -> None:
        self.client.files_upload_v2(channel=file.channel, content=file.content,
                                    filename=file.filename, title=file.title or file.filename,
                                    initial_comment=fallback(file.text) or None)
