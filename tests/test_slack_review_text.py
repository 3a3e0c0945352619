"""A review forwarded on Slack keeps its whole text, its site and its people's names, and
its text shows literally: Slack's markup in a review never formats anything."""
from __future__ import annotations

import html
import json
import re

import pytest

from tests.fakes.slack_fake import message_shortcut_body
from tests.slack_support import Slack, no_logged_errors, slack_api  # noqa: F401

BOB = "U0BOB"
LITERAL = re.compile(r"<!date\^0+\^\{_\}\|([^<>]*)>")  # Slack shows a bad date's fallback as is


@pytest.fixture
def slack(app, slack_api):
    return Slack(app, slack_api)


def shown(mrkdwn: str) -> str:
    """What a person reads in a section: the literal runs back in place."""
    return html.unescape(LITERAL.sub(lambda m: m.group(1), mrkdwn))


def quoted(card: dict) -> str:
    sections = [b["text"]["text"] for b in card["blocks"] if b["type"] == "section" and "text" in b]
    return "\n".join(shown(line[2:]) for s in sections for line in s.split("\n")
                     if line.startswith("> "))


def test_a_long_message_is_forwarded_whole(slack):
    text = " ".join(f"word{i}" for i in range(1000))[:5000].strip()
    slack.dispatch(message_shortcut_body("forward_message", {"text": text, "user": BOB}))
    view = slack.opened_view()
    parts = [b for b in view["blocks"] if b["block_id"].startswith("text")]
    assert len(parts) == 2
    assert all(len(p["element"]["initial_value"]) <= p["element"]["max_length"] <= 3000
               for p in parts)
    slack.submit()
    [card] = slack.cards()
    assert quoted(card).split() == text.split()


@pytest.mark.parametrize("link, site", [
    ("https://www.yelp.nl/biz/cafe-x", "other"),
    ("https://nl.trustpilot.com/reviews/abc", "trustpilot"),
])
def test_the_form_guesses_the_site_from_the_link(slack, link, site):
    slack.dispatch(message_shortcut_body("forward_message",
                                         {"text": f"Terrible service. <{link}>", "user": BOB}))
    view = slack.opened_view()
    source = next(b for b in view["blocks"] if b["block_id"] == "source")["element"]
    assert source["initial_option"]["value"] == site


def test_the_card_names_the_links_real_domain(slack):
    slack.dispatch(message_shortcut_body("forward_message", {
        "text": "Terrible service. <https://www.yelp.nl/biz/cafe-x>", "user": BOB}))
    slack.submit({"source": "google"})
    [card] = slack.cards()
    assert "<https://www.yelp.nl/biz/cafe-x|yelp.nl>" in json.dumps(card["blocks"])


def test_mentions_in_a_forwarded_message_show_names(slack, slack_api):
    slack_api.users[BOB] = {"name": "bob", "real_name": "Bob Jansen"}
    slack.dispatch(message_shortcut_body("forward_message", {
        "text": "<@U0BOB> was rude to me at the till", "user": "U0ANN"}))
    view = slack.opened_view()
    text = next(b for b in view["blocks"] if b["block_id"] == "text")["element"]["initial_value"]
    assert text == "@bob was rude to me at the till"


def test_a_review_of_only_a_mention_is_refused(slack):
    slack.command("<!everyone>")
    assert slack.cards() == []
    assert any("only a mention" in t for t in slack.ephemerals())


def test_a_review_of_only_emoji_is_a_review(slack):
    slack.command("😡😡😡 👎")
    [card] = slack.cards()
    assert "😡😡😡 👎" in quoted(card)


def test_review_text_never_renders_as_slack_markup(slack):
    review = "*Worst* _ever_ ~sorry~ `x` ```rm -rf``` :rage: > not a quote"
    slack.command(review)
    [card] = slack.cards()
    sections = [b["text"]["text"] for b in card["blocks"] if b["type"] == "section" and "text" in b]
    body = next(s for s in sections if s.startswith("> "))
    outside = LITERAL.sub("", body)
    assert not re.search(r"[*_~`]", outside.replace(":rage:", ""))
    assert quoted(card) == review


def test_names_and_other_typed_values_never_render_as_markup(slack, slack_api):
    slack.command("")
    slack.submit({"text": "Cold soup.", "customer": "*Sam* _the_ `boss`", "source": "google"})
    [card] = slack.cards()
    title = card["blocks"][0]["text"]["text"]
    assert not re.search(r"[*_`]", LITERAL.sub("", title).replace("*#1*", ""))
    assert "*Sam* _the_ `boss`" in shown(title)
