"""Each handler through the router with a test channel: push an event, read the messages back."""
from sqlmodel import select

from bot.messages import Card, Notice, ThreadPost
from storage.models import Case, Draft, FollowUp, History, Vote


def case_row(app, case_id) -> Case:
    with app.desk.db.unit() as s:
        return s.get(Case, case_id)


def history(app, case_id) -> list[str]:
    with app.desk.db.unit() as s:
        return [h.action for h in s.exec(select(History).where(History.case_id == case_id)
                                         .order_by(History.id))]


# -- forward ------------------------------------------------------------------------------
def test_forward_by_command_posts_a_card_and_confirms(channel):
    replies = channel.command("Ann", "Waited 40 minutes for a pizza https://www.google.com/maps/r/1")
    card = replies.card
    assert card.key == "case:1" and card.channel == "C1"
    assert "Waited 40 minutes" in str(card.body)
    assert "Google" in str(card.title)
    assert [b.action for b in card.buttons] == ["vote_respond", "vote_ignore", "override",
                                                 "remind_me"]
    assert "case #1" in str(replies.of(Notice)[0].text)


def test_command_without_text_opens_the_form(channel):
    form = channel.command("Ann", "   ").form
    assert form.form == "forward"
    assert [i.name for i in form.inputs] == ["source", "link", "customer", "stars", "text"]


def test_form_forward_keeps_every_field(channel, app):
    case = channel.forward(text="Order 1234 arrived broken.", customer="Sam de Vries", stars="2",
                           link="https://nl.trustpilot.com/reviews/abc", source="trustpilot")
    row = case_row(app, case)
    assert (row.customer, row.stars, row.source) == ("Sam de Vries", 2, "trustpilot")
    assert row.link == "https://nl.trustpilot.com/reviews/abc"
    assert history(app, case) == ["forward"]


def test_same_review_twice_is_one_case(channel):
    first = channel.forward(text="The hairdresser cut far too short.", link="https://g.co/r/9?utm_source=x")
    again = channel.submit("Bob", "forward", {"source": "facebook", "text": "other words",
                                              "link": "https://G.co/r/9/"})
    assert not again.of(Card)
    assert f"case #{first}" in again.notice and "Ann" in again.notice
    same_text = channel.command("Cas", "the  hairdresser cut FAR too short.")
    assert not same_text.of(Card)  # the site of `/review <text>` is a guess, not the review's
    assert "already forwarded" in same_text.notice


def test_shortcut_opens_prefilled_form_with_origin(channel, app):
    form = channel.shortcut("Ann", "Terrible service, see https://www.trustpilot.com/r/5",
                            link="https://chat.example/archives/C1/p1").form
    values = {i.name: i.value for i in form.inputs}
    assert values["text"].startswith("Terrible service")
    assert values["link"] == "https://www.trustpilot.com/r/5"
    replies = channel.submit("Ann", "forward", {**values, "source": "trustpilot"}, form.context)
    case = int(replies.card.key.split(":")[1])
    assert case_row(app, case).origin == "https://chat.example/archives/C1/p1"


def test_shortcut_on_empty_message_is_refused(channel):
    assert "no text" in channel.shortcut("Ann", "   ").notice


def test_bad_form_input_gets_per_field_errors_and_writes_nothing(channel, app):
    errors = channel.submit("Ann", "forward", {"source": "myspace", "text": " \n ",
                                               "link": "javascript:alert(1)", "stars": "7",
                                               "customer": "x" * 201}).errors
    assert set(errors) == {"source", "text", "link", "stars", "customer"}
    assert "http" in errors["link"] and "1 to 5" in errors["stars"]
    with app.desk.db.unit() as s:
        assert s.exec(select(Case)).all() == []


def test_huge_review_is_refused_with_its_length(channel):
    notice = channel.command("Ann", "x" * 10_001).notice
    assert "10,001" in notice and "10,000" in notice
    assert channel.forward(text="y" * 10_000) == 1


def test_hostile_text_is_kept_verbatim_as_a_quote(channel):
    text = "<!channel> @everyone <@U123> *bold* ```code``` <script>"
    card = channel.submit("Ann", "forward", {"source": "blog", "text": text}).card
    (quote,) = card.body
    assert quote.text == text  # the adapter escapes it; the core never interprets it
    assert card.body.mentions() == []


