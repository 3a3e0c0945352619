"""A scheduled job: the cards of delivered reviews, and the notes on reviews their customers
changed, posted to the team's review channel. Nobody forwarded these, so no answer to a person
carries their card; each is claimed for a lease, and marked shown only once the platform
confirmed the post (a failed post is tried again at a later tick; the lead is told once when
a person must fix something first)."""
from __future__ import annotations

import json
import logging
from datetime import timedelta
from functools import partial
from typing import Collection

from bot.messages import Button, Outbound, Outbox, Say
from bot.text import Quote, Rich
from desk.cases.cards import case_card, stars, thread_post
from desk.cases.states import State
from desk.intake.stored import rich_from
from desk.outbox import tell_lead
from desk.turn import Desk, Turn, run_for_team
from storage import intake, repo

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)


def intake_cards(desk: Desk, platforms: Collection[str] | None = None) -> list[Outbox]:
    """One outbox per delivered review the channel has not shown yet, oldest first."""
    now = desk.now()
    with desk.db.unit() as session:
        due = [(r.id, r.changed, r.case_id, r.change, r.says, t.id, t.platform, t.workspace)
               for r, t in intake.unshown(session, now=now, platforms=platforms)]
    out = []
    for review_id, changed, case_id, change, says, team_id, platform, workspace in due:
        try:
            with desk.db.unit() as session:
                if not intake.claim(session, review_id=review_id, changed=changed, now=now,
                                    lease=LEASE):
                    continue
            messages = run_for_team(desk, team_id, partial(show, case_id=case_id,
                                                           change=change, says=says))
            out.append(Outbox(platform, workspace, messages,
                              delivered=partial(_shown, desk, review_id, changed),
                              undelivered=tell_lead(desk, team_id)))
        except Exception:  # one review's failure must not hold back the others
            log.exception("card of delivered review %s (case %s) failed", review_id, case_id)
    return out


def show(turn: Turn, *, case_id: int, change: str | None,
         says: str | None = None) -> list[Outbound]:
    """The case's card as it is now, and what the flow that made it said to the channel;
    after a change, a note in its thread saying what."""
    row = repo.get_case(turn.session, team_id=turn.team.id, case_id=case_id)
    out: list[Outbound] = [case_card(turn, row)]
    out += [Say(turn.review_channel(), rich_from(data)) for data in json.loads(says or "[]")]
    if change:
        what = json.loads(change)
        out.append(thread_post(case_id, change_note(turn, row, what), asks(turn, row, what)))
    return out


def asks(turn: Turn, row, what: dict) -> list[Button]:
    """A customer who raised the stars after the public reply may be satisfied: the note
    offers to close the case (or log the follow-up) right there."""
    before, after = what.get("stars") or (None, None)
    if row.state != State.REPLIED or not after or (before or 0) >= after:
        return []
    return [Button(action, str(turn.tt(f"button.{action}")), str(row.id), style)
            for action, style in (("close", "primary"), ("followup", None))]


def change_note(turn: Turn, row, what: dict) -> Rich:
    """"Marieke changed ★☆☆☆☆ to ★★★★☆ on Google", with the new text when it changed; that
    the site removed it; whether to close as satisfied when the stars went up after the
    reply."""
    who = row.customer or str(turn.tt("feed.customer"))
    source = turn.tt(f"source.{row.source}")
    if what.get("deleted"):
        return turn.tt("feed.note.deleted", who=who, source=source)
    if "stars" in what:
        before, after = what["stars"]
        note = turn.tt("feed.note.stars", who=who, source=source,
                       before=stars(before) or "—", after=stars(after))
    else:
        note = turn.tt("feed.note.text", who=who, source=source)
    if what.get("text"):
        note += Rich([Quote(row.text)])
    if asks(turn, row, what):
        note += Rich(["\n"]) + turn.tt("feed.note.satisfied", who=who)
    return note


def _shown(desk: Desk, review_id: int, changed: int) -> None:
    with desk.db.unit() as session:
        intake.mark_shown(session, review_id=review_id, changed=changed)
