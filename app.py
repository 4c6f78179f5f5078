"""Frontline: sign-in, then the pages the signed-in role may open (st.navigation over st.Page)."""

from __future__ import annotations

import streamlit as st

from components.state import clear_session, current_user, get_services, sign_in_as
from services import auth
from services.errors import ServiceError

PAGE_FILES = {
    "workspace": "pages/agent_workspace.py",
    "analytics": "pages/supervisor_analytics.py",
    "knowledge": "pages/knowledge_base.py",
    "settings": "pages/settings.py",
}


def login_page() -> None:
    st.title("Frontline")
    st.caption("Agent assist for customer-service teams")
    with st.form("sign_in"):
        username = st.text_input("Username")
        password = st.text_input("Password", type="password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        try:
            sign_in_as(auth.sign_in(get_services(), username, password))
        except ServiceError as e:
            st.error(str(e))
        else:
            st.rerun()


def sidebar(user) -> None:
    with st.sidebar:
        st.markdown(f"**{user.display_name}**  \n{user.role.replace('_', ' ')}")
        if st.button("Sign out", icon=":material/logout:"):
            auth.sign_out(get_services(), user)
            clear_session()
            st.rerun()


def main() -> None:
    st.set_page_config(page_title="Frontline", page_icon="🎧", layout="wide")
    user = current_user()
    if user is None:
        st.navigation([st.Page(login_page, title="Sign in", icon=":material/login:")], position="hidden").run()
        return
    pages = [st.Page(PAGE_FILES[spec.key], title=spec.title, icon=spec.icon, url_path=spec.key)
             for spec in auth.pages_for(user.role)]
    sidebar(user)
    st.navigation(pages).run()


main()
