"""Waitress, the WSGI server of Slack's HTTP mode and of the intake endpoint, served until a
stop is asked for. Its select loop runs in short turns and closes its own sockets once stopped:
closing them from another thread breaks the loop, and waking it through its trigger pipe is only
a courtesy (the pipe may already be gone), never the thing a stop depends on."""
from __future__ import annotations

import threading

TURN = 0.2  # seconds the loop waits for a socket before it looks whether to stop


def serve(server, stopped: threading.Event) -> None:
    """Serve a created (bound) waitress server until `stopped` is set; then close its sockets."""
    from waitress import wasyncore

    sockets = server._map
    while sockets and not stopped.is_set():
        wasyncore.loop(timeout=TURN, map=sockets, use_poll=server.adj.asyncore_use_poll,
                       count=1)
    for channel in list(sockets.values()):
        channel.close()


def wake(server) -> None:
    """End the loop's current turn now rather than within TURN."""
    try:
        server.trigger.pull_trigger()
    except OSError:  # the pipe is closed: the turn ends by itself
        pass
