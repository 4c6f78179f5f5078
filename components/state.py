"""Session-state keys, typed getters, and the one cached Services instance of the app."""

from __future__ import annotations

import streamlit as st

from services.bootstrap import Services, build_services
from services.models import User

USER = "user"
SELECTED_CONVERSATION = "selected_conversation"


@st.cache_resource(show_spinner=False)
def get_services() -> Services:
    """Built once per server process and shared by every session (providers are thread-safe)."""
    return build_services()


def current_user() -> User | None:
    user = st.session_state.get(USER)
    return user if isinstance(user, User) else None


def sign_in_as(user: User) -> None:
    st.session_state[USER] = user


def clear_session() -> None:
    for key in list(st.session_state.keys()):
        del st.session_state[key]


def selected_conversation() -> int | None:
    return st.session_state.get(SELECTED_CONVERSATION)


def select_conversation(conversation_id: int | None) -> None:
    st.session_state[SELECTED_CONVERSATION] = conversation_id


def memo(key: str, marker: object, load):  # noqa: ANN001, ANN201 - any loader
    """load() again only when marker changed since the last call with this key (cheap live refresh)."""
    entry = st.session_state.get(f"_memo-{key}")
    if entry is not None and entry[0] == marker:
        return entry[1]
    value = load()
    st.session_state[f"_memo-{key}"] = (marker, value)
    return value


def chosen_suggestion_key(conversation_id: int) -> str:
    return f"chosen-suggestion-{conversation_id}"

