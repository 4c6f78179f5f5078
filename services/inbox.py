"""The live path of a customer message: validate → mask → store → analyse → store analysis and suggestions.

The message is stored before the (slower) analysis, so nothing the customer wrote is lost if analysis fails.
"""

from __future__ import annotations

import json

from services import assist, privacy
from services.bootstrap import Services
from services.clock import now_iso
from services.models import Analysis, Conversation, Message
from services.text import clean_text


def receive_customer_message(services: Services, conversation_id: int, text: str,
                             author: str = "") -> tuple[Message, Analysis]:
    """Store a customer's message and its analysis; returns both.

    Raises:
        InvalidInput: empty or oversized text.
        NotFound: no such conversation.
    """
    cleaned = clean_text(text)
    store = services.store
    conversation = store.get_conversation(conversation_id)
    pii = assist.detect_pii(services, cleaned, [store.get_customer(conversation.customer_id).name])
    masked = privacy.mask(cleaned, pii.spans)
    message = store.append_message(Message(0, conversation_id, "customer", author, cleaned, masked, now_iso()))
    if conversation.status == "resolved":
        store.update_conversation(conversation_id, status="open", resolution="")
    analysis = analyze_stored(services, conversation, cleaned, pii)
    store.save_analysis(message.id, assist.analysis_to_dict(analysis))
    store.save_suggestions(message.id, analysis.suggestions)
    store.add_event("customer_message", conversation_id, json.dumps({"message_id": message.id}))
    return message, analysis


def analyze_stored(services: Services, conversation: Conversation, text: str,
                   pii: assist.PiiResult | None = None) -> Analysis:
    agent = conversation.assigned_agent
    name = services.store.get_user(agent).display_name if agent else ""
    context = assist.context_for(services, conversation.customer_id, conversation, agent_name=name)
    return assist.analyze_message(services, text, conversation.channel, context, pii)


def start_conversation(services: Services, customer_id: int, channel: str, subject: str, text: str,
                       assigned_agent: str = "") -> tuple[Conversation, Message, Analysis]:
    """A new conversation with its first customer message (used by channel adapters and the simulator)."""
    clean_text(text)
    at = now_iso()
    conversation = services.store.add_conversation(
        Conversation(0, customer_id, channel, "open", subject[:120], at, at, assigned_agent))
    message, analysis = receive_customer_message(services, conversation.id, text)
    return conversation, message, analysis


def analyze_latest(services: Services, conversation_id: int) -> bool:
    """Analyse the conversation's latest customer message if it has no analysis yet; True when it ran."""
    store = services.store
    customer_messages = [m for m in store.messages_for(conversation_id) if m.author_role == "customer"]
    if not customer_messages or store.get_analysis(customer_messages[-1].id):
        return False
    latest = customer_messages[-1]
    analysis = analyze_stored(services, store.get_conversation(conversation_id), latest.text)
    store.save_analysis(latest.id, assist.analysis_to_dict(analysis))
    store.save_suggestions(latest.id, analysis.suggestions)
    return True


def backfill_open(services: Services) -> int:
    """Analyse the latest customer message of every open conversation that has none yet; returns how many."""
    return sum(analyze_latest(services, row.conversation.id) for row in services.store.queue(agent=None))
