"""The case card: everything the team needs to see at a glance, and the buttons that fit
the case's state. Rebuilt from the database on every change and updated in place."""
from __future__ import annotations

from typing import Sequence

from bot.messages import Button, Card, ThreadPost
from bot.text import Link, Quote, Rich, Strong, Verbatim, join
from desk.advice import hints
from desk.advice.language import detect_language
from desk.cases.buttons import BUTTONS, ON_SITE
from desk.turn import Turn
from desk.cases.states import State
from desk.cases.review_input import domain
from storage import repo, sites
from storage.models import Case, Draft

ACCENT = {State.NEW: "open", State.OPEN: "open", State.CLAIMED: "open", State.REPLIED: "open",
          State.CLOSED: "done", State.IGNORED: "muted"}


CASE_KEY_PREFIX = "case:"


def case_key(case_id: int) -> str:
    return f"{CASE_KEY_PREFIX}{case_id}"


def thread_post(case_id: int, text: Rich, buttons: Sequence[Button] = ()) -> ThreadPost:
    """A post in the case's thread, carrying the card's number for a platform that names the
    thread when it starts it."""
    return ThreadPost(case_key(case_id), text, tuple(buttons), number=str(case_id))


def stars(n: int | None) -> str:
    return f"{'★' * n}{'☆' * (5 - n)}" if n else ""


def case_card(turn: Turn, case: Case, *, fresh: bool = False) -> Card:
    """The case's card as it stands; `fresh`: the case was created in this unit of work, so
    there are no votes or drafts to read."""
    s = turn.session
    state = State(case.state)
    votes = [] if fresh else repo.votes_for(s, case_id=case.id)
    drafts = [] if fresh else repo.drafts_for(s, case_id=case.id)
    draft = drafts[-1] if drafts else None
    people = repo.members_by_id(s, ids=[v.member_id for v in votes]
                                + [m for m in (case.owner_id, case.forwarded_by,
                                               draft.author_id if draft else None) if m])

    def name(member_id: int | None) -> str:
        member = people.get(member_id) if member_id else None
        return member.name or member.user_id if member else "—"

    tt = turn.tt
    source = str(tt(f"source.{case.source}"))
    title = Rich([Strong(f"#{case.id}"), f" · {source}"])
    if case.stars:
        title += f" · {stars(case.stars)}"
    if case.customer:
        title += Rich([" · ", Verbatim(case.customer)])

    tally = []
    for choice in ("respond", "ignore"):
        voters = [name(v.member_id) for v in votes if v.choice == choice]
        label = tt(f"vote.{choice}", n=len(voters))
        tally.append(label + (f" ({', '.join(voters)})" if voters else ""))
    fields: list[tuple[str, Rich]] = [
        (str(tt("card.state")), tt(f"state.{state.value}")),
        (str(tt("card.votes")), join(tally, " · ")),
    ]
    if case.decision:
        decision = tt(f"decision.{case.decision}")
        if case.ignore_reason:
            decision += f" ({tt(f'reason.{case.ignore_reason}')})"
        fields.append((str(tt("card.decision")), decision))
    if case.owner_id:
        fields.append((str(tt("card.owner")), Rich([Strong(name(case.owner_id))])))
    if draft:
        fields.append((str(tt("card.draft")), tt("card.draft_value", version=draft.version,
                                                   author=name(draft.author_id),
                                                   kind=tt(f"draft.kind.{draft.kind}"))))
    for kind, label in (("holding", "card.holding"), ("reply", "card.replied")):
        posted = [d for d in drafts if d.kind == kind and d.posted_at]
        if posted and (kind == "holding" or case.replied_at):
            fields.append((str(tt(label)), posted_value(turn, posted[-1])))
    if case.outcome:
        fields.append((str(tt("card.outcome")), tt(f"outcome.{case.outcome}")))
    themes = hints.case_themes(turn, case)
    if themes:
        fields.append((str(tt("card.themes")), Rich([", ".join(theme_label(turn, t)
                                                               for t in themes)])))
    language = detect_language(case.text, default=turn.team_lang)  # the draft's, switchable
    fields.append((str(tt("card.language")), tt(f"language.{language}")))
    if state == State.NEW:
        fields.append((str(tt("advice.hint")), hints.hint(turn, case)))
    recurring = hints.recurring_note(turn, case)
    if recurring:
        fields.append((str(tt("advice.recurring")), recurring))
    if case.link:
        fields.append((str(tt("card.link")), Rich([Link(case.link, domain(case.link))])))
    if case.origin:
        fields.append((str(tt("card.origin")), Rich([Link(case.origin, str(tt("card.origin_label")))])))

    footer = tt("card.footer", forwarder=name(case.forwarded_by) if case.forwarded_by
                else tt("feed.forwarder", source=source),
                forwarded=local(turn, case.forwarded_at), activity=local(turn, case.last_activity_at))
    on_site = any(b in ON_SITE for b, _ in BUTTONS[state]) and \
        sites.review_on_site(s, team_id=case.team_id, case_id=case.id) is not None
    buttons = [Button(action, str(tt(f"button.{action}", site=source)), str(case.id), style)
               for action, style in ((ON_SITE.get(b, b) if on_site else b, style)
                                     for b, style in BUTTONS[state])]
    return Card(key=case_key(case.id), channel=turn.review_channel(), title=title,
                body=Rich([Quote(case.text)]), fields=fields, buttons=buttons, footer=footer,
                accent=ACCENT[state], version=case.version or 0, number=str(case.id), new=fresh)


def posted_value(turn: Turn, draft: Draft) -> Rich:
    """Which version went public and when, with a link to it on the review site."""
    value = turn.tt("card.posted", version=draft.version, when=local(turn, draft.posted_at))
    if draft.posted_link:
        value += Rich([" · ", Link(draft.posted_link, domain(draft.posted_link))])
    return value


def theme_label(turn: Turn, theme: str) -> str:
    """A built-in theme by its name in the team's language; a team's own theme as written."""
    key = f"theme.{theme}.label"
    return turn.desk.texts.plain(turn.team_lang, key) if turn.desk.texts.has(key) else theme


def opening(text: str, limit: int = 40) -> str:
    """The first words of a text on one line, so a picker can name a draft by what it says
    (a platform's option labels hold 75 characters)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1].rsplit(" ", 1)[0] + "…"


def local(turn: Turn, moment) -> str:
    return moment.astimezone(turn.zone).strftime("%d-%m %H:%M")
