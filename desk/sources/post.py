"""Post to <site>: on a case whose review came from a connected site, the chosen version goes
to the site through its API instead of being marked posted by hand.

Three steps, so that no database transaction waits on the site: check (rights, version,
the coach's findings confirmed) in one unit of work; call the site outside any; record the
public reply (Case.post) in another. A refusal is told in plain words per SiteError kind, and
nothing is recorded. An event from the inbox is finished with the last step: worked again
after a crash, the version is posted again (the sites replace a reply) and recorded once.
"""
from __future__ import annotations

import logging

from bot.errors import UserError
from bot.events import ButtonClick, FormSubmit
from bot.messages import Form, Notice, Outbound
from desk.cases.case import Case
from desk.cases.draft import POST_SITE_FORM, ready_to_post, version_input
from desk.cases.flow import load_case, updated
from desk.sources.contract import PostedReply, SiteError
from desk.sources.vault import VaultError
from desk.turn import Desk, Turn, in_turns
from storage import repo, sites
from storage.models import Draft

log = logging.getLogger(__name__)


def on_site(turn: Turn, case: Case):
    """(the review as the site delivered it, its connection); refused when there is none."""
    found = sites.review_on_site(turn.session, team_id=turn.team.id, case_id=case.id)
    if found is None or turn.desk.sites is None:
        raise UserError("site.post.not_connected", case=case.id)
    return found


def ask(turn: Turn, event: ButtonClick) -> list[Outbound]:
    case = load_case(turn, event.value)
    case.may_post(turn.actor)
    _, connection = on_site(turn, case)
    drafts = repo.drafts_for(turn.session, case_id=case.id)
    if not drafts:
        raise UserError("posted.no_draft", case=case.id)
    site = turn.s(f"source.{connection.source}")
    return [Form(POST_SITE_FORM, turn.s("site.post.form.title", case=case.id, site=site),
                 [version_input(turn, drafts, drafts[-1].version)],
                 turn.s("site.post.form.submit", site=site), context=str(case.id))]


def submitted(event: FormSubmit, desk: Desk) -> list[Outbound]:
    plan: dict = {}

    def begin(session) -> Turn:
        return Turn.from_event(desk, event, session)

    def check(turn: Turn) -> list[Outbound]:
        plan.clear()
        case = load_case(turn, event.context)
        case.may_post(turn.actor)
        review, connection = on_site(turn, case)
        draft = ready_to_post(turn, case, event.values,
                              site=turn.s(f"source.{connection.source}"))
        if not isinstance(draft, Draft):
            return draft
        plan.update(version=draft.version, text=draft.text, source=connection.source,
                    sealed=connection.settings, external_id=review.external_id)
        return []

    out = in_turns(desk, "post_site", begin, check)
    if not plan:  # refused, or a question for the person: the event is done
        return in_turns(desk, "post_site", begin, lambda turn: out, event.receipt, keep=True)
    posted, refusal = send(desk, plan)

    def record(turn: Turn) -> list[Outbound]:
        site = turn.t(f"source.{plan['source']}")
        if refusal:
            return [Notice(turn.t("site.post.refused", site=site, version=plan["version"],
                                  error=turn.t(f"site.error.{refusal}")))]
        case = load_case(turn, event.context)
        draft = repo.get_draft(turn.session, case_id=case.id, version=plan["version"])
        case.post(by=turn.actor, at=turn.now, draft=draft, link=posted.link)
        turn.session.add(draft)
        note = ("site.post.private_sent" if posted.private else
                "site.post.holding_posted" if draft.kind == "holding" else "site.post.reply_posted")
        return updated(turn, case, note, version=draft.version, site=turn.tt(
            f"source.{plan['source']}"))

    return in_turns(desk, "post_site", begin, record, event.receipt, keep=True)


def send(desk: Desk, plan: dict) -> tuple[PostedReply | None, str | None]:
    """The reply on the site, or the kind of its refusal; outside any transaction."""
    try:
        site = desk.sites.client(plan["source"], plan["sealed"])
        return site.reply(plan["external_id"], plan["text"]), None
    except SiteError as err:
        log.warning("posting to %s refused (%s): %s", plan["source"], err.kind, err.detail)
        return None, err.kind
    except VaultError as err:
        log.error("posting to %s: %s", plan["source"], err)
        return None, "auth"
