"""A test channel: push neutral events into the router and read back what it answers.

No platform SDK is involved; this is how handlers are tested once for every platform.
"""
from __future__ import annotations

from bot.delivery.dispatcher import log_result
from bot.delivery.results import Delivered
from bot.events import Actor, ButtonClick, Command, FormSubmit, MessageShortcut, Place, ThreadReply
from bot.messages import Card, Form, FormErrors, MessageRef, Notice, Outbound, ThreadPost


class Replies(list):
    def of(self, kind) -> list:
        return [m for m in self if isinstance(m, kind)]

    def one(self, kind):
        found = self.of(kind)
        assert len(found) == 1, f"expected one {kind.__name__}, got {self!r}"
        return found[0]

    @property
    def card(self) -> Card:
        return self.one(Card)

    @property
    def notice(self) -> str:
        return str(self.one(Notice).text)

    @property
    def form(self) -> Form:
        return self.one(Form)

    @property
    def errors(self) -> dict[str, str]:
        return self.one(FormErrors).errors

    def thread_texts(self) -> list[str]:
        return [str(m.text) for m in self.of(ThreadPost)]


class TestChannel:
    __test__ = False

    def __init__(self, app, *, platform: str = "test", workspace: str = "T1",
                 channel: str = "C1") -> None:
        self.router = app.router
        self.refs = app.refs
        self.record = app.record or log_result
        self.place = Place(platform, workspace, channel)

    @staticmethod
    def actor(who: str, locale: str | None = None, roles: frozenset[str] = frozenset()) -> Actor:
        return Actor(f"U-{who.lower()}", who, locale, roles)

    def _run(self, event) -> Replies:
        replies = Replies(self.router.dispatch(event))
        for card in replies.of(Card):  # shown, as an adapter does: its thread takes reminders
            if self.refs.get(self.place.platform, card.key) is None:
                self.refs.put(self.place.platform, card.key,
                              MessageRef(card.channel, card.key, card.key))
        for message in replies:  # and reported, as an adapter's dispatcher does
            self.record(self.place.platform, message, Delivered())
        return replies

    def command(self, who: str, text: str, *, locale: str | None = None) -> Replies:
        return self._run(Command(self.actor(who, locale), self.place, name="review", text=text))

    def click(self, who: str, action: str, case_id: int, *, locale: str | None = None,
              roles: frozenset[str] = frozenset()) -> Replies:
        return self._run(ButtonClick(self.actor(who, locale, roles), self.place, action=action,
                                     value=str(case_id)))

    def submit(self, who: str, form: str, values: dict, context: str = "", *,
               roles: frozenset[str] = frozenset(), locale: str | None = None) -> Replies:
        return self._run(FormSubmit(self.actor(who, locale, roles), self.place, form=form,
                                    values=values, context=context))

    def shortcut(self, who: str, text: str, link: str | None = None) -> Replies:
        return self._run(MessageShortcut(self.actor(who), self.place, name="forward_message",
                                         text=text, link=link))

    def reply(self, who: str, case_id: int, text: str) -> Replies:
        return self._run(ThreadReply(self.actor(who), self.place, key=f"case:{case_id}", text=text))

    # -- the workflow's common paths ------------------------------------------------------
    def setup(self, who: str = "Ann", **changes: str) -> Replies:
        """`/review setup` here, saved with its shown values and these changes."""
        form = self.command(who, "setup").form
        return self.submit(who, "setup", {**{i.name: i.value for i in form.inputs}, **changes},
                           form.context)

    def forward(self, who: str = "Ann", text: str = "Cold fries and a rude cashier at 19:00.",
                **fields) -> int:
        values = {"source": "google", "text": text, **fields}
        replies = self.submit(who, "forward", values)
        return int(replies.card.key.split(":")[1])

    def decided(self, **kw) -> int:
        case = self.forward(**kw)
        self.click("Ann", "vote_respond", case)
        self.click("Bob", "vote_respond", case)
        return case

    def claimed(self, owner: str = "Ann", **kw) -> int:
        case = self.decided(**kw)
        self.click(owner, "claim", case)
        return case

    def replied(self, owner: str = "Ann", **kw) -> int:
        case = self.claimed(owner, **kw)
        self.submit(owner, "draft", {"kind": "reply", "text": "Dear Sam, ... Ann"}, str(case))
        self.submit(owner, "posted", {"version": "1"}, str(case))
        return case


def texts(messages: list[Outbound]) -> str:
    return "\n".join(str(getattr(m, "text", "")) for m in messages)
