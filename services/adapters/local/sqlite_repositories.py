"""The repositories of services/ports.py on SQLite (users, sessions, customers and orders, articles, audit).

Conversations and assist results are in sqlite_conversations.py. Each repository reads and writes through the
Transaction of its unit of work (sqlite_uow.py) and returns our dataclasses.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, fields
from typing import Any

from services.adapters.local.sqlite_conversations import SqliteAssist, SqliteConversations
from services.adapters.local.sqlite_uow import Transaction
from services.audit_chain import ERASED, GENESIS, detail_digest, digest_matches, link_hash
from services.clock import now_iso
from services.errors import Conflict, InvalidInput
from services.models import (
    Article,
    ArticleDraft,
    ArticleVersion,
    AuditEntry,
    AuditLink,
    AuditQuery,
    Customer,
    DraftRecord,
    DraftSection,
    DraftSentence,
    DraftSource,
    Order,
    SessionRecord,
    User,
)

__all__ = ["SqliteArticles", "SqliteAssist", "SqliteAudit", "SqliteConversations", "SqliteCustomers",
           "SqliteSessions", "SqliteUsers", "change_summary", "draft_payload", "row_to", "split_tags",
           "stale_article", "submission_order"]

ARTICLE_FIELDS = {"title", "body", "category", "status", "language", "tags", "owner", "note"}


def _entry(row: sqlite3.Row | dict[str, Any]) -> AuditEntry:
    return AuditEntry(int(row["id"]), row["at"], row["actor"], row["action"], row["entity"], row["entity_id"],
                      row["detail"] or "")


def _like_escaped(text: str) -> str:
    """Text matched literally by LIKE ... ESCAPE '!'."""
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def row_to(cls: type, row: sqlite3.Row | dict[str, Any]) -> Any:
    """A dataclass from a row, ignoring columns the dataclass does not have."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: row[k] for k in row.keys() if k in names})


class _Repository:
    def __init__(self, tx: Transaction) -> None:
        self.tx = tx


class SqliteUsers(_Repository):
    def add(self, username: str, display_name: str, role: str, password_hash: str) -> User:
        pk = self.tx.insert("users", {"username": username, "display_name": display_name, "role": role,
                                      "password_hash": password_hash, "created_at": now_iso()},
                            conflict=f"user {username!r} already exists")
        return User(pk, username, display_name, role)

    def get(self, username: str) -> User:
        return row_to(User, self.tx.one("SELECT * FROM users WHERE username = ?", [username], f"user {username!r}"))

    def password_hash(self, username: str) -> str:
        return self.tx.one("SELECT password_hash FROM users WHERE username = ?", [username],
                           f"user {username!r}")[0]

    def all(self) -> list[User]:
        return [row_to(User, r) for r in self.tx.rows("SELECT * FROM users ORDER BY id")]


