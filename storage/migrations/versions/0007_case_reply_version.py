"""a replied case names the draft version that went public

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-01 22:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review_case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reply_version", sa.Integer(), nullable=True))
    # Cases answered before: the latest reply version marked posted.
    op.execute("UPDATE review_case SET reply_version = (SELECT max(draft.version) FROM draft "
               "WHERE draft.case_id = review_case.id AND draft.kind = 'reply' "
               "AND draft.posted_at IS NOT NULL) WHERE replied_at IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("review_case", schema=None) as batch_op:
        batch_op.drop_column("reply_version")