# -- vote ---------------------------------------------------------------------------------
def test_two_respond_votes_decide(channel, app):
    case = channel.forward()
    first = channel.click("Ann", "vote_respond", case)
    assert first.card.fields[0][1] == first.card.fields[0][1]
    assert case_row(app, case).state == "new"
    second = channel.click("Bob", "vote_respond", case)
    assert case_row(app, case).state == "open"
    assert [b.action for b in second.card.buttons][:1] == ["claim"]
    assert any("Decided: we respond" in t for t in second.thread_texts())


def test_second_identical_vote_is_refused_and_a_vote_can_change(channel, app):
    case = channel.forward()
    channel.click("Ann", "vote_respond", case)
    assert "already voted" in channel.click("Ann", "vote_respond", case).notice
    channel.click("Ann", "vote_ignore", case)  # asks for a reason first
    channel.submit("Ann", "ignore_vote", {"reason": "spam"}, str(case))
    with app.desk.db.unit() as s:
        (vote,) = s.exec(select(Vote)).all()
    assert (vote.choice, vote.reason) == ("ignore", "spam")


def test_ignore_needs_a_reason_and_keeps_the_case(channel, app):
    case = channel.forward()
    assert channel.click("Ann", "vote_ignore", case).form.form == "ignore_vote"
    assert "reason" in channel.submit("Ann", "ignore_vote", {"reason": ""}, str(case)).errors
    channel.submit("Ann", "ignore_vote", {"reason": "troll"}, str(case))
    replies = channel.submit("Bob", "ignore_vote", {"reason": "troll"}, str(case))
    row = case_row(app, case)
    assert (row.state, row.decision, row.ignore_reason, row.outcome) == \
        ("ignored", "ignore", "troll", "ignored")
    assert [b.action for b in replies.card.buttons] == ["reopen"]
    assert "kept" in replies.thread_texts()[0]


def test_vote_after_decision_is_refused(channel):
    case = channel.decided()
    assert "Voting is over" in channel.click("Cas", "vote_ignore", case).notice


def test_a_team_of_one_decides_alone(app):
    from dataclasses import replace

    from tests.harness import TestChannel

    solo = TestChannel(app)
    solo.place = replace(solo.place, audience=1)
    case = solo.forward()
    solo.click("Ann", "vote_respond", case)
    assert case_row(app, case).state == "open"


def test_override_only_by_the_lead(channel, app):
    case = channel.forward()
    assert "no lead" in channel.click("Ann", "override", case).notice
    with app.desk.db.unit() as s:
        from storage.models import Team
        team = s.exec(select(Team)).one()
        team.lead = "U-lea"
        s.add(team)
    assert "Only the team lead" in channel.click("Ann", "override", case).notice
    assert channel.click("Lea", "override", case).form.form == "override"
    assert "decision" in channel.submit("Lea", "override", {"decision": "maybe"}, str(case)).errors
    channel.submit("Lea", "override", {"decision": "ignore", "reason": "spam"}, str(case))
    assert case_row(app, case).state == "ignored"
    channel.submit("Lea", "override", {"decision": "respond"}, str(case))
    assert case_row(app, case).state == "open"


def make_lead(app, user_id: str) -> None:
    with app.desk.db.unit() as s:
        from storage.models import Team
        team = s.exec(select(Team)).one()
        team.lead = user_id
        s.add(team)


def test_reopening_an_ignored_case_is_the_leads_call_anyone_else_asks_for_a_new_vote(channel, app):
    case = channel.forward()
    for who in ("Ann", "Bob"):
        channel.submit(who, "ignore_vote", {"reason": "troll"}, str(case))
    replies = channel.click("Cas", "reopen", case)
    row = case_row(app, case)
    assert (row.state, row.decision, row.outcome, row.closed_at) == ("new", None, None, None)
    assert "vote again" in replies.thread_texts()[0]
    with app.desk.db.unit() as s:  # the team votes from nothing; the old votes stay in history
        assert s.exec(select(Vote).where(Vote.case_id == case)).all() == []
    assert history(app, case)[-1] == "revote"
    channel.click("Ann", "vote_respond", case)
    assert case_row(app, case).state == "new"  # one vote of two
    channel.click("Bob", "vote_respond", case)
    assert case_row(app, case).state == "open"


