"""What the review sites' fakes share: a real HTTP server on 127.0.0.1 in a thread, and a
handler that answers JSON and logs nothing."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class JsonHandler(BaseHTTPRequestHandler):
    def answer(self, status: int, body: object | None, headers: dict | None = None) -> None:
        """`body` as JSON (None: an empty body), with any extra headers; a client that left
        meanwhile gets nothing."""
        data = b"" if body is None else json.dumps(body).encode()
        try:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            if data:
                self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


class Loopback:
    """Serves `handler` until closed; `url` is where."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], poll: float = 0.5) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(poll,), daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
