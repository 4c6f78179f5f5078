"""The SQLite adapter of the repositories on a real temporary file, one unit of work per call (tests/repos.py)."""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

import pytest

from services.adapters.local import schema
from services.adapters.local.sqlite_uow import SqliteDatabase
from services.errors import InvalidInput, NotFound
from services.models import Article, Conversation, Customer, Message, Order, Suggestion
from tests.contracts.conftest import analysis
from tests.repos import repos


@pytest.fixture
def store(tmp_path):
    return repos(SqliteDatabase(tmp_path / "store.db"))


def customer(store: Any, name: str = "Dana Reyes") -> Customer:
    return store.customers.add(Customer(0, name, "dana@example.com", "+1 555 0100", "gold", 1200.0, "2024-01-02",
                                       "Austin"))


def conversation(store: Any, channel: str = "chat") -> Conversation:
    c = customer(store)
    return store.conversations.add(Conversation(0, c.id, channel, "open", "Where is my blender?",
                                               "2026-11-01T10:00:00Z", "2026-11-01T10:00:00Z", "agent"))


def message(conversation_id: int, text: str, at: str = "") -> Message:
    return Message(0, conversation_id, "customer", "Dana", text, text, at)


def test_file_is_in_wal_mode_with_a_schema_version(store, tmp_path):
    assert store.journal_mode() == "wal"
    assert store.schema_version() == len(schema.MIGRATIONS)
    raw = sqlite3.connect(tmp_path / "store.db")
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_opening_again_keeps_rows_and_does_not_rerun_migrations(store, tmp_path):
    customer(store)
    again = repos(SqliteDatabase(tmp_path / "store.db"))
    assert again.schema_version() == len(schema.MIGRATIONS)
    assert [c.name for c in again.customers.all()] == ["Dana Reyes"]


def test_a_version_1_database_gains_the_conversation_order_column_and_keeps_its_rows(tmp_path):
    path = tmp_path / "v1.db"
    raw = sqlite3.connect(path, isolation_level=None)
    raw.executescript(schema.MIGRATIONS[0])
    raw.executescript("CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);"
                      "INSERT INTO customers (id, name, tier) VALUES (1, 'Dana', 'gold');"
                      "INSERT INTO conversations (customer_id, channel, status, created_at, updated_at) "
                      "VALUES (1, 'chat', 'open', 't', 't');")
    raw.close()
    store = repos(SqliteDatabase(path))
    assert store.schema_version() == len(schema.MIGRATIONS)
    assert store.conversations.get(1).order_number == ""


def test_conversation_round_trip_and_update(store):
    c = conversation(store, "email")
    assert store.conversations.get(c.id).channel == "email"
    updated = store.conversations.update(c.id, status="resolved", resolution="answered")
    assert (updated.status, updated.resolution) == ("resolved", "answered")
    assert store.conversations.all(status="open") == []


def test_unknown_channel_is_refused_as_invalid_input_not_a_driver_error(store):
    c = customer(store)
    with pytest.raises(InvalidInput):
        store.conversations.add(Conversation(0, c.id, "fax", "open", "", "t", "t"))


def test_updating_a_column_that_does_not_exist_is_invalid_input(store):
    c = conversation(store)
    with pytest.raises(InvalidInput, match="cannot change colour"):
        store.conversations.update(c.id, colour="red")


def test_messages_keep_order_text_and_masked_text(store):
    c = conversation(store)
    store.conversations.append_message(Message(0, c.id, "customer", "Dana", "mail me at dana@example.com", "mail me at [EMAIL]", ""))
    store.conversations.append_message(message(c.id, "thanks"))
    texts = [(m.text, m.masked_text) for m in store.conversations.messages_for(c.id)]
    assert texts == [("mail me at dana@example.com", "mail me at [EMAIL]"), ("thanks", "thanks")]
    assert store.conversations.count_messages(c.id) == 2


def test_missing_rows_raise_not_found(store):
    with pytest.raises(NotFound, match="conversation 99 not found"):
        store.conversations.get(99)
    with pytest.raises(NotFound):
        store.users.get("nobody")


def test_orders_come_back_with_items_newest_first(store):
    c = customer(store)
    store.customers.add_order(Order(0, "BW-100001", c.id, "delivered", 20.0, "USD", "2026-10-01T00:00:00Z", ("Kettle",)))
    store.customers.add_order(Order(0, "BW-100002", c.id, "shipped", 30.0, "USD", "2026-11-01T00:00:00Z", ("Toaster", "Mug"),
                          "BWT123456789"))
    orders = store.customers.orders_for(c.id)
    assert [o.number for o in orders] == ["BW-100002", "BW-100001"]
    assert orders[0].items == ("Toaster", "Mug")


