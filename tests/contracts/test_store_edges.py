"""Edges every store must keep the same way (found while porting to PostgreSQL): ids after rows stored with their
own ids, a refused write caught inside a unit of work, bad values refused as InvalidInput. On every backend."""

from __future__ import annotations

from dataclasses import replace

import pytest

from services.errors import Conflict, InvalidInput, NotFound
from services.models import Conversation
from tests.contracts.conftest import customer


def test_after_rows_with_their_own_ids_a_new_row_gets_the_next_id(database):
    with database() as uow:
        uow.customers.add_many([replace(customer("Ada"), id=7), replace(customer("Grace"), id=3)])
        assert uow.customers.add(customer("Eve")).id == 8  # in the same unit of work
    with database() as uow:
        assert uow.customers.add(customer("Mallory")).id == 9  # and in the next one


def test_a_conflict_caught_inside_a_unit_of_work_keeps_its_other_writes(database):
    with database() as uow:
        uow.users.add("ada", "Ada", "agent", "h")
        with pytest.raises(Conflict):
            uow.users.add("ada", "Ada again", "agent", "h")
        with pytest.raises(NotFound):
            uow.conversations.add(Conversation(0, 424242, "chat", "open", "", "2026-11-01T09:00:00Z",
                                               "2026-11-01T09:00:00Z"))
        uow.users.add("grace", "Grace", "agent", "h")
    with database() as uow:
        assert [u.username for u in uow.users.all()] == ["ada", "grace"]


def test_a_value_the_schema_refuses_is_invalid_input_and_stores_nothing(database):
    with database() as uow:
        who = uow.customers.add(customer())
    with pytest.raises(InvalidInput), database() as uow:
        uow.conversations.add(Conversation(0, who.id, "fax", "open", "", "2026-11-01T09:00:00Z",
                                           "2026-11-01T09:00:00Z"))
    with database() as uow:
        assert uow.conversations.all() == []


@pytest.mark.parametrize("bad", ["nul\x00byte", "half \ud800 surrogate", 2**70])
def test_a_key_no_row_can_have_reads_as_not_found(database, bad):
    with database() as uow:
        uow.users.add("ada", "Ada", "agent", "h")  # inside a writing transaction too
        with pytest.raises(NotFound):
            uow.users.get(bad)
        with pytest.raises(NotFound):
            uow.customers.find_order(bad)
        with pytest.raises(NotFound):
            uow.conversations.get(bad)
    with database() as uow:
        assert [u.username for u in uow.users.all()] == ["ada"]


def test_text_that_cannot_be_encoded_is_invalid_input_and_stores_nothing(database):
    with pytest.raises(InvalidInput), database() as uow:
        uow.users.add("half \ud800 surrogate", "X", "agent", "h")
    with database() as uow:
        assert uow.users.all() == []
