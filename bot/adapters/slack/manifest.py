"""The app manifest's commands and shortcuts, from the router's command catalogue.

Slack reads slash commands and shortcuts from the manifest (manifest.json, pasted into the
app's settings), not from the code; tests check that the file says what this builds, and
`make slack-manifest` writes it.
"""
from __future__ import annotations

import json
from pathlib import Path

from bot.catalogue import Catalogue
from bot.i18n import Catalogs

PLATFORM = "slack"
MANIFEST = Path(__file__).with_name("manifest.json")
LANGUAGE = "en"  # the manifest has one language; people see the bot's own texts in theirs


def features(catalogue: Catalogue, texts: Catalogs) -> dict:
    """The manifest's `slash_commands` and `shortcuts`."""
    def t(key: str) -> str:
        return texts.raw(LANGUAGE, key)

    commands = []
    for command in catalogue.commands:
        if command.typed(PLATFORM):
            continue
        words = [t("commands.placeholder.text")] + [s.syntax(t) for s in command.offered(PLATFORM)]
        commands.append({"command": f"/{command.name}", "description": t(command.description),
                         "usage_hint": f"[{' | '.join(words)}]", "should_escape": False})
    shortcuts = [{"name": t(s.label), "type": s.kind.value, "callback_id": s.name,
                  "description": t(s.description)}
                 for s in catalogue.shortcuts if s.on(PLATFORM)]
    return {"slash_commands": commands, "shortcuts": shortcuts}


def write(catalogue: Catalogue, texts: Catalogs, path: Path = MANIFEST) -> None:
    manifest = json.loads(path.read_text())
    manifest["features"].update(features(catalogue, texts))
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
