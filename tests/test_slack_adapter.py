"""The Slack adapter through the real bolt request path: signed requests in, Block Kit and Web
API calls out to a loopback fake of Slack."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import bot.adapters.slack
from bot.adapters.slack.adapter import global_shortcuts
from bot.adapters.slack.manifest import features
from bot.events import ButtonClick, Command, FormSubmit, MessageShortcut
from bot.messages import Button, Outbox, ThreadPost
from bot.text import Mention, Rich
from tests.fakes.slack_fake import (CHANNEL_ID, USER_ID, block_action_body, event_body,
                                    global_shortcut_body, message_event, message_shortcut_body,
                                    view_submission_body)
from tests.fakes.slack_fake import bolt_request as bolt
from tests.slack_support import Slack, ack_json, no_logged_errors, slack_api, text_of  # noqa: F401

ANN, BOB = USER_ID, "U0BOB"
MANIFEST = Path(bot.adapters.slack.__file__).with_name("manifest.json")


@pytest.fixture
def slack(app, slack_api):
    return Slack(app, slack_api)


def card_text(call_body: dict) -> str:
    return text_of(call_body["blocks"])


# -- forwarding ------------------------------------------------------------------------------

def test_slash_command_with_text_posts_a_card_and_tells_only_the_sender(slack, slack_api):
    slack.command("Cold fries and a rude cashier, never again. https://g.page/r/abc")

    [card] = slack.cards()
    assert "#1" in card_text(card) and "Google" in card_text(card)
    assert "> Cold fries and a rude cashier" in card_text(card)
    buttons = [e for b in card["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [(b["action_id"], b["value"]) for b in buttons][:2] == [("vote_respond", "1"),
                                                                 ("vote_ignore", "1")]
    assert any("case #1" in t for t in slack.ephemerals())
    assert slack_api.calls("views.open") == []


def test_in_the_review_channel_the_new_card_is_the_confirmation(slack, slack_api):
    """No second call to say what the person sees appear; from elsewhere they are told."""
    slack.command("setup")
    slack.submit()  # the settings as they are: this channel becomes the review channel
    told = len(slack.ephemerals())
    slack.command("Cold fries and a rude cashier, never again.")
    assert len(slack.cards()) == 1 and len(slack.ephemerals()) == told

    slack.command("The waiter spilled soup on my coat.", channel_id="C0ELSEWHERE")
    assert len(slack.cards()) == 2  # in the review channel
    assert any("Forwarded as case #2" in t for t in slack.ephemerals()[told:])


def test_slash_command_without_text_opens_the_form(slack, slack_api):
    slack.command("")

    call = slack_api.calls("views.open")[0]
    assert call.body["trigger_id"]
    view = call.body["view"]
    assert view["callback_id"] == "forward" and len(view["title"]["text"]) <= 24
    kinds = {b["block_id"]: b["element"]["type"] for b in view["blocks"]}
    assert kinds == {"source": "static_select", "link": "plain_text_input",
                     "customer": "plain_text_input", "stars": "static_select",
                     "text": "plain_text_input"}
    text_input = next(b for b in view["blocks"] if b["block_id"] == "text")
    assert text_input["element"]["multiline"] is True
    assert text_input["element"]["max_length"] <= 3000
    assert next(b for b in view["blocks"] if b["block_id"] == "link")["optional"] is True


def test_form_submission_posts_the_card_and_closes_the_modal(slack):
    slack.command("")
    response = slack.submit({"text": "The delivery came two days late.", "customer": "Sam",
                             "stars": "2", "source": "trustpilot"})

    assert ack_json(response) == {}
    [card] = slack.cards()
    assert "Trustpilot · ★★☆☆☆ · Sam" in card_text(card)


def test_invalid_form_gets_errors_per_field_in_the_ack(slack):
    slack.command("")
    response = slack.submit({"text": "  ", "link": "not a link"})

    body = ack_json(response)
    assert body["response_action"] == "errors"
    assert set(body["errors"]) == {"text", "link"}
    assert "empty" in body["errors"]["text"]
    assert slack.cards() == []


@pytest.mark.parametrize("word, expected", [("help", "/review"), ("list", "No open cases"),
                                            ("lijst", "No open cases"),
                                            ("raport", "Did you mean */review report [period]*?")])
def test_help_and_list_are_ephemeral(slack, word, expected):
    slack.command(word)

    assert any(expected in t for t in slack.ephemerals())
    assert slack.cards() == []


def test_message_shortcut_opens_the_prefilled_form_and_keeps_the_origin(slack, slack_api):
    message = {"text": "1 star. Rude &amp; slow &lt;3 <https://www.trustpilot.com/r/9|review>",
               "user": BOB}
    slack.dispatch(message_shortcut_body("forward_message", message))

    view = slack.opened_view()
    text = next(b for b in view["blocks"] if b["block_id"] == "text")["element"]["initial_value"]
    assert text == "1 star. Rude & slow <3 review (https://www.trustpilot.com/r/9)"
    assert json.loads(view["private_metadata"])["channel"] == CHANNEL_ID
    slack.submit()
    [card] = slack.cards()
    assert "original message" in card_text(card)
    assert "/archives/C0CHAN/p" in json.dumps(card["blocks"])  # the permalink of the message


def test_global_shortcut_opens_the_empty_form(slack):
    slack.dispatch(global_shortcut_body("new_review"))

    view = slack.opened_view()
    assert view["callback_id"] == "forward"
    assert "initial_value" not in next(b for b in view["blocks"] if b["block_id"] == "text")["element"]


# -- working a case --------------------------------------------------------------------------

def test_vote_claim_and_draft_update_the_card_in_place_and_post_in_its_thread(slack, slack_api):
    ts = slack.forward()

    slack.click("vote_respond", "1", ANN)
    slack.click("vote_respond", "1", BOB)
    slack.click("claim", "1", ANN)
    slack.click("draft", "1", ANN)
    slack.submit({"text": "Dear customer, we are sorry. Ann"}, user=ANN)

    assert len(slack.cards()) == 1  # never a new message per click
    updates = slack.updates()
    assert len(updates) == 4 and {u["ts"] for u in updates} == {ts}
    assert "Owner" in card_text(updates[-1]) and "v1" in card_text(updates[-1])
    thread = slack.thread(ts)
    assert any("voted to respond" in t for t in thread)
    assert any("claimed the case" in t for t in thread)
    assert any("Draft v1" in t and "> Dear customer, we are sorry. Ann" in t for t in thread)
    assert all(p["channel"] == CHANNEL_ID for p in slack.posts(thread_ts=ts))


def test_a_second_claim_is_refused_to_that_person_only(slack, slack_api):
    slack.forward()
    slack.click("vote_respond", "1", ANN)
    slack.click("vote_respond", "1", BOB)
    slack.click("claim", "1", ANN)
    updates = len(slack.updates())

    slack.click("claim", "1", BOB)

    assert any("already claimed" in t for t in slack.ephemerals(BOB))
    assert len(slack.updates()) == updates


def test_a_draft_in_the_thread_is_saved(slack):
    ts = slack.forward()
    slack.reply("draft: Dear guest, thank you for telling us. Ann", card=ts)

    assert any("Draft v1" in t for t in slack.thread(ts))


def test_a_team_of_one_decides_alone(slack, slack_api):
    slack_api.channels[CHANNEL_ID] = {"num_members": 2}  # the bot and one person
    slack.forward()
    slack.click("vote_respond", "1", ANN)

    assert any("Decided: we respond" in t for t in slack.thread(slack.card_ts()))
    assert slack_api.calls("conversations.info")[0].body["include_num_members"] in (True, "1", "true")


def test_the_persons_slack_locale_picks_their_language(slack, slack_api):
    slack_api.users[ANN] = {"locale": "nl-NL"}
    slack.command("help")

    assert slack_api.calls("users.info")[0].body["include_locale"] in (True, "1", "true")
    assert any("Stuur" in t or "review" in t for t in slack.ephemerals())
    help_en, help_nl = (slack.adapter.runtime.desk.texts.plain(lang, "commands.help.title")
                        for lang in ("en", "nl"))
    assert help_nl != help_en and help_nl[:40] in slack.ephemerals()[0].replace("&amp;", "&")


def test_hand_over_picks_a_person_and_names_them(slack, slack_api):
    slack_api.users[BOB] = {"name": "bob", "real_name": "Bob Baker"}
    slack.forward()
    slack.click("vote_respond", "1", ANN)
    slack.click("vote_respond", "1", BOB)
    slack.click("claim", "1", ANN)
    slack.click("hand_over", "1", ANN)
    assert slack.opened_view()["blocks"][0]["element"]["type"] == "users_select"

    slack.submit({"to": BOB}, user=ANN)

    assert any("handed the case over to bob" in t for t in slack.thread(slack.card_ts()))


# -- Slack's rules ---------------------------------------------------------------------------

def test_mentions_in_a_review_ping_nobody(slack):
    slack.command("<!channel> <!here> <@U123> you are all frauds & liars <https://evil.example|x>")

    [card] = slack.cards()
    raw = json.dumps(card)
    assert "<!channel>" not in raw and "<!here>" not in raw and "<@U123>" not in raw
    assert "&lt;!channel&gt;" in card_text(card) or "@channel" in card_text(card)
    assert not re.search(r"<[@!#]", card["text"] + card_text(card))
    texts = [b["text"] for b in card["blocks"] if b["type"] == "section" and "text" in b]
    assert texts and all(t["verbatim"] for t in texts)  # Slack parses nothing on its own


def test_mention_markup_typed_literally_stays_text(slack):
    slack.dispatch(message_shortcut_body("forward_message", {"text": "&lt;!channel&gt; &lt;@U123&gt; bad"}))
    slack.submit()

    [card] = slack.cards()
    assert "&lt;!channel&gt; &lt;@U123&gt; bad" in card_text(card)
    assert "<!channel>" not in json.dumps(card)


def test_a_long_review_is_shown_in_parts_within_slacks_limits(slack):
    words = " ".join(f"word{i}" for i in range(900))
    text = (words + " ")[:5000].strip()
    slack.command(text)

    [card] = slack.cards()
    sections = [b["text"]["text"] for b in card["blocks"] if b["type"] == "section" and "text" in b]
    assert all(len(s) <= 3000 for s in sections) and len(card["blocks"]) <= 50
    quoted = " ".join(line[2:] for s in sections for line in s.split("\n") if line.startswith("> "))
    assert quoted.split() == text.split()


def test_a_retried_event_creates_nothing_new(slack):
    ts = slack.forward()
    body = event_body(message_event("draft: Dear guest, we are sorry. Ann", thread_ts=ts),
                      event_id="Ev0RETRY")
    slack.dispatch(body)
    slack.dispatch(body, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})

    assert len([t for t in slack.thread(ts) if "Draft v" in t]) == 1


def test_a_slash_command_mentioning_payload_still_works(slack):
    slack.command("The payload of our parcel arrived broken and support never answered.")

    [card] = slack.cards()
    assert "The payload of our parcel" in card_text(card)


# -- bot-initiated messages ------------------------------------------------------------------

def test_send_posts_in_the_cards_thread_mentioning_the_person_paced(slack, slack_api):
    ts = slack.forward()
    outbox = Outbox("slack", "T0FAKE", [
        ThreadPost("case:1", Rich([Mention(BOB, "Bob"), ": case #1 is waiting for your reply."])),
        ThreadPost("case:1", Rich(["Second reminder."])),
    ])

    slack.adapter.send(outbox)

    first, second = slack.posts(thread_ts=ts)[-2:]
    assert first["blocks"][0]["text"]["text"].startswith(f"<@{BOB}>: case #1")
    assert second["channel"] == CHANNEL_ID
    assert slack.sleeps == [1.0]  # one message a second per channel


def test_a_reminder_in_the_thread_carries_its_buttons(slack, slack_api):
    ts = slack.forward()
    slack.adapter.send(Outbox("slack", "T0FAKE", [ThreadPost(
        "case:1", Rich(["Did the customer react?"]),
        buttons=[Button("remind_me", "Remind me", "1"), Button("vote_respond", "Respond", "1")])]))

    (post,) = slack.posts(thread_ts=ts)[-1:]
    (actions,) = [b for b in post["blocks"] if b["type"] == "actions"]
    assert [(e["action_id"], e["value"]) for e in actions["elements"]] == [
        ("remind_me", "1"), ("vote_respond", "1")]


# -- App Home --------------------------------------------------------------------------------

def test_app_home_shows_my_cases_waiting_and_late(slack, slack_api, clock):
    slack.forward()
    slack.forward("Second review: the waiter spilled soup on my coat and laughed.")
    slack.click("vote_respond", "2", ANN)
    slack.click("vote_respond", "2", BOB)
    slack.click("claim", "2", ANN)
    clock.advance(days=1)

    slack.dispatch(event_body({"type": "app_home_opened", "user": ANN, "channel": "D0HOME",
                               "tab": "home", "event_ts": "1.000001"}))

    view = slack_api.calls("views.publish")[0].body
    assert view["user_id"] == ANN and view["view"]["type"] == "home"
    headers = [b["text"]["text"] for b in view["view"]["blocks"] if b["type"] == "header"]
    assert headers == ["Your open cases (1)", "Waiting for a vote (1)",
                       "Past their deadline (2)"]
    lines = [b for b in view["view"]["blocks"] if b["type"] == "section"]
    assert lines[0]["accessory"]["action_id"] == "draft"
    assert lines[1]["accessory"]["action_id"] == "vote_respond"


def test_a_button_on_the_home_page_refreshes_it(slack, slack_api):
    slack.forward()
    home = {"id": "V0HOME", "type": "home", "blocks": []}
    slack.dispatch(block_action_body("vote_respond", "1", view=home))

    assert slack.updates()  # the card in the channel
    assert slack_api.calls("views.publish")


# -- the manifest ----------------------------------------------------------------------------

def test_manifest_names_what_the_code_registers(slack):
    manifest = json.loads(MANIFEST.read_text())
    router = slack.adapter.runtime.router
    features = manifest["features"]
    assert sorted(c["command"] for c in features["slash_commands"]) == \
        [f"/{n}" for n in router.names(Command)]
    shortcuts = {s["type"]: set() for s in features["shortcuts"]}
    for s in features["shortcuts"]:
        shortcuts[s["type"]].add(s["callback_id"])
    assert shortcuts == {"message": set(router.names(MessageShortcut)),
                         "global": set(global_shortcuts(router.catalogue))}
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) >= {
        "app_home_opened", "message.channels"}
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert features["app_home"]["home_tab_enabled"] is True


def test_the_manifest_is_what_the_command_catalogue_says(slack):
    """Slack takes commands and shortcuts from the manifest: `make slack-manifest` writes it."""
    manifest = json.loads(MANIFEST.read_text())
    runtime = slack.adapter.runtime
    expected = features(runtime.router.catalogue, runtime.texts)
    assert {k: manifest["features"][k] for k in expected} == expected
    [review] = expected["slash_commands"]
    assert review["usage_hint"].startswith("[review text or link | list | setup | remind <case>")
    assert "forward" not in review["usage_hint"]  # Discord's typed form of `/review <text>`
    assert [s["name"] for s in expected["shortcuts"]] == ["Forward as review", "New review"]


def test_every_button_and_form_the_router_knows_has_a_listener(slack):
    """Slack's manifest does not list action ids or modal callback ids: bolt's listeners must."""
    router = slack.adapter.runtime.router
    for name in router.names(ButtonClick):
        body = block_action_body(name, "999")
        assert any(l.matches(req=bolt(body), resp=None) for l in slack.app._listeners), name
    for name in router.names(FormSubmit):
        body = view_submission_body(name, {})
        assert any(l.matches(req=bolt(body), resp=None) for l in slack.app._listeners), name



def test_an_older_card_that_arrives_late_does_not_replace_a_newer_one(slack, slack_api):
    from bot.messages import Card

    slack.forward()
    before = len(slack_api.calls("chat.update"))
    for version in (7, 5, 7, 8):
        slack.adapter.delivery.card(Card("case:1", CHANNEL_ID, Rich([f"v{version}"]),
                                         version=version))
    updates = [c.body["text"] for c in slack_api.calls("chat.update")[before:]]
    assert updates == ["v7", "v7", "v8"]  # v5 came after v7 and was dropped


def test_a_file_is_uploaded_to_the_channel_with_its_message(slack, slack_api):
    from bot.messages import File
    from tests.fakes.slack_fake import FILE_UPLOAD

    png = b"\x89PNG\r\n\x1a\n" + b"0" * 64
    slack.adapter.send(Outbox("slack", "T0FAKE", [File(CHANNEL_ID, "digest.png", png,
                                                       title="Week 48", text=Rich(["Digest"]))]))
    (upload,) = slack_api.calls(FILE_UPLOAD)
    assert png in upload.raw_body
    (done,) = slack_api.calls("files.completeUploadExternal")
    assert done.body["channel_id"] == CHANNEL_ID and done.body["initial_comment"] == "Digest"
    assert done.body["files"][0]["title"] == "Week 48"
