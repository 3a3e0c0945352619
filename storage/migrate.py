"""Schema migrations with Alembic, run by `review-desk db upgrade` and on every start."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from storage.engine import normalise_url

HERE = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)
