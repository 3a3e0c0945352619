"""The card shows what matters: the holding reply once it is posted, the public reply's
version and link, the case's themes, and a hint that reads once."""
from tests.harness import TestChannel


def fields(card) -> dict[str, str]:
    return {label: str(value) for label, value in card.fields}


def test_a_posted_holding_reply_shows_on_the_card(app, clock):
    channel = TestChannel(app)
    channel.setup("Ann")
    case = channel.claimed("Ann", text="The parcel never came.")
    channel.submit("Ann", "draft", {"kind": "holding", "text": "Dear Sam, we are on it. Ann"},
                   str(case))
    clock.advance(minutes=5)
    card = channel.submit("Ann", "posted", {"version": "1"}, str(case)).card
    assert fields(card)["Holding reply"] == "v1, posted 23-11 10:05"


def test_the_public_reply_shows_its_version_and_link(app, clock):
    channel = TestChannel(app)
    channel.setup("Ann")
    case = channel.claimed("Ann", text="The parcel never came.")
    channel.submit("Ann", "draft", {"kind": "reply", "text": "Dear Sam, sorry. Ann"}, str(case))
    channel.submit("Ann", "draft", {"kind": "reply", "text": "Dear Sam, we are sorry. Ann"},
                   str(case))
    card = channel.submit("Ann", "posted", {"version": "2",
                                            "link": "https://g.page/r/abc#reply"}, str(case)).card
    reply = dict(card.fields)["Public reply"]
    assert str(reply).startswith("v2, posted 23-11 10:00")
    assert "https://g.page/r/abc#reply" in [getattr(p, "url", None) for p in reply]


def test_the_cases_themes_are_on_the_card(app):
    channel = TestChannel(app)
    channel.setup("Ann")
    card = channel.submit("Ann", "forward", {
        "source": "google", "text": "The delivery was late and the food was cold."}).card
    assert fields(card)["Themes"] == "Delivery, Quality"


def test_the_hint_is_labelled_once_and_never_shows_an_empty_dash(app):
    channel = TestChannel(app)
    channel.setup("Ann")
    card = channel.submit("Ann", "forward", {"source": "google", "text": "Not good."}).card
    hint = fields(card)["Hint"]
    assert not hint.startswith("Hint")
    assert "(—)" not in hint
    channel.setup("Ann", language="nl")
    card = channel.click("Ann", "vote_respond", int(card.key.split(":")[1])).card
    hint = fields(card)["Tip"]
    assert not hint.startswith("Tip") and "(—)" not in hint


def test_the_review_link_shows_where_it_really_goes(app):
    channel = TestChannel(app)
    channel.setup("Ann")
    card = channel.submit("Ann", "forward", {"source": "google", "text": "Cold soup.",
                                             "link": "https://www.yelp.nl/biz/cafe-x?hrid=1"}).card
    (link,) = dict(card.fields)["Review"]
    assert (link.url, link.label) == ("https://www.yelp.nl/biz/cafe-x?hrid=1", "yelp.nl")
