"""Agent workspace: live queue | conversation and composer | assist panel and customer context."""

import streamlit as st

from components import assist_panel, composer
from components import conversation as render
from components.guard import require
from components.state import (
    chosen_suggestion_key,
    get_services,
    memo,
    select_conversation,
    selected_conversation,
)
from services import conversations, inbox
from services.errors import ServiceError

LIVE_REFRESH_S = 1.0
DONE = {"send": "Reply sent", "note": "Internal note added", "escalate": "Escalated to a supervisor",
        "transfer": "Transferred", "resolve": "Conversation resolved"}
QUEUE_SHOWN = 60

user = require("workspace")
services = get_services()


def insert_suggestion(conversation_id: int, suggestion_id: int, text: str) -> None:
    st.session_state[composer.composer_key(conversation_id)] = text
    st.session_state[chosen_suggestion_key(conversation_id)] = suggestion_id
    st.session_state["rerun_app"] = True  # the composer lives outside this fragment


@st.fragment(run_every=LIVE_REFRESH_S)
def live_queue() -> None:
    marker = conversations.queue_marker(services)
    first_view = not st.session_state.get("queue_audited")
    items = memo("queue", marker, lambda: conversations.agent_queue(services, user, audit=first_view))
    st.session_state["queue_audited"] = True
    chosen = render.queue(items[:QUEUE_SHOWN], selected_conversation())
    if len(items) > QUEUE_SHOWN:
        st.caption(f"+ {len(items) - QUEUE_SHOWN} more, less urgent")
    if chosen is not None and chosen != selected_conversation():
        select_conversation(chosen)
        st.rerun()


@st.fragment(run_every=LIVE_REFRESH_S)
def live_thread(conversation_id: int) -> None:
    marker = conversations.queue_marker(services)
    view = memo(f"thread-{conversation_id}", marker,
                lambda: conversations.open_conversation(services, user, conversation_id, audit=False))
    render.thread(view)


@st.fragment(run_every=LIVE_REFRESH_S)
def live_assist(conversation_id: int) -> None:
    marker = conversations.queue_marker(services)
    view = memo(f"assist-{conversation_id}", marker, lambda: conversations.assist_view(services, conversation_id))
    if view is None:  # an older message nobody analysed yet: analyse it now
        inbox.analyze_latest(services, conversation_id)
        view = conversations.assist_view(services, conversation_id)
    assist_panel.panel(view, lambda sid, text: insert_suggestion(conversation_id, sid, text))
    if st.session_state.pop("rerun_app", False):
        st.rerun()


def act(conversation_id: int, action: composer.Action) -> None:
    if action.kind == "send":
        suggestion = st.session_state.pop(chosen_suggestion_key(conversation_id), None)
        conversations.send_reply(services, user, conversation_id, action.text, suggestion, action.subject)
    elif action.kind == "note":
        conversations.add_note(services, user, conversation_id, action.text)
    elif action.kind == "escalate":
        conversations.escalate(services, user, conversation_id, action.text, action.queue)
    elif action.kind == "transfer":
        conversations.transfer(services, user, conversation_id, action.queue, action.text)
    elif action.kind == "resolve":
        conversations.resolve(services, user, conversation_id, action.disposition)
    st.toast(DONE[action.kind], icon=":material/check:")


st.header("Agent workspace")
queue_col, thread_col, assist_col = st.columns([1.05, 2, 1.35], gap="medium")
with queue_col:
    live_queue()
selected = selected_conversation()
if selected is None:
    thread_col.info("Pick a conversation from the queue.", icon=":material/arrow_back:")
else:
    first_open = st.session_state.get("audited_conversation") != selected
    view = conversations.open_conversation(services, user, selected, audit=first_open)
    st.session_state["audited_conversation"] = selected
    with thread_col:
        live_thread(selected)
        channel, subject = view.conversation.channel, view.conversation.subject
        action = composer.reply_form(selected, channel, subject) or composer.actions(selected)
        if action is not None:
            try:
                act(selected, action)
            except ServiceError as e:
                st.error(str(e))
            else:
                st.rerun()
    with assist_col:
        live_assist(selected)
        render.customer_context(view)
