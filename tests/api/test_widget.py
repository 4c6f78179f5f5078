"""The web chat widget's HTTP side on a real uvicorn server: visitors of a widget site get a signed token for their
own chat, post into it, read it and receive replies over server-sent events; nothing else is reachable with it."""

from __future__ import annotations

import http.client
import json
import re
import time
from dataclasses import replace

import pytest

from services import api_keys, conversations
from services.models import User
from services.permissions import CLI
from tests.repos import repos

AGENT = User(1, "agent", "Alex Rivera", "agent")


@pytest.fixture
def settings(settings):
    """The widget's transport with web chats going straight to the agents; the virtual assistant's turns in a web
    chat are tested in tests/unit/test_assistant.py and tests/e2e/test_widget.py."""
    return replace(settings, assistant_on_widget=False)


@pytest.fixture
def site(api_services) -> str:
    api_keys.create_key(api_services, CLI, "demo-shop", widget=True)
    return "demo-shop"


def start(server, site_name: str = "demo-shop"):
    return server.call("POST", "/widget/v1/visitors", {"site": site_name})


def say(server, token: str, text: str, key: str = "k1"):
    return server.call("POST", "/widget/v1/messages", {"text": text}, headers={"Authorization": f"Bearer {token}"},
                       idempotency=key)


def test_the_script_and_the_demo_page_load_nothing_from_another_host(server):
    script = server.call("GET", "/widget.js")
    assert script.status == 200 and script.headers["content-type"].startswith("application/javascript")
    assert "textContent" in script.body and "innerHTML" not in script.body  # texts never parsed as HTML
    assert re.findall(r"https?://[\w.-]+", script.body) == ["http://FRONTLINE-API"]  # the comment's example only
    page = server.call("GET", "/demo")
    assert re.findall(r"<script[^>]*>", page.body) == ['<script src="/widget.js" data-site="demo-shop" defer>']
    assert "://" not in page.body and "script-src 'self'" in page.headers["content-security-policy"]


def test_a_visitor_of_a_widget_site_chats_and_reads_only_their_own_thread(server, site, key):
    first, second = start(server).body, start(server).body
    assert first["token"] != second["token"] and first["thread_id"] != second["thread_id"]
    posted = say(server, first["token"], "Where is my order BW-100001?")
    assert posted.status == 201 and posted.body["new_conversation"] is True
    assert say(server, first["token"], "Where is my order BW-100001?").headers["idempotent-replayed"] == "true"
    mine = server.call("GET", "/widget/v1/messages", headers={"Authorization": f"Bearer {first['token']}"}).body
    theirs = server.call("GET", "/widget/v1/messages", headers={"Authorization": f"Bearer {second['token']}"}).body
    assert [m["text"] for m in mine["messages"]] == ["Where is my order BW-100001?"]
    assert theirs["messages"] == [] and theirs["status"] == "new"
    with server.services.uow() as uow:
        conversation = uow.conversations.get(posted.body["conversation_id"])
        assert (conversation.channel, uow.customers.get(conversation.customer_id).name) == ("chat", "Web visitor")


