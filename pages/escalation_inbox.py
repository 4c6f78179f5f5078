"""Escalation inbox (supervisors, admins): live escalations | the conversations you took over."""

import streamlit as st

from components import conversation as render
from components import escalation_inbox as ui
from components.guard import require
from components.state import get_services, memo, select_conversation, selected_conversation
from services import conversations, escalations
from services.errors import ServiceError

LIVE_REFRESH_S = 1.0
DONE = {"take_over": "Taken over: it is yours now", "reassign": "Reassigned", "return": "Returned to the agent",
        "reply": "Reply sent", "note": "Internal note added", "resolve": "Conversation resolved"}

user = require("inbox")
services = get_services()


def act(choice: ui.Choice) -> None:
    cid = choice.conversation_id
    if choice.kind == "take_over":
        escalations.take_over(services, user, cid)
        select_conversation(cid)
    elif choice.kind == "reassign":
        escalations.reassign(services, user, cid, choice.agent, choice.text)
    elif choice.kind == "return":
        escalations.return_to_agent(services, user, cid, choice.text)
    elif choice.kind == "reply":
        conversations.send_reply(services, user, cid, choice.text)
    elif choice.kind == "note":
        conversations.add_note(services, user, cid, choice.text)
    elif choice.kind == "resolve":
        conversations.resolve(services, user, cid, choice.text)
    st.session_state["inbox_done"] = DONE[choice.kind]


def run(choice: ui.Choice | None) -> None:
    if choice is None:
        return
    if choice.kind == "open":
        select_conversation(choice.conversation_id)
        st.rerun()
    try:
        act(choice)
    except ServiceError as e:
        st.error(str(e))
    else:
        st.rerun()


@st.fragment(run_every=LIVE_REFRESH_S)
def live_inbox() -> None:
    marker = conversations.queue_marker(services)
    first_view = not st.session_state.get("inbox_audited")
    items = memo("inbox", marker, lambda: escalations.inbox(services, user, audit=first_view))
    st.session_state["inbox_audited"] = True
    run(ui.inbox(items, escalations.agents(services, user)))


st.header("Escalation inbox")
if done := st.session_state.pop("inbox_done", None):
    st.toast(done, icon=":material/check:")
inbox_col, work_col = st.columns([1.3, 1.7], gap="medium")
with inbox_col:
    live_inbox()
with work_col:
    mine = escalations.handled_by(services, user)
    run(ui.handled(mine, selected_conversation()))
    selected = selected_conversation()
    if selected is None:
        st.caption("Take over or read an escalation to see the conversation here.")
    else:
        try:
            first_open = st.session_state.get("inbox_opened") != selected
            view = conversations.open_conversation(services, user, selected, audit=first_open)
            st.session_state["inbox_opened"] = selected
        except ServiceError as e:
            st.info(str(e), icon=":material/info:")
        else:
            render.thread(view)
            ui.trail(escalations.trail(services, user, selected))
            if view.conversation.assigned_agent == user.username and view.conversation.status != "resolved":
                run(ui.composer(selected))
