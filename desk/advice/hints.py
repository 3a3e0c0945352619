"""Good practice at the moment the team decides and writes (DOMAIN steps 2 and 4):
a respond/ignore hint on the card, a suggested first draft, the coach's findings with every
saved draft, and the warning when several customers raise the same complaint."""
from __future__ import annotations

from datetime import timedelta

from bot.messages import Say
from bot.text import Mention, Rich
from desk.advice.coach import check_reply
from desk.advice.coach.explain import explain
from desk.turn import Turn
from desk.advice.suggest import Suggestion, suggest
from desk.team.templates import team_contact, team_templates
from desk.advice.themes import tag_themes
from desk.advice.triage import triage
from storage import repo, themes
from storage.models import Case

RECURRING_DAYS = 30
RECURRING_CUSTOMERS = 3
LISTED = 10  # cases named on a card or in the lead's warning; the count says how many in all
RECENT_REPLIES = 20  # the team's latest public replies a new draft should not echo


def hint(turn: Turn, case: Case) -> Rich:
    """A hint, never a decision: the suggestion and the signals behind it."""
    result = triage(case.text, stars=case.stars,
                    after_team_reply=themes.answered_before(turn.session, case=case))
    signals = "".join(" " + turn.desk.texts.plain(turn.team_lang, f"triage.{s}.message")
                      for s in result.signals)  # each a sentence of its own
    return turn.tt(f"advice.hint_{result.suggestion}", why=signals)


def signer(turn: Turn, case: Case) -> str:
    """Who signs the reply: the owner, or the drafter while nobody owns it."""
    if case.owner_id:
        owner = repo.members_by_id(turn.session, ids=[case.owner_id]).get(case.owner_id)
        if owner and owner.name:
            return owner.name
    return turn.who


def suggestion(turn: Turn, case: Case, kind: str, language: str | None = None) -> Suggestion:
    """A draft composed from the review, in `language` or the review's own, in the team's
    tone, that repeats none of the sentences of the team's latest replies."""
    team = turn.team
    return suggest(case.text, customer=case.customer, signer=signer(turn, case),
                   contact=team_contact(team), language=language,
                   default_language=turn.team_lang, tone=team.tone, sector=team.sector, kind=kind,
                   seed=case.id, avoid=repo.recent_reply_texts(turn.session, team_id=case.team_id),
                   templates=team_templates(team))


def coach_text(turn: Turn, case: Case, text: str, lang: str) -> str:
    """The coach's findings on a draft, each with why and how to fix it, in `lang`."""
    texts = turn.desk.texts
    recent = repo.recent_posted_replies(turn.session, team_id=case.team_id, exclude_case_id=case.id,
                                        limit=RECENT_REPLIES)
    findings = check_reply(text, customer=case.customer, signer=signer(turn, case),
                           review=case.text, site=case.source, recent=recent).findings
    if not findings:
        return texts.plain(lang, "advice.coach_ok")
    lines = [texts.plain(lang, "advice.coach_title")]
    for finding in findings:
        said = explain(texts, lang, finding)
        lines.append(texts.plain(lang, "advice.finding", message=said["message"], fix=said["fix"]))
        lines.append(texts.plain(lang, "coaching.better", better=said["better"]))
    return "\n".join(lines)


def tag(turn: Turn, case: Case) -> None:
    themes.add_themes(turn.session, case=case, themes=tag_themes(case.text))
    turn.memo.pop(("themes", case.id), None)


def theme_counts(turn: Turn, case: Case) -> list[themes.ThemeCount]:
    """The case's themes, counted over the 30 days up to it: in SQL, since a card is drawn
    on every click, and once per turn, since a forward's card and the lead's warning both
    ask."""
    key = ("themes", case.id)
    if key not in turn.memo:
        turn.memo[key] = themes.theme_counts(
            turn.session, case=case, customers=RECURRING_CUSTOMERS, listed=LISTED,
            since=case.forwarded_at - timedelta(days=RECURRING_DAYS))
    return turn.memo[key]


def case_themes(turn: Turn, case: Case) -> list[str]:
    """The case's themes in the order they were tagged."""
    return [counted.theme for counted in theme_counts(turn, case)]


def recurring(turn: Turn, case: Case) -> dict[str, tuple[int, list[int]]]:
    """Themes of this case that 3+ different customers raised in the 30 days up to it →
    (how many cases, the latest few of them)."""
    return {counted.theme: (counted.cases, counted.latest) for counted in theme_counts(turn, case)
            if counted.customers >= RECURRING_CUSTOMERS}


def case_list(cases: int, ids: list[int]) -> str:
    listed = " ".join(f"#{i}" for i in ids)
    return listed if cases <= len(ids) else f"{listed} …"


def theme_label(turn: Turn, theme: str) -> str:
    return turn.desk.texts.plain(turn.team_lang, f"theme.{theme}.label")


def recurring_note(turn: Turn, case: Case) -> Rich | None:
    found = recurring(turn, case)
    if not found:
        return None
    return Rich([", ".join(turn.desk.texts.plain(
        turn.team_lang, "advice.recurring_theme", theme=theme_label(turn, theme), n=n,
        cases=case_list(n, ids)) for theme, (n, ids) in sorted(found.items()))])


def warn_lead(turn: Turn, case: Case, channel: str) -> list[Say]:
    """Tell the lead once per theme per 30 days: several people say the same, not trolling."""
    found = recurring(turn, case)
    told = themes.alert_once(turn.session, team_id=case.team_id,
                             themes={theme: ids for theme, (_, ids) in found.items()},
                             since=turn.now - timedelta(days=RECURRING_DAYS), now=turn.now,
                             period=int(turn.now.timestamp()) // (RECURRING_DAYS * 86_400))
    lead = Rich([Mention(turn.team.lead)]) if turn.team.lead else turn.tt("advice.team")
    return [Say(channel, turn.tt("advice.recurring_alert", lead=lead,
                                 theme=theme_label(turn, theme), n=n, cases=case_list(n, ids)))
            for theme, (n, ids) in sorted(found.items()) if theme in told]