class SqliteSessions(_Repository):
    def secret(self, name: str) -> str:
        return self.tx.one("SELECT value FROM app_secrets WHERE name = ?", [name], f"secret {name!r}")[0]

    def add(self, token_hash: str, username: str, expires_at: str) -> SessionRecord:
        at = now_iso()
        record = SessionRecord(token_hash, username, at, at, expires_at, "")
        self.tx.insert("sessions", asdict(record), conflict="this session already exists")
        return record

    def get(self, token_hash: str) -> SessionRecord:
        return row_to(SessionRecord, self.tx.one("SELECT * FROM sessions WHERE token_hash = ?", [token_hash],
                                                 "session"))

    def open_among(self, token_hashes: Sequence[str], now: str) -> set[str]:
        hashes = list(dict.fromkeys(token_hashes))
        found: set[str] = set()
        for start in range(0, len(hashes), 500):  # well under SQLite's limit of bound parameters
            chunk = hashes[start:start + 500]
            found.update(r[0] for r in self.tx.rows(
                "SELECT s.token_hash FROM sessions s JOIN users u ON u.username = s.username "
                f"WHERE s.token_hash IN ({', '.join('?' * len(chunk))}) AND s.revoked_at = '' AND s.expires_at > ?",
                [*chunk, now]))
        return found

    def touch(self, token_hash: str, expires_at: str) -> None:
        self.tx.write("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?",
                      [now_iso(), expires_at, token_hash])

    def revoke_all(self, username: str) -> int:
        return self.tx.write("UPDATE sessions SET revoked_at = ? WHERE username = ? AND revoked_at = ''",
                             [now_iso(), username]).rowcount

    def purge(self, before: str) -> None:
        self.tx.write("DELETE FROM sessions WHERE expires_at < ? OR (revoked_at != '' AND revoked_at < ?)",
                      [before, before])

    def failure_state(self, scope: str, key: str) -> tuple[int, str, str]:
        rows = self.tx.rows("SELECT failures, last_at, locked_until FROM sign_in_failures WHERE scope = ? AND key = ?",
                            [scope, key])
        return (rows[0][0], rows[0][1], rows[0][2] or "") if rows else (0, "", "")

    def add_failure(self, scope: str, key: str, forget_before: str) -> int:
        self.tx.write("INSERT INTO sign_in_failures (scope, key, failures, last_at) VALUES (?, ?, 1, ?) "
                      "ON CONFLICT (scope, key) DO UPDATE SET "
                      "failures = CASE WHEN last_at < ? THEN 1 ELSE failures + 1 END, last_at = excluded.last_at",
                      [scope, key, now_iso(), forget_before])
        return self.tx.scalar("SELECT failures FROM sign_in_failures WHERE scope = ? AND key = ?", [scope, key])

    def lock(self, scope: str, key: str, until: str) -> None:
        self.tx.write("UPDATE sign_in_failures SET locked_until = ? WHERE scope = ? AND key = ?", [until, scope, key])

    def clear_failures(self, scope: str, key: str) -> None:
        self.tx.write("DELETE FROM sign_in_failures WHERE scope = ? AND key = ?", [scope, key])


def _order_row(order: Order) -> dict[str, Any]:
    row = asdict(order)
    row["items"] = json.dumps(list(order.items))
    if not row["id"]:
        row.pop("id")
    return row


def _order(row: sqlite3.Row) -> Order:
    return row_to(Order, {**dict(row), "items": tuple(json.loads(row["items"]))})


class SqliteCustomers(_Repository):
    """E-mail, phone and handle are stored encrypted (field_crypto.py), the e-mail's keyed hash beside it."""

    def add(self, customer: Customer) -> Customer:
        row = asdict(customer)
        if not row["id"]:
            row.pop("id")
        return self.get(self.tx.insert("customers", self.tx.codec.seal_row("customers", row),
                                       conflict=f"customer {customer.id} already exists"))

    def add_many(self, customers: Sequence[Customer]) -> None:
        for customer in customers:
            self.tx.insert("customers", self.tx.codec.seal_row("customers", asdict(customer)),
                           conflict=f"customer {customer.id} already exists")

    def get(self, customer_id: int) -> Customer:
        return self._customer(self.tx.one("SELECT * FROM customers WHERE id = ?", [customer_id],
                                          f"customer {customer_id}"))

    def all(self) -> list[Customer]:
        return [self._customer(r) for r in self.tx.rows("SELECT * FROM customers ORDER BY id")]

    def _customer(self, row: sqlite3.Row) -> Customer:
        return row_to(Customer, self.tx.codec.open_row("customers", row))

    def add_order(self, order: Order) -> Order:
        pk = self.tx.insert("orders", _order_row(order), conflict=f"order {order.number} already exists",
                            missing=f"customer {order.customer_id} not found")
        return _order(self.tx.one("SELECT * FROM orders WHERE id = ?", [pk], f"order {pk}"))

    def add_orders(self, orders: Sequence[Order]) -> None:
        for order in orders:
            self.tx.insert("orders", _order_row(order), conflict=f"order {order.number} already exists",
                           missing=f"customer {order.customer_id} not found")

    def orders_for(self, customer_id: int) -> list[Order]:
        rows = self.tx.rows("SELECT * FROM orders WHERE customer_id = ? ORDER BY placed_at DESC", [customer_id])
        return [_order(r) for r in rows]

    def find_order(self, number: str) -> Order:
        return _order(self.tx.one("SELECT * FROM orders WHERE number = ?", [number], f"order {number}"))


