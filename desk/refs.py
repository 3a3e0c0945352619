"""Where each card lives on each platform, kept in the database so that a restarted bot
(or another process) still updates the same message and posts in the same thread."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.messages import MessageRef
from storage import repo
from storage.uow import Database

if TYPE_CHECKING:
    from desk.outbox import DurableOutbox


class DbMessageRefs:
    """With the outbox, a card's ref is written in the transaction that marks its row
    delivered (one transaction per post, not two); until then it is read from the outbox."""

    def __init__(self, db: Database, outbox: "DurableOutbox | None" = None) -> None:
        self.db = db
        self.outbox = outbox

    def get(self, platform: str, key: str) -> MessageRef | None:
        if self.outbox and (held := self.outbox.held_ref(platform, key)):
            return held
        with self.db.unit(read=True) as session:
            row = repo.get_ref(session, platform=platform, key=key)
            return MessageRef(row.channel, row.message, row.thread) if row else None

    def put(self, platform: str, key: str, ref: MessageRef) -> None:
        if self.outbox and self.outbox.hold_ref(platform, key, ref):
            return
        with self.db.unit() as session:
            repo.put_ref(session, platform=platform, key=key, channel=ref.channel,
                         message=ref.message, thread=ref.thread)

    def find(self, platform: str, channel: str, message: str) -> str | None:
        with self.db.unit(read=True) as session:
            return repo.find_ref_key(session, platform=platform, channel=channel, message=message)
