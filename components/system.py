"""The admin overview: providers per capability and data location."""

from __future__ import annotations

import streamlit as st

from services.views import SystemOverview


def overview(data: SystemOverview) -> None:
    cols = st.columns(3)
    cols[0].metric("Backend", data.backend)
    cols[1].metric("Schema version", data.schema_version)
    cols[2].metric("Conversations", data.row_counts.get("conversations", 0))
    st.markdown(f"**Database:** `{data.database}`  \n**Data folder:** `{data.data_dir}`")
    st.subheader("Providers")
    st.dataframe([{"capability": p.capability, "what": p.description, "provider": p.provider,
                   "available": ", ".join(p.available)} for p in data.providers],
                 hide_index=True, width="stretch")
    with st.expander("Row counts"):
        st.dataframe([{"table": t, "rows": n} for t, n in data.row_counts.items()], hide_index=True)


def simulator_controls(running: bool, rate: float, error: str) -> tuple[bool, float] | None:
    """Toggle and pace of simulated customers; returns (on, rate) when the admin changed them."""
    st.subheader("Live traffic simulator")
    st.caption("Simulated Brightwave Home customers write in through the real live path, in all four channels.")
    if error:
        st.error(error)
    new_rate = st.slider("Messages per second", 0.1, 10.0, value=rate or 0.5, step=0.1)
    on = st.toggle("Simulate customers", value=running)
    if on != running or (on and new_rate != rate):
        return on, new_rate
    return None


def simulator_status(running: bool, rate: float, written: int) -> None:
    if running:
        st.caption(f"Running at {rate:g}/s · {written} messages written so far")
