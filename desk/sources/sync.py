"""A scheduled job: each connected site is asked what is new or changed since its cursor, and
each review goes through the intake endpoint's own path (`take`), so the same review by
webhook and by polling is one case. The cursor is stored only once its reviews are, so a
failure half-way loses nothing: the next sync starts again from the last stored cursor; a
site that delivered them as notifications is told they were taken only after that too.

A site that fails is tried again later, longer each time (and not before its Retry-After);
one that refuses our connection (auth, forbidden) is also told to the lead, once, in the
review channel, with what to do.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial
from typing import Collection, Iterable, Mapping
from zoneinfo import ZoneInfo

from bot.messages import Outbound, Outbox, Say
from bot.text import Mention, Rich
from desk.cases.cards import stars
from desk.cases.review_input import MAX_NAME, MAX_TEXT, is_web_link
from desk.intake.payload import LANGUAGE_TAG
from desk.intake.receive import changed_since, take
from desk.sources.connected import max_stars
from desk.sources.contract import Page, SiteError, SiteReview
from desk.sources.vault import VaultError
from desk.turn import Desk, Turn, run_for_team
from storage import intake, repo, sites
from storage.models import IntakeReview

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)
FIRST_WAIT = timedelta(minutes=2)
LONGEST_WAIT = timedelta(hours=6)


@dataclass
class Taken:
    """What one page of reviews became."""

    created: list[int] = field(default_factory=list)  # case ids
    changed: list[int] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)
    same: int = 0  # known and unchanged
    passed: int = 0  # new, but with more stars than the connection asks for
    older: int = 0  # new, but older than a first connection takes in
    refused: int = 0  # no review the desk can hold (in the log)


def take_page(desk: Desk, team_id: int, source: str, reviews: Iterable[SiteReview], *,
              settings: Mapping[str, str], since: datetime | None = None) -> Taken:
    """Each review as the intake endpoint takes it, oldest first. A review the team does not
    have yet becomes a case when it has at most the connection's stars (and, on a first
    connection, is newer than `since`); a known one is always changed or noted deleted."""
    taken, limit = Taken(), max_stars(settings)
    for review in reviews:
        stored = known(desk, team_id, source, review.external_id)
        moment = review.updated_at or review.created_at
        if stored and not review.deleted and not changed_since(stored, moment):
            taken.same += 1  # what the last sync saw already: no unit of work for it
            continue
        if not review.deleted and not stored:
            if review.stars is not None and review.stars > limit:
                taken.passed += 1
                continue
            if since and moment and moment < since:
                taken.older += 1
                continue
        if not review.deleted and not review.text.strip():
            review = replace(review, text=no_text(desk, team_id, review))
        review = fitted(review)
        answer = take(desk, team_id, review.delivered(source))
        body = answer.body
        if answer.status >= 400:
            taken.refused += 1
            log.warning("%s review %s refused: %s", source, review.external_id,
                        body.get("problems") or body.get("message"))
        elif body.get("created"):
            taken.created.append(body["case"])
        elif body.get("updated"):
            taken.changed.append(body["case"])
        elif body.get("deleted"):
            taken.deleted.append(body["case"])
        else:
            taken.same += 1
    return taken


def fitted(review: SiteReview) -> SiteReview:
    """What a site shows that a case cannot hold is cut or left out, so that no review is
    refused and skipped for good: the text and the name cut to the case's limits, a link that
    is no web address, stars outside 1-5 and a language that is no language tag left out."""
    return replace(
        review, text=_cut(review.text, MAX_TEXT),
        customer=_cut(review.customer, MAX_NAME) if review.customer else review.customer,
        link=review.link if review.link and is_web_link(review.link) else None,
        stars=review.stars if review.stars is not None and 1 <= review.stars <= 5 else None,
        language=review.language if review.language and LANGUAGE_TAG.fullmatch(review.language)
        else None)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def no_text(desk: Desk, team_id: int, review: SiteReview) -> str:
    """A rating without words is still a complaint to answer: the case says who gave what
    and when (so two of them are two cases, not one duplicate)."""
    with desk.db.unit() as session:
        team = repo.get_team(session, team_id=team_id)
        lang, zone = desk.texts.pick(team.language), ZoneInfo(team.timezone)
    when = review.updated_at or review.created_at or desk.now()
    return desk.texts.plain(lang, "feed.no_text", stars=stars(review.stars) or "—",
                            who=review.customer or desk.texts.plain(lang, "feed.customer"),
                            when=when.astimezone(zone).strftime("%d-%m-%Y %H:%M"))


def known(desk: Desk, team_id: int, source: str, external_id: str) -> IntakeReview | None:
    with desk.db.unit() as session:
        return intake.find_review(session, team_id=team_id, source=source,
                                  external_id=external_id)


def next_sync(desk: Desk, page: Page) -> timedelta:
    """The usual cadence, or sooner when the site asks for it (a notification queue)."""
    return min(desk.sites.every, page.again) if page.again else desk.sites.every


def settle(page: Page, source: str, team_id: int) -> None:
    """Tell the site the page's reviews are stored. When that fails, the site delivers them
    again later, and a review taken twice is still one case."""
    if page.done is None:
        return
    try:
        page.done()
    except SiteError as err:
        log.warning("%s for team %s: stored, but not acknowledged (%s): %s", source, team_id,
                    err.kind, err.detail)


def wait_after(failures: int, retry_after: float | None = None) -> timedelta:
    """Two minutes after the first failure, doubling up to six hours; never before the
    site's own Retry-After."""
    wait = min(FIRST_WAIT * 2 ** max(failures - 1, 0), LONGEST_WAIT)
    return max(wait, timedelta(seconds=retry_after or 0))


