"""The email channel's state in the database (services.ports.MailRepository): mails by Message-ID and the outbox.
The SQL is standard: the PostgreSQL adapter runs it as it is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from services.adapters.local.field_crypto import FieldCodec
from services.adapters.local.sqlite_uow import Transaction
from services.email_models import MailRecord, OutboxItem, OutgoingMail
from services.errors import InvalidInput

MAX_IDS = 100  # Message-IDs looked up at once (a References header is trimmed well below this)


def _record(row: Any, codec: FieldCodec) -> MailRecord:
    return MailRecord(row["message_id"], int(row["conversation_id"]), row["direction"], int(row["chat_message_id"]),
                      codec.decrypt("mail_messages.address", row["address"]) or "",
                      codec.decrypt("mail_messages.subject", row["subject"]) or "", row["refs"], row["full_text"], row["attachments"],
                      row["created_at"])


def _item(row: Any, codec: FieldCodec) -> OutboxItem:
    mail = OutgoingMail(row["sender"], codec.decrypt("mail_outbox.recipient", row["recipient"]) or "",
                        codec.decrypt("mail_outbox.subject", row["subject"]) or "",
                        codec.decrypt("mail_outbox.body", row["body"]) or "", row["message_id"],
                        row["in_reply_to"], row["refs"])
    return OutboxItem(int(row["id"]), int(row["conversation_id"]), int(row["chat_message_id"]), mail, row["status"],
                      int(row["attempts"]), row["next_attempt_at"], row["last_error"], row["created_at"],
                      row["sent_at"])


class SqliteMail:
    def __init__(self, tx: Transaction) -> None:
        self.tx = tx

    # ---- mails by Message-ID --------------------------------------------------------------------------------
    def record(self, mail: MailRecord) -> None:
        if mail.direction not in ("in", "out"):
            raise InvalidInput(f"a mail's direction is in or out; got {mail.direction!r}")
        self.tx.insert("mail_messages", {
            "message_id": mail.message_id, "conversation_id": mail.conversation_id, "direction": mail.direction,
            "chat_message_id": mail.chat_message_id,
            "address": self.tx.codec.encrypt("mail_messages.address", mail.address),
            "subject": self.tx.codec.encrypt("mail_messages.subject", mail.subject),
            "refs": mail.references, "full_text": mail.full_text, "attachments": mail.attachments,
            "created_at": mail.created_at},
            conflict=f"mail {mail.message_id[:80]!r} already exists",
            missing=f"conversation {mail.conversation_id} or message {mail.chat_message_id} not found")

    def get(self, message_id: str) -> MailRecord | None:
        rows = self.tx.rows("SELECT * FROM mail_messages WHERE message_id = ?", [message_id])
        return _record(rows[0], self.tx.codec) if rows else None

    def conversation_of(self, message_ids: Sequence[str]) -> int | None:
        ids = list(dict.fromkeys(message_ids))[:MAX_IDS]
        if not ids:
            return None
        found = self.tx.scalar(f"SELECT conversation_id FROM mail_messages WHERE message_id IN "  # noqa: S608
                               f"({', '.join('?' * len(ids))}) ORDER BY id DESC LIMIT 1", ids)
        return None if found is None else int(found)

    def thread(self, conversation_id: int) -> list[MailRecord]:
        return [_record(r, self.tx.codec) for r in self.tx.rows("SELECT * FROM mail_messages WHERE conversation_id = ? ORDER BY id",
                                                 [conversation_id])]

    # ---- the outbox -------------------------------------------------------------------------------------------
    def queue(self, conversation_id: int, chat_message_id: int, mail: OutgoingMail, at: str) -> OutboxItem:
        pk = self.tx.insert("mail_outbox", {
            "conversation_id": conversation_id, "chat_message_id": chat_message_id, "sender": mail.sender,
            "recipient": self.tx.codec.encrypt("mail_outbox.recipient", mail.to),
            "subject": self.tx.codec.encrypt("mail_outbox.subject", mail.subject),
            "body": self.tx.codec.encrypt("mail_outbox.body", mail.body), "message_id": mail.message_id,
            "in_reply_to": mail.in_reply_to, "refs": mail.references, "next_attempt_at": at, "created_at": at},
            conflict=f"message {chat_message_id} is already in the outbox",
            missing=f"conversation {conversation_id} or message {chat_message_id} not found")
        return _item(self.tx.one("SELECT * FROM mail_outbox WHERE id = ?", [pk], "outbox item"), self.tx.codec)

    def claim_due(self, now: str, lease_until: str, limit: int) -> list[OutboxItem]:
        due = [int(r[0]) for r in self.tx.rows("SELECT id FROM mail_outbox WHERE status = 'queued' AND "
                                               "next_attempt_at <= ? ORDER BY id LIMIT ?", [now, limit])]
        claimed = []
        for item_id in due:  # the condition again under the write lock: another sender may have leased it
            cursor = self.tx.write("UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ? AND status = 'queued' "
                                   "AND next_attempt_at <= ?", [lease_until, item_id, now])
            if cursor.rowcount == 1:
                claimed.append(item_id)
        return [_item(self.tx.one("SELECT * FROM mail_outbox WHERE id = ?", [i], "outbox item"), self.tx.codec) for i in claimed]

    def mark_sent(self, item_id: int, at: str) -> None:
        self.tx.write("UPDATE mail_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = '' "
                      "WHERE id = ?", [at, item_id])

    def retry_later(self, item_id: int, next_attempt_at: str, error: str) -> None:
        self.tx.write("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                      "WHERE id = ? AND status = 'queued'", [next_attempt_at, error[:500], item_id])

    def mark_failed(self, item_id: int, error: str) -> None:
        self.tx.write("UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error = ? "
                      "WHERE id = ? AND status = 'queued'", [error[:500], item_id])

    def outbox(self, conversation_id: int | None = None) -> list[OutboxItem]:
        if conversation_id is None:
            return [_item(r, self.tx.codec) for r in self.tx.rows("SELECT * FROM mail_outbox ORDER BY id")]
        return [_item(r, self.tx.codec) for r in self.tx.rows("SELECT * FROM mail_outbox WHERE conversation_id = ? ORDER BY id",
                                               [conversation_id])]