def _article(row: sqlite3.Row | dict[str, Any]) -> Article:
    values = {key: row[key] for key in row.keys()}
    values["tags"] = split_tags(values.get("tags") or "")
    return row_to(Article, values)


def split_tags(text: str) -> tuple[str, ...]:
    """Tags as stored (comma-separated; a tag never holds a comma) back to a tuple."""
    return tuple(tag for tag in text.split(",") if tag)


class SqliteArticles(_Repository):
    def add(self, article: Article, actor: str | None = None, summary: str = "Created") -> Article:
        row = {**asdict(article), "tags": ",".join(article.tags)}
        row.pop("id")
        pk = self.tx.insert("kb_articles", row, conflict=f"article {article.slug!r} already exists",
                            missing=f"source article {article.source_id} not found")
        self._record_version(pk, row, actor or ("seed" if article.status == "approved" else "system"), summary)
        return self.get(pk)

    def _record_version(self, article_id: int, row: dict[str, Any], actor: str, summary: str) -> None:
        self.tx.insert("kb_article_versions", {
            "article_id": article_id, "version": row["version"], "title": row["title"], "body": row["body"],
            "status": row["status"], "changed_by": actor, "changed_at": row["updated_at"],
            "category": row["category"], "language": row["language"], "tags": row["tags"], "note": row["note"],
            "summary": summary}, conflict=f"article {article_id} was changed by someone else; reload it")

    def get(self, article_id: int) -> Article:
        return _article(self.tx.one("SELECT * FROM kb_articles WHERE id = ?", [article_id], f"article {article_id}"))

    def all(self, status: str | None = None) -> list[Article]:
        where, args = ("WHERE status = ?", [status]) if status else ("", [])
        return [_article(r) for r in self.tx.rows(f"SELECT * FROM kb_articles {where} ORDER BY id", args)]

    def update(self, article_id: int, actor: str, *, expected_version: int | None = None, summary: str = "",
               **changes: Any) -> Article:
        unknown = set(changes) - ARTICLE_FIELDS
        if unknown:
            raise InvalidInput(f"cannot change {', '.join(sorted(unknown))} of an article")
        current = asdict(self.get(article_id))
        if expected_version is not None and current["version"] != expected_version:
            raise Conflict(stale_article(article_id, expected_version, current["version"]))
        summary = summary or change_summary(current, changes)
        row = {**current, **changes, "version": current["version"] + 1, "updated_at": now_iso()}
        row["tags"] = ",".join(row["tags"])
        columns = (*changes, "version", "updated_at")
        cursor = self.tx.write(f"UPDATE kb_articles SET {', '.join(f'{c} = ?' for c in columns)} "
                               "WHERE id = ? AND version = ?",
                               [*(row[c] for c in columns), article_id, current["version"]])
        if cursor.rowcount != 1:  # another unit of work saved it between our read and this write
            raise Conflict(stale_article(article_id, current["version"], None))
        self._record_version(article_id, row, actor, summary)
        return self.get(article_id)

    def versions(self, article_id: int) -> list[ArticleVersion]:
        rows = self.tx.rows("SELECT * FROM kb_article_versions WHERE article_id = ? ORDER BY version", [article_id])
        return [_version(r) for r in rows]

    def assign(self, article_id: int, assignee: str) -> Article:
        self.tx.write("UPDATE kb_articles SET assignee = ? WHERE id = ?", [assignee, article_id])
        return self.get(article_id)

    def submitted(self) -> list[tuple[Article, ArticleVersion]]:
        articles = [_article(r) for r in self.tx.rows("SELECT * FROM kb_articles WHERE status = 'in_review'")]
        rows = self.tx.rows("SELECT v.* FROM kb_article_versions v JOIN kb_articles a ON a.id = v.article_id "
                            "AND a.version = v.version WHERE a.status = 'in_review' ORDER BY v.id")
        latest = {r["article_id"]: _version(r) for r in rows}  # a legacy duplicate number: the last one written
        return submission_order(articles, latest)

    def add_draft_record(self, record: DraftRecord) -> None:
        self.get(record.article_id)  # NotFound before anything is written
        self.tx.insert("kb_drafts", {"article_id": record.article_id, "topic": record.topic,
                                     "provider": record.provider, "created_by": record.created_by,
                                     "created_at": record.created_at, "payload": draft_payload(record)},
                       conflict=f"article {record.article_id} already has a draft record")

    def draft_record(self, article_id: int) -> DraftRecord | None:
        rows = self.tx.rows("SELECT * FROM kb_drafts WHERE article_id = ?", [article_id])
        return _draft_record(rows[0]) if rows else None

    def draft_records(self, limit: int = 100) -> list[DraftRecord]:
        rows = self.tx.rows("SELECT * FROM kb_drafts ORDER BY created_at DESC, article_id DESC LIMIT ?", [limit])
        return [_draft_record(r) for r in rows]


