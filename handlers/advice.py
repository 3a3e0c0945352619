"""Good practice at the moment the team decides and writes (DOMAIN steps 2 and 4):
a respond/ignore hint on the card, a suggested first draft, the coach's findings with every
saved draft, and the warning when several customers raise the same complaint."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func
from sqlmodel import select

from bot.messages import Say
from bot.text import Mention, Rich
from handlers.coach import check_reply
from handlers.desk import Turn
from handlers.language import detect_language
from handlers.suggest import suggest_reply
from handlers.themes import tag_themes
from handlers.triage import triage
from storage.models import Case, CaseTheme, Member, ThemeAlert

RECURRING_DAYS = 30
RECURRING_CUSTOMERS = 3


def review_language(turn: Turn, case: Case) -> str:
    return detect_language(case.text, default=turn.team_lang)


def hint(turn: Turn, case: Case) -> Rich:
    """A hint, never a decision: the suggestion and the signals behind it."""
    after_reply = bool(case.customer) and turn.session.exec(
        select(func.count()).select_from(Case).where(
            Case.team_id == case.team_id, Case.id != case.id, Case.replied_at.is_not(None),
            func.lower(Case.customer) == case.customer.lower())).one() > 0
    result = triage(case.text, stars=case.stars, after_team_reply=after_reply)
    signals = ", ".join(turn.desk.texts.plain(turn.team_lang, f"triage.{s}.message")
                        for s in result.signals)
    return turn.tt(f"advice.hint_{result.suggestion}", signals=signals or "—")


def suggestion(turn: Turn, case: Case, kind: str) -> str:
    return suggest_reply(language=review_language(turn, case), customer=case.customer,
                         signer=turn.me.name, contact=turn.team.contact, kind=kind, seed=case.id)


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


def recurring(turn: Turn, case: Case) -> dict[str, list[int]]:
    """Themes of this case that different customers raised 3+ times in 30 days → their cases."""
    since = case.forwarded_at - timedelta(days=RECURRING_DAYS)
    rows = turn.session.exec(
        select(CaseTheme.theme, Case.id, Case.customer)
        .join(Case, Case.id == CaseTheme.case_id)
        .where(CaseTheme.team_id == case.team_id, CaseTheme.at >= since,
               CaseTheme.at <= case.forwarded_at,
               CaseTheme.theme.in_(select(CaseTheme.theme).where(CaseTheme.case_id == case.id)))
        .order_by(Case.id)).all()
    found: dict[str, list[int]] = {}
    for theme in {r[0] for r in rows}:
        cases = [(cid, customer) for t, cid, customer in rows if t == theme]
        customers = {(customer or f"#{cid}").strip().casefold() for cid, customer in cases}
        if len(customers) >= RECURRING_CUSTOMERS:
            found[theme] = [cid for cid, _ in cases]
    return found


def theme_label(turn: Turn, theme: str) -> str:
    return turn.desk.texts.plain(turn.team_lang, f"theme.{theme}.label")


def recurring_note(turn: Turn, case: Case) -> Rich | None:
    found = recurring(turn, case)
    if not found:
        return None
    return Rich([", ".join(turn.desk.texts.plain(
        turn.team_lang, "advice.recurring_theme", theme=theme_label(turn, theme), n=len(ids),
        cases=" ".join(f"#{i}" for i in ids)) for theme, ids in sorted(found.items()))])


def warn_lead(turn: Turn, case: Case, channel: str) -> list[Say]:
    """Tell the lead once per theme per 30 days: several people say the same, not trolling."""
    out = []
    for theme, ids in sorted(recurring(turn, case).items()):
        since = turn.now - timedelta(days=RECURRING_DAYS)
        told = turn.session.exec(select(ThemeAlert.id).where(
            ThemeAlert.team_id == case.team_id, ThemeAlert.theme == theme,
            ThemeAlert.at >= since)).first()
        if told:
            continue
        turn.session.add(ThemeAlert(team_id=case.team_id, theme=theme, at=turn.now,
                                    cases=",".join(map(str, ids))))
        lead = Rich([Mention(turn.team.lead)]) if turn.team.lead else turn.tt("advice.team")
        out.append(Say(channel, turn.tt("advice.recurring_alert", lead=lead,
                                        theme=theme_label(turn, theme), n=len(ids),
                                        cases=" ".join(f"#{i}" for i in ids))))
    return out
