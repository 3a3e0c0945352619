"""Connecting a team to a review site, and what its connections look like now.

A connection is stored only after one sync went through: the settings are right, the site
answers, and its reviews are in. On that first sync a review older than `since` or with more
stars than the connection asks for is counted, not made a case (no flood of old praise).
"""
from __future__ import annotations

from datetime import datetime
from typing import Mapping

from bot.messages import Notice
from bot.text import Rich, join
from desk.cases.cards import local
from desk.sources.sync import Taken, next_sync, settle, take_page
from desk.turn import Desk, Turn, run_for_team
from storage import sites


def connect(desk: Desk, team_id: int, source: str, values: Mapping[str, str], *,
            since: datetime) -> tuple[int, Taken]:
    """Sync once, then store the connection sealed; (reviews found, what they became).
    Raises VaultError without a usable SECRET_KEY, SiteError when the site refuses."""
    vault = desk.sites.vault()  # before anything is asked of the site
    page = desk.sites.build(source, values).sync(None)
    taken = take_page(desk, team_id, source, page.reviews, settings=values, since=since)
    with desk.db.unit() as session:
        sites.connect(session, team_id=team_id, source=source, settings=vault.seal(values),
                      cursor=page.cursor, now=desk.now(),
                      next_at=desk.now() + next_sync(desk, page))
    settle(page, source, team_id)
    return len(page.reviews), taken


def status(turn: Turn) -> Rich:
    """One line per connected site: when it last synced, and its last problem if it has one."""
    rows = sites.connections(turn.session, team_id=turn.team.id)
    if not rows:
        return turn.t("site.status.none")
    lines = [turn.t("site.status.title")]
    for row in rows:
        line = turn.t("site.status.line", site=turn.t(f"source.{row.source}"),
                      synced=_local(turn, row.synced_at))
        if row.error:
            line += turn.t("site.status.error", error=turn.t(f"site.error.{row.error}"),
                           since=_local(turn, row.error_at), tries=row.failures)
        lines.append(line)
    return join(lines, "\n")


def _local(turn: Turn, moment: datetime | None) -> str:
    return local(turn, moment) if moment else "—"


def listing(desk: Desk, team_id: int) -> str:
    """`status` for a terminal, in the team's language."""
    return str(run_for_team(desk, team_id, lambda turn: [Notice(status(turn))])[0].text)
