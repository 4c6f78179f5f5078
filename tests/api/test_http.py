"""The ingestion API over HTTP on a real uvicorn server (loopback): what an integration sees, and what is stored."""

from __future__ import annotations

import http.client
import json
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from api.app import MAX_BODY_BYTES
from services import api_keys, conversations, ingestion
from services.models import Customer, User
from services.permissions import CLI
from tests.api.conftest import Server, message
from tests.repos import repos

AGENT = User(1, "agent", "Alex Rivera", "agent")


def counts(services) -> tuple[int, int, int]:
    with services.uow() as uow:
        return (len(uow.customers.all()), len(uow.conversations.all()), uow.conversations.count_messages())


def test_health_answers_without_a_key(server):
    reply = server.call("GET", "/healthz")
    assert (reply.status, reply.body["status"]) == (200, "ok")
    assert reply.body["schema_version"] >= 13


def test_a_posted_message_opens_a_conversation_masked_analysed_and_audited(server, key):
    body = message(text="Where is my order BW-100001? Write to ann.lee@mail.example, card 4111 1111 1111 1111")
    reply = server.call("POST", "/v1/messages", body, key, "first-try")
    assert reply.status == 201 and reply.headers["idempotent-replayed"] == "false"
    assert reply.body["new_conversation"] is True and reply.body["analysed"] is True
    with server.services.uow() as uow:
        stored = uow.conversations.messages_for(reply.body["conversation_id"])
        conversation = uow.conversations.get(reply.body["conversation_id"])
        analysis = uow.assist.get_analysis(stored[0].id)
        trail = uow.audit.trail("conversation", str(conversation.id))
    assert [m.id for m in stored] == [reply.body["message_id"]]
    assert "4111 1111 1111 1111" not in stored[0].text  # card data never stored raw
    assert "ann.lee@mail.example" not in stored[0].masked_text  # PII masked before storage
    assert (conversation.channel, conversation.status, conversation.subject) == ("chat", "open", "Web chat")
    assert analysis is not None and analysis.intent.label == "Order Status"
    assert [(e.actor, e.action) for e in trail] == [("api:shop-web", "api_post_message")]


def test_later_messages_join_the_thread_and_the_reader_gets_replies_but_never_notes(server, key):
    first = server.call("POST", "/v1/messages", message(), key, "m1").body
    again = server.call("POST", "/v1/messages", message(text="Any news?"), key, "m2").body
    assert again["conversation_id"] == first["conversation_id"] and again["new_conversation"] is False
    repos(server.services).users.add("agent", "Alex Rivera", "agent", "x")
    cid = first["conversation_id"]
    conversations.add_note(server.services, AGENT, cid, "customer sounds annoyed")
    reply = conversations.send_reply(server.services, AGENT, cid, "It ships today.")
    page = server.call("GET", "/v1/messages?thread_id=t-1", key=key).body
    assert [(m["role"], m["text"]) for m in page["messages"]] == [
        ("customer", "Where is my order BW-100001?"), ("customer", "Any news?"), ("agent", "It ships today.")]
    assert page["next_cursor"] == reply.id
    newer = server.call("GET", f"/v1/messages?thread_id=t-1&since={again['message_id']}", key=key).body
    assert [m["id"] for m in newer["messages"]] == [reply.id]
    none_yet = server.call("GET", f"/v1/messages?thread_id=t-1&since={reply.id}", key=key).body
    assert (none_yet["messages"], none_yet["next_cursor"]) == ([], reply.id)
    with server.services.uow() as uow:
        reads = [e for e in uow.audit.trail("conversation", str(cid)) if e.action == "api_read_messages"]
    assert [e.actor for e in reads] == ["api:shop-web", "api:shop-web"]  # the empty read showed no data


def test_a_hundred_retried_posts_make_one_message(server, key):
    """Ten clients retry the same POST ten times each, at once: one message; every answer names it (or, while the
    first is still being handled, says so with 409)."""
    body = message(text="Please cancel order BW-100002")

    def post(_: int):
        return server.call("POST", "/v1/messages", body, key, "retry-me")

    with ThreadPoolExecutor(10) as pool:
        replies = list(pool.map(post, range(100)))
    assert {r.status for r in replies} <= {201, 409}
    ids = {r.body["message_id"] for r in replies if r.status == 201}
    assert len(ids) == 1
    assert counts(server.services)[2] == 1
    last = post(0)
    assert (last.status, last.headers["idempotent-replayed"], last.body["message_id"]) == (201, "true", ids.pop())


def test_an_idempotency_key_reused_with_another_body_is_refused(server, key):
    server.call("POST", "/v1/messages", message(), key, "k1")
    reply = server.call("POST", "/v1/messages", message(text="something else"), key, "k1")
    assert (reply.status, reply.body["error"]["field"]) == (422, "Idempotency-Key")
    assert counts(server.services)[2] == 1


