"""Migration 19 on a database that already has an audit trail (SQLite and PostgreSQL): the rows written before it
end up chained and the append-only rules hold; and on PostgreSQL two replicas appending at once leave one chain."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from services.adapters.local import schema
from services.adapters.local.sqlite_uow import SqliteDatabase
from services.audit_chain import ChainCheck
from tests.schema_versions import postgres_at, sqlite_at

OLD_TRAIL = [
    "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, detail) VALUES "
    "(1, '2026-11-01T09:00:00Z', 'ada', 'read', 'customer', '1', 'viewed'), "
    "(2, '2026-11-01T09:01:00Z', 'system', 'create', 'user', 'ada', NULL), "
    "(3, '2026-11-01T09:02:00Z', 'bob', 'resolve', 'conversation', '4', 'Resolved \"quickly\" | ok')",
]


def chain_of(database) -> ChainCheck:
    with database() as uow:
        check = ChainCheck(uow.audit.detail_matches)
        check.feed(uow.audit.chain())
    return check


def check_upgraded(database, refused: tuple[type[Exception], ...], raw_update) -> None:
    check = chain_of(database)
    assert (check.entries, check.ok, check.redacted) == (3, True, 0)
    with database() as uow:
        uow.audit.record("cli", "verify", "audit_log", "")
    with database() as uow:
        assert [e.id for e in uow.audit.entries()] == [4, 3, 2, 1]  # appended after the old rows
        assert [e.detail for e in uow.audit.trail("user", "ada")] == [""]
    assert chain_of(database).ok and chain_of(database).entries == 4
    with pytest.raises(refused, match="append-only"):
        raw_update("UPDATE audit_log SET actor = 'mallory' WHERE id = 1")


def test_sqlite_at_version_18_chains_its_trail(tmp_path):
    path = tmp_path / "v18.db"
    raw = sqlite_at(path, 18)
    for statement in OLD_TRAIL:
        raw.execute(statement)
    database = SqliteDatabase(path)
    assert database.schema_version() == len(schema.MIGRATIONS) >= 19
    check_upgraded(database, (sqlite3.IntegrityError,), raw.execute)
    raw.close()


def test_postgres_at_version_18_chains_its_trail(postgres_url):
    import psycopg

    from services.adapters.postgres import schema as pg_schema
    from services.adapters.postgres.uow import PostgresDatabase

    raw = postgres_at(postgres_url, 18)
    for statement in OLD_TRAIL:
        raw.execute(statement)  # explicit ids, the identity's sequence left behind them (a restored dump)
    database = PostgresDatabase(postgres_url, max_size=1)
    try:
        assert database.schema_version() == len(pg_schema.MIGRATIONS) >= 19
        check_upgraded(database, (psycopg.IntegrityError,), raw.execute)
    finally:
        database.close()
        raw.close()


def test_two_postgres_replicas_appending_at_once_leave_one_chain(postgres_url):
    from services.adapters.postgres.uow import PostgresDatabase

    replicas = [PostgresDatabase(postgres_url, max_size=2, listen=False) for _ in range(2)]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def append(database, name: str) -> None:
        try:
            start.wait(10)
            for i in range(200):
                with database() as uow:
                    uow.audit.record(name, "read", "customer", str(i), f"{name} read {i}")
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    try:
        workers = [threading.Thread(target=append, args=(db, f"replica{n}")) for n, db in enumerate(replicas)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(120)
        assert errors == [] and not any(w.is_alive() for w in workers)
        check = chain_of(replicas[0])
        assert (check.entries, check.ok) == (400, True)
        with replicas[1]() as uow:
            actors = [e.actor for e in uow.audit.entries(limit=400)]
        assert actors.count("replica0") == actors.count("replica1") == 200
        # newest first: one replica may finish its last appends alone (session 17's whole suite: the newest 50 were all
        # replica1's), so interleaving is judged over the whole chain — the actor changes more than once
        switches = sum(a != b for a, b in zip(actors, actors[1:], strict=False))
        assert switches >= 3, f"the two replicas' appends did not interleave ({switches} changes of actor)"
    finally:
        for database in replicas:
            database.close()
