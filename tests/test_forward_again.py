"""Forward as review on a message that is already a case says so at once, before any form."""
from bot.messages import Form

MESSAGE = "Terrible service, see https://www.trustpilot.com/r/5"
ORIGIN = "https://chat.example/archives/C1/p1"
LINK = "https://www.trustpilot.com/r/5"


def forwarded_once(channel) -> int:
    form = channel.shortcut("Ann", MESSAGE, link=ORIGIN).form
    values = {i.name: i.value for i in form.inputs}
    return int(channel.submit("Ann", "forward", values, form.context).card.key.split(":")[1])


def test_forwarding_the_same_message_again_names_the_case_instead_of_asking(channel):
    case = forwarded_once(channel)
    again = channel.shortcut("Bob", MESSAGE, link=ORIGIN)
    assert not again.of(Form)
    assert f"case #{case}" in again.notice and "Ann" in again.notice


def test_the_same_review_text_elsewhere_is_recognised_too(channel):
    case = forwarded_once(channel)
    again = channel.shortcut("Bob", "terrible  service, see https://www.trustpilot.com/r/5 ")
    assert not again.of(Form) and f"case #{case}" in again.notice


def test_dutch_team_hears_it_in_dutch(channel):
    channel.setup(language="nl")
    case = forwarded_once(channel)
    assert f"zaak #{case}" in channel.shortcut("Bob", MESSAGE, link=ORIGIN).notice


def test_a_new_message_still_opens_the_form(channel):
    forwarded_once(channel)
    assert channel.shortcut("Bob", "The soup was cold.", link=ORIGIN + "2").of(Form)


def test_the_case_with_the_link_is_named_before_the_case_with_the_words(channel):
    def forward(who, text, link=""):
        return channel.submit(who, "forward", {"source": "google", "text": text, "link": link})

    linked = forward("Ann", "Terrible service.", LINK).card.key.split(":")[1]
    worded = forward("Cas", "The soup was cold.").card.key.split(":")[1]
    again = forward("Bob", "The soup was cold.", LINK)
    assert f"case #{linked}" in again.notice and f"case #{worded}" not in again.notice
