"""The agent workspace in a real browser, with customer messages arriving through the live path."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from services import auth, inbox
from services.bootstrap import build_services
from services.config import Settings
from tests.e2e.conftest import ARTIFACTS, sign_in
from tests.repos import repos

pytestmark = pytest.mark.e2e
HOSTILE = "I want a MANAGER now!!! <script>alert(1)</script> **bold** where is my order"
# what Streamlit's markdown would turn into icons, emoji, links or an image even after escaping
LITERAL = ("urgent :material/warning: :smile: pay at https://evil.example/pay or www.evil.example, "
           "mail dana.r@evil.example ![x](http://evil.example/x.png)")


@pytest.fixture(scope="module")
def live(app_env):
    """Services on the app's database, as a channel adapter (or the simulator) would use them."""
    return build_services(Settings(db_path=app_env["FRONTLINE_DB_PATH"]))


def open_in_workspace(page, app_url, conversation_id: int, subject: str) -> None:
    """Sign in as the agent, find the conversation with the queue search (the queue draws only the most urgent
    cards) and open it."""
    sign_in(page, app_url, "agent", "frontline-agent")
    open_queue_card(page, subject, conversation_id)
    page.locator(".stChatMessage").first.wait_for()


def open_queue_card(page, subject: str, conversation_id: int, tries: int = 3) -> None:
    """Search the queue for the conversation and click its card. The card can go between being found and being
    clicked (a rerun that lost the search draws the most urgent cards again: CI and session 15 saw `click` wait 20 s
    for `.st-key-queue-N button` after the subject had shown), so a click that times out searches again."""
    for attempt in range(tries):
        find_in_queue(page, subject, conversation_id)
        try:
            page.locator(f".st-key-queue-{conversation_id} button").click()  # the page's own timeout (90 s in test_idle)
            return
        except PlaywrightTimeoutError:
            if attempt == tries - 1:
                raise


def find_in_queue(page, subject: str, conversation_id: int | None = None, tries: int = 6) -> None:
    """The queue draws only the most urgent cards: search for the conversation (the search stays on over reruns).
    With its id, wait for its card: a search typed while the page is still rerunning (a server busy loading its models,
    the other test worker on the second core) can be lost, so it is typed again, up to `tries` times, 15 s apart.
    A search box that is not there (CI on session 23's submission, stop 39: drawn, then gone for the 40 s of `fill`
    while the other worker held both cores) is waited for again after a reload (the session cookie keeps the sign-in)."""
    for attempt in range(tries):
        search = page.get_by_placeholder("Search subjects and messages")
        try:
            # the workspace's first draw after sign-in can take longer than a click's 20 s when both cores are busy
            search.wait_for(timeout=60_000)
            search.fill(subject)
            search.press("Enter")
        except PlaywrightTimeoutError:
            if attempt == tries - 1:
                raise
            page.reload()
            continue
        if conversation_id is None:
            return
        try:
            page.locator(f".st-key-queue-{conversation_id} button").wait_for(timeout=15_000)
            return
        except PlaywrightTimeoutError:
            if attempt == tries - 1:
                raise


def suggestion_ids(live, message_id: int) -> list[int]:
    return [row.id for row in repos(live).assist.suggestions_for(message_id)]


def test_an_agent_answers_a_live_message_with_an_edited_suggestion(page, app_url, live):
    customer = repos(live).customers.all()[7]
    conversation, message, analysis = inbox.start_conversation(live, customer.id, "chat", "E2E: angry customer",
                                                               HOSTILE, "agent")
    assert analysis.escalation.escalate
    open_in_workspace(page, app_url, conversation.id, "E2E: angry customer")
    page.locator(".stChatMessage").get_by_text(HOSTILE, exact=True).wait_for()  # shown literally: no script, no bold
    assert page.locator("script", has_text="alert(1)").count() == 0
    assert page.locator("strong", has_text="bold").count() == 0
    page.get_by_text("Escalate · score").first.wait_for()
    first = suggestion_ids(live, message.id)[0]
    page.locator(f".st-key-suggestion-{first}").wait_for()
    page.locator(f".st-key-insert-{first} button").click()
    composer = page.get_by_role("textbox", name="Reply")
    composer.wait_for()
    page.wait_for_function("() => document.querySelector('textarea').value.length > 0")
    inserted = composer.input_value()
    assert inserted == repos(live).assist.suggestions_for(message.id)[0].text
    composer.fill(inserted + " (Alex)")
    page.get_by_role("button", name="Send").click()
    # in the transcript, not anywhere: until the rerun ends, the composer itself still shows the text it sends
    page.locator(".stChatMessage").get_by_text(inserted + " (Alex)", exact=True).wait_for()
    page.screenshot(path=str(ARTIFACTS / "agent-workspace.png"))
    sent = repos(live).conversations.messages_for(conversation.id)[-1]
    assert (sent.author_role, sent.text) == ("agent", inserted + " (Alex)")
    assert [s.feedback for s in repos(live).assist.suggestions_for(message.id)][0] == "edited"


