"""A database left at an older schema version (what an installation had before an upgrade), for the migration tests:
SQLite through a raw connection, PostgreSQL through a raw autocommit psycopg connection. The caller keeps the
connection, inserts the old rows, then opens the store (which migrates the rest)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from services.adapters.local import schema


def sqlite_at(path: Path, version: int) -> sqlite3.Connection:
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, script in enumerate(schema.MIGRATIONS[:version], start=1):
        if callable(script):
            script(raw)
        else:
            for statement in schema.statements(script):
                raw.execute(statement)
        raw.execute("INSERT INTO schema_version VALUES (?)", [number])
    return raw


def postgres_at(url: str, version: int) -> Any:
    import psycopg

    from services.adapters.postgres import schema as pg_schema

    raw = psycopg.connect(url, autocommit=True)
    raw.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, script in enumerate(pg_schema.MIGRATIONS[:version], start=1):
        if callable(script):
            script(raw)
        else:
            raw.execute(script)
        raw.execute("INSERT INTO schema_version VALUES (%s)", [number])
    return raw
