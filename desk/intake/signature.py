"""The signature of a delivered review, as Slack signs its requests: an HMAC-SHA256 with the
team's secret over "v1:<timestamp>:<body>", sent with the timestamp. A request more than five
minutes off is refused, so a captured one cannot be replayed later."""
from __future__ import annotations

import hashlib
import hmac
import secrets

VERSION = "v1"
TOLERANCE = 300  # seconds either side of our clock
TIMESTAMP_HEADER = "X-Review-Desk-Timestamp"
SIGNATURE_HEADER = "X-Review-Desk-Signature"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def sign(secret: str, timestamp: str, body: bytes) -> str:
    base = f"{VERSION}:{timestamp}:".encode() + body
    return f"{VERSION}=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def verify(secret: str | None, timestamp: str | None, signature: str | None, body: bytes, *,
           now: float) -> bool:
    """True only for a request signed with this secret within TOLERANCE of `now`."""
    if not (secret and timestamp and signature) or not timestamp.isdigit():
        return False
    if abs(now - int(timestamp)) > TOLERANCE:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature.strip())


def webhook_key(secret: str, source: str) -> str:
    """The secret part of a site's webhook address, for a site that cannot sign its calls
    (Trustpilot posts to a plain URL): derived from the team's secret, so a new secret
    replaces it too."""
    return hmac.new(secret.encode(), f"webhook:{source}".encode(), hashlib.sha256).hexdigest()


def verify_key(secret: str | None, source: str, key: str | None) -> bool:
    return bool(secret and key) and hmac.compare_digest(webhook_key(secret, source), key)
