"""Waitress, the WSGI server of Slack's HTTP mode and of the intake endpoint, served until a
stop is asked for. Its select loop runs in short turns and closes its own sockets once stopped:
closing them from another thread breaks the loop, and waking it through its trigger pipe is only
a courtesy (the pipe may already be gone), never the thing a stop depends on."""
from __future__ import annotations

import os
import threading

TURN = 0.2  # seconds the loop waits for a socket before it looks whether to stop

# What a process does: both (the default, and the only choice on SQLite), or, sharing one
# PostgreSQL, only store and acknowledge what the platform sends (web; a form only its handler
# can answer is still answered there, in the acknowledgement) or only work it off, deliver the
# outbox and run the scheduled jobs (worker): the acknowledgements then never wait for the
# workers' Python work, and each kind scales on its own. A worker is woken by what any process
# stored; web processes need worker processes (the default role looks only every 5 seconds).
ALL, WEB, WORKER = "all", "web", "worker"
ROLES = (ALL, WEB, WORKER)


def serve(server, stopped: threading.Event) -> None:
    """Serve a created (bound) waitress server until `stopped` is set; then close its sockets."""
    from waitress import wasyncore

    sockets = server._map
    try:
        while sockets and not stopped.is_set():
            wasyncore.loop(timeout=TURN, map=sockets, use_poll=server.adj.asyncore_use_poll,
                           count=1)
    finally:
        with server.trigger.lock:  # `wake` never writes to a pipe closed here
            for channel in list(sockets.values()):
                channel.close()


def wake(server) -> None:
    """End the loop's current turn now rather than within TURN; not once its pipe is closed
    (its file number may already belong to something else)."""
    trigger = server.trigger
    with trigger.lock:
        if trigger._closed:
            return
        try:
            os.write(trigger.trigger, b"x")
        except OSError:  # closed under the loop: the turn ends by itself
            pass