def test_the_lead_reopens_an_ignored_case_for_a_reply(channel, app):
    case = channel.forward()
    make_lead(app, "U-lea")
    for who in ("Ann", "Bob"):
        channel.submit(who, "ignore_vote", {"reason": "troll"}, str(case))
    replies = channel.click("Lea", "reopen", case)
    row = case_row(app, case)
    assert (row.state, row.decision, row.outcome) == ("open", "respond", None)
    assert "reopened" in replies.thread_texts()[0]


# -- claim --------------------------------------------------------------------------------
def test_claim_release_hand_over(channel, app):
    case = channel.decided()
    assert "Ann claimed" in channel.click("Ann", "claim", case).thread_texts()[0]
    assert "already claimed by Ann" in channel.click("Bob", "claim", case).notice
    assert "already own" in channel.click("Ann", "claim", case).notice
    assert "Only the owner" in channel.click("Bob", "release", case).notice
    form = channel.click("Ann", "hand_over", case).form
    assert form.inputs[0].kind == "user"
    assert "to" in channel.submit("Ann", "hand_over", {"to": ""}, str(case)).errors
    handed = channel.submit("Ann", "hand_over", {"to": "U-bob", "to_name": "Bob"}, str(case))
    assert "handed the case over to Bob" in handed.thread_texts()[0]
    assert case_row(app, case).owner_id != case_row(app, case).forwarded_by
    channel.click("Bob", "release", case)
    assert case_row(app, case).state == "open"


def test_claim_before_a_decision_is_refused(channel):
    case = channel.forward()
    assert "can't be claimed" in channel.click("Ann", "claim", case).notice


def test_unknown_and_malformed_case_numbers(channel):
    assert "no case 99" in channel.click("Ann", "claim", 99).notice
    assert "no case" in str(channel.router.dispatch(
        __import__("bot.events", fromlist=["ButtonClick"]).ButtonClick(
            channel.actor("Ann"), channel.place, action="claim", value="abc"))[0].text)


def test_unknown_action_is_told(channel):
    from bot.events import ButtonClick

    (notice,) = channel.router.dispatch(ButtonClick(channel.actor("Ann"), channel.place,
                                                    action="explode", value="1"))
    assert "don't know that action" in str(notice.text)


# -- drafts -------------------------------------------------------------------------------
def test_drafts_are_versioned_in_the_thread(channel, app):
    case = channel.claimed()
    form = channel.click("Bob", "draft", case).form
    assert {i.name for i in form.inputs} == {"kind", "language", "text"}
    v1 = channel.submit("Bob", "draft", {"kind": "reply", "text": "Dear Sam, sorry. Bob"}, str(case))
    assert "Draft v1 (reply) by Bob" in v1.thread_texts()[0]
    assert "Sorry" not in v1.thread_texts()[0] and "Dear Sam, sorry. Bob" in v1.thread_texts()[0]
    v2 = channel.reply("Ann", case, "draft: Dear Sam, thank you. Ann")
    assert "Draft v2 (reply) by Ann" in v2.thread_texts()[0]
    assert "v2" in str(dict(v2.card.fields)["Latest draft"])
    prefilled = channel.click("Ann", "draft", case).form
    assert dict((i.name, i.value) for i in prefilled.inputs)["text"] == "Dear Sam, thank you. Ann"
    assert channel.reply("Bob", case, "looks good to me") == []
    with app.desk.db.unit() as s:
        assert [(d.version, d.text) for d in s.exec(select(Draft).order_by(Draft.version))] == [
            (1, "Dear Sam, sorry. Bob"), (2, "Dear Sam, thank you. Ann")]


def test_empty_draft_is_refused(channel):
    case = channel.claimed()
    assert "text" in channel.submit("Ann", "draft", {"kind": "reply", "text": "  "}, str(case)).errors
    assert "empty" in channel.reply("Ann", case, "draft:   ").notice


