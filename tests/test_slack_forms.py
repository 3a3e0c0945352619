"""A form submission is acknowledged within Slack's 3 seconds whatever `users.info` does: its
problems found in the values alone go back in the ack, the rest is worked after it."""
from __future__ import annotations

import json
import time

import pytest

from bot.adapters.slack.adapter import EVENTS_PATH, wsgi_app
from tests.fakes.slack_fake import (CHANNEL_ID, SIGNING_SECRET, USER_ID, http_post,
                                    signed_headers, view_submission_body)
from tests.slack_support import Slack, fill_state, no_logged_errors, slack_api, text_of  # noqa: F401
from tests.serving import waitress

SLACK_LIMIT = 3.0
LOOKUP_HELD = 3.5  # longer than Slack waits


def held(api, how: str) -> None:
    """`users.info` slow (a stub that answers after 3.5 s) or rate-limited (HTTP 429 with
    Retry-After: 4, which the client waits out before it asks again)."""
    if how == "slow":
        api.slow("users.info", LOOKUP_HELD)
    else:
        api.rate_limit("users.info", retry_after=4)


@pytest.fixture
def served(app, slack_api):
    """The app over real HTTP with its inbox workers, and the forward form as a person got it
    (opened through another process, so this one knows nobody yet)."""
    opener = Slack(app, slack_api)
    opener.command("")
    view = opener.opened_view()
    slack = Slack(app, slack_api, process_before_response=False)
    with waitress(wsgi_app(slack.adapter)) as url:
        yield slack, url, view
    slack.adapter.workers.stop()


def submit(url: str, view: dict, values: dict) -> tuple[float, object]:
    body = view_submission_body(view["callback_id"], fill_state(view["blocks"], values),
                                view.get("private_metadata", ""), blocks=view["blocks"])
    started = time.monotonic()
    response = http_post(url + EVENTS_PATH, body, signed_headers(SIGNING_SECRET, body),
                         timeout=10)
    return time.monotonic() - started, response


@pytest.mark.parametrize("how", ["slow", "rate-limited"])
def test_a_form_is_acknowledged_in_time_and_worked_after(served, slack_api, how):
    slack, url, view = served
    asked_before = len(slack_api.calls("users.info"))
    held(slack_api, how)

    took, response = submit(url, view, {"text": "The soup came cold and the waiter shrugged.",
                                        "customer": "Sam", "stars": "1", "source": "google"})

    assert (response.status, response.text) == (200, "")
    assert took < SLACK_LIMIT / 2, took
    card = slack_api.wait_for("chat.postMessage", lambda c: c.body["channel"] == CHANNEL_ID,
                              timeout=15)
    assert "The soup came cold" in text_of(card.body["blocks"])
    # the work waited for the look-up the ack did not: the forwarder is known by name
    assert len(slack_api.calls("users.info")) > asked_before
    assert all(c.body["user"] == USER_ID for c in slack_api.calls("users.info"))


@pytest.mark.parametrize("how", ["slow", "rate-limited"])
def test_a_form_with_problems_gets_them_in_the_ack_in_time(served, slack_api, how):
    slack, url, view = served
    asked_before = len(slack_api.calls("users.info"))
    held(slack_api, how)

    took, response = submit(url, view, {"text": "  ", "link": "not a link"})

    assert response.status == 200
    answer = json.loads(response.text)
    assert answer["response_action"] == "errors"
    assert set(answer["errors"]) == {"text", "link"}
    assert took < SLACK_LIMIT / 2, took
    assert len(slack_api.calls("users.info")) == asked_before  # nobody was asked
    assert slack.cards() == []


def test_a_form_answered_by_the_next_form_gets_it_in_the_ack_in_time(app, slack_api):
    """The draft form with another language chosen for an unfinished suggestion answers with
    the suggestion in that language: in the ack, which waits on no look-up."""
    opener = Slack(app, slack_api)
    opener.forward()
    opener.click("vote_respond", "1", "U0ANN")
    opener.click("vote_respond", "1", "U0BOB")
    opener.click("claim", "1", "U0ANN")
    opener.click("draft", "1", "U0ANN")
    view = opener.opened_view()
    slack = Slack(app, slack_api, process_before_response=False)
    slack_api.slow("users.info", LOOKUP_HELD, times=None)
    try:
        with waitress(wsgi_app(slack.adapter)) as url:
            took, response = submit(url, view, {"language": "nl"})
    finally:
        slack.adapter.workers.stop()

    answer = json.loads(response.text)
    assert answer["response_action"] == "update"
    assert answer["view"]["callback_id"] == view["callback_id"]
    assert took < SLACK_LIMIT / 2, took
