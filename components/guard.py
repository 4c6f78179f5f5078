"""Every page starts with require(): a page refuses a role that may not see it, even when reached by URL."""

from __future__ import annotations

import streamlit as st

from components.pages import require_page
from components.state import current_user
from services.errors import PermissionDenied
from services.models import User


def require(page_key: str) -> User:
    """The signed-in user, or stop the page with a clear message."""
    user = current_user()
    try:
        require_page(user, page_key)
    except PermissionDenied as e:
        st.error(str(e), icon=":material/block:")
        st.stop()
    assert user is not None
    return user
