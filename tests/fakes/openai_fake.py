"""A loopback fake of the OpenAI chat-completions API (POST /v1/chat/completions), for the
real `openai` client to talk to over HTTP: it answers from a script, one step per request,
and keeps every request it got."""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Answer:
    content: str = ""  # the assistant's message
    status: int = 200  # another status answers with an error body
    delay: float = 0.0  # seconds before answering (or until `release()`): longer than the
    # client's timeout is a time-out
    raw: bytes | None = None  # a body that is not the API's (garbage)


def completion(content: str, model: str) -> dict:
    """A chat.completion object as the API documents it."""
    return {"id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
            "model": model, "system_fingerprint": None,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "logprobs": None, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


@dataclass
class FakeOpenAI:
    script: list[Answer] = field(default_factory=list)
    requests: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._released = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the http.server name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append({"path": self.path, "body": body,
                                      "authorization": self.headers.get("Authorization")})
                if self.path != "/v1/chat/completions":
                    return self.reply(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
                step = fake.script.pop(0) if fake.script else Answer(status=500)
                if step.delay:
                    fake._released.wait(step.delay)
                if step.raw is not None:
                    return self.reply(200, step.raw)
                if step.status != 200:
                    return self.reply(step.status, {"error": {"message": "fake failure",
                                                              "type": "server_error", "code": None}})
                self.reply(200, completion(step.content, body.get("model", "")))

            def reply(self, status: int, payload: dict | bytes) -> None:
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def answer(self, *steps: Answer) -> None:
        self.script.extend(steps)

    def release(self) -> None:
        """Delayed answers are given now."""
        self._released.set()

    def close(self) -> None:
        self._released.set()  # a delayed answer returns now
        self.server.shutdown()
        self.server.server_close()
