"""Good practice at the moment the team decides and writes (DOMAIN steps 2 and 4):
a respond/ignore hint on the card, a suggested first draft, the coach's findings with every
saved draft, and the warning when several customers raise the same complaint."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import String, cast, distinct, func
from sqlmodel import select

from bot.messages import Say
from bot.text import Mention, Rich
from desk.advice.coach import check_reply
from desk.turn import Turn
from desk.advice.language import detect_language
from desk.advice.suggest import suggest_reply
from desk.team.templates import team_templates
from desk.advice.themes import tag_themes
from desk.advice.triage import triage
from storage import repo
from storage.models import Case, CaseTheme, Member, ThemeAlert

RECURRING_DAYS = 30
RECURRING_CUSTOMERS = 3
LISTED = 10  # cases named on a card or in the lead's warning; the count says how many in all


def review_language(turn: Turn, case: Case) -> str:
    return detect_language(case.text, default=turn.team_lang)


def hint(turn: Turn, case: Case) -> Rich:
    """A hint, never a decision: the suggestion and the signals behind it."""
    after_reply = bool(case.customer) and turn.session.exec(
        select(func.count()).select_from(Case).where(
            Case.team_id == case.team_id, Case.id != case.id, Case.replied_at.is_not(None),
            func.lower(Case.customer) == case.customer.lower())).one() > 0
    result = triage(case.text, stars=case.stars, after_team_reply=after_reply)
    signals = "".join(" " + turn.desk.texts.plain(turn.team_lang, f"triage.{s}.message")
                      for s in result.signals)  # each a sentence of its own
    return turn.tt(f"advice.hint_{result.suggestion}", why=signals)


def suggestion(turn: Turn, case: Case, kind: str) -> str:
    return suggest_reply(language=review_language(turn, case), customer=case.customer,
                         signer=turn.me.name, contact=turn.team.contact, kind=kind, seed=case.id,
                         templates=team_templates(turn.team))


def coach_text(turn: Turn, case: Case, text: str, lang: str) -> str:
    """The coach's findings on a draft, each with why and how to fix it, in `lang`.

    The reply is signed by whoever posts it: the owner, or the drafter while nobody owns it.
    """
    signer = turn.me.name
    if case.owner_id:
        owner = turn.session.get(Member, case.owner_id)
        signer = owner.name or signer
    texts = turn.desk.texts
    findings = check_reply(text, customer=case.customer, signer=signer).findings
    if not findings:
        return texts.plain(lang, "advice.coach_ok")
    return "\n".join([texts.plain(lang, "advice.coach_title")] + [
        texts.plain(lang, "advice.finding",
                    message=texts.plain(lang, f"coach.{f.rule}.message", **f.format_args()),
                    fix=texts.plain(lang, f"coach.{f.rule}.fix", **f.format_args()))
        for f in findings])


def tag(turn: Turn, case: Case) -> None:
    for theme in tag_themes(case.text):
        turn.session.add(CaseTheme(case_id=case.id, team_id=case.team_id, theme=theme,
                                   at=case.forwarded_at))


def recurring(turn: Turn, case: Case) -> dict[str, tuple[int, list[int]]]:
    """Themes of this case that 3+ different customers raised in the 30 days up to it →
    (how many cases, the latest few of them). Counted in SQL: a card is drawn on every click."""
    since = case.forwarded_at - timedelta(days=RECURRING_DAYS)
    window = (CaseTheme.team_id == case.team_id, CaseTheme.at >= since,
              CaseTheme.at <= case.forwarded_at,
              CaseTheme.theme.in_(select(CaseTheme.theme).where(CaseTheme.case_id == case.id)))
    customer = func.coalesce(func.lower(Case.customer), "#" + cast(Case.id, String))
    counts = turn.session.exec(
        select(CaseTheme.theme, func.count(distinct(customer)), func.count())
        .join(Case, Case.id == CaseTheme.case_id).where(*window)
        .group_by(CaseTheme.theme)).all()
    found = {}
    for theme, customers, cases in counts:
        if customers >= RECURRING_CUSTOMERS:
            latest = turn.session.exec(
                select(CaseTheme.case_id).where(*window, CaseTheme.theme == theme)
                .order_by(CaseTheme.at.desc(), CaseTheme.case_id.desc()).limit(LISTED)).all()
            found[theme] = (cases, sorted(latest))
    return found


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
    out = []
    for theme, (n, ids) in sorted(recurring(turn, case).items()):
        since = turn.now - timedelta(days=RECURRING_DAYS)
        told = turn.session.exec(select(ThemeAlert.id).where(
            ThemeAlert.team_id == case.team_id, ThemeAlert.theme == theme,
            ThemeAlert.at >= since)).first()
        if told:
            continue
        alert = ThemeAlert(team_id=case.team_id, theme=theme, at=turn.now,
                           period=int(turn.now.timestamp()) // (RECURRING_DAYS * 86_400),
                           cases=",".join(map(str, ids)))
        _, first = repo.insert_or_get(turn.session, alert, lambda: turn.session.exec(
            select(ThemeAlert).where(ThemeAlert.team_id == alert.team_id,
                                     ThemeAlert.theme == theme,
                                     ThemeAlert.period == alert.period)).first())
        if not first:
            continue
        lead = Rich([Mention(turn.team.lead)]) if turn.team.lead else turn.tt("advice.team")
        out.append(Say(channel, turn.tt("advice.recurring_alert", lead=lead,
                                        theme=theme_label(turn, theme), n=n,
                                        cases=case_list(n, ids))))
    return out
