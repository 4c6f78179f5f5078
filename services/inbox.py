"""The live path of a customer message: validate → redact card data → mask → analyse → store, in one transaction.

Nothing is written before the input is validated (the text as it will be stored, after normalisation), so a refused
message leaves no trace and a retry cannot store it twice. The message, its analysis, its suggestions, the reopening
of a resolved conversation and the event are one transaction: all or nothing. A message whose analysis fails is
still stored, marked "not analysed" with the reason (``not_analysed``), and shown; nothing the customer wrote is lost.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import replace
from typing import Any

from services import assist, conversations, injection, privacy, routing
from services.bootstrap import Services
from services.clock import now_iso
from services.errors import ServiceError
from services.models import CHANNELS, Analysis, Conversation, InjectionCheck, Message, User
from services.permissions import require
from services.ports import UnitOfWork
from services.text import clean_text
from services.validation import clean_choice, clean_field, require_id, sanitize_field

log = logging.getLogger(__name__)

MAX_AUTHOR_CHARS = 120
MAX_SUBJECT_CHARS = 120
PII_CHECK_FAILED = "[hidden: the personal-data check failed on this message]"


def receive_customer_message(services: Services, conversation_id: int, text: str,
                             author: str = "") -> tuple[Message, Analysis | None]:
    """Store a customer's message with its analysis; returns both (the analysis is None when it failed: the message
    is then stored and marked not analysed, see ``not_analysed``).

    Raises:
        InvalidInput: empty, oversized or non-text message; a bad author or conversation id. Nothing is stored.
        NotFound: no such conversation. Nothing is stored.
    """
    conversation_id = require_id(conversation_id, "conversation")
    author = sanitize_field(author, "author", MAX_AUTHOR_CHARS)
    cleaned = clean_text(text)
    check = injection.scan(text)  # the text as it arrived: cleaning drops the TAG characters the check reads
    with services.uow() as uow:
        conversation = uow.conversations.get(conversation_id)
    masked, analysis, failure = _masked_and_analysed(services, conversation, cleaned, check)
    with services.uow() as uow:
        message = _store(uow, conversation, Message(0, conversation_id, "customer", author, cleaned, masked,
                                                    now_iso()), analysis, failure)
    return message, analysis


def _masked_and_analysed(services: Services, conversation: Conversation, text: str,
                         check: InjectionCheck | None = None) -> tuple[str, Analysis | None, str]:
    """(masked text, analysis or None, why not): before any write, so no lock is held while models run."""
    masked, pii, failure = _masked(services, conversation, text)
    analysis = None
    if not failure:
        analysis, failure = _analyse(services, conversation, text, pii, check=check)
    return masked, analysis, failure


def _store(uow: UnitOfWork, conversation: Conversation, message: Message, analysis: Analysis | None,
           failure: str) -> Message:
    """All or nothing, in the caller's unit of work: the message, the reopening of a resolved conversation, the
    analysis (or why there is none) and the customer_message event."""
    message = uow.conversations.append_message(message)
    if conversation.status == "resolved":
        uow.conversations.update(conversation.id, status="open", resolution="")
    uow.assist.save_outcome(message.id, analysis, analysis.suggestions if analysis else (), failure)
    uow.audit.add_event("customer_message", conversation.id, json.dumps({"message_id": message.id}))
    return message


def _masked(services: Services, conversation: Conversation, text: str) -> tuple[str, Any, str]:
    """(masked text, PII result, failure reason); when detection fails the masked copy hides the whole text."""
    try:
        with services.uow() as uow:
            names = [uow.customers.get(conversation.customer_id).name]
        pii = assist.detect_pii(services, text, names)
        return privacy.mask(text, pii.spans), pii, ""
    except Exception as e:  # noqa: BLE001 - the message is kept; only roles that may see PII see it
        log.exception("PII detection failed on a message of conversation %s", conversation.id)
        return PII_CHECK_FAILED, None, _reason(e)


def _analyse(services: Services, conversation: Conversation, text: str, pii: assist.PiiResult | None = None,
             stored: bool = False, check: InjectionCheck | None = None) -> tuple[Analysis | None, str]:
    """(analysis, "") or (None, why it failed). Never raises: a stored message must not break a page."""
    try:
        return analyze_stored(services, conversation, text, pii, stored, check), ""
    except Exception as e:  # noqa: BLE001 - recorded as "not analysed" and logged; the message stays visible
        if not isinstance(e, ServiceError):
            log.exception("analysis failed on a message of conversation %s", conversation.id)
        return None, _reason(e)


def _reason(error: Exception) -> str:
    if isinstance(error, ServiceError):
        return str(error)
    return f"an internal error stopped the analysis ({type(error).__name__}); it has been logged"


def analyze_stored(services: Services, conversation: Conversation, text: str,
                   pii: assist.PiiResult | None = None, stored: bool = True,
                   check: InjectionCheck | None = None) -> Analysis:
    agent = conversation.assigned_agent
    with services.uow() as uow:
        name = uow.users.get(agent).display_name if agent else ""
    context = assist.context_for(services, conversation.customer_id, conversation, agent_name=name,
                                 message_stored=stored)
    return assist.analyze_message(services, text, conversation.channel, context, pii, check)


def start_conversation(services: Services, customer_id: int, channel: str, subject: str, text: str,
                       assigned_agent: str = "", with_assistant: bool = False,
                       ) -> tuple[Conversation, Message, Analysis | None]:
    """A new conversation with its first customer message (used by channel adapters and the simulator), in the queue
    the routing rules choose from its analysis, the customer's tier and the queues' load (services/routing.py);
    with_assistant: the virtual assistant answers it first (status "assistant": in no agent's queue until it hands
    over, services/assistant.py).

    Raises:
        InvalidInput: a bad customer id, channel, subject, agent name or message. Nothing is stored.
        NotFound: no such customer. Nothing is stored.
    """
    customer_id = require_id(customer_id, "customer")
    channel = clean_choice(channel, "channel", CHANNELS)
    subject = privacy.redact_payment_data(sanitize_field(subject, "subject", MAX_SUBJECT_CHARS))
    assigned_agent = clean_field(assigned_agent, "assigned agent", 64, allow_empty=True)
    cleaned = clean_text(text)  # refuse a bad message before the conversation is created
    check = injection.scan(text)
    at = now_iso()
    with services.uow() as uow:
        uow.customers.get(customer_id)
        if assigned_agent:
            uow.users.get(assigned_agent)
    draft = Conversation(0, customer_id, channel, "assistant" if with_assistant and not assigned_agent else "open",
                         subject, at, at, assigned_agent)
    masked, analysis, failure = _masked_and_analysed(services, draft, cleaned, check)
    route = routing.route_new_conversation(services, draft, analysis)  # its queue, and why (shown to the agent)
    with services.uow() as uow:  # one commit: the conversation with its route, first message and analysis
        conversation = uow.conversations.add(replace(draft, queue=route.queue))
        uow.conversations.set_route(conversation.id, route)
        message = _store(uow, conversation, Message(0, conversation.id, "customer", "", cleaned, masked, at),
                         analysis, failure)
        conversation = uow.conversations.get(conversation.id)
    return conversation, message, analysis


def analyze_latest(services: Services, conversation_id: int) -> bool:
    """Analyse the conversation's latest customer message if it has no analysis yet; True when one was stored.
    The message is claimed first (``uow.shared.claim_analysis``), so however many processes backfill or retry at once,
    one of them analyses it and the others return False.

    Never raises for a stored message: when the analysis fails, the message is marked not analysed (with the reason,
    see ``not_analysed``) and is not tried again until a user asks (``retry_analysis``).

    Raises:
        InvalidInput: a bad conversation id.
        NotFound: no such conversation.
    """
    return _analyse_latest(services, require_id(conversation_id, "conversation"), retry=False)


def retry_analysis(services: Services, user: User, conversation_id: int) -> bool:
    """Analyse the conversation's latest customer message again after it could not be analysed (or was never
    analysed): a user's action, not a page's rendering. True when an analysis was stored; False when it failed again
    (marked not analysed with the new reason), or it already has one, or another user's retry is running.

    Raises:
        PermissionDenied: the user may not use the agent workspace or read this conversation.
        InvalidInput: a bad conversation id. NotFound: no such conversation.
    """
    require(user, "conversation.read")
    conversation = conversations.readable(services, user, conversation_id)
    analysed = _analyse_latest(services, conversation.id, retry=True)
    with services.uow() as uow:
        uow.audit.record(user.username, "retry_analysis", "conversation", str(conversation.id),
                         "analysed" if analysed else "not analysed")
    return analysed


def _analyse_latest(services: Services, conversation_id: int, retry: bool) -> bool:
    owner = uuid.uuid4().hex
    with services.uow() as uow:  # the claim commits here: other processes see it while this one analyses
        conversation = uow.conversations.get(conversation_id)
        customer_messages = [m for m in uow.conversations.messages_for(conversation_id) if m.author_role == "customer"]
        if not customer_messages:
            return False
        latest = customer_messages[-1]
        if not uow.shared.claim_analysis(latest.id, owner, retry=retry):
            return False  # analysed (or failed, without retry) already, or someone else is analysing it now
    try:
        analysis, failure = _analyse(services, conversation, latest.text, stored=True)
        with services.uow() as uow:  # one commit: the outcome (written once) and the claim released
            saved = uow.assist.save_outcome(latest.id, analysis, analysis.suggestions if analysis else (), failure,
                                            retry=retry)
            uow.shared.release_analysis(latest.id, owner)
    except BaseException:
        with services.uow() as uow:
            uow.shared.release_analysis(latest.id, owner)
        raise
    return saved and analysis is not None


def backfill_open(services: Services) -> int:
    """Analyse the latest customer message of every open conversation that has none yet; returns how many were
    analysed (the ones that fail are marked not analysed; none raises)."""
    with services.uow() as uow:
        rows = uow.conversations.queue(agent=None)
    return sum(analyze_latest(services, row.conversation.id) for row in rows)


def not_analysed(services: Services, user: User, conversation_id: int) -> dict[int, str]:
    """{message id: reason} for the conversation's customer messages that could not be analysed, so a view can mark
    them "not analysed" (they are shown like any other message).

    Raises:
        PermissionDenied: a role that may not read conversations, or not this user's conversation.
        InvalidInput: a bad conversation id. NotFound: no such conversation.
    """
    require(user, "conversation.read")
    conversation_id = conversations.readable(services, user, conversation_id).id
    with services.uow() as uow:
        return uow.assist.analysis_failures(conversation_id)
