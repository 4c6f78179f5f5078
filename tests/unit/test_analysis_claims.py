"""A stored message is analysed once, however many processes backfill or retry it at the same time (issue 15);
retrying a message whose analysis failed is a user's action, checked like one (real SQLite, fake models)."""

from __future__ import annotations

import threading

import pytest

from services import inbox
from services.bootstrap import build_services
from services.errors import PermissionDenied
from services.models import Customer, Message, User
from tests.fakes import FakeIntent, fake_pipeline
from tests.repos import repos

AGENT = User(1, "agent", "Alex Rivera", "agent")
EDITOR = User(3, "editor", "Kim Lee", "kb_editor")
OTHER_AGENT = User(5, "agent2", "Jo Park", "agent")


class SlowIntent(FakeIntent):
    """Holds every caller until two have arrived or a second has passed, so concurrent analyses overlap."""

    def __init__(self, barrier: threading.Barrier, fail_on: str = "") -> None:
        super().__init__()
        self.barrier, self.fail_on = barrier, fail_on

    def classify(self, text: str):
        try:
            self.barrier.wait(timeout=1.0)
        except threading.BrokenBarrierError:
            pass
        if self.fail_on and self.fail_on in text:
            raise RuntimeError("the model crashed")
        return super().classify(text)


@pytest.fixture
def barrier():
    return threading.Barrier(2)


def two_processes(settings, barrier, fail_on: str = ""):
    """Two Services over one SQLite file, as two app processes would have, each with its own (slow) model."""
    pair = [build_services(settings, **{**fake_pipeline(), "intent": SlowIntent(barrier, fail_on)}) for _ in (1, 2)]
    repos(pair[0]).users.add("agent", "Alex Rivera", "agent", "x")
    repos(pair[0]).users.add("agent2", "Jo Park", "agent", "x")
    repos(pair[0]).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 1.0, "2024-01-01", "Leeds"))
    return pair


def legacy_conversation(services) -> int:
    """A conversation whose customer message was stored without an analysis (an import, or a crash mid-way)."""
    conversation, _, _ = inbox.start_conversation(services, 1, "chat", "Order", "hello", "agent")
    repos(services).conversations.append_message(Message(0, conversation.id, "customer", "",
                                                          "where is my order BW-123456?",
                                                          "where is my order BW-123456?", "2026-11-01T00:00:00Z"))
    return conversation.id


def at_once(*calls) -> list:
    results: list = [None] * len(calls)
    threads = [threading.Thread(target=lambda i=i, c=c: results.__setitem__(i, c())) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def intent_calls(pair) -> int:
    """How many times the messages were read: a short follow-up's second reading, together with the earlier
    messages (services/assist.py ``in_conversation``), is part of the same analysis and not counted."""
    return sum(sum("\n" not in text for text in s.intent.seen) for s in pair)


def test_defect_15_two_backfills_at_once_analyse_a_message_once(settings, barrier):
    one, two = pair = two_processes(settings, barrier)
    conversation_id = legacy_conversation(one)
    latest = repos(one).conversations.messages_for(conversation_id)[-1]
    before = intent_calls(pair)
    assert sorted(at_once(lambda: inbox.backfill_open(one), lambda: inbox.backfill_open(two))) == [0, 1]
    assert intent_calls(pair) == before + 1
    assert len(repos(one).assist.suggestions_for(latest.id)) == 3  # not 6: written once
    assert repos(one).assist.get_analysis(latest.id).intent.label == "Order Status"


def test_defect_15_two_retries_at_once_analyse_a_failed_message_once(settings, barrier):
    one, two = pair = two_processes(settings, barrier, fail_on="kettle")
    conversation, _, _ = inbox.start_conversation(one, 1, "chat", "Kettle", "my kettle is broken", "agent")
    failed = repos(one).conversations.messages_for(conversation.id)[-1]
    assert failed.id in inbox.not_analysed(one, AGENT, conversation.id)
    for services in pair:
        services.intent.fail_on = ""  # the model was fixed
    before = intent_calls(pair)
    results = at_once(lambda: inbox.retry_analysis(one, AGENT, conversation.id),
                      lambda: inbox.retry_analysis(two, AGENT, conversation.id))
    assert sorted(results) == [False, True]
    assert intent_calls(pair) == before + 1
    assert len(repos(one).assist.suggestions_for(failed.id)) == 3
    assert inbox.not_analysed(one, AGENT, conversation.id) == {}


def test_a_retry_that_fails_again_keeps_the_message_marked_with_the_new_reason(settings, barrier):
    one, _ = two_processes(settings, barrier, fail_on="kettle")
    conversation, message, _ = inbox.start_conversation(one, 1, "chat", "Kettle", "my kettle is broken", "agent")
    assert inbox.retry_analysis(one, AGENT, conversation.id) is False
    assert "RuntimeError" in inbox.not_analysed(one, AGENT, conversation.id)[message.id]
    assert [e.action for e in repos(one).audit.entries(1, actor="agent")] == ["retry_analysis"]


def test_only_someone_who_may_work_the_conversation_may_retry(settings, barrier):
    one, _ = two_processes(settings, barrier, fail_on="kettle")
    conversation, _, _ = inbox.start_conversation(one, 1, "chat", "Kettle", "my kettle is broken", "agent")
    for user in (EDITOR, OTHER_AGENT, None):
        with pytest.raises(PermissionDenied):
            inbox.retry_analysis(one, user, conversation.id)


def test_backfill_does_not_retry_a_failed_message(settings, barrier):
    one, _ = two_processes(settings, barrier, fail_on="kettle")
    conversation, _, _ = inbox.start_conversation(one, 1, "chat", "Kettle", "my kettle is broken", "agent")
    calls = len(one.intent.seen)
    assert inbox.backfill_open(one) == 0
    assert inbox.analyze_latest(one, conversation.id) is False
    assert len(one.intent.seen) == calls