def test_new_messages_show_their_suggestions_live_without_a_reload(page, app_url, live):
    """Each new customer message's suggestions are drawn in the open tab by themselves (no reload, no click). How
    fast is measured by bench/live_latency.py (docs/benchmarks.md), not here."""
    customer = repos(live).customers.all()[11]
    conversation, _, _ = inbox.start_conversation(live, customer.id, "email", "E2E: latency", "hello, order help",
                                                  "agent")
    open_in_workspace(page, app_url, conversation.id, "E2E: latency")
    for i in range(3):
        message, _ = inbox.receive_customer_message(live, conversation.id, f"any news on my order? ({i})")
        page.locator(f".st-key-suggestion-{suggestion_ids(live, message.id)[0]}").wait_for(timeout=30_000)
        page.get_by_text(f"any news on my order? ({i})").first.wait_for()


def test_a_simulated_customer_appears_in_the_queue_without_a_reload(page, app_url, live):
    from services.simulator import Simulator

    sign_in(page, app_url, "agent", "frontline-agent")
    page.get_by_role("heading", name="Agent workspace").wait_for()
    header = page.get_by_text(re.compile(r"^Queue · \d+ open$"))
    before = int(re.search(r"\d+", header.inner_text()).group())
    arrival = Simulator(live, seed=11, assign_to="agent").new_conversation()
    page.get_by_text(f"Queue · {before + 1} open", exact=True).wait_for(timeout=5_000)
    find_in_queue(page, " ".join(arrival.text.split()[:5]))  # the newest waits least: below the cards drawn
    page.locator(f".st-key-queue-{arrival.conversation_id} button").wait_for(timeout=5_000)


def test_defect_13_6_customer_text_is_fully_literal(page, app_url, live):
    customer = repos(live).customers.all()[9]
    subject = "See :material/home: https://evil.example/subject"
    conversation, _, _ = inbox.start_conversation(live, customer.id, "chat", subject, LITERAL, "agent")
    open_in_workspace(page, app_url, conversation.id, "evil.example/subject")
    stored = repos(live).conversations.messages_for(conversation.id)[0]
    body = page.locator("[data-testid='stChatMessageContent']").filter(has_text="urgent").first
    body.wait_for()
    typed = ":material/warning: :smile: pay at https://evil.example/pay or www.evil.example"
    assert typed in body.inner_text()
    assert any(shown in body.inner_text() for shown in (stored.text, stored.masked_text))
    card = page.locator(f".st-key-qcard-{conversation.id}, .st-key-queue-{conversation.id}").first
    assert typed[:50] in card.inner_text()
    page.get_by_text(subject, exact=True).wait_for()
    assert page.locator("a[href*='evil.example'], img[src*='evil.example']").count() == 0
    assert page.locator("a[href^='mailto:']").count() == 0
    for where in (body, card):  # the customer's words: no icon, image or link inside
        assert where.locator("[data-testid='stIconMaterial'], img, a").count() == 0
    assert "😄" not in page.locator(".stMain").inner_text()



