"""Neutral messages as Block Kit, kept inside Slack's limits (section text 3,000, fields
10 × 2,000, 50 blocks a message, 100 a view, button text 75, modal title 24, plain-text input
3,000).

Blocks are built as the JSON Slack reads, the dicts `slack_sdk.models` would serialise to:
every card is built again on each change, and building and serialising the model objects
cost more than half a millisecond a card (tests/test_slack_blocks.py holds the two equal)."""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any, Sequence

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

Block = dict[str, Any]


def markdown(text: str, *, verbatim: bool = True) -> Block:
    """Markdown text; `verbatim` keeps Slack from turning names and addresses into links and
    mentions."""
    out = {"type": "mrkdwn", "text": text}
    if verbatim:
        out["verbatim"] = True
    return out


def plain(text: str, *, emoji: bool = True) -> Block:
    out = {"type": "plain_text", "text": text}
    if emoji:
        out["emoji"] = True
    return out


def section(text: str, accessory: Block | None = None) -> Block:
    block = {"type": "section", "text": markdown(text)}
    if accessory is not None:
        block["accessory"] = accessory
    return block


def sections(text: Rich) -> list[Block]:
    """Text in as many sections as it needs."""
    return [section(mrkdwn(piece)) for piece in split(text, SECTION_TEXT)]


def fallback(text: Rich) -> str:
    """The `text` of a message with blocks: what notifications and screen readers show."""
    return truncate(text, FALLBACK_TEXT)


def button(b: Button) -> Block:
    out = {"type": "button", "text": plain(clip(b.label, BUTTON_TEXT)), "action_id": b.action}
    if b.value:
        out["value"] = b.value
    if b.style:
        out["style"] = b.style
    return out


def field(label: str, value: Rich) -> Block:
    title = f"*{escape(label)}*\n"
    return markdown(title + truncate(value, FIELD_TEXT - len(title)))


def card_blocks(card: Card) -> list[Block]:
    head: list[Block] = [section(truncate(card.title, SECTION_TEXT))]
    tail: list[Block] = []
    fields = [field(label, value) for label, value in card.fields]
    for i in range(0, len(fields), FIELDS_PER_SECTION):
        tail.append({"type": "section", "fields": fields[i:i + FIELDS_PER_SECTION]})
    if card.footer:
        tail.append({"type": "context", "elements": [
            markdown(mrkdwn(piece)) for piece in split(card.footer, SECTION_TEXT)[:CONTEXT_ELEMENTS]]})
    tail += actions(card.buttons)
    body = sections(card.body)
    room = MESSAGE_BLOCKS - len(head) - len(tail)
    if len(body) > room:  # beyond the review length limit; cut rather than fail
        log.warning("card %s: the body needs %d sections, %d shown", card.key, len(body), room)
        body = body[:room]
    return [*head, *body, *tail]


def actions(buttons: Sequence[Button]) -> list[Block]:
    return [{"type": "actions", "elements": [button(b) for b in buttons[i:i + BUTTONS_PER_BLOCK]]}
            for i in range(0, len(buttons), BUTTONS_PER_BLOCK)]


def text_blocks(text: Rich, buttons: Sequence[Button] = ()) -> list[Block]:
    """A plain message (a thread post with its buttons, a notice) as sections."""
    tail = actions(buttons)
    return [*sections(text)[:MESSAGE_BLOCKS - len(tail)], *tail]


def modal(form: Form, metadata: str) -> Block:
    return {"type": "modal", "callback_id": form.form, "private_metadata": metadata,
            "title": plain(clip(form.title, MODAL_TITLE)), "submit": plain(clip(form.submit, MODAL_TITLE)),
            "blocks": [b for i in form.inputs for b in input_blocks(i)][:VIEW_BLOCKS]}


def input_blocks(item: Input) -> list[Block]:
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


def input_block(item: Input) -> Block:
    block = {"type": "input", "block_id": item.name, "label": plain(clip(item.label, LABEL_TEXT)),
             "element": input_element(item), "optional": not item.required}
    if item.hint:
        block["hint"] = plain(clip(item.hint, LABEL_TEXT))
    return block


def input_element(item: Input) -> Block:
    if item.kind in ("user", "person_or_role"):  # Slack has no roles to pick
        element = {"type": "users_select", "action_id": VALUE}
        if item.value:
            element["initial_user"] = item.value
        return element
    if item.kind == "select":
        options = [{"text": plain(clip(c.label, OPTION_TEXT)), "value": c.value}
                   for c in item.choices][:OPTIONS]
        element = {"type": "static_select", "action_id": VALUE, "options": options}
        chosen = next((o for o in options if o["value"] == item.value), None)
        if chosen is not None:
            element["initial_option"] = chosen
        return element
    limit = min(item.max_length or INPUT_TEXT, INPUT_TEXT)
    element = {"type": "plain_text_input", "action_id": VALUE, "max_length": limit}
    if item.kind == "long":
        element["multiline"] = True
    if item.value[:limit]:
        element["initial_value"] = item.value[:limit]
    return element


def home_view(home: Home) -> Block:
    blocks: list[Block] = []
    per_section = (VIEW_BLOCKS // max(len(home.sections), 1)) - 3
    for part in home.sections:
        if blocks:
            blocks.append({"type": "divider"})
        blocks += home_section(part, per_section)
    return {"type": "home", "blocks": blocks}


def home_section(part: HomeSection, room: int) -> list[Block]:
    blocks: list[Block] = [{"type": "header", "text": plain(clip(str(part.title), HEADER_TEXT), emoji=False)}]
    if not part.lines:
        return [*blocks, {"type": "context", "elements": [
            markdown(truncate(part.empty, SECTION_TEXT), verbatim=False)]}]
    for line in part.lines[:room]:
        blocks.append(section(truncate(line.text, SECTION_TEXT),
                              button(line.button) if line.button else None))
    if len(part.lines) > room:
        blocks.append({"type": "context", "elements": [
            markdown(f"+{len(part.lines) - room}", verbatim=False)]})
    return blocks
