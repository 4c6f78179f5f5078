"""State several app processes share, on a real SQLite file: the change counter, settings rows, heartbeats, claims
(the SQLite side of tests/contracts/test_shared_state_repository.py, with what only SQLite can show: triggers, query
plans, a claim left in the table by a dead process)."""

from __future__ import annotations

import sqlite3

import pytest

from services.adapters.local.sqlite_uow import SqliteDatabase
from services.clock import now_iso
from services.errors import NotFound
from services.models import Article, Conversation, Customer, Message, Suggestion
from tests.contracts.conftest import analysis
from tests.repos import repos


@pytest.fixture
def store(tmp_path):
    return repos(SqliteDatabase(tmp_path / "store.db"))


def conversation(store) -> Conversation:
    c = store.customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 1.0, "2024-01-02", "Austin"))
    return store.conversations.add(Conversation(0, c.id, "chat", "open", "Blender", now_iso(), now_iso(), "agent"))


def customer_message(store, conversation_id: int, text: str = "where is my blender?") -> Message:
    return store.conversations.append_message(Message(0, conversation_id, "customer", "Dana", text, text, ""))


def raw(store) -> sqlite3.Connection:
    return sqlite3.connect(store._database.path, isolation_level=None)


def test_defect_15_two_writes_in_the_same_second_are_two_changes(store):
    """The old marker was MAX(updated_at) at one-second resolution: a second change within that second was missed."""
    c = conversation(store)
    for _ in range(20):  # until both writes fall in one clock second (the old marker's blind spot)
        second = now_iso()
        before = store.shared.change_marker()
        store.conversations.update(c.id, status="pending")
        middle = store.shared.change_marker()
        store.conversations.update(c.id, queue="billing")
        after = store.shared.change_marker()
        if now_iso() == second:
            break
    assert before != middle != after != before


def test_every_table_the_live_panels_show_moves_the_marker(store):
    c = conversation(store)
    m = customer_message(store, c.id)
    writes = [
        lambda: store.assist.save_outcome(m.id, analysis(), [Suggestion("Hi", "t", 1)]),
        lambda: store.assist.record_feedback(store.assist.suggestions_for(m.id)[0].id, "accepted", "Hi"),
        lambda: store.assist.record_feedback(store.assist.suggestions_for(m.id)[0].id, "edited", "Hi there"),
        lambda: store.assist.add_escalation(c.id, ["angry"], 0.9, "agent"),
        lambda: store.assist.close_escalation(store.assist.latest_escalation(c.id).id, "resolved", "lead"),
        lambda: store.articles.add(Article(0, "returns", "Returns", "30 days", "returns", "draft", 1, now_iso())),
        lambda: customer_message(store, c.id, "hello?"),
    ]
    for write in writes:
        before = store.shared.change_marker()
        write()
        assert store.shared.change_marker() != before


def test_a_rolled_back_write_does_not_move_the_marker(store):
    """The counter is bumped by triggers inside the writing transaction, so it moves exactly when the write commits."""
    c = conversation(store)
    before = store.shared.change_marker()
    with pytest.raises(NotFound), store._database() as uow:
        uow.conversations.update(c.id, status="pending")
        uow.conversations.append_message(Message(0, 999, "customer", "", "x", "x", ""))  # no such conversation
    assert store.shared.change_marker() == before
    assert store.conversations.get(c.id).status == "open"


def test_reading_the_marker_costs_one_row_with_100k_suggestions(store):
    m = customer_message(store, conversation(store).id)
    db = raw(store)
    db.execute("BEGIN")
    db.executemany("INSERT INTO suggestions (message_id, rank, text, source, score, feedback) "
                   "VALUES (?, ?, 'text', 'test', 0.5, ?)",
                   [(m.id, i + 2, "accepted" if i % 2 else None) for i in range(100_000)])
    db.execute("COMMIT")
    statements: list[str] = []
    steps = [0]

    def count_step() -> int:
        steps[0] += 1
        return 0

    with store._database() as uow:
        conn = uow._tx.conn  # the unit of work's own connection
        conn.set_trace_callback(statements.append)
        conn.set_progress_handler(count_step, 1)  # called once per SQLite virtual-machine instruction
        try:
            uow.shared.change_marker()
        finally:
            conn.set_progress_handler(None, 1)
            conn.set_trace_callback(None)
    assert steps[0] < 100  # a scan of 100k rows takes hundreds of thousands of instructions
    for sql in statements:
        plan = " ".join(row[-1] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", ["changes"] * sql.count("?")))
        assert "SCAN" not in plan, plan


def test_the_kb_index_version_moves_only_when_approved_articles_change(store):
    version = store.shared.kb_index_version
    start = version()
    draft = store.articles.add(Article(0, "draft", "Draft", "not yet", "orders", "draft", 1, now_iso()))
    assert version() == start  # a draft is not in the index
    store.articles.update(draft.id, "editor", body="still not")
    assert version() == start
    store.articles.update(draft.id, "editor", status="approved")
    assert version() == start + 1
    store.articles.update(draft.id, "editor", body="approved text changed")
    assert version() == start + 2
    store.articles.update(draft.id, "editor", status="archived")  # withdrawn
    assert version() == start + 3
    store.articles.add(Article(0, "approved", "Returns", "30 days", "returns", "approved", 1, now_iso()))
    assert version() == start + 4


def test_settings_rows_and_heartbeats_round_trip(store):
    assert store.shared.setting("simulator") == {}
    store.shared.put_setting("simulator", {"on": True, "rate": 2.0}, "admin")
    store.shared.put_setting("simulator", {"on": False, "rate": 2.0}, "admin")
    assert store.shared.setting("simulator") == {"on": False, "rate": 2.0}
    assert store.shared.heartbeat("simulator") is None
    store.shared.beat("simulator", 1234, {"written": 3})
    beat = store.shared.heartbeat("simulator")
    assert (beat.pid, beat.detail) == (1234, {"written": 3})


def test_a_message_is_claimed_once_until_released(store):
    m = customer_message(store, conversation(store).id)
    assert store.shared.claim_analysis(m.id, "one")
    assert not store.shared.claim_analysis(m.id, "two")
    store.shared.release_analysis(m.id, "two")  # not two's claim: nothing happens
    assert not store.shared.claim_analysis(m.id, "two")
    store.assist.save_outcome(m.id, None, not_analysed="model crashed")
    store.shared.release_analysis(m.id, "one")
    assert not store.shared.claim_analysis(m.id, "two")  # it has an outcome: nothing to analyse
    assert store.shared.claim_analysis(m.id, "two", retry=True)  # a retry may take a "not analysed" message
    assert not store.shared.claim_analysis(m.id, "three", retry=True)
    with pytest.raises(NotFound):
        store.shared.claim_analysis(12345, "one")


def test_a_claim_left_by_a_dead_process_expires(store):
    m = customer_message(store, conversation(store).id)
    raw(store).execute("INSERT INTO analysis_claims VALUES (?, 'dead', '2020-01-01T00:00:00Z')", [m.id])
    assert store.shared.claim_analysis(m.id, "alive")