@pytest.mark.parametrize("idempotency", [None, "", "with space", "é", "x" * 201])
def test_a_post_without_a_usable_idempotency_key_is_refused(server, key, idempotency):
    reply = server.call("POST", "/v1/messages", message(), key, idempotency)
    assert (reply.status, reply.body["error"]["field"]) == (422, "Idempotency-Key")
    assert counts(server.services) == (0, 0, 0)


@pytest.mark.parametrize("authorization", [None, "Bearer", "Basic dXNlcjpwdw==", "Bearer fl_short",
                                           "Bearer fl_" + "A" * 43, "bearer  fl_" + "x" * 43])
def test_a_missing_malformed_or_unknown_key_gets_401_and_nothing_is_stored(server, key, authorization):
    headers = {"Authorization": authorization} if authorization else {}
    for method, path, body in (("POST", "/v1/messages", message()), ("GET", "/v1/messages?thread_id=t-1", None)):
        reply = server.call(method, path, body, headers=headers, idempotency="k")
        assert (reply.status, reply.headers["www-authenticate"]) == (401, "Bearer")
        assert reply.body["error"]["code"] == "unauthenticated"
    assert counts(server.services) == (0, 0, 0)


def test_a_revoked_key_is_refused_from_its_next_request(server, key):
    assert server.call("POST", "/v1/messages", message(), key, "k1").status == 201
    api_keys.revoke_key(server.services, CLI, "shop-web")
    reply = server.call("POST", "/v1/messages", message(text="again"), key, "k2")
    assert reply.status == 401 and "revoked" in reply.body["error"]["message"]
    assert counts(server.services)[2] == 1


def test_the_rate_limit_is_per_key_and_shared_by_every_api_process(api_services, settings):
    """Two servers over the same database count one key's requests together; the key over its limit gets 429 with
    Retry-After, another key is not affected."""
    slow = api_keys.create_key(api_services, CLI, "slow", rate_per_minute=3)[1]
    other = api_keys.create_key(api_services, CLI, "other", rate_per_minute=3)[1]
    one, two = Server(api_services), Server(api_services)
    try:
        if time.gmtime().tm_sec >= 57:  # the three requests must fall in one minute
            time.sleep(4)
        statuses = [s.call("GET", "/healthz").status for s in (one, two)]
        statuses += [s.call("POST", "/v1/messages", message(thread=f"t{i}"), slow, f"k{i}").status
                     for i, s in enumerate((one, two, one, two))]
        limited = two.call("GET", "/v1/messages?thread_id=t0", key=slow)
        fine = one.call("POST", "/v1/messages", message(thread="o1"), other, "o1")
    finally:
        one.stop()
        two.stop()
    assert statuses == [200, 200, 201, 201, 201, 429]
    assert limited.status == 429 and 1 <= int(limited.headers["retry-after"]) <= 60
    assert limited.body["error"]["code"] == "rate_limited"
    assert fine.status == 201
    assert counts(api_services)[2] == 4


BAD_BODIES = [
    ({"thread_id": "t", "customer": {"id": "c", "name": "A"}, "text": "hi"}, "channel"),
    (message(channel="voice"), "channel"),
    (message(channel=["chat"]), "channel"),
    ({**message(), "customer": {"id": "c"}}, "customer.name"),
    ({**message(), "customer": {"id": "c", "name": "A", "email": "not-an-email"}}, "customer.email"),
    ({**message(), "customer": {"id": "c", "name": "A", "age": 3}}, "customer"),
    ({**message(), "priority": "high"}, "body"),
    (message(text=""), "text"),
    (message(text="\u200b\u200b"), "text"),
    (message(text="x" * (ingestion.MAX_TEXT_CHARS + 1)), "text"),
    (message(thread=""), "thread_id"),
    (message(thread="t\x00"), "thread_id"),
    (message(thread=7), "thread_id"),
    (message(subject="s" * 121), "subject"),
    ([message()], "body"),
    ("just text", "body"),
    (None, "body"),
]


@pytest.mark.parametrize(("body", "field"), BAD_BODIES)
def test_a_body_that_breaks_the_schema_gets_422_naming_the_field_and_stores_nothing(server, key, body, field):
    reply = server.call("POST", "/v1/messages", key=key, idempotency="k1", raw=json.dumps(body).encode(),
                        headers={"Content-Type": "application/json"})
    assert reply.status == 422, reply.body
    assert reply.body["error"]["field"] == field and reply.body["error"]["message"].startswith(field)
    assert len(reply.body["error"]["message"]) < 300  # never echoes a huge value back
    assert counts(server.services) == (0, 0, 0)
    assert server.call("POST", "/v1/messages", message(), key, "k1").status == 201  # the key was not spent


