"""Simulated customers write through the live path."""

from __future__ import annotations

import pytest

from services.bootstrap import build_services
from services.errors import ServiceError
from services.models import Customer, Order
from services.simulator import Simulator, SimulatorRunner
from tests.fakes import fake_pipeline
from tests.repos import repos


@pytest.fixture
def svc(settings):
    services = build_services(settings, **fake_pipeline())
    repos(services).users.add("agent", "Alex", "agent", "x")
    for i in range(3):
        c = repos(services).customers.add(Customer(0, f"Customer {i}", f"c{i}@x.com", "", "standard", 1.0, "2024", "X"))
        repos(services).customers.add_order(Order(0, f"BW-10000{i}", c.id, "shipped", 5.0, "USD", "2026-11-01T00:00:00Z",
                                       ("AeroBlend 900 Blender",), f"BWT00000000{i}"))
    return services


def test_each_step_writes_one_analysed_customer_message(svc):
    simulator = Simulator(svc, seed=3)
    arrivals = [simulator.step() for _ in range(12)]
    assert repos(svc).conversations.count_messages() == 12
    assert {a.kind for a in arrivals} == {"new", "follow_up"}
    for arrival in arrivals:
        assert repos(svc).assist.get_analysis(arrival.message_id) is not None
        assert "{" not in arrival.text  # every slot filled


def test_run_stops_after_count_and_paces_itself(svc):
    assert Simulator(svc, seed=1).run(rate=50, count=5) == 5


def test_simulating_an_empty_store_says_to_seed_first(settings):
    with pytest.raises(ServiceError, match="seed"):
        Simulator(build_services(settings, **fake_pipeline()))


def test_runner_refuses_silly_rates(svc):
    with pytest.raises(ServiceError, match="between 0 and 20"):
        SimulatorRunner(svc).start(0)
