"""Knowledge-base article rendering."""

from __future__ import annotations

import streamlit as st

from services.models import Article


def article_list(articles: list[Article]) -> None:
    st.caption(f"{len(articles)} articles")
    for article in articles:
        with st.expander(f"{article.title} · {article.category} · {article.status} · v{article.version}"):
            st.markdown(article.body)
