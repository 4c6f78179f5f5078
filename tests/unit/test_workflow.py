"""Issue 14.7: workflow transitions are checked — the whole table, pair by pair, and who may act."""

from __future__ import annotations

import itertools

import pytest

from services import workflow
from services.errors import InvalidTransition

# Written out by hand from the issue, independently of services/workflow.py: status -> {action: next status}.
EXPECTED = {
    "open": {"reply": "pending", "note": "open", "escalate": "escalated", "transfer": "open", "resolve": "resolved",
             "customer_message": "open"},
    "pending": {"reply": "pending", "note": "pending", "escalate": "escalated", "transfer": "pending",
                "resolve": "resolved", "customer_message": "open"},
    "escalated": {"note": "escalated", "take_over": "open", "reassign": "open", "return": "open",
                  "customer_message": "escalated"},
    "resolved": {"customer_message": "open"},
    "assistant": {"customer_message": "assistant", "handover": "open", "note": "assistant"},
}


@pytest.mark.parametrize("status, action", list(itertools.product(workflow.STATUSES, workflow.ACTIONS)))
def test_workflow_transitions_are_checked_for_every_status_and_action(status, action):
    expected = EXPECTED[status].get(action)
    if expected is None:
        assert not workflow.allowed(status, action)
        with pytest.raises(InvalidTransition, match="You cannot"):
            workflow.next_status(status, action)
    else:
        assert workflow.allowed(status, action)
        assert workflow.next_status(status, action) == expected


def test_the_table_names_only_known_statuses_and_actions():
    for (status, action), after in workflow.TRANSITIONS.items():
        assert {status, after} <= set(workflow.STATUSES) and action in workflow.ACTIONS


def test_the_refusal_says_why():
    with pytest.raises(InvalidTransition, match="resolve this conversation: it is already resolved"):
        workflow.next_status("resolved", "resolve")
    with pytest.raises(InvalidTransition, match="take over this conversation: it is not escalated"):
        workflow.next_status("open", "take_over")


@pytest.mark.parametrize("role, assigned, status, action, allowed", [
    ("agent", "agent", "open", "reply", True),
    ("agent", "", "open", "reply", True),
    ("agent", "sam", "open", "reply", False),
    ("agent", "", "escalated", "take_over", False),
    ("supervisor", "", "escalated", "take_over", True),
    ("supervisor", "", "escalated", "note", True),
    ("supervisor", "", "open", "reply", False),
    ("supervisor", "supervisor", "open", "reply", True),
    ("admin", "sam", "open", "resolve", True),
    ("admin", "", "escalated", "reassign", True),
    ("kb_editor", "", "open", "note", False),
])
def test_who_may_act(role, assigned, status, action, allowed):
    assert workflow.may_act(role, role if role != "agent" else "agent", status, assigned, action) is allowed


@pytest.mark.parametrize("role, assigned, status, allowed", [
    ("agent", "", "open", True), ("agent", "sam", "pending", False), ("supervisor", "", "escalated", True),
    ("supervisor", "sam", "open", False), ("supervisor", "supervisor", "open", True), ("admin", "sam", "open", True),
    ("kb_editor", "", "open", False),
])
def test_who_may_read(role, assigned, status, allowed):
    assert workflow.may_read(role, role, status, assigned) is allowed
