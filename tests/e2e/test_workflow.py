"""Issues 13.3 (queue order), 13.4 (escalation inbox) and 13.7 (sessions, deep links) in a real browser."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from services import conversations, inbox
from services.bootstrap import build_services
from services.clock import to_iso
from services.config import Settings
from services.models import Conversation, Message
from tests.e2e.conftest import ARTIFACTS, STEP_MS, sign_in
from tests.e2e.test_workspace import find_in_queue
from tests.repos import repos

pytestmark = pytest.mark.e2e
AGENT = ("agent", "frontline-agent")
SUPERVISOR = ("supervisor", "frontline-supervisor")
QUEUE_CARD = '[class*="st-key-qcard-"]'  # one per drawn card; "st-key-queue-" also matches the search and filters


@pytest.fixture(scope="module")
def live(app_env):
    """Services on the app's database, as another process would use them."""
    return build_services(Settings(db_path=app_env["FRONTLINE_DB_PATH"]))


def signed_in(page, app_url: str, credentials: tuple[str, str], heading: str) -> None:
    """Sign in and wait until the page has written the session cookie (a reload right after would beat it)."""
    sign_in(page, app_url, *credentials)
    page.get_by_role("heading", name=heading).wait_for()
    session_cookie(page, page.context)


def queue_ids(page) -> list[int]:
    classes = page.locator(QUEUE_CARD).evaluate_all("els => els.map(e => e.className)")
    return [int(re.search(r"st-key-qcard-(\d+)", c).group(1)) for c in classes]


def queue_card_text(page, conversation_id: int) -> str:
    """The card's escaped HTML (name, waiting time, preview); its button only says "Open conversation <id>"."""
    return page.locator(f".st-key-qcard-{conversation_id}").inner_text()


# ---- 13.3 ----------------------------------------------------------------------------------------------


def waiting_minutes(page, conversation_id: int) -> int | None:
    found = re.search(r"waiting (\d+) min", queue_card_text(page, conversation_id))
    return int(found.group(1)) if found else None


def test_queue_order_breaks_a_note_and_a_follow_up_keep_the_customers_waiting_time(page, app_url, live):
    customer = repos(live).customers.all()[3]
    at = to_iso(datetime.now(UTC) - timedelta(minutes=45))
    conversation = repos(live).conversations.add(Conversation(0, customer.id, "chat", "open", "E2E: queue order",
                                                            at, at, "agent"))
    repos(live).conversations.append_message(Message(0, conversation.id, "customer", "", "my parcel never arrived",
                                      "my parcel never arrived", at))
    inbox.analyze_latest(live, conversation.id)
    signed_in(page, app_url, AGENT, "Agent workspace")
    find_in_queue(page, "E2E: queue order", conversation.id)
    page.locator(f".st-key-queue-{conversation.id} button").wait_for()
    assert waiting_minutes(page, conversation.id) >= 45
    page.locator(f".st-key-queue-{conversation.id} button").click()
    page.get_by_role("textbox", name="Reply").fill("checking with the courier")
    page.get_by_role("button", name="Add internal note").click()
    page.get_by_text("checking with the courier").first.wait_for()
    page.wait_for_timeout(1500)  # a live refresh of the queue
    assert (waiting_minutes(page, conversation.id) or 0) >= 45  # a note is no answer
    inbox.receive_customer_message(live, conversation.id, "hello?? anyone there")
    page.get_by_text("hello?? anyone there").first.wait_for()
    page.wait_for_timeout(1500)
    assert (waiting_minutes(page, conversation.id) or 0) >= 45  # nor does a follow-up restart the clock


# ---- 13.4 ----------------------------------------------------------------------------------------------


def read_escalation(tab, card, cid: int, tries: int = 3) -> None:
    """Click the card's Read and wait for the conversation and its audit trail beside the inbox. CI (stop 35) once
    saw the thread drawn and the trail never (20 s, on a loaded 2-core machine): a rerun lost, as in
    test_workspace.open_queue_card. An error drawn on the page fails at once (a defect is never retried away);
    otherwise Read is clicked again, as a supervisor would."""
    for attempt in range(tries):
        card.get_by_role("button", name="Read").click()
        try:
            tab.get_by_text(f"#{cid} ·").wait_for(timeout=15_000)  # the thread, masked for this role
            tab.get_by_text("Audit trail").wait_for(timeout=15_000)
            return
        except PlaywrightTimeout:
            errors = tab.get_by_test_id("stException")
            assert errors.count() == 0, f"the inbox page drew an error: {errors.first.inner_text()[:2000]}"
            if attempt == tries - 1:
                raise


