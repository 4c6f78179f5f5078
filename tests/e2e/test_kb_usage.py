"""Issue 17 items 6 and 8 in a real browser: an agent votes a knowledge-base article helpful from the workspace's
Knowledge base tab, and the editor's Usage tab shows the vote and the view; the editor's review queue opens an
article waiting for review."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from services import inbox
from services.bootstrap import build_services
from services.config import Settings
from tests.e2e.conftest import ARTIFACTS, STEP_MS, sign_in
from tests.e2e.test_workspace import open_queue_card
from tests.repos import repos

pytestmark = pytest.mark.e2e
TITLE = "Pairing and resetting Corvo Buds"


@pytest.fixture(scope="module")
def live(app_env):
    return build_services(Settings(db_path=app_env["FRONTLINE_DB_PATH"]))


def test_an_agent_votes_an_article_helpful_and_the_editors_usage_tab_shows_it(page, browser, app_url, live):
    customer = repos(live).customers.all()[9]
    conversation, _, _ = inbox.start_conversation(live, customer.id, "chat", "E2E: usage vote", "hello", "agent")
    agent = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    agent.set_default_timeout(STEP_MS)
    sign_in(agent, app_url, "agent", "frontline-agent")
    open_queue_card(agent, "E2E: usage vote", conversation.id)
    agent.get_by_role("tab", name="Knowledge base").click()
    box = agent.get_by_role("textbox", name="Search the knowledge base")
    box.fill("pair corvo buds bluetooth")
    box.press("Enter")
    result = agent.locator("[data-testid=stExpander]").filter(has_text=TITLE).first
    result.locator("summary").click()
    result.get_by_role("button", name="Helpful", exact=True).click()
    result.locator("[data-testid=stBaseButton-primary]").filter(has_text="Helpful").wait_for()  # the agent's vote
    agent.screenshot(path=str(ARTIFACTS / "kb-agent-voted.png"))
    agent.context.close()

    sign_in(page, app_url, "editor", "frontline-editor")
    page.get_by_role("heading", name="Knowledge base").wait_for()
    page.get_by_role("tab", name="Usage").click()
    find = page.get_by_placeholder("Part of a title")  # the seed's own KB use fills more rows than the grid shows
    find.fill(TITLE)
    find.press("Enter")
    usage = page.locator("[data-testid=stDataFrame]").first
    usage.wait_for()
    deadline, row = time.monotonic() + 20, None
    while row is None and time.monotonic() < deadline:  # the filtered grid replaces the full one
        try:
            rows = [[cell.text_content(timeout=2_000) for cell in r.locator("[role=gridcell]").all()]
                    for r in usage.locator("[role=row]").all()]
        except PlaywrightTimeoutError:  # a cell listed by .all() went with the grid it was in: read the new one
            rows = []
        row = next((r for r in rows if TITLE in r), None)
        if row is None:
            page.wait_for_timeout(250)
    page.screenshot(path=str(ARTIFACTS / "kb-usage-tab.png"))
    assert row is not None, f"{TITLE!r} is not in the usage table"
    assert row[2:5] == ["1", "1", "0"], row  # views, helpful, not helpful (canvas cells, read from the grid's a11y rows)


def test_the_review_queue_opens_an_article_waiting_for_review(page, app_url):
    sign_in(page, app_url, "editor", "frontline-editor")
    page.get_by_role("heading", name="Knowledge base").wait_for()
    page.get_by_role("tab", name="Review queue").click()
    item = page.locator("[class*=st-key-kb-review-]").filter(has_text="Thermia ignores my heating schedule").first
    item.get_by_text("submitted by ai-drafter").wait_for()
    item.get_by_role("button", name="Review").click()
    page.locator(".stMarkdown h3").filter(has_text="Thermia ignores my heating schedule").filter(
        has_text="In review").wait_for()
    page.locator("table.kb-side-by-side").wait_for()
    assert page.get_by_role("button", name="Approve", exact=True).count() == 1  # the AI drafted it: not four eyes
