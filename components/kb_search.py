"""The knowledge base's search box: approved articles best first, each with its best passage, the query's words
marked (<mark>, everything else HTML-escaped). The assist panel shows the same passages with ``marked_html``."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import streamlit as st

from services.errors import ServiceError
from services.models import KbHit

MAX_QUERY_CHARS = 300
_PASSAGE_STYLE = "white-space:pre-wrap;overflow-wrap:anywhere;margin:0;line-height:1.5"


def marked_html(passage: str, highlights: Sequence[tuple[int, int]], style: str = _PASSAGE_STYLE) -> str:
    """The passage as one HTML block: each (start, end) span in <mark>, all text escaped; bad spans are ignored."""
    parts, at = [], 0
    for start, end in sorted(highlights):
        if not (at <= start < end <= len(passage)):
            continue  # overlapping or out of range: shown unmarked rather than garbled
        parts += [html.escape(passage[at:start]), "<mark>", html.escape(passage[start:end]), "</mark>"]
        at = end
    parts.append(html.escape(passage[at:]))
    return f'<div class="fl-passage" style="{style}">{"".join(parts)}</div>'


def search_box(search: Callable[[str], list[KbHit]], key: str = "kb-search") -> None:
    """A search box over the approved articles; ``search(query)`` is the search use case (knowledge.search)."""
    query = st.text_input("Search approved articles", key=key, max_chars=MAX_QUERY_CHARS,
                          placeholder="e.g. how do I return an item", icon=":material/search:")
    if not query.strip():
        return
    try:
        hits = search(query)
    except ServiceError as e:
        st.error(str(e), icon=":material/error:")
        return
    if not hits:
        st.info("No approved article matches.", icon=":material/search_off:")
        return
    for hit in hits:
        with st.container(border=True):
            st.html(f'<div style="font-weight:600">{html.escape(hit.title)} '
                    f'<span style="opacity:0.6;font-weight:400">· {hit.score:.2f}</span></div>')
            st.html(marked_html(hit.passage or hit.snippet, hit.highlights if hit.passage else ()))