def test_suggestion_feedback_is_recorded_and_validated(store):
    c = conversation(store)
    m = store.conversations.append_message(message(c.id, "where is my order"))
    store.assist.save_outcome(m.id, analysis(), [Suggestion("It ships today", "library:x", 0.9),
                                                 Suggestion("Let me check", "library:y", 0.5)])
    ids = [s.id for s in store.assist.suggestions_for(m.id)]
    store.assist.record_feedback(ids[0], "edited", "It ships today, Dana!")
    rows = store.assist.suggestions_for(m.id)
    assert [(r.rank, r.feedback) for r in rows] == [(1, "edited"), (2, None)]
    with pytest.raises(InvalidInput, match="accepted, edited or rejected"):
        store.assist.record_feedback(ids[1], "loved")


def test_article_updates_keep_every_version(store):
    a = store.articles.add(Article(0, "returns", "Returns", "30 days", "returns", "approved", 1, "2026-11-01T00:00:00Z"))
    store.articles.update(a.id, "editor", body="30 days, free label")
    assert store.articles.get(a.id).version == 2
    assert [(v.version, v.body) for v in store.articles.versions(a.id)] == [(1, "30 days"),
                                                                                (2, "30 days, free label")]


def test_audit_entries_newest_first(store):
    store.audit.record("agent", "view_conversation", "conversation", "1")
    store.audit.record("admin", "view_customer", "customer", "2")
    assert [e.action for e in store.audit.entries()] == ["view_customer", "view_conversation"]
    assert [e.actor for e in store.audit.entries(actor="agent")] == ["agent"]


def test_reset_empties_every_table_and_hash_tracks_content(store):
    empty_hash = store.content_hash()
    customer(store)
    assert store.content_hash() != empty_hash
    store.reset()
    assert set(store.table_counts().values()) == {0}
    assert store.content_hash() == empty_hash


def test_two_threads_writing_500_messages_each_lose_none(store):
    c = conversation(store)
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            for i in range(500):
                store.conversations.append_message(message(c.id, f"{name} {i}"))
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    texts = {m.text for m in store.conversations.messages_for(c.id)}
    assert len(texts) == 1000
    assert {f"a {i}" for i in range(500)} <= texts and {f"b {i}" for i in range(500)} <= texts


def test_an_existing_database_is_migrated_to_the_inbox_and_session_tables(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    conn.executescript(schema.MIGRATIONS[0] + "; INSERT INTO schema_version VALUES (1);")
    conn.executescript("INSERT INTO customers (id, name, tier) VALUES (1, 'Dana', 'gold');"
                       "INSERT INTO conversations (id, customer_id, channel, status, created_at, updated_at, "
                       "assigned_agent) VALUES (7, 1, 'chat', 'escalated', '2026-01-01T00:00:00Z', "
                       "'2026-01-01T00:00:00Z', 'agent');"
                       "INSERT INTO escalations (conversation_id, created_at, actor, score, reasons, note) "
                       "VALUES (7, '2026-01-01T00:00:00Z', 'agent', 0.9, '[\"asked for a manager\"]', 'help');")
    conn.close()
    store = repos(SqliteDatabase(path))
    assert store.schema_version() == len(schema.MIGRATIONS)
    [row] = store.assist.open_escalations()
    assert (row.conversation.id, row.reasons, row.note) == (7, ("asked for a manager",), "help")
    assert len(store.sessions.secret("session_key")) == 64


def test_migration_6_upgrades_articles_whose_racing_saves_left_two_versions_with_one_number(tmp_path):
    """Before migration 6 two saves racing between read and write could both record version 2; the upgrade keeps
    both rows (a unique index would have refused to build and left the app unable to start), fills each version's
    area and language from its article, and names the first one "Created"."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, script in enumerate(schema.MIGRATIONS[:5], start=1):
        for statement in schema.statements(script):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?)", (number,))
    conn.executescript(
        "INSERT INTO kb_articles (id, slug, title, body, category, status, version, updated_at, language) "
        "VALUES (1, 'returns', 'Returns', 'B', 'Orders', 'draft', 2, 't', 'de');"
        "INSERT INTO kb_article_versions (article_id, version, title, body, status, changed_by, changed_at) VALUES "
        "(1, 1, 'Returns', 'A', 'draft', 'system', 't'), (1, 2, 'Returns', 'B', 'draft', 'ana', 't'), "
        "(1, 2, 'Returns', 'C', 'draft', 'ben', 't');")
    conn.close()
    store = repos(SqliteDatabase(path))
    assert store.schema_version() == len(schema.MIGRATIONS)
    versions = store.articles.versions(1)
    assert [(v.version, v.changed_by, v.category, v.language, v.summary) for v in versions] == [
        (1, "system", "Orders", "de", "Created"), (2, "ana", "Orders", "de", "Edited"),
        (2, "ben", "Orders", "de", "Edited")]
    assert store.articles.get(1).tags == ()
