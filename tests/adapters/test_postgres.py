"""The PostgreSQL store beyond the contract suites: chosen by FRONTLINE_DATABASE_URL, a bad URL or an absent server is
a clear error, the schema matches SQLite's column for column, a dropped connection is ProviderUnavailable, and the
demo seeds into PostgreSQL with the same content as into SQLite. Runs on the throw-away server (tests/pg_cluster.py).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from services.bootstrap import build_services
from services.config import load_settings
from services.errors import ConfigError, ProviderUnavailable
from tests.conftest import PROJECT_ROOT
from tests.contracts.conftest import customer
from tests.pg_cluster import free_port


def _pg_settings(url: str, tmp_path: Path):
    return load_settings(environ={"FRONTLINE_DATABASE_URL": url, "FRONTLINE_DB_PATH": str(tmp_path / "unused.db")},
                         config_file=tmp_path / "none.yaml")


def test_the_database_url_selects_postgresql_and_its_absence_sqlite(postgres_url, tmp_path):
    from services.adapters.local.sqlite_uow import SqliteDatabase
    from services.adapters.postgres.uow import PostgresDatabase

    services = build_services(_pg_settings(postgres_url, tmp_path))
    assert services.provider("store") == "postgres"
    assert isinstance(services.store, PostgresDatabase)
    with services.uow() as uow:
        uow.customers.add(customer("Ada"))
    with services.uow() as uow:
        assert [c.name for c in uow.customers.all()] == ["Ada"]
    services.store.close()
    assert not (tmp_path / "unused.db").exists()  # nothing went to SQLite

    local = build_services(load_settings(environ={"FRONTLINE_DB_PATH": str(tmp_path / "local.db")},
                                         config_file=tmp_path / "none.yaml"))
    assert local.provider("store") == "local"
    assert isinstance(local.store, SqliteDatabase)


def test_the_postgres_store_is_not_wrapped_in_a_fall_back_to_sqlite(tmp_path):
    """Merging the fall-back (remote providers behind a Fallback to the local one) wrapped the postgres store too:
    services.uow() failed ("'Fallback' object is not callable") and an outage would have written into SQLite."""
    from tests.fake_repositories import FakeDatabase

    store = FakeDatabase()  # stands in for the configured postgres store
    services = build_services(_pg_settings("postgresql://frontline@127.0.0.1:1/none", tmp_path), store=store)
    assert services.provider("store") == "postgres"
    assert services.store is store
    with services.uow() as uow:
        uow.customers.add(customer("Ada"))
    with store() as uow:
        assert [c.name for c in uow.customers.all()] == ["Ada"]
    assert not (tmp_path / "unused.db").exists()


def test_the_default_never_imports_psycopg(tmp_path):
    code = ("import sys; from services.bootstrap import build_services; from services.config import load_settings; "
            f"s = build_services(load_settings(environ={{'FRONTLINE_DB_PATH': {str(tmp_path / 'x.db')!r}}})); "
            "u = s.uow(); u.__enter__(); u.customers.all(); u.__exit__(None, None, None); "
            "print(sorted(m for m in sys.modules if m.startswith('psycopg')))")
    env = {k: v for k, v in os.environ.items() if k != "FRONTLINE_DATABASE_URL"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, env=env,
                         timeout=120, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("url", ["mysql://root@localhost/frontline", "sqlite:///data/frontline.db", "localhost:5432"])
def test_a_url_that_is_not_postgresql_is_a_config_error(url, tmp_path):
    with pytest.raises(ConfigError, match="postgresql://"):
        _pg_settings(url, tmp_path)


@pytest.mark.parametrize("url", ["postgresql://frontline@127.0.0.1:5432/db?nonsense_option=1",
                                 "postgresql://frontline@127.0.0.1:port/db", "postgresql://frontline@127.0.0.1:0/db"])
def test_a_malformed_postgresql_url_is_a_config_error(url, tmp_path):
    services = build_services(_pg_settings(url, tmp_path))
    with pytest.raises(ConfigError, match="not a valid PostgreSQL URL"):
        services.get("store")


def test_the_postgres_store_without_a_url_is_a_config_error(tmp_path):
    settings = load_settings(environ={"FRONTLINE_PROVIDER_STORE": "postgres"}, config_file=tmp_path / "none.yaml")
    with pytest.raises(ConfigError, match="needs database_url"):
        build_services(settings).get("store")


def test_a_local_store_override_keeps_sqlite_with_a_url_set(tmp_path):
    settings = load_settings(environ={"FRONTLINE_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/x",
                                      "FRONTLINE_PROVIDER_STORE": "local",
                                      "FRONTLINE_DB_PATH": str(tmp_path / "kept.db")}, config_file=tmp_path / "n.yaml")
    services = build_services(settings)
    assert services.provider("store") == "local"
    with services.uow() as uow:
        assert uow.customers.all() == []
    assert (tmp_path / "kept.db").exists()


def test_no_server_is_provider_unavailable_naming_the_server_not_the_password(tmp_path):
    url = f"postgresql://frontline:s3cret-pw@127.0.0.1:{free_port()}/frontline"
    services = build_services(_pg_settings(url, tmp_path))
    with pytest.raises(ProviderUnavailable) as caught:
        services.get("store")
    message = str(caught.value)
    assert "PostgreSQL at postgresql://frontline:***@127.0.0.1" in message
    assert "s3cret-pw" not in message
    assert services.settings.database_name.startswith("postgresql://frontline:***@")


def test_a_dropped_connection_is_provider_unavailable_and_the_pool_recovers(postgres_url):
    import psycopg

    from services.adapters.postgres.uow import PostgresDatabase

    database = PostgresDatabase(postgres_url, max_size=1)
    try:
        with database() as uow:
            uow.customers.add(customer("Ada"))
        with psycopg.connect(postgres_url, autocommit=True) as admin:  # the server drops our pooled connection
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        with pytest.raises(ProviderUnavailable), database() as uow:
            uow.customers.add(customer("Grace"))
        with database() as uow:  # the broken connection was discarded; a new one serves
            assert [c.name for c in uow.customers.all()] == ["Ada"]
    finally:
        database.close()


def test_postgres_migration_5_keeps_one_suggestion_per_rank_and_the_triggers_count_it(postgres_url):
    """A PostgreSQL database at version 4 (shared state, PL/pgSQL triggers) with two sets of suggestions for one
    message upgrades to 5: one per rank is kept (the one with feedback), the unique key is in the schema, the
    settings row survives and the de-duplication moved the change counter."""
    import psycopg

    from services.adapters.postgres import schema as pg_schema
    from services.adapters.postgres.uow import PostgresDatabase

    with psycopg.connect(postgres_url, autocommit=True) as raw:
        raw.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for number, script in enumerate(pg_schema.MIGRATIONS[:4], start=1):
            raw.execute(script)
            raw.execute("INSERT INTO schema_version VALUES (%s)", [number])
        raw.execute(
            "INSERT INTO customers (id, name, tier) VALUES (1, 'Dana', 'gold');"
            "INSERT INTO conversations (id, customer_id, channel, status, created_at, updated_at) "
            "VALUES (1, 1, 'chat', 'open', 't', 't');"
            "INSERT INTO messages (id, conversation_id, author_role, text, masked_text, created_at) "
            "VALUES (1, 1, 'customer', 'hi', 'hi', 't');"
            "INSERT INTO suggestions (id, message_id, rank, text, source, score) VALUES "
            "(1, 1, 1, 'first a', 's', 0.9), (2, 1, 2, 'first b', 's', 0.8), "
            "(3, 1, 1, 'second a', 's', 0.9), (4, 1, 2, 'second b', 's', 0.8);"
            "UPDATE suggestions SET feedback = 'accepted' WHERE id = 4;"
            "INSERT INTO app_settings VALUES ('simulator', '{\"on\": true}', 't', 'admin');")
        changes = raw.execute("SELECT value FROM counters WHERE name = 'changes'").fetchone()[0]
    database = PostgresDatabase(postgres_url, max_size=1)
    try:
        assert database.schema_version() == len(pg_schema.MIGRATIONS) >= 5
        with database() as uow:
            assert [(s.id, s.text) for s in uow.assist.suggestions_for(1)] == [(1, "first a"), (4, "second b")]
            assert uow.shared.setting("simulator") == {"on": True}
            assert uow.shared.change_marker() != (changes,)
    finally:
        database.close()
    with psycopg.connect(postgres_url) as raw, pytest.raises(psycopg.errors.UniqueViolation):
        raw.execute("INSERT INTO suggestions (message_id, rank, text, source, score) VALUES (1, 1, 'dup', 's', 0.1)")


def _columns_sqlite(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
    finally:
        conn.close()


def test_both_dialects_build_the_same_tables_and_columns_from_the_same_numbered_migrations(postgres_url, tmp_path):
    import psycopg

    from services.adapters.local import schema as sqlite_schema
    from services.adapters.local.sqlite_uow import SqliteDatabase
    from services.adapters.postgres import schema as pg_schema
    from services.adapters.postgres.uow import PostgresDatabase

    assert len(pg_schema.MIGRATIONS) == len(sqlite_schema.MIGRATIONS)
    SqliteDatabase(tmp_path / "s.db")
    PostgresDatabase(postgres_url).close()
    with psycopg.connect(postgres_url) as conn:
        rows = conn.execute("SELECT table_name, column_name FROM information_schema.columns "
                            "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position").fetchall()
        version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    on_pg: dict[str, list[str]] = {}
    for table, column in rows:
        on_pg.setdefault(table, []).append(column)
    assert on_pg == _columns_sqlite(tmp_path / "s.db")
    assert version == len(sqlite_schema.MIGRATIONS)


def _seeds(tmp_path: Path, *envs_extra: dict[str, str]) -> list[dict]:
    """`python -m services seed` once per environment, the processes side by side (each seed is one core's work)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("FRONTLINE_")}
    base["FRONTLINE_CONFIG"] = str(tmp_path / "none.yaml")
    running = [subprocess.Popen([sys.executable, "-m", "services", "seed", "--force", "--no-assist",
                                 "--anchor", "2026-11-20"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                cwd=PROJECT_ROOT, env={**base, **extra}) for extra in envs_extra]
    try:
        outputs = [process.communicate(timeout=300) for process in running]
    finally:
        for process in running:
            process.kill()
            process.wait()
    for process, (_, stderr) in zip(running, outputs, strict=True):
        assert process.returncode == 0, stderr
    return [json.loads(stdout) for stdout, _ in outputs]


@pytest.mark.slow
def test_the_demo_seeds_into_postgresql_with_the_same_content_as_into_sqlite(postgres_url, tmp_path):
    on_pg, on_sqlite = _seeds(tmp_path, {"FRONTLINE_DATABASE_URL": postgres_url},
                              {"FRONTLINE_DB_PATH": str(tmp_path / "demo.db")})
    assert on_pg["db"] == postgres_url and on_sqlite["db"] == str(tmp_path / "demo.db")
    assert on_pg["counts"] == on_sqlite["counts"]
    assert on_pg["counts"]["messages"] > 1000
    assert on_pg["content_hash"] == on_sqlite["content_hash"]
    # the seeded company works through the ports: a demo user signs in, the queue has work
    settings = _pg_settings(postgres_url, tmp_path)
    services = build_services(settings)
    try:
        from services import auth

        assert auth.sign_in(services, "agent", "frontline-agent").username == "agent"
        with services.uow() as uow:
            assert len(uow.conversations.queue()) > 10
            assert uow.customers.add(customer("New")).id == on_pg["counts"]["customers"] + 1
    finally:
        services.store.close()


def test_a_writer_waits_for_another_at_most_the_lock_timeout_then_the_database_is_busy(postgres_url):
    import threading

    from services.adapters.postgres.uow import PostgresDatabase

    database = PostgresDatabase(postgres_url, lock_timeout_ms=300)
    holding, release = threading.Event(), threading.Event()

    def long_writer() -> None:
        with database() as uow:
            uow.customers.add(customer("Ada"))
            holding.set()
            release.wait(10)

    worker = threading.Thread(target=long_writer)
    worker.start()
    try:
        assert holding.wait(10)
        with pytest.raises(ProviderUnavailable, match="busy"), database() as uow:
            uow.customers.add(customer("Grace"))
        with database() as uow:
            assert uow.customers.all() == []  # reads never wait for the writer, and see nothing uncommitted
    finally:
        release.set()
        worker.join(10)
    with database() as uow:
        assert [c.name for c in uow.customers.all()] == ["Ada"]
        uow.customers.add(customer("Grace"))  # the busy connection went back to the pool in a clean state
    database.close()
