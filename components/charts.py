"""Plotly charts and KPI tiles for the analytics page."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from services.views import Overview

NO_CHANNEL = "Choose at least one channel to see its figures."


def no_channel() -> None:
    st.info(NO_CHANNEL, icon=":material/filter_alt:")


def overview(data: Overview) -> None:
    cols = st.columns(4)
    cols[0].metric("Conversations", data.conversations)
    cols[1].metric("Open now", data.open_now)
    cols[2].metric("Escalation rate", f"{data.escalation_rate:.0%}")
    cols[3].metric("Avg CSAT", "—" if data.avg_csat is None else f"{data.avg_csat:.2f} / 5",
                   help=f"{data.csat_responses} survey answers")
    left, right = st.columns(2)
    by_channel = pd.DataFrame({"channel": list(data.by_channel), "conversations": list(data.by_channel.values())})
    by_day = pd.DataFrame({"day": list(data.by_day), "conversations": list(data.by_day.values())})
    left.plotly_chart(px.bar(by_channel, x="channel", y="conversations", title="Volume by channel"))
    if by_day.empty:
        right.info("No conversations in these channels yet.", icon=":material/info:")
        return
    # every day is in the data (zero on quiet days), so the line drops to 0 instead of bridging the gap
    right.plotly_chart(px.line(by_day, x="day", y="conversations", markers=True, title="Conversations per day"))
