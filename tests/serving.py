"""A waitress server in a thread of the test process, served and stopped as production does
(bot.serving)."""
from __future__ import annotations

import threading

from waitress.server import create_server

from bot.serving import serve, wake


class Served:
    """`with Served(server) as url:` serves a created (bound) waitress server until the block ends."""

    def __init__(self, server) -> None:
        self.server = server
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=serve, args=(server, self.stopped), daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.server.effective_port}"

    def __exit__(self, *exc) -> None:
        self.stopped.set()
        wake(self.server)
        self.thread.join(timeout=5)
        self.server.task_dispatcher.shutdown()


def waitress(app) -> Served:
    """A WSGI app served on 127.0.0.1 and a free port."""
    return Served(create_server(app, host="127.0.0.1", port=0, threads=2))
