"""Customers' mail into conversations (docs/email.md): the support mailbox polled through the MailInbox port, each
mail read safely (services/email_parse.py) and stored through the simulator's and the API's ingestion path
(services/inbox.py: card data redacted, PII masked before storage, analysed once, one transaction).

    poll_once ─► unseen mails ─► fetch (not marked seen) ─► ingest: known Message-ID? → nothing new
                                                          └► In-Reply-To / References known → that conversation
                                                          └► else a new email conversation
              ─► stored and committed ─► marked seen      (a refused mail: logged, flagged for a person, seen)

A mail is marked seen only after it is stored, and a Message-ID is stored once, so a crash between the two ingests
nothing twice. A bad mail (garbage MIME, too big, a wrong charset) is logged with its reason and never stops the
poll. A reply joins a conversation only when it comes from that conversation's customer (a forged In-Reply-To from
someone else opens a conversation of its own).
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import asdict, dataclass

from services import assist, inbox, privacy, social_outbound
from services.bootstrap import Services
from services.clock import now_iso
from services.email_models import MailRecord
from services.email_outbox import Delivery, deliver_due
from services.email_parse import ParsedMail, parse
from services.errors import Conflict, InvalidInput, ProviderUnavailable, ServiceError
from services.models import Customer, User
from services.permissions import require
from services.ports import MailInbox, UnitOfWork
from services.text import clean_text

log = logging.getLogger(__name__)

ACTOR = "mail"
MAX_NEW_TEXT_CHARS = 20_000  # what is analysed and shown in the thread; the full text keeps up to …
MAX_FULL_TEXT_CHARS = 200_000  # … this (services.text.MAX_MESSAGE_CHARS)
POLL_BATCH = 50
NO_TEXT = "[this email has no text]"


@dataclass(frozen=True)
class Ingested:
    conversation_id: int
    message_id: int  # the conversation message the mail became
    new_conversation: bool
    duplicate: bool = False  # this Message-ID was stored before: nothing new


@dataclass(frozen=True)
class Poll:
    stored: int = 0
    duplicates: int = 0
    refused: int = 0
    left: int = 0  # not stored now (the database or the mailbox failed): tried again at the next poll
    delivery: Delivery = Delivery()
    social: Delivery = Delivery()  # the social channel's outbox (services/social_outbound.py), when sending is on


def _shown_text(mail: ParsedMail) -> str:
    """The conversation message: what the customer wrote this time, then the attachments' list."""
    text = mail.new_text or mail.text
    if len(text) > MAX_NEW_TEXT_CHARS:
        text = text[:MAX_NEW_TEXT_CHARS] + "\n[… cut here: the whole email is kept with the conversation]"
    if mail.attachments:
        listed = "; ".join(f"{a.name} ({a.content_type}, {_size(a.size)})" for a in mail.attachments[:20])
        more = f" and {len(mail.attachments) - 20} more" if len(mail.attachments) > 20 else ""
        text = f"{text}\n\n[Attachments, not opened: {listed}{more}]" if text else f"[Attachments, not opened: " \
                                                                                  f"{listed}{more}]"
    return text or NO_TEXT


def _size(size: int) -> str:
    return f"{size} B" if size < 1024 else f"{size / 1024:.0f} KB" if size < 1024 ** 2 else f"{size / 1024 ** 2:.1f} MB"


