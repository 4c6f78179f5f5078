"""The admin's simulator switch in a real browser: its counter counts up by itself while it writes."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e


def written(page) -> int:
    caption = page.get_by_text(re.compile(r"messages written so far")).inner_text()
    return int(re.search(r"(\d+) messages written", caption).group(1))


def test_defect_13_10_the_simulator_counter_counts_while_it_writes(page, app_url):
    sign_in(page, app_url, "admin", "frontline-admin")
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("heading", name="Settings").wait_for()
    toggle = page.get_by_text("Simulate customers", exact=True)
    toggle.click()
    try:
        page.get_by_text(re.compile(r"messages written so far")).wait_for()
        page.wait_for_function(
            "() => /([1-9]\\d*) messages written/.test(document.body.innerText)", timeout=45_000)
        first = written(page)
        page.wait_for_function(
            f"() => {{ const m = document.body.innerText.match(/(\\d+) messages written/); "
            f"return m && Number(m[1]) > {first}; }}", timeout=20_000)
    finally:
        toggle.click()
        page.get_by_text(re.compile(r"messages written so far")).wait_for(state="hidden")


def test_the_settings_page_shows_the_simulator_process_is_alive(page, app_url):
    """The simulator is its own process (started beside the app, as `make run` does); the page reads its heartbeat."""
    sign_in(page, app_url, "admin", "frontline-admin")
    page.get_by_role("link", name="Settings").click()
    page.get_by_text(re.compile(r"Simulator process \d+ is alive")).wait_for()
