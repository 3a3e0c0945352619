"""The `review-desk` command."""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Optional

import typer

from app.registry import SECTIONS
from bot.settings import Settings, SettingsError

app = typer.Typer(help="review-desk: answer negative online reviews as a team.",
                  no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def _settings(env_file: str) -> Settings:
    from app.main import configure_logging

    from app import ai
    from app.sites import wiring

    try:
        settings = Settings.load(env_file, sections={**SECTIONS, **ai.SECTIONS,
                                                     **wiring.SECTIONS},
                                 adapters=list(SECTIONS))
        ai.check(settings)
    except SettingsError as err:
        typer.echo(f"review-desk: {err}", err=True)
        raise typer.Exit(2) from None
    configure_logging(settings)
    return settings


ENV_FILE = typer.Option(".env", "--env-file", help="Settings file read before the environment.")


@app.command()
def run(env_file: str = ENV_FILE) -> None:
    """Start the bot on the platform whose tokens are set (the console when none are)."""
    from app.main import start

    start(_settings(env_file))


@app.command()
def console(env_file: str = ENV_FILE,
            user: Optional[str] = typer.Option(None, help="Your name in the console.")) -> None:
    """Open the console channel: the whole workflow in a terminal, on the configured database."""
    from dataclasses import replace

    from bot.clock import OffsetClock, SystemClock
    from app.main import build, run_console

    settings = replace(_settings(env_file), adapter="console")
    if user:
        from bot.adapters.console import ConsoleSettings

        settings = replace(settings, sections={**settings.sections,
                                               "console": ConsoleSettings(user=user)})
    run_console(build(settings, clock=OffsetClock(SystemClock())))


@app.command()
def slack(env_file: str = ENV_FILE,
          http: bool = typer.Option(False, "--http",
                                    help="Serve Slack's requests over HTTP instead of Socket Mode."),
          port: int = typer.Option(3000, help="The HTTP port (with --http)."),
          host: str = typer.Option("0.0.0.0", help="The address to listen on (with --http)."),
          role: str = typer.Option(
              "all", help="all: serve and work (the default); with PostgreSQL, web: only store "
                          "and acknowledge what Slack sends, worker: only work it off, post "
                          "and remind (no server).")
          ) -> None:
    """Run the Slack app: Socket Mode by default, or HTTP on /slack/events behind a load balancer."""
    from dataclasses import replace

    from app.main import build, run_slack
    from bot.serving import ROLES

    run_slack(build(replace(_settings(env_file), adapter="slack")), http=http, host=host,
              port=port, role=_one_of(ROLES, role))


@app.command()
def when(phrase: str = typer.Argument(..., help='A moment in plain words, e.g. "morgen om 9 uur".'),
         now: Optional[str] = typer.Option(None, help="Read the phrase as if it were this ISO "
                                                      "8601 moment (default: now)."),
         tz: str = typer.Option("Europe/Amsterdam", help="The team's time zone.")) -> None:
    """Print the moment a phrase means, as ISO 8601 with its offset (as snooze reads it)."""
    from datetime import datetime, timezone

    from app.main import load_catalogs
    from desk.reminders.when import WhenError, parse_when

    try:
        base = datetime.fromisoformat(now) if now else datetime.now(timezone.utc)
        if base.tzinfo is None:
            raise ValueError("--now needs an offset, e.g. 2026-11-23T10:00+01:00")
        typer.echo(parse_when(phrase, now=base, tz=tz).isoformat())
    except WhenError as err:
        texts, lang = load_catalogs(), err.language or "en"
        typer.echo(texts.plain(lang, f"remind.error.{err.code}",
                               examples=texts.plain(lang, "remind.examples")), err=True)
        raise typer.Exit(1) from None
    except (ValueError, KeyError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None


@app.command()
def discord(env_file: str = ENV_FILE) -> None:
    """Run the Discord bot (DISCORD_TOKEN; DISCORD_GUILD_ID syncs the commands to one server at once)."""
    from dataclasses import replace

    from app.main import build
    from app.registry import ADAPTERS

    ADAPTERS["discord"].run(build(replace(_settings(env_file), adapter="discord")))


TEAM = typer.Option(None, "--team", help="Team id or workspace; needed when the database "
                                         "holds several teams.")


def _team(env_file: str, team: Optional[str]):
    """The desk and the chosen team's id; exits with the teams to choose from."""
    from app.main import build
    from desk.reporting.report import find_teams

    desk = build(_settings(env_file)).desk
    found, every = find_teams(desk, team), find_teams(desk, None)
    if len(found) != 1:
        typer.echo("No team uses this database yet." if not every else
                   f"No team matches --team {team}; the teams are:" if team else
                   "Several teams use this database; choose one with --team:", err=True)
        for t in every:
            typer.echo(f"  {t.id}  {t.platform}/{t.workspace}  {t.name}", err=True)
        raise typer.Exit(2)
    return desk, found[0].id


def _report_setup(env_file: str, team: Optional[str], period: str):
    """The desk, the chosen team's id and the period; exits with the teams to choose from."""
    from bot.errors import UserError
    from app.main import load_catalogs
    from desk.reporting.report import Period

    try:
        parsed = Period.parse(period)
    except UserError as err:
        typer.echo(load_catalogs().plain("en", err.key), err=True)
        raise typer.Exit(2) from None
    desk, team_id = _team(env_file, team)
    return desk, team_id, parsed


@app.command()
def report(period: str = typer.Option("30d", help="7d, 30d, 12w, 3m: up to now."),
           team: Optional[str] = TEAM, env_file: str = ENV_FILE) -> None:
    """Print the team lead's report: response times, outcomes, recurring complaints, lessons."""
    from desk.reporting.report import report_text

    desk, team_id, parsed = _report_setup(env_file, team, period)
    typer.echo(report_text(desk, team_id, parsed))


@app.command()
def export(period: str = typer.Option("90d", help="7d, 30d, 12w, 3m: up to now."),
           fmt: str = typer.Option("csv", "--format", help="Only csv, for now."),
           team: Optional[str] = TEAM,
           output: Optional[Path] = typer.Option(None, "--output", help="File to write "
                                                 "(default: standard output)."),
           env_file: str = ENV_FILE) -> None:
    """Export one row per case of the period (times, owner, decision, outcome, themes, lesson)."""
    import sys

    from desk.reporting.export import export_csv

    if fmt != "csv":
        typer.echo("The only export format is csv.", err=True)
        raise typer.Exit(2)
    desk, team_id, parsed = _report_setup(env_file, team, period)
    if output is None:
        export_csv(desk, team_id, parsed, sys.stdout)
        return
    with output.open("w", newline="", encoding="utf-8") as out:
        rows = export_csv(desk, team_id, parsed, out)
    typer.echo(f"{rows} cases written to {output}", err=True)


LANG_OPTION = typer.Option(None, "--lang", help="nl or en; detected from the text when left out.")


def _read_stdin() -> str:
    import sys

    return sys.stdin.read()


@app.command()
def coach(customer: Optional[str] = typer.Option(None, help="The customer's name, as the reply should address them."),
          signer: Optional[str] = typer.Option(None, help="Who signs the reply."),
          lang: Optional[str] = LANG_OPTION,
          review: Optional[Path] = typer.Option(None, help="A file with the customer's review: details "
                                                           "in it are theirs to share."),
          site: Optional[str] = typer.Option(None, help="The review site, for its own rules "
                                                        "(tripadvisor, yelp, ...)."),
          recent: list[Path] = typer.Option([], help="A file with one of the team's recent public "
                                                     "replies; repeat for more."),
          allow: list[str] = typer.Option([], help="A kind of offer the team allows without asking: "
                                                   "refund, discount, voucher, free, replacement, "
                                                   "compensation, guarantee; repeat for more.")) -> None:
    """Check a draft reply read from standard input; prints the findings as JSON."""
    import json

    from app.main import load_catalogs
    from desk.advice.coach import check_reply
    from desk.advice.coach.explain import explain

    texts = load_catalogs()
    result = check_reply(_read_stdin(), customer=customer, signer=signer, language=lang,
                         review=review.read_text(encoding="utf-8") if review else None, site=site,
                         recent=[p.read_text(encoding="utf-8") for p in recent], allowed_offers=allow)
    findings = [explain(texts, result.language, f) for f in result.findings]
    typer.echo(json.dumps({"language": result.language, "findings": findings},
                          ensure_ascii=False, indent=2))


@app.command()
def suggest(customer: Optional[str] = typer.Option(None, help="The customer's name as the review shows it."),
            signer: Optional[str] = typer.Option(None, help="Who signs the reply: your own name."),
            contact: Optional[str] = typer.Option(
                None, help="A phone number and/or an e-mail address customers can use."),
            lang: Optional[str] = typer.Option(None, "--lang",
                                               help="nl or en; the review's language when left out."),
            tone: Optional[str] = typer.Option(None, "--tone", help="u or je, for Dutch replies (default u)."),
            ai: bool = typer.Option(False, "--ai", help="Ask the configured language model (AI_MODEL, "
                                    "OPENAI_BASE_URL/OPENAI_API_KEY) and add the coach's findings on "
                                    "its first and final attempt; the composer's draft when it fails."),
            env_file: str = ENV_FILE) -> None:
    """A first draft and a holding reply for a review read from standard input, as JSON; the
    parts only you can write are left as gaps in [square brackets]."""
    import json

    from desk.advice.suggest import suggest as compose_reply
    from desk.team.contact import split_contact

    if lang not in (None, "nl", "en") or tone not in (None, "u", "je"):
        typer.echo("review-desk: --lang takes nl or en, --tone takes u or je", err=True)
        raise typer.Exit(2)
    review = _read_stdin()
    drafts = {kind: compose_reply(review, customer=customer, signer=signer,
                                  contact=split_contact(contact or ""), language=lang,
                                  tone=tone or "u", kind=kind)
              for kind in ("reply", "holding")}
    gaps = list(dict.fromkeys(g for d in drafts.values() for g in d.gaps))
    out = {"language": drafts["reply"].language, "reply": drafts["reply"].text,
           "holding": drafts["holding"].text, "gaps": gaps}
    if ai:
        out = _with_model(out, review, env_file, customer=customer, signer=signer,
                          contact=split_contact(contact or ""), tone=tone or "u")
    typer.echo(json.dumps(out, ensure_ascii=False, indent=2))


def _with_model(composed: dict, review: str, env_file: str, *, signer: Optional[str],
                **asked) -> dict:
    """`suggest --ai`: the model's texts and the coach's findings on its first and final
    attempt; the composer's `composed` with a line on standard error when there are none."""
    from app import ai
    from app.main import load_catalogs
    from desk.advice.ai import by_hand
    from desk.advice.ai.brief import SIGNER_GAPS
    from desk.advice.ai.guard import ModelFailed
    from desk.advice.coach.explain import explain

    try:
        settings = Settings.load(env_file, sections={**SECTIONS, **ai.SECTIONS},
                                 adapters=list(SECTIONS))
        endpoint = ai.model_writer(settings, needed=True)
        why = None if endpoint else ("no model configured (set AI_MODEL and OPENAI_BASE_URL or "
                                     "OPENAI_API_KEY)")
    except SettingsError as err:
        endpoint, why = None, str(err)
    if endpoint:
        texts = load_catalogs()
        try:
            written = by_hand.write_for(endpoint, review, language=composed["language"],
                                        texts=texts, **asked)
        except ModelFailed as err:
            why = f"the model gave no usable draft ({err.reason})"
    if why:
        typer.echo(f"review-desk: {why}; this is the composer's draft.", err=True)
        return {**composed, "source": "composer", "fallback": why}
    lang = written.language

    def findings(found) -> dict:
        return {kind: [explain(texts, lang, f) for f in fs] for kind, fs in found.items()}

    signed = {kind: text.replace(SIGNER_GAPS[lang], signer) if signer else text
              for kind, text in written.texts.items()}
    return {"language": lang, "reply": signed["reply"], "holding": signed["holding"],
            "gaps": [g for g in by_hand.gaps(written) if not (signer and g == "signer")],
            "source": "model", "attempts": written.attempts,
            "findings": {"first": findings(written.first), "final": findings(written.final)}}


@app.command()
def triage(lang: Optional[str] = LANG_OPTION,
           stars: Optional[int] = typer.Option(None, min=1, max=5, help="The review's star rating.")) -> None:
    """A respond/ignore hint for a review read from standard input, as JSON. A hint, never a decision."""
    import json

    from desk.advice.triage import triage as hint

    result = hint(_read_stdin(), stars=stars, language=lang)
    typer.echo(json.dumps({"suggestion": result.suggestion, "signals": list(result.signals)},
                          ensure_ascii=False, indent=2))


@app.command()
def intake(team: Optional[str] = TEAM, env_file: str = ENV_FILE) -> None:
    """Take reviews as JSON from standard input (one object, or one per line) as the intake
    endpoint does, and print what became of each: {"case": 12, "created": true}."""
    import json

    from desk.intake.payload import decode_many
    from desk.intake.receive import error, take

    desk, team_id = _team(env_file, team)
    failed = False
    for item in decode_many(_read_stdin()):
        answer = error(desk, None, 400, "bad_json", detail=str(item)) \
            if isinstance(item, json.JSONDecodeError) else take(desk, team_id, item)
        failed = failed or answer.status >= 400
        typer.echo(json.dumps(answer.body, ensure_ascii=False))
    if failed:
        raise typer.Exit(1)


@app.command("intake-secret")
def intake_secret(team: Optional[str] = TEAM, env_file: str = ENV_FILE) -> None:
    """Make a new secret for the team's intake endpoint and show it once; the one before stops
    working. Sign each request with it (see the README's "Reviews that arrive by themselves")."""
    from desk.intake.signature import SIGNATURE_HEADER, TIMESTAMP_HEADER, new_secret
    from storage import intake as stored

    desk, team_id = _team(env_file, team)
    secret = new_secret()
    with desk.db.unit() as session:
        stored.set_team_secret(session, team_id=team_id, secret=secret, now=desk.now())
    typer.echo(f"URL:     POST http://<this host>:<INTAKE_PORT>/intake/{team_id}\n"
               f"Secret:  {secret}\n"
               f"Headers: {TIMESTAMP_HEADER}: <unix seconds>, {SIGNATURE_HEADER}: v1=<hex "
               "HMAC-SHA256 of \"v1:<timestamp>:<body>\" with the secret>\n"
               "The secret is not shown again; run this again for a new one.")


@app.command("webhook-url")
def webhook_url(source: str = typer.Argument(..., help="The site: trustpilot."),
                team: Optional[str] = TEAM, env_file: str = ENV_FILE) -> None:
    """The address to give a site's webhook settings (Trustpilot: Integrations > Developers >
    Webhooks). It holds a key made from the team's intake secret: keep it private, and give
    the site the new address after `review-desk intake-secret`."""
    from app.sites import webhooks
    from desk.intake.signature import webhook_key
    from storage import intake as stored

    if source not in webhooks():
        typer.echo(f"review-desk: no webhooks for {source}; these sites have them: "
                   f"{', '.join(sorted(webhooks()))}", err=True)
        raise typer.Exit(2)
    desk, team_id = _team(env_file, team)
    with desk.db.unit() as session:
        secret = stored.team_secret(session, team_id=team_id)
    if not secret:
        typer.echo("review-desk: this team has no intake secret yet; run review-desk "
                   "intake-secret first.", err=True)
        raise typer.Exit(2)
    typer.echo(f"https://<this host>/intake/{source}/{team_id}/{webhook_key(secret, source)}")


@app.command("intake-server")
def intake_server(port: int = typer.Option(8787, help="The port to listen on."),
                  host: str = typer.Option("127.0.0.1", help="The address to listen on "
                                                            "(0.0.0.0 for every one)."),
                  env_file: str = ENV_FILE) -> None:
    """Serve only the intake endpoint, POST /intake/<team id> (the bot serves it itself when
    INTAKE_PORT is set)."""
    from app.main import build, serve_intake

    serve_intake(build(_settings(env_file)).desk, host=host, port=port)


@app.command()
def connect(site: str = typer.Argument(..., help="The review site: kiyoh, ..."),
            max_stars: int = typer.Option(3, "--max-stars", min=1, max=5,
                                          help="A new review with more stars becomes no case."),
            since_days: int = typer.Option(7, "--since-days", min=0,
                                           help="On this first sync, reviews older than this "
                                                "many days are counted, not made cases."),
            team: Optional[str] = TEAM, env_file: str = ENV_FILE) -> None:
    """Connect the team to a review site: asks for its settings (secrets hidden), syncs once,
    and stores the connection with its secrets encrypted (SECRET_KEY)."""
    from datetime import timedelta

    from app.sites import SITES
    from desk.sources.connections import connect as connect_site
    from desk.sources.contract import SiteError
    from desk.sources.vault import VaultError

    kind = SITES.get(site.lower())
    if kind is None:
        typer.echo(f"review-desk: no site {site!r}; choose one of: {', '.join(sorted(SITES))}",
                   err=True)
        raise typer.Exit(2)
    desk, team_id = _team(env_file, team)
    try:
        desk.sites.vault()
    except VaultError as err:
        typer.echo(f"review-desk: {err}", err=True)
        raise typer.Exit(2) from None
    values = {}
    for f in kind.fields:
        if f.consent:  # e.g. Google's refresh token: the person allows access in a browser
            if f.name not in values:
                try:
                    values.update(kind.extra["authorize"](values))
                except SiteError as err:
                    _refused(desk, kind.source, err)
            continue
        if f.choices:  # asked with its default, and asked again until it is one of them
            value = typer.prompt(f"{f.name} ({', '.join(f.choices)})", default=f.choices[0],
                                 value_proc=partial(_one_of, f.choices))
        else:
            value = typer.prompt(f.name + ("" if f.required else " (optional)"),
                                 hide_input=f.secret, default=None if f.required else "",
                                 show_default=False)
        if value.strip():
            values[f.name] = value.strip()
    values["max_stars"] = str(max_stars)
    try:
        found, taken = connect_site(desk, team_id, kind.source, values,
                                    since=desk.now() - timedelta(days=since_days))
    except SiteError as err:
        _refused(desk, kind.source, err)
    minutes = int(desk.sites.every.total_seconds() // 60)
    typer.echo(f"Connected {kind.source}: {found} reviews found; {len(taken.created)} new "
               f"cases, {len(taken.changed)} changed, {taken.same} already known, "
               f"{taken.passed} with more than {max_stars} stars and {taken.older} older than "
               f"{since_days} days left out. It is synced every {minutes} minutes from now on.")


def _one_of(choices, value: str) -> str:
    if value.strip().lower() not in choices:
        raise typer.BadParameter(f"choose one of: {', '.join(choices)}")
    return value.strip().lower()


def _refused(desk, source: str, err) -> None:
    typer.echo(f"review-desk: {source} refused: "
               f"{desk.texts.plain('en', f'site.error.{err.kind}', site=source)} "
               "Nothing was stored.", err=True)
    raise typer.Exit(1) from None


@app.command()
def connections(team: Optional[str] = TEAM, env_file: str = ENV_FILE) -> None:
    """The review sites the team connected: when each last synced, and its last problem."""
    from desk.sources.connections import listing

    desk, team_id = _team(env_file, team)
    typer.echo(listing(desk, team_id))


@db_app.command("upgrade")
def db_upgrade(env_file: str = ENV_FILE) -> None:
    """Bring the database schema up to date (the bot also does this when it starts)."""
    from storage.migrate import upgrade

    settings = _settings(env_file)
    upgrade(settings.database_url)
    typer.echo("database is up to date")


def main() -> None:
    app()
