"""Issue 14 item 2, "stored, then rejected": the ingestion path validates first, writes once, and a message whose
analysis fails is kept, marked not analysed, and never breaks a page (real SQLite, fake models)."""

from __future__ import annotations

import sqlite3

import pytest

from services import conversations, inbox
from services.adapters.local.sqlite_conversations import SqliteAssist
from services.bootstrap import build_services
from services.errors import InvalidInput, NotFound
from services.models import Customer, Message, User
from services.text import MAX_MESSAGE_CHARS
from tests.fakes import FakeIntent, fake_pipeline
from tests.repos import repos

AGENT = User(1, "agent", "Alex Rivera", "agent")
EXPANDS_UNDER_NFC = "\ufb2c" * 70_000  # 70,000 characters, 210,000 once normalised


class BrokenIntent(FakeIntent):
    """An intent model with a bug: it raises on one kind of text."""

    def classify(self, text: str):
        if "kettle" in text:
            raise RuntimeError("index out of range in the tokenizer")
        return super().classify(text)


@pytest.fixture
def svc(settings):
    services = build_services(settings, **{**fake_pipeline(), "intent": BrokenIntent()})
    repos(services).users.add("agent", "Alex Rivera", "agent", "x")
    repos(services).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01", "Leeds"))
    return services


@pytest.fixture
def conversation(svc):
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Order", "where is my order?", "agent")
    return conversation


def _rows(svc) -> dict[str, int]:
    return svc.store.table_counts()


def test_stored_then_rejected_a_message_too_long_once_normalised_is_refused_before_anything_is_stored(svc,
                                                                                                      conversation):
    before = _rows(svc)
    for _ in range(2):  # the retry a caller makes after an error stores nothing either
        with pytest.raises(InvalidInput, match="too long once normalised"):
            inbox.receive_customer_message(svc, conversation.id, EXPANDS_UNDER_NFC)
    assert _rows(svc) == before
    assert inbox.analyze_latest(svc, conversation.id) is False
    assert inbox.backfill_open(svc) == 0


def test_stored_then_rejected_a_new_conversation_with_a_bad_message_creates_no_conversation(svc):
    before = _rows(svc)
    with pytest.raises(InvalidInput):
        inbox.start_conversation(svc, 1, "chat", "Order", EXPANDS_UNDER_NFC, "agent")
    with pytest.raises(NotFound):
        inbox.start_conversation(svc, 99, "chat", "Order", "hello", "agent")
    assert _rows(svc) == before


def test_stored_then_rejected_a_message_whose_analysis_fails_is_kept_and_marked_not_analysed(svc, conversation):
    message, analysis = inbox.receive_customer_message(svc, conversation.id, "my kettle is broken")
    assert analysis is None
    assert repos(svc).conversations.messages_for(conversation.id)[-1].text == "my kettle is broken"
    assert inbox.not_analysed(svc, AGENT, conversation.id) == {
        message.id: "an internal error stopped the analysis (RuntimeError); it has been logged"}
    view = conversations.open_conversation(svc, AGENT, conversation.id)
    assert view.messages[-1].id == message.id  # shown in the thread
    assert conversations.agent_queue(svc, AGENT)[0].row.last_text == "my kettle is broken"
    assert inbox.analyze_latest(svc, conversation.id) is False  # no retry on every view, no exception


def test_stored_then_rejected_a_legacy_oversized_message_never_makes_analyze_latest_or_backfill_raise(svc,
                                                                                                    conversation):
    """What the old code left behind: a stored message that analysis refuses. Pages call analyze_latest unguarded."""
    legacy = repos(svc).conversations.append_message(Message(0, conversation.id, "customer", "", "\ufb2c" * 3 * 70_000,
                                              "x", "2026-01-01T00:00:00Z"))
    assert len(legacy.text) > MAX_MESSAGE_CHARS
    assert inbox.backfill_open(svc) == 0
    assert inbox.analyze_latest(svc, conversation.id) is False
    assert "too long" in inbox.not_analysed(svc, AGENT, conversation.id)[legacy.id]
    assert conversations.assist_view(svc, AGENT, conversation.id).message_id != legacy.id  # the older analysis stays


def test_stored_then_rejected_a_later_message_analyses_normally_after_a_failed_one(svc, conversation):
    inbox.receive_customer_message(svc, conversation.id, "my kettle is broken")
    message, analysis = inbox.receive_customer_message(svc, conversation.id, "where is my order BW-123456?")
    assert analysis is not None and analysis.intent.label == "Order Status"
    assert conversations.assist_view(svc, AGENT, conversation.id).message_id == message.id


def test_stored_then_rejected_the_ingestion_write_is_one_transaction(svc, conversation, monkeypatch):
    """A failure while the analysis is written leaves neither the message nor its event behind."""
    before = _rows(svc)

    def fail(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(SqliteAssist, "save_outcome", fail)
    with pytest.raises(sqlite3.OperationalError):
        inbox.receive_customer_message(svc, conversation.id, "where is my order?")
    assert _rows(svc) == before


def test_stored_then_rejected_a_resolved_conversation_reopens_with_the_message(svc, conversation):
    conversations.resolve(svc, AGENT, conversation.id, "answered")
    inbox.receive_customer_message(svc, conversation.id, "one more thing about my order")
    reopened = repos(svc).conversations.get(conversation.id)
    assert (reopened.status, reopened.resolution) == ("open", "")


@pytest.mark.parametrize("conversation_id", [0, -1, None, "abc", 2**70, 1.5, True])
def test_unknown_ids_a_bad_conversation_id_is_invalid_input_and_stores_nothing(svc, conversation, conversation_id):
    before = _rows(svc)
    with pytest.raises(InvalidInput, match="conversation id"):
        inbox.receive_customer_message(svc, conversation_id, "hello")
    assert _rows(svc) == before


def test_unknown_ids_an_unknown_conversation_is_not_found(svc):
    with pytest.raises(NotFound, match="conversation 4242"):
        inbox.receive_customer_message(svc, 4242, "hello")
    with pytest.raises(NotFound, match="conversation 4242"):
        repos(svc).conversations.append_message(Message(0, 4242, "customer", "", "hi", "hi", ""))


def test_validation_gaps_an_incoming_subject_and_author_lose_control_bidi_and_tag_characters(svc):
    subject = "Refund\x00 \u202eplease\x85 \U000e0041now"
    conversation, _, _ = inbox.start_conversation(svc, 1, "email", subject, "where is my order?", "agent")
    message, _ = inbox.receive_customer_message(svc, conversation.id, "hello?", author="Dana\u202e\x00 Reyes")
    stored = repos(svc).conversations.get(conversation.id).subject
    assert stored == "Refund please now"
    assert repos(svc).conversations.messages_for(conversation.id)[-1].author == "Dana Reyes"
