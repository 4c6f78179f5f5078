"""The analytics page's Predictions section (services/predictors.py; docs/models.md "Predictions"): the models'
held-out figures, then plotly charts (the customers most at risk of leaving, the predicted CSAT of open and recent
conversations), then the tables with each prediction's top factors, a link into the conversation and a CSV download.
Render only: the page calls the use cases."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import plotly.express as px
import streamlit as st

from services.errors import ServiceError

LINK = "inbox"  # a supervisor reads a conversation in the escalation inbox (?conversation=ID opens it, app.py)


def _link(conversation_id: int, status: str) -> str | None:
    """A link into the escalation inbox for an escalated conversation (a supervisor may read those; any other is
    its agent's, named by its id), as the live monitor links."""
    return f"{LINK}?conversation={conversation_id}" if status == "escalated" else None
CHART_TOP = 15


def _figure(value: Any, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def model_caption(info: Any) -> str:
    """One line: what the model was trained on and its held-out figures beside the baselines."""
    h = info.heldout
    if info.kind == "csat":
        figures = (f"held-out MAE {_figure(h.get('mae'))} (mean-CSAT baseline {_figure(h.get('mae_mean_baseline'))}, "
                   f"last-sentiment baseline {_figure(h.get('mae_sentiment_baseline'))}); AUC for an unhappy answer "
                   f"(1-2) {_figure(h.get('auc_unhappy'))} (last sentiment "
                   f"{_figure(h.get('auc_unhappy_sentiment_baseline'))})")
        rows = f"{info.rows:,} survey answers"
    else:
        figures = (f"held-out AUC {_figure(h.get('auc'))} (last-sentiment baseline "
                   f"{_figure(h.get('auc_sentiment_baseline'))}); Brier {_figure(h.get('brier'), 3)} (base-rate "
                   f"baseline {_figure(h.get('brier_base_rate_baseline'), 3)}); ECE {_figure(h.get('ece'), 3)}")
        rows = f"{info.rows:,} customers, {info.positives:,} of whom left"
    name = "CSAT" if info.kind == "csat" else "Churn"
    return f"{name} model: trained {info.trained_at} by {info.trained_by} on {rows}; {info.split}; {figures}."


def _factors(factors: Sequence[Any]) -> str:
    return "; ".join(f.text for f in factors) or "nothing stands out"


def churn_frame(rows: Sequence[Any]) -> pd.DataFrame:
    return pd.DataFrame([{
        "customer": r.customer_id, "risk %": round(100 * r.risk, 1), "tier": r.tier, "contacts": r.contacts,
        "last contact": r.last_contact, "top factors": _factors(r.factors),
        "last conversation": r.last_conversation_id, "open": _link(r.last_conversation_id, r.last_status)}
        for r in rows],
        columns=["customer", "risk %", "tier", "contacts", "last contact", "top factors", "last conversation", "open"])


def csat_frame(rows: Sequence[Any]) -> pd.DataFrame:
    return pd.DataFrame([{
        "conversation": p.conversation_id, "predicted CSAT": p.predicted, "status": p.status, "channel": p.channel,
        "tier": p.tier, "started": p.created_at, "top factors": _factors(p.factors),
        "open": _link(p.conversation_id, p.status)} for p in rows],
        columns=["conversation", "predicted CSAT", "status", "channel", "tier", "started", "top factors", "open"])


def _table(frame: pd.DataFrame, name: str) -> None:
    st.dataframe(frame, hide_index=True, width="stretch",
                 column_config={"open": st.column_config.LinkColumn("open", display_text="Open")})
    st.download_button("Download CSV", frame.to_csv(index=False).encode("utf-8"), f"predictions_{name}.csv",
                       "text/csv", key=f"csv_predictions_{name}", icon=":material/download:")


def section(view: Any, every_min: int) -> None:
    """The notes (a kind with too little history or no model), then per trained model its chart and table."""
    st.caption(f"Scored at {view.at} (UTC) over the whole stored history (not the filters above); scored again "
               f"every {every_min} min or after training here.")
    for note in view.notes:
        st.info(note, icon=":material/model_training:")
    if view.churn_model is not None:
        st.subheader("Customers at risk of leaving")
        st.caption(model_caption(view.churn_model))
        if view.churn:
            top = view.churn[:CHART_TOP]
            chart = pd.DataFrame({"customer": [f"#{r.customer_id} ({r.tier})" for r in top],
                                  "risk %": [round(100 * r.risk, 1) for r in top],
                                  "top factor": [r.factors[0].text if r.factors else "" for r in top]})
            figure = px.bar(chart, x="risk %", y="customer", orientation="h", hover_data=["top factor"],
                            title="Churn risk of the customers most at risk")
            figure.update_layout(yaxis={"autorange": "reversed"}, height=420)
            st.plotly_chart(figure, width="stretch")
            st.caption(f"{view.scored_customers:,} customers still here scored; the {len(view.churn)} riskiest "
                       "listed. A factor's figure is its effect on the risk in log-odds (docs/models.md).")
            _table(churn_frame(view.churn), "churn")
        else:
            st.info("No customer with a conversation is still here to score.", icon=":material/check_circle:")
    if view.csat_model is not None:
        st.subheader("Predicted CSAT of open and recent conversations")
        st.caption(model_caption(view.csat_model))
        if view.csat:
            frame = pd.DataFrame({"predicted CSAT": [p.predicted for p in view.csat]})
            figure = px.histogram(frame, x="predicted CSAT", nbins=16, range_x=[1, 5],
                                  title="Predicted CSAT of open and recent conversations")
            st.plotly_chart(figure, width="stretch")
            st.caption(f"{view.scored_conversations:,} conversations scored (open, or started in the last week "
                       f"without a survey answer); the {len(view.csat)} lowest listed. A factor's figure is its "
                       "effect in CSAT points.")
            _table(csat_frame(view.csat), "csat")
        else:
            st.info("No open or recent conversation to score.", icon=":material/check_circle:")


def customer_risk(conversation_id: int, load: Callable[[], Any]) -> None:
    """The agent workspace's customer panel: the customer's churn risk and its top factor, read only on a click (the
    panel redraws often; the read is audited)."""
    if not st.button("Churn risk", key=f"churn_risk_{conversation_id}", icon=":material/trending_down:",
                     help="How likely this customer is to leave, from the churn model (docs/models.md)"):
        return
    try:
        risk = load()
    except ServiceError as e:
        st.error(str(e), icon=":material/error:")
        return
    if risk is None:
        st.caption("No churn model is trained yet (a supervisor trains it on the analytics page), or the customer "
                   "has left.")
        return
    st.metric("Churn risk", f"{100 * risk.risk:.0f} %")
    st.caption(f"Top factor: {risk.factors[0].text}" if risk.factors else "Nothing stands out.")
