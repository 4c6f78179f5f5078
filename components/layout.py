"""The workspace's own static styling: one screen at 1366×768, queue cards, scroll areas that follow the window."""

from __future__ import annotations

import streamlit as st

# Our own static CSS (no customer text, no outside host). Heights follow the window so that at 1366×768 the
# composer and the suggestions are visible without scrolling and larger screens show more of the thread.
WORKSPACE_CSS = """
<style>
.stMainBlockContainer { padding-top: 2.6rem; padding-bottom: 1rem; padding-left: 2.5rem; padding-right: 2.5rem; }
section[data-testid="stSidebar"] { width: 210px !important; min-width: 210px !important; }
[class*="st-key-suggestion-"] { padding: 0.45rem 0.6rem; gap: 0.25rem; }
[class*="st-key-suggestion-"] .fl-literal { font-size: 0.88rem; line-height: 1.35; }
[class*="st-key-suggestion-"] button { min-height: 2rem; padding: 0.1rem 0.5rem; }
.stMainBlockContainer h2 { padding: 0 0 0.2rem 0; font-size: 1.45rem; }
div:has(> .st-key-thread-messages) { flex: 0 0 max(160px, calc(100vh - 445px)) !important; }
div:has(> .st-key-queue-list) { flex: 0 0 max(200px, calc(100vh - 245px)) !important; }
div:has(> .st-key-assist-scroll) { flex: 0 0 max(260px, calc(100vh - 150px)) !important; }
.st-key-thread-messages, .st-key-queue-list, .st-key-assist-scroll { height: 100% !important; }
[class*="st-key-qcard-"] { position: relative; gap: 0; }
[class*="st-key-qcard-"] .stElementContainer[class*="st-key-queue-"] { position: absolute; inset: 0; z-index: 1; }
[class*="st-key-qcard-"] .stElementContainer[class*="st-key-queue-"] * { width: 100%; height: 100%; }
[class*="st-key-qcard-"] .stElementContainer[class*="st-key-queue-"] button { opacity: 0; cursor: pointer; }
.fl-card { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 0.35rem 0.55rem;
           font-size: 0.88rem; line-height: 1.35; }
[class*="st-key-qcard-"]:hover .fl-card { border-color: #ff4b4b; }
.fl-card.fl-selected { border-color: #ff4b4b; background: rgba(255, 75, 75, 0.08); }
.fl-card.fl-urgent { border-left: 4px solid #ff4b4b; }
.fl-meta { font-size: 0.8rem; opacity: 0.75; }
.fl-preview { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 2.7em; overflow: hidden; }
.fl-badge { background: #ff4b4b; color: white; border-radius: 0.4rem; padding: 0 0.3rem; font-size: 0.75rem; }
.fl-sla { border-radius: 0.4rem; padding: 0 0.3rem; font-size: 0.75rem; }
.fl-sla-over { background: rgba(255, 75, 75, 0.15); color: #bd4043; font-weight: 600; }
.fl-sla-ok { background: rgba(33, 195, 84, 0.15); color: #177233; }
.fl-subject { font-size: 1.1rem; font-weight: 600; overflow-wrap: anywhere; }
</style>
"""


def styles() -> None:
    st.html(WORKSPACE_CSS)
