"""The reply composer and the conversation actions; they return what the agent asked for."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from services.conversations import DISPOSITIONS

QUEUES = ("supervisor", "billing", "technical", "returns", "general")


@dataclass(frozen=True)
class Action:
    kind: str  # send | note | escalate | transfer | resolve
    text: str = ""
    subject: str = ""
    queue: str = ""
    disposition: str = ""


def composer_key(conversation_id: int) -> str:
    return f"composer-{conversation_id}"


def reply_form(conversation_id: int, channel: str, subject: str) -> Action | None:
    """Composer with channel-appropriate fields; Send or Add note."""
    with st.form(f"reply-{conversation_id}", clear_on_submit=True, border=True):
        email_subject = ""
        if channel == "email":
            email_subject = st.text_input("Subject", value=f"Re: {subject}" if subject else "",
                                          key=f"subject-{conversation_id}")
        hint = {"email": "Email reply (greeting and sign-off included in suggestions)",
                "social": "Public reply: no order numbers or personal data", "voice": "What to say",
                "chat": "Chat reply"}[channel]
        text = st.text_area("Reply", key=composer_key(conversation_id), height=150, placeholder=hint,
                            label_visibility="collapsed")
        send_col, note_col = st.columns([1, 1])
        send = send_col.form_submit_button("Send", type="primary", icon=":material/send:", width="stretch")
        note = note_col.form_submit_button("Add internal note", icon=":material/sticky_note_2:", width="stretch")
    if send:
        return Action("send", text, subject=email_subject)
    if note:
        return Action("note", text)
    return None


def actions(conversation_id: int) -> Action | None:
    """Escalate, transfer and resolve, each in its own popover."""
    cols = st.columns(3)
    with cols[0].popover("Escalate", icon=":material/priority_high:", width="stretch"):
        with st.form(f"escalate-{conversation_id}", border=False):
            note = st.text_input("Note for the supervisor")
            if st.form_submit_button("Escalate to supervisor", type="primary"):
                return Action("escalate", note, queue="supervisor")
    with cols[1].popover("Transfer", icon=":material/swap_horiz:", width="stretch"):
        with st.form(f"transfer-{conversation_id}", border=False):
            queue = st.selectbox("Queue", QUEUES[1:])
            note = st.text_input("Note")
            if st.form_submit_button("Transfer"):
                return Action("transfer", note, queue=queue)
    with cols[2].popover("Resolve", icon=":material/task_alt:", width="stretch"):
        with st.form(f"resolve-{conversation_id}", border=False):
            disposition = st.selectbox("Disposition", DISPOSITIONS)
            if st.form_submit_button("Resolve", type="primary"):
                return Action("resolve", disposition=disposition)
    return None
