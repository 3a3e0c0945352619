"""What counts as a web link: the rule a form's link field and the desk both apply."""
from __future__ import annotations

from urllib.parse import urlsplit


def is_web_link(link: str) -> bool:
    """An http(s) address with a host, no spaces and a port that is a port."""
    if any(c.isspace() for c in link):
        return False
    parts = urlsplit(link)
    try:
        parts.port  # "example.com:99999" or ":abc" raise here
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
