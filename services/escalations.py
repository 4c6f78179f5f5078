"""The supervisors' escalation inbox: what agents handed over, and taking it over, reassigning or returning it.

Only supervisors and admins; every read and change is audited. Customer PII follows services/privacy.py: a
supervisor sees masked text and no customer name, an admin sees it all.
"""

from __future__ import annotations

from services import conversations
from services.assist import mask_text
from services.bootstrap import Services
from services.errors import InvalidInput, NotFound
from services.models import AuditEntry, Conversation, EscalationRecord, EscalationRow, User
from services.permissions import require
from services.privacy import may_see_pii
from services.validation import clean_username

# moved to services.views (what the UI renders); re-exported for callers of the old names
from services.views import InboxItem as InboxItem

URGENT_SCORE = 0.8  # an escalation score from here up, or a VIP customer, is urgent




def _item(services: Services, row: EscalationRow, shows_pii: bool) -> InboxItem:
    c = row.conversation
    note = row.note if shows_pii else (row.masked_note or (mask_text(services, row.note) if row.note else ""))
    return InboxItem(row.id, c.id, c.channel, c.subject if shows_pii else mask_text(services, c.subject),
                     row.customer_name if shows_pii else f"Customer #{c.customer_id}", row.customer_tier,
                     row.created_at, row.actor, row.score, row.reasons, note,
                     row.last_text if shows_pii else row.last_masked_text, row.sentiment,
                     row.score >= URGENT_SCORE or row.customer_tier == "vip")


def inbox(services: Services, user: User, audit: bool = False) -> list[InboxItem]:
    """Escalations still waiting for a supervisor: urgent ones first, newest first within each group.
    audit=True logs the read (once per page visit; the live refresh passes False)."""
    user = require(user, "escalations.handle")
    with services.uow() as uow:
        if audit:
            uow.audit.record(user.username, "view_escalations", "escalations", "*", "open escalations")
        rows = uow.assist.open_escalations()
    shows_pii = may_see_pii(user)
    items = [_item(services, row, shows_pii) for row in rows]
    return sorted(items, key=lambda i: not i.urgent)  # stable: the store gives newest first


def handled_by(services: Services, user: User) -> list[Conversation]:
    """Conversations this supervisor took over and has not resolved yet, latest activity first."""
    user = require(user, "escalations.handle")
    with services.uow() as uow:
        return [c for c in uow.conversations.all(agent=user.username) if c.status != "resolved"]


def trail(services: Services, user: User, conversation_id: int) -> list[AuditEntry]:
    """Who did what to this conversation (escalations, take-overs, replies, reads), oldest first; for a supervisor
    or admin who may read the conversation."""
    user = require(user, "audit.read")
    conversation = conversations.readable(services, user, conversation_id)
    with services.uow() as uow:
        return uow.audit.trail("conversation", str(conversation.id))


def _open_escalation(services: Services, conversation_id: int) -> EscalationRecord:
    with services.uow() as uow:
        row = uow.assist.latest_escalation(conversation_id)
    if row is None or row.status != "open":
        raise NotFound(f"conversation {conversation_id} has no open escalation")
    return row


def take_over(services: Services, user: User, conversation_id: int) -> Conversation:
    """The supervisor handles the conversation from here: assigned to them, open again."""
    user = require(user, "escalations.handle")
    conversation, status = conversations.checked(services, user, conversation_id, "take_over")
    escalation = _open_escalation(services, conversation.id)
    with services.uow() as uow:
        updated = uow.conversations.update(conversation.id, status=status, assigned_agent=user.username)
        uow.assist.close_escalation(escalation.id, "taken_over", user.username)
        uow.audit.record(user.username, "take_over", "conversation", str(conversation.id),
                         f"escalation {escalation.id}")
    return updated


def _agent(services: Services, username: object) -> User:
    name = clean_username(username)
    try:
        with services.uow() as uow:
            target = uow.users.get(name)
    except NotFound:
        raise InvalidInput(f"there is no agent called {name!r}") from None
    if target.role != "agent":
        raise InvalidInput(f"{name!r} is not an agent (role {target.role})")
    return target


def agents(services: Services, user: User) -> list[User]:
    """The agents a supervisor may reassign to."""
    require(user, "escalations.handle")
    with services.uow() as uow:
        return [u for u in uow.users.all() if u.role == "agent"]


def reassign(services: Services, user: User, conversation_id: int, agent: str, note: str = "") -> Conversation:
    """Give the conversation to another agent (optionally with a note for them); it leaves the inbox."""
    user = require(user, "escalations.handle")
    conversation, status = conversations.checked(services, user, conversation_id, "reassign")
    target = _agent(services, agent)
    note = conversations.text_field(note, "note", max_len=conversations.NOTE_CHARS, multiline=True)
    escalation = _open_escalation(services, conversation.id)
    with services.uow() as uow:
        if note:
            conversations.agent_message(services, user, conversation.id,
                                        f"Reassigned to {target.username}: {note}", "note")
        updated = uow.conversations.update(conversation.id, status=status, assigned_agent=target.username)
        uow.assist.close_escalation(escalation.id, "reassigned", user.username, f"to {target.username}")
        uow.audit.record(user.username, "reassign", "conversation", str(conversation.id),
                         f"escalation {escalation.id} to {target.username}")
    return updated


def return_to_agent(services: Services, user: User, conversation_id: int, note: str) -> Conversation:
    """Send the conversation back to the agent who escalated it, with a note saying what to do."""
    user = require(user, "escalations.handle")
    conversation, status = conversations.checked(services, user, conversation_id, "return")
    note = conversations.text_field(note, "note", max_len=conversations.NOTE_CHARS, allow_empty=False,
                                    multiline=True)
    escalation = _open_escalation(services, conversation.id)
    back_to = _escalating_agent(services, escalation.actor)
    with services.uow() as uow:
        conversations.agent_message(services, user, conversation.id, f"Returned by the supervisor: {note}", "note")
        updated = uow.conversations.update(conversation.id, status=status, assigned_agent=back_to)
        uow.assist.close_escalation(escalation.id, "returned", user.username, f"to {back_to or 'the queue'}")
        uow.audit.record(user.username, "return", "conversation", str(conversation.id),
                         f"escalation {escalation.id} to {back_to or 'the queue'}")
    return updated


def _escalating_agent(services: Services, actor: str) -> str:
    """The agent to return to: who escalated, if they are an agent; else nobody (back to the shared queue)."""
    try:
        with services.uow() as uow:
            return actor if uow.users.get(actor).role == "agent" else ""
    except NotFound:
        return ""
