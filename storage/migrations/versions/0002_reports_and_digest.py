"""reports and the weekly digest

Indexes for a period's cases and for counting reopened cases; the digest_sent table that
lets one process, once a week, post a team's digest.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 18:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0002"
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('digest_sent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('week', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('claimed_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('sent_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('team_id', 'week', name='uq_digest_week')
    )
    with op.batch_alter_table('review_case', schema=None) as batch_op:
        batch_op.create_index('ix_case_team_forwarded', ['team_id', 'forwarded_at'], unique=False)
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.create_index('ix_history_action', ['action', 'case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.drop_index('ix_history_action')
    with op.batch_alter_table('review_case', schema=None) as batch_op:
        batch_op.drop_index('ix_case_team_forwarded')
    op.drop_table('digest_sent')