def test_the_widget_answers_as_its_openapi_document_says(server, site):
    import jsonschema

    doc = server.call("GET", "/openapi.json").body
    resolver = {"$defs": doc["components"]["schemas"]}

    def check(body, schema) -> None:
        text = json.dumps(schema).replace("#/components/schemas/", "#/$defs/")
        jsonschema.validate(body, {**json.loads(text), **resolver})

    widget = doc["paths"]
    visitor = start(server)
    check(visitor.body, widget["/widget/v1/visitors"]["post"]["responses"]["201"]["content"]["application/json"]["schema"])
    token = visitor.body["token"]
    reading = widget["/widget/v1/messages"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    check(server.call("GET", "/widget/v1/messages", headers={"Authorization": f"Bearer {token}"}).body, reading)
    posted = say(server, token, "Where is my order BW-100001?")
    check(posted.body, widget["/widget/v1/messages"]["post"]["responses"]["201"]["content"]["application/json"]["schema"])
    page = server.call("GET", "/widget/v1/messages", headers={"Authorization": f"Bearer {token}"}).body
    check(page, reading)
    assert page["conversation_id"] == posted.body["conversation_id"]


@pytest.mark.parametrize("site_name", ["shop-web", "nope", "", None, 7, "x" * 65])
def test_only_a_site_created_for_the_widget_gives_visitor_tokens(server, key, site_name):
    reply = start(server, site_name)
    assert reply.status == 401 and reply.headers["access-control-allow-origin"] == "*"


def test_a_forged_or_stale_token_is_refused_and_nothing_is_stored(server, site, api_services):
    token = start(server).body["token"]
    key_id, visitor, signature = token.split(".")
    forged = [f"{key_id}.{'A' * 22}.{signature}", f"{key_id}.{visitor}.{'A' * 43}", "1.2.3", "", token + "x"]
    for bad in forged:
        assert say(server, bad, "hello").status == 401
    api_keys.revoke_key(api_services, CLI, "demo-shop")
    assert say(server, token, "hello").status == 401
    with api_services.uow() as uow:
        assert uow.conversations.count_messages() == 0


def test_cors_is_open_for_the_widget_paths_only(server, site):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("OPTIONS", "/widget/v1/messages", headers={
            "Origin": "https://shop.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, idempotency-key"})
        preflight = conn.getresponse()
        preflight.read()
    finally:
        conn.close()
    assert preflight.status == 204 and "Idempotency-Key" in preflight.getheader("access-control-allow-headers")
    assert "access-control-allow-origin" not in server.call("GET", "/healthz").headers


def test_a_bad_widget_body_is_422_naming_the_field(server, site):
    token = start(server).body["token"]
    for body, field in (({"text": ""}, "text"), ({"text": 5}, "text"), ({}, "text"),
                        ({"text": "hi", "name": ["x"]}, "name")):
        reply = server.call("POST", "/widget/v1/messages", body, headers={"Authorization": f"Bearer {token}"},
                            idempotency="k")
        assert (reply.status, reply.body["error"]["field"]) == (422, field)


def read_events(response, until: float, wanted: int) -> list[dict]:
    events, data = [], ""
    while time.monotonic() < until and len(events) < wanted:
        line = response.fp.readline().decode()
        if not line:
            break
        if line.startswith("data: "):
            data = line[6:].strip()
        elif line == "\n" and data:
            events.append(json.loads(data))
            data = ""
    return events


def test_the_stream_sends_the_chat_then_each_reply_as_it_is_sent(server, site):
    token = start(server).body["token"]
    posted = say(server, token, "Where is my order BW-100001?").body
    repos(server.services).users.add("agent", "Alex Rivera", "agent", "x")
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("GET", f"/widget/v1/stream?since=0&token={token}")
        response = conn.getresponse()
        assert response.status == 200 and response.getheader("content-type").startswith("text/event-stream")
        assert [e["text"] for e in read_events(response, time.monotonic() + 5, 1)] == ["Where is my order BW-100001?"]
        conversations.add_note(server.services, AGENT, posted["conversation_id"], "internal: check the courier")
        sent = time.monotonic()
        conversations.send_reply(server.services, AGENT, posted["conversation_id"], "It left our warehouse today.")
        reply = read_events(response, time.monotonic() + 5, 1)
        assert [(e["role"], e["text"]) for e in reply] == [("agent", "It left our warehouse today.")]
        assert time.monotonic() - sent < 3
    finally:
        conn.close()



class CountingStore:
    """The real store, counting the units of work opened on it (each a database read or write)."""

    def __init__(self, store) -> None:  # noqa: ANN001
        self._store, self.opened = store, 0

    def __call__(self):  # noqa: ANN204
        self.opened += 1
        return self._store()

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._store, name)


def test_open_streams_share_one_watch_of_the_database_and_it_stops_when_they_close(settings, site):
    from services.bootstrap import build_services
    from tests.api.conftest import Server
    from tests.fakes import fake_pipeline

    plain = build_services(settings)
    counting = CountingStore(plain.store)
    server = Server(build_services(settings, store=counting, **fake_pipeline()))
    streams = []
    try:
        token = start(server).body["token"]
        for _ in range(20):
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            conn.request("GET", f"/widget/v1/stream?since=0&token={token}")
            response = conn.getresponse()
            assert response.readline().startswith(b"retry:")
            streams.append(conn)
        time.sleep(1.0)  # every stream has read its first page
        before = counting.opened
        time.sleep(2.0)
        idle_reads = counting.opened - before
        for conn in streams:
            conn.close()
        time.sleep(1.0)
        after_close = counting.opened
        time.sleep(1.5)
        assert counting.opened == after_close  # no stream open: nothing reads the database
    finally:
        server.stop()
    assert idle_reads <= 8  # one watch at 0.4 s, not 20 streams polling (≈ 100 reads in 2 s)


def test_a_bad_stream_cursor_is_422_before_the_stream_starts(server, site):
    token = start(server).body["token"]
    reply = server.call("GET", f"/widget/v1/stream?since=-3&token={token}")
    assert (reply.status, reply.body["error"]["field"]) == (422, "since")


def test_one_address_or_one_visitor_cannot_spend_the_sites_whole_limit(server, site):
    from services.widget import STARTS_PER_CLIENT

    if time.gmtime().tm_sec >= 50:  # the counts must fall in one minute
        time.sleep(11)
    starts = [start(server).status for _ in range(STARTS_PER_CLIENT + 1)]
    assert starts == [201] * STARTS_PER_CLIENT + [429]
    assert "address" in start(server).body["error"]["message"]
    # behind a proxy on this machine (nginx, docs/scale.md) each visitor's own address counts: uvicorn takes it from
    # X-Forwarded-For sent from 127.0.0.1 (its forwarded_allow_ips default), and from nowhere else
    proxied = server.call("POST", "/widget/v1/visitors", {"site": "demo-shop"}, headers={"X-Forwarded-For": "10.0.0.9"})
    assert proxied.status == 201


def test_one_visitor_is_limited_per_minute_and_others_go_on(server, site, api_services):
    from services.widget import REQUESTS_PER_VISITOR, start_visitor

    if time.gmtime().tm_sec >= 50:
        time.sleep(11)
    token = start_visitor(api_services, "demo-shop", "10.0.0.1")[1]
    calm = start_visitor(api_services, "demo-shop", "10.0.0.2")[1]
    reads = [server.call("GET", "/widget/v1/messages", headers={"Authorization": f"Bearer {token}"}).status
             for _ in range(REQUESTS_PER_VISITOR + 1)]
    assert reads == [200] * REQUESTS_PER_VISITOR + [429]
    assert server.call("GET", "/widget/v1/messages", headers={"Authorization": f"Bearer {calm}"}).status == 200
