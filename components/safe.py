"""Render customer text literally: exactly the characters typed, never markup, icons, emoji codes or live links.

Streamlit's markdown turns `:material/…:` and `:smile:` into icons and bare URLs or e-mail addresses into links
after escaping has been undone, so no escaping makes st.markdown literal. Customer text therefore goes through
st.html as escaped HTML: the browser shows the characters and nothing interprets them. literal_markdown stays for
labels that only take markdown (they carry our own text, never a customer's).
"""

from __future__ import annotations

import html
import re

import streamlit as st

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:$])")
_STYLES = {"body": "white-space:pre-wrap;overflow-wrap:anywhere;margin:0;line-height:1.5",
           "caption": "white-space:pre-wrap;overflow-wrap:anywhere;margin:0;font-size:0.85rem;opacity:0.65"}


def literal_markdown(text: str) -> str:
    """Our own text escaped for st.markdown and widget labels (not for customer text: see literal_html)."""
    escaped = html.escape(text, quote=False)
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", escaped)
    return escaped.replace("\n", "  \n")


def literal_html(text: str, style: str = "body") -> str:
    """One block of HTML that shows `text` exactly: every character escaped, white space kept."""
    return f'<div class="fl-literal" style="{_STYLES[style]}">{html.escape(text, quote=True)}</div>'


def literal(text: str, style: str = "body") -> None:
    """Show customer text exactly as typed."""
    st.html(literal_html(text, style))
