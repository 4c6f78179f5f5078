"""Schema migration 12 on a database that already holds history (version 11): each conversation's analytics facts
are filled from what was stored, on SQLite and on PostgreSQL, and the knowledge-base trigger marks later uses."""

from __future__ import annotations

import sqlite3

from services.adapters.local import schema
from services.adapters.local.sqlite_uow import SqliteDatabase
from services.models import AnalyticsFilter, ConversationFacts

HISTORY = [
    "INSERT INTO customers (id, name, tier) VALUES (1, 'Dana', 'gold')",
    "INSERT INTO conversations (id, customer_id, channel, status, created_at, updated_at, resolution) VALUES "
    "(1, 1, 'chat', 'resolved', '2026-11-01T09:00:00Z', '2026-11-01T09:30:00Z', 'info_provided'), "
    "(2, 1, 'email', 'escalated', '2026-11-02T09:00:00Z', '2026-11-02T10:00:00Z', ''), "
    "(3, 1, 'voice', 'open', 't', 't', '')",
    "INSERT INTO messages (id, conversation_id, author_role, text, masked_text, created_at) VALUES "
    "(1, 1, 'customer', 'where?', 'where?', '2026-11-01T09:00:00Z'), "
    "(2, 1, 'note', 'looking', 'looking', '2026-11-01T09:00:30Z'), "
    "(3, 1, 'agent', 'here', 'here', '2026-11-01T09:01:30Z'), "
    "(4, 1, 'customer', 'thanks', 'thanks', '2026-11-01T09:05:00Z'), "
    "(5, 2, 'customer', 'angry', 'angry', '2026-11-02T09:00:00Z'), "
    "(6, 3, 'agent', 'hello', 'hello', 't')",
    "INSERT INTO analyses (message_id, created_at, intent, sentiment, escalate, provider, payload) VALUES "
    "(1, 't', 'Order Status', 'negative', 0, 'local', '{}'), (4, 't', 'Thanks', 'positive', 0, 'local', '{}')",
    "INSERT INTO suggestions (id, message_id, rank, text, source, score, feedback) VALUES "
    "(1, 1, 1, 'a', 's', 0.9, 'rejected'), (2, 1, 2, 'b', 's', 0.8, 'edited'), "
    "(3, 5, 1, 'c', 's', 0.9, 'rejected')",
    "INSERT INTO escalations (conversation_id, created_at, actor, score, reasons) VALUES "
    "(2, '2026-11-02T09:10:00Z', 'sam', 0.9, '[]')",
    "INSERT INTO kb_articles (id, slug, title, body, category, status, updated_at) VALUES "
    "(1, 'where', 'Where', 'Body', 'orders', 'approved', 't')",
    "INSERT INTO kb_usage (at, article_id, kind, actor, conversation_id) VALUES ('t', 1, 'reply', 'sam', 1)",
]


def check(database) -> None:
    with database() as uow:
        assert uow.analytics.facts(1) == ConversationFacts(90, "2026-11-01T09:30:00Z", 1800, 0, 0, False,
                                                           "Order Status", "positive")
        assert uow.analytics.facts(2) == ConversationFacts(escalated=True)
        assert uow.analytics.facts(3).first_response_s is None  # a start that is not a moment: left unknown
        total = uow.analytics.totals(AnalyticsFilter("2026-11-01", "2026-11-03"))[0]
        assert (total.conversations, total.kb_resolved, total.suggestions_edited, total.suggestions_rejected) == (
            2, 1, 1, 1)
        uow.kb_usage.add_use(1, "reply", "sam", "reply", 2)  # the trigger marks it (deflection once resolved)
        uow.conversations.update(2, status="resolved")
    with database() as uow:
        assert uow.analytics.totals(AnalyticsFilter("2026-11-01", "2026-11-03"))[0].kb_resolved == 2


def test_sqlite_version_11_gains_the_facts_of_its_history(tmp_path):
    path = tmp_path / "v11.db"
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, script in enumerate(schema.MIGRATIONS[:11], start=1):
        for statement in schema.statements(script):
            raw.execute(statement)
        raw.execute("INSERT INTO schema_version VALUES (?)", [number])
    for statement in HISTORY:
        raw.execute(statement)
    raw.close()
    database = SqliteDatabase(path)
    assert database.schema_version() == len(schema.MIGRATIONS) >= 12
    check(database)


def test_postgres_version_11_gains_the_facts_of_its_history(postgres_url):
    import psycopg

    from services.adapters.postgres import schema as pg_schema
    from services.adapters.postgres.uow import PostgresDatabase

    with psycopg.connect(postgres_url, autocommit=True) as raw:
        raw.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for number, script in enumerate(pg_schema.MIGRATIONS[:11], start=1):
            raw.execute(script)
            raw.execute("INSERT INTO schema_version VALUES (%s)", [number])
        for statement in HISTORY:
            raw.execute(statement)
        for table in ("customers", "conversations", "messages", "suggestions", "kb_articles"):
            raw.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
    database = PostgresDatabase(postgres_url, max_size=1)
    try:
        assert database.schema_version() == len(pg_schema.MIGRATIONS) >= 12
        check(database)
    finally:
        database.close()
