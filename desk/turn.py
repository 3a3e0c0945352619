"""What every handler gets: the desk's dependencies and, per event, a turn.

A turn is one unit of work for one team: the person who acted (or the review desk itself, or
an integration), their languages, and the session. `handle` runs a chat event's handler in a
turn and `run_for_team` runs a flow nobody in the chat started; both retry when another
event changed the same case first, and turn refusals into messages in the person's language.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from functools import wraps
from typing import TYPE_CHECKING, Any, Callable, Sequence
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.clock import Clock
from bot.errors import UserError
from bot.events import Event
from bot.i18n import Catalogs
from bot.messages import Notice, Outbound
from bot.text import ROLE, Rich
from desk.actors import DESK, Actor
from storage import inbox, repo
from storage.errors import Conflict, DatabaseUnavailable
from storage.models import Member, Team
from storage.uow import Database

if TYPE_CHECKING:
    from desk.outbox import DurableOutbox

log = logging.getLogger(__name__)

ATTEMPTS = 4


@dataclass
class Desk:
    db: Database
    clock: Clock
    texts: Catalogs
    team_defaults: dict = field(default_factory=dict)
    model_drafts: bool = False  # a language model writes first drafts ahead of time (AI_DRAFTS)
    sites: Any = None  # desk.sources.connected.Sites: the review sites a team may connect
    outbox: "DurableOutbox | None" = None  # keeps what a person's event posts until it arrived

    def now(self) -> datetime:
        return self.clock.now()


class Turn:
    """One unit of work for a team, on behalf of a person (a chat event) or of the review desk
    itself or an integration (`Turn.system`): then there is no event and no member."""

    def __init__(self, desk: Desk, session: Session, team: Team, actor: Actor,
                 me: Member | None = None, event: Event | None = None) -> None:
        self.desk = desk
        self.session = session
        self.now = desk.now()
        self.team = team
        self.me = me
        self.event = event
        self.actor = actor
        self.memo: dict = {}  # what several parts of one turn read and none of them changes
        self.pick_languages()

    @classmethod
    def from_event(cls, desk: Desk, event: Event, session: Session) -> "Turn":
        team, me = repo.team_and_member(
            session, platform=event.place.platform, workspace=event.place.workspace,
            user_id=event.actor.user_id, name=event.actor.name, locale=event.actor.locale,
            defaults=desk.team_defaults, now=desk.now())
        actor = Actor.person(me.id, name=me.name or me.user_id,
                             is_lead=is_lead(team, event.actor.user_id, event.actor.roles))
        return cls(desk, session, team, actor, me, event)

    @classmethod
    def system(cls, desk: Desk, session: Session, team: Team, actor: Actor = DESK) -> "Turn":
        return cls(desk, session, team, actor)

    def pick_languages(self) -> None:
        """The person's locale wins for their own notices; the team's setting for the rest."""
        locale = self.event.actor.locale if self.event else None
        self.lang = self.desk.texts.pick(locale, self.team.language)
        self.team_lang = self.desk.texts.pick(self.team.language)

    @property
    def who(self) -> str:
        """The name the team sees for whoever acted."""
        return self.actor.name

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
        return self.actor.is_lead

    def review_channel(self) -> str:
        """Where the team's cards go: its review channel, else where the event happened."""
        return self.team.review_channel or (self.event.place.channel if self.event else "")

    def in_review_channel(self) -> bool:
        """Whether the person acted in the team's review channel, where its cards appear."""
        return bool(self.team.review_channel) and self.event is not None \
            and self.event.place.channel == self.team.review_channel

    def refusal(self, err: UserError) -> Notice:
        params = dict(err.params)
        if "state" in params:
            params["state"] = self.t(f"state.{params['state']}")
        if "owner_id" in params:
            owner_id = params.pop("owner_id")
            owner = repo.members_by_id(self.session, ids=[owner_id]).get(owner_id) \
                if owner_id else None
            params["owner"] = (owner.name or owner.user_id) if owner else "—"
        return Notice(self.t(err.key, **params))


def is_lead(team: Team, user_id: str, roles: frozenset[str]) -> bool:
    """The lead is a person, or (on Discord) everyone with a role, stored as "role:<id>"."""
    lead = team.lead or ""
    if lead.startswith(ROLE):
        return lead[len(ROLE):] in roles
    return bool(lead) and lead == user_id


def team_language(desk: Desk, event: Event) -> str | None:
    """The language of the event's team, when the database can tell (it may be the problem)."""
    try:
        with desk.db.unit() as session:
            return repo.team_language(session, platform=event.place.platform,
                                      workspace=event.place.workspace)
    except Exception:  # reporting an error must not raise another one
        return None


def require_setup_rights(turn: Turn) -> None:
    """Anyone sets a new team up; once it has a lead, only the lead changes its settings."""
    if turn.team.lead and not turn.is_lead():
        raise UserError("setup.not_lead")


HandlerFn = Callable[[Turn], Sequence[Outbound]]


def finish_delivery(desk: Desk, session: Session, receipt: int) -> bool:
    """Mark the inbox delivery done in the work's own transaction; False when it was done."""
    return inbox.finish(session, ids=[receipt], now=desk.now()) > 0


def in_turns(desk: Desk, name: str, begin: Callable[[Session], Turn],
             fn: Callable[[Turn], Sequence[Outbound]],
             receipt: int | None = None, keep: bool = False) -> list[Outbound]:
    """Run `fn` in a turn, one transaction per attempt: again when another event changed the
    same case first; a refusal becomes a notice in the person's language. An event from the
    inbox (`receipt`) is finished in the same transaction: worked twice, it changes nothing.
    With `keep`, what it posts for the team is kept in the outbox in that transaction too."""
    outbox = desk.outbox if keep else None
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with desk.db.unit() as session:
                if receipt is not None and not finish_delivery(desk, session, receipt):
                    log.info("%s: delivery %s was worked already", name, receipt)
                    return []
                turn = begin(session)
                try:
                    messages = list(fn(turn))
                except UserError as err:
                    session.rollback()
                    if receipt is not None:
                        finish_delivery(desk, session, receipt)
                    return [turn.refusal(err)]
                kept = outbox.keep(session, turn.team, messages) if outbox else []
            if kept:
                outbox.expect(kept)
            return messages
        except Conflict:
            log.info("%s lost a race (attempt %d), trying again", name, attempt)
        except DatabaseUnavailable as err:
            log.error("database unavailable during %s: %s", name, err)
            raise UserError("error.database") from err
    raise UserError("error.busy")


def handle(fn: Callable[..., Sequence[Outbound]]) -> Callable[[Event, Desk], list[Outbound]]:
    """Wrap `fn(turn, event)` as a router handler."""

    @wraps(fn)
    def run(event: Event, desk: Desk) -> list[Outbound]:
        return in_turns(desk, fn.__name__, lambda session: Turn.from_event(desk, event, session),
                        lambda turn: fn(turn, event), event.receipt, keep=True)

    return run


def run_for_team(desk: Desk, team_id: int, fn: Callable[[Turn], Sequence[Outbound]], *,
                 actor: Actor = DESK, keep: bool = False) -> list[Outbound]:
    """Run a flow for a team with no chat event: a scheduled job, a review a site delivered.
    With `keep`, its posts are the outbox's from then on (see `in_turns`)."""
    def begin(session: Session) -> Turn:
        team = repo.get_team(session, team_id=team_id)
        if team is None:
            raise LookupError(f"no team {team_id}")
        return Turn.system(desk, session, team, actor)

    return in_turns(desk, getattr(fn, "__name__", "flow"), begin, fn, keep=keep)
