"""The conversation workflow as a pure table: which action is allowed in which status, and the status it leads to.

    assistant ──handover──► open          (a web chat the virtual assistant answers first: services/assistant.py)
    open ──reply──► pending ──customer_message──► open
      │  └──────────resolve──────────► resolved ──customer_message──► open
      └─escalate─► escalated ──take_over / reassign / return──► open

Notes and transfers never change the status. Everything not in the table raises InvalidTransition.
"""

from __future__ import annotations

from services.errors import InvalidTransition

STATUSES = ("open", "pending", "escalated", "resolved", "assistant")
ACTIONS = ("reply", "note", "escalate", "transfer", "resolve", "take_over", "reassign", "return",
           "customer_message", "handover")

# (status, action) -> the status after it
TRANSITIONS: dict[tuple[str, str], str] = {
    ("open", "reply"): "pending",
    ("open", "note"): "open",
    ("open", "escalate"): "escalated",
    ("open", "transfer"): "open",
    ("open", "resolve"): "resolved",
    ("open", "customer_message"): "open",
    ("pending", "reply"): "pending",
    ("pending", "note"): "pending",
    ("pending", "escalate"): "escalated",
    ("pending", "transfer"): "pending",
    ("pending", "resolve"): "resolved",
    ("pending", "customer_message"): "open",
    # handed to a supervisor: the team may add notes; the supervisor takes it over, reassigns or returns it
    ("escalated", "note"): "escalated",
    ("escalated", "take_over"): "open",
    ("escalated", "reassign"): "open",
    ("escalated", "return"): "open",
    ("escalated", "customer_message"): "escalated",
    ("resolved", "customer_message"): "open",
    # with the virtual assistant: the customer writes, it answers or hands over; a supervisor may take it over
    ("assistant", "customer_message"): "assistant",
    ("assistant", "handover"): "open",
    ("assistant", "note"): "assistant",
}

SUPERVISOR_ACTIONS = frozenset({"take_over", "reassign", "return"})
_WHY = {
    "resolved": "it is already resolved",
    "escalated": "it is waiting for a supervisor",
    "assistant": "the virtual assistant is answering it",
}
_VERBS = {"reply": "reply to", "note": "add a note to", "escalate": "escalate", "transfer": "transfer",
          "resolve": "resolve", "take_over": "take over", "reassign": "reassign", "return": "return",
          "customer_message": "add a customer message to", "handover": "hand over"}


def allowed(status: str, action: str) -> bool:
    return (status, action) in TRANSITIONS


def next_status(status: str, action: str) -> str:
    """The status after action, or InvalidTransition with a sentence a user understands.

    >>> next_status("open", "escalate")
    'escalated'
    """
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        why = "it is not escalated" if action in SUPERVISOR_ACTIONS else _WHY.get(status, f"it is {status}")
        raise InvalidTransition(f"You cannot {_VERBS.get(action, action)} this conversation: {why}.") from None


# ---- who may read and act on a conversation (pure; the use cases call these first) ------------------

SUPERVISING_ROLES = frozenset({"supervisor", "admin"})


def may_read(role: str, username: str, status: str, assigned_agent: str) -> bool:
    """An agent: their own or unassigned conversations. A supervisor: the ones they handle and the escalated ones
    (their inbox). An admin: all. Anyone else: none."""
    if role == "admin":
        return True
    if role == "agent":
        return assigned_agent in ("", username)
    if role == "supervisor":
        return assigned_agent == username or status == "escalated"
    return False


def may_act(role: str, username: str, status: str, assigned_agent: str, action: str) -> bool:
    """Supervisor actions need a supervisor or admin; other actions need the conversation to be yours (or
    unassigned, for an agent). A supervisor may also add a note to an escalation in their inbox."""
    if action in SUPERVISOR_ACTIONS or role == "admin":
        return role in SUPERVISING_ROLES
    if role == "agent":
        return assigned_agent in ("", username)
    if role == "supervisor":
        return assigned_agent == username or (status == "escalated" and action == "note")
    return False
