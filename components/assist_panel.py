"""The assist panel: intent, sentiment and its trend, emotions, entities, escalation, suggestions, KB."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.express as px
import streamlit as st

from components.safe import literal_markdown
from services.conversations import AssistView

SENTIMENT_COLOURS = {"positive": "green", "neutral": "gray", "mixed": "orange", "negative": "red"}


def _headline(analysis: dict) -> None:
    intent, sentiment = analysis["intent"], analysis["sentiment"]
    colour = SENTIMENT_COLOURS.get(sentiment["label"], "gray")
    st.markdown(f":blue-badge[{literal_markdown(intent['label'])} · {intent['confidence']:.0%}] "
                f":{colour}-badge[{sentiment['label']}] :gray-badge[{analysis.get('language', 'und')}]")
    cues = [f"{name} {score:.0%}" for name, score in analysis.get("emotions", {}).items() if score >= 0.3]
    if cues:
        st.caption("Cues: " + ", ".join(cues))


def _escalation(analysis: dict) -> None:
    escalation = analysis.get("escalation", {})
    if escalation.get("escalate"):
        reasons = "; ".join(literal_markdown(r) for r in escalation.get("reasons", []))
        st.error(f"**Escalate** (score {escalation.get('score', 0):.2f}): {reasons}", icon=":material/warning:")
    elif escalation.get("reasons"):
        st.caption("Watch: " + "; ".join(literal_markdown(r) for r in escalation["reasons"]))


def _trend(values: tuple[float, ...]) -> None:
    if len(values) < 2:
        return
    frame = pd.DataFrame({"turn": range(1, len(values) + 1), "sentiment": values})
    figure = px.line(frame, x="turn", y="sentiment", markers=True, range_y=[-1.05, 1.05], height=140)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0}, xaxis_title=None, yaxis_title=None)
    st.plotly_chart(figure, config={"displayModeBar": False}, key=f"trend-{len(values)}-{values[-1]}")


def panel(view: AssistView | None, on_insert: Callable[[int, str], None]) -> None:
    """Renders the panel; on_insert(suggestion_id, text) is the callback of each Insert button."""
    if view is None:
        st.info("Assist appears here once the customer's latest message is analysed.", icon=":material/hourglass:")
        return
    analysis = view.analysis
    if analysis.get("degraded"):
        st.warning("Degraded: " + "; ".join(analysis.get("notices", [])), icon=":material/cloud_off:")
    _headline(analysis)
    _escalation(analysis)
    _trend(view.sentiment_trend)
    entities = analysis.get("entities", [])
    if entities:
        st.caption("Entities: " + " · ".join(f"{e['kind'].replace('_', ' ')}: {literal_markdown(e['text'])}"
                                              for e in entities[:8]))
    st.markdown("**Suggested replies**")
    for i, suggestion in enumerate(view.suggestions):
        with st.container(border=True, key=f"suggestion-{suggestion.id}"):
            st.markdown(literal_markdown(suggestion.text))
            st.caption(f"{suggestion.source} · {suggestion.score:.2f}"
                       + (f" · {suggestion.feedback}" if suggestion.feedback else ""))
            st.button("Insert", key=f"insert-{suggestion.id}", icon=":material/edit_note:",
                      on_click=on_insert, args=(suggestion.id, suggestion.text), type="secondary" if i else "primary")
    kb = analysis.get("kb", [])
    bodies = {article.id: article.body for article in view.articles}
    if kb:
        st.markdown("**Knowledge base**")
        for hit in kb:
            with st.expander(f":material/article: {literal_markdown(hit['title'])} · {hit['score']:.2f}"):
                # our own reviewed articles render as markdown; anything else literally
                st.markdown(bodies.get(hit["article_id"]) or literal_markdown(hit.get("snippet", "")))
