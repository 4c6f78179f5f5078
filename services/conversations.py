"""The agent's view of conversations: the queue, one thread with its customer, and the audit of each read."""

from __future__ import annotations

from dataclasses import dataclass

from services.bootstrap import Services
from services.clock import now_iso, parse_iso
from services.models import Conversation, Customer, Message, Order, User
from services.privacy import may_see_pii

OPEN_STATUSES = ("open", "pending", "escalated")


@dataclass(frozen=True)
class QueueItem:
    conversation: Conversation
    customer_name: str
    customer_tier: str
    last_message: str
    waiting_minutes: int


@dataclass(frozen=True)
class ConversationView:
    conversation: Conversation
    customer: Customer
    messages: tuple[Message, ...]
    orders: tuple[Order, ...]
    history: tuple[Conversation, ...]
    shows_pii: bool


def _minutes_since(timestamp: str) -> int:
    return max(0, int((parse_iso(now_iso()) - parse_iso(timestamp)).total_seconds() // 60))


def agent_queue(services: Services, user: User) -> list[QueueItem]:
    """Open conversations assigned to this agent or to nobody, longest waiting first."""
    store = services.store
    items = []
    for conversation in store.list_conversations():
        if conversation.status not in OPEN_STATUSES or conversation.assigned_agent not in ("", user.username):
            continue
        customer = store.get_customer(conversation.customer_id)
        messages = store.messages_for(conversation.id)
        last = messages[-1].masked_text if messages else ""
        items.append(QueueItem(conversation, customer.name, customer.tier, last[:140],
                               _minutes_since(conversation.updated_at)))
    return sorted(items, key=lambda i: (i.conversation.status != "escalated", -i.waiting_minutes))


def open_conversation(services: Services, user: User, conversation_id: int) -> ConversationView:
    """The full thread with customer context; the read is written to the audit log."""
    store = services.store
    conversation = store.get_conversation(conversation_id)
    customer = store.get_customer(conversation.customer_id)
    history = tuple(c for c in store.list_conversations(customer_id=customer.id) if c.id != conversation_id)
    store.audit(user.username, "view_conversation", "conversation", str(conversation_id),
                f"customer {customer.id}")
    return ConversationView(conversation, customer, tuple(store.messages_for(conversation_id)),
                            tuple(store.orders_for(customer.id)[:5]), history, may_see_pii(user))
