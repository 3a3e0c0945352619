"""The export opens as it is in the team's spreadsheet: a Dutch team's file has semicolons,
Dutch headers and values, day-month-year times and decimal commas; typed text never runs
as a formula."""
import csv
import io

from desk.reporting.export import export_csv
from desk.reporting.report import Period
from tests.harness import TestChannel


def export(app) -> str:
    out = io.StringIO()
    export_csv(app.desk, 1, Period.parse("30d"), out)
    return out.getvalue()


def test_a_dutch_team_gets_a_file_dutch_spreadsheets_open_in_columns(app, clock):
    channel = TestChannel(app)
    channel.setup("Ann", language="nl")
    case = channel.replied("Ann", text="Het pakket kwam een week te laat.",
                           customer="=SUM(A1:A9)")
    clock.advance(minutes=30)
    channel.submit("Ann", "close", {"outcome": "satisfied"}, str(case))
    clock.advance(minutes=1)
    text = export(app)
    assert text.startswith("\ufeff")  # so the spreadsheet reads UTF-8
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    (row,) = rows
    assert list(row)[:3] == ["zaak", "doorgestuurd op", "site"]
    assert row["besluit"] == "reageren"
    assert row["uitkomst"] == "tevreden"
    assert row["doorgestuurd op"] == "23-11-2026 10:00"
    assert row["zelfde werkdag"] == "ja"
    assert row["eerste antwoord na (werkminuten)"] == "0,0"
    assert row["klant"] == "'=SUM(A1:A9)"
    assert row["thema's"] == "Bezorging"


def test_an_english_team_keeps_the_documented_columns(app, clock):
    channel = TestChannel(app)
    channel.setup("Ann")
    channel.forward(text="The parcel came a week late.")
    clock.advance(minutes=1)
    text = export(app)
    assert text.startswith("case,forwarded_at,source,")
