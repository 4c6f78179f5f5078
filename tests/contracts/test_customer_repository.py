"""CustomerRepository contract (customers and their orders), on every backend."""

from __future__ import annotations

from dataclasses import replace

import pytest

from services.errors import Conflict, NotFound
from services.models import Order
from tests.contracts.conftest import customer


def order(customer_id: int, number: str, placed_at: str) -> Order:
    return Order(0, number, customer_id, "shipped", 49.5, "GBP", placed_at, ("Kettle", "Toaster"), "TRK1")


def test_a_customer_gets_an_id_and_reads_back_equal(database):
    with database() as uow:
        ada = uow.customers.add(customer("Ada"))
        grace = uow.customers.add(customer("Grace"))
    assert ada.id and grace.id > ada.id
    with database() as uow:
        assert uow.customers.get(ada.id) == ada
        assert uow.customers.all() == [ada, grace]


def test_customers_with_their_own_ids_and_a_taken_id_conflicts(database):
    with database() as uow:
        uow.customers.add_many([replace(customer("Ada"), id=7), replace(customer("Grace"), id=3)])
    with database() as uow:
        assert [c.id for c in uow.customers.all()] == [3, 7]
    with pytest.raises(Conflict), database() as uow:
        uow.customers.add(replace(customer("Eve"), id=7))


@pytest.mark.parametrize("bad_id", [999, -1, 2**70])
def test_an_unknown_customer_is_not_found(database, bad_id):
    with database() as uow, pytest.raises(NotFound):
        uow.customers.get(bad_id)


def test_orders_are_newest_first_and_found_by_number(database):
    with database() as uow:
        ada = uow.customers.add(customer())
        old = uow.customers.add_order(order(ada.id, "BW-100001", "2026-01-01T00:00:00Z"))
        uow.customers.add_orders([order(ada.id, "BW-100002", "2026-03-01T00:00:00Z")])
    with database() as uow:
        assert [o.number for o in uow.customers.orders_for(ada.id)] == ["BW-100002", "BW-100001"]
        assert uow.customers.find_order("BW-100001") == old
        assert old.items == ("Kettle", "Toaster")
        assert uow.customers.orders_for(999) == []
        with pytest.raises(NotFound):
            uow.customers.find_order("BW-999999")


def test_a_duplicate_order_number_conflicts_and_a_missing_customer_is_not_found(database):
    with database() as uow:
        ada = uow.customers.add(customer())
        uow.customers.add_order(order(ada.id, "BW-100001", "2026-01-01T00:00:00Z"))
    with pytest.raises(Conflict), database() as uow:
        uow.customers.add_order(order(ada.id, "BW-100001", "2026-02-01T00:00:00Z"))
    with pytest.raises(NotFound), database() as uow:
        uow.customers.add_order(order(999, "BW-100009", "2026-02-01T00:00:00Z"))
