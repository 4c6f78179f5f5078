"""The knowledge base's Gaps tab: the topics customers asked about that no article answers well (by volume, with the
trend this week against last and masked example questions), "Draft an article" per gap, and the drafted article in
the editor with each of its sentences beside the source it was copied from.

The page hands in its use cases as callables (``GapActions``), so this module renders and calls back but imports no
use case. Customer text (the questions, the sources) is shown literally (components.safe.literal).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from components import articles
from components.safe import literal, literal_html, literal_markdown
from services.errors import ServiceError
from services.models import ARTICLE_STATE_LABELS, Article, DraftRecord
from services.views import ArticleDetail, DraftedArticle, Gap, GapReport

OPEN, DONE = "kb_gap_article", "kb_gap_done"  # the drafted article open in this tab; the toast after a step
EXAMPLES = 5
CONTEXT_CHARS = 160  # of the source shown on each side of a sentence
CAPTION_STYLE = "white-space:pre-wrap;overflow-wrap:anywhere;font-size:0.85rem;opacity:0.75;line-height:1.45"
DONE_TEXT = {"save": "Saved", "submit": "Submitted for review", "approve": "Approved", "reject": "Rejected",
             "archive": "Archived", "restore": "Restored as a draft"}


@dataclass(frozen=True)
class GapActions:
    """What the tab may do, as the page's use cases: find the gaps, draft from one, list the drafts, open one in
    the editor (``detail``) and take an editor's step (``act``: the page's own, returns the article id)."""

    find: Callable[[], GapReport]
    draft: Callable[[Gap], Article]
    drafted: Callable[[], list[DraftedArticle]]
    detail: Callable[[int], ArticleDetail]
    act: Callable[[articles.Choice], int]
    open_elsewhere: int | None = None  # the article the Articles tab has open (one editor per article per page)


def _base_key(article_id: int) -> str:
    return f"kb_gap_base_{article_id}"


def gaps_tab(actions: GapActions) -> None:
    """The gap list beside the drafted article (editor, then its sources)."""
    if done := st.session_state.pop(DONE, None):
        st.toast(done, icon=":material/check:")
    list_col, work_col = st.columns([1, 2.2], gap="medium")
    with list_col:
        _gap_list(actions)
        _drafted_list(actions)
    with work_col:
        opened = st.session_state.get(OPEN)
        if opened:
            _draft_pane(actions, opened)
        else:
            st.caption("Choose “Draft an article” on a gap, or open an article drafted earlier.")


def _call(action: Callable[[], Any]) -> Any:
    try:
        return action()
    except ServiceError as e:
        st.error(str(e), icon=":material/error:")
        return None


def _gap_list(actions: GapActions) -> None:
    with st.spinner("Finding the questions the knowledge base answers badly…"):
        report = _call(actions.find)
    if report is None:
        return
    st.markdown("**Gaps**")
    st.caption(f"{report.weak_questions} of {report.questions_checked} customers' opening questions in the last "
               f"{report.window_days} days were answered badly (low search score, a KB suggestion rejected, escalated "
               "or reopened); those on one topic form a gap. Examples are masked.")
    if not report.gaps:
        st.info("No gaps: every topic customers asked about has an article that answers it.",
                icon=":material/task_alt:")
    with st.container(height=520, border=False):
        for n, gap in enumerate(report.gaps):
            _gap_card(actions, n, gap)


def _trend(gap: Gap) -> str:
    arrow = "↑" if gap.trend > 0 else "↓" if gap.trend < 0 else "→"
    return f"{arrow} {gap.this_week} this week · {gap.last_week} last week"


def _gap_card(actions: GapActions, n: int, gap: Gap) -> None:
    with st.container(border=True, key=f"gap-{n}"):
        st.markdown(f"**{literal_markdown(gap.topic)}** :blue-badge[{gap.volume} questions]")
        signals = " · ".join(f"{count} {name}" for name, count in sorted(gap.signal_counts().items()))
        st.caption(f"{_trend(gap)}  \n{literal_markdown(signals)}")
        with st.expander("Example questions"):
            for question in gap.questions[:EXAMPLES]:
                literal(question.text, "caption")
                best = f"best article: {question.best_article} ({question.best_score:.2f})" if question.best_article \
                    else "no article matched"
                st.caption(f"conversation {question.conversation_id} · {question.asked_at[:10]} · "
                           f"{literal_markdown(best)}")
        if st.button("Draft an article", key=f"gap-draft-{n}", icon=":material/edit_note:", width="stretch"):
            with st.spinner("Drafting from the questions, the agents' replies and related articles…"):
                article = _call(lambda: actions.draft(gap))
            if article is not None:
                st.session_state.update({OPEN: article.id, DONE: f"Draft ready: {article.state_label}"})
                st.rerun()


def _drafted_list(actions: GapActions) -> None:
    drafted = _call(actions.drafted) or []
    if not drafted:
        return
    st.markdown("**Drafted from gaps**")
    for item in drafted:
        label = f"{ARTICLE_STATE_LABELS.get(item.article.status, item.article.status)} · " \
                f"{literal_markdown(item.article.title)}"
        if st.button(label, key=f"gap-drafted-{item.article.id}", width="stretch",
                     type="primary" if item.article.id == st.session_state.get(OPEN) else "secondary"):
            st.session_state[OPEN] = item.article.id
            st.rerun()


def _draft_pane(actions: GapActions, article_id: int) -> None:
    drafted = {d.article.id: d for d in (_call(actions.drafted) or [])}
    detail = _call(lambda: actions.detail(article_id))
    if detail is None or article_id not in drafted:
        return
    editor_col, sources_col = st.columns([1.25, 1], gap="medium")
    with editor_col:
        if actions.open_elsewhere == article_id:
            st.info("This article is open in the Articles tab: edit it there.", icon=":material/tab:")
            st.markdown(f"### {literal_markdown(detail.article.title)}  {articles.state_badge(detail.article.status)}")
        else:
            base = st.session_state.setdefault(_base_key(article_id), detail.article.version)
            _take(actions, articles.editor(detail, base))
    with sources_col:
        sources(drafted[article_id].record)


def _take(actions: GapActions, choice: articles.Choice | None) -> None:
    if choice is None:
        return
    if choice.kind != "reload":
        if _call(lambda: actions.act(choice)) is None:
            return
        st.session_state[DONE] = DONE_TEXT.get(choice.kind, "Saved")
    st.session_state.pop(_base_key(choice.article_id), None)
    st.rerun()


def sources(record: DraftRecord) -> None:
    """Each sentence of the draft as drafted, beside the source it was copied from (customer text literal)."""
    st.markdown("**Where each sentence comes from**")
    st.caption(f"Drafted by the {record.provider} drafter from {len(record.sources)} masked sources on "
               f"{record.created_at[:16].replace('T', ' ')} (the draft as drafted; later edits are in the history).")
    with st.container(height=640, border=False):
        for section in record.draft.sections:
            st.markdown(f"**{literal_markdown(section.heading)}**")
            for sentence in section.sentences:
                with st.container(border=True):
                    literal(sentence.text)
                    source = record.sources[sentence.source] if sentence.source is not None else None
                    if source is not None:
                        st.caption(f"from {literal_markdown(source.ref)}")
                        st.html(excerpt_html(source.text, sentence.text))


def excerpt_html(source: str, sentence: str, context: int = CONTEXT_CHARS) -> str:
    """The part of the source around the sentence, the sentence marked; every character escaped (customer text)."""
    start = source.find(sentence)
    if start < 0:
        return literal_html(source[:2 * context], "caption")
    end = start + len(sentence)
    before, after = source[max(0, start - context):start], source[end:end + context]
    lead, tail = ("…" if start > context else ""), ("…" if end + context < len(source) else "")
    marked = (f"{html.escape(lead + before)}<mark class=\"kb-source-sentence\">{html.escape(sentence)}</mark>"
              f"{html.escape(after + tail)}")
    return f'<div class="kb-source" style="{CAPTION_STYLE}">{marked}</div>'
