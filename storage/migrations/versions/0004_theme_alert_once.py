"""a recurring-theme alert is told once, across processes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 18:45:00
"""
from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("theme_alert", schema=None) as batch_op:
        batch_op.add_column(sa.Column("period", sa.Integer(), nullable=False,
                                      server_default="0"))
    # Alerts already given each get their own stretch, so the new key holds for them.
    op.execute("UPDATE theme_alert SET period = -id")
    with op.batch_alter_table("theme_alert", schema=None) as batch_op:
        batch_op.alter_column("period", server_default=None)
        batch_op.create_unique_constraint("uq_theme_alert_period", ["team_id", "theme", "period"])


def downgrade() -> None:
    with op.batch_alter_table("theme_alert", schema=None) as batch_op:
        batch_op.drop_constraint("uq_theme_alert_period", type_="unique")
        batch_op.drop_column("period")
