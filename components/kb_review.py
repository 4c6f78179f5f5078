"""The editors' review widgets: the review queue (articles in review, oldest first, with who submitted them, who wrote
the text and who is asked to review it; "Assigned to me"), the assign control of an article, and the side-by-side
diff of a version against the one before it. Text is escaped: a title or a line of an article is never markup here.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st

from components.safe import literal_markdown
from services.views import DiffRow, ReviewItem

_SIDE_STYLE = {"same": ("", ""), "changed": ("background:#ffebe9;", "background:#e6ffec;"),
               "removed": ("background:#ffebe9;", "background:#f6f8fa;"),
               "added": ("background:#f6f8fa;", "background:#e6ffec;")}
_CELL = "white-space:pre-wrap;font-family:monospace;font-size:0.85em;padding:0 6px;vertical-align:top;width:50%;"


def waited(since: str, now: datetime | None = None) -> str:
    """How long ago an ISO-8601 moment was, in words ("3 d", "5 h", "12 min")."""
    try:
        then = datetime.strptime(since, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return since
    minutes = max(int(((now or datetime.now(UTC)) - then).total_seconds() // 60), 0)
    if minutes >= 2 * 24 * 60:
        return f"{minutes // (24 * 60)} d"
    return f"{minutes // 60} h" if minutes >= 120 else f"{minutes} min"


def queue(items: list[ReviewItem], me: str, on_open: Callable[[int], None]) -> None:
    """The review queue; "Review" on an item calls on_open(article_id) (a callback: it runs before the page is drawn
    again, so the page may switch to the Articles tab)."""
    mine = st.toggle("Assigned to me", key="kb-review-mine")
    shown = [item for item in items if not mine or item.assignee == me]
    st.caption(f"{len(shown)} article{'s' if len(shown) != 1 else ''} waiting for review · oldest first")
    if not shown:
        st.info("Nothing waits for your review." if mine else "Nothing waits for review.", icon=":material/done_all:")
    for item in shown:
        with st.container(border=True, key=f"kb-review-{item.article.id}"):
            title_col, button_col = st.columns([4, 1], vertical_alignment="center")
            title_col.markdown(f"**{literal_markdown(item.article.title)}**")
            who = literal_markdown(item.assignee) if item.assignee else "nobody"
            title_col.caption(f"submitted by {literal_markdown(item.submitted_by or '—')} · waiting "
                              f"{waited(item.submitted_at)} · written by {literal_markdown(item.author or '—')} · "
                              f"assigned to {who}" + (" · :orange[yours to review]" if item.assignee == me else ""))
            button_col.button("Review", key=f"kb-review-open-{item.article.id}", icon=":material/rate_review:",
                              on_click=on_open, args=(item.article.id,), width="stretch")


def assign_control(article_id: int, assignee: str, editors: tuple[str, ...], key: str) -> str | None:
    """Who the article is assigned to, and a popover to change it; returns the new assignee ("" for nobody) when the
    editor pressed Assign."""
    if not editors:
        return None
    options = ["", *editors]
    with st.popover(f"Assigned to {assignee}" if assignee else "Assign", icon=":material/person_add:"):
        chosen = st.selectbox("Assign to", options, index=options.index(assignee) if assignee in options else 0,
                              key=f"{key}-assignee", format_func=lambda name: name or "Nobody")
        if st.button("Save assignment", key=f"{key}-assign", type="primary"):
            return chosen
    return None


def side_by_side(rows: tuple[DiffRow, ...]) -> None:
    """The version before on the left, this version on the right: removed text on red, added on green, unchanged
    lines plain; every line escaped."""
    if not rows:
        return
    body = "".join(
        f'<tr class="kb-sbs-{row.kind}"><td style="{_CELL}{_SIDE_STYLE[row.kind][0]}">{html.escape(row.left)}</td>'
        f'<td style="{_CELL}{_SIDE_STYLE[row.kind][1]}">{html.escape(row.right)}</td></tr>' for row in rows)
    st.html('<table class="kb-side-by-side" style="width:100%;border-collapse:collapse;table-layout:fixed">'
            '<thead><tr><th style="text-align:left">Before</th><th style="text-align:left">After</th></tr></thead>'
            f"<tbody>{body}</tbody></table>")
