"""review sites a team connected: sealed settings, cursor, last sync and failures; when a
site removed a delivered review

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-07 09:40:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "site_connection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("cursor", sa.Text(), nullable=True),
        sa.Column("connected_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("synced_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("error", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("error_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("told_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_sync_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("claimed_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "source", name="uq_site_connection"),
    )
    op.create_index(op.f("ix_site_connection_next_sync_at"), "site_connection",
                    ["next_sync_at"])
    with op.batch_alter_table("intake_review") as batch:
        batch.add_column(sa.Column("deleted_at", sqlmodel.sql.sqltypes.UTCDateTime(),
                                   nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("intake_review") as batch:
        batch.drop_column("deleted_at")
    op.drop_index(op.f("ix_site_connection_next_sync_at"), table_name="site_connection")
    op.drop_table("site_connection")
