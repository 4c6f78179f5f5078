"""ConversationRepository contract (conversations, messages, the queue), on every backend."""

from __future__ import annotations

from dataclasses import replace

import pytest

from services.errors import InvalidInput, NotFound
from tests.contracts.conftest import analysis, conversation, customer, message, thread_with_message


def test_a_conversation_reads_back_and_a_missing_one_is_not_found(database):
    with database() as uow:
        ada = uow.customers.add(customer())
        talk = uow.conversations.add(conversation(ada.id))
    with database() as uow:
        assert uow.conversations.get(talk.id) == talk
        for bad in (999, 2**70):
            with pytest.raises(NotFound):
                uow.conversations.get(bad)
    with pytest.raises(NotFound, match="customer"), database() as uow:
        uow.conversations.add(conversation(999))


def test_conversations_are_listed_most_recently_updated_first_and_filtered(database):
    with database() as uow:
        ada = uow.customers.add(customer())
        bob = uow.customers.add(customer("Bob"))
        old = uow.conversations.add(conversation(ada.id, at="2026-01-01T00:00:00Z"))
        new = uow.conversations.add(conversation(ada.id, status="pending", agent="sam", at="2026-02-01T00:00:00Z"))
        other = uow.conversations.add(conversation(bob.id, at="2026-01-15T00:00:00Z"))
    with database() as uow:
        assert uow.conversations.all() == [new, other, old]
        assert uow.conversations.all(customer_id=ada.id) == [new, old]
        assert uow.conversations.all(status="pending") == [new]
        assert uow.conversations.all(agent="sam") == [new]


def test_update_changes_fields_moves_updated_at_and_refuses_unknown_fields(database):
    talk, _ = thread_with_message(database)
    with database() as uow:
        updated = uow.conversations.update(talk.id, status="pending", assigned_agent="sam")
    assert (updated.status, updated.assigned_agent) == ("pending", "sam")
    assert updated.updated_at > talk.updated_at
    with pytest.raises(InvalidInput), database() as uow:
        uow.conversations.update(talk.id, id=5)
    with pytest.raises(NotFound), database() as uow:
        uow.conversations.update(999, status="open")


def test_messages_are_oldest_first_and_appending_moves_the_conversation(database):
    talk, first = thread_with_message(database)
    with database() as uow:
        reply = uow.conversations.append_message(message(talk.id, "agent", "On its way", at=""))
    assert reply.id > first.id and reply.created_at  # stamped now when not given
    with database() as uow:
        assert uow.conversations.messages_for(talk.id) == [first, reply]
        assert uow.conversations.get(talk.id).updated_at == reply.created_at
        assert uow.conversations.count_messages(talk.id) == 2
        assert uow.conversations.count_messages() == 2
        assert uow.conversations.messages_for(999) == []
    with pytest.raises(NotFound, match="conversation 999"), database() as uow:
        uow.conversations.append_message(message(999))


def test_bulk_messages_keep_their_times(database):
    talk, _ = thread_with_message(database)
    with database() as uow:
        uow.conversations.add_messages([message(talk.id, text="later", at="2026-11-02T00:00:00Z")])
    with database() as uow:
        assert uow.conversations.messages_for(talk.id)[-1].created_at == "2026-11-02T00:00:00Z"
        assert uow.conversations.get(talk.id).updated_at == talk.updated_at


def test_the_queue_puts_escalations_first_then_the_longest_waiting(database):
    with database() as uow:
        ada = uow.customers.add(customer())
        answered = uow.conversations.add(conversation(ada.id, subject="answered"))
        uow.conversations.append_message(message(answered.id, at="2026-11-01T08:00:00Z"))
        uow.conversations.append_message(message(answered.id, "agent", at="2026-11-01T08:01:00Z"))
        recent = uow.conversations.add(conversation(ada.id, subject="recent"))
        uow.conversations.append_message(message(recent.id, at="2026-11-01T09:30:00Z"))
        waiting = uow.conversations.add(conversation(ada.id, subject="waiting"))
        uow.conversations.append_message(message(waiting.id, at="2026-11-01T09:00:00Z"))
        uow.conversations.append_message(message(waiting.id, "note", at="2026-11-01T09:10:00Z"))
        flagged = uow.conversations.add(conversation(ada.id, subject="flagged"))
        said = uow.conversations.append_message(message(flagged.id, at="2026-11-01T09:45:00Z"))
        uow.assist.save_outcome(said.id, analysis(escalate=True))
        uow.conversations.add(conversation(ada.id, status="escalated", subject="escalated"))
        uow.conversations.add(conversation(ada.id, status="resolved", subject="resolved"))
        uow.conversations.add(conversation(ada.id, agent="bob", subject="bob's"))
    with database() as uow:
        rows = uow.conversations.queue(agent="sam")
        everyone = uow.conversations.queue(agent=None, statuses=("open",))
    assert [r.conversation.subject for r in rows] == ["escalated", "flagged", "waiting", "recent", "answered"]
    assert "bob's" in [r.conversation.subject for r in everyone]
    by_subject = {r.conversation.subject: r for r in rows}
    assert by_subject["waiting"].waiting_since == "2026-11-01T09:00:00Z"  # a note is no answer
    assert by_subject["answered"].waiting_since == ""
    assert (by_subject["answered"].last_author, by_subject["answered"].customer_name) == ("agent", "Ada Lovelace")
    assert (by_subject["flagged"].escalate, by_subject["flagged"].intent) == (True, "Order Status")
    assert by_subject["flagged"].sentiment == "negative"


def test_the_change_marker_moves_on_every_kind_of_change(database):
    talk, said = thread_with_message(database)

    def marker():
        with database() as uow:
            return uow.shared.change_marker()

    seen = [marker()]
    with database() as uow:
        uow.conversations.append_message(message(talk.id, "agent", "Hi"))
    seen.append(marker())
    with database() as uow:
        uow.assist.save_outcome(said.id, analysis(), analysis().suggestions)
    seen.append(marker())
    with database() as uow:
        uow.assist.record_feedback(uow.assist.suggestions_for(said.id)[0].id, "rejected")
    seen.append(marker())
    with database() as uow:
        uow.assist.add_escalation(talk.id, ("angry",), 0.9, "sam")
    seen.append(marker())
    assert len(set(seen)) == len(seen)
    assert marker() == seen[-1]  # and stays put while nothing changes


def test_a_reply_sent_translated_keeps_what_the_agent_wrote(database):
    talk, first = thread_with_message(database)
    sent = replace(message(talk.id, "agent", "Su pedido está en camino.", at=""), original="Your order is on its way.")
    with database() as uow:
        stored = uow.conversations.append_message(sent)
        uow.conversations.add_messages([replace(sent, text="Gracias.", original="Thank you.",
                                                created_at="2026-11-01T10:00:00Z")])
    with database() as uow:
        thread = uow.conversations.messages_for(talk.id)
    assert thread[0] == first and first.original == ""
    assert (thread[1], thread[1].text, thread[1].original) == (stored, "Su pedido está en camino.",
                                                               "Your order is on its way.")
    assert (thread[2].text, thread[2].original) == ("Gracias.", "Thank you.")
