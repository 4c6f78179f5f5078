"""The Store port on a SQLite file through sqlite-utils: WAL, busy timeout, one connection per thread."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any, Literal

import sqlite_utils

from services.adapters.local import schema
from services.adapters.local.sqlite_kb import NOT_ANALYSED, AssistAndKbTables, analysis_row, row_to
from services.adapters.local.sqlite_sessions import SessionAndInboxTables
from services.adapters.local.sqlite_state import SharedStateTables
from services.clock import now_iso
from services.errors import InvalidInput, NotFound
from services.models import (
    AuditEntry,
    Conversation,
    Customer,
    Message,
    Order,
    QueueRow,
    Suggestion,
    User,
)

BUSY_TIMEOUT_MS = 10_000
# Salted hashes, the audit trail and model outputs (analyses carry timings) are not part of the demo's content.
HASH_EXCLUDED = {"users": {"password_hash", "created_at"}, "audit_log": None, "events": None, "analyses": None,
                 "suggestions": None, "sessions": None, "sign_in_failures": None, "app_secrets": None}
CONVERSATION_FIELDS = {f.name for f in fields(Conversation)} - {"id"}


# waiting_since: the oldest customer message after the last agent reply (the last reply the customer saw);
# internal notes, system lines and transfers do not count as an answer.
_QUEUE_SQL = """
SELECT c.id, c.customer_id, c.channel, c.status, c.subject, c.created_at, c.updated_at, c.assigned_agent, c.queue,
       c.resolution, c.csat, cu.name, cu.tier, m.masked_text, m.author_role, m.created_at,
       a.sentiment, a.escalate, a.intent,
       (SELECT MIN(w.created_at) FROM messages w
        WHERE w.conversation_id = c.id AND w.author_role = 'customer'
          AND w.id > COALESCE((SELECT MAX(r.id) FROM messages r
                               WHERE r.conversation_id = c.id AND r.author_role = 'agent'), 0)) AS waiting_since
FROM conversations c
JOIN customers cu ON cu.id = c.customer_id
LEFT JOIN messages m ON m.id = (SELECT MAX(id) FROM messages
                                WHERE conversation_id = c.id AND author_role IN ('customer', 'agent'))
LEFT JOIN analyses a ON a.message_id = (SELECT MAX(id) FROM messages
                                        WHERE conversation_id = c.id AND author_role = 'customer')