def test_holding_reply_then_public_reply(channel, app):
    case = channel.claimed()
    assert "no draft" in channel.click("Ann", "posted", case).notice
    channel.submit("Ann", "draft", {"kind": "holding", "text": "Dear Sam, we are on it. Ann"},
                   str(case))
    channel.submit("Ann", "draft", {"kind": "reply", "text": "Dear Sam, full answer. Ann"}, str(case))
    assert "Only the owner" in channel.click("Bob", "posted", case).notice
    form = channel.click("Ann", "posted", case).form
    assert [c.value for c in form.inputs[0].choices] == ["2", "1"]
    held = channel.submit("Ann", "posted", {"version": "1"}, str(case))
    assert "holding reply" in held.thread_texts()[0]
    assert case_row(app, case).state == "claimed" and case_row(app, case).holding_at
    assert "version" in channel.submit("Ann", "posted", {"version": "9"}, str(case)).errors
    assert "link" in channel.submit("Ann", "posted", {"version": "2", "link": "ftp://x"},
                                    str(case)).errors
    channel.submit("Ann", "posted", {"version": "2", "link": "https://g.co/reply/2"}, str(case))
    row = case_row(app, case)
    assert (row.state, row.reply_link) == ("replied", "https://g.co/reply/2")
    assert "already marked" in channel.submit("Ann", "posted", {"version": "1"}, str(case)).notice


# -- follow-up and close -----------------------------------------------------------------
def test_follow_ups_then_satisfied_closes(channel, app):
    case = channel.replied()
    assert channel.click("Ann", "followup", case).form.form == "followup"
    assert "reaction" in channel.submit("Ann", "followup", {"kind": "reaction"}, str(case)).errors
    channel.submit("Ann", "followup", {"kind": "contact", "note": "Called Sam"}, str(case))
    channel.submit("Ann", "followup", {"kind": "reaction", "reaction": "not_yet"}, str(case))
    done = channel.submit("Ann", "followup", {"kind": "reaction", "reaction": "satisfied"}, str(case))
    assert "satisfied" in done.thread_texts()[0]
    row = case_row(app, case)
    assert (row.state, row.outcome) == ("closed", "satisfied")
    with app.desk.db.unit() as s:
        assert len(s.exec(select(FollowUp)).all()) == 3


def test_close_as_went_quiet_with_a_lesson_and_reopen(channel, app):
    case = channel.replied()
    form = channel.click("Ann", "close", case).form
    assert [c.value for c in form.inputs[0].choices] == ["satisfied", "went_quiet", "ignored"]
    channel.submit("Ann", "close", {"outcome": "went_quiet",
                                    "lesson": "Tell guests about the wait at the door."}, str(case))
    row = case_row(app, case)
    assert (row.state, row.outcome, row.lesson) == \
        ("closed", "went_quiet", "Tell guests about the wait at the door.")
    assert "closed" in channel.click("Ann", "followup", case).notice
    assert "Only the owner" in channel.click("Bob", "reopen", case).notice
    assert case_row(app, case).state == "closed"
    channel.click("Ann", "reopen", case)
    assert case_row(app, case).state == "replied"


def test_close_a_claimed_case_only_as_ignored(channel, app):
    case = channel.claimed()
    form = channel.click("Ann", "close", case).form
    assert [c.value for c in form.inputs[0].choices] == ["ignored"]
    assert "can't be closed" in channel.submit("Ann", "close", {"outcome": "satisfied"},
                                               str(case)).notice
    channel.submit("Ann", "close", {"outcome": "ignored", "reason": "troll"}, str(case))
    assert case_row(app, case).state == "ignored"


def test_every_change_is_in_the_history(channel, app):
    case = channel.replied()
    channel.submit("Ann", "close", {"outcome": "satisfied"}, str(case))
    assert history(app, case) == ["forward", "vote", "vote", "decide_respond", "claim", "draft",
                                  "post_reply", "close"]
    with app.desk.db.unit() as s:
        rows = s.exec(select(History).where(History.case_id == case)).all()
    assert all(r.at.tzinfo is not None and r.actor_id for r in rows)


