"""The email channel's own dataclasses (docs/email.md): what the mail ports (services/ports.py MailInbox, MailSender)
and the mail repository (MailRepository) take and return."""

from __future__ import annotations

from dataclasses import dataclass

MAIL_DIRECTIONS = ("in", "out")
OUTBOX_STATES = ("queued", "sent", "failed")


@dataclass(frozen=True)
class MailRef:
    """An unseen message in the support mailbox: its IMAP UID and its size in bytes (as the server reports it)."""

    uid: str
    size: int


@dataclass(frozen=True)
class Attachment:
    """An attachment as listed to the agent: never opened, executed or rendered."""

    name: str
    content_type: str
    size: int


@dataclass(frozen=True)
class OutgoingMail:
    """One mail for the SMTP sender to deliver, headers included."""

    sender: str
    to: str
    subject: str
    body: str
    message_id: str
    in_reply_to: str = ""
    references: str = ""


@dataclass(frozen=True)
class MailRecord:
    """A mail of a conversation's thread, by its Message-ID: inbound (the customer's, with the full text PII-masked
    and its attachments as JSON) or outbound (an agent's reply). ``chat_message_id``: the conversation message it
    became (0 for none)."""

    message_id: str
    conversation_id: int
    direction: str
    chat_message_id: int
    address: str  # inbound: the sender; outbound: the recipient
    subject: str
    references: str  # the mail's own References header (space-separated Message-IDs)
    full_text: str  # inbound: the whole text, quotes and signature included, PII masked; outbound: ""
    attachments: str  # JSON list of {"name", "content_type", "size"}
    created_at: str


@dataclass(frozen=True)
class OutboxItem:
    """An agent's reply waiting to go out by SMTP (retried with backoff until sent, or failed for good)."""

    id: int
    conversation_id: int
    chat_message_id: int
    mail: OutgoingMail
    status: str  # queued | sent | failed
    attempts: int
    next_attempt_at: str
    last_error: str
    created_at: str
    sent_at: str
