"""Outbound messages as JSON and back, so that what a turn produced can wait in the database
until the platform has it (the outbox), and be sent by another process after a crash.

Every message and text part is a frozen dataclass: a dataclass is written as its fields and
its type's name, a `Rich` text as its parts, bytes (a file's content) as base64.
"""
from __future__ import annotations

import base64
import dataclasses
import json
from typing import Any

from bot.delivery.contract import KINDS
from bot.messages import Button, HomeLine, HomeSection
from bot.text import Link, Mention, Plain, Quote, Rich, Strong, Verbatim

TYPES = {t.__name__: t for t in (*KINDS, Button, HomeLine, HomeSection,
                                 Plain, Verbatim, Strong, Mention, Link, Quote)}


def _out(value: Any) -> Any:
    if isinstance(value, Rich):
        return {"rich": [_out(p) for p in value]}
    if dataclasses.is_dataclass(value):
        return {"type": type(value).__name__,
                **{f.name: _out(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, bytes):
        return {"bytes": base64.b64encode(value).decode()}
    if isinstance(value, dict):
        return {"dict": {k: _out(v) for k, v in value.items()}}
    if isinstance(value, (list, tuple)):
        return [_out(v) for v in value]
    return value


def _in(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_in(v) for v in value)
    if not isinstance(value, dict):
        return value
    if "rich" in value:
        return Rich(_in(p) for p in value["rich"])
    if "bytes" in value:
        return base64.b64decode(value["bytes"])
    if "dict" in value:
        return {k: _in(v) for k, v in value["dict"].items()}
    fields = {k: _in(v) for k, v in value.items() if k != "type"}
    return TYPES[value["type"]](**fields)


def encode(message: Any) -> str:
    return json.dumps(_out(message), ensure_ascii=False, separators=(",", ":"))


def decode(text: str) -> Any:
    return _in(json.loads(text))
