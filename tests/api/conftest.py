"""A real uvicorn server on a loopback port, serving the ingestion API over a real SQLite file (fake models unless
a test asks for the real pipeline), and a small HTTP client for it (http.client: nothing the app does not ship)."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import uvicorn

from api.app import create_app
from api.server import server_config
from services import api_keys
from services.bootstrap import Services, build_services
from services.permissions import CLI
from tests.conftest import fresh_sqlite
from tests.fakes import fake_pipeline


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: Any


class Server:
    """uvicorn in a thread on 127.0.0.1 and a free port; ``stop()`` waits for it to end."""

    def __init__(self, services: Services, **app_options: Any) -> None:
        self.services = services
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self._server = uvicorn.Server(server_config(create_app(services, **app_options), "127.0.0.1", self.port))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.01)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._socket.close()

    def call(self, method: str, path: str, body: Any = None, key: str | None = None, idempotency: str | None = None,
             headers: dict[str, str] | None = None, raw: bytes | None = None) -> Reply:
        sent = dict(headers or {})
        if key is not None:
            sent.setdefault("Authorization", f"Bearer {key}")
        if idempotency is not None:
            sent["Idempotency-Key"] = idempotency
        payload = raw
        if body is not None:
            payload = json.dumps(body).encode()
            sent.setdefault("Content-Type", "application/json")
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=payload, headers=sent)
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        kind = response.getheader("content-type", "")
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()},
                     json.loads(data) if kind.startswith("application/json") else data.decode())


def message(thread: str = "t-1", text: str = "Where is my order BW-100001?", customer: str = "c-1",
            channel: str = "chat", **more: Any) -> dict[str, Any]:
    return {"channel": channel, "thread_id": thread, "text": text,
            "customer": {"id": customer, "name": "Ann Lee", "email": "ann@example.com"}, **more}


@pytest.fixture
def api_services(request, settings) -> Services:
    if not settings.database_url:
        fresh_sqlite(request, settings.database_file)
    return build_services(settings, **fake_pipeline())


@pytest.fixture
def server(api_services) -> Iterator[Server]:
    running = Server(api_services)
    yield running
    running.stop()


@pytest.fixture
def key(api_services) -> str:
    return api_keys.create_key(api_services, CLI, "shop-web")[1]
