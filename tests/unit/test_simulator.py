"""Simulated customers write through the live path."""

from __future__ import annotations

import threading
import time

import pytest

from services import admin, simulator
from services.bootstrap import build_services
from services.errors import InvalidInput, PermissionDenied, ServiceError
from services.models import Customer, Order, User
from services.simulator import Simulator
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


ADMIN = User(9, "admin", "Sam Okafor", "admin")
AGENT = User(1, "agent", "Alex", "agent")


def test_the_switch_refuses_silly_rates(svc):
    for rate in (0, -1, 21, float("nan"), float("inf"), True, "5"):
        with pytest.raises(InvalidInput, match="between 0 and 20"):
            admin.set_simulator(svc, ADMIN, True, rate)
    assert simulator.control(svc) == simulator.SimulatorControl(on=False, rate=simulator.DEFAULT_RATE)


def test_only_admins_switch_the_simulator_or_see_it(svc):
    for user in (AGENT, User(2, "supervisor", "Priya", "supervisor"), None):
        with pytest.raises(PermissionDenied):
            admin.set_simulator(svc, user, True, 1.0)
        with pytest.raises(PermissionDenied):
            admin.simulator_status(svc, user)
    assert repos(svc).shared.setting(simulator.SETTING) == {}


def test_the_switch_is_a_settings_row_and_is_audited(svc):
    admin.set_simulator(svc, ADMIN, True, 2.5)
    assert simulator.control(svc) == simulator.SimulatorControl(on=True, rate=2.5)
    status = admin.simulator_status(svc, ADMIN)
    assert (status.on, status.rate, status.alive, status.seconds_since_beat) == (True, 2.5, False, None)
    admin.set_simulator(svc, ADMIN, False, 2.5)
    assert [e.action for e in repos(svc).audit.entries(2, actor="admin")] == ["simulator_off", "simulator_on"]


def wait_for(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_serve_follows_the_settings_row_and_beats(svc):
    stop = threading.Event()
    thread = threading.Thread(target=simulator.serve, args=(svc, stop, 0.05), kwargs={"seed": 2}, daemon=True)
    thread.start()
    try:
        wait_for(lambda: admin.simulator_status(svc, ADMIN).alive)
        time.sleep(0.2)
        assert repos(svc).conversations.count_messages() == 0  # off by default
        admin.set_simulator(svc, ADMIN, True, 20.0)
        wait_for(lambda: repos(svc).conversations.count_messages() >= 3)
        wait_for(lambda: admin.simulator_status(svc, ADMIN).written >= 3)
        admin.set_simulator(svc, ADMIN, False, 20.0)
        wait_for(lambda: repos(svc).shared.heartbeat(simulator.HEARTBEAT).detail["on"] is False)
        written = repos(svc).conversations.count_messages()
        time.sleep(0.3)
        assert repos(svc).conversations.count_messages() == written
    finally:
        stop.set()
        thread.join(timeout=5)
    assert not thread.is_alive()
