"""SQLite's one writer, shared in this process at a gate: units take it in turn, an urgent one
(what a platform delivered, stored before its acknowledgement) ahead of those waiting."""
from __future__ import annotations

import threading
import time

from storage.uow import WriterGate


def wait_until(condition) -> None:
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "the threads never got there"
        time.sleep(0.001)


def test_an_urgent_unit_goes_before_those_that_waited_longer():
    gate, order = WriterGate(), []
    release = threading.Event()

    def unit(name: str, urgent: bool = False) -> None:
        with gate.held(urgent):
            order.append(name)
            if name == "first":
                release.wait(10)

    first = threading.Thread(target=unit, args=("first",))
    first.start()
    wait_until(lambda: order == ["first"])
    waiting = [threading.Thread(target=unit, args=(f"work-{n}",)) for n in range(3)]
    for thread in waiting:
        thread.start()
    wait_until(lambda: gate.waiting == 3)
    ack = threading.Thread(target=unit, args=("ack", True))
    ack.start()
    wait_until(lambda: gate.waiting == 4)
    release.set()
    for thread in [first, ack, *waiting]:
        thread.join(10)
    assert order[:2] == ["first", "ack"] and sorted(order[2:]) == ["work-0", "work-1", "work-2"]


def test_a_unit_inside_another_on_the_same_thread_does_not_wait_for_itself():
    gate = WriterGate()
    with gate.held():
        with gate.held(urgent=True):
            pass
    taken = threading.Event()

    def another_thread() -> None:
        with gate.held():
            taken.set()

    other = threading.Thread(target=another_thread)
    other.start()
    other.join(10)
    assert taken.is_set() and gate.waiting == 0


def test_only_sqlite_queues_at_the_gate(sqlite_url):
    from storage.engine import make_engine
    from storage.uow import Database

    assert Database(make_engine(sqlite_url)).gate is not None
    assert Database(make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")).gate is None


def test_a_unit_that_only_reads_neither_waits_at_the_gate_nor_for_the_writer(tmp_path):
    from sqlmodel import select

    from storage.engine import make_engine
    from storage.migrate import upgrade
    from storage.models import MessageRef
    from storage.uow import Database

    url = f"sqlite:///{tmp_path / 'desk.db'}"
    upgrade(url)
    db = Database(make_engine(url))
    with db.unit() as session:
        session.add(MessageRef(platform="slack", key="case:1", channel="C1", message="1.1"))
    read: list = []

    def reader() -> None:
        with db.unit(read=True) as session:
            read.extend(session.exec(select(MessageRef.key)).all())

    with db.unit() as session:  # holds the gate and SQLite's writer while the other reads
        session.exec(select(MessageRef)).all()
        other = threading.Thread(target=reader)
        other.start()
        other.join(5)
        assert not other.is_alive() and read == ["case:1"]
    db.dispose()
