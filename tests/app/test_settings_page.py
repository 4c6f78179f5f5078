"""The admin's Settings page: providers, data location, and the simulator toggle."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import ROOT, TIMEOUT, user
from tests.repos import repos


def settings_page(admin) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/settings.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = admin
    return at.run()


def test_settings_show_each_capability_with_its_provider_and_the_database(app_services):
    at = settings_page(user(app_services, "admin"))
    assert not at.exception
    table = at.dataframe[0].value
    assert {"store", "intent", "sentiment", "replies", "search"} <= set(table["capability"])
    assert set(table["provider"]) == {"local"}
    assert any(str(app_services.settings.database_file) in m.value for m in at.markdown)


@pytest.fixture
def simulator_process(app_services, demo_db):
    """The simulator process beside the app, on the demo database (what `make run` starts)."""
    env = {**os.environ, "FRONTLINE_DB_PATH": str(demo_db), "FRONTLINE_BACKEND": "local"}
    process = subprocess.Popen([sys.executable, "-m", "services", "simulate"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.2)
    return condition()


def test_an_admin_starts_and_stops_simulated_customers(app_services, simulator_process):
    admin = user(app_services, "admin")
    assert wait_for(lambda: repos(app_services).shared.heartbeat("simulator") is not None, 60)
    before = repos(app_services).conversations.count_messages()
    at = settings_page(admin)
    assert any(f"Simulator process {simulator_process.pid} is alive" in c.value for c in at.caption)
    at.slider[0].set_value(5.0)
    at.toggle[0].set_value(True)
    at = at.run()
    assert not at.exception
    try:
        assert at.toggle[0].value and at.slider[0].value == 5.0  # the settings row, read back
        # the first message loads the models in the simulator process
        assert wait_for(lambda: repos(app_services).conversations.count_messages() >= before + 3, 60)
    finally:
        at.toggle[0].set_value(False)
        at = at.run()
    assert not at.toggle[0].value
    assert wait_for(lambda: repos(app_services).shared.heartbeat("simulator").detail["on"] is False, 10)
    written = repos(app_services).conversations.count_messages()
    time.sleep(2.0)
    assert repos(app_services).conversations.count_messages() == written
    actions = [e.action for e in repos(app_services).audit.entries(5, actor="admin")]
    assert actions[:2] == ["simulator_off", "simulator_on"]


def test_the_page_says_when_no_simulator_process_is_running(app_services):
    from services.admin import simulator_status

    admin = user(app_services, "admin")
    assert wait_for(lambda: not simulator_status(app_services, admin).alive, 15)  # one an earlier test stopped
    at = settings_page(admin)
    assert any("python -m services simulate" in w.value for w in at.warning)
