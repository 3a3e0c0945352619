"""The scheduler job that sends due reminders, each once, in the case's thread.

One tick takes the due reminders (a lease makes them this process's), skips those whose
reason went away, collapses what piled up for a case during downtime into what still makes
sense (rules.collapse), keeps back those that cannot be posted yet (a case whose card is not
shown: there is no thread to post in; outside the team's working hours: the next opening),
and returns one outbox per reminder. A channel with many reminders at once gets one digest
listing them, and each thread still gets its own. The reminders are stamped as sent only
when the adapter delivered the outbox: a crash mid-send means another try after the lease,
not a loss; a reminder that could not be posted is never stamped as sent, and when a person
must fix something first (the bot left out of the channel), the lead is told once.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Collection, Iterator, Sequence

from sqlmodel import Session

from bot.messages import Button, Outbound, Outbox, Say, ThreadPost
from bot.text import Mention, Quote, Rich, join
from desk.reminders import rules
from desk.reminders.calendar import WorkCalendar, team_calendar
from desk.cases.buttons import CaseButton
from desk.cases.cards import case_key, thread_post
from desk.outbox import tell_lead
from desk.turn import Desk
from desk.cases.followup import REACTIONS
from desk.advice.suggest import suggest
from desk.team.templates import team_contact, team_templates
from storage import reminders, repo
from storage.models import Member, Reminder, Team
from storage.reminders import Taken

log = logging.getLogger(__name__)

# A tick's posts, paced at one a second per channel (shared by every process), take minutes:
# the lease is renewed while they go out (see Lease).
BATCH = 100
MAX_MENTIONS = 10
DIGEST_LINES = 15


@dataclass
class Post:
    """One reminder, rendered: its thread post, its digest line, and for reminders to the
    whole channel, a message in the channel."""

    reminder_id: int
    channel: str | None
    thread: ThreadPost
    line: Rich
    say: Rich | None = None


@dataclass
class People:
    """Everyone a batch's reminders may mention: owners by member id; leads and those who
    asked by team and platform user id."""

    by_id: dict[int, Member]
    by_user: dict[tuple[int, str], Member]


@dataclass
class Lease:
    """The reminders a tick took are this process's until `until`. Posts are paced, so a
    tick can outlast one lease: it is renewed while the posts go out, and a post whose
    reminder another process took meanwhile is left to that process, never sent twice."""

    desk: Desk
    until: datetime
    lost: set[int] = field(default_factory=set)

    def keep(self, boxes: Sequence[tuple[Outbox, list[int]]]) -> Iterator[Outbox]:
        for i, (outbox, ids) in enumerate(boxes):
            if self.desk.now() >= self.until - rules.LEASE / 2:
                self.renew([r for _, rest in boxes[i:] for r in rest])
            if not self.lost.intersection(ids):
                yield outbox

    def renew(self, ids: Sequence[int]) -> None:
        until = self.desk.now() + rules.LEASE
        with self.desk.db.unit() as session:
            held = reminders.renew(session, ids=ids, lease_until=self.until, until=until)
        self.lost.update(set(ids) - held)
        self.until = until

    def delivered(self, ids: Sequence[int]) -> None:
        """Stamp as sent, with a line in each case's history."""
        with self.desk.db.unit() as session:
            now = self.desk.now()
            for row in reminders.settle(session, ids=ids, lease_until=self.until,
                                        status=reminders.SENT, now=now):
                repo.record(session, case_id=row.case_id, actor_id=None, action="reminder_sent",
                            from_state=None, to_state=None, now=now,
                            detail={"kind": row.kind, "seq": row.seq, "for": row.target})


