"""The admin overview: providers per capability and data location."""

from __future__ import annotations

import streamlit as st

from services.views import SimulatorStatus, SystemOverview


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


def simulator_controls(on: bool, rate: float) -> tuple[bool, float] | None:
    """Toggle and pace of simulated customers; returns (on, rate) when the admin changed them."""
    st.subheader("Live traffic simulator")
    st.caption("Simulated Brightwave Home customers write in through the real live path, in all four channels. "
               "A separate simulator process writes them (`python -m services simulate`; `make run` starts one); "
               "this switch tells it what to do.")
    new_rate = st.slider("Messages per second", 0.1, 10.0, value=min(max(rate, 0.1), 10.0), step=0.1)
    new_on = st.toggle("Simulate customers", value=on)
    if new_on != on or (new_on and new_rate != rate):
        return new_on, new_rate
    return None


def simulator_status(status: SimulatorStatus) -> None:
    """Whether a simulator process is alive, and what it wrote since it was switched on."""
    if status.alive:
        st.caption(f"Simulator process {status.pid} is alive (last heartbeat {status.seconds_since_beat:.0f} s ago).")
    elif status.seconds_since_beat is None:
        st.warning("No simulator process has run on this database: start one with `python -m services simulate`.",
                   icon=":material/power_off:")
    else:
        st.warning(f"The simulator process is not running (last heartbeat {status.seconds_since_beat:.0f} s ago): "
                   "start one with `python -m services simulate`.", icon=":material/power_off:")
    if status.error:
        st.error(f"The simulator could not write a message: {status.error}")
    if status.on:
        st.caption(f"Running at {status.rate:g}/s · {status.written} messages written so far")
