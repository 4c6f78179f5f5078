"""Migration 23 on a database written before it (SQLite and PostgreSQL): an agent reply's event no longer keeps the
e-mail subject (a name, an address) in the clear events payload; its other keys and every other event stay."""

from __future__ import annotations

import json
import sqlite3

from services.adapters.local import schema
from services.adapters.local.sqlite_uow import SqliteDatabase

OLD_EVENTS = [
    "INSERT INTO events (at, kind, conversation_id, payload) VALUES "
    "('2026-11-01T09:00:00Z', 'agent_reply', 1, '{\"message_id\": 7, \"subject\": \"Re: Dana Reyes, 12 Elm Road\"}'), "
    "('2026-11-01T09:01:00Z', 'agent_reply', 1, '{\"message_id\": 8, \"subject\": \"\"}'), "
    "('2026-11-01T09:02:00Z', 'customer_message', 1, '{\"message_id\": 9}'), "
    "('2026-11-01T09:03:00Z', 'assistant_answer', 2, '{\"message_id\": 10, \"confidence\": 0.9}')",
]
AFTER = [{"message_id": 7}, {"message_id": 8}, {"message_id": 9}, {"message_id": 10, "confidence": 0.9}]


def test_sqlite_at_version_22_drops_reply_subjects_from_events(tmp_path):
    path = tmp_path / "v22.db"
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, script in enumerate(schema.MIGRATIONS[:22], start=1):
        if callable(script):
            script(raw)
        else:
            for statement in schema.statements(script):
                raw.execute(statement)
        raw.execute("INSERT INTO schema_version VALUES (?)", [number])
    for statement in OLD_EVENTS:
        raw.execute(statement)

    database = SqliteDatabase(path)

    assert database.schema_version() == len(schema.MIGRATIONS) >= 23
    payloads = [json.loads(p) for (p,) in raw.execute("SELECT payload FROM events ORDER BY id")]
    assert payloads == AFTER
    raw.close()


def test_postgres_at_version_22_drops_reply_subjects_from_events(postgres_url):
    import psycopg

    from services.adapters.postgres import schema as pg_schema
    from services.adapters.postgres.uow import PostgresDatabase

    raw = psycopg.connect(postgres_url, autocommit=True)
    raw.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, script in enumerate(pg_schema.MIGRATIONS[:22], start=1):
        if callable(script):
            script(raw)
        else:
            raw.execute(script)
        raw.execute("INSERT INTO schema_version VALUES (%s)", [number])
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
