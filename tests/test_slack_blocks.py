"""Block Kit is built as plain JSON (bot/adapters/slack/blocks.py); slack_sdk's own models must
read every block back and write it out unchanged, so what Slack gets is what the SDK's models
would have sent."""

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.adapters.slack.blocks import card_blocks, home_view, modal, text_blocks
from bot.messages import Button, Card, Choice, Form, Home, HomeLine, HomeSection, Input
from bot.text import Rich

BUTTONS = [Button(f"act_{n}", f"Label {n}", value=str(n) if n % 2 else "",
                  style="primary" if n == 1 else None) for n in range(30)]


def round_trips(blocks: list[dict]) -> None:
    for block in blocks:
        assert Block.parse(block).to_dict() == block


def test_a_card_with_every_part():
    card = Card("case:1", "C1", Rich("*Case #1*"), body=Rich("The review <@U123> & more " * 400),
                fields=[(f"Field {n}", Rich(f"value {n}")) for n in range(12)], buttons=BUTTONS,
                footer=Rich("Forwarded by Ann"))
    blocks = card_blocks(card)
    assert [b["type"] for b in blocks].count("actions") == 2  # 25 buttons a block
    assert all(b["text"]["verbatim"] for b in blocks if b["type"] == "section" and "text" in b)
    round_trips(blocks)


@pytest.mark.parametrize("buttons", [(), BUTTONS[:2]])
def test_a_plain_message(buttons):
    round_trips(text_blocks(Rich("Forwarded as case #4."), buttons))


def test_a_form_with_every_kind_of_input():
    form = Form("draft", "Draft for case #12 of many", [
        Input("text", "Reply", kind="long", value="x " * 2000, hint="Write it in your own words"),
        Input("who", "Owner", kind="user", value="U0ANN"),
        Input("nobody", "Owner", kind="user", required=False),
        Input("when", "When", kind="select", value="b", choices=[Choice("a", "A"), Choice("b", "B")]),
        Input("unset", "When", kind="select", choices=[Choice("a", "A")]),
        Input("link", "Link", kind="url", max_length=500),
    ], submit="Save")
    view = modal(form, "meta")
    assert [b["block_id"] for b in view["blocks"]][:2] == ["text", "text#2"]
    assert View(**view).to_dict() == view


def test_a_home_page_with_an_empty_section_and_one_too_long():
    home = Home([HomeSection(Rich("Yours"), empty=Rich("Nothing waits for you.")),
                 HomeSection(Rich("Open"), lines=[HomeLine(Rich(f"#{n}"), BUTTONS[n % 3]) for n in range(60)]),
                 HomeSection(Rich("Done"), lines=[HomeLine(Rich("#1"))])])
    view = home_view(home)
    assert {"type": "context", "elements": [{"type": "mrkdwn", "text": "+30"}]} in view["blocks"]
    assert View(**view).to_dict() == view
