"""The live path and the agent's actions, on a real SQLite store with fake models."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from services import conversations, inbox
from services.bootstrap import build_services
from services.clock import to_iso
from services.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from services.models import Conversation, Customer, Message, User
from tests.fakes import FakePii, fake_pipeline
from tests.repos import repos

AGENT = User(1, "agent", "Alex Rivera", "agent")
SUPERVISOR = User(2, "supervisor", "Priya", "supervisor")


@pytest.fixture
def svc(settings):
    services = build_services(settings, **fake_pipeline())
    repos(services).users.add("agent", "Alex Rivera", "agent", "x")
    repos(services).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01", "Leeds"))
    return services


@pytest.fixture
def conversation(svc):
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Where is my order", "where is my order?", "agent")
    return conversation


def test_an_incoming_message_is_stored_masked_with_its_analysis_and_suggestions(svc, conversation):
    message, analysis = inbox.receive_customer_message(svc, conversation.id, "my email is dana@example.com")
    assert repos(svc).conversations.messages_for(conversation.id)[-1].masked_text == "my email is [EMAIL]"
    assert repos(svc).assist.get_analysis(message.id).masked_text == "my email is [EMAIL]"
    assert len(repos(svc).assist.suggestions_for(message.id)) == 3


def test_the_agents_queue_shows_the_new_conversation_with_its_signals(svc, conversation):
    inbox.receive_customer_message(svc, conversation.id, "I want a manager!")
    [item] = conversations.agent_queue(svc, AGENT)
    assert item.row.customer_name == "Dana Reyes"
    assert item.row.sentiment == "negative"
    assert item.urgent


def test_sending_an_edited_suggestion_records_feedback_for_every_suggestion(svc, conversation):
    view = conversations.assist_view(svc, AGENT, conversation.id)
    first, second, third = view.suggestions
    conversations.send_reply(svc, AGENT, conversation.id, first.text + " Thanks!", first.id)
    feedback = [s.feedback for s in conversations.assist_view(svc, AGENT, conversation.id).suggestions]
    assert feedback == ["edited", "rejected", "rejected"]
    assert repos(svc).conversations.messages_for(conversation.id)[-1].text == first.text + " Thanks!"
    assert repos(svc).conversations.get(conversation.id).status == "pending"


def test_sending_a_suggestion_unchanged_marks_it_accepted(svc, conversation):
    first = conversations.assist_view(svc, AGENT, conversation.id).suggestions[0]
    conversations.send_reply(svc, AGENT, conversation.id, first.text, first.id)
    assert conversations.assist_view(svc, AGENT, conversation.id).suggestions[0].feedback == "accepted"


def test_an_empty_reply_is_refused_and_nothing_is_stored(svc, conversation):
    before = repos(svc).conversations.count_messages(conversation.id)
    with pytest.raises(InvalidInput, match="empty"):
        conversations.send_reply(svc, AGENT, conversation.id, "   ")
    assert repos(svc).conversations.count_messages(conversation.id) == before


def test_a_supervisor_transferring_their_conversation_with_a_note_is_not_refused_halfway(svc):
    """The note was written after the hand-over, when the supervisor could no longer read the conversation: the
    queue had changed, then PermissionDenied."""
    repos(svc).users.add("supervisor", "Priya", "supervisor", "x")
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Refund", "refund please", "supervisor")
    conversations.transfer(svc, SUPERVISOR, conversation.id, "billing", "over my limit")
    after = repos(svc).conversations.get(conversation.id)
    assert (after.queue, after.assigned_agent) == ("billing", "")
    assert repos(svc).conversations.messages_for(conversation.id)[-1].text == "Transferred to billing: over my limit"


def test_notes_transfer_and_resolve_are_stored_and_audited(svc, conversation):
    conversations.add_note(svc, AGENT, conversation.id, "customer sounds upset")
    conversations.transfer(svc, AGENT, conversation.id, "billing", "refund over limit")
    assert repos(svc).conversations.get(conversation.id).queue == "billing"
    conversations.resolve(svc, AGENT, conversation.id, "refund issued")
    assert repos(svc).conversations.get(conversation.id).resolution == "refund issued"
    actions = [e.action for e in repos(svc).audit.entries(actor="agent")]
    assert actions[:3] == ["resolve", "transfer", "add_note"]
    assert [m.author_role for m in repos(svc).conversations.messages_for(conversation.id)][1:] == ["note", "note"]


def test_an_unknown_disposition_is_refused(svc, conversation):
    with pytest.raises(InvalidInput, match="disposition must be one of"):
        conversations.resolve(svc, AGENT, conversation.id, "vibes")


def test_opening_a_conversation_is_audited_but_a_live_refresh_is_not(svc, conversation):
    conversations.open_conversation(svc, AGENT, conversation.id)
    conversations.open_conversation(svc, AGENT, conversation.id, audit=False)
    views = [e for e in repos(svc).audit.entries() if e.action == "view_conversation"]
    assert len(views) == 1 and views[0].entity_id == str(conversation.id)


def test_supervisors_see_masked_text_only(svc, conversation):
    inbox.receive_customer_message(svc, conversation.id, "dana@example.com here")
    conversations.escalate(svc, AGENT, conversation.id, "please look")
    assert not conversations.open_conversation(svc, SUPERVISOR, conversation.id).shows_pii
    assert conversations.open_conversation(svc, User(3, "admin", "Ada", "admin"), conversation.id).shows_pii


def test_a_customer_waiting_for_us_ranks_above_one_we_already_answered(svc):
    answered, _, _ = inbox.start_conversation(svc, 1, "chat", "A", "where is my order?", "agent")
    waiting, _, _ = inbox.start_conversation(svc, 1, "email", "B", "where is my order?", "agent")
    conversations.send_reply(svc, AGENT, answered.id, "On its way!")
    order = [i.row.conversation.id for i in conversations.agent_queue(svc, AGENT)]
    assert order == [waiting.id, answered.id]


def test_the_customers_name_is_masked_in_the_stored_message(svc, conversation):
    message, _ = inbox.receive_customer_message(svc, conversation.id, "Dana here, Reyes is my surname")
    assert repos(svc).conversations.messages_for(conversation.id)[-1].masked_text == "[PERSON] here, [PERSON] is my surname"


def test_a_replys_subject_stays_out_of_the_clear_event_payload(svc, conversation):
    message = conversations.send_reply(svc, AGENT, conversation.id, "Hi Dana, it ships today.",
                                       subject="Re: Dana Reyes, 12 Elm Road")
    with sqlite3.connect(svc.settings.database_file) as db:
        [payload] = db.execute("SELECT payload FROM events WHERE kind = 'agent_reply' ORDER BY id DESC LIMIT 1").fetchone()
    assert json.loads(payload) == {"message_id": message.id}  # a subject can carry a name and an address


def test_an_incoming_message_is_scanned_for_pii_once(settings):
    class CountingPii(FakePii):
        calls = 0

        def find(self, text):
            CountingPii.calls += 1
            return super().find(text)

    services = build_services(settings, **{**fake_pipeline(), "pii": CountingPii()})
    repos(services).customers.add(Customer(0, "Dana Reyes", "d@x.com", "", "gold", 1.0, "2024-01-01", "Leeds"))
    conversation, _, _ = inbox.start_conversation(services, 1, "chat", "s", "hi, mail dana@example.com", "")
    assert CountingPii.calls == 1
    assert repos(services).conversations.messages_for(conversation.id)[0].masked_text == "hi, mail [EMAIL]"


# ---- issue 13.3: queue order ---------------------------------------------------------------------------


def _ago(minutes: int) -> str:
    return to_iso(datetime.now(UTC) - timedelta(minutes=minutes))


def _waiting_since(svc, minutes: int, subject: str) -> int:
    """A conversation whose customer wrote `minutes` ago and got no reply."""
    at = _ago(minutes)
    conversation = repos(svc).conversations.add(Conversation(0, 1, "chat", "open", subject, at, at, ""))
    repos(svc).conversations.append_message(Message(0, conversation.id, "customer", "", f"{subject}?", f"{subject}?", at))
    return conversation.id


def _queue(svc) -> list[tuple[int, int, bool]]:
    return [(i.row.conversation.id, i.waiting_minutes, i.customer_waiting)
            for i in conversations.agent_queue(svc, AGENT)]


def test_queue_order_breaks_an_internal_note_or_a_transfer_does_not_answer_the_customer(svc):
    oldest, newer = _waiting_since(svc, 30, "oldest"), _waiting_since(svc, 10, "newer")
    conversations.add_note(svc, AGENT, oldest, "checking with the warehouse")
    assert _queue(svc)[0] == (oldest, 30, True)
    conversations.transfer(svc, AGENT, oldest, "billing", "a refund question")
    assert _queue(svc) == [(oldest, 30, True), (newer, 10, True)]
    assert repos(svc).conversations.get(oldest).status == "open"


def test_queue_order_breaks_a_customer_follow_up_keeps_the_waiting_time(svc):
    oldest, newer = _waiting_since(svc, 30, "oldest"), _waiting_since(svc, 10, "newer")
    repos(svc).conversations.append_message(Message(0, oldest, "customer", "", "hello?? anyone there", "hello??", _ago(0)))
    assert _queue(svc) == [(oldest, 30, True), (newer, 10, True)]


def test_a_reply_the_customer_saw_answers_and_the_next_message_waits_from_then(svc):
    oldest, newer = _waiting_since(svc, 30, "oldest"), _waiting_since(svc, 10, "newer")
    conversations.send_reply(svc, AGENT, oldest, "Let me check.")
    assert [(cid, waiting) for cid, _, waiting in _queue(svc)] == [(newer, True), (oldest, False)]
    repos(svc).conversations.append_message(Message(0, oldest, "customer", "", "thanks, and?", "thanks, and?", _ago(2)))
    assert _queue(svc)[1] == (oldest, 2, True)


# ---- issue 14.7 and 14.5/14.6: transitions, permissions and boundary validation ----------------------------


def test_workflow_transitions_are_never_checked_resolving_twice_is_refused(svc, conversation):
    conversations.resolve(svc, AGENT, conversation.id, "answered")
    with pytest.raises(InvalidTransition, match="already resolved"):
        conversations.resolve(svc, AGENT, conversation.id, "answered")
    with pytest.raises(InvalidTransition, match="already resolved"):
        conversations.escalate(svc, AGENT, conversation.id, "too late")
    assert [e.action for e in repos(svc).audit.entries(actor="agent")].count("resolve") == 1


@pytest.mark.parametrize("queue", ["\x00../admin", "admin", "", None, "BILLING"])
def test_workflow_transitions_are_never_checked_a_transfer_to_an_unknown_queue_is_refused(svc, conversation, queue):
    with pytest.raises(InvalidInput, match="queue must be one of general, billing, technical, returns, supervisor"):
        conversations.transfer(svc, AGENT, conversation.id, queue)
    assert repos(svc).conversations.get(conversation.id).queue == "general"


def test_queues_come_from_the_configuration(settings):
    services = build_services(replace(settings, queues=("general", "vip-desk")), **fake_pipeline())
    repos(services).customers.add(Customer(0, "Dana Reyes", "d@x.com", "", "gold", 1.0, "2024-01-01", "Leeds"))
    conversation, _, _ = inbox.start_conversation(services, 1, "chat", "s", "where is my order?", "")
    conversations.transfer(services, AGENT, conversation.id, "vip-desk")
    assert repos(services).conversations.get(conversation.id).queue == "vip-desk"
    with pytest.raises(InvalidInput):
        conversations.transfer(services, AGENT, conversation.id, "billing")


@pytest.mark.parametrize("call", [
    lambda s, cid: conversations.open_conversation(s, AGENT, cid),
    lambda s, cid: conversations.send_reply(s, AGENT, cid, "hi"),
    lambda s, cid: conversations.add_note(s, AGENT, cid, "hi"),
    lambda s, cid: conversations.escalate(s, AGENT, cid, "hi"),
    lambda s, cid: conversations.transfer(s, AGENT, cid, "billing"),
    lambda s, cid: conversations.resolve(s, AGENT, cid, "answered"),
    lambda s, cid: conversations.assist_view(s, AGENT, cid),
])
def test_unknown_conversation_ids_raise_not_found_and_malformed_ones_invalid_input(svc, call):
    with pytest.raises(NotFound):
        call(svc, 999)
    for bad in (None, -1, "1; DROP TABLE", 1.5, True):
        with pytest.raises(InvalidInput):
            call(svc, bad)


def test_send_reply_with_subject_none_is_invalid_input_and_stores_nothing(svc, conversation):
    before = repos(svc).conversations.count_messages(conversation.id)
    with pytest.raises(InvalidInput, match="subject must be text"):
        conversations.send_reply(svc, AGENT, conversation.id, "hello", subject=None)
    with pytest.raises(InvalidInput, match="subject contains"):
        conversations.send_reply(svc, AGENT, conversation.id, "hello", subject="Re: \u202eevil")
    assert repos(svc).conversations.count_messages(conversation.id) == before


def test_an_agent_may_not_act_on_another_agents_conversation(svc, conversation):
    sams = User(5, "sam", "Sam", "agent")
    for call in (lambda: conversations.send_reply(svc, sams, conversation.id, "mine now"),
                 lambda: conversations.resolve(svc, sams, conversation.id, "answered"),
                 lambda: conversations.open_conversation(svc, sams, conversation.id)):
        with pytest.raises(PermissionDenied, match="assigned to agent"):
            call()
    with pytest.raises(PermissionDenied, match="sign in"):
        conversations.add_note(svc, None, conversation.id, "anonymous")
