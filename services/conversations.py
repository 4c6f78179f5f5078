"""The agent's view of conversations: the queue, one thread with its customer, and the audit of each read."""

from __future__ import annotations

import json
from dataclasses import dataclass

from services.assist import mask_text
from services.bootstrap import Services
from services.clock import now_iso, parse_iso
from services.errors import InvalidInput, NotFound
from services.models import Article, Conversation, Customer, Message, Order, QueueRow, User
from services.privacy import may_see_pii
from services.text import clean_text

OPEN_STATUSES = ("open", "pending", "escalated")


@dataclass(frozen=True)
class QueueItem:
    row: QueueRow
    waiting_minutes: int

    @property
    def urgent(self) -> bool:
        return self.row.escalate or self.row.conversation.status == "escalated"

    @property
    def customer_waiting(self) -> bool:
        """The customer wrote last: the ball is in our court."""
        return self.row.last_author == "customer"


@dataclass(frozen=True)
class ConversationView:
    conversation: Conversation
    customer: Customer
    messages: tuple[Message, ...]
    orders: tuple[Order, ...]
    history: tuple[Conversation, ...]
    shows_pii: bool


def agent_queue(services: Services, user: User, audit: bool = False) -> list[QueueItem]:
    """Open conversations assigned to this agent or to nobody: escalations first, then customers waiting for a
    reply (longest first), then conversations where we answered last. audit=True logs the read (once per session;
    the live refresh does not)."""
    if audit:
        services.store.audit(user.username, "view_queue", "conversations", "*", "open queue")
    now = parse_iso(now_iso())
    items = [QueueItem(row, max(0, int((now - parse_iso(row.last_at)).total_seconds() // 60)))
             for row in services.store.queue(agent=user.username)]
    return sorted(items, key=lambda i: (not i.urgent, not i.customer_waiting, -i.waiting_minutes,
                                        i.row.conversation.id))


def queue_marker(services: Services) -> tuple:
    """Changes whenever anything in the queue may have changed; cheap to poll."""
    return services.store.change_marker()


def open_conversation(services: Services, user: User, conversation_id: int, audit: bool = True) -> ConversationView:
    """The full thread with customer context; opening it is written to the audit log (a live refresh of
    the same open view passes audit=False)."""
    store = services.store
    conversation = store.get_conversation(conversation_id)
    customer = store.get_customer(conversation.customer_id)
    history = tuple(c for c in store.list_conversations(customer_id=customer.id) if c.id != conversation_id)
    if audit:
        store.audit(user.username, "view_conversation", "conversation", str(conversation_id),
                    f"customer {customer.id}")
    return ConversationView(conversation, customer, tuple(store.messages_for(conversation_id)),
                            tuple(store.orders_for(customer.id)[:5]), history, may_see_pii(user))


# ---- the assist panel and the agent's actions -------------------------------------------------


@dataclass(frozen=True)
class SuggestionView:
    id: int
    text: str
    source: str
    score: float
    feedback: str | None


@dataclass(frozen=True)
class AssistView:
    message_id: int
    analysis: dict
    suggestions: tuple[SuggestionView, ...]
    sentiment_trend: tuple[float, ...]
    articles: tuple[Article, ...] = ()  # the KB hits in full, to open inline


def _trend_value(analysis: dict) -> float:
    scores = analysis.get("sentiment", {}).get("scores", {})
    return round(scores.get("positive", 0.0) - scores.get("negative", 0.0), 3)


def assist_view(services: Services, conversation_id: int) -> AssistView | None:
    """The stored analysis of the latest customer message, its suggestions and the sentiment trend."""
    store = services.store
    customer_messages = [m for m in store.messages_for(conversation_id) if m.author_role == "customer"]
    analyses = [(m, store.get_analysis(m.id)) for m in customer_messages]
    analysed = [(m, a) for m, a in analyses if a]
    if not analysed:
        return None
    message, latest = analysed[-1]
    suggestions = tuple(SuggestionView(r["id"], r["text"], r["source"], r["score"], r["feedback"])
                        for r in store.suggestions_for(message.id))
    articles = []
    for hit in latest.get("kb", []):
        try:
            articles.append(store.get_article(hit["article_id"]))
        except NotFound:
            continue  # deleted since the analysis
    return AssistView(message.id, latest, suggestions, tuple(_trend_value(a) for _, a in analysed), tuple(articles))


def _agent_message(user: User, conversation_id: int, text: str, role: str, services: Services) -> Message:
    cleaned = clean_text(text)
    masked = mask_text(services, cleaned)
    return services.store.append_message(Message(0, conversation_id, role, user.username, cleaned, masked, now_iso()))


def send_reply(services: Services, user: User, conversation_id: int, text: str,
               suggestion_id: int | None = None, subject: str = "") -> Message:
    """Send the agent's reply (an email's subject travels in the outgoing event); the suggestion it came from is
    marked accepted (unchanged) or edited, and the other suggestions for the same customer message rejected."""
    message = _agent_message(user, conversation_id, text, "agent", services)
    services.store.add_event("agent_reply", conversation_id,
                             json.dumps({"message_id": message.id, "subject": subject.strip()}))
    view = assist_view(services, conversation_id)
    for suggestion in view.suggestions if view else ():
        if suggestion.feedback is not None:
            continue
        if suggestion.id == suggestion_id:
            used = "accepted" if suggestion.text.strip() == message.text.strip() else "edited"
            services.store.record_feedback(suggestion.id, used, message.text)
        else:
            services.store.record_feedback(suggestion.id, "rejected")
    conversation = services.store.get_conversation(conversation_id)
    changes = {"status": "pending"} if conversation.status == "open" else {}
    if not conversation.assigned_agent:
        changes["assigned_agent"] = user.username
    services.store.update_conversation(conversation_id, **changes)
    services.store.audit(user.username, "send_reply", "conversation", str(conversation_id),
                         f"message {message.id}" + (f", suggestion {suggestion_id}" if suggestion_id else ""))
    return message


def add_note(services: Services, user: User, conversation_id: int, text: str) -> Message:
    """An internal note: visible to the team, never to the customer."""
    message = _agent_message(user, conversation_id, text, "note", services)
    services.store.audit(user.username, "add_note", "conversation", str(conversation_id), f"message {message.id}")
    return message


def escalate(services: Services, user: User, conversation_id: int, note: str, queue: str = "supervisor") -> None:
    """Hand the conversation to a supervisor queue with a note and the assist panel's reasons."""
    view = assist_view(services, conversation_id)
    escalation = view.analysis.get("escalation", {}) if view else {}
    services.store.add_escalation(conversation_id, escalation.get("reasons", []), escalation.get("score", 0.0),
                                  user.username, note)
    services.store.update_conversation(conversation_id, status="escalated", queue=queue)
    services.store.audit(user.username, "escalate", "conversation", str(conversation_id), f"to {queue}: {note}")


def transfer(services: Services, user: User, conversation_id: int, queue: str, note: str = "") -> None:
    services.store.update_conversation(conversation_id, queue=queue, assigned_agent="")
    if note:
        add_note(services, user, conversation_id, f"Transferred to {queue}: {note}")
    services.store.audit(user.username, "transfer", "conversation", str(conversation_id), f"to {queue}")


DISPOSITIONS = ("answered", "refund issued", "replacement sent", "order updated", "account fixed",
                "no action needed", "duplicate", "spam")


def resolve(services: Services, user: User, conversation_id: int, disposition: str) -> None:
    if disposition not in DISPOSITIONS:
        raise InvalidInput(f"disposition must be one of {', '.join(DISPOSITIONS)}")
    services.store.update_conversation(conversation_id, status="resolved", resolution=disposition)
    services.store.audit(user.username, "resolve", "conversation", str(conversation_id), disposition)