@pytest.mark.parametrize(("raw", "content_type", "status"), [
    (b"{not json", "application/json", 400),
    (b'{"channel": NaN}', "application/json", 400),
    (b"\xff\xfe{}", "application/json", 400),
    (b"[" * 100_00 + b"]" * 100_00, "application/json", 400),
    (b'{"n": ' + b"9" * 5000 + b"}", "application/json", 400),
    (b"channel=chat", "application/x-www-form-urlencoded", 415),
    (b"{}", "", 415),
    (b'{"text": "' + b"a" * MAX_BODY_BYTES + b'"}', "application/json", 413),
])
def test_a_body_that_is_not_a_json_document_is_refused_with_its_status(server, key, raw, content_type, status):
    headers = {"Content-Type": content_type} if content_type else {}
    reply = server.call("POST", "/v1/messages", key=key, idempotency="k1", raw=raw, headers=headers)
    assert (reply.status, reply.body["error"]["field"]) == (status, "body")
    assert counts(server.services) == (0, 0, 0)


def test_a_body_sent_too_slowly_is_cut_off_and_the_server_keeps_answering(api_services, key):
    slow = Server(api_services, body_timeout_s=0.5)
    try:
        with socket.create_connection(("127.0.0.1", slow.port), timeout=10) as sock:
            sock.sendall(f"POST /v1/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n"
                         "Content-Type: application/json\r\nIdempotency-Key: k\r\nContent-Length: 500\r\n\r\n{".encode())
            started = time.monotonic()
            answer = sock.recv(4096).decode()
            assert answer.startswith("HTTP/1.1 408") and time.monotonic() - started < 5
        assert slow.call("GET", "/healthz").status == 200
    finally:
        slow.stop()
    assert counts(api_services) == (0, 0, 0)


def test_a_thread_stays_with_its_customer_channel_and_key(server, key, api_services):
    assert server.call("POST", "/v1/messages", message(), key, "k1").status == 201
    other_customer = server.call("POST", "/v1/messages", message(customer="c-2"), key, "k2")
    other_channel = server.call("POST", "/v1/messages", message(channel="email"), key, "k3")
    assert (other_customer.status, other_channel.status) == (409, 409)
    second_key = api_keys.create_key(api_services, CLI, "mail-gateway")[1]
    assert server.call("GET", "/v1/messages?thread_id=t-1", key=second_key).status == 404
    mine = server.call("POST", "/v1/messages", message(), second_key, "k1").body  # its own thread t-1
    assert mine["new_conversation"] is True
    assert counts(api_services)[1:] == (2, 2)


def test_a_known_customer_is_recognised_by_email(server, key):
    known = repos(server.services).customers.add(Customer(0, "Ann Lee", "ANN@example.com", "", "gold", 50.0,
                                                          "2024-01-01", "York"))
    reply = server.call("POST", "/v1/messages", message(), key, "k1")
    with server.services.uow() as uow:
        assert uow.conversations.get(reply.body["conversation_id"]).customer_id == known.id
    assert counts(server.services)[0] == 1


@pytest.mark.parametrize("query", ["", "?thread_id=", "?thread_id=t-1&since=-1", "?thread_id=t-1&since=x",
                                   "?thread_id=t-1&limit=0", "?thread_id=t-1&limit=501",
                                   "?thread_id=t-1&since=99999999999999999999"])
def test_a_bad_query_gets_422_naming_the_parameter(server, key, query):
    server.call("POST", "/v1/messages", message(), key, "k1")
    reply = server.call("GET", f"/v1/messages{query}", key=key)
    assert reply.status == 422 and reply.body["error"]["field"] in ("thread_id", "since", "limit")


def test_unknown_paths_and_methods_answer_json(server):
    assert server.call("GET", "/v2/nothing").body["error"]["status"] == 404
    reply = server.call("DELETE", "/v1/messages")
    assert reply.status == 405 and reply.body["error"]["status"] == 405


def test_the_openapi_document_and_docs_page_are_served_from_here_only(server):
    doc = server.call("GET", "/openapi.json").body
    assert doc["openapi"].startswith("3.1") and set(doc["paths"]) == {
        "/v1/messages", "/healthz", "/social/v1/meta/{integration}", "/widget/v1/visitors", "/widget/v1/messages",
        "/widget/v1/ratings", "/widget/v1/stream", "/widget.js"}
    assert doc["components"]["schemas"]["Message"] == ingestion.MESSAGE_SCHEMA  # the schema that validates
    page = server.call("GET", "/docs")
    assert page.status == 200 and "POST /v1/messages" in page.body and "Idempotency-Key" in page.body
    assert "://" not in page.body and "<script" not in page.body.lower()  # nothing from another host
    assert page.headers["content-security-policy"].startswith("default-src 'none'")


def test_oversized_headers_are_refused_by_the_server(server):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("GET", "/healthz", headers={"X-Big": "a" * 200_000})
        assert conn.getresponse().status == 400
    finally:
        conn.close()
