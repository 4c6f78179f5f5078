"""The workspace on a 1366×768 laptop screen: composer and suggestions without scrolling, orders one click away."""

from __future__ import annotations

import pytest

from services import inbox
from services.bootstrap import build_services
from services.config import Settings
from tests.e2e.conftest import ARTIFACTS, STEP_MS, sign_in
from tests.e2e.test_workspace import open_queue_card
from tests.repos import repos

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def live(app_env):
    return build_services(Settings(db_path=app_env["FRONTLINE_DB_PATH"]))


def test_defect_13_10_composer_and_suggestions_fit_a_1366x768_screen(browser, app_url, live):
    customer = next(c for c in repos(live).customers.all() if repos(live).customers.orders_for(c.id))
    conversation, message, _ = inbox.start_conversation(
        live, customer.id, "chat", "E2E: laptop", "my parcel is late and the tracking has not moved for days",
        "agent")
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(STEP_MS)
    try:
        sign_in(page, app_url, "agent", "frontline-agent")
        open_queue_card(page, "E2E: laptop", conversation.id)
        suggestions = [page.locator(f".st-key-suggestion-{row.id}") for row in repos(live).assist.suggestions_for(message.id)]
        for box in suggestions:
            box.wait_for()
        page.wait_for_timeout(1_000)
        page.screenshot(path=str(ARTIFACTS / "workspace-1366x768.png"))
        assert page.evaluate("() => window.scrollY") == 0
        in_view = [page.get_by_role("textbox", name="Reply"), page.get_by_role("button", name="Send"), *suggestions]
        for element in in_view:
            box = element.bounding_box()
            assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 768, element
        page.get_by_role("tab", name="Customer").click()
        page.get_by_text("Orders", exact=True).wait_for()
        table = page.locator("[data-testid='stDataFrame']").first
        table.wait_for()
        box = table.bounding_box()
        assert box["y"] + box["height"] <= 768, "the customer's orders are on screen, not cut off at the bottom"
    finally:
        context.close()
