"""one review is one case whatever site the forwarder picked: the content key drops the site

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 22:50:00
"""
import hashlib
import unicodedata

from alembic import op
import sqlalchemy as sa


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def key(text: str) -> str:
    """The key as this revision defines it (kept here: a migration must not change later)."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(folded.encode()).hexdigest()


def upgrade() -> None:
    """Re-key every case; where two cases of a team already hold the same text under two
    sites, the oldest takes the new key and the others keep theirs (they stay cases)."""
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, team_id, text FROM review_case ORDER BY id")).all()
    taken: set[tuple[int, str]] = set()
    for case_id, team_id, text in rows:
        new = key(text)
        if (team_id, new) in taken:
            continue
        taken.add((team_id, new))
        bind.execute(sa.text("UPDATE review_case SET content_key = :k WHERE id = :i"),
                     {"k": new, "i": case_id})


def downgrade() -> None:
    """Keys made by this revision stay: the site they would need is still on each row."""
