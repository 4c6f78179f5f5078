"""Agents' replies to email conversations (docs/email.md): queued in the outbox in the same transaction as the reply
(``queue_reply``, called by conversations.send_reply), then sent by SMTP through the MailSender port
(``deliver_due``): at once in a background thread after the reply is committed, and by every poll of
``python -m services mail-poll``. A reply the server cannot take now is tried again after mail_retry_s, then twice as
long each time (at most an hour); one it refuses for good is marked failed with the reason, never resent.

    send_reply ─► uow: message + outbox row + Message-ID → conversation ─► commit ─► deliver_due (thread, poller)
                                                                                  └► SMTP down: retried with backoff

Nothing is lost: the outbox lives in the database, so a reply queued by the app is sent by whichever process polls
next, and a lease (next_attempt_at) keeps two processes from sending one reply twice.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from datetime import timedelta
from email.utils import make_msgid, parseaddr

from services.bootstrap import Services
from services.clock import now_iso, parse_iso, to_iso
from services.email_models import MailRecord, OutboxItem, OutgoingMail
from services.email_parse import trimmed_references
from services.errors import InvalidInput, ProviderUnavailable, ServiceError
from services.models import Message
from services.ports import UnitOfWork

log = logging.getLogger(__name__)

MAX_BACKOFF_S = 3600
BATCH = 20
ACTOR = "mail"


@dataclass(frozen=True)
class Delivery:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


def _domain(services: Services) -> str:
    address = parseaddr(services.settings.mail_from)[1]
    return address.split("@")[-1] if "@" in address else "frontline.invalid"


def queue_reply(uow: UnitOfWork, services: Services, conversation_id: int, message: Message,
                subject: str = "") -> OutboxItem | None:
    """Inside the caller's unit of work (send_reply's, which checked the user): the agent's reply to a conversation
    that came in by email goes to the outbox, addressed to the customer's last mail with In-Reply-To and References
    set; None for a conversation with no inbound mail (nothing to answer by email)."""
    inbound = [m for m in uow.mail.thread(conversation_id) if m.direction == "in"]
    if not inbound:
        return None
    last = inbound[-1]
    wanted = " ".join(subject.split()) or last.subject or "Your message"
    if not subject and not wanted.lower().startswith(("re:", "aw:", "sv:")):
        wanted = f"Re: {wanted}"
    references = trimmed_references([*last.references.split(), last.message_id])
    mail = OutgoingMail(services.settings.mail_from, last.address, wanted[:200], message.text,
                        make_msgid(domain=_domain(services)), last.message_id, " ".join(references))
    at = now_iso()
    item = uow.mail.queue(conversation_id, message.id, mail, at)
    uow.mail.record(MailRecord(mail.message_id, conversation_id, "out", message.id, mail.to, mail.subject,
                               mail.references, "", "[]", at))
    return item


def backoff_s(services: Services, attempts: int) -> float:
    """Seconds before the next try after this many failed ones: mail_retry_s, doubling, at most an hour."""
    return float(min(services.settings.mail_retry_s * 2 ** max(attempts - 1, 0), MAX_BACKOFF_S))


def deliver_due(services: Services, now: str | None = None, limit: int = BATCH) -> Delivery:
    """Send the outbox's due replies (none when sending is not configured). Never raises for one reply: a server
    that cannot take it now → tried again later; one that refuses it for good → failed, logged."""
    settings = services.settings
    if not settings.mail_outbound:
        return Delivery()
    # one reply leased at a time, for one send's worth of time from the moment it is claimed: a batch leased at once
    # could see its lease run out behind a slow server while another poller picked up (and sent again) the replies
    # still waiting in it. ``now`` (tests) fixes the moment.
    sent = retrying = failed = 0
    for _ in range(limit):
        moment = now or now_iso()
        lease = to_iso(parse_iso(moment) + timedelta(seconds=2 * settings.mail_timeout_s + 30))
        with services.uow() as uow:
            claimed = uow.mail.claim_due(moment, lease, 1)
        if not claimed:
            break
        item = claimed[0]
        mail = item.mail if item.mail.sender else replace(item.mail, sender=settings.mail_from)
        try:
            services.mail_sender.send(mail)
        except ProviderUnavailable as e:
            wait = backoff_s(services, item.attempts + 1)
            with services.uow() as uow:
                uow.mail.retry_later(item.id, to_iso(parse_iso(moment) + timedelta(seconds=wait)), str(e))
            log.warning("reply %s of conversation %s not sent (attempt %s), retrying in %.0f s: %s", item.id,
                        item.conversation_id, item.attempts + 1, wait, e)
            retrying += 1
            continue
        except InvalidInput as e:
            with services.uow() as uow:
                uow.mail.mark_failed(item.id, str(e))
                uow.audit.record(ACTOR, "mail_failed", "conversation", str(item.conversation_id),
                                 f"message {item.chat_message_id}: {str(e)[:200]}")
            log.error("reply %s of conversation %s refused for good: %s", item.id, item.conversation_id, e)
            failed += 1
            continue
        with services.uow() as uow:
            uow.mail.mark_sent(item.id, now_iso())
            uow.audit.record(ACTOR, "mail_sent", "conversation", str(item.conversation_id),
                             f"message {item.chat_message_id} as {mail.message_id[:120]}")
        sent += 1
    return Delivery(sent, retrying, failed)


def deliver_soon(services: Services) -> None:
    """Send the due replies in a background thread (the agent's click does not wait for SMTP); what fails stays in
    the outbox for the poller. Nothing when sending is not configured."""
    if not services.settings.mail_outbound:
        return
    threading.Thread(target=_deliver_quietly, args=(services,), name="mail-outbox", daemon=True).start()


def _deliver_quietly(services: Services) -> None:
    try:
        deliver_due(services)
    except ServiceError as e:  # e.g. the database is busy: the poller sends it
        log.warning("the outbox could not be sent now (%s); the mail poller will", e)
    except Exception:  # noqa: BLE001 - a background thread must log, never die silently
        log.exception("sending the outbox failed; the mail poller will retry")
