"""What only the SQLite adapter can show: WAL, migrations, driver errors translated, writers on many threads."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace

import pytest

from services.adapters.local import schema
from services.adapters.local.sqlite_uow import SqliteDatabase
from services.errors import InvalidInput
from tests.contracts.conftest import conversation, customer, message, thread_with_message


@pytest.fixture
def database(tmp_path):
    return SqliteDatabase(tmp_path / "uow.db")


def test_the_file_is_in_wal_mode_at_the_latest_schema_version(database, tmp_path):
    assert database.journal_mode() == "wal"
    assert database.schema_version() == len(schema.MIGRATIONS)
    assert sqlite3.connect(tmp_path / "uow.db").execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_check_constraint_is_invalid_input_not_a_driver_error(database):
    with database() as uow:
        ada = uow.customers.add(customer())
    with pytest.raises(InvalidInput), database() as uow:
        uow.conversations.add(replace(conversation(ada.id), channel="pigeon"))


def test_a_value_sqlite_cannot_hold_is_invalid_input(database):
    talk, _ = thread_with_message(database)
    with pytest.raises(InvalidInput), database() as uow:
        uow.conversations.append_message(message(talk.id, text="half an emoji \ud83d"))


def test_migration_5_keeps_one_suggestion_per_rank_preferring_the_one_with_feedback(tmp_path):
    path = tmp_path / "v3.db"
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, script in enumerate(schema.MIGRATIONS[:3], start=1):
        raw.executescript(script)
        raw.execute("INSERT INTO schema_version VALUES (?)", (number,))
    raw.executescript(
        "INSERT INTO customers (id, name, tier) VALUES (1, 'Dana', 'gold');"
        "INSERT INTO conversations (id, customer_id, channel, status, created_at, updated_at) "
        "VALUES (1, 1, 'chat', 'open', 't', 't');"
        "INSERT INTO messages (id, conversation_id, author_role, text, masked_text, created_at) "
        "VALUES (1, 1, 'customer', 'hi', 'hi', 't');"
        # two sessions analysed message 1: ranks 1 and 2 twice; the agent answered with the second set's rank 2
        "INSERT INTO suggestions (id, message_id, rank, text, source, score) VALUES "
        "(1, 1, 1, 'first a', 's', 0.9), (2, 1, 2, 'first b', 's', 0.8), "
        "(3, 1, 1, 'second a', 's', 0.9), (4, 1, 2, 'second b', 's', 0.8);"
        "UPDATE suggestions SET feedback = 'accepted' WHERE id = 4;")
    raw.close()
    database = SqliteDatabase(path)
    assert database.schema_version() == len(schema.MIGRATIONS)
    with database() as uow:
        assert [(s.id, s.text) for s in uow.assist.suggestions_for(1)] == [(1, "first a"), (4, "second b")]
    with pytest.raises(sqlite3.IntegrityError):  # the key is in the schema, not only in our code
        sqlite3.connect(path).execute("INSERT INTO suggestions (message_id, rank, text, source, score) "
                                      "VALUES (1, 1, 'dup', 's', 0.1)")


def test_two_threads_writing_500_messages_each_lose_none(database):
    talk, _ = thread_with_message(database)
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            for i in range(500):
                with database() as uow:
                    uow.conversations.append_message(message(talk.id, text=f"{name} {i}", at=""))
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with database() as uow:
        assert uow.conversations.count_messages(talk.id) == 1001


def test_every_unit_of_work_closes_its_connection(database):
    with database() as uow:
        uow.customers.all()
    with pytest.raises(sqlite3.ProgrammingError):
        uow._tx.conn.execute("SELECT 1")


def test_a_database_at_version_4_of_main_shared_state_upgrades_to_the_unique_suggestions(tmp_path):
    """main's migration 4 (counters, triggers, settings, heartbeats, claims) and this branch's unique suggestions
    were both numbered 4: the suggestions' one is 5 now, so a database already at 4 upgrades, and its counters keep
    counting through the new migration's writes."""
    path = tmp_path / "v4.db"
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, script in enumerate(schema.MIGRATIONS[:4], start=1):
        for statement in schema.statements(script):
            raw.execute(statement)
        raw.execute("INSERT INTO schema_version VALUES (?)", (number,))
    raw.executescript(
        "INSERT INTO customers (id, name, tier) VALUES (1, 'Dana', 'gold');"
        "INSERT INTO conversations (id, customer_id, channel, status, created_at, updated_at) "
        "VALUES (1, 1, 'chat', 'open', 't', 't');"
        "INSERT INTO messages (id, conversation_id, author_role, text, masked_text, created_at) "
        "VALUES (1, 1, 'customer', 'hi', 'hi', 't');"
        "INSERT INTO suggestions (id, message_id, rank, text, source, score) VALUES "
        "(1, 1, 1, 'first a', 's', 0.9), (2, 1, 1, 'second a', 's', 0.9);"
        "INSERT INTO app_settings VALUES ('simulator', '{\"on\": true, \"rate\": 2.0}', 't', 'admin');")
    changes = raw.execute("SELECT value FROM counters WHERE name = 'changes'").fetchone()[0]
    raw.close()
    database = SqliteDatabase(path)
    assert database.schema_version() == len(schema.MIGRATIONS) == 6
    with database() as uow:
        assert [s.text for s in uow.assist.suggestions_for(1)] == ["first a"]
        assert uow.shared.setting("simulator") == {"on": True, "rate": 2.0}  # kept through the upgrade
        assert uow.shared.change_marker() != (changes,)  # the de-duplication was a change the panels see
