"""Supervisor analytics: volumes, status mix, CSAT and escalation rate."""

import streamlit as st

from components import charts
from components.guard import require
from components.state import get_services
from services import analytics
from services.models import CHANNELS

user = require("analytics")
st.header("Supervisor analytics")
channels = st.multiselect("Channels", CHANNELS, default=list(CHANNELS))
if channels:
    charts.overview(analytics.overview(get_services(), user, tuple(channels)))
else:
    charts.no_channel()
