"""The ingestion API's state in the database (services.ports.IntegrationRepository): API keys by the SHA-256 of the
key, requests by Idempotency-Key, requests per key and minute, and the integrations' thread and customer ids. The SQL
is standard: the PostgreSQL adapter runs it as it is."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from services.adapters.local.sqlite_repositories import row_to
from services.adapters.local.sqlite_uow import Transaction
from services.clock import now_iso
from services.errors import NotFound
from services.models import ApiKey, ApiRequest

# Claim a request's Idempotency-Key: a new key, or a pending claim left by a process that died (older than the
# given moment). One statement under the write lock: two processes never both change a row.
_CLAIM_SQL = """
INSERT INTO api_requests (key_id, idempotency_key, body_hash, status, response, created_at)
VALUES (?, ?, ?, 0, '', ?)
ON CONFLICT (key_id, idempotency_key) DO UPDATE SET body_hash = excluded.body_hash, created_at = excluded.created_at
WHERE api_requests.status = 0 AND api_requests.created_at < ?
"""


def _key(row: Any) -> ApiKey:
    key: ApiKey = row_to(ApiKey, row)
    return replace(key, widget=bool(key.widget))


class SqliteIntegrations:
    def __init__(self, tx: Transaction) -> None:
        self.tx = tx

    # ---- keys ----------------------------------------------------------------------------------------
    def add_key(self, name: str, key_hash: str, prefix: str, rate_per_minute: int, actor: str,
                widget: bool = False) -> ApiKey:
        pk = self.tx.insert("api_keys", {"name": name, "key_hash": key_hash, "prefix": prefix,
                                         "rate_per_minute": rate_per_minute, "created_at": now_iso(),
                                         "created_by": actor, "widget": int(widget)},
                            conflict=f"an API key named {name!r} already exists")
        return self.key_by_id(pk)

    def key(self, key_hash: str) -> ApiKey:
        return _key(self.tx.one("SELECT * FROM api_keys WHERE key_hash = ?", [key_hash], "API key"))

    def key_by_id(self, key_id: int) -> ApiKey:
        return _key(self.tx.one("SELECT * FROM api_keys WHERE id = ?", [key_id], f"API key {key_id}"))

    def key_named(self, name: str) -> ApiKey:
        return _key(self.tx.one("SELECT * FROM api_keys WHERE name = ?", [name], f"API key {name!r}"))

    def keys(self) -> list[ApiKey]:
        return [_key(r) for r in self.tx.rows("SELECT * FROM api_keys ORDER BY id")]

    def revoke_key(self, name: str) -> ApiKey:
        self.key_named(name)
        self.tx.write("UPDATE api_keys SET revoked_at = ? WHERE name = ? AND revoked_at = ''", [now_iso(), name])
        return self.key_named(name)

    # ---- the rate limit --------------------------------------------------------------------------------
    def count_request(self, key_id: int, minute: str) -> int:
        self.tx.write("DELETE FROM api_rate_windows WHERE key_id = ? AND minute < ?", [key_id, minute])
        self.tx.write("INSERT INTO api_rate_windows (key_id, minute, hits) VALUES (?, ?, 1) ON CONFLICT (key_id, minute) "
                      "DO UPDATE SET hits = api_rate_windows.hits + 1", [key_id, minute],
                      missing=f"API key {key_id} not found")
        return int(self.tx.scalar("SELECT hits FROM api_rate_windows WHERE key_id = ? AND minute = ?",
                                  [key_id, minute]))

    def count_client(self, scope: str, client: str, minute: str) -> int:
        self.tx.write("DELETE FROM api_client_windows WHERE scope = ? AND client = ? AND minute < ?",
                      [scope, client, minute])
        self.tx.write("INSERT INTO api_client_windows (scope, client, minute, hits) VALUES (?, ?, ?, 1) "
                      "ON CONFLICT (scope, client, minute) DO UPDATE SET hits = api_client_windows.hits + 1",
                      [scope, client, minute])
        return int(self.tx.scalar("SELECT hits FROM api_client_windows WHERE scope = ? AND client = ? AND minute = ?",
                                  [scope, client, minute]))

    # ---- idempotency keys ------------------------------------------------------------------------------
    def claim_request(self, key_id: int, idempotency_key: str, body_hash: str, stale_before: str) -> ApiRequest | None:
        cursor = self.tx.write(_CLAIM_SQL, [key_id, idempotency_key, body_hash, now_iso(), stale_before],
                               missing=f"API key {key_id} not found")
        if cursor.rowcount == 1:
            return None
        return row_to(ApiRequest, self.tx.one("SELECT * FROM api_requests WHERE key_id = ? AND idempotency_key = ?",
                                              [key_id, idempotency_key], "request"))

    def finish_request(self, key_id: int, idempotency_key: str, status: int, response: str) -> None:
        self.tx.write("UPDATE api_requests SET status = ?, response = ? WHERE key_id = ? AND idempotency_key = ?",
                      [status, response, key_id, idempotency_key])

    def drop_request(self, key_id: int, idempotency_key: str) -> None:
        self.tx.write("DELETE FROM api_requests WHERE key_id = ? AND idempotency_key = ?", [key_id, idempotency_key])

    def forget_requests(self, before: str) -> int:
        cursor = self.tx.write("DELETE FROM api_requests WHERE created_at < ? AND status <> 0", [before])
        return int(cursor.rowcount)

    # ---- the integrations' ids -------------------------------------------------------------------------
    def thread(self, key_id: int, thread_id: str) -> int | None:
        found = self.tx.scalar("SELECT conversation_id FROM api_threads WHERE key_id = ? AND thread_id = ?",
                               [key_id, thread_id])
        return None if found is None else int(found)

    def add_thread(self, key_id: int, thread_id: str, conversation_id: int) -> None:
        self.tx.insert("api_threads", {"key_id": key_id, "thread_id": thread_id, "conversation_id": conversation_id},
                       conflict=f"thread {thread_id!r} already exists",
                       missing=f"API key {key_id} or conversation {conversation_id} not found")

    def customer(self, key_id: int, external_id: str) -> int | None:
        found = self.tx.scalar("SELECT customer_id FROM api_customers WHERE key_id = ? AND external_id = ?",
                               [key_id, external_id])
        return None if found is None else int(found)

    def add_customer(self, key_id: int, external_id: str, customer_id: int) -> None:
        self.tx.insert("api_customers", {"key_id": key_id, "external_id": external_id, "customer_id": customer_id},
                       conflict=f"customer {external_id!r} already exists",
                       missing=f"API key {key_id} or customer {customer_id} not found")

    def customer_by_email(self, email: str) -> int | None:
        # by the keyed hash (the address itself is encrypted); a row from before migration 20 that rotate-key has
        # not encrypted yet has no hash and a plaintext address
        found = self.tx.scalar("SELECT MIN(id) FROM customers WHERE email_hmac = ? "
                               "OR (email_hmac IS NULL AND lower(email) = lower(?))",
                               [self.tx.codec.email_hmac(email), email])
        return None if found is None else int(found)

    def thread_of(self, conversation_id: int) -> tuple[int, str] | None:
        rows = self.tx.rows("SELECT key_id, thread_id FROM api_threads WHERE conversation_id = ? "
                            "ORDER BY key_id, thread_id LIMIT 1", [conversation_id])
        return (int(rows[0][0]), str(rows[0][1])) if rows else None

    # ---- the customers' ratings of the assistant's answers (migration 18) ----------------------------------------
    def rate_answer(self, message_id: int, conversation_id: int, rating: int, at: str) -> None:
        if self.tx.scalar("SELECT COUNT(*) FROM messages WHERE id = ? AND conversation_id = ?",
                          [message_id, conversation_id]) == 0:
            raise NotFound(f"message {message_id} not found in conversation {conversation_id}")
        self.tx.write("INSERT INTO assistant_ratings (message_id, conversation_id, rating, rated_at) "
                      "VALUES (?, ?, ?, ?) ON CONFLICT (message_id) DO UPDATE SET rating = excluded.rating, "
                      "rated_at = excluded.rated_at", [message_id, conversation_id, int(rating), at])

    def answer_ratings(self, conversation_id: int) -> dict[int, int]:
        rows = self.tx.rows("SELECT message_id, rating FROM assistant_ratings WHERE conversation_id = ? "
                            "ORDER BY message_id", [conversation_id])
        return {int(r[0]): int(r[1]) for r in rows}

