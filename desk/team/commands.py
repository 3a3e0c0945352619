"""`/review list` and `/review setup`: the open cases and the team's settings."""
from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.events import Command, FormSubmit
from bot.i18n import LANGUAGES
from bot.messages import Choice, Form, FormErrors, Input, Notice, Outbound
from bot.text import Mention, Rich, join
from desk.advice.compose.tone import SECTORS, SETTINGS as TONE_SETTINGS
from desk.reporting import digest
from desk.sources import connections
from desk.reminders.calendar import WorkCalendar, parse_days, parse_hours
from desk.reporting.report import weekdays_label
from desk.team.contact import parse_email, parse_phone
from desk.turn import Turn, require_setup_rights
from storage import repo

SETUP_FORM = "setup"


def list_cases(turn: Turn, event: Command, args: str = "") -> list[Outbound]:
    cases = repo.open_cases(turn.session, team_id=turn.team.id)
    if not cases:
        return [Notice(turn.t("list.empty"))]
    total = repo.count_open_cases(turn.session, team_id=turn.team.id)
    owners = repo.members_by_id(turn.session, ids=[c.owner_id for c in cases if c.owner_id])
    lines = [turn.t("list.title", n=total)]
    for case in cases:
        owner = owners.get(case.owner_id)
        lines.append(turn.t("list.line", case=case.id, state=turn.t(f"state.{case.state}"),
                            source=turn.t(f"source.{case.source}"),
                            customer=case.customer or "—",
                            owner=(owner.name or owner.user_id) if owner else "—"))
    if total > len(cases):
        lines.append(turn.t("list.more", n=total - len(cases)))
    return [Notice(join(lines, "\n"))]


def setup(turn: Turn, event: Command, args: str = "") -> list[Outbound]:
    """The settings form; saving it makes this channel the review channel."""
    require_setup_rights(turn)
    team = turn.team
    changed = team.review_channel != event.place.channel
    t = turn.s
    form = Form(SETUP_FORM, t("setup.form.title"), [
        Input("language", t("setup.form.language"), kind="select", value=team.language,
              choices=[Choice(lang, t(f"language.{lang}")) for lang in LANGUAGES]),
        Input("timezone", t("setup.form.timezone"), value=team.timezone, max_length=64),
        Input("work_days", t("setup.form.work_days"), max_length=64,
              value=work_days_label(turn, team.work_days),
              hint=t("setup.form.work_days_hint")),
        Input("work_hours", t("setup.form.work_hours"), value=team.work_hours, max_length=32,
              hint=t("setup.form.work_hours_hint")),
        Input("country", t("setup.form.country"), value=team.country, max_length=8),
        Input("votes_needed", t("setup.form.votes_needed"), kind="number",
              value=str(team.votes_needed), max_length=2),
        Input("lead", t("setup.form.lead"), kind="person_or_role", required=False,
              value=team.lead or ""),
        Input("sector", t("setup.form.sector"), kind="select", required=False,
              value=team.sector or "", hint=t("setup.form.sector_hint"),
              choices=[Choice(k, t(f"sector.{k}")) for k in SECTORS]),
        Input("tone", t("setup.form.tone"), kind="select", value=team.tone or "sector",
              choices=[Choice(k, t(f"tone.{k}")) for k in TONE_SETTINGS]),
        Input("contact_phone", t("setup.form.contact_phone"), required=False,
              value=team.contact_phone or "", max_length=40, hint=t("setup.form.contact_phone_hint")),
        Input("contact_email", t("setup.form.contact_email"), required=False,
              value=team.contact_email or "", max_length=254, hint=t("setup.form.contact_email_hint")),
        *digest.setting_inputs(turn),
    ], t("setup.form.submit"), context=event.place.channel)
    notice = Notice(turn.t("setup.channel_set" if changed else "setup.channel_same")
                    + Rich(["\n"]) + connections.status(turn))
    return [notice, form]