WHERE {where}
ORDER BY c.status = 'escalated' DESC, a.escalate DESC, waiting_since IS NULL, waiting_since, c.updated_at
LIMIT ?
"""


class SqliteStore(AssistAndKbTables, SessionAndInboxTables, SharedStateTables):
    """Thread-safe: each thread gets its own connection; writers wait on SQLite's lock (busy_timeout)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._migrate()

    # ---- connections ---------------------------------------------------------
    def _connect(self, isolation_level: Literal["DEFERRED", "EXCLUSIVE", "IMMEDIATE"] | None = "IMMEDIATE") -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=isolation_level,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    @property
    def db(self) -> sqlite_utils.Database:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite_utils.Database(self._connect())
            self._local.db = db
        return db

    def _migrate(self) -> None:
        conn = self._connect(isolation_level=None)
        try:
            schema.migrate(conn)
        finally:
            conn.close()

    def journal_mode(self) -> str:
        return self.db.execute("PRAGMA journal_mode").fetchone()[0]

    def schema_version(self) -> int:
        return self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]

    def _one(self, table: str, where: str, args: Sequence[Any], what: str) -> dict[str, Any]:
        try:
            rows = list(self.db[table].rows_where(where, list(args), limit=1))
        except (OverflowError, UnicodeEncodeError, sqlite3.InterfaceError, sqlite3.ProgrammingError):
            rows = []  # matches no row
        if not rows:
            raise NotFound(f"{what} not found")
        return rows[0]

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        with self.db.conn:
            return int(self.db.table(table).insert(row).last_pk or 0)

    # ---- users ---------------------------------------------------------------
    def add_user(self, username: str, display_name: str, role: str, password_hash: str) -> User:
        try:
            pk = self._insert("users", {"username": username, "display_name": display_name, "role": role,
                                        "password_hash": password_hash, "created_at": now_iso()})
        except sqlite3.IntegrityError as e:
            raise InvalidInput(f"user {username!r} already exists") from e
        return User(pk, username, display_name, role)

    def get_user(self, username: str) -> User:
        return row_to(User, self._one("users", "username = ?", [username], f"user {username!r}"))

    def get_password_hash(self, username: str) -> str:
        return self._one("users", "username = ?", [username], f"user {username!r}")["password_hash"]

    def list_users(self) -> list[User]:
        return [row_to(User, r) for r in self.db["users"].rows_where(order_by="id")]

    # ---- customers and orders ------------------------------------------------
    def add_customer(self, customer: Customer) -> Customer:
        row = asdict(customer)
        if not row["id"]:
            row.pop("id")
        return self.get_customer(self._insert("customers", row))

    def add_customers(self, customers: Sequence[Customer]) -> None:
        with self.db.conn:
            self.db.table("customers").insert_all(asdict(c) for c in customers)

    def get_customer(self, customer_id: int) -> Customer:
        return row_to(Customer, self._one("customers", "id = ?", [customer_id], f"customer {customer_id}"))

    def list_customers(self) -> list[Customer]:
        return [row_to(Customer, r) for r in self.db["customers"].rows_where(order_by="id")]

    def _order_row(self, order: Order) -> dict[str, Any]:
        row = asdict(order)
        row["items"] = json.dumps(list(order.items))
        if not row["id"]:
            row.pop("id")
        return row

    def _order(self, row: dict[str, Any]) -> Order:
        return row_to(Order, {**row, "items": tuple(json.loads(row["items"]))})

    def add_order(self, order: Order) -> Order:
        pk = self._insert("orders", self._order_row(order))
        return self._order(self._one("orders", "id = ?", [pk], f"order {pk}"))

    def add_orders(self, orders: Sequence[Order]) -> None:
        with self.db.conn:
            self.db.table("orders").insert_all(self._order_row(o) for o in orders)

    def orders_for(self, customer_id: int) -> list[Order]:
        rows = self.db["orders"].rows_where("customer_id = ?", [customer_id], order_by="placed_at desc")
        return [self._order(r) for r in rows]

    def find_order(self, number: str) -> Order:
        return self._order(self._one("orders", "number = ?", [number], f"order {number}"))

    # ---- conversations and messages -----------------------------------------
    def add_conversation(self, conversation: Conversation) -> Conversation:
        row = asdict(conversation)
        row.pop("id")
        return self.get_conversation(self._insert("conversations", row))

    def get_conversation(self, conversation_id: int) -> Conversation:
        row = self._one("conversations", "id = ?", [conversation_id], f"conversation {conversation_id}")
        return row_to(Conversation, row)

    def list_conversations(self, status: str | None = None, agent: str | None = None,
                           customer_id: int | None = None) -> list[Conversation]:
        clauses, args = [], []
        for column, value in (("status", status), ("assigned_agent", agent), ("customer_id", customer_id)):
            if value is not None:
                clauses.append(f"{column} = ?")
                args.append(value)
        rows = self.db["conversations"].rows_where(" AND ".join(clauses) or None, args, order_by="updated_at desc")
        return [row_to(Conversation, r) for r in rows]

    def queue(self, agent: str | None = None, statuses: Sequence[str] = ("open", "pending", "escalated"),
              limit: int = 2000) -> list[QueueRow]:
        """Open conversations (assigned to agent or to nobody, or all when agent is None) in one query."""
        where = f"c.status IN ({','.join('?' * len(statuses))})"
        args: list[Any] = list(statuses)
        if agent is not None:
            where += " AND (c.assigned_agent = ? OR c.assigned_agent = '')"
            args.append(agent)
        rows = self.db.execute(_QUEUE_SQL.format(where=where), [*args, limit]).fetchall()
        return [self._queue_row(r) for r in rows]

    def _queue_row(self, r: tuple[Any, ...]) -> QueueRow:
        conversation = Conversation(*r[:11])
        return QueueRow(conversation, r[11], r[12], r[13] or "", r[14] or "", r[15] or conversation.updated_at,
                        r[16] or "", bool(r[17]), r[18] or "", r[19] or "")

    def update_conversation(self, conversation_id: int, **changes: Any) -> Conversation:
        unknown = set(changes) - CONVERSATION_FIELDS
        if unknown:
            raise InvalidInput(f"cannot change {', '.join(sorted(unknown))} of a conversation")
        self.get_conversation(conversation_id)
        with self.db.conn:
            self.db.table("conversations").update(conversation_id, {**changes, "updated_at": now_iso()})
        return self.get_conversation(conversation_id)

    @staticmethod
    def _message_row(message: Message) -> dict[str, Any]:
        row = asdict(message)
        row.pop("id")
        row["created_at"] = row["created_at"] or now_iso()
        return row

    def append_message(self, message: Message) -> Message:
        row = self._message_row(message)
        try:
            with self.db.conn:
                pk = self._insert_message(row)
        except sqlite3.IntegrityError as e:
            raise NotFound(f"conversation {message.conversation_id} not found") from e
        return Message(pk, **{k: v for k, v in row.items()})

    def _raw_insert(self, table: str, row: dict[str, Any], replace: bool = False) -> int:
        """INSERT through the connection itself: unlike sqlite-utils' insert, it does not commit, so several of
        them form one transaction under ``with self.db.conn``."""
        columns = ", ".join(row)
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        cursor = self.db.conn.execute(f"{verb} INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})",
                                      list(row.values()))
        return int(cursor.lastrowid or 0)

    def _insert_message(self, row: dict[str, Any]) -> int:
        pk = self._raw_insert("messages", row)
        self.db.conn.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", [row["created_at"], row["conversation_id"]])
        return pk

    def add_customer_message(self, message: Message, analysis: dict[str, Any] | None,
                             suggestions: Sequence[Suggestion] = (), not_analysed: str = "",
                             reopen: bool = False) -> Message:
        """The ingestion write, in one transaction: the message, its analysis and suggestions (or the reason it
        could not be analysed), the conversation reopened if asked, and a customer_message event. All or nothing.

        Raises:
            NotFound: the conversation does not exist.
        """
        row = self._message_row(message)
        try:
            with self.db.conn:
                pk = self._insert_message(row)
                if reopen:
                    self.db.conn.execute("UPDATE conversations SET status = 'open', resolution = '' WHERE id = ?",
                                    [message.conversation_id])
                self._write_outcome(pk, analysis, suggestions, not_analysed)
                self._raw_insert("events", {"at": now_iso(), "kind": "customer_message",
                                            "conversation_id": message.conversation_id,
                                            "payload": json.dumps({"message_id": pk})})
        except sqlite3.IntegrityError as e:
            raise NotFound(f"conversation {message.conversation_id} not found") from e
        return Message(pk, **row)

    def save_analysis_outcome(self, message_id: int, analysis: dict[str, Any] | None,
                              suggestions: Sequence[Suggestion] = (), not_analysed: str = "") -> None:
        """A stored message's analysis and suggestions, or (analysis None) why it could not be analysed; one
        transaction."""
        try:
            with self.db.conn:
                self._write_outcome(message_id, analysis, suggestions, not_analysed)
        except sqlite3.IntegrityError as e:
            raise NotFound(f"message {message_id} not found") from e

    def _write_outcome(self, message_id: int, analysis: dict[str, Any] | None, suggestions: Sequence[Suggestion],
                       not_analysed: str) -> None:
        if analysis is None:  # the row says "not analysed" and why; get_analysis reads it as no analysis
            self._raw_insert("analyses", {"message_id": message_id, "created_at": now_iso(), "intent": None,
                                          "sentiment": None, "escalate": 0, "provider": NOT_ANALYSED,
                                          "payload": json.dumps({NOT_ANALYSED: not_analysed or "unknown reason"})},
                             replace=True)
            return
        self._raw_insert("analyses", analysis_row(message_id, analysis), replace=True)
        for rank, s in enumerate(suggestions, start=1):
            self._raw_insert("suggestions", {"message_id": message_id, "rank": rank, "text": s.text,
                                             "source": s.source, "score": s.score})

    def analysis_failures(self, conversation_id: int) -> dict[int, str]:
        """{message id: reason} for the conversation's messages that could not be analysed."""
        rows = self.db.execute(
            "SELECT a.message_id, a.payload FROM analyses a JOIN messages m ON m.id = a.message_id "
            "WHERE m.conversation_id = ? AND a.provider = ?", [conversation_id, NOT_ANALYSED]).fetchall()
        return {message_id: json.loads(payload).get(NOT_ANALYSED, "") for message_id, payload in rows}

    def add_messages(self, messages: Sequence[Message]) -> None:
        rows = []
        for message in messages:
            row = asdict(message)
            row.pop("id")
            rows.append(row)
        with self.db.conn:
            self.db.table("messages").insert_all(rows)

    def messages_for(self, conversation_id: int) -> list[Message]:
        rows = self.db["messages"].rows_where("conversation_id = ?", [conversation_id], order_by="id")
        return [row_to(Message, r) for r in rows]

    def count_messages(self, conversation_id: int | None = None) -> int:
        if conversation_id is None:
            return self.db["messages"].count
        return self.db.execute("SELECT COUNT(*) FROM messages WHERE conversation_id = ?",
                               [conversation_id]).fetchone()[0]

    # ---- audit and events ---------------------------------------------------------
    def audit(self, actor: str, action: str, entity: str, entity_id: str, detail: str = "") -> None:
        self._insert("audit_log", {"at": now_iso(), "actor": actor, "action": action, "entity": entity,
                                   "entity_id": str(entity_id), "detail": detail})

    def audit_entries(self, limit: int = 100, actor: str | None = None) -> list[AuditEntry]:
        rows = self.db["audit_log"].rows_where("actor = ?" if actor else None, [actor] if actor else [],
                                               order_by="id desc", limit=limit)
        return [row_to(AuditEntry, r) for r in rows]

    def add_event(self, kind: str, conversation_id: int | None, payload: str = "{}") -> int:
        return self._insert("events", {"at": now_iso(), "kind": kind, "conversation_id": conversation_id,
                                       "payload": payload})

    # ---- whole-database helpers ------------------------------------------------------
    def table_counts(self) -> dict[str, int]:
        return {table: self.db[table].count for table in schema.TABLES if table != "app_secrets"}  # not content

    def content_hash(self) -> str:
        """sha256 over every table's rows in id order, less password hashes (salted) and the audit trail."""
        digest = hashlib.sha256()
        for table in schema.TABLES:
            excluded = HASH_EXCLUDED.get(table, set())
            if excluded is None:
                continue
            for row in self.db[table].rows_where(order_by="rowid"):
                kept = {k: v for k, v in row.items() if k not in excluded}
                digest.update(f"{table}:{json.dumps(kept, sort_keys=True, default=str)}\n".encode())
        return digest.hexdigest()

    def reset(self) -> None:
        """Drop every table and build the schema again (used by `seed`)."""
        conn = self._connect(isolation_level=None)
        try:
            schema.drop_all(conn)
        finally:
            conn.close()
        self._migrate()
