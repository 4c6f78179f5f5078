"""MailRepository contract (services/ports.py): mails by Message-ID (stored once, threads found by In-Reply-To and
References) and the outbox (queued, leased, retried, sent or failed), on every backend."""

from __future__ import annotations

import pytest

from services.email_models import MailRecord, OutgoingMail
from services.errors import Conflict, InvalidInput, NotFound
from services.models import Message
from tests.contracts.conftest import thread_with_message

AT = "2026-12-02T08:00:00Z"


def inbound(message_id, conversation_id, chat_message_id, at=AT, references=""):
    return MailRecord(message_id, conversation_id, "in", chat_message_id, "ada@example.com", "Where is my order?",
                      references, "Hello [NAME], my order…", '[{"name": "a.pdf", "content_type": "application/pdf", '
                      '"size": 10}]', at)


def reply(database, conversation_id, text="It ships today."):
    with database() as uow:
        return uow.conversations.append_message(Message(0, conversation_id, "agent", "alex", text, text, AT))


def outgoing(message_id="<r1@support.example>"):
    return OutgoingMail("support@example.com", "ada@example.com", "Re: Where is my order?", "It ships today.",
                        message_id, "<m1@example.com>", "<m1@example.com>")


def test_a_mail_is_stored_once_by_its_message_id_and_read_back_whole(database):
    talk, said = thread_with_message(database)
    record = inbound("<m1@example.com>", talk.id, said.id)
    with database() as uow:
        uow.mail.record(record)
    with database() as uow:
        assert uow.mail.get("<m1@example.com>") == record
        assert uow.mail.get("<nope@example.com>") is None
    with pytest.raises(Conflict), database() as uow:
        uow.mail.record(inbound("<m1@example.com>", talk.id, said.id))
    with pytest.raises(NotFound), database() as uow:
        uow.mail.record(inbound("<m2@example.com>", talk.id + 99, said.id))
    with pytest.raises(InvalidInput), database() as uow:
        uow.mail.record(MailRecord("<m3@example.com>", talk.id, "sideways", said.id, "", "", "", "", "[]", AT))
    with database() as uow:
        assert uow.mail.thread(talk.id) == [record]


def test_a_thread_is_found_by_any_known_id_the_newest_mail_deciding(database):
    first, said = thread_with_message(database)
    second, other = thread_with_message(database)
    with database() as uow:
        uow.mail.record(inbound("<a@x>", first.id, said.id))
        uow.mail.record(inbound("<b@x>", second.id, other.id))
        uow.mail.record(inbound("<c@x>", first.id, said.id))
    with database() as uow:
        assert uow.mail.conversation_of(["<unknown@x>", "<a@x>"]) == first.id
        assert uow.mail.conversation_of(["<a@x>", "<b@x>"]) == second.id  # <b@x> was recorded after <a@x>
        assert uow.mail.conversation_of(["<b@x>", "<c@x>"]) == first.id
        assert uow.mail.conversation_of([]) is None
        assert uow.mail.conversation_of(["<unknown@x>"]) is None
        assert [m.message_id for m in uow.mail.thread(first.id)] == ["<a@x>", "<c@x>"]


def test_a_reply_is_queued_once_leased_to_one_sender_and_retried_until_sent(database):
    talk, _ = thread_with_message(database)
    answer = reply(database, talk.id)
    with database() as uow:
        item = uow.mail.queue(talk.id, answer.id, outgoing(), AT)
    assert (item.status, item.attempts, item.next_attempt_at, item.mail) == ("queued", 0, AT, outgoing())
    with pytest.raises(Conflict), database() as uow:
        uow.mail.queue(talk.id, answer.id, outgoing("<r2@support.example>"), AT)
    with pytest.raises(NotFound), database() as uow:
        uow.mail.queue(talk.id, answer.id + 99, outgoing("<r3@support.example>"), AT)

    with database() as uow:
        assert uow.mail.claim_due("2026-12-02T07:59:59Z", "2026-12-02T08:01:00Z", 10) == []  # not due yet
        claimed = uow.mail.claim_due(AT, "2026-12-02T08:01:00Z", 10)
    assert [c.id for c in claimed] == [item.id]
    with database() as uow:
        assert uow.mail.claim_due(AT, "2026-12-02T08:01:00Z", 10) == []  # leased: another sender does not get it
        uow.mail.retry_later(item.id, "2026-12-02T08:05:00Z", "the SMTP server cannot be reached")
    with database() as uow:
        waiting = uow.mail.outbox(talk.id)[0]
        assert (waiting.status, waiting.attempts, waiting.last_error) == (
            "queued", 1, "the SMTP server cannot be reached")
        assert uow.mail.claim_due("2026-12-02T08:04:00Z", "2026-12-02T08:06:00Z", 10) == []
        assert [c.id for c in uow.mail.claim_due("2026-12-02T08:05:00Z", "2026-12-02T08:06:00Z", 10)] == [item.id]
        uow.mail.mark_sent(item.id, "2026-12-02T08:05:01Z")
    with database() as uow:
        sent = uow.mail.outbox()[0]
        assert (sent.status, sent.attempts, sent.sent_at, sent.last_error) == ("sent", 2, "2026-12-02T08:05:01Z", "")
        assert uow.mail.claim_due("2999-01-01T00:00:00Z", "2999-01-01T00:01:00Z", 10) == []  # sent: never again
        uow.mail.retry_later(item.id, AT, "late")  # a late failure report does not re-queue a sent reply
        assert uow.mail.outbox()[0].status == "sent"


def test_a_refused_reply_is_failed_for_good_and_the_due_come_oldest_first_up_to_the_limit(database):
    talk, _ = thread_with_message(database)
    answers = [reply(database, talk.id, f"answer {i}") for i in range(3)]
    with database() as uow:
        items = [uow.mail.queue(talk.id, a.id, outgoing(f"<r{a.id}@support.example>"), AT) for a in answers]
        uow.mail.mark_failed(items[0].id, "550 no such user")
    with database() as uow:
        assert [c.id for c in uow.mail.claim_due(AT, "2026-12-02T09:00:00Z", 1)] == [items[1].id]
        failed = uow.mail.outbox(talk.id)[0]
    assert (failed.status, failed.last_error) == ("failed", "550 no such user")
    with database() as uow:
        assert [i.id for i in uow.mail.outbox()] == [i.id for i in items]
        assert uow.mail.outbox(talk.id + 99) == []
