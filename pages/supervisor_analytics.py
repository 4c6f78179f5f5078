"""Supervisor analytics: KPIs, trends, mixes, suggestion acceptance, the agent leaderboard, ROI on measured
figures over a date range and filters kept in the URL; charts first, tables (CSV) behind them, the conversations
behind any chart, the live monitor, and predicted CSAT and churn risk with their factors (services/predictors.py)."""

from datetime import UTC, datetime

import streamlit as st

from components import assistant_figures, charts, live
from components import predictions as predicted
from components.guard import require
from components.state import get_services, memo
from services import analytics, monitor, predictors, roi
from services.assistant import REASON_LABELS
from services.conversations import queue_marker, queues
from services.errors import ServiceError
from services.models import RoiAssumptions

PREDICTIONS_EVERY_MIN = 5
user = require("analytics")
services = get_services()


@st.fragment(run_every=charts.MONITOR_EVERY_S)
def live_monitor() -> None:
    """Redrawn every few seconds from the process's shared change marker (one read per process, not per tab); the
    read is audited once per page visit, not per redraw."""
    minute = datetime.now(UTC).strftime("%H:%M")  # waiting times move with the clock too
    key = (live.marker(services, queue_marker), minute)
    try:
        if live.fragment_run():
            charts.monitor(live.shared(services, ("live_monitor", user.username), key,
                                       lambda: monitor.live_monitor(services, user)))
        else:  # a visit or a change of filters: read (and audit) it now
            charts.monitor(monitor.live_monitor(services, user, audit=True))
    except ServiceError as e:
        st.error(str(e), icon=":material/error:")


def assistant_tab(filters: dict) -> None:
    """The virtual assistant's figures under the same range and filters (issue 19 item 5)."""
    try:
        totals, kpis = analytics.assistant_board(services, user, **filters)
    except ServiceError as e:
        st.error(str(e), icon=":material/error:")
        return
    assistant_figures.show(totals, kpis, REASON_LABELS)


st.header("Supervisor analytics")
filters = charts.first_filters(datetime.now(UTC).date())
if not filters["channels"]:
    charts.no_channel()
    st.stop()
filters.update(queues=charts.chosen("queue"), agents=charts.chosen("agent"), intents=charts.chosen("intent"))
try:
    board = analytics.dashboard(services, user, **filters)
except ServiceError as e:
    st.error(str(e), icon=":material/error:")
    st.stop()
charts.more_filters(board.options, queues(services))
charts.keep_in_url(filters)
charts.tiles(board)
volume, mixes, assist, agents, savings, drill, now, bot, ahead = st.tabs(
    ["Volume and service", "Sentiment and intents", "Suggested replies", "Agents", "ROI",
     "Conversations behind a chart", "Live monitor", "Virtual assistant", "Predictions"])
with volume:
    charts.volume(board)
with mixes:
    charts.mixes(board)
with assist:
    charts.suggestions(board)
with agents:
    charts.leaderboard(board)
with savings:
    try:
        charts.roi_table(roi.lines(board, roi.assumptions(**charts.roi_inputs(RoiAssumptions()))))
    except ServiceError as e:
        st.error(str(e), icon=":material/error:")
with drill:
    match = charts.drill_picker(board)
    if match is not None:
        try:
            charts.drill_table(analytics.drill_down(services, user, match, **filters), match)
        except ServiceError as e:
            st.error(str(e), icon=":material/error:")
with now:
    live_monitor()
with bot:
    assistant_tab(filters)

with ahead:
    # the models are trained on the whole stored history (not the filters above) and shared by every replica
    if st.button("Train the predictors on the stored history", icon=":material/model_training:",
                 key="train_predictors"):
        try:
            with st.spinner("Training…"):
                report = predictors.train(services, user)
            st.session_state["predictors_trained"] = st.session_state.get("predictors_trained", 0) + 1
            st.success(f"Trained: {', '.join(report.trained) or 'nothing'}.", icon=":material/check_circle:")
        except ServiceError as e:
            st.error(str(e), icon=":material/error:")
    # every tab draws on every rerun: the scores (a scan of the whole history) are kept for this tab for up to
    # PREDICTIONS_EVERY_MIN minutes, or until a training here
    bucket = datetime.now(UTC).strftime("%Y-%m-%d %H:") + str(datetime.now(UTC).minute // PREDICTIONS_EVERY_MIN)
    try:
        predicted.section(memo("predictions", (bucket, st.session_state.get("predictors_trained", 0)),
                               lambda: predictors.predictions(services, user)), PREDICTIONS_EVERY_MIN)
    except ServiceError as e:
        st.error(str(e), icon=":material/error:")
