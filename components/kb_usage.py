"""Knowledge-base usage widgets: the period picker and report of the Usage tab (per article: views, helpful / not
helpful votes, uses in sent replies; the searches that found no good answer, masked), and the helpful / not-helpful
vote pair shown beside an article. Tables show text as data (never markup)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import streamlit as st

from services.views import UsageReport

PERIODS = {"7 days": 7, "30 days": 30, "90 days": 90, "Chosen dates": 0}


def period(today: date | None = None) -> tuple[date, date]:
    """The days the report covers (both included): the last 7, 30 or 90 days, or dates the editor picks."""
    today = today or datetime.now(UTC).date()
    choice = st.segmented_control("Period", list(PERIODS), default="30 days", key="kb-usage-period",
                                  required=True)
    days = PERIODS.get(choice or "30 days", 30)
    if days:
        return today - timedelta(days=days - 1), today
    picked = st.date_input("From – to", (today - timedelta(days=29), today), max_value=today,
                           key="kb-usage-dates", format="YYYY-MM-DD")
    if isinstance(picked, (tuple, list)) and len(picked) == 2:
        return picked[0], picked[1]
    start = picked[0] if isinstance(picked, (tuple, list)) and picked else picked
    return (start, start) if isinstance(start, date) else (today, today)


def report(usage: UsageReport) -> None:
    """Per article (the most used in replies first), then the searches with no good result (most frequent first)."""
    last_day = (datetime.strptime(usage.until[:10], "%Y-%m-%d") - timedelta(days=1)).date()
    st.caption(f"{usage.since[:10]} to {last_day} · a view is one person opening an "
               "article (again within 30 minutes: the same view) · used in replies: a sent reply drawn from the "
               "article's suggestion or carrying its link")
    find = st.text_input("Find an article", key="kb-usage-find", max_chars=200, placeholder="Part of a title",
                         label_visibility="collapsed")
    rows = [r for r in usage.articles if find.strip().casefold() in r.title.casefold()]
    if usage.articles and not rows:
        st.caption("No article title in this period matches.")
    if rows:
        st.dataframe([{"article": r.title, "state": r.state, "views": r.views, "helpful": r.helpful,
                       "not helpful": r.not_helpful,
                       "helpful %": (round(100 * r.helpful / (r.helpful + r.not_helpful))
                                     if r.helpful + r.not_helpful else None),
                       "used in replies": r.used_in_replies} for r in rows],
                     hide_index=True, width="stretch", key="kb-usage-articles")
    elif not usage.articles:
        st.info("No article was opened, voted on or used in a reply in this period.", icon=":material/query_stats:")
    st.markdown("**Searches with no good result** (customer details masked)")
    if usage.misses:
        st.dataframe([{"search": m.query, "times": m.searches, "best score": round(m.best_score, 2),
                       "last": m.last_at.replace("T", " ").removesuffix("Z")} for m in usage.misses],
                     hide_index=True, width="stretch", key="kb-usage-misses")
    else:
        st.caption("Every search in this period found a good answer.")


def vote_buttons(article_id: int, current: bool | None, key: str,
                 on_vote: Callable[[int, bool], None] | None = None) -> bool | None:
    """A helpful / not-helpful pair; the viewer's current vote is the highlighted one. A click calls
    on_vote(article_id, helpful) when given; the vote clicked is also returned (None: no click)."""
    up_col, down_col = st.columns(2)
    up = up_col.button("Helpful", key=f"{key}-up", icon=":material/thumb_up:", on_click=on_vote,
                       args=(article_id, True), type="primary" if current is True else "secondary", width="stretch")
    down = down_col.button("Not helpful", key=f"{key}-down", icon=":material/thumb_down:", on_click=on_vote,
                           args=(article_id, False), type="primary" if current is False else "secondary",
                           width="stretch")
    return True if up else False if down else None