def _version(row: sqlite3.Row | dict[str, Any]) -> ArticleVersion:
    return row_to(ArticleVersion, {**{key: row[key] for key in row.keys()}, "tags": split_tags(row["tags"] or "")})


def submission_order(articles: list[Article],
                     latest: dict[int, ArticleVersion]) -> list[tuple[Article, ArticleVersion]]:
    """Each article in review with its latest version (made up from the article when none was recorded), oldest
    submission first, then by id."""
    pairs = [(a, latest.get(a.id) or ArticleVersion(a.id, a.version, a.title, a.body, a.status, "", a.updated_at,
                                                    a.category, a.language, a.tags, a.note)) for a in articles]
    return sorted(pairs, key=lambda pair: (pair[1].changed_at, pair[0].id))


def draft_payload(record: DraftRecord) -> str:
    """The sources and the draft of a record as JSON (what kb_drafts.payload holds)."""
    return json.dumps({"sources": [asdict(s) for s in record.sources], "draft": asdict(record.draft)},
                      ensure_ascii=False)


def _draft_record(row: sqlite3.Row | dict[str, Any]) -> DraftRecord:
    payload = json.loads(row["payload"])
    draft = payload["draft"]
    sections = tuple(DraftSection(s["heading"], tuple(DraftSentence(x["text"], x["source"]) for x in s["sentences"]))
                     for s in draft["sections"])
    return DraftRecord(int(row["article_id"]), row["topic"], row["provider"], row["created_by"], row["created_at"],
                       tuple(DraftSource(**s) for s in payload["sources"]),
                       ArticleDraft(draft["title"], sections, draft["provider"]))


def stale_article(article_id: int, expected: int, found: int | None) -> str:
    now = f" (it is at version {found} now)" if found is not None else ""
    return (f"article {article_id} was changed by someone else since version {expected}{now}; "
            "reload it and make your change again")


def change_summary(current: dict[str, Any], changes: dict[str, Any]) -> str:
    """What an update changed, in words: "Edited title, body" (fields in the order given)."""
    changed = [name.replace("category", "product area") for name, value in changes.items()
               if value != current[name]]
    return f"Edited {', '.join(changed)}" if changed else "Saved without changes"