# -- the /review command -----------------------------------------------------------------
def test_help_list_and_setup(channel, app):
    assert "/review list" in channel.command("Ann", "help").notice
    assert "No open cases" in channel.command("Ann", "list").notice
    case = channel.claimed()
    listing = channel.command("Bob", "list").notice
    assert f"#{case}" in listing and "Ann" in listing
    replies = channel.command("Ann", "setup")
    assert "review channel" in str(replies.of(Notice)[0].text)
    assert replies.form.form == "setup"
    errors = channel.submit("Ann", "setup", {"language": "fr", "timezone": "Mars/Olympus",
                                             "work_days": "mon-fry", "work_hours": "17:00-09:00",
                                             "country": "XX", "votes_needed": "0"}).errors
    assert set(errors) == {"language", "timezone", "votes_needed", "work_days", "work_hours",
                           "country"}
    saved = channel.submit("Ann", "setup", {"language": "nl", "timezone": "Europe/Brussels",
                                            "work_days": "mon-fri", "work_hours": "08:30-17:00",
                                            "country": "be", "votes_needed": "1",
                                            "lead": "U-lea", "contact": "hallo@example.be"})
    assert "Opgeslagen" in saved.notice  # the team's language now, the person has no locale


def test_person_locale_overrides_team_language(channel):
    assert "Geen open zaken" in channel.command("Ann", "list", locale="nl-NL").notice
    assert "No open cases" in channel.command("Ann", "list", locale="en-GB").notice


def test_cards_and_threads_use_the_team_language(channel):
    channel.command("Ann", "setup")
    channel.submit("Ann", "setup", {"language": "nl", "timezone": "Europe/Amsterdam",
                                    "work_days": "mon-fri", "work_hours": "09:00-17:30",
                                    "country": "NL", "votes_needed": "2"})
    case = channel.forward()
    replies = channel.click("Bob", "vote_respond", case, locale="en-US")
    assert "Stemmen" in dict(replies.card.fields) and "stemde voor reageren" in replies.thread_texts()[0]


def test_setup_moves_the_channel_only_when_saved_and_then_belongs_to_the_lead(channel, app):
    from dataclasses import replace

    from storage.models import Team
    from tests.harness import TestChannel

    channel.setup("Ann", lead="U-ann")
    elsewhere = TestChannel(app)
    elsewhere.place = replace(channel.place, channel="C-private")
    assert "Only the team lead" in elsewhere.command("Mal", "setup").notice
    assert "Only the team lead" in elsewhere.submit("Mal", "setup", {"lead": "U-mal"}).notice
    elsewhere.command("Ann", "setup")  # opened, not saved
    with app.desk.db.unit() as s:
        team = s.exec(select(Team)).one()
    assert (team.review_channel, team.lead) == ("C1", "U-ann")
    elsewhere.setup("Ann")
    with app.desk.db.unit() as s:
        assert s.exec(select(Team)).one().review_channel == "C-private"


def test_a_mistyped_subcommand_gets_its_usage_and_makes_no_case(channel, app):
    for text in ("report last week", "report 1000d", "remind 12", "remind", "setup now",
                 "list all"):
        replies = channel.command("Ann", text)
        assert not replies.of(Card) and "/review" in replies.notice, text
    with app.desk.db.unit() as s:
        assert s.exec(select(Case)).all() == []


def test_only_the_owner_or_lead_closes_and_nobody_alone_ignores_a_new_case(channel, app):
    new = channel.forward(text="A brand new complaint about cold soup.")
    assert "can't be closed" in channel.click("Eve", "close", new).notice
    claimed = channel.claimed()
    assert "Only the owner" in channel.click("Eve", "close", claimed).notice
    assert "Only the owner" in channel.submit("Eve", "close", {"outcome": "ignored",
                                                               "reason": "troll"},
                                              str(claimed)).notice
    assert case_row(app, claimed).state == "claimed"
    assert channel.click("Ann", "close", claimed).form.form == "close"


def test_reopening_an_ignored_case_frees_it_for_a_new_claim(channel, app):
    case = channel.claimed()
    channel.submit("Ann", "close", {"outcome": "ignored", "reason": "troll"}, str(case))
    make_lead(app, "U-lea")
    replies = channel.click("Lea", "reopen", case)
    row = case_row(app, case)
    assert (row.state, row.owner_id, row.claimed_at) == ("open", None, None)
    assert "Owner" not in dict(replies.card.fields)
    assert "Bob claimed" in channel.click("Bob", "claim", case).thread_texts()[0]


def test_after_a_reopen_unanswered_follow_ups_count_afresh(channel, app, clock):
    case = channel.replied()
    for _ in range(3):
        clock.advance(days=2)
        channel.submit("Ann", "followup", {"kind": "reaction", "reaction": "none"}, str(case))
    assert case_row(app, case).outcome == "went_quiet"
    clock.advance(days=1)
    channel.click("Ann", "reopen", case)
    clock.advance(days=2)
    channel.submit("Ann", "followup", {"kind": "reaction", "reaction": "none"}, str(case))
    assert case_row(app, case).state == "replied"


