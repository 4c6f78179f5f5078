"""Issue 17 items 1 and 3 in a real browser: an editor writes a draft and submits it, and (four eyes) another
person approves it; an agent then finds it in the knowledge-base search and the assist panel, and never before it was
approved."""

from __future__ import annotations

import pytest

from services import inbox
from services.bootstrap import build_services
from services.config import Settings
from tests.e2e.conftest import ARTIFACTS, STEP_MS, approve_as_admin, sign_in
from tests.e2e.test_workspace import open_queue_card
from tests.repos import repos

pytestmark = pytest.mark.e2e
TITLE = "Satin ribbon gift wrapping"
BODY = ("Add a satin ribbon and a handwritten card to any order for £3: tick **Gift wrap** in the basket.\n\n"
        "## Ribbon colours\n- red\n- navy\n- gold\n")
QUERY = "satin ribbon gift wrap"


@pytest.fixture(scope="module")
def live(app_env):
    return build_services(Settings(db_path=app_env["FRONTLINE_DB_PATH"]))


def editor_sees(page, state: str) -> None:
    page.locator(".stMarkdown h3").filter(has_text=TITLE).filter(has_text=state).wait_for()


def agent_search(page, query: str) -> None:
    page.get_by_role("tab", name="Knowledge base").click()
    box = page.get_by_role("textbox", name="Search the knowledge base")
    box.fill(query)
    box.press("Enter")


def test_a_draft_submitted_and_approved_in_the_browser_reaches_the_agents_search_and_assist_panel(
        page, browser, app_url, live):
    customer = repos(live).customers.all()[5]
    before, _, _ = inbox.start_conversation(live, customer.id, "chat", "E2E: ribbon before", "hello", "agent")

    sign_in(page, app_url, "editor", "frontline-editor")
    page.get_by_role("heading", name="Knowledge base").wait_for()
    page.get_by_role("button", name="New article").click()
    page.get_by_role("textbox", name="Title").fill(TITLE)
    page.get_by_role("textbox", name="Tags (comma-separated)").fill("gifts, wrapping")
    page.get_by_role("textbox", name="Body (markdown)").fill(BODY)
    page.get_by_role("tab", name="Preview").click()
    page.get_by_role("heading", name="Ribbon colours").wait_for()  # the markdown rendered
    page.get_by_role("button", name="Create draft").click()
    editor_sees(page, "Draft")

    agent = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    agent.set_default_timeout(STEP_MS)
    sign_in(agent, app_url, "agent", "frontline-agent")
    open_queue_card(agent, "E2E: ribbon before", before.id)
    agent_search(agent, QUERY)
    agent.get_by_text("No approved article matches.").or_(agent.locator("[data-testid=stExpander]").first).wait_for()
    assert agent.get_by_text(TITLE).count() == 0, "a draft reached the agent"

    page.get_by_role("button", name="Submit for review", exact=True).click()
    editor_sees(page, "In review")
    assert "in_review" not in page.locator("section.main, [data-testid=stMain]").first.inner_text()
    page.get_by_text("another editor approves it (four eyes)").wait_for()
    assert page.get_by_role("button", name="Approve", exact=True).count() == 0, "an editor approved their own text"
    reviewer = approve_as_admin(browser, app_url, TITLE)
    editor_sees(reviewer, "Approved")
    reviewer.get_by_text("Version history").wait_for()
    reviewer.screenshot(path=str(ARTIFACTS / "kb-editor-approved.png"))
    reviewer.context.close()

    agent.reload()
    open_queue_card(agent, "E2E: ribbon before", before.id)
    agent_search(agent, QUERY)
    agent.locator("[data-testid=stExpander]").filter(has_text=TITLE).first.wait_for()

    after, _, _ = inbox.start_conversation(live, customer.id, "chat", "E2E: ribbon after",
                                           "Can you add a satin ribbon gift wrap to my order?", "agent")
    open_queue_card(agent, "E2E: ribbon after", after.id)
    agent.get_by_role("tab", name="Assist").click()
    agent.locator("[data-testid=stExpander]").filter(has_text=TITLE).first.wait_for()
    agent.screenshot(path=str(ARTIFACTS / "kb-agent-sees-approved.png"))
    agent.context.close()


def upload(page, app_url: str, name: str, data: bytes) -> None:
    """Sign in as the editor in this tab, upload one file on Import / export and press Import."""
    sign_in(page, app_url, "editor", "frontline-editor")
    page.get_by_role("heading", name="Knowledge base").wait_for()
    page.get_by_role("tab", name="Import / export").click()
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(
        [{"name": name, "mimeType": "text/plain", "buffer": data}])
    page.get_by_role("button", name="Import", exact=True).click()


def test_an_upload_with_a_bad_row_is_reported_row_by_row_and_a_good_one_is_imported_as_drafts(
        page, browser, app_url, live):
    upload(page, app_url, "faq.csv", b"title,body,tags\nE2E upload one,Fine body,\nE2E upload two,,\n")
    page.get_by_text("1 problem(s) in 1 file(s); nothing was imported").wait_for()
    problems = page.locator("[data-testid=stTable]").first.inner_text()
    assert "faq.csv" in problems and "3" in problems and "the body is missing" in problems
    assert not [a for a in repos(live).articles.all() if a.title.startswith("E2E upload")]
    other = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    other.set_default_timeout(STEP_MS)
    upload(other, app_url, "wrap.md", b"---\ntitle: E2E upload three\ntags: [e2e]\n---\n\nImported in the browser.\n")
    other.get_by_text("Imported 1 articles as Draft.").wait_for()
    other.context.close()
    assert [(a.status, a.tags) for a in repos(live).articles.all() if a.title.startswith("E2E upload")] == [
        ("draft", ("e2e",))]
