"""Conversations, messages, the queue, assist results and escalations on SQLite (see sqlite_repositories.py)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, fields
from typing import Any

from services.adapters.local import analysis_codec
from services.adapters.local.field_crypto import FieldCodec
from services.adapters.local.sqlite_uow import Transaction
from services.clock import now_iso, parse_iso
from services.errors import InvalidInput, NotFound
from services.models import (
    SUGGESTION_FEEDBACK,
    Analysis,
    Conversation,
    EscalationRecord,
    EscalationRow,
    Message,
    QueueRow,
    Route,
    SavedSuggestion,
    Suggestion,
)

CONVERSATION_FIELDS = {f.name for f in fields(Conversation)} - {"id"}
NOT_ANALYSED = "not_analysed"  # analyses.provider of a message whose analysis failed (payload: the reason)

# waiting_since: the oldest customer message after the last agent reply (the last reply the customer saw);
# internal notes, system lines and transfers do not count as an answer.
_QUEUE_SQL = """
SELECT c.id, c.customer_id, c.channel, c.status, c.subject, c.created_at, c.updated_at, c.assigned_agent, c.queue,
       c.resolution, c.csat, c.order_number, cu.name, cu.tier, m.masked_text, m.author_role, m.created_at,
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

_OPEN_ESCALATIONS_SQL = """
SELECT e.id, e.created_at, e.actor, e.score, e.reasons, e.note, e.masked_note,
       c.id, c.customer_id, c.channel, c.status, c.subject, c.created_at, c.updated_at, c.assigned_agent, c.queue,
       c.resolution, c.csat, c.order_number, cu.name, cu.tier, m.text, m.masked_text, a.sentiment
FROM escalations e
JOIN conversations c ON c.id = e.conversation_id
JOIN customers cu ON cu.id = c.customer_id
LEFT JOIN messages m ON m.id = (SELECT MAX(id) FROM messages WHERE conversation_id = c.id AND author_role = 'customer')
LEFT JOIN analyses a ON a.message_id = m.id
WHERE e.status = 'open' AND c.status = 'escalated'
  AND e.id = (SELECT MAX(id) FROM escalations WHERE conversation_id = c.id)
ORDER BY e.created_at DESC, e.id DESC
LIMIT ?
"""


# a conversation's customer messages by the best feedback their suggestions got (analytics' acceptance): one sent
# unchanged, else one edited, else all rejected
_WITH_FEEDBACK = ("SELECT COUNT(DISTINCT s.message_id) FROM suggestions s JOIN messages m ON m.id = s.message_id "
                  "WHERE m.conversation_id = {conversation} AND s.feedback = '{best}'")
_BETTER = (" AND NOT EXISTS (SELECT 1 FROM suggestions o WHERE o.message_id = s.message_id "
           "AND o.feedback IN ({better}))")
FEEDBACK_COUNTS = {
    "suggestions_accepted": _WITH_FEEDBACK.replace("{best}", "accepted"),
    "suggestions_edited": _WITH_FEEDBACK.replace("{best}", "edited") + _BETTER.replace("{better}", "'accepted'"),
    "suggestions_rejected": _WITH_FEEDBACK.replace("{best}", "rejected")
    + _BETTER.replace("{better}", "'accepted', 'edited'"),
}
_RECOUNT_FEEDBACK = "UPDATE conversations SET " + ", ".join(
    f"{column} = ({count.replace('{conversation}', '?')})" for column, count in FEEDBACK_COUNTS.items()
) + " WHERE id = ?"


def _conversation(row: sqlite3.Row | Sequence[Any], codec: FieldCodec) -> Conversation:
    """A conversation from its 12 columns, its subject decrypted (encrypted at rest: it may name the customer)."""
    values = list(row[:12])
    values[4] = codec.decrypt("conversations.subject", values[4]) or ""
    return Conversation(*values)


def seconds_between(start: str, end: str) -> int | None:
    """Whole seconds from start to end (ISO-8601 UTC text); None when either is not such a moment."""
    try:
        return max(0, round((parse_iso(end) - parse_iso(start)).total_seconds()))
    except (TypeError, ValueError):
        return None


