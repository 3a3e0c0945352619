"""Every catalog key the code names is in both languages, so no person ever sees a key.

The code is read, not run: a string that looks like a key of a catalog topic (`"note.claimed"`,
`UserError("case.unknown")`) must be a key, or the start of keys (`"coach."`); the start of an
f-string key (`f"reason.{reason}"`) must start keys in both languages. At run time the tests
switch the catalogs to strict (tests/conftest.py), which catches the keys made up on the fly.
"""
from __future__ import annotations

import ast
import logging
import re

import pytest

from app.main import ROOT, load_catalogs
from bot.i18n import Catalogs, MissingText

TEXTS = load_catalogs()
KEYS = {lang: TEXTS.keys(lang) for lang in ("en", "nl")}
TOPICS = {key.split(".")[0] for key in KEYS["en"] | KEYS["nl"]}
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
START = re.compile(r"[a-z][a-z0-9_]*\.[a-z0-9_.]*")  # of an f-string key: "coach.", "note.closed_"
CODE = sorted(p for folder in ("bot", "desk", "app") for p in (ROOT / folder).rglob("*.py"))


def named_keys(tree: ast.AST) -> list[tuple[int, str, bool]]:
    """(line, key or start of keys, whether it is only the start) for every key-like string."""
    in_fstring = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                  for part in node.values}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in in_fstring and KEY.fullmatch(node.value):
            found.append((node.lineno, node.value, False))
        elif isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant) \
                and START.fullmatch(node.values[0].value):
            found.append((node.lineno, node.values[0].value, True))
    return [(line, key, start) for line, key, start in found if key.split(".")[0] in TOPICS]


def known(key: str, start: bool, keys: set[str]) -> bool:
    if start:
        return any(k.startswith(key) for k in keys)
    return key in keys or any(k.startswith(key + ".") for k in keys)


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_key_the_code_names_is_in_both_languages(path):
    missing = [f"{path.name}:{line} {key}{'…' if start else ''} ({lang})"
               for line, key, start in named_keys(ast.parse(path.read_text()))
               for lang, keys in KEYS.items() if not known(key, start, keys)]
    assert not missing


def test_the_scan_finds_keys_plain_and_in_f_strings():
    tree = ast.parse('turn.tt("note.claimed"); raise UserError("case.unknown")\n'
                     'tt(f"reason.{r}"); x = "chart.png"; y = "not a key"')
    assert [(key, start) for _, key, start in named_keys(tree)] == [
        ("note.claimed", False), ("case.unknown", False), ("reason.", True)]
    assert not known("note.no_such_text", False, KEYS["en"])


def test_a_missing_text_raises_in_the_tests_and_shows_its_key_in_production(monkeypatch, caplog):
    with pytest.raises(MissingText):
        TEXTS.plain("nl", "note.no_such_text")
    monkeypatch.setattr(Catalogs, "strict", False)
    assert TEXTS.plain("nl", "note.no_such_text") == "note.no_such_text"
    assert [r.levelno for r in caplog.records] == [logging.ERROR]
