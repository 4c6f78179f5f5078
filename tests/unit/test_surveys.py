"""CSAT survey answers: once per resolved conversation, 1-5, audited; the simulator's customers answer them with
scores that follow how the conversation went."""

from __future__ import annotations

import pytest

from services import surveys
from services.errors import Conflict, InvalidInput, NotFound
from services.models import Conversation, ConversationFacts, Customer
from services.simulator import Simulator
from tests.repos import repos


def resolved(services, status: str = "resolved") -> int:
    who = repos(services).customers.add(Customer(0, "Dana", "d@example.com", "", "gold", 1.0, "2024", "X")).id
    return repos(services).conversations.add(Conversation(0, who, "chat", status, "s", "2026-11-01T09:00:00Z",
                                                          "2026-11-01T09:00:00Z", "sam")).id


def test_an_answer_is_stored_once_and_audited(services):
    cid = resolved(services)
    assert surveys.record_answer(services, cid, 4).csat == 4
    assert repos(services).audit.entries(1)[0].action == "survey_answer"
    with pytest.raises(Conflict):
        surveys.record_answer(services, cid, 1)
    assert repos(services).conversations.get(cid).csat == 4


@pytest.mark.parametrize("score", [0, 6, 4.0, True, "5", None])
def test_a_score_outside_1_to_5_is_refused(services, score):
    cid = resolved(services)
    with pytest.raises(InvalidInput, match="1 to 5"):
        surveys.record_answer(services, cid, score)
    assert repos(services).conversations.get(cid).csat is None


def test_only_a_resolved_conversation_is_surveyed(services):
    with pytest.raises(InvalidInput, match="only a resolved one"):
        surveys.record_answer(services, resolved(services, "open"), 5)
    with pytest.raises(NotFound):
        surveys.record_answer(services, 999, 5)


def test_the_simulators_customers_answer_with_the_conversations_signal(services):
    good, bad = resolved(services), resolved(services)
    repos(services).analytics.record_facts(good, ConversationFacts(30, "2026-11-01T09:05:00Z", 300,
                                                                   sentiment="positive"))
    repos(services).analytics.record_facts(bad, ConversationFacts(3600, "2026-11-02T09:00:00Z", 86_400, reopens=1,
                                                                  escalated=True, sentiment="negative"))
    simulator = Simulator(services, seed=7)
    answered = {simulator.answer_survey(), simulator.answer_survey()}
    assert answered == {good, bad} and simulator.answer_survey() is None
    assert repos(services).conversations.get(bad).csat <= 2
    assert repos(services).conversations.get(good).csat >= repos(services).conversations.get(bad).csat
