"""The social webhook (Meta's Webhooks format) on a real uvicorn server over a real SQLite file, and the agent's
replies going out to a real HTTP server on loopback that stands in for the platform's Send API (it records what
it receives): signatures, replays, stale events, private and public threads, public replies free of personal data."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from services import api_keys, conversations, social
from services.models import User
from services.permissions import CLI
from tests.repos import repos

SECRET = "app-secret-of-the-shop"
AGENT = User(1, "agent", "Alex Rivera", "agent")
PAGE = "1122334455"


class Platform:
    """A loopback HTTP server that records every request (path, headers, JSON body, the status it answered) and
    answers like the Graph API: 200 with a message id, or ``status`` with Graph's error document when a test sets
    it (503: down for now; 400: a refusal). While ``hold`` is set, a request waits for it to be released."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.status = 200
        self.hold: threading.Event | None = None
        self.arrived = threading.Event()  # a request came in (set before a held request waits)
        recorded, platform = self.received, self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = platform.status
                recorded.append({"path": self.path, "headers": dict(self.headers), "body": json.loads(body),
                                 "status": status})
                platform.arrived.set()
                if platform.hold is not None:
                    platform.hold.wait(10)
                answer = json.dumps({"message_id": f"m_out_{len(recorded)}"} if status == 200 else
                                    {"error": {"message": "(#551) This person isn't available right now.",
                                               "type": "OAuthException", "code": 551}}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v21.0"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def platform() -> Iterator[Platform]:
    running = Platform()
    yield running
    running.stop()


@pytest.fixture
def settings(settings, platform):
    return replace(settings, social_app_secrets={"meta-shop": SECRET}, social_verify_tokens={"meta-shop": "vt-42"},
                   social_access_tokens={"meta-shop": "page-token"}, social_send_url=platform.url)


@pytest.fixture
def integration(api_services) -> str:
    api_keys.create_key(api_services, CLI, "meta-shop")
    return "meta-shop"


def now_ms(ago_s: float = 0) -> int:
    return int((time.time() - ago_s) * 1000)


def dm(mid: str = "m_1", text: str = "Where is my order BW-100001? Write to ann@example.com", sender: str = "9001",
       at: int | None = None) -> dict[str, Any]:
    return {"sender": {"id": sender}, "recipient": {"id": PAGE}, "timestamp": at or now_ms(),
            "message": {"mid": mid, "text": text}}


def comment(comment_id: str = "555_1", text: str = "Still no parcel, order BW-100002!", sender: str = "7007",
            name: str = "Ann Lee", at: float | None = None) -> dict[str, Any]:
    return {"field": "feed", "value": {"item": "comment", "verb": "add", "comment_id": comment_id, "post_id": "555",
                                       "from": {"id": sender, "name": name}, "message": text,
                                       "created_time": int(at or time.time())}}


def page(messaging: list[dict[str, Any]] = (), changes: list[dict[str, Any]] = ()) -> dict[str, Any]:
    return {"object": "page", "entry": [{"id": PAGE, "time": now_ms(), "messaging": list(messaging),
                                         "changes": list(changes)}]}


def signed(server, document: Any = None, raw: bytes | None = None, secret: str = SECRET, signature: str | None = None,
           integration: str = "meta-shop", content_type: str = "application/json"):
    raw = raw if raw is not None else json.dumps(document).encode()
    if signature is None:
        signature = "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    headers = {"Content-Type": content_type, **({"X-Hub-Signature-256": signature} if signature else {})}
    return server.call("POST", f"/social/v1/meta/{integration}", raw=raw, headers=headers)


def stored(services) -> tuple[int, int]:
    counts = repos(services).conversations
    rows = counts.all()
    return len(rows), sum(len(counts.messages_for(c.id)) for c in rows)


def test_the_subscription_handshake_answers_the_challenge_only_with_the_verify_token(server, integration):
    ok = server.call("GET", "/social/v1/meta/meta-shop?hub.mode=subscribe&hub.verify_token=vt-42&hub.challenge=1158201444")
    assert ok.status == 200 and ok.body == "1158201444"
    wrong = server.call("GET", "/social/v1/meta/meta-shop?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1")
    assert wrong.status == 403 and wrong.body["error"]["code"] == "forbidden"
    unknown = server.call("GET", "/social/v1/meta/other?hub.mode=subscribe&hub.verify_token=vt-42&hub.challenge=1")
    assert unknown.status == 404
    missing = server.call("GET", "/social/v1/meta/meta-shop?hub.mode=subscribe&hub.verify_token=vt-42")
    assert missing.status == 422 and missing.body["error"]["field"] == "hub.challenge"


def test_a_signed_dm_becomes_a_private_social_thread_with_its_pii_masked(server, integration):
    reply = signed(server, page([dm()]))
    assert reply.status == 200, reply.body
    assert reply.body == {"events": 1, "stored": 1, "replayed": 0, "ignored": 0, "stale": 0}
    store = repos(server.services)
    (conversation,) = store.conversations.all()
    assert conversation.channel == "social"
    (message,) = store.conversations.messages_for(conversation.id)
    assert message.author_role == "customer" and "ann@example.com" not in message.masked_text
    assert "[EMAIL]" in message.masked_text
    assert store.integrations.thread_of(conversation.id)[1] == "page:dm:9001"
    assert store.assist.get_analysis(message.id) is not None  # analysed once, on the way in
    # a second DM of the same sender joins the same private thread
    assert signed(server, page([dm("m_2", "Any news?")])).body["stored"] == 1
    assert stored(server.services) == (1, 2)


def test_a_bad_or_missing_signature_is_refused_and_stores_nothing(server, integration):
    document = page([dm()])
    assert signed(server, document, secret="another app's secret").status == 401
    assert signed(server, document, signature="").status == 401
    assert signed(server, document, signature="sha1=" + "0" * 40).status == 401
    body = json.dumps(document).encode()
    good = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    tampered = signed(server, raw=body.replace(b"Where", b"Whence"), signature=good)
    assert tampered.status == 401 and "does not match" in tampered.body["error"]["message"]
    assert signed(server, document, integration="not-configured").status == 404
    assert stored(server.services) == (0, 0)


def test_a_replayed_event_is_ignored_even_inside_another_batch(server, integration):
    first = signed(server, page([dm("m_7")]))
    again = signed(server, page([dm("m_7")]))  # the platform's retry of the same call
    batch = signed(server, page([dm("m_7"), dm("m_8", "And my refund?")]))  # the event again, beside a new one
    assert first.body["stored"] == 1
    assert again.body == {"events": 1, "stored": 0, "replayed": 1, "ignored": 0, "stale": 0}
    assert batch.body["stored"] == 1 and batch.body["replayed"] == 1
    assert stored(server.services) == (1, 2)


def test_events_older_than_the_window_are_not_taken(server, integration):
    old = signed(server, page([dm("m_old", at=now_ms(ago_s=2 * 3600))]))
    future = signed(server, page([dm("m_future", at=now_ms(ago_s=-3600))]))
    assert old.status == 200 and old.body["stale"] == 1 and old.body["stored"] == 0
    assert future.body["stale"] == 1
    assert stored(server.services) == (0, 0)


def test_echoes_receipts_and_our_own_comments_are_ignored(server, integration):
    echo = {**dm("m_echo"), "message": {"mid": "m_echo", "text": "Thanks!", "is_echo": True}}
    read = {"sender": {"id": "9001"}, "recipient": {"id": PAGE}, "timestamp": now_ms(), "read": {"watermark": 1}}
    ours = comment("555_9", "We're on it", sender=PAGE, name="Brightwave")
    reply = signed(server, page([echo, read], [ours]))
    assert reply.body == {"events": 3, "stored": 0, "replayed": 0, "ignored": 3, "stale": 0}
    assert stored(server.services) == (0, 0)


@pytest.mark.parametrize(("raw", "content_type", "status"), [
    (b"{not json", "application/json", 400),
    (json.dumps({"object": "whatsapp_business_account", "entry": []}).encode(), "application/json", 422),
    (json.dumps({"object": "page", "entry": {"id": 1}}).encode(), "application/json", 422),
    (json.dumps({"object": "page", "entry": [{"id": PAGE, "messaging": [{"sender": {}, "message": {"text": "hi"}}]}]}
                ).encode(), "application/json", 422),
    (json.dumps([1, 2]).encode(), "application/json", 422),
    (b"{}", "text/plain", 415),
    (b'{"object": "page", "entry": [], "pad": "' + b"a" * 300_000 + b'"}', "application/json", 413),
])
def test_bad_input_gets_a_clear_4xx_and_stores_nothing(server, integration, raw, content_type, status):
    reply = signed(server, raw=raw, content_type=content_type)
    assert reply.status == status, reply.body
    assert reply.body["error"]["status"] == status
    assert stored(server.services) == (0, 0)


def test_one_malformed_event_refuses_the_whole_call(server, integration):
    reply = signed(server, page([dm("m_ok"), {**dm("m_bad"), "timestamp": "yesterday"}]))
    assert reply.status == 422 and reply.body["error"]["field"] == "entry.0.messaging.1.timestamp"
    assert stored(server.services) == (0, 0)


def test_the_agents_dm_reply_reaches_the_platform_for_the_right_recipient(server, integration, platform):
    repos(server.services).users.add("agent", "Alex Rivera", "agent", "x")
    signed(server, page([dm(sender="424242")]))
    (conversation,) = repos(server.services).conversations.all()
    conversations.send_reply(server.services, AGENT, conversation.id, "Your order BW-100001 left today.")
    (sent,) = platform.received
    assert sent["path"] == "/v21.0/me/messages"
    assert sent["headers"]["Authorization"] == "Bearer page-token"
    assert sent["body"] == {"recipient": {"id": "424242"}, "messaging_type": "RESPONSE",
                            "message": {"text": "Your order BW-100001 left today."}}  # a DM: private, as written
    trail = [e.action for e in repos(server.services).audit.trail("conversation", str(conversation.id))]
    assert "social_reply_sent" in trail


def test_a_public_reply_goes_under_the_comment_without_personal_data(server, integration, platform):
    repos(server.services).users.add("agent", "Alex Rivera", "agent", "x")
    assert signed(server, page(changes=[comment("555_77", name="Ann Lee")])).body["stored"] == 1
    (conversation,) = repos(server.services).conversations.all()
    assert repos(server.services).integrations.thread_of(conversation.id)[1] == "page:comment:7007:555_77"
    conversations.send_reply(server.services, AGENT, conversation.id,
                             "Sorry Ann Lee! Order BW-100002 ships today; we emailed ann@example.com and will call "
                             "+44 20 7946 0958.")
    (sent,) = platform.received
    assert sent["path"] == "/v21.0/555_77/comments"
    text = sent["body"]["message"]
    for private in ("Ann Lee", "BW-100002", "ann@example.com", "7946"):
        assert private not in text, text
    assert text == ("Sorry! Order ships today; we emailed and will call. Send us a DM with your order number and "
                    "we'll look into it straight away.")  # nothing left dangling where a detail was cut


def test_a_reply_is_kept_when_sending_is_off_or_the_platform_is_down(server, integration, platform):
    repos(server.services).users.add("agent", "Alex Rivera", "agent", "x")
    signed(server, page([dm()]))
    (conversation,) = repos(server.services).conversations.all()
    off = replace(server.services.settings, social_send_url="")
    object.__setattr__(server.services, "settings", off)
    conversations.send_reply(server.services, AGENT, conversation.id, "First reply")
    down = replace(off, social_send_url="http://127.0.0.1:9/v21.0")  # nothing listens on port 9
    object.__setattr__(server.services, "settings", down)
    server.services._primary.pop("social_send", None)
    server.services._ports.pop("social_send", None)
    conversations.send_reply(server.services, AGENT, conversation.id, "Second reply")
    assert platform.received == []
    texts = [m.text for m in repos(server.services).conversations.messages_for(conversation.id)]
    assert texts[-2:] == ["First reply", "Second reply"]
    trail = [e.action for e in repos(server.services).audit.trail("conversation", str(conversation.id))]
    assert "social_reply_not_sent" in trail and "social_reply_retrying" in trail
    (queued,) = repos(server.services).social_outbox.outbox(conversation.id)  # only the reply sent while it was on
    assert (queued.text, queued.status, queued.attempts) == ("Second reply", "queued", 1)


def test_instagram_comments_and_dms_are_read_too():
    document = {"object": "instagram", "entry": [{"id": "17841", "time": now_ms(), "changes": [
        {"field": "comments", "value": {"id": "1790", "text": "Love it! Does it come in blue?",
                                        "from": {"id": "3300", "username": "ann.lee"}, "media": {"id": "1800"}}}],
        "messaging": [dm("ig_m_1", "hi", sender="3301")]}]}
    events, ignored = social.parse(document)
    assert ignored == 0
    assert [(e.kind, e.thread_id, e.handle) for e in events] == [
        ("dm", "instagram:dm:3301", "instagram:3301"), ("comment", "instagram:comment:3300:1790", "@ann.lee")]
