"""PrivacyRepository on SQLite (and, through the PostgreSQL Transaction, on PostgreSQL): every row about one
customer, and the removal of personal data from a customer's rows and from their conversations (services/data_rights.py).

What "personal data" means here is decided once, in ``CONVERSATION_TEXT`` and the statements below: free text written by
or about the customer (messages, subjects, notes, mails, analyses' entities and masked text, suggestions) and their
identifiers (name, e-mail, phone, city, handle, tracking numbers, integration ids, Message-IDs). What stays are the
facts analytics count: channel, status, queue, agent, timestamps, CSAT, KPI columns, intent and sentiment labels,
ratings, routes, order totals.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

from services.adapters.local.field_crypto import ENCRYPTED
from services.adapters.local.sqlite_repositories import _Repository
from services.errors import NotFound

_FROM = re.compile(r"\bFROM ([a-z_]+)")  # the table a customer_rows query reads (our own SQL)

ERASED = "[erased]"
CHUNK = 400  # ids per IN (...) list: far below both engines' parameter limits
# events keep only these payload keys (ids and the assistant's figures); an agent reply's "subject" goes
EVENT_KEYS = frozenset({"message_id", "to", "source", "confidence", "reasons"})
_DRAFT_REF = re.compile(r"\bconversation (\d{1,18})$")
# analyses.payload keys whose content is about what was said; the labels and figures stay
_ANALYSIS_CLEARED = {"entities": [], "pii": [], "masked_text": ERASED}
# tables that may quote a customer in free text written by staff: (table, key column, text columns)
QUOTING = (("kb_articles", "id", ("title", "body")),
           ("kb_article_versions", "id", ("title", "body")),
           ("kb_passages", "id", ("title", "body")),
           ("kb_drafts", "article_id", ("payload",)),
           ("kb_search_misses", "id", ("query",)))


def chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    ids = sorted({int(i) for i in ids})
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _like(needle: str, lower: bool = True) -> str:
    """A LIKE pattern matching needle anywhere (lower-cased unless told), LIKE's wildcards escaped (ESCAPE '\\')."""
    text = needle.lower() if lower else needle
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _holds(columns: Sequence[str], needles: Sequence[str]) -> tuple[str, list[str]]:
    """A WHERE condition (and its arguments) for rows whose columns may hold a needle: lower(column) LIKE the
    lower-cased needle, or the column LIKE the needle as written (SQLite's lower() and LIKE fold ASCII letters only:
    "Élodie" is found as written or in ASCII case changes). Candidates: the caller checks with _pattern."""
    sql = " OR ".join(f"lower({c}) LIKE ? ESCAPE '\\' OR {c} LIKE ? ESCAPE '\\'" for c in columns for _ in needles)
    return sql, [p for _ in columns for n in needles for p in (_like(n), _like(n, lower=False))]


def _pattern(needles: Sequence[str]) -> re.Pattern[str]:
    """The needles as whole words (not inside a longer word: "Ann Lee" is not in "Ann Leeds"), any case, longest
    first."""
    alternatives = "|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def scrub(text: str, needles: Sequence[str]) -> str:
    """text with every needle (any case, as a whole word) replaced by [erased]."""
    return _pattern(needles).sub(ERASED, text) if needles else text


def _analysis_payload(payload: str) -> str:
    try:
        data = json.loads(payload)
    except ValueError:
        return json.dumps({"masked_text": ERASED})
    if not isinstance(data, dict):
        return json.dumps({"masked_text": ERASED})
    data.update(_ANALYSIS_CLEARED)
    data["suggestions"] = [{**s, "text": ERASED, "facts": []} for s in data.get("suggestions") or ()
                           if isinstance(s, dict)]
    return json.dumps(data, sort_keys=True)


def _event_payload(payload: str) -> str:
    try:
        data = json.loads(payload or "{}")
    except ValueError:
        return "{}"
    if not isinstance(data, dict):
        return "{}"
    return json.dumps({k: v for k, v in data.items() if k in EVENT_KEYS})


