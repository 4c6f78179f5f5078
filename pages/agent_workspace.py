"""Agent workspace: the live queue and the selected conversation."""

import streamlit as st

from components import conversation as render
from components.guard import require
from components.state import SELECTED_CONVERSATION, get_services
from services import conversations

user = require("workspace")
services = get_services()
st.title("Agent workspace")
queue = conversations.agent_queue(services, user)
left, centre = st.columns([1, 2], gap="medium")
with left:
    chosen = render.queue(queue, st.session_state.get(SELECTED_CONVERSATION))
    if chosen is not None:
        st.session_state[SELECTED_CONVERSATION] = chosen
with centre:
    selected = st.session_state.get(SELECTED_CONVERSATION)
    if selected is None:
        st.info("Pick a conversation from the queue.")
    else:
        render.thread(conversations.open_conversation(services, user, selected))
