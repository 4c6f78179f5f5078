"""Translate an article into another seed language: a popover beside the editor. The page passes what to call (the
translate use case) and what to do with the new draft (open it); a pair the translator lacks is named before the
editor tries ("needs AWS Translate"), and any refusal is shown in words, never a crash.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from services.errors import ServiceError
from services.models import SEED_LANGUAGES, Article, language_name


def targets(article: Article, pairs: Sequence[tuple[str, str]]) -> list[tuple[str, bool]]:
    """(language, offered by the configured translator) for every seed language but the article's own."""
    offered = {target for source, target in pairs if source == article.language}
    return [(code, code in offered) for code in SEED_LANGUAGES if code != article.language]


def label(code: str, offered: bool) -> str:
    return language_name(code) if offered else f"{language_name(code)} (needs AWS Translate)"


def translate_box(article: Article, pairs: Sequence[tuple[str, str]], translate: Callable[[str], Article],
                  opened: Callable[[int], object]) -> None:
    """"Translated from article N" when it is a translation, and a Translate popover: the chosen language's draft is
    made with ``translate(code)`` and opened with ``opened(new id)``."""
    if article.source_id is not None:
        st.caption(f"Translated from article {article.source_id} · review it before approving: machine translation "
                   "is a first draft")
    choices = targets(article, pairs)
    with st.popover("Translate", icon=":material/translate:"):
        code = st.selectbox("Into", [c for c, _ in choices], key=f"kb-translate-into-{article.id}",
                            format_func=lambda c: label(c, dict(choices)[c]))
        if code is not None and not dict(choices)[code]:
            st.caption(f"Translation between {language_name(article.language)} and {language_name(code)} needs "
                       "AWS Translate (offline: English ↔ Spanish only).")
        if st.button("Create a translated draft", key=f"kb-translate-{article.id}", type="primary",
                     disabled=code is None):
            try:
                new = translate(code)
            except ServiceError as e:
                st.error(str(e), icon=":material/error:")
            else:
                opened(new.id)
                st.rerun()
