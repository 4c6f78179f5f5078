"""The supervisor's live monitor: escalations waiting, and open conversations at risk (negative sentiment, the
assist's escalation flag, a customer waiting past the channel's target), masked, the read audited on request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services import monitor
from services.clock import to_iso
from services.errors import PermissionDenied
from services.models import Conversation, Customer, Message, User
from tests.contracts.conftest import analysis
from tests.repos import repos

SUPERVISOR = User(1, "supervisor", "Priya", "supervisor")


def ago(minutes: float) -> str:
    return to_iso(datetime.now(UTC) - timedelta(minutes=minutes))


def talk(services, channel: str, status: str, subject: str, said_min_ago: float, answered: bool = False) -> int:
    with services.uow() as uow:
        who = uow.customers.add(Customer(0, "Dana", "d@example.com", "", "gold", 1.0, "2024", "X")).id
        c = uow.conversations.add(Conversation(0, who, channel, status, subject, ago(said_min_ago + 1),
                                               ago(said_min_ago + 1), "sam"))
        said = uow.conversations.append_message(Message(0, c.id, "customer", "Dana", "help", "help",
                                                        ago(said_min_ago)))
        uow.assist.save_outcome(said.id, analysis("Order Status", "neutral"))
        if answered:
            uow.conversations.append_message(Message(0, c.id, "agent", "sam", "on it", "on it", ago(0)))
    return c.id


def test_escalations_and_conversations_at_risk_with_their_reasons(services):
    waiting = talk(services, "chat", "open", "Refund to dana@example.com", said_min_ago=10)
    angry = talk(services, "email", "open", "Broken", said_min_ago=5, answered=True)
    with services.uow() as uow:
        later = uow.conversations.append_message(Message(0, angry, "customer", "Dana", "useless", "useless", ago(1)))
        uow.assist.save_outcome(later.id, analysis("Complaint", "negative", escalate=True))
    escalated = talk(services, "voice", "escalated", "Manager", said_min_ago=3)
    repos(services).assist.add_escalation(escalated, ("asked_for_manager",), 0.9, "sam")
    fine = talk(services, "email", "open", "Question", said_min_ago=1)
    data = monitor.live_monitor(services, SUPERVISOR, audit=True)
    assert [r.conversation_id for r in data.escalations] == [escalated]
    assert data.escalations[0].reasons == ("asked for manager",)
    by_id = {r.conversation_id: r for r in data.at_risk}
    assert set(by_id) == {waiting, angry} and fine not in by_id
    assert by_id[waiting].reasons == ("waiting past the 2 min target",) and by_id[waiting].waiting_min == 10
    assert by_id[angry].reasons == ("negative sentiment", "assist suggests escalating")
    assert "dana@example.com" not in by_id[waiting].subject
    assert [r.conversation_id for r in data.at_risk] == [waiting, angry]  # longest waiting first
    assert data.open_conversations == 3
    assert repos(services).audit.entries(1)[0].action == "view_live_monitor"
    monitor.live_monitor(services, SUPERVISOR)
    assert repos(services).audit.entries(1)[0].action == "view_live_monitor"  # a refresh is not logged again
    assert len([e for e in repos(services).audit.entries(50) if e.action == "view_live_monitor"]) == 1


def test_agents_may_not_watch_the_monitor(services):
    with pytest.raises(PermissionDenied):
        monitor.live_monitor(services, User(2, "sam", "Sam", "agent"))
