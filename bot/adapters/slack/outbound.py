"""Neutral messages delivered through the Web API: Slack's senders and failures for the
shared dispatcher (bot/delivery).

A card is posted once and then updated in place: its channel and timestamp are kept in the
message refs (in the database), so any process updates the same message and posts in the same
thread. Bot-initiated messages (reminders, digests) are paced per channel, across processes.
"""
from __future__ import annotations

import logging
import time
from typing import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.adapters.slack.blocks import card_blocks, fallback, home_view, modal, text_blocks
from bot.adapters.slack.inbound import PLATFORM, Origin, form_metadata
from bot.delivery.contract import SendTable
from bot.delivery.results import Failed
from bot.messages import (Card, CardVersions, File, Form, FormErrors, Home, MessageRef,
                          MessageRefs, Notice, Say, ThreadPost)
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


# Slack's error codes in the contract's words (bot/delivery/results.py).
REASONS = {
    "not_in_channel": "not_in_channel", "user_not_in_channel": "not_in_channel",
    "channel_not_found": "channel_not_found", "is_archived": "channel_not_found",
    "invalid_auth": "invalid_auth", "not_authed": "invalid_auth",
    "account_inactive": "invalid_auth", "token_revoked": "invalid_auth",
    "missing_scope": "missing_access", "restricted_action": "missing_access",
    "ratelimited": "rate_limited", "expired_trigger_id": "expired",
    "invalid_blocks": "invalid", "msg_too_long": "invalid", "invalid_arguments": "invalid",
    "internal_error": "unavailable", "fatal_error": "unavailable",
    "service_unavailable": "unavailable", "request_timeout": "unavailable",
}


def failure(error: Exception) -> Failed | None:
    """A Web API error, or a connection that failed after the client's own retries."""
    if isinstance(error, SlackApiError):
        code = error.response.get("error") or ""
        status = error.response.status_code
        reason = REASONS.get(code) or ("rate_limited" if status == 429 else
                                       "unavailable" if status >= 500 else None)
        return Failed.of(reason, code or str(status)) if reason else None
    if isinstance(error, OSError):  # connection reset or refused, a timeout (URLError too)
        return Failed.of("unavailable", repr(error))
    return None


