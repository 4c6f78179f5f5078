"""Nothing lost on the social channel: an agent's reply the platform did not take waits in the social outbox and is
sent by the poller once the platform is back, exactly once; a refusal is failed with the platform's reason and never
resent; two pollers at once send a reply once. The platform is tests/api/test_social.py's loopback HTTP server (it
records every request and the status it answered); the webhook and the store are real (uvicorn, a SQLite file)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest

from services import api_keys, conversations, email_inbound, social_outbound
from services.bootstrap import build_services
from services.cli import main
from services.email_outbox import Delivery
from services.permissions import CLI
from tests.api.test_social import AGENT, SECRET, Platform, comment, dm, page, signed
from tests.fakes import fake_pipeline
from tests.repos import repos

LATER = "2999-01-01T00:00:00Z"  # every retry is due by then


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
def conversation(server) -> int:
    """A private thread opened by a signed DM from sender 424242, and the agent who answers it."""
    api_keys.create_key(server.services, CLI, "meta-shop")
    repos(server.services).users.add("agent", "Alex Rivera", "agent", "x")
    assert signed(server, page([dm(sender="424242")])).body["stored"] == 1
    (found,) = repos(server.services).conversations.all()
    return found.id


def outbox(services, conversation_id: int):
    return repos(services).social_outbox.outbox(conversation_id)


def trail(services, conversation_id: int) -> list[str]:
    return [e.action for e in repos(services).audit.trail("conversation", str(conversation_id))]


def test_a_reply_the_platform_cannot_take_is_kept_and_sent_once_by_the_next_poll_after_it_is_back(
        server, platform, conversation, monkeypatch, tmp_path, capsys):
    platform.status = 503  # the platform is down
    message = conversations.send_reply(server.services, AGENT, conversation, "Your order left today.")
    (item,) = outbox(server.services, conversation)
    assert (item.chat_message_id, item.status, item.attempts) == (message.id, "queued", 1)
    assert "HTTP 503" in item.last_error and item.next_attempt_at > item.created_at  # tried once at Send, waits
    (state,) = social_outbound.reply_states(server.services, AGENT, conversation)
    assert (state.state, state.next_attempt_at) == ("retrying", item.next_attempt_at)  # what the agent sees
    assert email_inbound.poll_once(server.services).social == Delivery()  # not due yet: not tried again
    assert len(platform.received) == 1

    platform.status = 200  # back; the next poll of `python -m services mail-poll`, once the retry is due, sends it
    monkeypatch.setattr(social_outbound, "now_iso", lambda: item.next_attempt_at)
    settings = server.services.settings
    for name, value in (("FRONTLINE_CONFIG", str(tmp_path / "none.yaml")), ("FRONTLINE_DB_PATH", settings.db_path),
                        ("FRONTLINE_DATABASE_URL", settings.database_url),
                        ("FRONTLINE_SOCIAL_SEND_URL", settings.social_send_url),
                        ("FRONTLINE_SOCIAL_ACCESS_TOKEN_meta-shop", "page-token")):
        monkeypatch.setenv(name, value)
    capsys.readouterr()
    assert main(["mail-poll", "--once"]) == 0
    assert json.loads(capsys.readouterr().out)["social"] == {"sent": 1, "retrying": 0, "failed": 0}
    monkeypatch.setattr(social_outbound, "now_iso", lambda: LATER)
    assert email_inbound.poll_once(server.services).social == Delivery()  # sent: never again
    assert [r["status"] for r in platform.received] == [503, 200]
    assert platform.received[1]["body"]["message"] == {"text": "Your order left today."}
    assert platform.received[1]["body"]["recipient"] == {"id": "424242"}
    (sent,) = outbox(server.services, conversation)
    assert (sent.status, sent.attempts, sent.platform_id, sent.last_error) == ("sent", 2, "m_out_2", "")
    assert social_outbound.reply_states(server.services, AGENT, conversation)[0].state == "sent"
    assert trail(server.services, conversation)[-2:] == ["social_reply_retrying", "social_reply_sent"]


def test_the_platform_unreachable_is_retried_with_backoff_and_given_up_after_a_day(server, platform, conversation):
    settings = replace(server.services.settings, social_send_url="http://127.0.0.1:9/v21.0")  # nothing listens
    object.__setattr__(server.services, "settings", settings)
    server.services._primary.pop("social_send", None)
    server.services._ports.pop("social_send", None)
    conversations.send_reply(server.services, AGENT, conversation, "Hello again")
    (item,) = outbox(server.services, conversation)
    waits = [item.next_attempt_at]
    for _ in range(2):  # 30 s, then 60 s
        assert social_outbound.deliver_due(server.services, now=waits[-1]) == Delivery(retrying=1)
        waits.append(outbox(server.services, conversation)[0].next_attempt_at)
    assert [social_outbound.backoff_s(server.services, n) for n in (1, 2, 3, 8, 20)] == [30, 60, 120, 3600, 3600]
    assert "could not be reached" in outbox(server.services, conversation)[0].last_error
    assert social_outbound.deliver_due(server.services, now="2999-01-01T00:00:00Z") == Delivery(failed=1)
    (failed,) = outbox(server.services, conversation)
    assert failed.status == "failed" and failed.last_error.startswith("not taken within 24 hours")
    assert platform.received == []


def test_a_refused_reply_is_failed_with_the_platforms_reason_and_never_resent(server, platform, conversation):
    platform.status = 400  # e.g. the customer blocked the page
    conversations.send_reply(server.services, AGENT, conversation, "Can I help further?")
    (item,) = outbox(server.services, conversation)
    assert item.status == "failed" and item.attempts == 1
    assert item.last_error == "page refused the reply: HTTP 400: (#551) This person isn't available right now."
    (state,) = social_outbound.reply_states(server.services, AGENT, conversation)
    assert (state.state, state.reason, state.next_attempt_at) == ("failed", item.last_error, "")
    assert "social_reply_failed" in trail(server.services, conversation)
    platform.status = 200
    assert social_outbound.deliver_due(server.services, now=LATER) == Delivery()
    assert email_inbound.poll_once(server.services).social == Delivery()
    assert [r["status"] for r in platform.received] == [400]  # never resent
    texts = [m.text for m in repos(server.services).conversations.messages_for(conversation)]
    assert texts[-1] == "Can I help further?"  # the reply itself stays in the conversation


def test_two_pollers_at_once_send_a_public_reply_once_made_public_safe_when_sent(server, platform, settings):
    api_keys.create_key(server.services, CLI, "meta-shop")
    repos(server.services).users.add("agent", "Alex Rivera", "agent", "x")
    assert signed(server, page(changes=[comment("555_77", name="Ann Lee")])).body["stored"] == 1
    (talk,) = repos(server.services).conversations.all()
    platform.status = 503
    conversations.send_reply(server.services, AGENT, talk.id, "Sorry Ann Lee, order BW-100002 ships today.")
    (item,) = outbox(server.services, talk.id)
    assert item.text == "Sorry Ann Lee, order BW-100002 ships today."  # kept as written; made public-safe when sent
    platform.status, platform.hold = 200, threading.Event()
    platform.arrived.clear()
    other = build_services(settings, **fake_pipeline())  # a second process: its own connections to the same file
    first: list[Delivery] = []
    poller = threading.Thread(target=lambda: first.append(social_outbound.deliver_due(server.services, now=LATER)))
    poller.start()
    try:
        assert platform.arrived.wait(10), "the first poller did not reach the platform"
        assert social_outbound.deliver_due(other, now=LATER) == Delivery()  # leased by the first: not sent again
        assert email_inbound.poll_once(other).social == Delivery()
    finally:
        platform.hold.set()
        poller.join(10)
    assert first == [Delivery(sent=1)]
    assert [r["status"] for r in platform.received] == [503, 200]
    assert platform.received[1]["path"] == "/v21.0/555_77/comments"
    text = platform.received[1]["body"]["message"]
    assert "Ann Lee" not in text and "BW-100002" not in text and "ships today" in text
    assert social_outbound.deliver_due(other, now=LATER) == Delivery()
    assert outbox(server.services, talk.id)[0].status == "sent"
