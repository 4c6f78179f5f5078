"""Rating the assistant's answers in the web chat widget (issue 19 item 5), in Debian's headless Chromium: thumbs up
or down under each answer, one rating per answer that a second click changes, kept across a reload; the handover
notice has none."""

from __future__ import annotations

import pytest

from services.bootstrap import build_services
from services.config import Settings
from tests.e2e.test_widget import api_url, conversation_of, shop_and_desk  # noqa: F401 - fixtures

pytestmark = pytest.mark.e2e


def test_a_customer_rates_the_assistants_answer_and_changes_the_rating(shop_and_desk, api_url, app_env):  # noqa: F811
    live = build_services(Settings(db_path=app_env["FRONTLINE_DB_PATH"]))
    with live.uow() as uow:
        customer, order = next((c, o) for c in reversed(uow.customers.all()) if c.email
                               for o in uow.customers.orders_for(c.id) if o.status in ("shipped", "delivered"))
    page, _, outside = shop_and_desk
    page.goto(f"{api_url}/demo?customer={customer.email}")
    page.get_by_role("button", name="Chat with us").click()
    page.get_by_role("textbox", name="Your message").fill(f"where is my order {order.number}?")
    page.keyboard.press("Enter")
    answer = page.locator("li.assistant", has_text=order.number)
    answer.wait_for(timeout=60_000)
    helpful, unhelpful = answer.get_by_role("button", name="Helpful", exact=True), answer.get_by_role("button", name="Not helpful")
    assert helpful.get_attribute("aria-pressed") == "false" == unhelpful.get_attribute("aria-pressed")
    helpful.click()
    page.wait_for_function("b => b.getAttribute('aria-pressed') === 'true'", arg=helpful.element_handle())
    conversation_id = conversation_of(page, api_url, app_env, customer.email)
    with live.uow() as uow:
        assert list(uow.integrations.answer_ratings(conversation_id).values()) == [1]
    unhelpful.click()  # changed their mind: the same answer, now rated down
    page.wait_for_function("b => b.getAttribute('aria-pressed') === 'true'", arg=unhelpful.element_handle())
    assert helpful.get_attribute("aria-pressed") == "false"
    with live.uow() as uow:
        assert list(uow.integrations.answer_ratings(conversation_id).values()) == [-1]

    page.reload()  # the rating comes back with the chat
    page.get_by_role("button", name="Chat with us").click()
    again = page.locator("li.assistant", has_text=order.number)
    again.get_by_role("button", name="Not helpful").wait_for()
    assert again.get_by_role("button", name="Not helpful").get_attribute("aria-pressed") == "true"

    page.get_by_role("textbox", name="Your message").fill("can I talk to a real person please")
    page.keyboard.press("Enter")
    notice = page.locator("li.assistant", has_text="passing you to a colleague")
    notice.wait_for(timeout=30_000)
    assert notice.get_by_role("button").count() == 0  # the handover notice is not an answer to rate
    assert outside == []
