"""The assist panel: a prompt-injection warning when the message was flagged, then suggestions, intent, sentiment and
its trend, emotions, entities, escalation, KB."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from components import kb_usage, spoken
from components.kb_search import marked_html
from components.safe import literal, literal_html, literal_markdown
from services.models import Analysis, Article
from services.views import ArticleResult, AssistView

SENTIMENT_COLOURS = {"positive": "green", "neutral": "gray", "mixed": "orange", "negative": "red"}
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")


def article_markdown(body: str) -> str:
    """A reviewed article's markdown with images shown as their text: the page never loads an outside host."""
    return _IMAGE.sub(lambda m: f"{m.group(1)} ({m.group(2)})", body)


def _headline(analysis: Analysis) -> None:
    """Intent, sentiment, language and the strongest emotion cues on one line."""
    intent, sentiment = analysis.intent, analysis.sentiment
    colour = SENTIMENT_COLOURS.get(sentiment.label, "gray")
    cues = [f"{name} {score:.0%}" for name, score in analysis.emotions.items() if score >= 0.3]
    second = (f":violet-badge[also: {literal_markdown(intent.secondary)} · {intent.secondary_confidence or 0:.0%}] "
              if intent.secondary else "")
    basis = ":gray-badge[with earlier messages] " if intent.basis == "conversation" else ""
    st.markdown(f":blue-badge[{literal_markdown(intent.label)} · {intent.confidence:.0%}] {basis}{second}"
                f":{colour}-badge[{sentiment.label}] :gray-badge[{analysis.language or 'und'}]"
                + (f" :gray[{literal_markdown(', '.join(cues))}]" if cues else ""))


def _escalation(analysis: Analysis) -> None:
    """The flag and its reasons in one compact block, so the suggestions below stay on a laptop screen."""
    escalation = analysis.escalation
    if escalation.escalate:
        reasons = "; ".join(literal_markdown(r) for r in escalation.reasons)
        st.caption(f":red-badge[:material/warning: **Escalate** · score {escalation.score:.2f}] "
                   f":red[{reasons}]")
    elif escalation.reasons:
        st.caption("Watch: " + "; ".join(literal_markdown(r) for r in escalation.reasons))


INJECTION_WARNING = ("**Possible prompt injection.** This message may try to make the assistant ignore its rules or "
                     "reveal the system prompt, internal notes or other customers' data. Share nothing about other "
                     "customers or internal notes, and read every suggestion before you send it.")


def _injection(analysis: Analysis) -> None:
    """The prompt-injection flag (services/injection.py) with what was found, above everything else."""
    check = analysis.injection
    if check.flagged:  # the reasons quote the customer's words: shown literally
        with st.container(border=True, key="injection-warning"):
            st.error(INJECTION_WARNING, icon=":material/gpp_maybe:")
            st.html(literal_html("\n".join(f"• {reason}" for reason in check.reasons), "caption"))


_TREND_BUILD = threading.Lock()


def trend_figure(values: tuple[float, ...]):  # noqa: ANN201 - a plotly Figure
    """Sentiment per customer turn: whole turns on the x axis, -1 (negative) to 1 (positive) on the y axis.
    Built once per trend for the whole process (graph objects: plotly express took 2.6x as long): the tabs showing the
    same conversation redraw at once when a message arrives, and wait for one build instead of each making it."""
    with _TREND_BUILD:
        return _build_trend(values)


@functools.lru_cache(maxsize=512)
def _build_trend(values: tuple[float, ...]):  # noqa: ANN202 - a plotly Figure, only read afterwards
    figure = go.Figure(go.Scatter(x=list(range(1, len(values) + 1)), y=list(values), mode="lines+markers"))
    figure.update_layout(height=110, margin={"l": 0, "r": 0, "t": 0, "b": 0}, yaxis_range=[-1.05, 1.05])
    figure.update_xaxes(tickmode="linear", tick0=1, dtick=1, tickformat="d")  # whole turns
    return figure


def _trend(values: tuple[float, ...]) -> None:
    if len(values) < 2:
        return
    st.caption("Sentiment by customer turn")
    st.plotly_chart(trend_figure(values), config={"displayModeBar": False}, key=f"trend-{len(values)}-{values[-1]}")


