"""Sessions, sign-in failures and the escalation inbox on SQLite: state every app process shares."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from services.clock import now_iso
from services.models import AuditEntry, Conversation, EscalationRow, SessionRecord

_OPEN_ESCALATIONS_SQL = """
SELECT e.id, e.created_at, e.actor, e.score, e.reasons, e.note, e.masked_note,
       c.id, c.customer_id, c.channel, c.status, c.subject, c.created_at, c.updated_at, c.assigned_agent, c.queue,
       c.resolution, c.csat, cu.name, cu.tier, m.text, m.masked_text, a.sentiment
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


class SessionAndInboxTables:
    """Mixed into SqliteStore (which provides db, _insert and _one)."""

    db: Any

    def _one(self, table: str, where: str, args: Sequence[Any], what: str) -> dict[str, Any]:
        raise NotImplementedError

    # ---- escalations ------------------------------------------------------------
    def open_escalations(self, limit: int = 500) -> list[EscalationRow]:
        """The latest escalation of every conversation still escalated and not yet handled, newest first."""
        return [self._escalation_row(r) for r in self.db.execute(_OPEN_ESCALATIONS_SQL, [limit]).fetchall()]

    def _escalation_row(self, r: tuple[Any, ...]) -> EscalationRow:
        return EscalationRow(r[0], Conversation(*r[7:18]), r[18], r[19], r[1], r[2], r[3], tuple(json.loads(r[4])),
                             r[5] or "", r[6] or "", r[20] or "", r[21] or "", r[22] or "")

    def latest_escalation(self, conversation_id: int) -> dict[str, Any] | None:
        rows = list(self.db["escalations"].rows_where("conversation_id = ?", [conversation_id],
                                                      order_by="id desc", limit=1))
        return rows[0] if rows else None

    def close_escalation(self, escalation_id: int, status: str, handled_by: str, note: str = "") -> None:
        """Record what the supervisor did (taken_over, reassigned, returned)."""
        with self.db.conn:
            self.db["escalations"].update(escalation_id, {"status": status, "handled_by": handled_by,
                                                          "handled_at": now_iso(), "outcome_note": note})

    def audit_trail(self, entity: str, entity_id: str, limit: int = 200) -> list[AuditEntry]:
        """What was done to one row, oldest first."""
        rows = self.db["audit_log"].rows_where("entity = ? AND entity_id = ?", [entity, str(entity_id)],
                                               order_by="id desc", limit=limit)
        return [AuditEntry(**r) for r in reversed(list(rows))]

    # ---- sessions ---------------------------------------------------------------
    def secret(self, name: str) -> str:
        return self._one("app_secrets", "name = ?", [name], f"secret {name!r}")["value"]

    def add_session(self, token_hash: str, username: str, expires_at: str) -> SessionRecord:
        at = now_iso()
        row = {"token_hash": token_hash, "username": username, "created_at": at, "last_seen_at": at,
               "expires_at": expires_at, "revoked_at": ""}
        with self.db.conn:
            self.db["sessions"].insert(row)
        return SessionRecord(**row)

    def get_session(self, token_hash: str) -> SessionRecord:
        return SessionRecord(**self._one("sessions", "token_hash = ?", [token_hash], "session"))

    def touch_session(self, token_hash: str, expires_at: str) -> None:
        with self.db.conn:
            self.db.execute("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?",
                            [now_iso(), expires_at, token_hash])

    def revoke_sessions(self, username: str) -> int:
        """End every session of this user (sign-out ends it everywhere); returns how many were live."""
        with self.db.conn:
            return self.db.execute("UPDATE sessions SET revoked_at = ? WHERE username = ? AND revoked_at = ''",
                                   [now_iso(), username]).rowcount

    def purge_sessions(self, before: str) -> None:
        """Forget sessions that expired or were revoked before this moment."""
        with self.db.conn:
            self.db.execute("DELETE FROM sessions WHERE expires_at < ? OR (revoked_at != '' AND revoked_at < ?)",
                            [before, before])

    # ---- sign-in failures (the lockout) ---------------------------------------------
    def failure_state(self, scope: str, key: str) -> tuple[int, str, str]:
        """(failures, last failure at, locked until) for a username or client key; (0, "", "") when none."""
        row = self.db.execute("SELECT failures, last_at, locked_until FROM sign_in_failures "
                              "WHERE scope = ? AND key = ?", [scope, key]).fetchone()
        return (row[0], row[1], row[2] or "") if row else (0, "", "")

    def add_failure(self, scope: str, key: str, forget_before: str) -> int:
        """Count one more failure atomically (a count older than forget_before starts again); returns the count."""
        at = now_iso()
        with self.db.conn:
            self.db.execute(
                "INSERT INTO sign_in_failures (scope, key, failures, last_at) VALUES (?, ?, 1, ?) "
                "ON CONFLICT (scope, key) DO UPDATE SET "
                "failures = CASE WHEN last_at < ? THEN 1 ELSE failures + 1 END, last_at = excluded.last_at",
                [scope, key, at, forget_before])
            return self.db.execute("SELECT failures FROM sign_in_failures WHERE scope = ? AND key = ?",
                                   [scope, key]).fetchone()[0]

    def lock(self, scope: str, key: str, until: str) -> None:
        with self.db.conn:
            self.db.execute("UPDATE sign_in_failures SET locked_until = ? WHERE scope = ? AND key = ?",
                            [until, scope, key])

    def clear_failures(self, scope: str, key: str) -> None:
        with self.db.conn:
            self.db.execute("DELETE FROM sign_in_failures WHERE scope = ? AND key = ?", [scope, key])

