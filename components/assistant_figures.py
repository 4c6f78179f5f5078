"""The supervisor analytics page's "Virtual assistant" tab: containment, handovers by reason, the CSAT of chats the
assistant answered alone and the customers' ratings of its answers (docs/metrics.md, "Virtual assistant"). Render
only: the page calls the use case (services/analytics.py assistant_board) and passes the reasons' labels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.express as px
import streamlit as st

from components.charts import shown, table
from services.models import AssistantTotals, Kpi

NO_TURNS = "The virtual assistant took no turn in the conversations of this range and filters."


def show(totals: AssistantTotals, kpis: Sequence[Kpi], labels: Mapping[str, str]) -> None:
    if not totals.handled:
        st.info(NO_TURNS, icon=":material/smart_toy:")
        return
    for col, kpi in zip(st.columns(len(kpis)), kpis, strict=True):
        col.metric(kpi.label, shown(kpi), help=f"On {kpi.basis}. Defined in docs/metrics.md#{kpi.key}.")
    reasons = pd.DataFrame([{"reason": labels.get(code, code), "handovers": n} for code, n in totals.reasons],
                           columns=["reason", "handovers"]).sort_values("handovers", ascending=False)
    outcome = pd.DataFrame([{"outcome": "answered without an agent", "chats": totals.contained},
                            {"outcome": "handed over", "chats": totals.handed_over},
                            {"outcome": "an agent stepped in", "chats": totals.handled - totals.contained
                             - totals.handed_over}])
    ratings = pd.DataFrame([{"chats": "all the assistant handled", "helpful": totals.rated_up,
                             "not helpful": totals.rated_down},
                            {"chats": "answered without an agent", "helpful": totals.bot_only_up,
                             "not helpful": totals.bot_only_down}])
    left, right = st.columns(2)
    left.plotly_chart(px.bar(outcome, x="outcome", y="chats", title="Chats the assistant handled"))
    right.plotly_chart(px.bar(reasons, x="handovers", y="reason", orientation="h", title="Handovers by reason"))
    table("assistant outcomes", outcome, "analytics_assistant_outcomes")
    table("handovers by reason", reasons, "analytics_assistant_handover_reasons")
    table("ratings of the assistant's answers", ratings, "analytics_assistant_ratings")
