"""Repository functions: the queries handlers need, with keyword-only arguments.

Get-or-create and inserts that may race use the table's unique key in one statement
(`INSERT … ON CONFLICT DO NOTHING RETURNING`), so the database decides who was first, in one
process or many.
"""
from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from typing import Callable, Sequence, TypeVar

from sqlalchemy import (Insert, Select, String, Table, bindparam, cast, delete, func, inspect,
                        or_, union_all)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.util import identity_key
from sqlmodel import Session, SQLModel, select

from storage.errors import Conflict
from storage.models import Case, Draft, FollowUp, History, Member, MessageRef, Team, Vote

T = TypeVar("T", bound=SQLModel)

CLOSED_STATES = ("closed", "ignored")
INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def dialect(session: Session) -> str:
    return session.get_bind().dialect.name


@cache
def _insert_returning(dialect: str, table: Table, columns: tuple[str, ...]) -> Insert:
    return (INSERT[dialect](table).values({c: bindparam(c, type_=table.c[c].type)
                                           for c in columns})
            .on_conflict_do_nothing().returning(*table.primary_key.columns))


def insert_or_get(session: Session, row: T, find: Callable[[], T | None]) -> tuple[T, bool]:
    """`row` inserted (and in the session now); when a unique key says it exists already,
    the existing one. When another transaction holds the key uncommitted, PostgreSQL waits
    for it; a row that went away meanwhile is a lost race (`Conflict`). A statement of the
    table's own: the ORM's INSERT … RETURNING of the whole row cost five times as much."""
    mapper = inspect(type(row))
    values = {a.key: getattr(row, a.key) for a in mapper.column_attrs}
    for column in mapper.primary_key:
        if values.get(column.key) is None:
            del values[column.key]
    session.flush()  # what this row may refer to is in the database first
    key = session.execute(_insert_returning(dialect(session), mapper.local_table,
                                            tuple(values)), values).first()
    if key is not None:
        for column, value in zip(mapper.primary_key, key):
            setattr(row, column.key, value)
        make_transient_to_detached(row)  # stored as it is: nothing to read back
        session.add(row)
        return row, True
    existing = find()
    if existing is None:
        raise Conflict(f"a {type(row).__name__} row with the same key came and went")
    return existing, False


def insert_selected(dialect: str, model: type[SQLModel], columns: Sequence[str],
                    rows: Sequence[Select]) -> Insert:
    """INSERT of one row per SELECT in one statement, leaving out a row whose unique key is
    taken (ON CONFLICT DO NOTHING): for rows that number or check themselves in SQL. Built
    once per shape (callers cache it, with bind parameters): building such a statement
    costs more than running it."""
    return INSERT[dialect](model.__table__).from_select(
        columns, union_all(*rows) if len(rows) > 1 else rows[0]).on_conflict_do_nothing()


def _find_team(session: Session, platform: str, workspace: str) -> Team | None:
    return session.exec(select(Team).where(Team.platform == platform,
                                           Team.workspace == workspace)).first()


def get_or_create_team(session: Session, *, platform: str, workspace: str,
                       defaults: dict, now: datetime) -> Team:
    team = _find_team(session, platform, workspace)
    if team is None:
        team, _ = insert_or_get(session, Team(platform=platform, workspace=workspace,
                                              created_at=now, **defaults),
                                lambda: _find_team(session, platform, workspace))
    return team


# Built once, as the statements every event or card runs: building one costs more than
# running it.
TEAM_AND_MEMBER = select(Team, Member).outerjoin(
    Member, (Member.team_id == Team.id) & (Member.user_id == bindparam("user_id"))).where(
    Team.platform == bindparam("platform"), Team.workspace == bindparam("workspace"))
VOTES = select(Vote).where(Vote.case_id == bindparam("case_id")).order_by(Vote.at, Vote.id)
DRAFTS = select(Draft).where(Draft.case_id == bindparam("case_id")).order_by(Draft.version)


def team_and_member(session: Session, *, platform: str, workspace: str, user_id: str,
                    name: str, locale: str | None, defaults: dict,
                    now: datetime) -> tuple[Team, Member]:
    """The workspace's team and the person's member row, each created when new: one SELECT
    when both exist, as they do for every event but a team's or a person's first."""
    found = session.exec(TEAM_AND_MEMBER, params=dict(
        platform=platform, workspace=workspace, user_id=user_id)).first()
    team, member = found or (None, None)
    if team is None:
        team = get_or_create_team(session, platform=platform, workspace=workspace,
                                  defaults=defaults, now=now)
    if member is None:
        member, _ = insert_or_get(
            session, Member(team_id=team.id, user_id=user_id, name=name, locale=locale),
            lambda: find_member(session, team_id=team.id, user_id=user_id))
    return team, _named(session, member, name, locale)


