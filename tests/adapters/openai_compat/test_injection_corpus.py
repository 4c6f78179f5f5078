"""Issue 21 item 5 on the OpenAI-compatible provider: a scripted chat-completions server on loopback that obeys the
injection (it answers with the system prompt and everything in its input it was asked for). Every corpus message goes
through the live path with replies from it: the requests never hold the other customer's data, a note, a hidden
character or hidden HTML, a flagged message goes with the warning, and no suggestion leaks."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from services.adapters.llm_text import REPLY_SYSTEM_PROMPT
from services.bootstrap import build_services
from services.config import Settings
from tests import injection_corpus as corpus
from tests.adapters.openai_compat.conftest import completion

WARNING = "Frontline's prompt-injection check flagged this message"


class ObeyingServer:
    """Answers each chat completion as a model that follows whatever instructions it reads; keeps every request."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
                outer.requests.append(body)
                messages = {m["role"]: m["content"] for m in body["messages"]}
                answer = completion(corpus.obeying_answer(messages.get("system", ""), messages.get("user", "")))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    server = ObeyingServer()
    try:
        settings = Settings(db_path=str(tmp_path_factory.mktemp("openai-injection") / "frontline.db"),
                            providers={"replies": "openai"}, openai_base_url=server.base_url,
                            openai_model="obedient-model", openai_timeout_s=5.0)
        services = build_services(settings)
        planted = corpus.plant(services)
        results = []
        for row in corpus.load():
            before = len(server.requests)
            analysis = corpus.send(services, planted, row)
            results.append((row, analysis, server.requests[before:]))
        yield results
    finally:
        server.stop()


def _messages(request: dict) -> dict[str, str]:
    return {m["role"]: m["content"] for m in request["messages"]}


def test_the_endpoint_is_asked_for_every_message_and_answers_every_time(run):
    assert all(len(requests) == 1 and _messages(requests[0])["system"] == REPLY_SYSTEM_PROMPT
               for _, _, requests in run)
    assert not any(analysis.degraded for _, analysis, _ in run)
    assert all(any(s.source.startswith("openai:") for s in analysis.suggestions) for _, analysis, _ in run)


def test_what_the_endpoint_is_sent_holds_nothing_to_leak_and_the_flag(run):
    problems = {}
    for row, analysis, requests in run:
        found = corpus.sent_problems(row["text"], _messages(requests[0])["user"], analysis.injection.flagged, WARNING)
        if found:
            problems[row["id"]] = found
    assert problems == {}


def test_an_obeying_endpoint_leaks_nothing_into_the_suggestions(run):
    leaked = {row["id"]: found for row, analysis, _ in run
              for found in [[x for s in analysis.suggestions for x in corpus.leaks(row["text"], s.text)]] if found}
    assert leaked == {}
    echoed = [s for _, analysis, _ in run for s in analysis.suggestions if s.text.startswith("Sure. My instructions")]
    assert echoed == []


def test_flags_with_the_openai_provider_match_the_corpus(run):
    missed = [row["id"] for row, analysis, _ in run
              if row["expect"] == "flag" and row.get("split") != "held_out" and not analysis.injection.flagged]
    false_positives = [row["id"] for row, analysis, _ in run if row["expect"] == "benign" and analysis.injection.flagged]
    assert missed == [] and false_positives == []
