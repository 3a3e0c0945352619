"""What a process posts survives its death: a real `review-desk slack --http` process stores
a case and is killed (SIGKILL) while Slack has not taken its card yet; a new process on the
same database posts every card exactly once, from the outbox."""
from __future__ import annotations

import signal
import threading
import time
from collections import Counter

from sqlmodel import Session, select

from tests.fakes.slack_fake import CHANNEL_ID, FakeSlackAPI
from tests.test_inbox_processes import forward, lost, prepare, start

FORWARDS = 8


def undelivered(url: str) -> int:
    from storage.engine import make_engine
    from storage.models import OutboxItem

    engine = make_engine(url)
    try:
        with Session(engine) as s:
            return len(s.exec(select(OutboxItem).where(OutboxItem.delivered_at.is_(None))).all())
    finally:
        engine.dispose()


def test_a_card_whose_process_died_after_its_commit_is_posted_once_by_the_next(tmp_path):
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    prepare(url)
    log = tmp_path / "bot.log"
    hold, reached, released = threading.Event(), threading.Event(), threading.Event()
    hold.set()
    with FakeSlackAPI() as api:
        def post(call):
            """Cards hang while the first process lives, and never arrive; then Slack works."""
            if hold.is_set() and call.body.get("channel") == CHANNEL_ID:
                reached.set()
                released.wait(30)
                return {"ok": False, "error": "internal_error"}
            return {"ok": True, **api._chat_post_message(call)}

        api.stub("chat.postMessage", post, times=None)
        first, port = start(url, api, log, OUTBOX_GRACE="1")
        acknowledged = [n for n in range(FORWARDS) if forward(port, n)]
        assert reached.wait(30), log.read_text()[-3000:]
        first.send_signal(signal.SIGKILL)  # stored, committed, its card on the way
        first.wait(timeout=30)
        hold.clear()
        released.set()

        second, _ = start(url, api, log, OUTBOX_GRACE="1")
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                missing, _ = lost(url, acknowledged)
                if not missing and not undelivered(url):
                    break
                time.sleep(0.3)
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(timeout=30)
        posted = Counter(c.body["text"] for c in api.calls("chat.postMessage")
                         if c.response.get("ok") and c.body.get("channel") == CHANNEL_ID)
    assert acknowledged == list(range(FORWARDS))
    assert not missing and not undelivered(url), log.read_text()[-3000:]
    assert set(posted.values()) == {1}, posted  # each card, and the theme alert, once
    assert sum(text.startswith("*#") for text in posted) == FORWARDS