@dataclass
class ReminderSender:
    desk: Desk
    platforms: Collection[str] | None = None  # the platforms this process delivers to
    batch: int = BATCH
    _calendars: dict[tuple, WorkCalendar] = field(default_factory=dict)

    def __call__(self) -> Iterator[Outbox]:
        """Takes and renders the due reminders now; the outboxes come one by one, the lease
        renewed as they go."""
        now = self.desk.now()
        lease = Lease(self.desk, now + rules.LEASE)
        with self.desk.db.unit() as session:
            taken = reminders.take_due(session, now=now, lease_until=lease.until,
                                       limit=self.batch, platforms=self.platforms)
            by_team: dict[int, tuple[Team, list[Post]]] = {}
            channels = self._channels(session, taken)
            people = self._people(session, taken)
            for item in self._to_send(session, taken, channels, lease.until, now):
                post = Rendering(self.desk, session, item, self._calendar(item.team), now,
                                 people).post(channels[item.case.id])
                by_team.setdefault(item.team.id, (item.team, []))[1].append(post)
        return lease.keep([
            (Outbox(team.platform, team.workspace, group,
                    delivered=partial(lease.delivered, ids) if ids else None,
                    undelivered=tell_lead(self.desk, team.id)), ids)
            for team, posts in by_team.values() for group, ids in messages(self.desk, team, posts)])

    def _to_send(self, session: Session, taken: Sequence[Taken], channels: dict[int, str],
                 lease_until: datetime, now: datetime) -> Iterator[Taken]:
        """Per case: skip what no longer applies, collapse what piled up during downtime,
        and keep back what cannot be posted yet (no card to post under, outside working
        hours)."""
        by_case: dict[int, list[Taken]] = {}
        for item in taken:
            by_case.setdefault(item.case.id, []).append(item)
        for items in by_case.values():
            case, team = items[0].case, items[0].team
            cal = self._calendar(team)
            due = []
            for item in items:
                reason = rules.skip_reason(item.reminder.kind, state=case.state,
                                           answered=bool(case.holding_at or case.replied_at),
                                           attempts=item.reminder.attempts)
                if reason:
                    self._skip(session, item.reminder, reason, lease_until, now)
                else:
                    due.append(item.reminder)
            plan = rules.collapse(cal, due, now)
            for reminder in plan.superseded:
                self._skip(session, reminder, "superseded", lease_until, now)
            for reminder, due_at in plan.later:
                reminders.defer(session, reminder=reminder, due_at=due_at)
            for reminder in plan.send:
                if case.id not in channels:
                    log.info("reminder %s of case %s waits: its card is not shown yet",
                             reminder.kind, case.id)
                    reminders.defer(session, reminder=reminder,
                                    due_at=rules.place(cal, now + rules.NO_CARD_WAIT))
                elif not cal.is_working_time(now):
                    reminders.defer(session, reminder=reminder, due_at=rules.place(cal, now))
                else:
                    yield Taken(reminder, case, team)

    def _skip(self, session: Session, row: Reminder, reason: str, lease_until: datetime,
              now: datetime) -> None:
        if reminders.settle(session, ids=[row.id], lease_until=lease_until,
                            status=reminders.SKIPPED, now=now):
            repo.record(session, case_id=row.case_id, actor_id=None, action="reminder_skipped",
                        from_state=None, to_state=None, now=now,
                        detail={"kind": row.kind, "seq": row.seq, "reason": reason})

    def _calendar(self, team: Team) -> WorkCalendar:
        """Cached by the settings themselves, so a team that changes its hours is heard."""
        key = (team.timezone, team.work_days, team.work_hours, team.country)
        if key not in self._calendars:
            self._calendars[key] = team_calendar(team)
        return self._calendars[key]

    @staticmethod
    def _people(session: Session, taken: Sequence[Taken]) -> People:
        """One query for the owners and one per team for the others, not one per reminder."""
        wanted: dict[int, set[str]] = {}
        for t in taken:
            wanted.setdefault(t.team.id, set()).update(
                u for u in (t.reminder.target, t.team.lead) if u)
        by_user = {(team_id, u): m for team_id, user_ids in wanted.items()
                   for u, m in reminders.members_by_user(session, team_id=team_id,
                                                         user_ids=user_ids).items()}
        return People(repo.members_by_id(session, ids=[t.case.owner_id for t in taken
                                                       if t.case.owner_id]), by_user)

    @staticmethod
    def _channels(session: Session, taken: Sequence[Taken]) -> dict[int, str]:
        """The channel of each case whose card is shown (a reminder goes in the card's
        thread): the team's review channel, else where the card is."""
        out: dict[int, str] = {}
        for platform in {t.team.platform for t in taken}:
            keys = {case_key(t.case.id): t.case.id for t in taken if t.team.platform == platform}
            for key, channel in reminders.channels_of(session, platform=platform,
                                                      keys=keys).items():
                out[keys[key]] = channel
        for t in taken:
            if t.team.review_channel and t.case.id in out:
                out[t.case.id] = t.team.review_channel
        return out


def messages(desk: Desk, team: Team,
             posts: Sequence[Post]) -> list[tuple[list[Outbound], list[int]]]:
    """Per channel: a digest first when many are due at once, then every thread's reminder;
    otherwise each thread reminder with its channel message, if it has one. Each reminder
    comes with its own id, so one that fails to go out does not send the others again."""
    lang = desk.texts.pick(team.language)
    out: list[tuple[list[Outbound], list[int]]] = []
    by_channel: dict[str | None, list[Post]] = {}
    for post in posts:
        by_channel.setdefault(post.channel, []).append(post)
    for channel, group in by_channel.items():
        if channel and len(group) >= rules.DIGEST_AT:
            text = desk.texts.text(lang, "remind.digest", n=len(group))
            for post in group[:DIGEST_LINES]:
                text += Rich(["\n• "]) + post.line
            if len(group) > DIGEST_LINES:
                text += Rich(["\n"]) + desk.texts.text(lang, "remind.digest_more",
                                                       n=len(group) - DIGEST_LINES)
            out.append(([Say(channel, text)], []))
            out.extend(([p.thread], [p.reminder_id]) for p in group)
            continue
        out.extend(([p.thread, *([Say(channel, p.say)] if channel and p.say else [])],
                    [p.reminder_id]) for p in group)
    return out


