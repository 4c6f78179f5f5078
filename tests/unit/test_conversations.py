"""The live path and the agent's actions, on a real SQLite store with fake models."""

from __future__ import annotations

import json

import pytest

from services import conversations, inbox
from services.bootstrap import build_services
from services.errors import InvalidInput
from services.models import Customer, User
from tests.fakes import FakePii, fake_pipeline

AGENT = User(1, "agent", "Alex Rivera", "agent")
SUPERVISOR = User(2, "supervisor", "Priya", "supervisor")


@pytest.fixture
def svc(settings):
    services = build_services(settings, **fake_pipeline())
    services.store.add_user("agent", "Alex Rivera", "agent", "x")
    services.store.add_customer(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01", "Leeds"))
    return services


@pytest.fixture
def conversation(svc):
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Where is my order", "where is my order?", "agent")
    return conversation


def test_an_incoming_message_is_stored_masked_with_its_analysis_and_suggestions(svc, conversation):
    message, analysis = inbox.receive_customer_message(svc, conversation.id, "my email is dana@example.com")
    assert svc.store.messages_for(conversation.id)[-1].masked_text == "my email is [EMAIL]"
    assert svc.store.get_analysis(message.id)["masked_text"] == "my email is [EMAIL]"
    assert len(svc.store.suggestions_for(message.id)) == 3


def test_the_agents_queue_shows_the_new_conversation_with_its_signals(svc, conversation):
    inbox.receive_customer_message(svc, conversation.id, "I want a manager!")
    [item] = conversations.agent_queue(svc, AGENT)
    assert item.row.customer_name == "Dana Reyes"
    assert item.row.sentiment == "negative"
    assert item.urgent


def test_sending_an_edited_suggestion_records_feedback_for_every_suggestion(svc, conversation):
    view = conversations.assist_view(svc, conversation.id)
    first, second, third = view.suggestions
    conversations.send_reply(svc, AGENT, conversation.id, first.text + " Thanks!", first.id)
    feedback = [s.feedback for s in conversations.assist_view(svc, conversation.id).suggestions]
    assert feedback == ["edited", "rejected", "rejected"]
    assert svc.store.messages_for(conversation.id)[-1].text == first.text + " Thanks!"
    assert svc.store.get_conversation(conversation.id).status == "pending"


def test_sending_a_suggestion_unchanged_marks_it_accepted(svc, conversation):
    first = conversations.assist_view(svc, conversation.id).suggestions[0]
    conversations.send_reply(svc, AGENT, conversation.id, first.text, first.id)
    assert conversations.assist_view(svc, conversation.id).suggestions[0].feedback == "accepted"


def test_an_empty_reply_is_refused_and_nothing_is_stored(svc, conversation):
    before = svc.store.count_messages(conversation.id)
    with pytest.raises(InvalidInput, match="empty"):
        conversations.send_reply(svc, AGENT, conversation.id, "   ")
    assert svc.store.count_messages(conversation.id) == before


def test_escalate_transfer_resolve_and_notes_are_stored_and_audited(svc, conversation):
    conversations.add_note(svc, AGENT, conversation.id, "customer sounds upset")
    conversations.escalate(svc, AGENT, conversation.id, "wants a refund over limit")
    assert svc.store.get_conversation(conversation.id).status == "escalated"
    conversations.transfer(svc, AGENT, conversation.id, "billing", "refund over limit")
    assert svc.store.get_conversation(conversation.id).queue == "billing"
    conversations.resolve(svc, AGENT, conversation.id, "refund issued")
    assert svc.store.get_conversation(conversation.id).resolution == "refund issued"
    actions = [e.action for e in svc.store.audit_entries(actor="agent")]
    assert actions[:5] == ["resolve", "transfer", "add_note", "escalate", "add_note"]
    assert svc.store.messages_for(conversation.id)[1].author_role == "note"


def test_an_unknown_disposition_is_refused(svc, conversation):
    with pytest.raises(InvalidInput, match="disposition must be one of"):
        conversations.resolve(svc, AGENT, conversation.id, "vibes")


def test_opening_a_conversation_is_audited_but_a_live_refresh_is_not(svc, conversation):
    conversations.open_conversation(svc, AGENT, conversation.id)
    conversations.open_conversation(svc, AGENT, conversation.id, audit=False)
    views = [e for e in svc.store.audit_entries() if e.action == "view_conversation"]
    assert len(views) == 1 and views[0].entity_id == str(conversation.id)


def test_supervisors_see_masked_text_only(svc, conversation):
    inbox.receive_customer_message(svc, conversation.id, "dana@example.com here")
    assert not conversations.open_conversation(svc, SUPERVISOR, conversation.id).shows_pii
    assert conversations.open_conversation(svc, AGENT, conversation.id).shows_pii


def test_a_customer_waiting_for_us_ranks_above_one_we_already_answered(svc):
    answered, _, _ = inbox.start_conversation(svc, 1, "chat", "A", "where is my order?", "agent")
    waiting, _, _ = inbox.start_conversation(svc, 1, "email", "B", "where is my order?", "agent")
    conversations.send_reply(svc, AGENT, answered.id, "On its way!")
    order = [i.row.conversation.id for i in conversations.agent_queue(svc, AGENT)]
    assert order == [waiting.id, answered.id]


def test_the_customers_name_is_masked_in_the_stored_message(svc, conversation):
    message, _ = inbox.receive_customer_message(svc, conversation.id, "Dana here, Reyes is my surname")
    assert svc.store.messages_for(conversation.id)[-1].masked_text == "[PERSON] here, [PERSON] is my surname"


def test_an_email_reply_carries_its_subject_in_the_outgoing_event(svc, conversation):
    message = conversations.send_reply(svc, AGENT, conversation.id, "Hi Dana, it ships today.", subject="Re: Order")
    row = next(svc.store.db["events"].rows_where("kind = 'agent_reply'", order_by="id desc", limit=1))
    assert json.loads(row["payload"]) == {"message_id": message.id, "subject": "Re: Order"}


def test_an_incoming_message_is_scanned_for_pii_once(settings):
    class CountingPii(FakePii):
        calls = 0

        def find(self, text):
            CountingPii.calls += 1
            return super().find(text)

    services = build_services(settings, **{**fake_pipeline(), "pii": CountingPii()})
    services.store.add_customer(Customer(0, "Dana Reyes", "d@x.com", "", "gold", 1.0, "2024-01-01", "Leeds"))
    conversation, _, _ = inbox.start_conversation(services, 1, "chat", "s", "hi, mail dana@example.com", "")
    assert CountingPii.calls == 1
    assert services.store.messages_for(conversation.id)[0].masked_text == "hi, mail [EMAIL]"
