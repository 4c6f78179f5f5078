"""The supervisor's analytics page through AppTest: charts over the chosen channels, a message when none is."""

from __future__ import annotations

import json
from datetime import date

from tests.app.conftest import run_page, user

PAGE = "pages/supervisor_analytics.py"


def test_defect_13_10_no_channel_chosen_shows_a_message_not_empty_axes(app_services):
    at = run_page(PAGE, user(app_services, "supervisor"))
    assert len(at.get("plotly_chart")) == 2
    at.multiselect[0].set_value([]).run()
    assert not at.exception
    assert [i.value for i in at.info] == ["Choose at least one channel to see its figures."]
    assert len(at.get("plotly_chart")) == 0


def test_defect_13_10_the_daily_line_has_a_point_for_every_day(app_services):
    at = run_page(PAGE, user(app_services, "supervisor"))
    at.multiselect[0].set_value(["voice"]).run()
    line = json.loads(at.get("plotly_chart")[1].proto.spec)["data"][0]
    days = line["x"]
    assert days == sorted(days) and len(days) >= 2
    span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days + 1
    assert len(days) == span, "one point per calendar day, zeros included"