def ingest(services: Services, raw: bytes) -> Ingested:
    """Store one mail as a customer message (a new email conversation, or the one its thread belongs to).

    Raises:
        InvalidInput: bigger than mail_max_bytes, not a mail, no sender address, or text the store refuses.
            Nothing is stored.
        ProviderUnavailable: the database is busy. Nothing is stored; try again.
    """
    if len(raw) > services.settings.mail_max_bytes:
        raise InvalidInput(f"the mail is too big ({len(raw):,} bytes; mail_max_bytes is "
                           f"{services.settings.mail_max_bytes:,})")
    mail = parse(raw)
    if not mail.sender:
        raise InvalidInput("the mail has no sender address (From)")
    with services.uow() as uow:
        known = uow.mail.get(mail.message_id)
    if known is not None:
        return Ingested(known.conversation_id, known.chat_message_id, False, duplicate=True)
    text = clean_text(_shown_text(mail))
    full = clean_text(mail.text[:MAX_FULL_TEXT_CHARS]) if mail.text.strip() else ""
    full_masked = _masked(services, full, mail.sender_name) if full else ""
    attachments = json.dumps([asdict(a) for a in mail.attachments[:200]])
    subject = privacy.redact_payment_data(mail.subject) or "Email"  # card data never stored raw
    assist.ensure_kb_index(services)  # before the transaction (as the API does: its rebuild writes on its own)
    try:
        return _store(services, mail, text, full_masked, attachments, subject)
    except Conflict:  # another poller stored this Message-ID meanwhile (everything here was rolled back)
        with services.uow() as uow:
            known = uow.mail.get(mail.message_id)
        if known is None:
            raise
        return Ingested(known.conversation_id, known.chat_message_id, False, duplicate=True)


def _masked(services: Services, text: str, name: str) -> str:
    """The whole mail with PII masked; when the check fails, a notice instead (the message itself is masked by
    inbox.py, which marks it the same way)."""
    try:
        return assist.mask_text(services, text, [name] if name else [])
    except Exception:  # noqa: BLE001 - the mail is still stored; nobody sees its unmasked copy
        log.exception("PII detection failed on the whole text of a mail")
        return inbox.PII_CHECK_FAILED


def _store(services: Services, mail: ParsedMail, text: str, full_masked: str, attachments: str,
           subject: str) -> Ingested:
    with services.uow() as uow:  # one commit: customer, conversation or message, the Message-ID, the audit entry
        customer_id = uow.integrations.customer_by_email(mail.sender)
        if customer_id is None:
            name = mail.sender_name or mail.sender.split("@")[0]
            customer_id = uow.customers.add(Customer(0, name[:120], mail.sender, "", "standard", 0.0,
                                                     now_iso()[:10], "")).id
            uow.audit.record(ACTOR, "mail_add_customer", "customer", str(customer_id), "from an email")
        conversation_id = _thread_of(uow, mail, customer_id)
        if conversation_id is None:
            conversation, message, _ = inbox.start_conversation(services, customer_id, "email", subject, text)
            conversation_id, new = conversation.id, True
        else:
            message, _ = inbox.receive_customer_message(services, conversation_id, text)
            new = False
        uow.mail.record(MailRecord(mail.message_id, conversation_id, "in", message.id, mail.reply_to or mail.sender,
                                   subject[:200], " ".join((*mail.references, *mail.in_reply_to)), full_masked,
                                   attachments, now_iso()))
        uow.audit.record(ACTOR, "mail_received", "conversation", str(conversation_id),
                         f"message {message.id}" + (", new conversation" if new else "")
                         + (f", {len(mail.attachments)} attachment(s) listed" if mail.attachments else "")
                         + (", an automatic reply" if mail.auto_reply else ""))
    return Ingested(conversation_id, message.id, new)


def _thread_of(uow: UnitOfWork, mail: ParsedMail, customer_id: int) -> int | None:
    """The conversation this mail answers (its In-Reply-To first, then its References, newest first), when it is
    this customer's; else None (a new conversation)."""
    found = uow.mail.conversation_of([*mail.in_reply_to, *reversed(mail.references)])
    if found is None:
        return None
    conversation = uow.conversations.get(found)
    if conversation.customer_id != customer_id:
        log.warning("a mail from another address than conversation %s's customer refers to it: opened a new one",
                    found)
        return None
    return found


