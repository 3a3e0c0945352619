"""reviews a site or a script delivers: no forwarding member, the team's signing key, and the
external id of each review

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 23:40:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review_case") as batch:
        batch.alter_column("forwarded_by", existing_type=sa.Integer(), nullable=True)
    op.create_table(
        "intake_key",
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("secret", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"]),
        sa.PrimaryKeyConstraint("team_id"),
    )
    op.create_table(
        "intake_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("external_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("received_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("shown", sa.Boolean(), nullable=False),
        sa.Column("change", sa.Text(), nullable=True),
        sa.Column("says", sa.Text(), nullable=True),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("claimed_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["review_case.id"]),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "source", "external_id", name="uq_intake_external"),
    )
    op.create_index("ix_intake_unshown", "intake_review", ["shown", "team_id"])
    op.create_index(op.f("ix_intake_review_case_id"), "intake_review", ["case_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_intake_review_case_id"), table_name="intake_review")
    op.drop_index("ix_intake_unshown", table_name="intake_review")
    op.drop_table("intake_review")
    op.drop_table("intake_key")
    with op.batch_alter_table("review_case") as batch:
        batch.alter_column("forwarded_by", existing_type=sa.Integer(), nullable=False)