def test_a_link_with_an_impossible_port_is_a_bad_link_not_a_crash(channel):
    notice = channel.command("Ann", "Rude staff http://example.com:99999/review").notice
    assert "not a web link" in notice


def test_blank_looking_text_is_empty_and_direction_overrides_are_dropped(channel, app):
    assert "review text is empty" in channel.command("Ann", "ㅤ⠀ㅤ \u200b").notice
    case = channel.forward(text="Cold food at table 4.", customer="\u202eevil\u2066 Sam")
    assert case_row(app, case).customer == "evil Sam"


def test_list_counts_every_open_case_and_says_how_many_are_not_shown(channel):
    for i in range(52):
        channel.forward(text=f"Complaint number {i}: the bread was stale.")
    listing = channel.command("Bob", "list").notice
    assert listing.startswith("Open cases (52):") and "#50 " in listing and "#51 " not in listing
    assert listing.endswith("…and 2 more: see the review channel.")


def test_errors_no_handler_answers_speak_the_teams_language(channel):
    from bot.events import ButtonClick

    channel.setup("Ann", language="nl")
    (notice,) = channel.router.dispatch(ButtonClick(channel.actor("Bob"), channel.place,
                                                    action="explode", value="1"))
    assert "Die actie ken ik niet" in str(notice.text)


# -- what a new user stumbled on -----------------------------------------------------------
def test_the_same_text_forwarded_as_another_site_is_the_same_case(channel):
    text = "Two weeks and my parcel is still not here. Nobody answers the phone."
    first = channel.command("Ann", text)
    again = channel.submit("Bob", "forward", {"source": "google", "text": text.upper()})
    assert f"#{first.card.key.split(':')[1]}" in again.notice
    assert not again.of(Card)


def test_a_changed_vote_is_said_in_the_thread_and_the_same_vote_changes_nothing(channel, app):
    case = channel.forward()
    channel.submit("Ann", "ignore_vote", {"reason": "troll"}, str(case))
    changed = channel.click("Ann", "vote_respond", case)
    assert "Ann changed their vote from ignore to respond" in changed.thread_texts()[0]
    assert "already voted" in channel.click("Ann", "vote_respond", case).notice
    assert history(app, case).count("vote") == 2
    dutch = channel.click("Ann", "vote_respond", case, locale="nl")
    assert "stemde al" in dutch.notice


def test_the_follow_up_log_says_what_happened_without_contradicting_itself(channel):
    case = channel.replied()
    quiet = channel.submit("Ann", "followup", {"kind": "reaction", "reaction": "none"}, str(case))
    assert quiet.thread_texts()[0] == "Ann logged the customer's reaction: no reaction."
    contact = channel.submit("Ann", "followup", {"kind": "contact"}, str(case))
    assert contact.thread_texts()[0] == "Ann logged a follow-up: contact made."


def test_the_close_form_asks_why_ignore_only_for_ignoring(channel):
    replied = channel.replied()
    label = channel.click("Ann", "close", replied).form.inputs[1].label
    assert label.startswith("Why ignore it? (only")
    claimed = channel.claimed(text="The waiter spilled wine on my coat and walked off.")
    assert channel.click("Ann", "close", claimed).form.inputs[1].label == "Why ignore it?"


def test_every_thread_post_carries_its_cards_number(channel):
    case = channel.decided()
    posts = channel.click("Ann", "claim", case).of(ThreadPost) + \
        channel.submit("Ann", "draft", {"kind": "reply", "text": "Dear Sam, sorry. Ann"},
                       str(case)).of(ThreadPost)
    assert posts and {p.number for p in posts} == {str(case)}


def test_the_card_shows_the_reviews_language_even_for_two_words(channel):
    dutch = channel.command("Ann", "Te duur").card
    english = channel.command("Ann", "The pasta was cold and the waiter was rude.").card
    assert dict((k, str(v)) for k, v in dutch.fields)["Language"] == "Nederlands"
    assert dict((k, str(v)) for k, v in english.fields)["Language"] == "English"
