"""Queue filters, free-text search and SLA clocks (services/workspace.py) on a real SQLite store with fake models."""

from __future__ import annotations

import pytest

from services import conversations, inbox, workspace
from services.bootstrap import build_services
from services.config import Settings
from services.errors import InvalidInput
from services.models import Customer, User
from services.workspace import QueueFilter
from tests.fakes import fake_pipeline
from tests.repos import repos

AGENT = User(1, "agent", "Alex Rivera", "agent")


@pytest.fixture
def svc(settings):
    services = build_services(settings, **fake_pipeline())
    repos(services).users.add("agent", "Alex Rivera", "agent", "x")
    repos(services).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01", "Leeds"))
    repos(services).customers.add(Customer(0, "Sam Okafor", "sam@example.com", "", "standard", 1.0, "2024-01-01", "Hull"))
    inbox.start_conversation(services, 1, "chat", "Where is my order", "where is my parcel? mail dana@example.com",
                             "agent")
    inbox.start_conversation(services, 2, "email", "Refund", "I want a refund for the kettle", "agent")
    flagged, _, _ = inbox.start_conversation(services, 2, "social", "Broken lamp",
                                             "the lamp arrived broken, get me your manager", "")
    conversations.send_reply(services, AGENT, flagged.id, "so sorry, a new lamp is on its way")  # now pending
    handed_over, _, _ = inbox.start_conversation(services, 1, "chat", "Dented box", "the box was dented", "")
    conversations.escalate(services, AGENT, handed_over.id, "angry")
    return services


def subjects(svc, filters: QueueFilter) -> list[str]:
    items = conversations.agent_queue(svc, AGENT)
    return sorted(i.row.conversation.subject for i in workspace.filter_queue(svc, AGENT, items, filters))


def test_no_filter_keeps_the_whole_queue(svc):
    """The whole agent queue: an escalated conversation is in the supervisors' inbox, not here."""
    assert subjects(svc, QueueFilter()) == ["Broken lamp", "Refund", "Where is my order"]
    assert not QueueFilter().active


def test_filters_by_channel_status_tier_and_escalation(svc):
    assert subjects(svc, QueueFilter(channels=("email",))) == ["Refund"]
    assert subjects(svc, QueueFilter(statuses=("pending",))) == ["Broken lamp"]
    assert subjects(svc, QueueFilter(statuses=("open",))) == ["Refund", "Where is my order"]
    assert subjects(svc, QueueFilter(tiers=("gold",))) == ["Where is my order"]
    # flagged by the assist panel and still the agent's to handle (the escalated "Dented box" is not)
    assert subjects(svc, QueueFilter(escalated_only=True)) == ["Broken lamp"]
    assert subjects(svc, QueueFilter(channels=("chat", "email"), tiers=("standard",))) == ["Refund"]


def test_free_text_search_covers_subjects_and_messages_case_insensitively(svc):
    assert subjects(svc, QueueFilter(text="REFUND kettle")) == ["Refund"]
    assert subjects(svc, QueueFilter(text="parcel")) == ["Where is my order"]
    assert subjects(svc, QueueFilter(text="parcel kettle")) == []


def test_search_reads_masked_text_so_personal_data_finds_nothing(svc):
    assert subjects(svc, QueueFilter(text="dana@example.com")) == []


@pytest.mark.parametrize("bad", [QueueFilter(channels=("fax",)), QueueFilter(statuses=("lost",)),
                                 QueueFilter(statuses=("escalated",)),
                                 QueueFilter(tiers=("platinum",)), QueueFilter(text="x" * 201)])
def test_a_bad_filter_is_a_clear_error(svc, bad):
    with pytest.raises(InvalidInput):
        workspace.filter_queue(svc, AGENT, conversations.agent_queue(svc, AGENT), bad)


def test_sla_targets_per_channel_come_from_settings():
    defaults = Settings()
    assert [workspace.sla_target(defaults, c) for c in ("chat", "social", "email", "voice")] == [5, 60, 240, 1]
    assert workspace.sla_target(Settings(sla_chat_min=2), "chat") == 2
    with pytest.raises(InvalidInput):
        workspace.sla_target(defaults, "fax")


def test_the_sla_clock_runs_while_the_customer_waits_and_stops_once_we_answered(svc):
    item = next(i for i in conversations.agent_queue(svc, AGENT) if i.row.conversation.channel == "chat")
    clock = workspace.sla_clock(svc.settings, item)
    assert clock is not None and clock.target_min == 5 and not clock.breached
    late = conversations.QueueItem(item.row, 7)
    assert workspace.sla_clock(svc.settings, late).breached and workspace.sla_clock(svc.settings, late).remaining_min == -2
    conversations.send_reply(svc, AGENT, item.row.conversation.id, "on its way")
    answered = next(i for i in conversations.agent_queue(svc, AGENT) if i.row.conversation.id == item.row.conversation.id)
    assert workspace.sla_clock(svc.settings, answered) is None
