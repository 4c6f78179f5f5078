"""The supervisor's analytics page through AppTest: charts first over the chosen channels (a message when none is),
filters read from and written to the URL, tables with CSV downloads, and the masked conversations behind a chart."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime

from streamlit.testing.v1 import AppTest

from tests.app.conftest import ROOT, TIMEOUT, run_page, user

PAGE = "pages/supervisor_analytics.py"
CHARTS = 11  # per day, by channel, hour heat map, CSAT/SLA; sentiment, intents per day, intent mix; 2 suggestions;
# the leaderboard; ROI


def chart(at: AppTest, title: str) -> dict:
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        if spec["layout"].get("title", {}).get("text") == title:
            return spec
    raise AssertionError(f"no chart titled {title!r}")


def run_with_url(services, query: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / PAGE), default_timeout=TIMEOUT)
    at.session_state["user"] = user(services, "supervisor")
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_defect_13_10_no_channel_chosen_shows_a_message_not_empty_axes(app_services):
    at = run_page(PAGE, user(app_services, "supervisor"))
    assert not at.exception
    assert len(at.get("plotly_chart")) == CHARTS
    at.multiselect[0].set_value([]).run()
    assert not at.exception
    assert [i.value for i in at.info] == ["Choose at least one channel to see its figures."]
    assert len(at.get("plotly_chart")) == 0


def test_defect_13_10_the_daily_line_has_a_point_for_every_day(app_services):
    at = run_page(PAGE, user(app_services, "supervisor"))
    at.multiselect[0].set_value(["voice"]).run()
    line = chart(at, "Conversations per day")["data"][0]
    days = line["x"]
    assert days == sorted(days) and len(days) >= 2
    span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days + 1
    assert len(days) == span, "one point per calendar day, zeros included"
    counts = line["y"] if isinstance(line["y"], list) else list(base64.b64decode(line["y"]["bdata"]))  # int8s
    assert 0 in counts, "the demo's voice conversations leave quiet days"


def test_kpi_tiles_show_every_figure_with_its_basis(app_services):
    at = run_page(PAGE, user(app_services, "supervisor"))
    labels = [m.label for m in at.metric]
    assert labels[:3] == ["Conversations", "Avg first response", "SLA attainment"]
    assert {"CSAT (1-5)", "First-contact resolution", "Suggestions used", "KB deflection"} <= set(labels)
    assert int(at.metric[0].value.replace(",", "")) > 100
    assert all(m.value != "—" for m in at.metric), "the demo has data for every figure"


def test_filters_come_from_the_url_and_go_back_into_it(app_services):
    at = run_with_url(app_services, {"channel": ["email"], "tier": ["gold", "vip"]})
    assert not at.exception
    assert at.multiselect[0].value == ["email"]
    assert at.multiselect(key="an_tiers").value == ["gold", "vip"]
    assert chart(at, "Volume by channel")["data"][0]["x"] == ["email"]
    at.multiselect[0].set_value(["chat", "social"]).run()
    assert at.query_params["channel"] == ["chat", "social"]
    assert at.query_params["tier"] == ["gold", "vip"]
    assert at.query_params["since"] and at.query_params["until"]


def test_a_bad_filter_in_the_url_is_dropped_not_a_crash(app_services):
    at = run_with_url(app_services, {"channel": ["fax"]})
    assert not at.exception
    assert [i.value for i in at.info] == ["Choose at least one channel to see its figures."]
    at = run_with_url(app_services, {"since": "yesterday", "until": "2026-13-45"})
    assert not at.exception and len(at.get("plotly_chart")) == CHARTS
    until = at.query_params["until"]
    assert date.fromisoformat(until if isinstance(until, str) else until[0]) == datetime.now(UTC).date()


def test_every_table_is_behind_its_chart_and_downloadable_as_csv(app_services):
    at = run_page(PAGE, user(app_services, "supervisor"))
    expanders = [e.label for e in at.expander]
    assert len(expanders) == 8 and "Table: agent leaderboard" in expanders
    assert len(at.dataframe) == len(at.get("download_button")) >= 8 + 1 + 2  # tables, ROI, the live monitor's


def test_the_conversations_behind_a_chart_are_listed_masked(app_services):
    at = run_page(PAGE, user(app_services, "supervisor"))
    at.selectbox(key="an_drill_chart").set_value("Channel").run()
    at.button(key="an_drill_go").click().run()
    assert not at.exception
    frame = next(d.value for d in at.dataframe if "started" in d.value.columns)
    assert len(frame) > 0 and set(frame["channel"]) == {frame["channel"].iloc[0]}
    assert "subject (masked)" in frame.columns
    assert not frame["subject (masked)"].str.contains("@").any(), "no e-mail address reaches the page"


def test_an_agent_cannot_open_the_page(app_services):
    at = run_page(PAGE, user(app_services, "agent"))
    assert at.error and not at.get("plotly_chart")


def test_roi_multiplies_measured_figures_by_editable_assumptions(app_services):
    at = run_page(PAGE, user(app_services, "supervisor"))
    saving = next(m for m in at.metric if m.label == "Saving over the range")
    before = float(saving.value.strip("$").replace(",", ""))
    assert before > 0
    roi_frame = next(d.value for d in at.dataframe if "measured figure" in d.value.columns)
    assert list(roi_frame["saving"]) == ["Replies sent from a suggested reply",
                                         "Conversations resolved with a knowledge-base article",
                                         "Articles drafted by the AI drafter"]
    assert (roi_frame["measured"] >= 0).all() and roi_frame["measured"].iloc[0] > 0
    at.number_input(key="roi_human_rate").set_value(50.0).run()
    after = float(next(m for m in at.metric if m.label == "Saving over the range").value.strip("$").replace(",", ""))
    assert after > before


def test_the_live_monitor_lists_escalations_with_links_and_is_audited(app_services):
    at = run_page(PAGE, user(app_services, "supervisor"))
    waiting = next(m for m in at.metric if m.label == "Escalations waiting")
    assert int(waiting.value) > 0, "the demo has escalations waiting"
    frame = next(d.value for d in at.dataframe if "why" in d.value.columns)
    assert frame["open"].str.startswith("inbox?conversation=").all()
    assert not frame["subject (masked)"].str.contains("@").any()
    from tests.repos import repos

    assert "view_live_monitor" in [e.action for e in repos(app_services).audit.entries(20)]
