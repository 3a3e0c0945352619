"""Imports run one way: app → adapters → bot ← desk → storage; only adapters touch an SDK.

`app/` is the composition root, the one package that knows every layer; nothing imports it.
"""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SDKS = ("slack_bolt", "slack_sdk", "discord", "aiohttp", "openai", "httpx", "google",
        "google_auth_oauthlib", "oauthlib")


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def top(name: str) -> str:
    return name.split(".")[0]


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", files("bot"), ids=rel)
def test_bot_imports_neither_the_desk_nor_storage_nor_the_app(path):
    assert not {top(n) for n in imports(path)} & {"desk", "storage", "app"}


@pytest.mark.parametrize("path", files("storage"), ids=rel)
def test_storage_imports_no_other_layer(path):
    assert not {top(n) for n in imports(path)} & {"bot", "desk", "app"}


@pytest.mark.parametrize("path", files("desk"), ids=rel)
def test_the_desk_never_imports_an_adapter_or_the_app(path):
    assert not any(n.startswith("bot.adapters") or top(n) == "app" for n in imports(path))


@pytest.mark.parametrize("path", files("bot") + files("desk") + files("storage") + files("app"),
                         ids=rel)
def test_only_a_platform_adapter_imports_its_sdk(path):
    used = {top(n) for n in imports(path)} & set(SDKS)
    name = rel(path)
    if name.startswith("bot/adapters/slack"):
        used -= {"slack_bolt", "slack_sdk", "aiohttp"}
    if name == "bot/adapters/slack/webclient.py":  # the Web API client's kept-alive transport
        used -= {"httpx"}
    if name.startswith("bot/adapters/discord"):
        used -= {"discord", "aiohttp"}
    if name == "app/ai.py":  # the language model's endpoint, wired by the composition root
        used -= {"openai"}
    if name.startswith("app/sites/"):  # each review site's API, spoken by its client alone
        used -= {"httpx"}
    if name == "app/sites/google.py":  # Google Business Profile's OAuth
        used -= {"google", "google_auth_oauthlib", "oauthlib"}
    assert not used, f"{name} imports {used}"


def test_the_layering_check_sees_imports():
    assert "bot.router" in imports(ROOT / "desk" / "routes.py")
    assert "desk.routes" in imports(ROOT / "app" / "main.py")


def imported_names(path: Path, module: str) -> set[str]:
    return {alias.name for node in ast.walk(ast.parse(path.read_text(), str(path)))
            if isinstance(node, ast.ImportFrom) and node.module == module for alias in node.names}


@pytest.mark.parametrize("path", files("desk"), ids=rel)
def test_all_sql_lives_in_storage(path):
    """The desk calls storage's functions and writes no query: no SQLAlchemy, and of sqlmodel
    only the Session type it passes on."""
    assert "sqlalchemy" not in {top(n) for n in imports(path)}
    assert imported_names(path, "sqlmodel") <= {"Session"}