class Delivery:
    """The Slack senders of the contract: one method per kind of message. `to` is the Origin
    of the person's event being answered, None for bot-initiated messages (those are paced)."""

    def __init__(self, client: WebClient, refs: MessageRefs, pacer: Pacer | None = None) -> None:
        self.client = client
        self.refs = refs
        self.pacer = pacer or Pacer()
        self.versions = CardVersions()

    def senders(self) -> SendTable:
        return {Card: self.card, ThreadPost: self.thread_post, Say: self.say, File: self.file,
                Notice: self.notice, Form: self.form, Home: self.home,
                FormErrors: self.form_errors}

    def ref(self, key: str, to: Origin | None) -> MessageRef | None:
        """Where the card lives: asked once per answer to a person."""
        if to is not None and key in to.refs:
            return to.refs[key]
        ref = self.refs.get(PLATFORM, key)
        if to is not None:
            to.refs[key] = ref
        return ref

    def pace(self, channel: str, to: Origin | None) -> None:
        if to is None:
            self.pacer.wait(channel)

    # -- for the channel --------------------------------------------------------------
    def card(self, card: Card, to: Origin | None = None) -> MessageRef | None:
        with self.versions.lock(card.key):
            if self.versions.current(card):
                return self.show_card(card, to)
            log.info("card %s v%d arrived after a newer one; not shown", card.key, card.version)
            return None

    def show_card(self, card: Card, to: Origin | None) -> MessageRef | Failed:
        blocks, text = card_blocks(card), fallback(card.title)
        ref = None if card.new else self.ref(card.key, to)
        if ref is not None:
            self.pace(ref.channel, to)
            try:
                self.client.chat_update(channel=ref.channel, ts=ref.message, blocks=blocks,
                                        text=text)
                return ref
            except SlackApiError as err:
                if err.response.get("error") not in GONE:
                    raise
                log.warning("card %s is gone from Slack (%s); posting it again", card.key,
                            err.response.get("error"))
        if not card.channel:
            return Failed.of("channel_not_found", f"card {card.key} has no channel")
        self.pace(card.channel, to)
        posted = self.client.chat_postMessage(channel=card.channel, blocks=blocks, text=text,
                                              unfurl_links=False, unfurl_media=False)
        ref = MessageRef(posted["channel"], posted["ts"], posted["ts"])
        self.refs.put(PLATFORM, card.key, ref)
        if to is not None:
            to.refs[card.key] = ref
        return ref

    def thread_post(self, post: ThreadPost, to: Origin | None) -> MessageRef | Failed:
        ref = self.ref(post.key, to)
        if ref is None:
            return Failed.of("no_card", post.key)
        self.pace(ref.channel, to)
        thread = ref.thread or ref.message
        posted = self.client.chat_postMessage(channel=ref.channel, thread_ts=thread,
                                              blocks=text_blocks(post.text, post.buttons),
                                              text=fallback(post.text),
                                              unfurl_links=False, unfurl_media=False)
        return MessageRef(ref.channel, posted["ts"], thread)

    def say(self, say: Say, to: Origin | None) -> MessageRef:
        self.pace(say.channel, to)
        posted = self.client.chat_postMessage(channel=say.channel, blocks=text_blocks(say.text),
                                              text=fallback(say.text), unfurl_links=False,
                                              unfurl_media=False)
        return MessageRef(posted["channel"], posted["ts"])

    def file(self, file: File, to: Origin | None) -> None:
        self.pace(file.channel, to)
        self.client.files_upload_v2(channel=file.channel, content=file.content,
                                    filename=file.filename, title=file.title or file.filename,
                                    initial_comment=fallback(file.text) or None)

    # -- for the person who acted -----------------------------------------------------
    def notice(self, notice: Notice, to: Origin) -> None:
        """Ephemeral in the channel; else by the response URL; else a direct message. Slack
        owes the person no answer beyond the acknowledgement: what is in sight goes unsaid."""
        if notice.in_sight:
            return
        blocks, text = text_blocks(notice.text), fallback(notice.text)
        if to.channel:
            try:
                self.client.chat_postEphemeral(channel=to.channel, user=to.user,
                                               blocks=blocks, text=text)
                return
            except SlackApiError as err:
                if err.response.get("error") not in NOT_THERE:
                    raise
        if to.response_url:
            WebhookClient(to.response_url).send(text=text, blocks=blocks,
                                                response_type="ephemeral")
            return
        self.client.chat_postMessage(channel=to.user, blocks=blocks, text=text)

    def form(self, form: Form, to: Origin) -> Failed | None:
        """In place of the submitted form when this answers one; else opened by the trigger."""
        view = modal(form, form_metadata(form.context, to.channel))
        if to.ack is not None and not to.ack.done:
            to.ack(response_action="update", view=view)
        elif to.trigger_id:
            self.client.views_open(trigger_id=to.trigger_id, view=view)
        else:
            return Failed.of("expired", f"form {form.form} cannot open without a trigger id")
        return None

    def home(self, home: Home, to: Origin) -> None:
        self.client.views_publish(user_id=to.user, view=home_view(home))

    def form_errors(self, errors: FormErrors, to: Origin) -> Failed | None:
        """Slack shows a form's problems only in the acknowledgement of its submission, each
        next to its input; one about no input shows on the first."""
        if to.ack is None or to.ack.done:
            return Failed.of("out_of_place", ", ".join(errors.errors))
        blocks = to.ack.blocks
        out: dict[str, str] = {}
        for name, problem in errors.errors.items():
            block = name if name in blocks or not blocks else blocks[0]
            out[block] = f"{out[block]} {problem}" if block in out else problem
        to.ack(response_action="errors", errors=out)
        return None
