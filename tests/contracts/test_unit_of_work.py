"""The unit of work: one commit on a clean exit, nothing on an exception, nested units join the outer one."""

from __future__ import annotations

import threading

import pytest

from services.errors import NotFound
from tests.contracts.conftest import customer


def _seen_from_another_thread(database) -> list[str]:
    seen: list[str] = []

    def read() -> None:
        with database() as uow:
            seen.extend(c.name for c in uow.customers.all())

    worker = threading.Thread(target=read)
    worker.start()
    worker.join(10)
    return seen


def test_writes_are_committed_once_and_only_when_the_block_ends(database):
    before = database.commits
    with database() as uow:
        uow.customers.add(customer("Ada"))
        uow.customers.add(customer("Grace"))
        uow.audit.record("admin", "create", "customer", "1")
        assert _seen_from_another_thread(database) == []  # not visible before the commit
        assert [c.name for c in uow.customers.all()] == ["Ada", "Grace"]  # but visible inside
    assert database.commits == before + 1
    assert _seen_from_another_thread(database) == ["Ada", "Grace"]


def test_an_exception_rolls_every_write_back(database):
    with pytest.raises(NotFound), database() as uow:
        uow.customers.add(customer("Ada"))
        uow.audit.record("admin", "create", "customer", "1")
        uow.conversations.get(999)
    with database() as uow:
        assert uow.customers.all() == []
        assert uow.audit.entries() == []


def test_a_nested_unit_of_work_joins_the_outer_transaction(database):
    before = database.commits
    with pytest.raises(RuntimeError), database() as outer:
        outer.customers.add(customer("Ada"))
        with database() as inner:
            inner.customers.add(customer("Grace"))
            assert len(inner.customers.all()) == 2
        assert database.commits == before  # the inner exit did not commit
        raise RuntimeError("the outer block fails")
    with database() as uow:
        assert uow.customers.all() == []  # the inner write went with the outer rollback


def test_a_read_only_unit_of_work_commits_nothing(database):
    before = database.commits
    with database() as uow:
        uow.customers.all()
        uow.shared.change_marker()
    assert database.commits == before


def test_reset_empties_every_table(database):
    with database() as uow:
        uow.customers.add(customer())
    assert database.table_counts()["customers"] == 1
    database.reset()
    assert set(database.table_counts().values()) == {0}


def test_content_hash_follows_the_content(database):
    empty = database.content_hash()
    with database() as uow:
        uow.customers.add(customer())
    assert database.content_hash() != empty


def test_writers_on_two_threads_lose_no_update(database):
    def writer(name: str) -> None:
        for i in range(25):
            with database() as uow:
                uow.audit.record(name, f"write {i}", "test", "1")

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("ada", "bob")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    with database() as uow:
        assert len(uow.audit.entries(limit=100)) == 50
