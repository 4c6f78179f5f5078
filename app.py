"""Frontline: sign-in (or a resumed session), then the pages the signed-in role may open (st.navigation)."""

from __future__ import annotations

import streamlit as st

from components import live, session
from components.pages import PAGES, pages_for
from components.state import clear_session, current_user, get_services, select_conversation, sign_in_as
from services import auth, conversations, warmup
from services.errors import ServiceError
from services.models import User

PAGE_FILES = {spec.key: spec.file for spec in PAGES}
DEEP_LINK = "conversation"  # ?conversation=ID opens that conversation
PENDING_LINK = "pending_deep_link"
SEEN_LINK = "seen_deep_link"
LINK_ERROR = "deep_link_error"


def login_page() -> None:
    st.title("Frontline")
    st.caption("Agent assist for customer-service teams")
    with st.form("sign_in"):
        username = st.text_input("Username")
        password = st.text_input("Password", type="password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        try:
            started = auth.start_session(get_services(), username, password, session.client_address())
        except ServiceError as e:
            st.error(str(e))
        else:
            sign_in_as(started.user)
            session.remember(started.token, started.expires_at)
            st.rerun()
    session.forget_cookie()  # after the form, so the form's widgets keep their place


def signed_out(forget_cookie: bool) -> None:
    pending = st.session_state.get(PENDING_LINK)
    clear_session()
    if forget_cookie:
        st.session_state[session.FORGET_COOKIE] = True
    if pending:
        st.session_state[PENDING_LINK] = pending


def restore_user() -> User | None:
    """The signed-in user of this tab, checked against the database on every run (sign-out elsewhere, expiry)."""
    token = session.token()
    if token is None:
        if current_user() is not None:
            signed_out(forget_cookie=False)
        return None
    try:
        resumed = auth.resume_session(get_services(), token)
    except ServiceError:
        signed_out(forget_cookie=True)
        return None
    if current_user() != resumed.user:
        sign_in_as(resumed.user)
    session.remember(resumed.token, resumed.expires_at)
    return resumed.user


def follow_deep_link(user: User) -> None:
    """Open ?conversation=ID once per link, if this user may see it; while the link stays, say why not otherwise."""
    link = st.session_state.pop(PENDING_LINK, None) or st.query_params.get(DEEP_LINK)
    if link and st.session_state.get(SEEN_LINK) != link:
        st.session_state[SEEN_LINK] = link
        st.session_state.pop(LINK_ERROR, None)
        try:
            select_conversation(conversations.readable(get_services(), user, link).id)
        except ServiceError as e:
            st.session_state[LINK_ERROR] = f"The link to conversation {link[:20]!r} cannot be opened: {e}"
    if link and LINK_ERROR in st.session_state:
        st.error(st.session_state[LINK_ERROR], icon=":material/link_off:")


def sidebar(user: User) -> None:
    with st.sidebar:
        st.markdown(f"**{user.display_name}**  \n{user.role.replace('_', ' ')}")
        if st.button("Sign out", icon=":material/logout:"):
            auth.sign_out(get_services(), user)
            signed_out(forget_cookie=True)
            st.rerun()
        session.write_cookie()


def main() -> None:
    st.set_page_config(page_title="Frontline", page_icon="🎧", layout="wide")
    warmup.start(get_services())  # once per process: the models load in the background while the user signs in
    user = restore_user()
    if user is None:
        if st.query_params.get(DEEP_LINK):
            st.session_state[PENDING_LINK] = st.query_params.get(DEEP_LINK)
        st.navigation([st.Page(login_page, title="Sign in", icon=":material/login:")], position="hidden").run()
        return
    pages = [st.Page(spec.file, title=spec.title, icon=spec.icon, url_path=spec.key) for spec in pages_for(user.role)]
    sidebar(user)
    follow_deep_link(user)
    st.navigation(pages).run()


with live.full_run_slot():  # whole-page runs take turns; pushed fragment runs do not wait (see full_run_slot)
    main()
