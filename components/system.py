"""The admin overview: providers per capability and data location."""

from __future__ import annotations

import streamlit as st

from services.admin import SystemOverview


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
