"""The analytics page's Predictions tab through AppTest, on a demo store of its own (training changes it): with too
little history it says so and draws nothing; trained from its button, it shows the churn chart first, then the
at-risk customers with their factors and links into their conversations, the predicted CSAT of open and recent
conversations, CSV downloads, and the read is audited."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
import streamlit as st

from services.bootstrap import build_services
from services.config import Settings
from tests.app.conftest import run_page, user
from tests.repos import repos

PAGE = "pages/supervisor_analytics.py"
CHURN_CHART = "Churn risk of the customers most at risk"
CSAT_CHART = "Predicted CSAT of open and recent conversations"


@pytest.fixture
def own_demo(demo_url, demo_copy, tmp_path, monkeypatch):
    """A demo of its own the test may change (the shared one must stay untrained for the other tests), seeded as of
    noon yesterday: the shared demo's "now" is the current hour, and how many customers left moves a little with it.
    Seeded once for this session's tests and copied for each (tests/conftest.py's demo_copy)."""
    if demo_url:
        pytest.skip("a SQLite demo of its own; the PostgreSQL run shares the demo database")
    copy = demo_copy((datetime.now(UTC).date() - timedelta(days=1)).isoformat(), tmp_path / "frontline.db",
                     backfill=True)
    monkeypatch.setenv("FRONTLINE_DB_PATH", str(copy))
    monkeypatch.setenv("FRONTLINE_BACKEND", "local")
    st.cache_resource.clear()
    yield copy
    st.cache_resource.clear()


def titles(at) -> list[str]:
    return [json.loads(e.proto.spec)["layout"].get("title", {}).get("text") for e in at.get("plotly_chart")]


def test_too_little_history_is_said_not_predicted(own_demo):
    with sqlite3.connect(own_demo) as conn:  # keep 20 survey answers and nobody who left
        conn.execute("UPDATE conversations SET csat = NULL WHERE id NOT IN "
                     "(SELECT id FROM conversations WHERE csat IS NOT NULL ORDER BY id LIMIT 20)")
        conn.execute("UPDATE customers SET churned_at = ''")
    services = build_services(Settings(db_path=str(own_demo)))
    at = run_page(PAGE, user(services, "supervisor"))
    at.button(key="train_predictors").click().run()
    assert not at.exception
    notes = [i.value for i in at.info]
    assert "Too little history to predict CSAT: 20 survey answers; at least 150 are needed." in notes
    assert any(n.startswith("Too little history to predict churn: 0 customers who left") for n in notes)
    assert CHURN_CHART not in titles(at) and CSAT_CHART not in titles(at)


def test_trained_predictions_show_charts_factors_links_and_csv(own_demo):
    services = build_services(Settings(db_path=str(own_demo)))
    at = run_page(PAGE, user(services, "supervisor"))
    assert not at.exception
    assert any(i.value.startswith("No CSAT model is trained yet") for i in at.info), "the demo starts untrained"
    at.button(key="train_predictors").click().run()
    assert not at.exception
    said = [m.value for m in (*at.info, *at.error, *at.success)]
    assert CHURN_CHART in titles(at) and CSAT_CHART in titles(at), said
    churn = next(d.value for d in at.dataframe if "risk %" in d.value.columns)
    assert len(churn) > 0 and list(churn["risk %"]) == sorted(churn["risk %"], reverse=True)
    assert churn["top factors"].str.contains(r"\([+-]\d+\.\d risk\)").any()
    assert churn["last conversation"].notna().all()
    csat = next(d.value for d in at.dataframe if "predicted CSAT" in d.value.columns)
    assert len(csat) > 0 and csat["predicted CSAT"].between(1, 5).all()
    # escalated conversations link into the inbox (a supervisor may read those), as the live monitor's do
    escalated = csat["status"] == "escalated"
    assert escalated.any() and csat.loc[escalated, "open"].str.fullmatch(r"inbox\?conversation=\d+").all()
    assert csat.loc[~escalated, "open"].isna().all()
    assert csat["top factors"].str.contains("CSAT)", regex=False).any()
    assert {"csv_predictions_churn", "csv_predictions_csat"} <= {b.key for b in at.get("download_button")}
    assert any("held-out AUC" in c.value for c in at.caption)
    actions = [e.action for e in repos(services).audit.entries(50, actor="supervisor")]
    assert {"train_predictors", "view_predictions"} <= set(actions)


def test_defect_a_range_without_a_survey_answer_crashed_the_csat_chart(own_demo):
    with sqlite3.connect(own_demo) as conn:
        conn.execute("UPDATE conversations SET csat = NULL")
    at = run_page(PAGE, user(build_services(Settings(db_path=str(own_demo))), "supervisor"))
    assert not at.exception
    assert "CSAT and SLA attainment per day" in titles(at)


def test_the_workspace_customer_tab_shows_the_churn_risk_and_its_top_factor_on_a_click(own_demo):
    from services import conversations, predictors
    from services.permissions import CLI
    from tests.app.test_workspace_flows import workspace

    services = build_services(Settings(db_path=str(own_demo)))
    predictors.train(services, CLI)
    agent = user(services, "agent")
    first = conversations.agent_queue(services, agent)[0].row.conversation.id
    at = workspace(agent, first)
    assert not [m for m in at.metric if m.label == "Churn risk"], "read only on a click"
    at.button(key=f"churn_risk_{first}").click().run()
    assert not at.exception
    risk = next(m for m in at.metric if m.label == "Churn risk")
    assert 0 <= int(risk.value.rstrip(" %")) <= 100
    assert any(c.value.startswith("Top factor: ") and "risk)" in c.value for c in at.caption)
