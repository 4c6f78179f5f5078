"""SocialOutboxRepository contract (services/ports.py): agents' replies waiting for a messaging platform — queued once
per message, leased to one sender, retried, sent (with the platform's id) or failed for good, the due ones oldest
first — on the fake, SQLite and PostgreSQL; the text encrypted at rest on the real engines."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from services.errors import Conflict, InvalidInput, NotFound
from services.models import Message, SocialOutboxItem
from tests.contracts.conftest import thread_with_message

AT = "2026-12-02T08:00:00Z"
LEASE = "2026-12-02T08:01:00Z"


def integration(database) -> int:
    with database() as uow:
        return uow.integrations.add_key("meta-shop", "h" * 64, "fl_meta", 60, "admin").id


def reply(database, conversation_id, text="It ships today, Ada."):
    with database() as uow:
        return uow.conversations.append_message(Message(0, conversation_id, "agent", "alex", text, text, AT))


def item(conversation_id, message_id, key_id, kind="dm", at=AT, text="It ships today, Ada.") -> SocialOutboxItem:
    return SocialOutboxItem(0, conversation_id, message_id, key_id, "page", kind, "424242", text, "queued", 0, at, "",
                            at, "", "")


def test_a_reply_is_queued_once_leased_to_one_sender_and_retried_until_sent(database):
    key = integration(database)
    talk, _ = thread_with_message(database)
    answer = reply(database, talk.id)
    with database() as uow:
        queued = uow.social_outbox.queue(item(talk.id, answer.id, key))
    assert queued.id > 0 and queued == replace(item(talk.id, answer.id, key), id=queued.id)  # read back whole
    with pytest.raises(Conflict), database() as uow:
        uow.social_outbox.queue(item(talk.id, answer.id, key))
    with pytest.raises(NotFound), database() as uow:
        uow.social_outbox.queue(item(talk.id, answer.id + 99, key))
    with pytest.raises(InvalidInput), database() as uow:
        uow.social_outbox.queue(item(talk.id, answer.id, key, kind="story"))

    with database() as uow:
        assert uow.social_outbox.claim_due("2026-12-02T07:59:59Z", LEASE, 10) == []  # not due yet
        claimed = uow.social_outbox.claim_due(AT, LEASE, 10)
    assert [(c.id, c.next_attempt_at) for c in claimed] == [(queued.id, LEASE)]
    with database() as uow:
        assert uow.social_outbox.claim_due(AT, LEASE, 10) == []  # leased: another sender does not get it
        uow.social_outbox.retry_later(queued.id, "2026-12-02T08:05:00Z", "page could not take the reply now: HTTP 503")
    with database() as uow:
        waiting = uow.social_outbox.outbox(talk.id)[0]
        assert (waiting.status, waiting.attempts, waiting.next_attempt_at, waiting.last_error) == (
            "queued", 1, "2026-12-02T08:05:00Z", "page could not take the reply now: HTTP 503")
        assert uow.social_outbox.claim_due("2026-12-02T08:04:00Z", "2026-12-02T08:06:00Z", 10) == []
        assert [c.id for c in uow.social_outbox.claim_due("2026-12-02T08:05:00Z", "2026-12-02T08:06:00Z", 10)] == [
            queued.id]
        uow.social_outbox.mark_sent(queued.id, "2026-12-02T08:05:01Z", "m_out_7")
    with database() as uow:
        sent = uow.social_outbox.outbox()[0]
        assert (sent.status, sent.attempts, sent.sent_at, sent.platform_id, sent.last_error) == (
            "sent", 2, "2026-12-02T08:05:01Z", "m_out_7", "")
        assert uow.social_outbox.claim_due("2999-01-01T00:00:00Z", "2999-01-01T00:01:00Z", 10) == []  # never again
        uow.social_outbox.retry_later(queued.id, AT, "late")  # a late failure report does not re-queue a sent reply
        uow.social_outbox.mark_failed(queued.id, "late")
        assert uow.social_outbox.outbox()[0].status == "sent"


def test_a_refused_reply_is_failed_for_good_and_the_due_come_oldest_first_up_to_the_limit(database):
    key = integration(database)
    talk, _ = thread_with_message(database)
    other, _ = thread_with_message(database)
    answers = [reply(database, talk.id, f"answer {i}") for i in range(3)]
    elsewhere = reply(database, other.id, "another thread")
    with database() as uow:
        items = [uow.social_outbox.queue(item(talk.id, a.id, key, text=a.text)) for a in answers]
        theirs = uow.social_outbox.queue(item(other.id, elsewhere.id, key, kind="comment", text=elsewhere.text))
        uow.social_outbox.mark_failed(items[0].id, "page refused the reply: HTTP 400: (#551) not available")
    with database() as uow:
        assert [c.id for c in uow.social_outbox.claim_due(AT, LEASE, 1)] == [items[1].id]
        assert [c.id for c in uow.social_outbox.claim_due(AT, LEASE, 10, other.id)] == [theirs.id]  # one thread's
        assert [c.id for c in uow.social_outbox.claim_due(AT, LEASE, 10)] == [items[2].id]
        failed = uow.social_outbox.outbox(talk.id)[0]
    assert (failed.status, failed.attempts, failed.last_error) == (
        "failed", 1, "page refused the reply: HTTP 400: (#551) not available")
    with database() as uow:
        assert [i.id for i in uow.social_outbox.outbox()] == [*(i.id for i in items), theirs.id]
        assert [i.text for i in uow.social_outbox.outbox(talk.id)] == ["answer 0", "answer 1", "answer 2"]
        assert uow.social_outbox.outbox(talk.id + 99) == []


def test_two_senders_claiming_at_once_never_both_get_a_reply(database):
    key = integration(database)
    talk, _ = thread_with_message(database)
    answers = [reply(database, talk.id, f"answer {i}") for i in range(6)]
    with database() as uow:
        all_items = [uow.social_outbox.queue(item(talk.id, a.id, key, text=a.text)) for a in answers]
    start, claims = threading.Barrier(2), []

    def sender() -> None:
        start.wait(5)
        for _ in range(6):
            with database() as uow:
                claims.extend(c.id for c in uow.social_outbox.claim_due(AT, LEASE, 1))

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(claims) == [i.id for i in all_items]  # each reply leased to exactly one sender, none twice


def test_the_reply_is_encrypted_at_rest(database):
    if not hasattr(database, "path") and not hasattr(database, "url"):
        pytest.skip("the fake stores nothing at rest")
    key = integration(database)
    talk, _ = thread_with_message(database)
    answer = reply(database, talk.id, "Zephyrine, your refund of 42 GBP left today.")
    with database() as uow:
        uow.social_outbox.queue(item(talk.id, answer.id, key, text=answer.text))
    with database() as uow:
        stored = uow.social_outbox.outbox(talk.id)[0].text
        raw = uow.social_outbox.tx.scalar("SELECT body FROM social_outbox")
    assert stored == "Zephyrine, your refund of 42 GBP left today."
    assert raw.startswith("enc:v1:") and "Zephyrine" not in raw
