"""The intake endpoint: `POST /intake/<team id>` with one review as JSON, signed with the
team's secret (`desk.intake.signature`), and `POST /intake/<source>/<team id>/<key>` for the
webhook calls of a site that cannot sign (desk.intake.webhooks). A plain WSGI application, so
any WSGI server runs it; the composition root serves it with waitress, on its own port, in
every mode.

Every answer is JSON: 201 for a new case, 200 for a review the team had (changed or not),
400 for a body that is not a review, 401 for a request not signed right (nothing changes),
404, 405, 413 for more than MAX_BODY bytes.
"""
from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Callable, Iterable, Mapping

from desk.intake.payload import MAX_BODY
from desk.intake.receive import Answer, error, take
from desk.intake.signature import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify, verify_key
from desk.intake.webhooks import Parse, take_webhook
from desk.turn import Desk
from storage import intake, repo

log = logging.getLogger(__name__)

PREFIX = "/intake/"
WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


def _environ_key(header: str) -> str:
    return "HTTP_" + header.upper().replace("-", "_")


def intake_app(desk: Desk, webhooks: Mapping[str, Parse] | None = None) -> WSGIApp:
    """`webhooks`: source → how its webhook calls become generic JSON (app.sites)."""
    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        try:
            answer = handle(desk, environ, webhooks or {})
        except Exception:  # logged with context; the caller gets JSON, never a traceback
            log.exception("intake request failed")
            answer = error(desk, None, 500, "unexpected")
        status = HTTPStatus(answer.status)
        body = json.dumps(answer.body, ensure_ascii=False).encode()
        start_response(f"{status.value} {status.phrase}",
                       [("Content-Type", "application/json; charset=utf-8"),
                        ("Content-Length", str(len(body)))])
        return [body]

    return app


def handle(desk: Desk, environ: dict, webhooks: Mapping[str, Parse]) -> Answer:
    path = environ.get("PATH_INFO", "")
    parts = path[len(PREFIX):].strip("/").split("/") if path.startswith(PREFIX) else []
    source, key = (parts[0], parts[2]) if len(parts) == 3 and parts[0] in webhooks \
        else (None, None)
    team_part = parts[1] if source else parts[0] if len(parts) == 1 else ""
    if not team_part.isdigit() or len(team_part) > 12:
        return error(desk, None, 404, "not_found")
    if environ.get("REQUEST_METHOD") != "POST":
        return error(desk, None, 405, "method")
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY:
        return error(desk, None, 413, "too_large", limit=MAX_BODY)
    body = environ["wsgi.input"].read(length) if length else b""
    team_id = int(team_part)
    with desk.db.unit() as session:
        secret = intake.team_secret(session, team_id=team_id)
        team = repo.get_team(session, team_id=team_id) if secret else None
        language = team.language if team else None
    if source:
        if not verify_key(secret, source, key):
            return error(desk, None, 401, "webhook_unauthorized")
        return take_webhook(desk, team_id, source, webhooks[source], body, language=language)
    if not verify(secret, environ.get(_environ_key(TIMESTAMP_HEADER)),
                  environ.get(_environ_key(SIGNATURE_HEADER)), body,
                  now=desk.now().timestamp()):
        return error(desk, None, 401, "unauthorized")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        return error(desk, language, 400, "bad_json", detail=str(err)[:200])
    return take(desk, team_id, data, language=language)
