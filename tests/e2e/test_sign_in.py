"""Signing in through a real browser: each role sees its pages; a wrong password gets a message."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import ARTIFACTS, sign_in

pytestmark = pytest.mark.e2e


def nav_titles(page) -> list[str]:
    page.get_by_test_id("stSidebarNav").wait_for()
    return [t.strip().splitlines()[-1] for t in page.get_by_test_id("stSidebarNavLink").all_inner_texts()]


def test_wrong_password_is_refused_with_a_message(page, app_url):
    sign_in(page, app_url, "agent", "not-the-password", expect_signed_in=False)
    page.get_by_text("Wrong username or password.").wait_for()
    assert page.get_by_test_id("stException").count() == 0


def test_agent_signs_in_to_the_workspace_and_signs_out(page, app_url):
    sign_in(page, app_url, "agent", "frontline-agent")
    page.get_by_role("heading", name="Agent workspace").wait_for()
    page.screenshot(path=str(ARTIFACTS / "sign-in-agent.png"), full_page=True)
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="Sign in").wait_for()


@pytest.mark.parametrize("username, password, pages", [
    ("agent", "frontline-agent", ["Agent workspace"]),
    ("supervisor", "frontline-supervisor", ["Escalation inbox", "Supervisor analytics"]),
    ("editor", "frontline-editor", ["Knowledge base"]),
    ("admin", "frontline-admin", ["Agent workspace", "Escalation inbox", "Supervisor analytics", "Knowledge base",
                                  "Settings", "Audit log"]),
])
def test_each_role_sees_exactly_its_pages(page, app_url, username, password, pages):
    sign_in(page, app_url, username, password)
    page.get_by_role("heading", name=pages[0]).wait_for()
    if len(pages) > 1:
        assert nav_titles(page) == pages
    else:  # Streamlit shows no page menu for a single page
        assert page.get_by_test_id("stSidebarNavLink").count() == 0


def test_an_agent_reaching_settings_by_url_does_not_get_it(page, app_url):
    sign_in(page, app_url, "agent", "frontline-agent")
    page.get_by_role("heading", name="Agent workspace").wait_for()
    page.goto(f"{app_url}/settings")
    page.get_by_role("button", name="Sign in").or_(page.get_by_role("heading", name="Agent workspace")).wait_for()
    assert page.get_by_role("heading", name="Settings").count() == 0
