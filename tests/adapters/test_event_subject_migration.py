"""Migration 23 on a database written before it (SQLite and PostgreSQL): an agent reply's event no longer keeps the
e-mail subject (a name, an address) in the clear events payload; its other keys and every other event stay."""

from __future__ import annotations

import json

from services.adapters.local import schema
from services.adapters.local.sqlite_uow import SqliteDatabase
from tests.schema_versions import postgres_at, sqlite_at

OLD_EVENTS = [
    "INSERT INTO events (at, kind, conversation_id, payload) VALUES "
    "('2026-11-01T09:00:00Z', 'agent_reply', 1, '{\"message_id\": 7, \"subject\": \"Re: Dana Reyes, 12 Elm Road\"}'), "
    "('2026-11-01T09:01:00Z', 'agent_reply', 1, '{\"message_id\": 8, \"subject\": \"\"}'), "
    "('2026-11-01T09:02:00Z', 'customer_message', 1, '{\"message_id\": 9}'), "
    "('2026-11-01T09:03:00Z', 'assistant_answer', 2, '{\"message_id\": 10, \"confidence\": 0.9}')",
]
AFTER = [{"message_id": 7}, {"message_id": 8}, {"message_id": 9}, {"message_id": 10, "confidence": 0.9}]


def test_sqlite_at_version_22_drops_reply_subjects_from_events(tmp_path):
    raw = sqlite_at(tmp_path / "v22.db", 22)
    for statement in OLD_EVENTS:
        raw.execute(statement)

    database = SqliteDatabase(tmp_path / "v22.db")

    assert database.schema_version() == len(schema.MIGRATIONS) >= 23
    payloads = [json.loads(p) for (p,) in raw.execute("SELECT payload FROM events ORDER BY id")]
    assert payloads == AFTER
    raw.close()


def test_postgres_at_version_22_drops_reply_subjects_from_events(postgres_url):
    from services.adapters.postgres import schema as pg_schema
    from services.adapters.postgres.uow import PostgresDatabase

    raw = postgres_at(postgres_url, 22)
    for statement in OLD_EVENTS:
        raw.execute(statement)
    database = PostgresDatabase(postgres_url, max_size=1)
    try:
        assert database.schema_version() == len(pg_schema.MIGRATIONS) >= 23
        payloads = [json.loads(p) for (p,) in raw.execute("SELECT payload FROM events ORDER BY id").fetchall()]
        assert payloads == AFTER
    finally:
        database.close()
        raw.close()