class Rendering:
    """The texts of one reminder, in the team's language, mentioning who it is for."""

    def __init__(self, desk: Desk, session: Session, item: Taken, cal: WorkCalendar,
                 now: datetime, people: People) -> None:
        self.desk, self.session, self.cal, self.now = desk, session, cal, now
        self.people = people
        self.case, self.team, self.reminder = item.case, item.team, item.reminder
        self.lang = desk.texts.pick(self.team.language)

    def t(self, key: str, **values: object) -> Rich:
        return self.desk.texts.text(self.lang, key, case=self.case.id, **values)

    def post(self, channel: str | None) -> Post:
        kind = self.reminder.kind
        text, buttons = getattr(self, kind)()
        buttons.append(Button(CaseButton.REMIND_ME, str(self.t("button.remind_me")),
                              str(self.case.id)))
        say = self.t("remind.claim_channel", customer=self.customer()) if kind == "claim" else None
        return Post(self.reminder.id, channel, thread_post(self.case.id, text, buttons),
                    self.t(f"remind.what.{kind}", customer=self.customer()), say)

    # -- one method per kind: the text and the buttons besides "remind me" -----------------
    def vote(self) -> tuple[Rich, list[Button]]:
        people = reminders.members_not_voted(self.session, team_id=self.team.id,
                                             case_id=self.case.id, limit=MAX_MENTIONS)
        if not people:
            return self.t("remind.vote_anyone"), []
        return self.t("remind.vote", people=join(mention(m) for m in people)), []

    def claim(self) -> tuple[Rich, list[Button]]:
        return self.t("remind.claim"), []

    def holding(self) -> tuple[Rich, list[Button]]:
        owner = self.owner()
        text = suggest(self.case.text, customer=self.case.customer,
                       signer=owner.name if owner else "", contact=team_contact(self.team),
                       default_language=self.lang, tone=self.team.tone, sector=self.team.sector,
                       kind="holding", seed=self.case.id, templates=team_templates(self.team)).text
        end = self.cal.end_of_working_day(self.now).strftime("%H:%M")
        return (self.t("remind.holding", owner=self.someone(owner), end=end)
                + Rich(["\n", Quote(text)])), []

    def end_of_day(self) -> tuple[Rich, list[Button]]:
        owner = self.owner()
        people = [mention(owner)] if owner else []
        lead = self.team.lead
        if lead and not (owner and owner.user_id == lead):
            known = self.person(lead)
            people.append(mention(known) if known else Mention(lead))
        who = join(people) if people else self.t("remind.team")
        return self.t("remind.end_of_day", people=who,
                      state=self.desk.texts.text(self.lang, f"state.{self.case.state}")), []

    def followup(self) -> tuple[Rich, list[Button]]:
        value = f"{self.case.id}:{self.reminder.seq}"
        buttons = [Button(f"reaction_{r}", str(self.t(f"followup.reaction.{r}")), value,
                          "primary" if r == "satisfied" else None) for r in REACTIONS]
        return self.t("remind.followup", owner=self.someone(self.owner()),
                      customer=self.customer(), n=self.reminder.seq,
                      quiet=rules.QUIET_AFTER), buttons

    def snooze(self) -> tuple[Rich, list[Button]]:
        known = self.person(self.reminder.target)
        who = Rich([mention(known)]) if known else self.t("remind.team")
        return self.t("remind.snooze", who=who,
                      state=self.desk.texts.text(self.lang, f"state.{self.case.state}")), []

    # -- helpers ---------------------------------------------------------------------------
    def person(self, user_id: str | None) -> Member | None:
        return self.people.by_user.get((self.team.id, user_id)) if user_id else None

    def owner(self) -> Member | None:
        return self.people.by_id.get(self.case.owner_id) if self.case.owner_id else None

    def someone(self, member: Member | None) -> Rich:
        return Rich([mention(member)]) if member else self.t("remind.team")

    def customer(self) -> str:
        return self.case.customer or str(self.t("remind.the_customer"))


def mention(member: Member) -> Mention:
    return Mention(member.user_id, member.name)
