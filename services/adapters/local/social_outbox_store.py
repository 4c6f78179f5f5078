"""The social channel's outbox in the database (services.ports.SocialOutboxRepository): agents' replies waiting for
a messaging platform, leased by next_attempt_at. The SQL is standard: the PostgreSQL adapter runs it as it is."""

from __future__ import annotations

from typing import Any

from services.adapters.local.field_crypto import FieldCodec
from services.adapters.local.sqlite_uow import Transaction
from services.errors import InvalidInput
from services.models import SocialOutboxItem

KINDS = ("dm", "comment")


def _item(row: Any, codec: FieldCodec) -> SocialOutboxItem:
    return SocialOutboxItem(int(row["id"]), int(row["conversation_id"]), int(row["chat_message_id"]),
                            int(row["key_id"]), row["platform"], row["kind"], row["recipient"],
                            codec.decrypt("social_outbox.body", row["body"]) or "", row["status"],
                            int(row["attempts"]), row["next_attempt_at"], row["last_error"], row["created_at"],
                            row["sent_at"], row["platform_id"])


class SqliteSocialOutbox:
    def __init__(self, tx: Transaction) -> None:
        self.tx = tx

    def _get(self, item_id: int) -> SocialOutboxItem:
        return _item(self.tx.one("SELECT * FROM social_outbox WHERE id = ?", [item_id], "social outbox item"),
                     self.tx.codec)

    def queue(self, item: SocialOutboxItem) -> SocialOutboxItem:
        if item.kind not in KINDS:
            raise InvalidInput(f"a social reply is a dm or a comment; got {item.kind!r}")
        pk = self.tx.insert("social_outbox", {
            "conversation_id": item.conversation_id, "chat_message_id": item.chat_message_id, "key_id": item.key_id,
            "platform": item.platform, "kind": item.kind, "recipient": item.recipient,
            "body": self.tx.codec.encrypt("social_outbox.body", item.text), "next_attempt_at": item.next_attempt_at,
            "created_at": item.created_at},
            conflict=f"message {item.chat_message_id} is already in the social outbox",
            missing=f"conversation {item.conversation_id}, message {item.chat_message_id} or integration "
                    f"{item.key_id} not found")
        return self._get(pk)

    def claim_due(self, now: str, lease_until: str, limit: int,
                  conversation_id: int | None = None) -> list[SocialOutboxItem]:
        only, args = ("AND conversation_id = ? ", [conversation_id]) if conversation_id is not None else ("", [])
        due = [int(r[0]) for r in self.tx.rows(
            f"SELECT id FROM social_outbox WHERE status = 'queued' AND next_attempt_at <= ? {only}"  # noqa: S608
            "ORDER BY id LIMIT ?", [now, *args, max(int(limit), 0)])]
        claimed = []
        for found in due:  # the condition again under the write lock: another sender may have leased it meanwhile
            cursor = self.tx.write("UPDATE social_outbox SET next_attempt_at = ? WHERE id = ? AND status = 'queued' "
                                   "AND next_attempt_at <= ?", [lease_until, found, now])
            if cursor.rowcount == 1:
                claimed.append(found)
        return [self._get(i) for i in claimed]

    def mark_sent(self, item_id: int, at: str, platform_id: str) -> None:
        self.tx.write("UPDATE social_outbox SET status = 'sent', sent_at = ?, platform_id = ?, attempts = attempts + 1, "
                      "last_error = '' WHERE id = ? AND status = 'queued'", [at, platform_id[:200], item_id])

    def retry_later(self, item_id: int, next_attempt_at: str, error: str) -> None:
        self.tx.write("UPDATE social_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                      "WHERE id = ? AND status = 'queued'", [next_attempt_at, error[:500], item_id])

    def mark_failed(self, item_id: int, error: str) -> None:
        self.tx.write("UPDATE social_outbox SET status = 'failed', attempts = attempts + 1, last_error = ? "
                      "WHERE id = ? AND status = 'queued'", [error[:500], item_id])

    def outbox(self, conversation_id: int | None = None) -> list[SocialOutboxItem]:
        if conversation_id is None:
            rows = self.tx.rows("SELECT * FROM social_outbox ORDER BY id")
        else:
            rows = self.tx.rows("SELECT * FROM social_outbox WHERE conversation_id = ? ORDER BY id", [conversation_id])
        return [_item(r, self.tx.codec) for r in rows]