class SqlitePrivacy(_Repository):
    # ---- export ----------------------------------------------------------------------------------------------
    def customer_rows(self, customer_id: int) -> dict[str, list[dict[str, Any]]]:
        rows = self.tx.rows("SELECT * FROM customers WHERE id = ?", [customer_id])
        if not rows:
            raise NotFound(f"customer {customer_id} not found")
        out: dict[str, list[dict[str, Any]]] = {"customers": [self._plain("customers", r) for r in rows]}
        out["orders"] = self._dicts("SELECT * FROM orders WHERE customer_id = ? ORDER BY id", [customer_id])
        out["api_customers"] = self._dicts("SELECT * FROM api_customers WHERE customer_id = ? ORDER BY key_id, "
                                           "external_id", [customer_id])
        out["conversations"] = self._dicts("SELECT * FROM conversations WHERE customer_id = ? ORDER BY id",
                                           [customer_id])
        conversations = [int(c["id"]) for c in out["conversations"]]
        for table, order in (("messages", "id"), ("escalations", "id"), ("events", "id"), ("mail_messages", "id"),
                             ("mail_outbox", "id"), ("social_outbox", "id"), ("conversation_routes", "conversation_id"),
                             ("assistant_ratings", "message_id"), ("api_threads", "key_id, thread_id"),
                             ("kb_usage", "id")):
            out[table] = self._by_ids(f"SELECT * FROM {table} WHERE conversation_id IN ({{marks}}) "  # noqa: S608
                                      f"ORDER BY {order}", conversations)
        messages = [int(m["id"]) for m in out["messages"]]
        for table, order in (("analyses", "message_id"), ("suggestions", "id"), ("analysis_claims", "message_id")):
            out[table] = self._by_ids(f"SELECT * FROM {table} WHERE message_id IN ({{marks}}) "  # noqa: S608
                                      f"ORDER BY {order}", messages)
        out["audit_log"] = self._dicts_by_id(self.audit_about(customer_id, conversations, messages, ()))
        return out

    def _dicts(self, sql: str, args: Sequence[Any]) -> list[dict[str, Any]]:
        table = _FROM.search(sql)
        return [self._plain(table[1] if table else "", r) for r in self.tx.rows(sql, args)]

    def _plain(self, table: str, row: Any) -> dict[str, Any]:
        """A row as the admin reads it: its encrypted columns decrypted (an export is never ciphertext)."""
        return self.tx.codec.open_row(table, row) if table in ENCRYPTED else dict(zip(row.keys(), row, strict=True))

    def _by_ids(self, sql: str, ids: Sequence[int]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for chunk in chunks(ids):
            found += self._dicts(sql.format(marks=_marks(len(chunk))), chunk)
        return found

    def _dicts_by_id(self, entry_ids: Sequence[int]) -> list[dict[str, Any]]:
        return self._by_ids("SELECT * FROM audit_log WHERE id IN ({marks}) ORDER BY id", entry_ids)

    # ---- which rows ----------------------------------------------------------------------------------------------
    def conversations_of(self, customer_id: int) -> list[int]:
        return [int(r[0]) for r in self.tx.rows("SELECT id FROM conversations WHERE customer_id = ? ORDER BY id",
                                                [customer_id])]

    def messages_of(self, conversation_ids: Sequence[int]) -> list[int]:
        found: list[int] = []
        for chunk in chunks(conversation_ids):
            found += [int(r[0]) for r in self.tx.rows(
                f"SELECT id FROM messages WHERE conversation_id IN ({_marks(len(chunk))})", chunk)]  # noqa: S608
        return sorted(found)

    def audit_about(self, customer_id: int, conversation_ids: Sequence[int], message_ids: Sequence[int],
                    needles: Sequence[str]) -> list[int]:
        found = {int(r[0]) for r in self.tx.rows(
            "SELECT id FROM audit_log WHERE entity = 'customer' AND entity_id = ?", [str(customer_id)])}
        for entity, ids in (("conversation", conversation_ids), ("message", message_ids)):
            for chunk in chunks(ids):
                found |= {int(r[0]) for r in self.tx.rows(
                    f"SELECT id FROM audit_log WHERE entity = ? AND entity_id IN ({_marks(len(chunk))})",  # noqa: S608
                    [entity, *map(str, chunk)])}
        for chunk in chunks(conversation_ids):  # calls and API reads name the integration's thread id
            threads = [str(r[0]) for r in self.tx.rows(
                f"SELECT thread_id FROM api_threads WHERE conversation_id IN ({_marks(len(chunk))})",  # noqa: S608
                chunk)]
            for start in range(0, len(threads), CHUNK):
                part = threads[start:start + CHUNK]
                found |= {int(r[0]) for r in self.tx.rows(
                    f"SELECT id FROM audit_log WHERE entity = 'thread' AND entity_id IN ({_marks(len(part))})",  # noqa: S608
                    part)}
        if needles:
            pattern = _pattern(needles)
            where, args = _holds(("detail",), needles)
            found |= {int(r[0]) for r in self.tx.rows(f"SELECT id, detail FROM audit_log WHERE {where}",  # noqa: S608
                                                      args) if pattern.search(r[1] or "")}
        return sorted(found)

    def retention_due(self, closed_before: str, limit: int) -> list[int]:
        rows = self.tx.rows(
            "SELECT id FROM conversations WHERE status = 'resolved' AND resolved_at <> '' AND resolved_at < ? "
            "AND anonymised_at < updated_at ORDER BY resolved_at, id LIMIT ?", [closed_before, max(int(limit), 0)])
        return [int(r[0]) for r in rows]

    # ---- erasure -------------------------------------------------------------------------------------------------
    def secure_delete(self) -> None:
        """Open the write transaction now (BEGIN IMMEDIATE: what is read after it is what gets erased, no writer in
        between) with freed space overwritten by zeros (SQLite's secure_delete pragma, on this unit of work's own
        connection only)."""
        self.tx.write("PRAGMA secure_delete = ON")

    def erase_conversations(self, conversation_ids: Sequence[int], at: str) -> dict[str, int]:
        changed: dict[str, int] = {}

        def count(table: str, n: int) -> None:
            changed[table] = changed.get(table, 0) + max(n, 0)

        for chunk in chunks(conversation_ids):
            marks, args = _marks(len(chunk)), list(chunk)
            messages = [int(r[0]) for r in self.tx.rows(
                f"SELECT id FROM messages WHERE conversation_id IN ({marks})", args)]  # noqa: S608
            quoted = {t for r in self.tx.rows(f"SELECT text, masked_text FROM messages "  # noqa: S608
                                              f"WHERE conversation_id IN ({marks})", args) for t in r if t}
            count("messages", self.tx.write(
                f"UPDATE messages SET text = ?, masked_text = ?, original = '', "  # noqa: S608
                f"author = CASE WHEN author_role = 'customer' THEN '' ELSE author END "
                f"WHERE conversation_id IN ({marks})", [ERASED, ERASED, *args]).rowcount)
            for part in chunks(messages):
                pmarks = _marks(len(part))
                for row in self.tx.rows(f"SELECT message_id, payload FROM analyses "  # noqa: S608
                                        f"WHERE message_id IN ({pmarks})", part):
                    count("analyses", self.tx.write("UPDATE analyses SET payload = ? WHERE message_id = ?",
                                                    [_analysis_payload(row[1]), row[0]]).rowcount)
                count("suggestions", self.tx.write(
                    f"UPDATE suggestions SET text = ?, final_text = '' WHERE message_id IN ({pmarks})",  # noqa: S608
                    [ERASED, *part]).rowcount)
            count("escalations", self.tx.write(
                f"UPDATE escalations SET note = '', masked_note = '', outcome_note = '' "  # noqa: S608
                f"WHERE conversation_id IN ({marks})", args).rowcount)
            count("mail_messages", self.tx.write(
                f"UPDATE mail_messages SET message_id = 'erased:' || id, address = '', subject = '', refs = '', "  # noqa: S608
                f"full_text = '', attachments = '[]' WHERE conversation_id IN ({marks})", args).rowcount)
            count("mail_outbox", self.tx.write(
                f"UPDATE mail_outbox SET recipient = '', subject = '', body = '', message_id = 'erased:' || id, "  # noqa: S608
                f"in_reply_to = '', refs = '', last_error = '', "
                f"status = CASE WHEN status = 'sent' THEN status ELSE 'failed' END "
                f"WHERE conversation_id IN ({marks})", args).rowcount)
            count("social_outbox", self.tx.write(  # an unsent reply is never sent after this
                f"UPDATE social_outbox SET body = '', recipient = '', last_error = '', platform_id = '', "  # noqa: S608
                f"status = CASE WHEN status = 'sent' THEN status ELSE 'failed' END "
                f"WHERE conversation_id IN ({marks}) AND (body <> '' OR recipient <> '' OR status = 'queued')",
                args).rowcount)
            for row in self.tx.rows(f"SELECT id, payload FROM events WHERE conversation_id IN ({marks})",  # noqa: S608
                                    args):
                kept = _event_payload(row[1])
                if kept != row[1]:
                    count("events", self.tx.write("UPDATE events SET payload = ? WHERE id = ?", [kept, row[0]]).rowcount)
            count("api_threads", self.tx.write(
                f"DELETE FROM api_threads WHERE conversation_id IN ({marks})", args).rowcount)  # noqa: S608
            count("conversations", self.tx.write(
                f"UPDATE conversations SET subject = '', "  # noqa: S608
                f"anonymised_at = CASE WHEN updated_at > ? THEN updated_at ELSE ? END WHERE id IN ({marks})",
                [at, at, *args]).rowcount)
            count("kb_drafts", self._erase_draft_sources(set(chunk), quoted))
        return {table: n for table, n in changed.items() if n}

    def _erase_draft_sources(self, conversation_ids: set[int], quoted: set[str]) -> int:
        """Draft provenance quoting these conversations: a source naming one of them, or repeating one of their
        messages, keeps its kind and ref; its text is erased."""
        changed = 0
        for row in self.tx.rows("SELECT article_id, payload FROM kb_drafts ORDER BY article_id"):
            payload = json.loads(row[1])
            hit = False
            for source in payload.get("sources", ()):
                ref = _DRAFT_REF.search(str(source.get("ref", "")))
                if source.get("text") and ((ref and int(ref.group(1)) in conversation_ids)
                                           or source["text"] in quoted):
                    source["text"], hit = ERASED, True
            if hit:
                changed += self.tx.write("UPDATE kb_drafts SET payload = ? WHERE article_id = ?",
                                         [json.dumps(payload, ensure_ascii=False), row[0]]).rowcount
        return changed

    def erase_customer(self, customer_id: int, at: str) -> dict[str, int]:
        if not self.tx.rows("SELECT 1 FROM customers WHERE id = ?", [customer_id]):
            raise NotFound(f"customer {customer_id} not found")
        changed = self.erase_conversations(self.conversations_of(customer_id), at)
        changed["customers"] = self.tx.write(
            "UPDATE customers SET name = ?, email = NULL, email_hmac = NULL, phone = NULL, city = NULL, handle = '', "
            "erased_at = ? "
            "WHERE id = ?", [ERASED, at, customer_id]).rowcount
        changed["orders"] = self.tx.write(
            "UPDATE orders SET tracking_number = '' WHERE customer_id = ? AND tracking_number <> ''",
            [customer_id]).rowcount
        changed["api_customers"] = self.tx.write("DELETE FROM api_customers WHERE customer_id = ?",
                                                 [customer_id]).rowcount
        return {table: n for table, n in changed.items() if n}

    def _quoting_rows(self, table: str, key: str, columns: Sequence[str], needles: Sequence[str],
                      every_column: bool = False) -> list[Any]:
        """The rows of table whose text columns hold a needle as a whole word (LIKE finds the candidates)."""
        where, args = _holds(columns, needles)
        selected = "*" if every_column else f"{key}, {', '.join(columns)}"
        pattern = _pattern(needles)
        return [row for row in self.tx.rows(f"SELECT {selected} FROM {table} WHERE {where} "  # noqa: S608
                                            f"ORDER BY {key}", args)
                if any(pattern.search(row[c] or "") for c in columns)]

    def quoting(self, needles: Sequence[str], conversation_ids: Sequence[int]) -> dict[str, list[dict[str, Any]]]:
        needles = [n for n in needles if n]
        out: dict[str, list[dict[str, Any]]] = {}
        for table, key, columns in QUOTING:
            if table == "kb_passages" or not needles:  # the search index's copy of kb_articles (and its vectors)
                continue
            out[table] = [dict(zip(r.keys(), r, strict=True))
                          for r in self._quoting_rows(table, key, columns, needles, every_column=True)]
        wanted = {int(i) for i in conversation_ids}
        known = {row["article_id"] for row in out.get("kb_drafts", [])}
        for row in self.tx.rows("SELECT * FROM kb_drafts ORDER BY article_id"):
            refs = [_DRAFT_REF.search(str(s.get("ref", ""))) for s in json.loads(row["payload"]).get("sources", ())]
            if row["article_id"] not in known and any(r and int(r.group(1)) in wanted for r in refs):
                out.setdefault("kb_drafts", []).append(dict(zip(row.keys(), row, strict=True)))
        return {table: rows for table, rows in out.items() if rows}

    def erase_quotes(self, needles: Sequence[str]) -> dict[str, int]:
        changed: dict[str, int] = {}
        needles = [n for n in needles if n]
        if not needles:
            return changed
        for table, key, columns in QUOTING:
            for row in self._quoting_rows(table, key, columns, needles):
                values = [scrub(row[i + 1] or "", needles) if table != "kb_drafts"
                          else self._scrub_json(row[i + 1], needles) for i in range(len(columns))]
                sets = ", ".join(f"{c} = ?" for c in columns)
                changed[table] = changed.get(table, 0) + self.tx.write(
                    f"UPDATE {table} SET {sets} WHERE {key} = ?", [*values, row[0]]).rowcount  # noqa: S608
        return changed

    @staticmethod
    def _scrub_json(payload: str, needles: Sequence[str]) -> str:
        """A JSON payload with the needles erased inside its strings (the JSON stays valid)."""
        def walk(value: Any) -> Any:
            if isinstance(value, str):
                return scrub(value, needles)
            if isinstance(value, list):
                return [walk(v) for v in value]
            if isinstance(value, dict):
                return {k: walk(v) for k, v in value.items()}
            return value
        return json.dumps(walk(json.loads(payload)), ensure_ascii=False)
