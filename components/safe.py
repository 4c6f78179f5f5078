"""Render customer text literally: no HTML, no markdown, no Streamlit colour or icon directives."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:$])")


def literal_markdown(text: str) -> str:
    """Text escaped so st.markdown shows exactly these characters."""
    escaped = html.escape(text, quote=False)
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", escaped)
    return escaped.replace("\n", "  \n")