def work_days_label(turn: Turn, days: str) -> str:
    """Working days as the team writes them ("ma-vr", "Mon-Fri"); parse_days reads both."""
    try:
        return weekdays_label(turn.desk.texts, turn.lang, parse_days(days))
    except ValueError:  # stored before days were checked: shown as they are, to be fixed
        return days


def lead_named(turn: Turn, lead: str | None, name: str) -> Rich | str:
    """The lead as the platform shows a person (a mention by name), never as a raw id."""
    if not lead:
        return "—"
    member = repo.find_member(turn.session, team_id=turn.team.id, user_id=lead)
    return Rich([Mention(lead, name or (member.name if member else ""))])


def setup_submitted(turn: Turn, event: FormSubmit) -> list[Outbound]:
    require_setup_rights(turn)
    v = {k: (val or "").strip() for k, val in event.values.items()}
    problems: dict[str, str] = {}
    if v.get("language") not in LANGUAGES:
        problems["language"] = turn.s("setup.error.language")
    try:
        ZoneInfo(v.get("timezone") or "")
    except (ZoneInfoNotFoundError, ValueError):
        problems["timezone"] = turn.s("setup.error.timezone")
    problems.update({name: turn.s(key) for name, key in calendar_problems(v).items()})
    votes = v.get("votes_needed", "")
    if not votes.isdigit() or not 1 <= int(votes) <= 20:
        problems["votes_needed"] = turn.s("setup.error.votes_needed")
    problems.update(digest.setting_problems(turn, v))
    problems.update({name: turn.s(key) for name, key in reply_problems(v).items()})
    if problems:
        return [FormErrors(problems)]
    team = turn.team
    old, team.review_channel = team.review_channel, event.context or event.place.channel
    if turn.desk.outbox is not None:  # what never reached the old channel goes to this one
        turn.desk.outbox.channel_chosen(turn.session, team, old, turn.now)
    team.language, team.timezone = v["language"], v["timezone"]
    team.work_days, team.work_hours = v["work_days"], v["work_hours"]
    team.country = v["country"].upper()
    team.votes_needed = int(votes)
    team.lead = v.get("lead") or None
    team.sector = v.get("sector") or None
    team.tone = None if v.get("tone", "sector") == "sector" else v["tone"]
    team.contact_phone = parse_phone(v.get("contact_phone", ""))
    team.contact_email = parse_email(v.get("contact_email", ""))
    turn.session.add(team)
    turn.pick_languages()
    return [Notice(turn.t("setup.saved", language=turn.t(f"language.{team.language}"),
                          timezone=team.timezone, hours=team.work_hours,
                          days=weekdays_label(turn.desk.texts, turn.lang,
                                              parse_days(team.work_days)),
                          country=team.country, votes=team.votes_needed,
                          lead=lead_named(turn, team.lead, v.get("lead_name", ""))) + "\n" + digest.apply_settings(turn, v))]


def calendar_problems(values: dict[str, str]) -> dict[str, str]:
    """Working days, hours and holiday country that the team calendar cannot read."""
    problems = {}
    for name, parse in (("work_days", parse_days), ("work_hours", parse_hours)):
        try:
            parse(values.get(name, ""))
        except ValueError:
            problems[name] = f"setup.error.{name}"
    try:
        WorkCalendar(country=values.get("country", "").upper() or None)
    except ValueError:
        problems["country"] = "setup.error.country"
    return problems


def reply_problems(values: dict[str, str]) -> dict[str, str]:
    """Sector, tone and contact details that reply suggestions cannot use."""
    problems = {}
    if values.get("sector") and values["sector"] not in SECTORS:
        problems["sector"] = "setup.error.sector"
    if values.get("tone", "sector") not in TONE_SETTINGS:
        problems["tone"] = "setup.error.tone"
    for name, parse in (("contact_phone", parse_phone), ("contact_email", parse_email)):
        try:
            parse(values.get(name, ""))
        except ValueError:
            problems[name] = f"setup.error.{name}"
    return problems