def test_escalations_reach_the_supervisors_inbox_live_and_a_supervisor_takes_one_over(browser, app_url, live):
    agent_view = browser.new_context(viewport={"width": 1440, "height": 900})
    supervisor_view = browser.new_context(viewport={"width": 1366, "height": 768})
    agent_tab, supervisor_tab = agent_view.new_page(), supervisor_view.new_page()
    for tab in (agent_tab, supervisor_tab):
        tab.set_default_timeout(STEP_MS)
    try:
        for i, text in enumerate(("I was charged twice, refund me NOW or I cancel!!!",
                                  "third time asking: the sofa arrived broken, I want a manager")):
            earlier, _, _ = inbox.start_conversation(live, repos(live).customers.all()[20 + i].id, "email",
                                                     "E2E: escalated earlier", text, "sam")
            conversations.escalate(live, repos(live).users.get("sam"), earlier.id,
                                   "Asked for compensation beyond my limit." if i else "Chargeback threatened.")
        signed_in(supervisor_tab, app_url, SUPERVISOR, "Escalation inbox")
        signed_in(agent_tab, app_url, AGENT, "Agent workspace")
        agent_tab.locator(QUEUE_CARD).first.wait_for()
        cid = queue_ids(agent_tab)[0]
        agent_tab.locator(f".st-key-queue-{cid} button").click()
        agent_tab.get_by_text(f"#{cid} ·").wait_for()
        agent_tab.wait_for_timeout(500)
        agent_tab.locator("[data-testid='stPopover'] button", has_text="Escalate").click()
        agent_tab.get_by_role("textbox", name="Note for the supervisor").fill("Wants a goodwill refund of 80 GBP.")
        agent_tab.get_by_role("button", name="Escalate to supervisor").click()
        agent_tab.screenshot(path=str(ARTIFACTS / "escalated-by-agent.png"))
        # it left the agent's queue: Streamlit 1.67 may keep a replaced keyed element in the page, hidden (CI
        # waited 20 s for it to be detached; it was "data-retained" and hidden all along)
        agent_tab.locator(f".st-key-queue-{cid}").wait_for(state="hidden")
        card = supervisor_tab.locator(f".st-key-escalation-{cid}")
        card.get_by_text("Wants a goodwill refund of 80 GBP.").wait_for()  # arrived live, no reload
        card.get_by_text("escalated by agent").wait_for()
        read_escalation(supervisor_tab, card, cid)
        supervisor_tab.wait_for_timeout(500)
        # copied by hand to docs/screenshots/escalation-inbox.png (README) when the page changes
        supervisor_tab.screenshot(path=str(ARTIFACTS / "escalation-inbox.png"))
        card.get_by_role("button", name="Take over").click()
        supervisor_tab.locator(f".st-key-handled-{cid}").wait_for()
        supervisor_tab.locator(f".st-key-escalation-{cid}").wait_for(state="hidden")
        conversation = repos(live).conversations.get(cid)
        assert (conversation.status, conversation.assigned_agent) == ("open", "supervisor")
        assert [e.action for e in repos(live).audit.entries(20, actor="supervisor")].count("take_over") == 1
        # the agent's tab, still on the conversation, says it is no longer theirs (it crashed before session 19)
        agent_tab.get_by_text(f"Conversation {cid} is not yours to open").wait_for()
        assert agent_tab.get_by_test_id("stException").count() == 0
    finally:
        agent_view.close()
        supervisor_view.close()


# ---- 13.7 ----------------------------------------------------------------------------------------------


def session_cookie(page, context) -> dict:
    for _ in range(100):
        found = [c for c in context.cookies() if c["name"] == "frontline_session" and c["value"]]
        if found:
            return found[0]
        page.wait_for_timeout(100)
    raise AssertionError("the session cookie was not written")


def test_sessions_survive_a_reload_and_a_new_tab_and_sign_out_ends_them_everywhere(browser, app_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    first = context.new_page()
    first.set_default_timeout(STEP_MS)
    try:
        signed_in(first, app_url, ("sam", "frontline-agent"), "Agent workspace")
        cookie = session_cookie(first, context)
        assert cookie["value"] not in first.url and cookie["sameSite"] == "Strict"
        first.reload()
        first.get_by_role("heading", name="Agent workspace").wait_for()
        second = context.new_page()
        second.set_default_timeout(STEP_MS)
        second.goto(app_url)
        second.get_by_role("heading", name="Agent workspace").wait_for()
        assert second.get_by_role("button", name="Sign in").count() == 0
        first.get_by_role("button", name="Sign out").click()
        first.get_by_role("button", name="Sign in").wait_for()
        sign_in_form = second.get_by_role("button", name="Sign in")
        for _ in range(5):  # the other tab's next rerun: a click in the queue (retried if the live refresh ate it)
            second.locator(QUEUE_CARD).last.locator("button").click()
            try:
                sign_in_form.wait_for(timeout=8_000)
                break
            except PlaywrightTimeout:
                continue
        sign_in_form.wait_for()
        assert second.get_by_role("heading", name="Agent workspace").count() == 0
        first.reload()
        first.get_by_role("button", name="Sign in").wait_for()
    finally:
        context.close()


def test_a_deep_link_opens_the_conversation_before_and_after_sign_in(page, app_url, live):
    customer = repos(live).customers.all()[5]
    conversation, _, _ = inbox.start_conversation(live, customer.id, "chat", "E2E: deep link",
                                                  "where is my deep-linked order?", "agent")
    page.goto(f"{app_url}/?conversation={conversation.id}")
    page.get_by_role("textbox", name="Username").fill(AGENT[0])
    page.get_by_role("textbox", name="Password").fill(AGENT[1])
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Agent workspace").wait_for()
    page.get_by_text(f"#{conversation.id} · chat").wait_for(timeout=60_000)  # the first thread may load models
    page.get_by_text("where is my deep-linked order?").first.wait_for()
    page.goto(f"{app_url}/?conversation={conversation.id}")  # signed in already: straight to it
    page.get_by_text(f"#{conversation.id} · chat").wait_for()
    assert page.get_by_role("button", name="Sign in").count() == 0


def test_a_deep_link_the_user_may_not_see_is_refused_with_a_message(page, app_url, live):
    customer = repos(live).customers.all()[6]
    conversation, _, _ = inbox.start_conversation(live, customer.id, "chat", "E2E: not yours",
                                                  "private question", "agent")
    signed_in(page, app_url, ("sam", "frontline-agent"), "Agent workspace")
    page.goto(f"{app_url}/?conversation={conversation.id}")
    page.get_by_text("cannot be opened").wait_for(timeout=60_000)
    assert page.get_by_text("private question").count() == 0
