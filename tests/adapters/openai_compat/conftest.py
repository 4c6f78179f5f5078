"""A tiny chat-completions server on loopback (http.server in a thread) that answers what each test scripts:
a status, a body, a delay before the headers, or a body dripped slowly. It records every request it received."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from services.config import Settings


@dataclass
class Scripted:
    status: int = 200
    body: bytes = b""
    delay_s: float = 0.0  # before the status line
    drip_s: float = 0.0  # between bytes of the body
    headers: dict[str, str] = field(default_factory=dict)


def completion(content: str, finish: str = "stop") -> bytes:
    return json.dumps({"id": "chatcmpl-1", "object": "chat.completion", "model": "test-model", "choices": [
        {"index": 0, "finish_reason": finish, "message": {"role": "assistant", "content": content}}]}).encode()


class TinyServer:
    def __init__(self) -> None:
        self.answers: list[Scripted] = []
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                outer.requests.append({"path": self.path, "headers": dict(self.headers), "body": json.loads(raw)})
                answer = outer.answers.pop(0) if outer.answers else Scripted(500, b"no answer scripted")
                time.sleep(answer.delay_s)
                try:
                    self.send_response(answer.status)
                    for key, value in answer.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    if answer.drip_s:
                        for byte in answer.body:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(answer.drip_s)
                    else:
                        self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def answer(self, *scripted: Scripted) -> None:
        self.answers.extend(scripted)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def tiny() -> Iterator[TinyServer]:
    server = TinyServer()
    yield server
    server.stop()


@pytest.fixture
def tiny_settings(tiny: TinyServer) -> Settings:
    return Settings(openai_base_url=tiny.base_url, openai_model="test-model", openai_api_key="sk-test-SECRET-123",
                    openai_timeout_s=2.0)


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A real llama.cpp server (xllamacpp) with SmolLM2-135M on a free loopback port, for the whole session; skipped
    with the reason when requirements-llm.txt is not installed, a failure under CI=true."""
    import os

    from tests.llama_server import missing, start_server

    reason = missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"llama.cpp server unavailable under CI: {reason}")
        pytest.skip(reason)
    server = start_server(tmp_path_factory.mktemp("llama"))
    yield server
    server.stop()
