"""Imports run one way: adapters → bot ← handlers → storage; only adapters touch an SDK."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPOSITION_ROOT = {"bot/main.py", "bot/cli.py", "bot/__main__.py"}
SDKS = ("slack_bolt", "slack_sdk", "discord", "aiohttp")


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
def test_bot_imports_neither_handlers_nor_storage(path):
    if rel(path) in COMPOSITION_ROOT:
        return
    assert not {top(n) for n in imports(path)} & {"handlers", "storage"}


@pytest.mark.parametrize("path", files("storage"), ids=rel)
def test_storage_imports_no_other_layer(path):
    assert not {top(n) for n in imports(path)} & {"bot", "handlers"}


@pytest.mark.parametrize("path", files("handlers"), ids=rel)
def test_handlers_never_import_an_adapter(path):
    assert not any(n.startswith("bot.adapters") or n.startswith("bot.main") for n in imports(path))


@pytest.mark.parametrize("path", files("bot") + files("handlers") + files("storage"), ids=rel)
def test_only_a_platform_adapter_imports_its_sdk(path):
    used = {top(n) for n in imports(path)} & set(SDKS)
    name = rel(path)
    if name.startswith("bot/adapters/slack"):
        used -= {"slack_bolt", "slack_sdk", "aiohttp"}
    if name.startswith("bot/adapters/discord"):
        used -= {"discord", "aiohttp"}
    assert not used, f"{name} imports {used}"


def test_the_layering_check_sees_imports():
    assert "bot.router" in imports(ROOT / "handlers" / "routes.py")