def test_defect_13_1_suggestions_cite_the_order_the_conversation_is_about(page, app_url, live):
    """A customer with several orders writes about an older one, then follows up without the number: every
    suggestion the agent sees cites that order, never the customer's latest one."""
    customer = next(c for c in repos(live).customers.all() if len(repos(live).customers.orders_for(c.id)) >= 2)
    orders = sorted(repos(live).customers.orders_for(customer.id), key=lambda o: o.placed_at)
    older, latest = orders[0], orders[-1]
    conversation, _, _ = inbox.start_conversation(
        live, customer.id, "chat", "E2E: refund about an older order",
        f"Hi, I sent back order {older.number} two weeks ago and I'd like my refund", "agent")
    message, _ = inbox.receive_customer_message(live, conversation.id, "any news on the refund? it's been ages")
    open_in_workspace(page, app_url, conversation.id, "E2E: refund about an older order")
    shown = []
    for row in repos(live).assist.suggestions_for(message.id):
        card = page.locator(f".st-key-suggestion-{row.id}")
        card.wait_for()
        shown.append(card.inner_text())
    assert shown, "the agent sees suggestions"
    text = " ".join(shown)
    assert latest.number not in text
    assert older.number in text


def test_defect_15_a_message_nobody_analysed_waits_for_the_agents_retry(page, app_url, live):
    """Drawing the page analyses nothing; the agent's Retry analysis button does, and its suggestions appear."""
    from services.models import Message

    customer = repos(live).customers.all()[11]
    conversation, _, _ = inbox.start_conversation(live, customer.id, "chat", "E2E: retry analysis", "hello",
                                                  "agent")
    text = "my parcel never arrived, where is it?"
    stored = repos(live).conversations.append_message(Message(0, conversation.id, "customer", "", text, text, ""))
    open_in_workspace(page, app_url, conversation.id, "E2E: retry analysis")
    page.get_by_text("The latest message is not analysed yet.").wait_for()
    assert repos(live).assist.get_analysis(stored.id) is None
    page.get_by_role("button", name="Retry analysis").click()
    page.get_by_text("The latest message is not analysed yet.").wait_for(state="hidden", timeout=15_000)
    assert repos(live).assist.get_analysis(stored.id) is not None
    page.locator(f".st-key-suggestion-{suggestion_ids(live, stored.id)[0]}").wait_for(timeout=10_000)


def test_a_tab_signed_out_elsewhere_redraws_nothing_live_and_asks_to_sign_in(page, app_url, live):
    """The watcher redraws only the queue or the conversation (fragment reruns skip app.py's session check), so it
    checks the session itself before it redraws anything."""
    customer = repos(live).customers.all()[9]
    conversation, _, _ = inbox.start_conversation(live, customer.id, "chat", "E2E: signed out elsewhere",
                                                  "my parcel never came", "agent")
    open_in_workspace(page, app_url, conversation.id, "E2E: signed out elsewhere")
    auth.sign_out(live, repos(live).users.get("agent"))  # e.g. from another tab: every session of the agent ends
    # a new conversation changes only the queue (its counts): without the check the queue would redraw it
    other = repos(live).customers.all()[10]
    inbox.start_conversation(live, other.id, "chat", "E2E: arrived after sign-out", "hello after sign-out", "agent")
    page.get_by_role("button", name="Sign in").wait_for()
    assert page.get_by_text("my parcel never came").count() == 0


def test_defect_16_a_knowledge_base_search_after_sign_out_elsewhere_signs_the_tab_out(page, app_url, live):
    """The KB search is a fragment: its reruns skipped app.py's session check, so a tab signed out elsewhere kept
    searching the knowledge base (and the queue's minute clock kept redrawing customer data). Each fragment-only run
    now checks the session first."""
    customer = repos(live).customers.all()[9]
    conversation, _, _ = inbox.start_conversation(live, customer.id, "chat", "E2E: search after sign-out",
                                                  "where is my refund", "agent")
    open_in_workspace(page, app_url, conversation.id, "E2E: search after sign-out")
    auth.sign_out(live, repos(live).users.get("agent"))  # nothing this tab shows changes: the watcher redraws nothing
    page.get_by_role("tab", name="Knowledge base").click()
    box = page.get_by_role("textbox", name="Search the knowledge base")
    box.fill("return a damaged item")
    box.press("Enter")
    page.get_by_role("button", name="Sign in").wait_for(timeout=15_000)
    assert page.get_by_text("where is my refund").count() == 0