def get_team(session: Session, *, team_id: int) -> Team | None:
    return session.get(Team, team_id)


def team_language(session: Session, *, platform: str, workspace: str) -> str | None:
    return session.exec(select(Team.language).where(Team.platform == platform,
                                                    Team.workspace == workspace)).first()


def find_member(session: Session, *, team_id: int, user_id: str) -> Member | None:
    return session.exec(select(Member).where(Member.team_id == team_id,
                                             Member.user_id == user_id)).first()


def get_or_create_member(session: Session, *, team_id: int, user_id: str, name: str = "",
                         locale: str | None = None) -> Member:
    member = find_member(session, team_id=team_id, user_id=user_id)
    if member is None:
        member, _ = insert_or_get(
            session, Member(team_id=team_id, user_id=user_id, name=name, locale=locale),
            lambda: find_member(session, team_id=team_id, user_id=user_id))
    return _named(session, member, name, locale)


def _named(session: Session, member: Member, name: str, locale: str | None) -> Member:
    """The member under the name and locale the platform gives now (when it gives one)."""
    if (name and member.name != name) or (locale and member.locale != locale):
        member.name = name or member.name
        member.locale = locale or member.locale
        session.add(member)
    return member


def members_by_id(session: Session, *, ids: Sequence[int]) -> dict[int, Member]:
    """The members with these ids; those this unit of work holds already (the person who
    acted, always) are not read again."""
    found = {i: m for i in set(ids)
             if (m := session.identity_map.get(identity_key(Member, i))) is not None}
    missing = set(ids) - found.keys()
    if missing:
        found.update((m.id, m) for m in session.exec(select(Member).where(Member.id.in_(missing))))
    return found


def get_case(session: Session, *, team_id: int, case_id: int) -> Case | None:
    return session.exec(select(Case).where(Case.team_id == team_id, Case.id == case_id)).first()


def find_duplicate(session: Session, *, team_id: int, link_key: str | None,
                   content_key: str) -> Case | None:
    """The team's case of this review: the one with its link, else the one with its text.
    One SELECT: each key has its unique index."""
    if not link_key:
        return session.exec(select(Case).where(Case.team_id == team_id,
                                               Case.content_key == content_key)).first()
    return session.exec(select(Case).where(
        Case.team_id == team_id, or_(Case.link_key == link_key, Case.content_key == content_key))
        .order_by(Case.link_key.is_distinct_from(link_key)).limit(1)).first()


def add_case(session: Session, *, case: Case) -> tuple[Case, bool]:
    """The new case, or the one that already holds this review's link or text (and False)."""
    return insert_or_get(session, case, lambda: find_duplicate(
        session, team_id=case.team_id, link_key=case.link_key, content_key=case.content_key))


def open_cases(session: Session, *, team_id: int, limit: int = 50) -> list[Case]:
    """The oldest open cases first: those waiting longest matter most."""
    return list(session.exec(select(Case).where(Case.team_id == team_id,
                                                Case.state.not_in(CLOSED_STATES))
                             .order_by(Case.id).limit(limit)))


def count_open_cases(session: Session, *, team_id: int) -> int:
    return session.exec(select(func.count()).select_from(Case).where(
        Case.team_id == team_id, Case.state.not_in(CLOSED_STATES))).one()


def votes_for(session: Session, *, case_id: int) -> list[Vote]:
    return list(session.exec(VOTES, params={"case_id": case_id}))


def set_vote(session: Session, *, case_id: int, member_id: int, choice: str,
             reason: str | None, now: datetime) -> tuple[str, str | None] | None:
    """Record or change a member's vote; what it was before (None for a first vote)."""
    def find() -> Vote | None:
        return session.exec(select(Vote).where(Vote.case_id == case_id,
                                               Vote.member_id == member_id)).first()
    vote = find()
    if vote is None:
        vote, created = insert_or_get(session, Vote(case_id=case_id, member_id=member_id,
                                                    choice=choice, reason=reason, at=now), find)
        if created:
            return None
    was = (vote.choice, vote.reason)
    if was != (choice, reason):
        vote.choice, vote.reason, vote.at = choice, reason, now
        session.add(vote)
    return was


def clear_votes(session: Session, *, case_id: int) -> None:
    session.exec(delete(Vote).where(Vote.case_id == case_id))


def drafts_for(session: Session, *, case_id: int) -> list[Draft]:
    return list(session.exec(DRAFTS, params={"case_id": case_id}))


def latest_draft(session: Session, *, case_id: int) -> Draft | None:
    return session.exec(select(Draft).where(Draft.case_id == case_id)
                        .order_by(Draft.version.desc())).first()


