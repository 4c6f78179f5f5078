"""The audit log is append-only and hash-chained (services/audit_chain.py), on every backend: the engine itself
refuses UPDATE and DELETE (all but a detail's redaction to '[erased]'), the chain verifies, and a row changed by
someone who went around the rules (dropping or disabling the trigger, as the database file's or the table's owner
can) is found."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest

from services.audit_chain import ERASED, KEYED, ChainCheck, detail_digest, digest_matches, link_hash
from services.models import AuditQuery
from tests.contracts.conftest import customer as customer_named
from tests.fake_repositories import FakeDatabase

REFUSED = (sqlite3.IntegrityError, psycopg.IntegrityError)


@contextmanager
def engine(database: Any) -> Iterator[Any]:
    """A direct connection to the database's engine, as someone with the file or the table owner's login has."""
    if isinstance(database, FakeDatabase):
        pytest.skip("the fake has no database engine to go around")
    if hasattr(database, "url"):
        with psycopg.connect(database.url, autocommit=True) as conn:
            yield conn
    else:
        conn = sqlite3.connect(database.path, isolation_level=None)
        try:
            yield conn
        finally:
            conn.close()


def without_rules(database: Any, conn: Any) -> None:
    """What an attacker with the engine's keys does first: the append-only trigger out of the way."""
    if hasattr(database, "url"):
        conn.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    else:
        conn.execute("DROP TRIGGER audit_log_refuses_update")
        conn.execute("DROP TRIGGER audit_log_refuses_delete")


def record(database: Any, count: int, actor: str = "ada") -> None:
    with database() as uow:
        for i in range(count):
            uow.audit.record(actor, "read", "customer", str(i + 1), f"viewed customer {i + 1}: ada@example.com")


def verified(database: Any, page: int = 5000) -> ChainCheck:
    last = 0
    with database() as uow:
        check = ChainCheck(uow.audit.detail_matches)
        while links := uow.audit.chain(last, page):
            check.feed(links)
            last = links[-1].id
    return check


def test_the_chain_verifies_across_units_of_work_read_in_pages(database):
    record(database, 3)
    record(database, 4, actor="bob")
    check = verified(database, page=2)
    assert (check.entries, check.ok, check.first_bad_id, check.redacted) == (7, True, None, 0)
    with database() as uow:
        links = uow.audit.chain()
    assert [link.id for link in links] == sorted(link.id for link in links)
    assert check.head_id == links[-1].id and check.head_hash == links[-1].hash and len(set(link.hash for link in links)) == 7


def test_entries_recorded_in_a_unit_of_work_are_read_by_it_and_gone_when_it_fails(database):
    with pytest.raises(RuntimeError), database() as uow:
        uow.audit.record("ada", "read", "customer", "1")
        assert [e.action for e in uow.audit.trail("customer", "1")] == ["read"]
        raise RuntimeError("the use case fails after its read")
    record(database, 1)
    assert verified(database).entries == 1


def test_update_delete_and_truncate_are_refused_by_the_engine(database):
    record(database, 3)
    with database() as uow:
        before = uow.audit.chain()
    with engine(database) as conn:
        for statement in ("UPDATE audit_log SET actor = 'mallory' WHERE id = 2",
                          "UPDATE audit_log SET detail = 'nothing to see' WHERE id = 2",
                          "UPDATE audit_log SET detail = NULL WHERE id = 2",
                          "UPDATE audit_log SET detail = '[erased]', actor = 'mallory' WHERE id = 2",
                          "UPDATE audit_log SET hash = '' WHERE id = 2",
                          "DELETE FROM audit_log WHERE id = 3",
                          "DELETE FROM audit_log"):
            with pytest.raises(REFUSED, match="append-only"):
                conn.execute(statement)
        if hasattr(database, "url"):
            with pytest.raises(REFUSED, match="append-only"):
                conn.execute("TRUNCATE audit_log")
    with database() as uow:
        assert uow.audit.chain() == before


def test_a_redaction_to_the_marker_is_allowed_and_the_chain_still_verifies(database):
    record(database, 4)
    with database() as uow:
        assert uow.audit.redact_details([2, 3, 99]) == 2
    with database() as uow:
        assert uow.audit.redact_details([2, 3]) == 0  # already erased
        details = {e.id: e.detail for e in uow.audit.entries()}
    assert details[2] == details[3] == ERASED and details[1].endswith("ada@example.com")
    check = verified(database)
    assert (check.ok, check.redacted, check.entries) == (True, 2, 4)


def test_the_engine_lets_the_redaction_through_and_only_it(database):
    record(database, 2)
    with engine(database) as conn:
        conn.execute("UPDATE audit_log SET detail = '[erased]' WHERE id = 1")
    check = verified(database)
    assert (check.ok, check.redacted) == (True, 1)


