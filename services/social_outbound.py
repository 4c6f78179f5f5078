"""The social channel, outbound (issue 19 item 4): an agent's reply in a conversation a social webhook opened
(services/social.py) goes to the platform through the SocialSender port — to the sender's private thread, or under
the customer's public comment made public-safe first: personal data the PII detector finds (the customer's name
included) and private identifiers (order numbers, e-mail addresses, phone numbers: services/public_reply.py) are
removed, and the customer is invited to continue by DM. Off unless ``social_send_url`` is set.

Nothing is lost, as with email (services/email_outbox.py): the reply goes to the social outbox in the same
transaction as the reply itself (``queue_reply``, called by conversations.send_reply), and is sent after the commit
(``deliver_now``: the agent's Send waits for the platform, at most social_send_timeout_s) and by every poll of
``python -m services mail-poll`` (``deliver_due``):

    send_reply ─► uow: message + social_outbox row ─► commit ─► deliver_now ─► platform took it: sent (its id kept)
                                                                           └► down / 5xx / 429 / timeout: retried
    mail-poll, every mail_poll_s ─► deliver_due ─► due replies, leased      after social_retry_s, doubling (≤ 1 h)
                                                                           └► refused (other 4xx): failed, reason kept

A reply the platform could not take for SOCIAL_GIVE_UP_S (a day: Meta's messaging window is 24 hours) is failed.
The outbox's lease (next_attempt_at) keeps two processes from sending one reply twice. Every outcome is audited on the
conversation: social_reply_sent, social_reply_retrying, social_reply_failed (social_reply_not_sent: sending is off).
The agent sees each reply's state (``reply_states``) under the thread.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import timedelta

from services import assist
from services.bootstrap import Services
from services.clock import now_iso, parse_iso, to_iso
from services.email_outbox import Delivery
from services.errors import ProviderUnavailable, ServiceError
from services.models import Message, SocialOutboxItem, SocialReply, User
from services.permissions import require
from services.ports import UnitOfWork
from services.public_reply import PRIVATE, public_safe

log = logging.getLogger(__name__)

ACTOR = "social"
BATCH = 20
MAX_BACKOFF_S = 3600
SOCIAL_GIVE_UP_S = 24 * 3600
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


def queue_reply(uow: UnitOfWork, services: Services, conversation_id: int, message: Message) -> SocialOutboxItem | None:
    """Inside the caller's unit of work (send_reply's, which checked the user): the agent's reply to a conversation a
    social webhook opened goes to the social outbox, due at once; None when it is not such a conversation, or when
    sending is off (audited: social_reply_not_sent)."""
    link = uow.integrations.thread_of(conversation_id)
    if link is None:
        return None
    key_id, thread_id = link
    platform, kind, recipient = _target(thread_id)
    if not kind:
        return None
    if not services.settings.social_send_url:
        uow.audit.record(ACTOR, "social_reply_not_sent", "conversation", str(conversation_id),
                         f"message {message.id}: sending is off (social_send_url is not set)")
        return None
    at = now_iso()
    return uow.social_outbox.queue(SocialOutboxItem(0, conversation_id, message.id, key_id, platform, kind, recipient,
                                                    message.text, "queued", 0, at, "", at, "", ""))


def backoff_s(services: Services, attempts: int) -> float:
    """Seconds before the next try after this many failed ones: social_retry_s, doubling, at most an hour."""
    return float(min(services.settings.social_retry_s * 2 ** max(attempts - 1, 0), MAX_BACKOFF_S))


def deliver_due(services: Services, now: str | None = None, limit: int = BATCH,
                conversation_id: int | None = None) -> Delivery:
    """Send the social outbox's due replies (only this conversation's when given; none when sending is off). Never
    raises for one reply: a platform that cannot take it now → tried again later; one that refuses it → failed."""
    settings = services.settings
    if not settings.social_send_url:
        return Delivery()
    counts = {"sent": 0, "retrying": 0, "failed": 0}
    for _ in range(limit):  # one reply leased at a time: a lease never runs out while earlier replies are being sent
        moment = now or now_iso()
        lease = to_iso(parse_iso(moment) + timedelta(seconds=2 * settings.social_send_timeout_s + 30))
        with services.uow() as uow:
            due = uow.social_outbox.claim_due(moment, lease, 1, conversation_id)
        if not due:
            break
        counts[_deliver(services, due[0], moment)] += 1
    return Delivery(counts["sent"], counts["retrying"], counts["failed"])


def deliver_now(services: Services, conversation_id: int) -> Delivery:
    """After send_reply's commit: the conversation's due replies sent now (the agent's click waits for the platform,
    at most social_send_timeout_s a reply). Never raises: what is not sent stays in the outbox for the poller."""
    try:
        return deliver_due(services, conversation_id=conversation_id)
    except ServiceError as e:  # e.g. the database is busy: the poller sends it
        log.warning("the social outbox of conversation %s could not be sent now (%s); the poller will",
                    conversation_id, type(e).__name__)
        return Delivery()


def _deliver(services: Services, item: SocialOutboxItem, now: str) -> str:
    """One leased reply to the platform: "sent", "retrying" or "failed" (stored and audited)."""
    what = f"message {item.chat_message_id} as {'a public reply' if item.kind == 'comment' else 'a DM'}"
    try:
        with services.uow() as uow:
            integration = uow.integrations.key_by_id(item.key_id).name
            name = uow.customers.get(uow.conversations.get(item.conversation_id).customer_id).name
        text = public_text(services, item.text, (name,)) if item.kind == "comment" else item.text
        delivery = services.social_send.send(SocialReply(integration, item.platform, item.kind, item.recipient, text))
    except ProviderUnavailable as e:
        given_up = parse_iso(now) - parse_iso(item.created_at) >= timedelta(seconds=SOCIAL_GIVE_UP_S)
        if not given_up:
            wait = backoff_s(services, item.attempts + 1)
            retry_at = to_iso(parse_iso(now) + timedelta(seconds=wait))
            with services.uow() as uow:
                uow.social_outbox.retry_later(item.id, retry_at, str(e))
                uow.audit.record(ACTOR, "social_reply_retrying", "conversation", str(item.conversation_id),
                                 f"{what}: {str(e)[:200]}; attempt {item.attempts + 1}, next at {retry_at}")
            log.warning("social reply %s of conversation %s not sent (attempt %s), retrying in %.0f s: %s", item.id,
                        item.conversation_id, item.attempts + 1, wait, e)
            return "retrying"
        reason = f"not taken within {SOCIAL_GIVE_UP_S // 3600} hours; last: {e}"
    except ServiceError as e:  # InvalidInput: refused for good; ConfigError: no access token; NotFound
        reason = str(e)
    else:
        with services.uow() as uow:
            uow.social_outbox.mark_sent(item.id, now_iso(), delivery.platform_id)
            uow.audit.record(ACTOR, "social_reply_sent", "conversation", str(item.conversation_id),
                             what + (f", platform id {delivery.platform_id[:80]}" if delivery.platform_id else ""))
        return "sent"
    with services.uow() as uow:
        uow.social_outbox.mark_failed(item.id, reason)
        uow.audit.record(ACTOR, "social_reply_failed", "conversation", str(item.conversation_id),
                         f"{what}: {reason[:200]}")
    log.error("social reply %s of conversation %s not sent, for good: %s", item.id, item.conversation_id, reason)
    return "failed"


@dataclass(frozen=True)
class ReplyState:
    """Where an agent's reply to a social conversation is, as the agent reads it under the thread."""

    message_id: int
    kind: str  # "dm" | "comment"
    platform: str
    state: str  # "queued" (not tried yet) | "retrying" (the platform could not take it) | "sent" | "failed"
    attempts: int
    next_attempt_at: str  # queued / retrying: when it is tried next
    reason: str  # retrying: the last error; failed: why it was not sent
    queued_at: str  # when the agent sent it
    sent_at: str


