"""A scheduled job: every case gets its card. A card post that failed (the bot not in the
channel yet, Slack down) or a process that died after storing a case and before posting its
card leaves a case nobody sees; this posts it once the channel works again. The card it posts
is kept in the outbox (desk/outbox.py), and a case whose card waits there is left to it: a
refused channel is tried again after a pause that grows, and the lead is told once, not one
post a tick (older cases, cases a site delivered: those had no row of their own)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Collection

from bot.messages import Outbox
from desk.cases.cards import CASE_KEY_PREFIX, case_card, case_key
from desk.turn import Desk, Turn, run_for_team
from storage import outbox, repo

GRACE = timedelta(seconds=20)  # the flow that forwarded it posts the card within this
WINDOW = timedelta(days=7)  # older cases that never had a card are left alone
BATCH = 50


@dataclass
class MissingCards:
    desk: Desk
    platforms: Collection[str]

    def __call__(self) -> list[Outbox]:
        now = self.desk.now()
        out = []
        for platform in self.platforms:
            with self.desk.db.unit() as session:
                found = repo.cases_without_card(session, platform=platform,
                                                key_prefix=CASE_KEY_PREFIX, since=now - WINDOW,
                                                before=now - GRACE, limit=BATCH)
                kept = outbox.waiting_keys(session, platform=platform,
                                           keys=[case_key(case.id) for _, case in found])
            by_team: dict[int, tuple] = {}
            for team, case in found:
                if not team.review_channel or case_key(case.id) in kept:
                    continue  # nowhere to post it (/review setup says where), or the outbox has it
                by_team.setdefault(team.id, (team, []))[1].append(case)
            for team, cases in by_team.values():
                def cards(turn: Turn, cases=cases):
                    return [case_card(turn, case) for case in cases]
                out.append(Outbox(team.platform, team.workspace,
                                  run_for_team(self.desk, team.id, cards, keep=True)))
        return out
