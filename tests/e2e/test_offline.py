"""Nothing the app serves reaches an outside host: every page of every role with the network cut."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from components import pages as menu
from tests.e2e.conftest import STEP_MS, sign_in

pytestmark = pytest.mark.e2e
SIGN_INS = {"agent": ("agent", "frontline-agent"), "supervisor": ("supervisor", "frontline-supervisor"),
            "kb_editor": ("editor", "frontline-editor"), "admin": ("admin", "frontline-admin")}
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def cut_network(context, outside: list[str]) -> None:
    """Abort (and record) every request that does not go to this machine."""
    def route(r) -> None:  # noqa: ANN001 - Playwright route
        url = r.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname in LOOPBACK:
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    context.route("**/*", route)


@pytest.mark.parametrize("role", list(SIGN_INS))
def test_defect_13_9_every_page_works_offline(browser, app_url, role):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    outside, errors, failed = [], [], []
    cut_network(context, outside)
    page = context.new_page()
    page.set_default_timeout(STEP_MS)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: failed.append(r.url))
    try:
        sign_in(page, app_url, *SIGN_INS[role])
        pages = menu.pages_for(role)
        for spec in pages:
            if len(pages) > 1:  # a single page has no menu
                page.get_by_role("link", name=spec.title).click()
            page.get_by_role("heading", name=spec.title).wait_for()
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1_500)  # late icons, fonts and charts
    finally:
        context.close()
    assert outside == []
    assert [u for u in failed if not re.search(r"/_stcore/", u)] == []
    assert errors == []