def lifecycle(before: Conversation, changes: dict[str, Any], transfers: int, reopens: int) -> dict[str, Any]:
    """The analytics facts a change of the conversation moves (every repository applies the same rules):
    resolving stamps resolved_at and the handle time; leaving "resolved" counts a reopening; escalating marks it
    escalated; moving to another queue, other than by escalating, counts a transfer."""
    moved: dict[str, Any] = {}
    status, at = changes.get("status", before.status), changes["updated_at"]
    if status == "resolved" and before.status != "resolved":
        moved.update(resolved_at=at, handle_s=seconds_between(before.created_at, at))
    elif before.status == "resolved" and status != "resolved":
        moved.update(resolved_at="", handle_s=None, reopens=reopens + 1)
    if status == "escalated":
        moved["escalated"] = 1
    elif "queue" in changes and changes["queue"] != before.queue and before.status != "escalated":
        moved["transfers"] = transfers + 1
    return moved


class SqliteConversations:
    def __init__(self, tx: Transaction) -> None:
        self.tx = tx

    def add(self, conversation: Conversation) -> Conversation:
        row = asdict(conversation)
        row.pop("id")
        row["subject"] = self.tx.codec.encrypt("conversations.subject", row["subject"])
        return self.get(self.tx.insert("conversations", row,
                                       missing=f"customer {conversation.customer_id} not found"))

    def get(self, conversation_id: int) -> Conversation:
        return _conversation(self.tx.one("SELECT * FROM conversations WHERE id = ?", [conversation_id],
                                         f"conversation {conversation_id}"), self.tx.codec)

    def all(self, status: str | None = None, agent: str | None = None,
             customer_id: int | None = None) -> list[Conversation]:
        clauses, args = ["1"], []
        for column, value in (("status", status), ("assigned_agent", agent), ("customer_id", customer_id)):
            if value is not None:
                clauses.append(f"{column} = ?")
                args.append(value)
        rows = self.tx.rows(f"SELECT * FROM conversations WHERE {' AND '.join(clauses)} ORDER BY updated_at DESC",
                            args)
        return [_conversation(r, self.tx.codec) for r in rows]

    def update(self, conversation_id: int, **changes: Any) -> Conversation:
        unknown = set(changes) - CONVERSATION_FIELDS
        if unknown:
            raise InvalidInput(f"cannot change {', '.join(sorted(unknown))} of a conversation")
        before = self.get(conversation_id)
        changes = {**changes, "updated_at": now_iso()}
        changes.update(self._lifecycle(before, changes))
        if "subject" in changes:
            changes["subject"] = self.tx.codec.encrypt("conversations.subject", changes["subject"])
        self.tx.write(f"UPDATE conversations SET {', '.join(f'{c} = ?' for c in changes)} WHERE id = ?",
                      [*changes.values(), conversation_id])
        return self.get(conversation_id)

    def _lifecycle(self, before: Conversation, changes: dict[str, Any]) -> dict[str, Any]:
        """The analytics facts a change moves (schema migration 12, docs/metrics.md)."""
        facts = self.tx.one("SELECT transfers, reopens FROM conversations WHERE id = ?", [before.id],
                            f"conversation {before.id}")
        return lifecycle(before, changes, facts[0], facts[1])

    def queue(self, agent: str | None = None, statuses: Sequence[str] = ("open", "pending", "escalated"),
              limit: int = 2000) -> list[QueueRow]:
        where = f"c.status IN ({','.join('?' * len(statuses))})"
        args: list[Any] = list(statuses)
        if agent is not None:
            where += " AND (c.assigned_agent = ? OR c.assigned_agent = '')"
            args.append(agent)
        return [self._queue_row(r) for r in self.tx.rows(_QUEUE_SQL.format(where=where), [*args, limit])]

    def _queue_row(self, r: sqlite3.Row) -> QueueRow:
        conversation = _conversation(r, self.tx.codec)
        return QueueRow(conversation, r[12], r[13], r[14] or "", r[15] or "", r[16] or conversation.updated_at,
                        r[17] or "", bool(r[18]), r[19] or "", r[20] or "")

    def append_message(self, message: Message) -> Message:
        row = asdict(message)
        row.pop("id")
        row["created_at"] = row["created_at"] or now_iso()
        missing = f"conversation {message.conversation_id} not found"
        pk = self.tx.insert("messages", self.tx.codec.seal_row("messages", row), missing=missing)
        self.tx.write("UPDATE conversations SET updated_at = ? WHERE id = ?", [row["created_at"],
                                                                                 message.conversation_id])
        if message.author_role == "agent":  # the first reply's wait (analytics' first response time)
            started = self.tx.scalar("SELECT created_at FROM conversations WHERE id = ?", [message.conversation_id])
            self.tx.write("UPDATE conversations SET first_response_s = ? WHERE id = ? AND first_response_s IS NULL",
                          [seconds_between(started, row["created_at"]), message.conversation_id])
        return Message(pk, **row)

    def add_messages(self, messages: Sequence[Message]) -> None:
        for message in messages:
            row = asdict(message)
            row.pop("id")
            self.tx.insert("messages", self.tx.codec.seal_row("messages", row),
                           missing=f"conversation {message.conversation_id} not found")

    def messages_for(self, conversation_id: int) -> list[Message]:
        rows = self.tx.rows("SELECT * FROM messages WHERE conversation_id = ? ORDER BY id", [conversation_id])
        return [Message(**self.tx.codec.open_row("messages", r)) for r in rows]

    def count_messages(self, conversation_id: int | None = None) -> int:
        if conversation_id is None:
            return self.tx.scalar("SELECT COUNT(*) FROM messages")
        return self.tx.scalar("SELECT COUNT(*) FROM messages WHERE conversation_id = ?", [conversation_id])

    def set_route(self, conversation_id: int, route: Route) -> None:
        self.tx.write(
            "INSERT INTO conversation_routes (conversation_id, queue, reason, rule, routed_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (conversation_id) DO UPDATE SET queue = excluded.queue, reason = excluded.reason, "
            "rule = excluded.rule, routed_at = excluded.routed_at",
            [conversation_id, route.queue, route.reason, route.rule, route.routed_at or now_iso()],
            missing=f"conversation {conversation_id} not found")

    def route_of(self, conversation_id: int) -> Route | None:
        rows = self.tx.rows("SELECT queue, reason, rule, routed_at FROM conversation_routes WHERE conversation_id = ?",
                            [conversation_id])
        return Route(*rows[0]) if rows else None

    def waiting_by_queue(self) -> dict[str, int]:
        rows = self.tx.rows("SELECT queue, COUNT(*) FROM conversations WHERE status IN ('open', 'pending') "
                            "AND assigned_agent = '' GROUP BY queue")
        return {row[0]: row[1] for row in rows}


