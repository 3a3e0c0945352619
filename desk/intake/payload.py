"""What a delivered review must hold, checked with no I/O: the forwarding form's own checks
(text, link, stars, customer, source) plus the site's id and times."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterator

from desk.cases.review_input import InvalidReview, ReviewInput, parse_review

MAX_BODY = 100_000  # bytes of one request: a review is at most 10,000 characters
MAX_EXTERNAL_ID = 500  # Google's review ids are resource names: accounts/…/locations/…/reviews/…
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})?", re.IGNORECASE)
FIELDS = ("source", "external_id", "link", "customer", "stars", "text", "language",
          "created_at", "updated_at", "deleted")


@dataclass(frozen=True)
class Delivered:
    review: ReviewInput
    external_id: str
    language: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


def parse_delivered(data: Any) -> Delivered:
    """A checked review, or InvalidReview with every problem at once (field → key, values)."""
    if not isinstance(data, dict):
        raise InvalidReview({"": ("feed.error.not_object", {})})
    problems: dict[str, tuple[str, dict]] = {}
    text, stars = data.get("text"), data.get("stars")
    if not isinstance(text, str):
        problems["text"] = ("forward.error.empty", {})
        text = "-"
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        problems["source"] = ("feed.error.missing", {})
    try:
        review = parse_review(text=text, source=source if isinstance(source, str) else "other",
                              link=_string(data.get("link")),
                              customer=_string(data.get("customer")),
                              stars=stars if isinstance(stars, (int, str)) or stars is None else "x")
    except InvalidReview as err:
        review = None
        problems = {**err.problems, **problems}
    external = data.get("external_id")
    if isinstance(external, int) and not isinstance(external, bool):
        external = str(external)
    if not isinstance(external, str) or not external.strip() \
            or len(external.strip()) > MAX_EXTERNAL_ID:
        problems["external_id"] = ("feed.error.external_id", {"limit": MAX_EXTERNAL_ID})
    language = data.get("language")
    if language not in (None, "") and not (isinstance(language, str)
                                           and LANGUAGE_TAG.fullmatch(language)):
        problems["language"] = ("feed.error.language", {})
    times = {}
    for name in ("created_at", "updated_at"):
        times[name] = _moment(data.get(name))
        if times[name] is False:
            problems[name] = ("feed.error.time", {})
    if not isinstance(data.get("deleted"), (bool, type(None))):
        problems["deleted"] = ("feed.error.deleted", {})
    if problems or review is None:
        raise InvalidReview(problems)
    return Delivered(review, external.strip(), (language or "").lower() or None,
                     times["created_at"] or None, times["updated_at"] or None)


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None if value is None else str(value)


def _moment(value: Any) -> datetime | None | bool:
    """An ISO 8601 moment with its offset; None when absent; False when it is no such thing."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        return False
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return False
    return moment if moment.tzinfo is not None else False


def decode_many(text: str) -> Iterator[Any]:
    """One JSON value, or one per line (JSON Lines); a line that is no JSON comes out as its
    JSONDecodeError, so the others are still taken."""
    try:
        yield json.loads(text)
        return
    except json.JSONDecodeError:
        pass
    for line in text.splitlines():
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                yield err
