"""The repositories of services/ports.py on PostgreSQL: the SQLite repositories' SQL, which is standard apart from
the few statements overridden here, run through the PostgreSQL Transaction (uow.py), which rewrites ``?`` into
psycopg's placeholders, returns ids with ``RETURNING`` and translates driver errors.

Implemented: UserRepository, SessionRepository, CustomerRepository, ConversationRepository, AssistRepository,
ArticleRepository, AuditRepository, KbUsageRepository, SharedStateRepository, AnalyticsRepository, IntegrationRepository, PredictionRepository, MailRepository, SocialOutboxRepository, PrivacyRepository. The contract suites in tests/contracts run every one of them on a real server.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from services.adapters.local.mail_store import SqliteMail
from services.adapters.local.social_outbox_store import SqliteSocialOutbox
from services.adapters.local.sqlite_analytics import DAY, SqliteAnalytics
from services.adapters.local.sqlite_conversations import NOT_ANALYSED, SqliteAssist, SqliteConversations, _conversation
from services.adapters.local.sqlite_integrations import SqliteIntegrations
from services.adapters.local.sqlite_kb_usage import SqliteKbUsage
from services.adapters.local.sqlite_predictions import SqlitePredictions
from services.adapters.local.sqlite_privacy import SqlitePrivacy
from services.adapters.local.sqlite_repositories import (
    SqliteArticles,
    SqliteAudit,
    SqliteCustomers,
    SqliteSessions,
    SqliteUsers,
)
from services.adapters.local.sqlite_state import CLAIM_EXPIRES_S, SqliteSharedState
from services.audit_chain import GENESIS
from services.clock import now_iso, parse_iso, to_iso
from services.models import Analysis, Conversation, QueueRow

# sqlite_conversations._QUEUE_SQL with waiting_since as a LATERAL column: PostgreSQL does not let ORDER BY use an
# output alias inside an expression (waiting_since IS NULL). Ties end on the id, oldest first.
_QUEUE_SQL = """
SELECT c.id, c.customer_id, c.channel, c.status, c.subject, c.created_at, c.updated_at, c.assigned_agent, c.queue,
       c.resolution, c.csat, c.order_number, cu.name, cu.tier, m.masked_text, m.author_role, m.created_at,
       a.sentiment, a.escalate, a.intent, ws.waiting_since
FROM conversations c
JOIN customers cu ON cu.id = c.customer_id
LEFT JOIN messages m ON m.id = (SELECT MAX(id) FROM messages
                                WHERE conversation_id = c.id AND author_role IN ('customer', 'agent'))
LEFT JOIN analyses a ON a.message_id = (SELECT MAX(id) FROM messages
                                        WHERE conversation_id = c.id AND author_role = 'customer')
CROSS JOIN LATERAL (
    SELECT MIN(w.created_at) AS waiting_since FROM messages w
    WHERE w.conversation_id = c.id AND w.author_role = 'customer'
      AND w.id > COALESCE((SELECT MAX(r.id) FROM messages r
                           WHERE r.conversation_id = c.id AND r.author_role = 'agent'), 0)) ws
WHERE {where}
ORDER BY c.status = 'escalated' DESC, a.escalate DESC NULLS LAST, ws.waiting_since IS NULL, ws.waiting_since,
         c.updated_at, c.id