class SqliteAssist:
    def __init__(self, tx: Transaction) -> None:
        self.tx = tx

    def save_outcome(self, message_id: int, analysis: Analysis | None, suggestions: Sequence[Suggestion] = (),
                     not_analysed: str = "", retry: bool = False) -> bool:
        row: tuple[Any, ...]
        if analysis is None:  # the row says "not analysed" and why; get_analysis reads it as no analysis
            row = (None, None, 0, NOT_ANALYSED, json.dumps({NOT_ANALYSED: not_analysed or "unknown reason"}))
        else:
            row = (analysis.intent.label, analysis.sentiment.label, int(analysis.escalation.escalate),
                   analysis.provider, analysis_codec.to_json(analysis))
        row = (*row[:4], self.tx.codec.encrypt("analyses.payload", row[4]))  # entities and PII spans: raw values
        claimed = self.tx.write(
            "INSERT INTO analyses (message_id, created_at, intent, sentiment, escalate, provider, payload) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO UPDATE SET created_at = excluded.created_at, "
            "intent = excluded.intent, sentiment = excluded.sentiment, escalate = excluded.escalate, "
            "provider = excluded.provider, payload = excluded.payload WHERE analyses.provider = ? AND ? = 1",
            [message_id, now_iso(), *row, NOT_ANALYSED, int(retry)],
            missing=f"message {message_id} not found").rowcount == 1
        if claimed and analysis is not None:  # the conversation's intent (its first) and sentiment (its latest)
            self.tx.write("UPDATE conversations SET intent = CASE WHEN intent = '' THEN ? ELSE intent END, "
                          "sentiment = ? WHERE id = (SELECT conversation_id FROM messages WHERE id = ? "
                          "AND author_role = 'customer')",
                          [analysis.intent.label, analysis.sentiment.label, message_id])
            for rank, s in enumerate(suggestions, start=1):
                self.tx.insert("suggestions", {"message_id": message_id, "rank": rank, "text": s.text,
                                               "source": s.source, "score": s.score},
                               conflict=f"message {message_id} already has suggestions")
        return claimed

    def get_analysis(self, message_id: int) -> Analysis | None:
        rows = self.tx.rows("SELECT payload FROM analyses WHERE message_id = ? AND provider IS NOT ?",
                            [message_id, NOT_ANALYSED])
        return self._analysis(rows[0][0]) if rows else None

    def _analysis(self, payload: str) -> Analysis:
        return analysis_codec.from_json(self.tx.codec.decrypt("analyses.payload", payload) or "")

    def analysis_failures(self, conversation_id: int) -> dict[int, str]:
        rows = self.tx.rows("SELECT a.message_id, a.payload FROM analyses a JOIN messages m ON m.id = a.message_id "
                            "WHERE m.conversation_id = ? AND a.provider = ?", [conversation_id, NOT_ANALYSED])
        return {message_id: json.loads(self.tx.codec.decrypt("analyses.payload", payload) or "{}").get(NOT_ANALYSED, "")
                for message_id, payload in rows}

    def suggestions_for(self, message_id: int) -> list[SavedSuggestion]:
        rows = self.tx.rows("SELECT id, message_id, rank, text, source, score, feedback, final_text "
                            "FROM suggestions WHERE message_id = ? ORDER BY rank", [message_id])
        return [SavedSuggestion(r["id"], r["message_id"], r["rank"], r["text"], r["source"], r["score"], r["feedback"],
                                self.tx.codec.decrypt("suggestions.final_text", r["final_text"]) or "") for r in rows]

    def record_feedback(self, suggestion_id: int, feedback: str, final_text: str = "") -> None:
        if feedback not in SUGGESTION_FEEDBACK:
            raise InvalidInput(f"feedback must be accepted, edited or rejected; got {feedback!r}")
        self.tx.one("SELECT id FROM suggestions WHERE id = ?", [suggestion_id], f"suggestion {suggestion_id}")
        self.tx.write("UPDATE suggestions SET feedback = ?, final_text = ?, feedback_at = ? WHERE id = ?",
                      [feedback, self.tx.codec.encrypt("suggestions.final_text", final_text), now_iso(), suggestion_id])
        conversation = self.tx.scalar("SELECT m.conversation_id FROM suggestions s JOIN messages m "
                                      "ON m.id = s.message_id WHERE s.id = ?", [suggestion_id])
        self.tx.write(_RECOUNT_FEEDBACK, [conversation] * 4)

    def add_escalation(self, conversation_id: int, reasons: Sequence[str], score: float, actor: str,
                       note: str = "", created_at: str = "", masked_note: str = "") -> int:
        self.tx.write("UPDATE conversations SET escalated = 1 WHERE id = ?", [conversation_id])
        return self.tx.insert("escalations", {
            "conversation_id": conversation_id, "created_at": created_at or now_iso(), "actor": actor,
            "score": score, "reasons": json.dumps(list(reasons)), "note": self.tx.codec.encrypt("escalations.note", note),
            "masked_note": masked_note},
            missing=f"conversation {conversation_id} not found")

    def latest_escalation(self, conversation_id: int) -> EscalationRecord | None:
        rows = self.tx.rows("SELECT id, conversation_id, created_at, actor, score, reasons, note, masked_note, status, "
                            "handled_by, handled_at, outcome_note FROM escalations WHERE conversation_id = ? "
                            "ORDER BY id DESC LIMIT 1", [conversation_id])
        if not rows:
            return None
        r = rows[0]
        return EscalationRecord(r[0], r[1], r[2], r[3], r[4], tuple(json.loads(r[5])),
                                self.tx.codec.decrypt("escalations.note", r[6]) or "", r[7] or "",
                                r[8], r[9] or "", r[10] or "", r[11] or "")

    def close_escalation(self, escalation_id: int, status: str, handled_by: str, note: str = "") -> None:
        if not self.tx.write("UPDATE escalations SET status = ?, handled_by = ?, handled_at = ?, outcome_note = ? "
                             "WHERE id = ?", [status, handled_by, now_iso(), note, escalation_id]).rowcount:
            raise NotFound(f"escalation {escalation_id} not found")

    def open_escalations(self, limit: int = 500) -> list[EscalationRow]:
        decrypt = self.tx.codec.decrypt
        return [EscalationRow(r[0], _conversation(r[7:19], self.tx.codec), r[19], r[20], r[1], r[2], r[3], tuple(json.loads(r[4])),
                              decrypt("escalations.note", r[5]) or "", r[6] or "",
                              decrypt("messages.text", r[21]) or "", r[22] or "", r[23] or "")
                for r in self.tx.rows(_OPEN_ESCALATIONS_SQL, [limit])]
