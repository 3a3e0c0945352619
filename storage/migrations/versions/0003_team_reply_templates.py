"""the team's own reply texts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 18:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reply_templates", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_column("reply_templates")
