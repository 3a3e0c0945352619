"""A team's December, built through the workflow with a travelling clock, whose report
figures are worked out by hand (Amsterdam, mon-fri 09:00-17:30, Dutch public holidays).

    case  forwarded            first answer          working time  same day  then
    H     Fri 20 Nov 10:00     -                     -             -         claimed by Bob (before the period)
    A     Mon  7 Dec 10:00     holding 10:40         40 min        yes       satisfied after 2 follow-ups, lesson
    B     Fri 11 Dec 17:00     Mon 14 Dec 09:30      1 h (weekend) no        went quiet (close form, lesson), 1 follow-up
    C     Sat 12 Dec 11:00     Mon 14 Dec 09:20      20 min        yes       replied by Bob, still open
    E     Tue 15 Dec 10:00     -                     -             -         voted ignore: troll
    D     Thu 24 Dec 16:30     Mon 28 Dec 10:00      2 h           no        closed satisfied, then reopened
    G     Tue 29 Dec 09:00     -                     -             -         still voting
    F     Wed 30 Dec 11:00     -                     -             -         decided respond, unclaimed

D crosses Christmas (Friday 25 December) and a weekend: Thursday 16:30-17:30 and Monday
09:00-10:00. Delivery is raised by Sam, Kim and Lee (A, B, C) within 30 days: recurring.
The report is asked on Thursday 31 December 12:00 for 30 days.
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, delete

from storage.models import Case, CaseTheme
from tests.conftest import AMS
from tests.harness import TestChannel

REPORT_AT = datetime(2026, 12, 31, 12, 0, tzinfo=AMS)


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=AMS)


def build_history(app, clock) -> dict[str, int]:
    ch = TestChannel(app)
    ids: dict[str, int] = {}

    def now(month: int, day: int, hour: int, minute: int = 0) -> None:
        clock.set(at(month, day, hour, minute))

    def forward(name: str, customer: str | None, text: str) -> int:
        ids[name] = ch.forward("Ann", text=text, **({"customer": customer} if customer else {}))
        return ids[name]

    def decide(case: int) -> None:
        ch.click("Ann", "vote_respond", case)
        ch.click("Bob", "vote_respond", case)

    def post(owner: str, case: int, kind: str, version: int) -> None:
        ch.submit(owner, "draft", {"kind": kind, "text": f"Dear customer, {kind} v{version}. {owner}"},
                  str(case))
        ch.submit(owner, "posted", {"version": str(version)}, str(case))

    now(11, 20, 10)
    ch.setup("Ann")
    h = forward("H", "Noor", "The receptionist was unfriendly and the room was not ready.")
    decide(h)
    ch.click("Bob", "claim", h)

    now(12, 7, 10)
    a = forward("A", "Sam", "My parcel arrived a week late and nobody told me.")
    decide(a)
    ch.click("Ann", "claim", a)
    now(12, 7, 10, 40)
    post("Ann", a, "holding", 1)
    now(12, 7, 14)
    post("Ann", a, "reply", 2)
    now(12, 8, 10)
    ch.submit("Ann", "followup", {"kind": "contact", "note": "Called Sam"}, str(a))
    ch.submit("Ann", "followup", {"kind": "reaction", "reaction": "satisfied"}, str(a))
    ch.submit("Ann", "lesson", {"lesson": "Tell customers about a delay before they ask."}, str(a))

    now(12, 11, 17)
    b = forward("B", "Kim", "The delivery van never showed up on Friday.")
    decide(b)
    ch.click("Ann", "claim", b)
    now(12, 12, 11)
    c = forward("C", "Lee", "Second time my package went to the wrong address.")
    decide(c)
    ch.click("Bob", "claim", c)
    now(12, 14, 9, 20)
    post("Bob", c, "reply", 1)
    now(12, 14, 9, 30)
    post("Ann", b, "reply", 1)
    now(12, 15, 10)
    e = forward("E", None, "Worst shop ever, go to the competitor, lol.")
    for who in ("Ann", "Bob"):
        ch.click(who, "vote_ignore", e)
        ch.submit(who, "ignore_vote", {"reason": "troll"}, str(e))
    now(12, 16, 10)
    ch.submit("Ann", "followup", {"kind": "contact", "note": "Mailed Kim"}, str(b))
    ch.submit("Ann", "close", {"outcome": "went_quiet", "lesson": "Ship with track and trace."},
              str(b))

    now(12, 24, 16, 30)
    d = forward("D", "Sam", "The cake tasted stale.")
    decide(d)
    ch.click("Ann", "claim", d)
    now(12, 28, 10)
    post("Ann", d, "reply", 1)
    now(12, 28, 15)
    ch.submit("Ann", "close", {"outcome": "satisfied"}, str(d))
    now(12, 29, 9)
    ch.click("Ann", "reopen", d)
    g = forward("G", "Jo", "Prices went up again without notice.")
    ch.click("Ann", "vote_respond", g)
    now(12, 30, 11)
    f = forward("F", "Eva", "The store was closed during opening hours.")
    decide(f)

    # Themes are tagged when a review comes in; here they are set, so that the figures do
    # not depend on the tagger's word lists.
    with Session(app.desk.db.engine) as session:
        team_id = session.get_one(Case, a).team_id
        session.exec(delete(CaseTheme))
        for name, theme in (("A", "delivery"), ("B", "delivery"), ("C", "delivery"),
                            ("D", "quality")):
            session.add(CaseTheme(case_id=ids[name], team_id=team_id, theme=theme,
                                  at=at(12, 1, 0)))
        session.commit()
    clock.set(REPORT_AT)
    return ids
