"""The simulator as its own process (`python -m services simulate`), switched on and off through the use case."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from services import admin, simulator
from services.bootstrap import build_services
from services.models import Customer, Order, User
from tests.repos import repos

ROOT = Path(__file__).resolve().parents[3]
ADMIN = User(9, "admin", "Sam Okafor", "admin")


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.fixture
def svc(settings):
    services = build_services(settings)
    repos(services).users.add("agent", "Alex Rivera", "agent", "x")
    for i in range(3):
        c = repos(services).customers.add(Customer(0, f"Customer {i}", f"c{i}@x.com", "", "standard", 1.0, "2024", "X"))
        repos(services).customers.add_order(Order(0, f"BW-10000{i}", c.id, "shipped", 5.0, "USD", "2026-11-01T00:00:00Z",
                                       ("AeroBlend 900 Blender",), f"BWT00000000{i}"))
    return services


@pytest.fixture
def simulator_process(settings, svc, tmp_path):
    env = {**os.environ, "FRONTLINE_DB_PATH": str(settings.database_file), "FRONTLINE_BACKEND": "local"}
    with (tmp_path / "simulator.log").open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "services", "simulate"], cwd=ROOT, env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            process.terminate()
            process.wait(timeout=30)


def test_turning_the_simulator_on_makes_messages_arrive_and_off_stops_them(svc, simulator_process):
    wait_for(lambda: admin.simulator_status(svc, ADMIN).alive, 60, "the process's first heartbeat")
    assert admin.simulator_status(svc, ADMIN).pid == simulator_process.pid
    time.sleep(2 * simulator.TICK_S)
    assert repos(svc).conversations.count_messages() == 0  # off by default

    admin.set_simulator(svc, ADMIN, True, 5.0)
    wait_for(lambda: repos(svc).conversations.count_messages() >= 3, 90, "three simulated messages")  # the first loads the models
    wait_for(lambda: admin.simulator_status(svc, ADMIN).written >= 3, 10, "the heartbeat's count")

    admin.set_simulator(svc, ADMIN, False, 5.0)
    wait_for(lambda: repos(svc).shared.heartbeat(simulator.HEARTBEAT).detail["on"] is False, 10, "the process to stop")
    written = repos(svc).conversations.count_messages()
    time.sleep(2 * simulator.TICK_S)
    assert repos(svc).conversations.count_messages() == written
    assert simulator_process.poll() is None  # off is not the end: it waits to be switched on again


def test_the_process_stops_on_sigterm(simulator_process, svc):
    wait_for(lambda: admin.simulator_status(svc, ADMIN).alive, 60, "the process's first heartbeat")
    simulator_process.terminate()
    assert simulator_process.wait(timeout=10) == 0
