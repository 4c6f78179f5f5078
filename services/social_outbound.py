"""The social channel, outbound (issue 19 item 4): an agent's reply in a conversation a social webhook opened
(services/social.py) goes to the platform through the SocialSender port — to the sender's private thread, or under
the customer's public comment made public-safe first: personal data the PII detector finds (the customer's name
included) and private identifiers (order numbers, e-mail addresses, phone numbers: services/public_reply.py) are
removed, and the customer is invited to continue by DM. Off unless ``social_send_url`` is set.

Sending happens after the reply is stored, outside its transaction: a platform that is down never loses the reply,
which stays in the conversation; the failure is audited (``social_reply_failed``) for the agent to resend.
"""

from __future__ import annotations

import logging
import re

from services import assist
from services.bootstrap import Services
from services.errors import ServiceError
from services.models import Message, SocialDelivery, SocialReply
from services.public_reply import PRIVATE, public_safe

log = logging.getLogger(__name__)

ACTOR = "social"
_EMPTY_SPANS = re.compile(r"(?<!\s)\s+([,.!?;:])|\(\s*\)")  # a run of spaces tried from its start only: linear


def public_text(services: Services, text: str, known_names: tuple[str, ...] = ()) -> str:
    """The reply as a public post may carry it: every PII span removed (not masked: "[NAME]" would show), private
    identifiers removed, at most 280 characters in whole sentences, an invitation to DM added."""
    spans = assist.detect_pii(services, text, known_names).spans
    kept, cursor = [], 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= cursor:
            continue
        kept.append(text[cursor:max(cursor, span.start)])
        cursor = span.end
    kept.append(text[cursor:])
    cleaned = _EMPTY_SPANS.sub(lambda m: m[1] or "", " ".join(PRIVATE.sub(" ", "".join(kept)).split()))
    return public_safe(cleaned)


def deliver_reply(services: Services, conversation_id: int, message: Message) -> SocialDelivery | None:
    """Send a stored agent reply to the platform when its conversation came from a social webhook and sending is
    configured; None when it is not such a conversation, sending is off, or the platform failed (audited). Never
    raises: the reply is already stored."""
    with services.uow() as uow:
        link = uow.integrations.thread_of(conversation_id)
        if link is None:
            return None
        key_id, thread_id = link
        platform, kind, recipient = _target(thread_id)
        if not kind:
            return None
        key = uow.integrations.key_by_id(key_id)
        customer = uow.customers.get(uow.conversations.get(conversation_id).customer_id)
    if not services.settings.social_send_url:
        with services.uow() as uow:
            uow.audit.record(ACTOR, "social_reply_not_sent", "conversation", str(conversation_id),
                             f"message {message.id}: sending is off (social_send_url is not set)")
        return None
    text = public_text(services, message.text, (customer.name,)) if kind == "comment" else message.text
    try:
        delivery = services.social_send.send(SocialReply(key.name, platform, kind, recipient, text))
    except ServiceError as error:
        log.warning("the reply %s of conversation %s was not sent to %s: %s", message.id, conversation_id,
                    platform, type(error).__name__)
        with services.uow() as uow:
            uow.audit.record(ACTOR, "social_reply_failed", "conversation", str(conversation_id),
                             f"message {message.id}: {str(error)[:200]}")
        return None
    with services.uow() as uow:
        uow.audit.record(ACTOR, "social_reply_sent", "conversation", str(conversation_id),
                         f"message {message.id} as {'a public reply' if kind == 'comment' else 'a DM'}"
                         + (f", platform id {delivery.platform_id[:80]}" if delivery.platform_id else ""))
    return delivery


def _target(thread_id: str) -> tuple[str, str, str]:
    """(platform, "dm" | "comment", recipient) of a social webhook thread id; kind "" for any other thread."""
    parts = thread_id.split(":")
    if len(parts) == 3 and parts[0] in ("page", "instagram") and parts[1] == "dm":
        return parts[0], "dm", parts[2]
    if len(parts) == 4 and parts[0] in ("page", "instagram") and parts[1] == "comment":
        return parts[0], "comment", parts[3]
    return "", "", ""
