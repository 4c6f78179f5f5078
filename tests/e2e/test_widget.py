"""Web chat (issue 19 item 2) in Debian's headless Chromium: a customer opens the demo shop served by the ingestion
API, writes in the widget, an agent answers from the real workspace, and the customer sees the reply live; nothing
is loaded from another host."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest

from services.bootstrap import build_services
from services.config import Settings
from tests.e2e.conftest import ARTIFACTS, ROOT, STEP_MS, _free_port
from tests.e2e.test_offline import cut_network

pytestmark = pytest.mark.e2e
QUESTION = "Hello from the demo shop, where is my order BW-100003?"
ANSWER = "Thanks for waiting: your order left our warehouse this morning."


@pytest.fixture(scope="module")
def api_url(app_env: dict[str, str]) -> Iterator[str]:
    subprocess.run([sys.executable, "-m", "services", "api-key", "create", "demo-shop", "--widget", "--if-missing"],
                   cwd=ROOT, env=app_env, check=True, capture_output=True, timeout=120)
    port = _free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with (ARTIFACTS / "api-e2e.log").open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "api", "--port", str(port)], cwd=ROOT,
                                   env={**app_env, "FRONTLINE_WIDGET_DEMO_IDENTITY": "true"}, stdout=log,
                                   stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                        if response.status == 200:
                            break
                except OSError:
                    assert time.monotonic() < deadline and process.poll() is None, "the API did not start"
                    time.sleep(0.25)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)


@pytest.fixture
def shop_and_desk(browser) -> Iterator[tuple]:
    """(a shop tab, an agent's tab, the requests the shop tab tried to send to another host); closed after."""
    shop = browser.new_context(viewport={"width": 1280, "height": 800})
    outside: list[str] = []
    cut_network(shop, outside)
    customer = shop.new_page()
    customer.set_default_timeout(STEP_MS)
    agent_view = browser.new_context(viewport={"width": 1440, "height": 900})
    agent = agent_view.new_page()
    agent.set_default_timeout(STEP_MS)
    yield customer, agent, outside
    shop.close()
    agent_view.close()


def conversation_of(page, api_url: str, app_env: dict[str, str], email: str = "") -> int:
    """The conversation the widget's visitor opened (their token is in the shop page's localStorage)."""
    store_key = f"frontline-chat:{api_url}:demo-shop" + (f":{email.lower()}" if email else "")
    stored = page.evaluate(f"() => localStorage.getItem('{store_key}')")
    visitor_id = json.loads(stored)["token"].split(".")[1]
    live = build_services(Settings(db_path=app_env["FRONTLINE_DB_PATH"]))
    with live.uow() as uow:
        return uow.integrations.thread(uow.integrations.key_named("demo-shop").id, f"widget-{visitor_id}")


def test_a_customer_writes_in_the_widget_an_agent_replies_and_the_customer_sees_it_live(shop_and_desk, app_url, api_url,
                                                                                        app_env):
    customer, agent, outside = shop_and_desk
    customer.goto(f"{api_url}/demo")
    customer.get_by_role("button", name="Chat with us").click()
    customer.get_by_role("textbox", name="Your message").fill(QUESTION)
    customer.keyboard.press("Enter")
    customer.locator("li.customer:not(.pending)", has_text=QUESTION).wait_for(timeout=60_000)  # models load
    conversation_id = conversation_of(customer, api_url, app_env)

    agent.goto(f"{app_url}/?conversation={conversation_id}")
    agent.get_by_role("textbox", name="Username").fill("agent")
    agent.get_by_role("textbox", name="Password").fill("frontline-agent")
    agent.get_by_role("button", name="Sign in").click()
    agent.get_by_text(QUESTION).first.wait_for(timeout=60_000)
    agent.get_by_role("textbox", name="Reply").fill(ANSWER)
    agent.get_by_role("button", name="Send", exact=True).click()
    sent = time.monotonic()

    customer.locator("li.agent", has_text=ANSWER).wait_for(timeout=10_000)  # no reload: the event stream
    assert time.monotonic() - sent < 10
    customer.reload()  # the chat survives a reload (the visitor's token in localStorage)
    customer.get_by_role("button", name="Chat with us").click()
    customer.locator("li.agent", has_text=ANSWER).wait_for()
    assert customer.locator("li.customer", has_text=QUESTION).count() == 1
    assert outside == []


def test_the_assistant_answers_a_signed_in_customer_from_their_order_then_hands_over_to_an_agent(
        shop_and_desk, app_url, api_url, app_env):
    """Issue 19's walk-through: a signed-in customer asks the demo shop's chat where their order is; the assistant
    answers with the order's real status from our records; the customer asks for a person; the agent sees the
    handover with its summary in the workspace and replies; the customer sees the reply live."""
    live = build_services(Settings(db_path=app_env["FRONTLINE_DB_PATH"]))
    with live.uow() as uow:
        customer, order = next((c, o) for c in uow.customers.all() if c.email
                               for o in uow.customers.orders_for(c.id) if o.status in ("shipped", "delivered"))
    page, agent, outside = shop_and_desk
    page.goto(f"{api_url}/demo?customer={customer.email}")
    page.get_by_text(f"Signed in as {customer.name}").wait_for()
    page.get_by_role("button", name="Chat with us").click()
    page.get_by_role("textbox", name="Your message").fill(f"hi where is my order {order.number}??")
    page.keyboard.press("Enter")
    answer = page.locator("li.assistant", has_text=order.number)
    answer.wait_for(timeout=60_000)  # the models load on the first message
    assert f"Source: what our records show for your order {order.number}." in answer.inner_text()
    status_words = {"shipped": "on its way", "delivered": "delivered"}[order.status]
    assert status_words in answer.inner_text()

    page.get_by_role("textbox", name="Your message").fill("thanks, but can I talk to a real person please")
    page.keyboard.press("Enter")
    page.locator("li.assistant", has_text="passing you to a colleague").wait_for(timeout=30_000)
    conversation_id = conversation_of(page, api_url, app_env, customer.email)

    agent.goto(f"{app_url}/?conversation={conversation_id}")
    agent.get_by_role("textbox", name="Username").fill("agent")
    agent.get_by_role("textbox", name="Password").fill("frontline-agent")
    agent.get_by_role("button", name="Sign in").click()
    agent.get_by_text("Handover from the virtual assistant").first.wait_for(timeout=60_000)
    agent.get_by_text("the customer asked for a person").first.wait_for()
    agent.get_by_role("textbox", name="Reply").fill(ANSWER)
    agent.get_by_role("button", name="Send", exact=True).click()
    page.locator("li.agent", has_text=ANSWER).wait_for(timeout=10_000)  # live, no reload
    assert page.locator("li.customer").all_inner_texts() == [f"hi where is my order {order.number}??",
                                                            "thanks, but can I talk to a real person please"]
    assert outside == []


def test_a_message_the_stream_brings_back_before_its_post_answers_is_shown_once(shop_and_desk, api_url):
    """The widget's POST answers after the assistant has run, and the stream can bring the customer's own message
    back before that (a busy server): it was shown twice, once from the stream and once as the pending line."""
    customer, _, outside = shop_and_desk
    customer.goto(f"{api_url}/demo")
    customer.get_by_role("button", name="Chat with us").click()
    customer.get_by_role("textbox", name="Your message").fill("hi, is anyone there?")
    customer.keyboard.press("Enter")
    customer.locator("li.customer:not(.pending)", has_text="is anyone there").wait_for(timeout=60_000)
    customer.locator("li.assistant").first.wait_for(timeout=30_000)  # the stream is open by now

    def slow_post(route) -> None:  # the answer to the POST held back until the stream has delivered the message
        if route.request.method != "POST":
            route.continue_()
            return
        answer = route.fetch()
        time.sleep(2.0)  # the stream's event (polled every 0.4 s) arrives in the meantime
        route.fulfill(response=answer)

    customer.route("**/widget/v1/messages", slow_post)
    customer.get_by_role("textbox", name="Your message").fill("my parcel BW-100003 never came")
    with customer.expect_response(lambda r: r.url.endswith("/widget/v1/messages") and r.request.method == "POST",
                                  timeout=30_000):
        customer.keyboard.press("Enter")
    customer.wait_for_function("() => document.querySelectorAll('li.pending').length === 0", timeout=30_000)
    assert customer.locator("li.customer").all_inner_texts() == ["hi, is anyone there?",
                                                                 "my parcel BW-100003 never came"]
    assert outside == []
