"""Tables. Uniqueness that matters for correctness lives here as constraints, so that it holds
across processes: one team per workspace, one member per person, one case per review, one
vote per member and case, one version number per draft."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import Column, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("platform", "workspace", name="uq_team_workspace"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    platform: str
    workspace: str
    name: str = ""
    review_channel: Optional[str] = None
    language: str = "en"
    timezone: str = "Europe/Amsterdam"
    work_days: str = "mon-fri"
    work_hours: str = "09:00-17:30"
    country: str = "NL"
    lead: Optional[str] = None  # a platform user id, or a Discord role id
    votes_needed: int = 2
    # How customers reach the team privately, offered in reply suggestions ("bel me op ...").
    contact_phone: Optional[str] = None
    contact_email: Optional[str] = None
    sector: Optional[str] = None  # restaurant, webshop, hairdresser, ...: sets the usual u/je
    tone: Optional[str] = None  # u | je | mirror (the customer's own); None: the sector's custom
    reply_templates: Optional[str] = Field(default=None, sa_column=Column(Text))  # JSON
    digest_day: Optional[str] = "mon"  # weekly digest: a weekday, or None for no digest
    digest_hour: int = 9
    created_at: datetime


class Member(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("team_id", "user_id", name="uq_member_user"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    user_id: str
    name: str = ""
    locale: Optional[str] = None


_case_version = Column("version", Integer, nullable=False)


class Case(SQLModel, table=True):
    __tablename__ = "review_case"
    __table_args__ = (
        UniqueConstraint("team_id", "link_key", name="uq_case_link"),
        UniqueConstraint("team_id", "content_key", name="uq_case_content"),
        Index("ix_case_team_state", "team_id", "state"),
        Index("ix_case_team_forwarded", "team_id", "forwarded_at"),  # a period's cases, for reports
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    state: str = "new"
    source: str = "other"
    link: Optional[str] = None
    link_key: Optional[str] = None
    content_key: str
    customer: Optional[str] = None
    stars: Optional[int] = None
    text: str = Field(sa_column=Column(Text, nullable=False))
    origin: Optional[str] = None  # link to the chat message it was forwarded from
    # The member who forwarded it; None when a review site or a script delivered it (its
    # `source` names the integration then).
    forwarded_by: Optional[int] = Field(default=None, foreign_key="member.id")
    forwarded_at: datetime
    decision: Optional[str] = None  # respond | ignore
    ignore_reason: Optional[str] = None
    decided_at: Optional[datetime] = None
    owner_id: Optional[int] = Field(default=None, foreign_key="member.id")
    claimed_at: Optional[datetime] = None
    holding_at: Optional[datetime] = None
    replied_at: Optional[datetime] = None
    reply_link: Optional[str] = None
    reply_version: Optional[int] = None  # the draft version that went public
    outcome: Optional[str] = None  # satisfied | went_quiet | ignored
    closed_at: Optional[datetime] = None
    lesson: Optional[str] = Field(default=None, sa_column=Column(Text))
    last_activity_at: datetime
    version: int = Field(default=1, sa_column=_case_version)

    # Every UPDATE says "WHERE version = <the one read>": a concurrent change makes it fail.
    __mapper_args__ = {"version_id_col": _case_version}


class Vote(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("case_id", "member_id", name="uq_vote_member"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="review_case.id", index=True)
    member_id: int = Field(foreign_key="member.id")
    choice: str  # respond | ignore
    reason: Optional[str] = None
    at: datetime


class Draft(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("case_id", "version", name="uq_draft_version"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="review_case.id", index=True)
    version: int
    kind: str = "reply"  # reply | holding
    text: str = Field(sa_column=Column(Text, nullable=False))
    author_id: int = Field(foreign_key="member.id")
    at: datetime
    posted_at: Optional[datetime] = None
    posted_link: Optional[str] = None


class FollowUp(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="review_case.id", index=True)
    kind: str  # contact | solution | reaction
    reaction: Optional[str] = None  # satisfied | not_yet | none
    note: Optional[str] = Field(default=None, sa_column=Column(Text))
    author_id: Optional[int] = Field(default=None, foreign_key="member.id")
    at: datetime


class Reminder(SQLModel, table=True):
    __table_args__ = (
        Index("ix_reminder_due", "status", "due_at"),
        UniqueConstraint("case_id", "kind", "seq", name="uq_reminder_step"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="review_case.id", index=True)
    kind: str
    seq: int = 0  # which occurrence of this kind, so a rule never schedules the same step twice
    due_at: datetime
    status: str = "pending"  # pending | sending | sent | skipped | cancelled
    target: Optional[str] = None  # a member's platform user id, when the reminder is for one person
    lease_until: Optional[datetime] = None
    attempts: int = 0
    sent_at: Optional[datetime] = None
    created_by: Optional[int] = Field(default=None, foreign_key="member.id")


class CaseTheme(SQLModel, table=True):
    """A theme a case raises (delivery, waiting time, ...), for the recurring-complaint warning."""

    __tablename__ = "case_theme"
    __table_args__ = (
        UniqueConstraint("case_id", "theme", name="uq_case_theme"),
        Index("ix_case_theme_recent", "team_id", "theme", "at"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="review_case.id")
    team_id: int = Field(foreign_key="team.id")
    theme: str
    at: datetime


class ThemeAlert(SQLModel, table=True):
    """The lead was told that a theme keeps coming back; told once per theme and window."""

    __tablename__ = "theme_alert"
    __table_args__ = (Index("ix_theme_alert_recent", "team_id", "theme", "at"),
                      UniqueConstraint("team_id", "theme", "period", name="uq_theme_alert_period"))

    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    theme: str
    at: datetime
    # Which 30-day stretch since 1970 the alert falls in: two processes that see the same
    # recurring theme at the same moment insert the same row, and only one of them tells.
    period: int = 0
    cases: str  # the case ids that made up the warning, comma-separated


class History(SQLModel, table=True):
    """Every state change of a case: who, what, when. Reports and audits read this."""

    # Reports count one kind of change (reopen) over many cases without reading every row.
    __table_args__ = (Index("ix_history_action", "action", "case_id"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="review_case.id", index=True)
    at: datetime
    actor_id: Optional[int] = Field(default=None, foreign_key="member.id")
    action: str
    from_state: Optional[str] = None
    to_state: Optional[str] = None
    detail: Optional[str] = Field(default=None, sa_column=Column(Text))


class MessageRef(SQLModel, table=True):
    """Which platform message shows a card (and its thread), so it can be updated in place."""

    __tablename__ = "message_ref"
    __table_args__ = (
        UniqueConstraint("platform", "key", name="uq_message_ref_key"),
        Index("ix_message_ref_message", "platform", "channel", "message"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    platform: str
    key: str
    channel: str
    message: str
    thread: Optional[str] = None


class DigestSent(SQLModel, table=True):
    """The weekly digest of a team: claimed by one process at a time, sent once per week."""

    __tablename__ = "digest_sent"
    __table_args__ = (UniqueConstraint("team_id", "week", name="uq_digest_week"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    week: str  # ISO week of the digest, e.g. "2026-W48"
    claimed_until: datetime  # another process may take over once this passed and it is unsent
    sent_at: Optional[datetime] = None


class Pace(SQLModel, table=True):
    """When the next bot-initiated post may go to a channel, shared by every process, so that
    adding processes never adds posts per second (see storage.pacing)."""

    key: str = Field(primary_key=True)  # "slack:C0123": the platform and the channel
    next_at: float  # seconds since the epoch, by the database's clock


class InboxItem(SQLModel, table=True):
    """What a platform delivered, stored before it was acknowledged and worked from here: a
    process that stops or dies leaves nothing acknowledged behind. The platform's own id for
    the delivery (`receipt`) makes a retry or a re-delivery the same row."""

    __tablename__ = "inbox"
    __table_args__ = (
        UniqueConstraint("platform", "receipt", name="uq_inbox_receipt"),
        Index("ix_inbox_todo", "platform", "status", "lease_until"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    platform: str
    receipt: str
    kind: str  # what it is on the platform: command, button, message, ...
    body: str = Field(sa_column=Column(Text, nullable=False))  # as the platform sent it
    received_at: datetime
    status: str = "pending"  # pending | done
    lease_until: Optional[datetime] = None  # while a worker has it
    attempts: int = 0
    done_at: Optional[datetime] = None


class OutboxItem(SQLModel, table=True):
    """A message for a channel or a case's thread, stored in the unit of work that produced it
    and marked delivered only once the platform took it: a process that dies after its commit,
    a platform that is down, or a bot left out of its channel delays a post, never loses it.
    `key` (a case's) keeps a case's posts in order: its card before its thread posts."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "platform", "delivered_at", "due_at"),
        Index("ix_outbox_key", "platform", "key", "id"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    platform: str
    workspace: str
    team_id: int = Field(foreign_key="team.id")
    kind: str  # the message's type: Card, ThreadPost, Say, File
    key: Optional[str] = None  # the case's key, for the posts of a case
    channel: Optional[str] = None  # where it goes, when the message says (a thread's: its card's)
    body: str = Field(sa_column=Column(Text, nullable=False))  # bot.delivery.codec
    created_at: datetime
    due_at: datetime  # next try; moved forward while a process holds it (a lease)
    attempts: int = 0
    error: Optional[str] = None  # the reason of the last failure
    alert: bool = False  # a message that tells the lead what to fix: given up when it fails
    told: Optional[str] = None  # an alert's failure reason (told once, until a post gets through)
    delivered_at: Optional[datetime] = None
    outcome: Optional[str] = None  # delivered | superseded (a newer card) | given_up


class IntakeKey(SQLModel, table=True):
    """A team's secret for signing reviews it sends to the intake endpoint; one per team,
    replaced (never shown again) when the lead asks for a new one."""

    __tablename__ = "intake_key"

    team_id: int = Field(foreign_key="team.id", primary_key=True)
    secret: str
    created_at: datetime


class IntakeReview(SQLModel, table=True):
    """A review a site or a script delivered: which case it is, what the site last said about
    it, and whether the team has seen its card (and the note on its last change) yet."""

    __tablename__ = "intake_review"
    __table_args__ = (
        UniqueConstraint("team_id", "source", "external_id", name="uq_intake_external"),
        Index("ix_intake_unshown", "shown", "team_id"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    source: str
    external_id: str
    case_id: int = Field(foreign_key="review_case.id", index=True)
    language: Optional[str] = None  # as the site tells it, when it does
    created_at: Optional[datetime] = None  # the site's times, as it sent them
    updated_at: Optional[datetime] = None
    received_at: datetime
    shown: bool = False  # the card (and the change note) reached the review channel
    change: Optional[str] = Field(default=None, sa_column=Column(Text))  # JSON: what to tell
    # JSON: what the flow said to the channel besides the card (the lead's warning), to post
    # with it
    says: Optional[str] = Field(default=None, sa_column=Column(Text))
    changed: int = 0  # grows with every change, so a post of an older one leaves it unshown
    claimed_until: Optional[datetime] = None  # a process is posting it until then
    deleted_at: Optional[datetime] = None  # when the site said it removed the review


class ModelDraft(SQLModel, table=True):
    """A language model's first drafts for a case, written ahead of time by a scheduled job
    (a model is too slow for the moment a person opens the draft form) and kept with the
    coach's findings, so the form shows them at once; a person still edits and posts."""

    __tablename__ = "model_draft"
    __table_args__ = (Index("ix_model_draft_status", "status", "taken_until"),)

    case_id: int = Field(foreign_key="review_case.id", primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    status: str = "queued"  # queued | ready | failed
    queued_at: datetime
    taken_until: Optional[datetime] = None  # a process is writing it until then
    done_at: Optional[datetime] = None
    language: Optional[str] = None
    reply: Optional[str] = Field(default=None, sa_column=Column(Text))
    holding: Optional[str] = Field(default=None, sa_column=Column(Text))
    # JSON {"reply": [rules], "holding": [rules]} of the first and of the final attempt
    first_findings: Optional[str] = Field(default=None, sa_column=Column(Text))
    findings: Optional[str] = Field(default=None, sa_column=Column(Text))
    attempts: int = 0  # requests made to the model
    failure: Optional[str] = None  # timeout, http_500, malformed, ...: why the composer's is shown


class SiteConnection(SQLModel, table=True):
    """A review site the team connected: its settings (sealed: the secrets are encrypted),
    where the next sync starts, and how the last ones went, so a failing site is retried
    later and its lead told once."""

    __tablename__ = "site_connection"
    __table_args__ = (UniqueConstraint("team_id", "source", name="uq_site_connection"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    source: str
    settings: str = Field(sa_column=Column(Text, nullable=False))  # Fernet token of JSON
    cursor: Optional[str] = Field(default=None, sa_column=Column(Text))  # the site's own
    connected_at: datetime
    synced_at: Optional[datetime] = None  # the last sync that went through
    error: Optional[str] = None  # the kind of the last failure (SiteError kinds), else None
    error_at: Optional[datetime] = None
    told_at: Optional[datetime] = None  # the lead was told of the failure going on now
    failures: int = 0  # in a row
    next_sync_at: Optional[datetime] = Field(default=None, index=True)
    claimed_until: Optional[datetime] = None  # a process is syncing it until then