def sync_sites(desk: Desk, platforms: Collection[str] | None = None) -> list[Outbox]:
    """Sync every connection that is due; an outbox for each lead who must be told."""
    if desk.sites is None:
        return []
    now = desk.now()
    with desk.db.unit() as session:
        due = sites.due(session, now=now, platforms=platforms)
    out = []
    for connection_id in due:
        try:
            told = sync_one(desk, connection_id, now)
        except Exception:  # one site's failure must not hold back the others
            log.exception("sync of site connection %s failed", connection_id)
            continue
        if told:
            out.append(told)
    return out


def sync_one(desk: Desk, connection_id: int, now: datetime) -> Outbox | None:
    with desk.db.unit() as session:
        if not sites.claim(session, connection_id=connection_id, now=now, lease=LEASE):
            return None
        row = sites.get(session, connection_id=connection_id)
        team_id, source, sealed, cursor = row.team_id, row.source, row.settings, row.cursor
        failures, told_at = row.failures, row.told_at
    try:
        settings = desk.sites.vault().open(sealed)
        page: Page = desk.sites.client(source, sealed).sync(cursor)
    except (SiteError, VaultError) as err:
        return failed(desk, connection_id, team_id, source, err, failures, told_at, now)
    taken = take_page(desk, team_id, source, page.reviews, settings=settings)
    with desk.db.unit() as session:
        sites.synced(session, connection_id=connection_id, now=now,
                     next_at=now + next_sync(desk, page),
                     cursor=page.cursor if page.cursor is not None else cursor)
    settle(page, source, team_id)
    log.info("%s for team %s: %d new, %d changed, %d removed, %d unchanged, %d above the "
             "stars asked", source, team_id, len(taken.created), len(taken.changed),
             len(taken.deleted), taken.same, taken.passed)
    return None


def failed(desk: Desk, connection_id: int, team_id: int, source: str,
           err: SiteError | VaultError, failures: int, told_at: datetime | None,
           now: datetime) -> Outbox | None:
    """Try again later; tell the lead once when only a person can put it right."""
    kind = err.kind if isinstance(err, SiteError) else "auth"
    transient = isinstance(err, SiteError) and err.transient
    retry_after = err.retry_after if isinstance(err, SiteError) else None
    log.warning("%s for team %s failed (%s), try %d: %s", source, team_id, kind, failures + 1,
                err.detail if isinstance(err, SiteError) else err)
    with desk.db.unit() as session:
        sites.failed(session, connection_id=connection_id, error=kind, now=now,
                     next_at=now + wait_after(failures + 1, retry_after))
        team = sites.team_of(session, connection_id=connection_id)
        platform, workspace, channel = team.platform, team.workspace, team.review_channel
    if transient or told_at is not None or not channel:
        return None
    messages = run_for_team(desk, team_id, partial(tell_lead, source=source, kind=kind))
    return Outbox(platform, workspace, messages,
                  delivered=partial(_told, desk, connection_id, now))


def tell_lead(turn: Turn, *, source: str, kind: str) -> list[Outbound]:
    lead = Rich([Mention(turn.team.lead)]) if turn.team.lead else turn.tt("advice.team")
    key = f"site.tell.{kind}" if kind in ("auth", "forbidden") else "site.tell.other"
    return [Say(turn.review_channel(), turn.tt(key, lead=lead, site=turn.tt(f"source.{source}"),
                                               source=source,
                                               error=turn.tt(f"site.error.{kind}")))]


def _told(desk: Desk, connection_id: int, now: datetime) -> None:
    with desk.db.unit() as session:
        sites.told(session, connection_id=connection_id, now=now)
