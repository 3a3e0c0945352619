"""Migration 0005 keeps the phone number and e-mail address a team typed as one sentence."""
from alembic import command
from sqlalchemy import text

from storage.engine import make_engine
from storage.migrate import alembic_config, upgrade


def test_the_contact_sentence_becomes_a_phone_number_and_an_email_address(database_url):
    command.upgrade(alembic_config(database_url), "0004")
    engine = make_engine(database_url)
    try:
        with engine.begin() as conn:
            for n, contact in enumerate(["bel ons op 020-1234567 of mail naar info@zaak.nl",
                                         "service@example.com", "+32 9 123 45 67", None]):
                conn.execute(text(
                    "INSERT INTO team (platform, workspace, name, language, timezone, work_days, "
                    "work_hours, country, votes_needed, contact, digest_hour, created_at) VALUES "
                    "('test', :ws, '', 'nl', 'Europe/Amsterdam', 'mon-fri', '09:00-17:30', 'NL', 2, "
                    ":contact, 9, CURRENT_TIMESTAMP)"), {"ws": f"T{n}", "contact": contact})
        upgrade(database_url)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT contact_phone, contact_email, tone FROM team "
                                     "ORDER BY workspace")).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in rows] == [("020-1234567", "info@zaak.nl", None),
                                         (None, "service@example.com", None),
                                         ("+32 9 123 45 67", None, None), (None, None, None)]
