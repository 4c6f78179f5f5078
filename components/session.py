"""The browser side of a server-side session: a cookie holding the signed token, read on every connection.

Streamlit reads cookies (`st.context.cookies`) when a tab connects but cannot set them, so a tiny script writes the
cookie after sign-in. A reload or a new tab then connects with it and the app resumes the session from the database.
The token never appears in the URL; the database holds only its hash; sign-out revokes it server-side, so a tab that
still holds it is signed out on its next rerun.
"""

from __future__ import annotations

import re

import streamlit as st

COOKIE = "frontline_session"
TOKEN = "session_token"
EXPIRES = "session_expires"
FORGET_COOKIE = "forget_session_cookie"
_SAFE_TOKEN = re.compile(r"[A-Za-z0-9_.-]{1,200}")  # only our own token is ever written into the script
_SAFE_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def client_address() -> str:
    """The client's address for the per-client sign-in lockout ("" when Streamlit does not know it)."""
    address = st.context.ip_address
    return address if isinstance(address, str) else ""


def token() -> str | None:
    """This tab's token: the one it signed in with, else the cookie it connected with."""
    value = st.session_state.get(TOKEN) or st.context.cookies.get(COOKIE)
    return value if isinstance(value, str) else None


def remember(session_token: str, expires_at: str) -> None:
    st.session_state[TOKEN] = session_token
    st.session_state[EXPIRES] = expires_at
    st.session_state.pop(FORGET_COOKIE, None)


def _script(body: str) -> None:
    st.html(f"<script>{body}</script>", unsafe_allow_javascript=True, width="content")


def write_cookie() -> None:
    """(Re)write the cookie with this tab's token; the script runs again whenever the expiry slides."""
    value, expires = st.session_state.get(TOKEN, ""), st.session_state.get(EXPIRES, "")
    if not (_SAFE_TOKEN.fullmatch(value) and _SAFE_ISO.fullmatch(expires)):
        return
    date = expires.replace("Z", ".000Z")
    _script(f"document.cookie = '{COOKIE}={value}; Path=/; SameSite=Strict; Expires=' + "
            f"new Date('{date}').toUTCString() + (location.protocol === 'https:' ? '; Secure' : '');")


def forget_cookie() -> None:
    """Delete the cookie after sign-out (the session is already revoked server-side either way)."""
    if st.session_state.get(FORGET_COOKIE):
        _script(f"document.cookie = '{COOKIE}=; Path=/; SameSite=Strict; Max-Age=0';")
