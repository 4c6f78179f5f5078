"""Supervisor analytics: KPIs, trends, mixes, suggestion acceptance and the agent leaderboard over a date range
and filters kept in the URL; charts first, tables (CSV) behind them, and the conversations behind any chart."""

from datetime import UTC, datetime

import streamlit as st

from components import charts
from components.guard import require
from components.state import get_services
from services import analytics
from services.conversations import queues
from services.errors import ServiceError

user = require("analytics")
st.header("Supervisor analytics")
filters = charts.first_filters(datetime.now(UTC).date())
if not filters["channels"]:
    charts.no_channel()
    st.stop()
filters.update(queues=charts.chosen("queue"), agents=charts.chosen("agent"), intents=charts.chosen("intent"))
services = get_services()
try:
    board = analytics.dashboard(services, user, **filters)
except ServiceError as e:
    st.error(str(e), icon=":material/error:")
    st.stop()
charts.more_filters(board.options, queues(services))
charts.keep_in_url(filters)
charts.tiles(board)
volume, mixes, assist, agents, drill = st.tabs(
    ["Volume and service", "Sentiment and intents", "Suggested replies", "Agents", "Conversations behind a chart"])
with volume:
    charts.volume(board)
with mixes:
    charts.mixes(board)
with assist:
    charts.suggestions(board)
with agents:
    charts.leaderboard(board)
with drill:
    match = charts.drill_picker(board)
    if match is not None:
        try:
            charts.drill_table(analytics.drill_down(services, user, match, **filters), match)
        except ServiceError as e:
            st.error(str(e), icon=":material/error:")
