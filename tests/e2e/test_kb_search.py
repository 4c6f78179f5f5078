"""Issue 17 item 3 in a real browser: a KB search shows the matching passage with the query's words marked, on the
knowledge-base page (editor) and in the agent's assist panel, both from knowledge.search / kb_lookup."""

from __future__ import annotations

import pytest

from services import inbox
from services.bootstrap import build_services
from services.config import Settings
from tests.e2e.conftest import ARTIFACTS, sign_in
from tests.e2e.test_workspace import open_queue_card
from tests.repos import repos

pytestmark = pytest.mark.e2e
QUERY = "descale the espresso machine"
TITLE = "Descaling the BrewMate Pro Espresso Machine"


def test_the_kb_page_search_marks_the_query_words_in_the_matching_passage(page, app_url):
    sign_in(page, app_url, "editor", "frontline-editor")
    page.get_by_role("heading", name="Knowledge base").wait_for(timeout=60_000)  # load ~30 once took over 20 s
    box = page.get_by_role("textbox", name="Search approved articles")
    box.fill(QUERY)
    box.press("Enter")
    first = page.locator(".fl-passage").first
    first.locator("mark").first.wait_for()
    marked = {m.lower() for m in first.locator("mark").all_inner_texts()}
    assert marked and marked <= {"descale", "descaler", "descaling", "espresso", "machine", "machines"}, marked
    assert page.get_by_text(TITLE).count() >= 1
    page.screenshot(path=str(ARTIFACTS / "kb-search-marked.png"))


def test_the_assist_panel_search_marks_the_query_words(page, app_url, app_env):
    live = build_services(Settings(db_path=app_env["FRONTLINE_DB_PATH"]))
    customer = repos(live).customers.all()[3]
    conversation, _, _ = inbox.start_conversation(live, customer.id, "chat", "E2E: marked search", "hi", "agent")
    sign_in(page, app_url, "agent", "frontline-agent")
    open_queue_card(page, "E2E: marked search", conversation.id)
    page.get_by_role("tab", name="Knowledge base").click()
    box = page.get_by_role("textbox", name="Search the knowledge base")
    box.fill(QUERY)
    box.press("Enter")
    expander = page.locator("[data-testid=stExpander]").filter(has_text=TITLE).first
    expander.locator("summary").click()
    expander.locator(".fl-passage mark").first.wait_for()
    assert {m.lower() for m in expander.locator(".fl-passage mark").all_inner_texts()} & {"descale", "espresso"}