def reply_states(services: Services, user: User, conversation_id: int) -> list[ReplyState]:
    """The delivery state of each agent reply of a social conversation, oldest first (no customer text: the replies
    are in the thread, so this is not audited).

    Raises:
        PermissionDenied: not a role that reads conversations, or not this user's conversation.
        InvalidInput, NotFound: a bad or unknown conversation id.
    """
    from services import conversations

    user = require(user, "conversation.read")
    conversation_id = conversations.readable(services, user, conversation_id).id
    with services.uow() as uow:
        items = uow.social_outbox.outbox(conversation_id)
    return [ReplyState(i.chat_message_id, i.kind, i.platform,
                       "retrying" if i.status == "queued" and i.attempts else i.status, i.attempts,
                       i.next_attempt_at if i.status == "queued" else "", i.last_error, i.created_at, i.sent_at)
            for i in items]


def _target(thread_id: str) -> tuple[str, str, str]:
    """(platform, "dm" | "comment", recipient) of a social webhook thread id; kind "" for any other thread."""
    parts = thread_id.split(":")
    if len(parts) == 3 and parts[0] in ("page", "instagram") and parts[1] == "dm":
        return parts[0], "dm", parts[2]
    if len(parts) == 4 and parts[0] in ("page", "instagram") and parts[1] == "comment":
        return parts[0], "comment", parts[3]
    return "", "", ""
