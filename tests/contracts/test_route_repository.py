"""Routing decisions (ConversationRepository.set_route / route_of / waiting_by_queue), on every backend."""

from __future__ import annotations

import pytest

from services.errors import NotFound
from services.models import Route
from tests.contracts.conftest import conversation, customer

BILLING = Route("billing", "Routed to billing: intent Billing Question 0.83, tier gold", "billing")


def test_a_route_reads_back_with_its_time_and_a_new_one_replaces_it(database):
    with database() as uow:
        talk = uow.conversations.add(conversation(uow.customers.add(customer()).id))
        uow.conversations.set_route(talk.id, BILLING)
    with database() as uow:
        stored = uow.conversations.route_of(talk.id)
        assert (stored.queue, stored.reason, stored.rule) == (BILLING.queue, BILLING.reason, "billing")
        assert stored.routed_at.startswith("20")
        uow.conversations.set_route(talk.id, Route("general", "Routed to general: billing is overloaded", "overloaded",
                                                   "2026-03-01T10:00:00Z"))
    with database() as uow:
        assert uow.conversations.route_of(talk.id) == Route("general", "Routed to general: billing is overloaded",
                                                            "overloaded", "2026-03-01T10:00:00Z")


def test_a_conversation_never_routed_has_none_and_a_missing_one_cannot_be_routed(database):
    with database() as uow:
        talk = uow.conversations.add(conversation(uow.customers.add(customer()).id))
    with database() as uow:
        assert uow.conversations.route_of(talk.id) is None
    with pytest.raises(NotFound), database() as uow:
        uow.conversations.set_route(999, BILLING)
    with database() as uow:
        assert uow.conversations.route_of(999) is None


def test_waiting_counts_open_and_pending_conversations_nobody_has_taken_per_queue(database):
    with database() as uow:
        ada = uow.customers.add(customer()).id
        for status, agent, queue in [("open", "", "billing"), ("pending", "", "billing"), ("open", "sam", "billing"),
                                     ("resolved", "", "billing"), ("escalated", "", "supervisor"),
                                     ("open", "", "general")]:
            talk = uow.conversations.add(conversation(ada, status=status, agent=agent))
            uow.conversations.update(talk.id, queue=queue)
    with database() as uow:
        assert uow.conversations.waiting_by_queue() == {"billing": 2, "general": 1}
