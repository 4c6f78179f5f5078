"""The admin's Settings page: providers, data location, and the simulator toggle."""

from __future__ import annotations

import time

from streamlit.testing.v1 import AppTest

from components.state import get_simulator
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


def test_an_admin_starts_and_stops_simulated_customers(app_services):
    admin = user(app_services, "admin")
    before = repos(app_services).conversations.count_messages()
    at = settings_page(admin)
    at.slider[0].set_value(5.0)
    at.toggle[0].set_value(True)
    at = at.run()
    assert not at.exception
    runner = get_simulator()
    try:
        assert runner.running and runner.rate == 5.0
        deadline = time.monotonic() + 30  # the first message loads the models
        while repos(app_services).conversations.count_messages() < before + 3 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert repos(app_services).conversations.count_messages() >= before + 3
    finally:
        at.toggle[0].set_value(False)
        at = at.run()
    assert not runner.running
    actions = [e.action for e in repos(app_services).audit.entries(5, actor="admin")]
    assert actions[:2] == ["simulator_off", "simulator_on"]