LIMIT ?
"""


class PostgresUsers(SqliteUsers):
    pass


class PostgresSessions(SqliteSessions):
    def add_failure(self, scope: str, key: str, forget_before: str) -> int:
        # the existing row's columns qualified: PostgreSQL calls bare last_at ambiguous beside excluded.last_at
        self.tx.write("INSERT INTO sign_in_failures AS f (scope, key, failures, last_at) VALUES (?, ?, 1, ?) "
                      "ON CONFLICT (scope, key) DO UPDATE SET "
                      "failures = CASE WHEN f.last_at < ? THEN 1 ELSE f.failures + 1 END, last_at = excluded.last_at",
                      [scope, key, now_iso(), forget_before])
        return self.tx.scalar("SELECT failures FROM sign_in_failures WHERE scope = ? AND key = ?", [scope, key])


class PostgresCustomers(SqliteCustomers):
    pass


class PostgresArticles(SqliteArticles):
    pass


AUDIT_LOCK = 0x46524F4E544C03  # serialises the audit chain's head across replicas (held until the commit)


class PostgresAudit(SqliteAudit):
    """SQLite's chained appends under an advisory lock of their own, taken at the end of the unit of work just
    before the head is read (so it is held for three statements until the commit), with ids drawn from the
    identity column's sequence. The writers' lock (uow.WRITE_LOCK) serialises them today; this lock keeps the chain
    whole should writers ever run side by side."""

    _HEAD = ("SELECT (SELECT id FROM audit_log ORDER BY id DESC LIMIT 1), "
             "(SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), "
             "ARRAY(SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) FROM generate_series(1, ?))")

    def _head(self, count: int) -> tuple[str, list[int]]:
        self.tx.final("SELECT pg_advisory_xact_lock(?)", [AUDIT_LOCK])  # its own statement: the head read after it
        head_id, previous, ids = self.tx.final(self._HEAD, [count])[0]  # sees every chain committed before it
        if ids[0] <= (head_id or 0):  # rows written with explicit ids past the sequence (a restored dump)
            self.tx.final("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), ?)", [head_id])
            head_id, previous, ids = self.tx.final(self._HEAD, [count])[0]
        return previous or GENESIS, sorted(int(i) for i in ids)


class PostgresKbUsage(SqliteKbUsage):
    pass


class PostgresAnalytics(SqliteAnalytics):
    """The SQLite analytics SQL (substr, CASE, SUM; durations are stored seconds), counting flags with FILTER."""

    @staticmethod
    def day(by: Sequence[str]) -> str:
        return DAY  # PostgreSQL's planner has statistics: it chooses the index itself

    @staticmethod
    def hide(by: Sequence[str]) -> str:
        return ""

    @staticmethod
    def flag(condition: str) -> str:
        return f"COUNT(*) FILTER (WHERE {condition})"


class PostgresPredictions(SqlitePredictions):
    """The SQLite SQL as it is (a join, ORDER BY, and INSERT ... ON CONFLICT, which PostgreSQL shares)."""


class PostgresConversations(SqliteConversations):
    def all(self, status: str | None = None, agent: str | None = None,
            customer_id: int | None = None) -> list[Conversation]:
        clauses, args = ["TRUE"], []  # SQLite's WHERE 1 is not a boolean on PostgreSQL
        for column, value in (("status", status), ("assigned_agent", agent), ("customer_id", customer_id)):
            if value is not None:
                clauses.append(f"{column} = ?")
                args.append(value)
        rows = self.tx.rows(f"SELECT * FROM conversations WHERE {' AND '.join(clauses)} "  # noqa: S608
                            "ORDER BY updated_at DESC, id", args)  # ties: oldest first, as on SQLite
        return [_conversation(r, self.tx.codec) for r in rows]


    def queue(self, agent: str | None = None, statuses: Sequence[str] = ("open", "pending", "escalated"),
              limit: int = 2000) -> list[QueueRow]:
        where = f"c.status IN ({','.join('?' * len(statuses))})"
        args: list[Any] = list(statuses)
        if agent is not None:
            where += " AND (c.assigned_agent = ? OR c.assigned_agent = '')"
            args.append(agent)
        return [self._queue_row(r) for r in self.tx.rows(_QUEUE_SQL.format(where=where), [*args, limit])]


class PostgresAssist(SqliteAssist):
    def get_analysis(self, message_id: int) -> Analysis | None:
        rows = self.tx.rows("SELECT payload FROM analyses WHERE message_id = ? AND provider IS DISTINCT FROM ?",
                            [message_id, NOT_ANALYSED])  # SQLite's IS NOT ? is IS DISTINCT FROM here
        return self._analysis(rows[0][0]) if rows else None


# sqlite_state._CLAIM_SQL with IS DISTINCT FROM for SQLite's IS NOT ? (the retry flag compared, not used as a boolean)
_CLAIM_SQL = """
INSERT INTO analysis_claims (message_id, owner, claimed_at)
SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM analyses
                                 WHERE message_id = ? AND (provider IS DISTINCT FROM ? OR ? = 0))
ON CONFLICT (message_id) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at
WHERE analysis_claims.claimed_at < ?
"""


class PostgresSharedState(SqliteSharedState):
    """The change marker and KB index version are counters rows moved by PL/pgSQL triggers (schema migration 4);
    settings and heartbeats are SQLite's upserts, which PostgreSQL runs as they are."""

    def claim_analysis(self, message_id: int, owner: str, retry: bool = False) -> bool:
        now = now_iso()
        expired = to_iso(parse_iso(now) - timedelta(seconds=CLAIM_EXPIRES_S))
        cursor = self.tx.write(_CLAIM_SQL, [message_id, owner, now, message_id, NOT_ANALYSED, int(retry), expired],
                               missing=f"message {message_id} not found")
        return bool(cursor.rowcount == 1)


class PostgresIntegrations(SqliteIntegrations):
    """The API's keys, idempotency keys, rate windows and ids: SQLite's statements, which PostgreSQL runs as they are."""


class PostgresMail(SqliteMail):
    """The email channel's mails by Message-ID and its outbox: SQLite's statements, which PostgreSQL runs as they
    are (an outbox lease re-checks its condition after waiting on the row, so two senders never both claim one)."""


class PostgresSocialOutbox(SqliteSocialOutbox):
    """The social channel's outbox: SQLite's statements, which PostgreSQL runs as they are (a lease re-checks its
    condition after waiting on the row, so two senders never both claim one reply)."""


class PostgresPrivacy(SqlitePrivacy):
    """Data rights: SQLite's statements, which PostgreSQL runs as they are; no secure_delete switch (old row versions
    are VACUUM's: docs/security.md)."""

    def secure_delete(self) -> None:
        self.tx.write("SELECT 1")  # the write transaction and its lock now: what is read next is what gets erased