def poll_once(services: Services) -> Poll:
    """Read the mailbox's unseen mails into conversations, then send the outbox's due replies (email, and social
    ones when social_send_url is set).

    Raises:
        ProviderUnavailable: the mailbox cannot be reached (nothing is marked seen; the next poll tries again).
        ConfigError: the email channel is not configured.
    """
    stored = duplicates = refused = left = 0
    if services.settings.mail_inbound:
        mailbox = services.mail_inbox
        try:
            refs = mailbox.unseen(POLL_BATCH)
            for ref in refs:
                outcome = _one(services, mailbox, ref.uid, ref.size)
                stored += outcome == "stored"
                duplicates += outcome == "duplicate"
                refused += outcome == "refused"
                left += outcome == "left"
        finally:
            mailbox.close()
    return Poll(stored, duplicates, refused, left, deliver_due(services), social_outbound.deliver_due(services))


def _one(services: Services, mailbox: MailInbox, uid: str, size: int) -> str:
    try:
        if size > services.settings.mail_max_bytes:
            raise InvalidInput(f"the mail is too big ({size:,} bytes; mail_max_bytes is "
                               f"{services.settings.mail_max_bytes:,}): not fetched")
        result = ingest(services, mailbox.fetch(uid))
    except ProviderUnavailable:
        raise  # the mailbox or the database is down: stop this poll, nothing marked seen
    except InvalidInput as e:
        log.error("mail %s refused, left flagged in the mailbox for a person: %s", uid, e)
        mailbox.mark_seen(uid, flagged=True)
        return "refused"
    except ServiceError as e:
        log.error("mail %s not stored now, tried again at the next poll: %s", uid, e)
        return "left"
    except Exception:  # noqa: BLE001 - a mail that breaks the reader must not stop the poller
        log.exception("mail %s could not be read; left flagged in the mailbox for a person", uid)
        mailbox.mark_seen(uid, flagged=True)
        return "refused"
    mailbox.mark_seen(uid)
    if not result.duplicate:
        log.info("mail %s stored as message %s of conversation %s", uid, result.message_id, result.conversation_id)
    return "duplicate" if result.duplicate else "stored"


def run(services: Services, stop: threading.Event | None = None, once: bool = False) -> Poll:
    """Poll every mail_poll_s until ``stop`` is set (or once); a failed poll is logged and the next one tries
    again. Returns the last poll's counts."""
    stop = stop or threading.Event()
    last = Poll()
    while True:
        try:
            last = poll_once(services)
            if (last.stored or last.refused or last.delivery.sent or last.delivery.failed or last.social.sent
                    or last.social.failed):
                log.info("mail poll: %s", last)
        except ProviderUnavailable as e:
            log.warning("mail poll failed, trying again in %g s: %s", services.settings.mail_poll_s, e)
        except Exception:  # noqa: BLE001 - the poller lives on; the error is logged with its trace
            log.exception("mail poll failed")
        if once or stop.wait(services.settings.mail_poll_s):
            return last


@dataclass(frozen=True)
class MailView:
    """A mail of the conversation as the agent sees it: the whole text (PII masked), its attachments' list."""

    message_id: str
    direction: str
    chat_message_id: int
    subject: str
    full_text: str
    attachments: tuple[dict, ...]
    created_at: str


def thread_mails(services: Services, user: User, conversation_id: int) -> list[MailView]:
    """The conversation's mails, oldest first, with the whole text (quotes and signature included; PII masked) and
    the attachments listed: what the analysis did not read stays available to the agent. Audited.

    Raises:
        PermissionDenied: not a role that reads conversations, or not this user's conversation.
        InvalidInput, NotFound: a bad or unknown conversation id.
    """
    from services import conversations

    require(user, "conversation.read")
    conversation = conversations.readable(services, user, conversation_id)
    with services.uow() as uow:
        mails = uow.mail.thread(conversation.id)
        uow.audit.record(user.username, "read_mail_thread", "conversation", str(conversation.id),
                         f"{len(mails)} mail(s)")
    return [MailView(m.message_id, m.direction, m.chat_message_id, m.subject, m.full_text,
                     tuple(json.loads(m.attachments or "[]")), m.created_at) for m in mails]


__all__ = ["Ingested", "MailView", "Poll", "ingest", "poll_once", "run", "thread_mails"]
