"""The supervisor analytics page in Chromium: charts drawn, the view's filters in the address so it can be shared,
and a shared address opening the same view. FRONTLINE_SCREENSHOTS=1 saves docs/screenshots/supervisor.png (README)."""

from __future__ import annotations

import os
from urllib.parse import parse_qs, urlparse

from tests.e2e.conftest import ROOT, sign_in

SCREENSHOT = ROOT / "docs" / "screenshots" / "supervisor.png"


def test_a_supervisor_sees_the_charts_and_can_share_the_view(page, app_url):
    sign_in(page, app_url, "supervisor", "frontline-supervisor")
    page.get_by_role("link", name="Supervisor analytics").click()
    page.get_by_text("Conversations per day").first.wait_for()
    assert page.locator(".js-plotly-plot").count() >= 4
    assert page.get_by_text("Avg first response").first.is_visible()
    page.wait_for_function("() => window.location.search.includes('since=')")
    query = parse_qs(urlparse(page.url).query)
    assert query["since"] and query["until"]
    if os.environ.get("FRONTLINE_SCREENSHOTS"):
        page.set_viewport_size({"width": 1440, "height": 1000})
        page.wait_for_timeout(1500)  # plotly's transitions
        page.screenshot(path=str(SCREENSHOT))
    shared = f"{app_url}/analytics?since={query['since'][0]}&until={query['until'][0]}&channel=email"
    page.goto(shared)
    page.get_by_text("Volume by channel").first.wait_for()
    channels = page.get_by_test_id("stMultiSelect").first
    channels.get_by_text("email").wait_for()
    assert "chat" not in channels.inner_text() and "voice" not in channels.inner_text()