def add_draft(session: Session, *, case_id: int, author_id: int, text: str, kind: str,
              now: datetime) -> Draft:
    """A new version; two saves at once both get a number (the loser retries)."""
    last = session.exec(select(func.max(Draft.version)).where(Draft.case_id == case_id)).one()
    draft = Draft(case_id=case_id, version=(last or 0) + 1, kind=kind, text=text,
                  author_id=author_id, at=now)
    session.add(draft)
    session.flush()
    return draft


def recent_reply_texts(session: Session, *, team_id: int, limit: int = 20) -> list[str]:
    """The team's latest saved drafts, newest first, so a new suggestion does not repeat them."""
    return list(session.exec(select(Draft.text).join(Case, Case.id == Draft.case_id)
                             .where(Case.team_id == team_id)
                             .order_by(Draft.at.desc(), Draft.id.desc()).limit(limit)))


def get_draft(session: Session, *, case_id: int, version: int) -> Draft | None:
    return session.exec(select(Draft).where(Draft.case_id == case_id,
                                            Draft.version == version)).first()


def recent_posted_replies(session: Session, *, team_id: int, exclude_case_id: int | None = None,
                          limit: int = 20) -> list[str]:
    """The texts of the team's last `limit` drafts posted on a review site, newest first:
    the coach warns when a new reply opens or closes the same way."""
    query = (select(Draft.text).join(Case, Case.id == Draft.case_id)
             .where(Case.team_id == team_id, Draft.posted_at.is_not(None)))
    if exclude_case_id is not None:
        query = query.where(Draft.case_id != exclude_case_id)
    return list(session.exec(query.order_by(Draft.posted_at.desc(), Draft.id.desc()).limit(limit)))


def add_followup(session: Session, *, case_id: int, author_id: int | None, kind: str,
                 reaction: str | None, note: str | None, now: datetime) -> FollowUp:
    row = FollowUp(case_id=case_id, author_id=author_id, kind=kind, reaction=reaction,
                   note=note, at=now)
    session.add(row)
    return row


def followups_for(session: Session, *, case_id: int) -> list[FollowUp]:
    return list(session.exec(select(FollowUp).where(FollowUp.case_id == case_id)
                             .order_by(FollowUp.at, FollowUp.id)))


def record(session: Session, *, case_id: int, actor_id: int | None, action: str,
           from_state: str | None, to_state: str | None, now: datetime,
           detail: dict | None = None) -> None:
    session.add(History(case_id=case_id, actor_id=actor_id, action=action, from_state=from_state,
                        to_state=to_state, at=now,
                        detail=json.dumps(detail, ensure_ascii=False) if detail else None))


def history_for(session: Session, *, case_id: int) -> list[History]:
    return list(session.exec(select(History).where(History.case_id == case_id)
                             .order_by(History.at, History.id)))


def get_ref(session: Session, *, platform: str, key: str) -> MessageRef | None:
    return session.exec(select(MessageRef).where(MessageRef.platform == platform,
                                                 MessageRef.key == key)).first()


REF_FIELDS = ("platform", "key", "channel", "message", "thread")


@cache
def _upsert_ref(dialect: str) -> Insert:
    table = MessageRef.__table__
    statement = INSERT[dialect](table).values({c: bindparam(c, type_=table.c[c].type)
                                               for c in REF_FIELDS})
    return statement.on_conflict_do_update(
        index_elements=["platform", "key"],
        set_={c: statement.excluded[c] for c in ("channel", "message", "thread")})


def put_ref(session: Session, *, platform: str, key: str, channel: str, message: str,
            thread: str | None) -> None:
    """Where the card now lives, inserted or replaced in one statement."""
    session.execute(_upsert_ref(dialect(session)), {
        "platform": platform, "key": key, "channel": channel, "message": message,
        "thread": thread})


def find_ref_key(session: Session, *, platform: str, channel: str, message: str) -> str | None:
    """The key of the card shown by this message, or of the thread that is this channel."""
    row = session.exec(select(MessageRef).where(
        MessageRef.platform == platform,
        ((MessageRef.channel == channel) & (MessageRef.message == message))
        | (MessageRef.thread == channel))).first()
    return row.key if row else None


def cases_without_card(session: Session, *, platform: str, key_prefix: str, since: datetime,
                       before: datetime, limit: int) -> list[tuple[Team, Case]]:
    """Cases of the platform's teams forwarded in [since, before] whose card was never shown
    (no message holds `key_prefix` + id): a post that failed, or a process that died."""
    key = key_prefix + cast(Case.id, String)
    rows = session.exec(
        select(Team, Case).join(Case, Case.team_id == Team.id)
        .outerjoin(MessageRef, (MessageRef.platform == platform) & (MessageRef.key == key))
        .where(Team.platform == platform, MessageRef.id.is_(None),
               Case.forwarded_at >= since, Case.forwarded_at <= before)
        .order_by(Case.id).limit(limit)).all()
    return [(team, case) for team, case in rows]
