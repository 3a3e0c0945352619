"""the team's contact as a phone number and an e-mail address, its sector and its u/je tone

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:40:00
"""
import re

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+|00)?\d[\d\s().-]{7,}\d")


def upgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact_phone", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column("contact_email", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column("sector", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column("tone", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    # The free sentence a team typed ("bel ons op 020-1234567 of mail naar info@...") keeps
    # the number and the address it held.
    team = sa.table("team", sa.column("id", sa.Integer), sa.column("contact", sa.String),
                    sa.column("contact_phone", sa.String), sa.column("contact_email", sa.String))
    bind = op.get_bind()
    for row in bind.execute(sa.select(team.c.id, team.c.contact).where(team.c.contact.is_not(None))):
        email, phone = _EMAIL.search(row.contact), _PHONE.search(row.contact)
        bind.execute(team.update().where(team.c.id == row.id).values(
            contact_email=email.group() if email else None,
            contact_phone=" ".join(phone.group().split()) if phone else None))
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_column("contact")


def downgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    team = sa.table("team", sa.column("id", sa.Integer), sa.column("contact", sa.String),
                    sa.column("contact_phone", sa.String), sa.column("contact_email", sa.String))
    op.execute(team.update().values(contact=sa.func.coalesce(
        team.c.contact_phone + " / " + team.c.contact_email, team.c.contact_phone,
        team.c.contact_email)))
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_column("tone")
        batch_op.drop_column("sector")
        batch_op.drop_column("contact_email")
        batch_op.drop_column("contact_phone")
