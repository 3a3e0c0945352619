"""What every handler gets: the desk's dependencies and, per event, a turn.

A turn is one unit of work for one event: the team and member the event comes from, their
languages, and the session. `handle` runs a handler in a turn, retries it when another
event changed the same case first, and turns refusals into messages in the person's language.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from functools import wraps
from typing import Callable, Sequence
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from bot.clock import Clock
from bot.errors import UserError
from bot.events import Event
from bot.i18n import Catalogs
from bot.messages import Notice, Outbound
from bot.text import ROLE, Rich
from storage import repo
from storage.errors import Conflict, DatabaseUnavailable
from storage.models import Member, Team
from storage.uow import Database

log = logging.getLogger(__name__)

ATTEMPTS = 4


@dataclass
class Desk:
    db: Database
    clock: Clock
    texts: Catalogs
    team_defaults: dict = field(default_factory=dict)

    def now(self) -> datetime:
        return self.clock.now()


class Turn:
    def __init__(self, desk: Desk, event: Event, session: Session) -> None:
        self.desk = desk
        self.event = event
        self.session = session
        self.now = desk.now()
        self.team: Team = repo.get_or_create_team(
            session, platform=event.place.platform, workspace=event.place.workspace,
            defaults=desk.team_defaults, now=self.now)
        self.me: Member = repo.get_or_create_member(
            session, team_id=self.team.id, user_id=event.actor.user_id,
            name=event.actor.name, locale=event.actor.locale)
        self.pick_languages()

    def pick_languages(self) -> None:
        """The person's locale wins for their own notices; the team's setting for the rest."""
        self.lang = self.desk.texts.pick(self.event.actor.locale, self.team.language)
        self.team_lang = self.desk.texts.pick(self.team.language)

    def t(self, key: str, **values: object) -> Rich:
        """A text for the person who acted (notices, forms)."""
        return self.desk.texts.text(self.lang, key, **values)

    def tt(self, key: str, **values: object) -> Rich:
        """A text for the whole team (cards, thread posts)."""
        return self.desk.texts.text(self.team_lang, key, **values)

    def s(self, key: str, **values: object) -> str:
        return str(self.t(key, **values))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.team.timezone)

    def is_lead(self) -> bool:
        """The lead is a person, or (on Discord) everyone with a role, stored as "role:<id>"."""
        lead = self.team.lead or ""
        if lead.startswith(ROLE):
            return lead[len(ROLE):] in self.event.actor.roles
        return bool(lead) and lead == self.event.actor.user_id

    def refusal(self, err: UserError) -> Notice:
        params = dict(err.params)
        if "state" in params:
            params["state"] = self.t(f"state.{params['state']}")
        return Notice(self.t(err.key, **params))


def team_language(desk: Desk, event: Event) -> str | None:
    """The language of the event's team, when the database can tell (it may be the problem)."""
    try:
        with desk.db.unit() as session:
            return session.exec(select(Team.language).where(
                Team.platform == event.place.platform,
                Team.workspace == event.place.workspace)).first()
    except Exception:  # reporting an error must not raise another one
        return None


def require_setup_rights(turn: Turn) -> None:
    """Anyone sets a new team up; once it has a lead, only the lead changes its settings."""
    if turn.team.lead and not turn.is_lead():
        raise UserError("setup.not_lead")


HandlerFn = Callable[[Turn], Sequence[Outbound]]


def handle(fn: Callable[..., Sequence[Outbound]]) -> Callable[[Event, Desk], list[Outbound]]:
    """Wrap `fn(turn, event)` as a router handler with one transaction per attempt."""

    @wraps(fn)
    def run(event: Event, desk: Desk) -> list[Outbound]:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with desk.db.unit() as session:
                    turn = Turn(desk, event, session)
                    try:
                        return list(fn(turn, event))
                    except UserError as err:
                        session.rollback()
                        return [turn.refusal(err)]
            except Conflict:
                log.info("%s lost a race (attempt %d), trying again", fn.__name__, attempt)
            except DatabaseUnavailable as err:
                log.error("database unavailable during %s: %s", fn.__name__, err)
                raise UserError("error.database") from err
        raise UserError("error.busy")

    return run
