"""AuditRepository contract, on every backend."""

from __future__ import annotations


def test_entries_are_newest_first_and_filtered_by_actor(database):
    with database() as uow:
        for i in range(5):
            uow.audit.record("ada" if i % 2 else "bob", f"action{i}", "conversation", "1", f"detail {i}")
    with database() as uow:
        assert [e.action for e in uow.audit.entries()] == ["action4", "action3", "action2", "action1", "action0"]
        assert [e.action for e in uow.audit.entries(limit=2)] == ["action4", "action3"]
        assert [e.action for e in uow.audit.entries(actor="ada")] == ["action3", "action1"]
        assert uow.audit.entries()[0].detail == "detail 4"


def test_a_trail_is_one_rows_latest_entries_oldest_first(database):
    with database() as uow:
        for i in range(4):
            uow.audit.record("ada", f"a{i}", "conversation", "7")
        uow.audit.record("ada", "other", "conversation", "8")
    with database() as uow:
        assert [e.action for e in uow.audit.trail("conversation", "7")] == ["a0", "a1", "a2", "a3"]
        assert [e.action for e in uow.audit.trail("conversation", "7", limit=2)] == ["a2", "a3"]
        assert uow.audit.trail("conversation", "9") == []


def test_events_get_increasing_ids(database):
    with database() as uow:
        first = uow.audit.add_event("agent_reply", None, '{"message_id": 1}')
        second = uow.audit.add_event("customer_message", None)
    assert second > first > 0