def _suggestions(view: AssistView, on_insert: Callable[[int, str], None],
                 on_play: Callable[[str, str], None] | None) -> None:
    st.markdown("**Suggested replies**")
    if not view.suggestions:
        st.caption("No suggestion for this message.")
    for i, suggestion in enumerate(view.suggestions):
        with st.container(border=True, key=f"suggestion-{suggestion.id}"):
            literal(suggestion.text)  # a suggestion may quote the customer: shown literally
            text_col, button_col, *play_col = st.columns([3, 2, 2] if on_play else [3, 2],
                                                         vertical_alignment="center")
            text_col.caption(f"{suggestion.source} · {suggestion.score:.2f}"
                             + (f" · {suggestion.feedback}" if suggestion.feedback else ""))
            button_col.button("Insert", key=f"insert-{suggestion.id}", icon=":material/edit_note:",
                              on_click=on_insert, args=(suggestion.id, suggestion.text), width="stretch",
                              type="secondary" if i else "primary")
            if on_play is not None:
                with play_col[0]:
                    spoken.play_button(f"play-{suggestion.id}", on_play,
                                       (spoken.suggestion_key(suggestion.id), suggestion.text))
                spoken.player(spoken.suggestion_key(suggestion.id))


def _kb_hits(analysis: Analysis, articles: tuple[Article, ...]) -> None:
    bodies = {article.id: article.body for article in articles}
    if analysis.kb:
        st.markdown("**Knowledge base**")
    for hit in analysis.kb:
        with st.expander(f":material/article: {literal_markdown(hit.title)} · {hit.score:.2f}"):
            if hit.article_id in bodies:  # our own reviewed article renders as markdown
                st.markdown(article_markdown(bodies[hit.article_id]))
            else:
                literal(hit.snippet)


def not_analysed(reason: str, on_retry: Callable[[], None], error: str = "") -> None:
    """The customer's latest message has no analysis: why (when its analysis failed), and a Retry button."""
    with st.container(border=True, key="not-analysed"):
        if reason:
            st.html(literal_html(f"The latest message is not analysed: {reason}", "caption"))
        else:
            st.caption("The latest message is not analysed yet.")
        if error:
            st.html(literal_html(error, "caption"))
        st.button("Retry analysis", key="retry-analysis", icon=":material/refresh:", on_click=on_retry)


def panel(view: AssistView | None, on_insert: Callable[[int, str], None],
          on_play: Callable[[str, str], None] | None = None) -> None:
    """Renders the panel; on_insert(suggestion_id, text) is the callback of each Insert button, on_play(played, text)
    of each Play button (none without it; played: spoken.suggestion_key(id)); the audio is drawn under its suggestion."""
    if view is None:
        st.info("Assist appears here once the customer's latest message is analysed.", icon=":material/hourglass:")
        return
    analysis = view.analysis
    if analysis.degraded:
        st.warning("Degraded: " + "; ".join(analysis.notices), icon=":material/cloud_off:")
    _injection(analysis)
    _headline(analysis)
    _escalation(analysis)
    _suggestions(view, on_insert, on_play)
    _trend(view.sentiment_trend)
    if analysis.entities:
        st.html(literal_html("Entities: " + " · ".join(f"{e.kind.replace('_', ' ')}: {e.text}"
                                                       for e in analysis.entities[:8]), "caption"))
    _kb_hits(analysis, view.articles)


def kb_results(query: str, results: list[ArticleResult], on_insert_link: Callable[[str], None],
               votes: dict[int, bool] | None = None, on_vote: Callable[[int, bool], None] | None = None,
               on_open: Callable[[int], None] | None = None) -> None:
    """Results of the agent's own KB search; each opens inline (on_open(article_id) is called when it is opened or
    closed), can put its link into the reply, and takes the agent's helpful / not-helpful vote (on_vote)."""
    if not query.strip():
        st.caption("Search the approved help-centre articles.")
        return
    if not results:
        st.info("No approved article matches.", icon=":material/search_off:")
    for result in results:
        article = result.article
        with st.expander(f"{literal_markdown(article.title)} · {result.score:.2f}", key=f"kb-{article.id}",
                         on_change=on_open or "ignore", args=(article.id,) if on_open else None):
            st.button("Insert link", key=f"kb-link-{article.id}", icon=":material/link:",
                      on_click=on_insert_link, args=(result.link,))
            if on_vote is not None:
                kb_usage.vote_buttons(article.id, (votes or {}).get(article.id), f"kb-vote-{article.id}", on_vote)
            st.html(literal_html(result.link, "caption"))
            if result.passage:  # the passage that matched, the query's words marked
                st.html(marked_html(result.passage, result.highlights))
            st.markdown(article_markdown(article.body))