def test_a_changed_detail_is_found_at_its_row(database):
    record(database, 5)
    with engine(database) as conn:
        without_rules(database, conn)
        conn.execute("UPDATE audit_log SET detail = 'viewed nothing' WHERE id = 3")
    check = verified(database)
    assert (check.ok, check.first_bad_id, check.entries) == (False, 3, 5)


def test_a_changed_actor_is_found_even_with_a_recomputed_digest(database):
    record(database, 5)
    with engine(database) as conn:
        without_rules(database, conn)
        conn.execute("UPDATE audit_log SET actor = 'bob' WHERE id = 4")
        conn.execute("UPDATE audit_log SET detail = '[erased]' WHERE id = 2")  # a fake "erase" is not tampering
    check = verified(database)
    assert (check.ok, check.first_bad_id, check.redacted) == (False, 4, 1)


def test_an_erased_detail_leaves_a_digest_that_cannot_confirm_a_guess_without_the_key(database):
    record(database, 3)
    with database() as uow:
        uow.audit.redact_details([2])
    with database() as uow:
        erased = uow.audit.chain()[1]
        old = "viewed customer 2: ada@example.com"
        assert erased.detail == ERASED and erased.detail_digest.startswith(KEYED)
        assert uow.audit.detail_matches(old, erased.detail_digest)  # the key's holder can still check it
    assert erased.detail_digest != detail_digest(old)  # the old plain sha256: a guess confirmed from the file alone
    assert not digest_matches(old, erased.detail_digest)  # without the key, no guess matches
    assert not digest_matches(old, erased.detail_digest, b"another deployment's key")


def test_a_changed_detail_with_a_recomputed_plain_digest_and_chain_is_found(database):
    """Someone with the file but not the key rewrites a detail, its digest and every hash after it."""
    record(database, 4)
    with database() as uow:
        links = uow.audit.chain()
    previous, rewritten = links[1].hash, []
    for link in links[2:]:
        detail = "viewed nothing" if link.id == 3 else link.detail
        digest = detail_digest(detail) if link.id == 3 else link.detail_digest
        previous = link_hash(previous, link.id, link.at, link.actor, link.action, link.entity, link.entity_id, digest)
        rewritten.append((detail, digest, previous, link.id))
    with engine(database) as conn:
        without_rules(database, conn)
        mark = "%s" if hasattr(database, "url") else "?"
        for row in rewritten:
            conn.execute(f"UPDATE audit_log SET detail = {mark}, detail_digest = {mark}, hash = {mark} "
                         f"WHERE id = {mark}", row)
    check = verified(database)
    assert (check.ok, check.first_bad_id) == (False, 3)


def test_a_deleted_row_is_found_at_the_row_after_it(database):
    record(database, 5)
    with engine(database) as conn:
        without_rules(database, conn)
        conn.execute("DELETE FROM audit_log WHERE id = 2")
    check = verified(database)
    assert (check.ok, check.first_bad_id, check.entries) == (False, 3, 4)


def test_search_filters_by_every_field_newest_first(database):
    with database() as uow:
        uow.audit.record("ada", "read", "customer", "7", "looked up 100% of orders")
        uow.audit.record("bob", "read", "customer", "8", "looked up orders")
        uow.audit.record("ada", "resolve", "conversation", "7", "Resolved")
        uow.audit.record("ada", "read", "customer", "70", "x_y")
    with database() as uow:
        def ids(**query: str) -> list[int]:
            return [e.id for e in uow.audit.search(AuditQuery(**query))]
        assert ids() == [4, 3, 2, 1]
        assert ids(actor="ada") == [4, 3, 1]
        assert ids(action="read", entity="customer", entity_id="7") == [1]
        assert ids(text="100%") == [1]  # % and _ are the text itself, not wildcards
        assert ids(text="X_Y") == [4]
        assert ids(text="BOB") == [2]
        assert ids(since="2000-01-01T00:00:00Z", until="2999-01-01T00:00:00Z") == [4, 3, 2, 1]
        assert ids(until="2000-01-01T00:00:00Z") == []
        assert [e.id for e in uow.audit.search(AuditQuery(actor="ada"), limit=2)] == [4, 3]


def test_an_entry_that_cannot_be_stored_fails_its_unit_of_work_and_nothing_of_it_is_kept(database):
    from services.errors import InvalidInput

    with pytest.raises(InvalidInput), database() as uow:
        uow.customers.add(customer_named("Ada"))
        uow.audit.record("ada", "read", "customer", "1", "half a surrogate \ud800")
    with database() as uow:
        assert uow.customers.all() == [] and uow.audit.entries() == []
    record(database, 1)
    assert verified(database).ok