class SqliteAudit(_Repository):
    """The append-only, hash-chained audit log (services/audit_chain.py). ``record`` only queues the entry: the
    unit of work appends the queued entries just before it commits, holding the write lock for those few
    statements (one read of the chain's head, one insert per entry); reads of the log write the queue first."""

    REDACT_BATCH = 500
    INSERT_BATCH = 500  # rows per INSERT (9 parameters each)

    def record(self, actor: str, action: str, entity: str, entity_id: str, detail: str = "") -> None:
        pending = self._pending()
        if not pending:
            self.tx.before_commit.append(self._append_pending)
        pending.append((now_iso(), actor, action, entity, str(entity_id), detail or ""))

    def _pending(self) -> list[tuple[str, str, str, str, str, str]]:
        return self.tx.audit_pending  # shared by every repository on this transaction (nested units of work)

    def _head(self, count: int) -> tuple[str, list[int]]:
        """The chain's head hash and the ids of the next ``count`` entries (BEGIN IMMEDIATE holds the one write
        lock: nobody appends meanwhile)."""
        head = self.tx.final("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        head_id, previous = (int(head[0][0]), str(head[0][1])) if head else (0, GENESIS)
        return previous, list(range(head_id + 1, head_id + count + 1))

    def _append_pending(self) -> None:
        pending = self._pending()
        if not pending:
            return
        previous, ids = self._head(len(pending))
        rows: list[list[Any]] = []
        key = self.tx.codec.audit_key
        for entry_id, (at, actor, action, entity, entity_id, detail) in zip(ids, pending, strict=True):
            digest = detail_digest(detail, key)
            previous = link_hash(previous, entry_id, at, actor, action, entity, entity_id, digest)
            rows.append([entry_id, at, actor, action, entity, entity_id, detail, digest, previous])
        for start in range(0, len(rows), self.INSERT_BATCH):
            batch = rows[start:start + self.INSERT_BATCH]
            self.tx.final("INSERT INTO audit_log (id, at, actor, action, entity, entity_id, detail, detail_digest, "
                          f"hash) VALUES {', '.join(['(?, ?, ?, ?, ?, ?, ?, ?, ?)'] * len(batch))}",
                          [value for row in batch for value in row])
        pending.clear()

    def _flushed(self) -> None:
        """Entries recorded in this unit of work are seen by its own reads of the log."""
        if self._pending():
            self._append_pending()

    def redact_details(self, entry_ids: Sequence[int]) -> int:
        self._flushed()
        ids = sorted({int(i) for i in entry_ids})
        changed = 0
        for start in range(0, len(ids), self.REDACT_BATCH):
            batch = ids[start:start + self.REDACT_BATCH]
            cursor = self.tx.write(f"UPDATE audit_log SET detail = ? WHERE id IN ({','.join('?' * len(batch))}) "
                                   "AND (detail IS NULL OR detail <> ?)", [ERASED, *batch, ERASED])
            changed += max(cursor.rowcount, 0)
        return changed

    def entries(self, limit: int = 100, actor: str | None = None) -> list[AuditEntry]:
        self._flushed()
        where, args = ("WHERE actor = ?", [actor]) if actor else ("", [])
        rows = self.tx.rows(f"SELECT * FROM audit_log {where} ORDER BY id DESC LIMIT ?", [*args, limit])
        return [_entry(r) for r in rows]

    def trail(self, entity: str, entity_id: str, limit: int = 200) -> list[AuditEntry]:
        self._flushed()
        rows = self.tx.rows("SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT ?",
                            [entity, str(entity_id), limit])
        return [_entry(r) for r in reversed(rows)]

    def search(self, query: AuditQuery, limit: int = 500) -> list[AuditEntry]:
        self._flushed()
        clauses, args = ["1 = 1"], []
        for column in ("actor", "action", "entity", "entity_id"):
            if getattr(query, column):
                clauses.append(f"{column} = ?")
                args.append(getattr(query, column))
        if query.since:
            clauses.append("at >= ?")
            args.append(query.since)
        if query.until:
            clauses.append("at <= ?")
            args.append(query.until)
        if query.text:
            pattern = "%" + _like_escaped(query.text.lower()) + "%"
            clauses.append("(" + " OR ".join(f"lower(COALESCE({c}, '')) LIKE ? ESCAPE '!'"
                                             for c in ("actor", "action", "entity_id", "detail")) + ")")
            args.extend([pattern] * 4)
        rows = self.tx.rows(f"SELECT * FROM audit_log WHERE {' AND '.join(clauses)} "  # noqa: S608 - our columns
                            "ORDER BY id DESC LIMIT ?", [*args, limit])
        return [_entry(r) for r in rows]

    def detail_matches(self, detail: str, digest: str) -> bool:
        return digest_matches(detail, digest, self.tx.codec.audit_key)

    def chain(self, after_id: int = 0, limit: int = 5000) -> list[AuditLink]:
        self._flushed()
        rows = self.tx.rows("SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?", [after_id, limit])
        return [AuditLink(int(r["id"]), r["at"], r["actor"], r["action"], r["entity"], r["entity_id"],
                          r["detail"] or "", r["detail_digest"], r["hash"]) for r in rows]

    def add_event(self, kind: str, conversation_id: int | None, payload: str = "{}") -> int:
        return self.tx.insert("events", {"at": now_iso(), "kind": kind, "conversation_id": conversation_id,
                                         "payload": payload})
