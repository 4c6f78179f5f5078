"""The agent's view of conversations: the queue, one thread with its customer, the agent's actions.

Every public use case checks the user's role first (services/permissions.py ``require``), then validates its input,
the per-conversation rule and the workflow transition (services/workflow.py), and raises only ServiceError subclasses.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from services import email_outbox, kb_usage, social_outbound, workflow
from services.assist import mask_text
from services.bootstrap import Services
from services.clock import now_iso, parse_iso
from services.errors import InvalidInput, NotFound, PermissionDenied
from services.kb_rules import clean_language
from services.models import Analysis, Article, Conversation, Message, User
from services.permissions import require
from services.ports import UnitOfWork
from services.privacy import may_see_pii, redact_payment_data
from services.text import clean_text
from services.validation import clean_choice, clean_field, require_id, require_user

# moved to services.views (what the UI renders); re-exported for callers of the old names
from services.views import DISPOSITIONS as DISPOSITIONS
from services.views import AssistView as AssistView
from services.views import ConversationView as ConversationView
from services.views import QueueItem as QueueItem
from services.views import SuggestionView as SuggestionView

QUEUE_STATUSES = ("open", "pending")  # escalated conversations wait in the supervisors' inbox instead
NOTE_CHARS = 2000


# ---- boundary checks shared by the use cases ---------------------------------------------------


def signed_in(user: Any) -> User:
    """The signed-in user (services.validation.require_user), else PermissionDenied."""
    return require_user(user)


def text_field(value: Any, name: str, max_len: int = 200, allow_empty: bool = True, multiline: bool = False) -> str:
    """A short field: text (None is refused, not taken for empty), validated by services.validation, card data
    redacted (it is stored: an escalation's note, a reply's subject)."""
    if not isinstance(value, str):
        raise InvalidInput(f"the {name} must be text; got {type(value).__name__}")
    return redact_payment_data(clean_field(value, name, max_len=max_len, allow_empty=allow_empty,
                                           multiline=multiline))


def load(services: Services, conversation_id: Any) -> Conversation:
    """The conversation, or InvalidInput for a malformed id and NotFound for an unknown one."""
    conversation_id = require_id(conversation_id, "conversation")
    with services.uow() as uow:
        return uow.conversations.get(conversation_id)


def readable(services: Services, user: Any, conversation_id: Any) -> Conversation:
    """The conversation if this user may read it, else PermissionDenied."""
    require(user, "conversation.read")
    user, conversation = signed_in(user), load(services, conversation_id)
    if not workflow.may_read(user.role, user.username, conversation.status, conversation.assigned_agent):
        raise PermissionDenied(f"Conversation {conversation.id} is not yours to open "
                               f"({_owner(conversation)}).")
    return conversation


def checked(services: Services, user: Any, conversation_id: Any, action: str) -> tuple[Conversation, str]:
    """(the conversation, its status after action) once permission and workflow allow it.

    Raises:
        PermissionDenied, InvalidInput (also for an action services/workflow.py does not know), NotFound,
        InvalidTransition.
    """
    user, conversation = signed_in(user), load(services, conversation_id)
    action = clean_choice(action, "action", workflow.ACTIONS)
    if not workflow.may_act(user.role, user.username, conversation.status, conversation.assigned_agent, action):
        raise PermissionDenied(f"You may not {action.replace('_', ' ')} conversation {conversation.id} "
                               f"({_owner(conversation)}).")
    return conversation, workflow.next_status(conversation.status, action)


def _owner(conversation: Conversation) -> str:
    if conversation.status == "escalated":
        return "it is with the supervisors"
    return f"assigned to {conversation.assigned_agent}" if conversation.assigned_agent else "unassigned"


def queues(services: Services) -> tuple[str, ...]:
    """The configured queues (setting `queues`)."""
    return tuple(services.settings.queues)


# ---- the queue and one conversation ----------------------------------------------------------


def _minutes_since(now: Any, at: str) -> int:
    return max(0, int((now - parse_iso(at)).total_seconds() // 60))


def agent_queue(services: Services, user: User, audit: bool = False) -> list[QueueItem]:
    """Open conversations assigned to this agent or to nobody: escalation flags first, then customers waiting for a
    reply (longest first, counted from their oldest unanswered message; notes and transfers change nothing), then
    conversations where we answered last. audit=True logs the read (once per session; the live refresh does not)."""
    user = require(user, "queue.read")
    with services.uow() as uow:
        if audit:
            uow.audit.record(user.username, "view_queue", "conversations", "*", "open queue")
        rows = uow.conversations.queue(agent=user.username, statuses=QUEUE_STATUSES)
    now = parse_iso(now_iso())
    items = [QueueItem(row, _minutes_since(now, row.waiting_since or row.last_at)) for row in rows]
    return sorted(items, key=lambda i: (not i.urgent, not i.customer_waiting, -i.waiting_minutes,
                                        i.row.conversation.id))


def queue_marker(services: Services) -> tuple:
    """Changes whenever anything in the queue may have changed; cheap to poll: on PostgreSQL the marker pushed to this
    process (LISTEN/NOTIFY, no query), else, or while that push is down, one row read by its key."""
    pushed = services.store.pushed_change_marker()
    if pushed is not None:
        return pushed
    with services.uow() as uow:
        return uow.shared.change_marker()


def open_conversation(services: Services, user: User, conversation_id: int, audit: bool = True) -> ConversationView:
    """The full thread with customer context, if this user may read it; opening it is written to the audit log
    (a live refresh of the same open view passes audit=False).

    Raises:
        InvalidInput: a malformed id. NotFound: no such conversation. PermissionDenied: not this user's to read.
    """
    require(user, "conversation.read")
    conversation = readable(services, user, conversation_id)
    with services.uow() as uow:
        customer = uow.customers.get(conversation.customer_id)
        history = tuple(c for c in uow.conversations.all(customer_id=customer.id) if c.id != conversation.id)
        messages = tuple(uow.conversations.messages_for(conversation.id))
        orders = tuple(uow.customers.orders_for(customer.id)[:5])
        route = uow.conversations.route_of(conversation.id)
        if audit:
            uow.audit.record(user.username, "view_conversation", "conversation", str(conversation.id),
                             f"customer {customer.id}")
    shows_pii = may_see_pii(user)
    if not shows_pii:  # a role that need not see who the customer is (services/privacy.py)
        customer = replace(customer, name=f"Customer #{customer.id}", email="", phone="", handle="")
        conversation = replace(conversation, subject=mask_text(services, conversation.subject))
    return ConversationView(conversation, customer, messages, orders, history, shows_pii, route)


# ---- the assist panel and the agent's actions -------------------------------------------------


def _trend_value(analysis: Analysis) -> float:
    scores = analysis.sentiment.scores
    return round(scores.get("positive", 0.0) - scores.get("negative", 0.0), 3)


def assist_view(services: Services, user: User, conversation_id: int) -> AssistView | None:
    """The stored analysis of the latest customer message, its suggestions and the sentiment trend, if this user
    may read the conversation.

    Raises:
        PermissionDenied: a role that may not read conversations, or not this user's conversation.
        InvalidInput: a malformed id. NotFound: no such conversation.
    """
    require(user, "conversation.read")
    conversation_id = readable(services, user, conversation_id).id
    with services.uow() as uow:
        customer_messages = [m for m in uow.conversations.messages_for(conversation_id) if m.author_role == "customer"]
        analysed = [(m, a) for m in customer_messages if (a := uow.assist.get_analysis(m.id)) is not None]
        if not analysed:
            return None
        message, latest = analysed[-1]
        saved = uow.assist.suggestions_for(message.id)
        articles = _still_approved(uow, {hit.article_id for hit in latest.kb} | _kb_sources(saved))
        suggestions = tuple(SuggestionView(s.id, s.text, s.source, s.score, s.feedback) for s in saved
                            if not s.source.startswith("kb:") or _kb_id(s.source) in articles)
    latest = replace(latest, kb=tuple(hit for hit in latest.kb if hit.article_id in articles))
    return AssistView(message.id, latest, suggestions, tuple(_trend_value(a) for _, a in analysed),
                      tuple(articles[hit.article_id] for hit in latest.kb))


def _kb_id(source: str) -> int:
    """The article id of a suggestion drawn from it ("kb:12" -> 12; -1 when the source names none)."""
    number = source.partition(":")[2].split("/")[0]
    return int(number) if number.isdigit() else -1


def _kb_sources(suggestions: Any) -> set[int]:
    return {_kb_id(s.source) for s in suggestions if s.source.startswith("kb:")}


def _still_approved(uow: UnitOfWork, ids: set[int]) -> dict[int, Article]:
    """The articles among ids that are approved now: a stored analysis may name one archived, edited back to draft
    or deleted since, and only approved articles serve agents."""
    found = {}
    for article_id in ids:
        try:
            article = uow.articles.get(article_id)
        except NotFound:
            continue
        if article.status == "approved":
            found[article_id] = article
    return found


def agent_message(services: Services, user: User, conversation_id: int, text: str, role: str,
                  original: str = "") -> Message:
    """Store a reply (role "agent") or an internal note (role "note") written by a team member, validated and
    masked. The caller checks its action (reply, note, transfer ...) first; this checks only that the user may
    read the conversation. ``original``: a reply sent translated keeps what the agent wrote.

    Raises:
        PermissionDenied, InvalidInput, NotFound: before anything is stored.
    """
    conversation_id = readable(services, user, conversation_id).id
    role = clean_choice(role, "author role", ("agent", "note"))
    cleaned = clean_text(text)
    masked = mask_text(services, cleaned)
    with services.uow() as uow:
        return uow.conversations.append_message(Message(0, conversation_id, role, user.username, cleaned, masked,
                                                        now_iso(), clean_text(original) if original else ""))


def send_reply(services: Services, user: User, conversation_id: int, text: str,
               suggestion_id: int | None = None, subject: str = "", *, original: str = "",
               language: str = "") -> Message:
    """Send the agent's reply (an email's subject goes with it in the encrypted outbox, never into the clear
    ``events`` payload, which keeps only the message id); the suggestion it came from is
    marked accepted (unchanged) or edited, and the other suggestions for the same customer message rejected.
    A reply sent translated (services/translation.py) is the translation, with the agent's own text as
    ``original`` and its ``language``; the suggestion feedback compares the agent's own text.

    Raises:
        InvalidInput, NotFound, PermissionDenied, InvalidTransition: checked before anything is stored.
    """
    require(user, "conversation.reply")
    conversation, status = checked(services, user, conversation_id, "reply")
    subject = text_field(subject, "subject")
    if suggestion_id is not None:
        suggestion_id = require_id(suggestion_id, "suggestion")
    clean_text(text)
    language = clean_language(language) if original else ""
    view = assist_view(services, user, conversation.id)
    changes: dict[str, Any] = {"status": status}
    if not conversation.assigned_agent:
        changes["assigned_agent"] = user.username
    with services.uow() as uow:  # one commit: the reply, its event, the feedback, the status and the audit entry
        message = agent_message(services, user, conversation.id, text, "agent", original)
        uow.audit.add_event("agent_reply", conversation.id, json.dumps({"message_id": message.id}))
        mailed = email_outbox.queue_reply(uow, services, conversation.id, message, subject)  # came in by email
        posted = (social_outbound.queue_reply(uow, services, conversation.id, message)  # came from a social webhook
                  if conversation.channel == "social" else None)
        _record_feedback(uow, view, message, suggestion_id)
        kb_usage.note_reply(uow, services, user, conversation.id, message.text,  # deflection: an article used
                            next((s.source for s in view.suggestions if s.id == suggestion_id), "") if view else "")
        uow.conversations.update(conversation.id, **changes)
        uow.audit.record(user.username, "send_reply", "conversation", str(conversation.id),
                         f"message {message.id}" + (f", suggestion {suggestion_id}" if suggestion_id else "")
                         + (f", sent in {language} (translated)" if original else "")
                         + (", by email" if mailed else "")
                         + (f", to {posted.platform} as {'a public reply' if posted.kind == 'comment' else 'a DM'}"
                            if posted else ""))
    if mailed:
        email_outbox.deliver_soon(services)  # after the commit: SMTP never holds the transaction
    if posted:  # after the commit: the platform never holds the transaction; what it does not take is retried
        social_outbound.deliver_now(services, conversation.id)
    return message


def _record_feedback(uow: UnitOfWork, view: AssistView | None, message: Message, suggestion_id: int | None) -> None:
    for suggestion in view.suggestions if view else ():
        if suggestion.feedback is not None:
            continue
        if suggestion.id == suggestion_id:
            written = message.original or message.text  # a translated reply: what the agent wrote
            used = "accepted" if suggestion.text.strip() == written.strip() else "edited"
            uow.assist.record_feedback(suggestion.id, used, written)
        else:
            uow.assist.record_feedback(suggestion.id, "rejected")


def add_note(services: Services, user: User, conversation_id: int, text: str) -> Message:
    """An internal note: visible to the team, never to the customer; it changes neither status nor queue order."""
    require(user, "conversation.note")
    conversation, _ = checked(services, user, conversation_id, "note")
    with services.uow() as uow:
        message = agent_message(services, user, conversation.id, text, "note")
        uow.audit.record(user.username, "add_note", "conversation", str(conversation.id), f"message {message.id}")
    return message


def escalate(services: Services, user: User, conversation_id: int, note: str, queue: str = "supervisor") -> int:
    """Hand the conversation to the supervisors' inbox with a note and the assist panel's reasons; it leaves the
    agent's queue (unassigned, status escalated). Returns the escalation's id."""
    require(user, "conversation.escalate")
    conversation, status = checked(services, user, conversation_id, "escalate")
    note = text_field(note, "note", max_len=NOTE_CHARS, multiline=True)
    queue = clean_choice(queue, "queue", queues(services))
    view = assist_view(services, user, conversation.id)
    reasons, score = (view.analysis.escalation.reasons, view.analysis.escalation.score) if view else ((), 0.0)
    masked = mask_text(services, note) if note else ""
    with services.uow() as uow:
        escalation_id = uow.assist.add_escalation(conversation.id, reasons, score, user.username, note,
                                                  masked_note=masked)
        uow.conversations.update(conversation.id, status=status, queue=queue, assigned_agent="")
        uow.audit.record(user.username, "escalate", "conversation", str(conversation.id),
                         f"to {queue}, escalation {escalation_id}")
    return escalation_id


def transfer(services: Services, user: User, conversation_id: int, queue: str, note: str = "") -> None:
    """Move the conversation to another configured queue, unassigned; the status and waiting time stay."""
    require(user, "conversation.transfer")
    conversation, _ = checked(services, user, conversation_id, "transfer")
    queue = clean_choice(queue, "queue", queues(services))
    note = text_field(note, "note", max_len=NOTE_CHARS, multiline=True)
    with services.uow() as uow:
        if note:  # before the hand-over (a supervisor may no longer read it once unassigned)
            agent_message(services, user, conversation.id, f"Transferred to {queue}: {note}", "note")
        uow.conversations.update(conversation.id, queue=queue, assigned_agent="")
        uow.audit.record(user.username, "transfer", "conversation", str(conversation.id), f"to {queue}")


def resolve(services: Services, user: User, conversation_id: int, disposition: str) -> None:
    require(user, "conversation.resolve")
    conversation, status = checked(services, user, conversation_id, "resolve")
    disposition = clean_choice(disposition, "disposition", DISPOSITIONS)
    with services.uow() as uow:
        uow.conversations.update(conversation.id, status=status, resolution=disposition)
        uow.audit.record(user.username, "resolve", "conversation", str(conversation.id), disposition)
