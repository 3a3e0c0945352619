"""Neutral messages as Block Kit, built from `slack_sdk.models` objects and kept inside
Slack's limits (section text 3,000, fields 10 × 2,000, 50 blocks a message, 100 a view,
button text 75, modal title 24, plain-text input 3,000)."""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Sequence

from slack_sdk.models.blocks import (ActionsBlock, Block, ButtonElement, ContextBlock,
                                     DividerBlock, HeaderBlock, InputBlock, MarkdownTextObject,
                                     Option, PlainTextInputElement, PlainTextObject, SectionBlock,
                                     StaticSelectElement, UserSelectElement)
from slack_sdk.models.views import View

from bot.adapters.slack.markup import clip, escape, mrkdwn, split, truncate
from bot.messages import Button, Card, Form, Home, HomeSection, Input
from bot.text import Rich

log = logging.getLogger(__name__)

SECTION_TEXT = 3000
FIELD_TEXT = 2000
FIELDS_PER_SECTION = 10
MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
CONTEXT_ELEMENTS = 10
BUTTONS_PER_BLOCK = 25
BUTTON_TEXT = 75
HEADER_TEXT = 150
MODAL_TITLE = 24
INPUT_TEXT = 3000
OPTION_TEXT = 75
OPTIONS = 100
LABEL_TEXT = 2000
FALLBACK_TEXT = 3000
VALUE = "value"  # the action id of every input: its block id is the input's name
PART = "#"  # a long text's inputs after the first: "text#2", "text#3"; joined when submitted


def sections(text: Rich) -> list[SectionBlock]:
    """Text in as many sections as it needs."""
    return [SectionBlock(text=MarkdownTextObject(verbatim=True, text=mrkdwn(piece)))
            for piece in split(text, SECTION_TEXT)]


def fallback(text: Rich) -> str:
    """The `text` of a message with blocks: what notifications and screen readers show."""
    return truncate(text, FALLBACK_TEXT)


def button(b: Button) -> ButtonElement:
    return ButtonElement(text=clip(b.label, BUTTON_TEXT), action_id=b.action,
                         value=b.value or None, style=b.style)


def field(label: str, value: Rich) -> MarkdownTextObject:
    title = f"*{escape(label)}*\n"
    return MarkdownTextObject(verbatim=True,
                              text=title + truncate(value, FIELD_TEXT - len(title)))


def card_blocks(card: Card) -> list[Block]:
    head: list[Block] = [SectionBlock(text=MarkdownTextObject(
        verbatim=True, text=truncate(card.title, SECTION_TEXT)))]
    tail: list[Block] = []
    fields = [field(label, value) for label, value in card.fields]
    for i in range(0, len(fields), FIELDS_PER_SECTION):
        tail.append(SectionBlock(fields=fields[i:i + FIELDS_PER_SECTION]))
    if card.footer:
        tail.append(ContextBlock(elements=[
            MarkdownTextObject(verbatim=True, text=mrkdwn(piece))
            for piece in split(card.footer, SECTION_TEXT)[:CONTEXT_ELEMENTS]]))
    tail += actions(card.buttons)
    body = sections(card.body)
    room = MESSAGE_BLOCKS - len(head) - len(tail)
    if len(body) > room:  # beyond the review length limit; cut rather than fail
        log.warning("card %s: the body needs %d sections, %d shown", card.key, len(body), room)
        body = body[:room]
    return [*head, *body, *tail]


def actions(buttons: Sequence[Button]) -> list[Block]:
    return [ActionsBlock(elements=[button(b) for b in buttons[i:i + BUTTONS_PER_BLOCK]])
            for i in range(0, len(buttons), BUTTONS_PER_BLOCK)]


def text_blocks(text: Rich, buttons: Sequence[Button] = ()) -> list[Block]:
    """A plain message (a thread post with its buttons, a notice) as sections."""
    tail = actions(buttons)
    return [*sections(text)[:MESSAGE_BLOCKS - len(tail)], *tail]


def modal(form: Form, metadata: str) -> View:
    return View(type="modal", callback_id=form.form, private_metadata=metadata,
                title=clip(form.title, MODAL_TITLE), submit=clip(form.submit, MODAL_TITLE),
                blocks=[b for i in form.inputs for b in input_blocks(i)][:VIEW_BLOCKS])


def input_blocks(item: Input) -> list[InputBlock]:
    """One input; a text longer than Slack's 3,000 characters in an input (a forwarded
    message of 5,000, say) in as many inputs as it needs, so none of it is lost."""
    parts = text_parts(item.value) if item.kind == "long" else [item.value]
    if len(parts) == 1:
        return [input_block(item)]
    return [input_block(replace(item, name=item.name if n == 1 else f"{item.name}{PART}{n}",
                                label=f"{item.label} ({n}/{len(parts)})", value=part,
                                required=item.required and n == 1, hint=item.hint if n == 1 else "",
                                max_length=INPUT_TEXT))
            for n, part in enumerate(parts, 1)]


def text_parts(text: str) -> list[str]:
    """Pieces of at most INPUT_TEXT characters, each ending after a space or line break where
    one is near (the inputs are joined back as they are)."""
    parts = []
    while len(text) > INPUT_TEXT:
        cut = max(text.rfind(" ", 0, INPUT_TEXT), text.rfind("\n", 0, INPUT_TEXT)) + 1
        cut = cut if cut > INPUT_TEXT // 2 else INPUT_TEXT
        parts.append(text[:cut])
        text = text[cut:]
    return [*parts, text]


def input_block(item: Input) -> InputBlock:
    return InputBlock(block_id=item.name, label=clip(item.label, LABEL_TEXT),
                      element=input_element(item), optional=not item.required,
                      hint=clip(item.hint, LABEL_TEXT) if item.hint else None)


def input_element(item: Input):
    if item.kind in ("user", "person_or_role"):  # Slack has no roles to pick
        return UserSelectElement(action_id=VALUE, initial_user=item.value or None)
    if item.kind == "select":
        options = [Option(value=c.value, label=clip(c.label, OPTION_TEXT))
                   for c in item.choices][:OPTIONS]
        chosen = next((o for o in options if o.value == item.value), None)
        return StaticSelectElement(action_id=VALUE, options=options, initial_option=chosen)
    limit = min(item.max_length or INPUT_TEXT, INPUT_TEXT)
    return PlainTextInputElement(action_id=VALUE, multiline=item.kind == "long" or None,
                                 initial_value=item.value[:limit] or None, max_length=limit)


def home_view(home: Home) -> View:
    blocks: list[Block] = []
    per_section = (VIEW_BLOCKS // max(len(home.sections), 1)) - 3
    for section in home.sections:
        if blocks:
            blocks.append(DividerBlock())
        blocks += home_section(section, per_section)
    return View(type="home", blocks=blocks)


def home_section(section: HomeSection, room: int) -> list[Block]:
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(
        text=clip(str(section.title), HEADER_TEXT)))]
    if not section.lines:
        return [*blocks, ContextBlock(elements=[MarkdownTextObject(
            text=truncate(section.empty, SECTION_TEXT))])]
    for line in section.lines[:room]:
        blocks.append(SectionBlock(text=MarkdownTextObject(verbatim=True,
                                                           text=truncate(line.text, SECTION_TEXT)),
                                   accessory=button(line.button) if line.button else None))
    if len(section.lines) > room:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(
            text=f"+{len(section.lines) - room}")]))
    return blocks
