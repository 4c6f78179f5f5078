"""The reply composer and the conversation actions; they return what the agent asked for.

A form keeps what the agent typed until the action succeeded (a refused reply or note is not lost); after success
the page calls clear_after_success and the fields start empty on the next run.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from services.views import DISPOSITIONS

QUEUES = ("supervisor", "billing", "technical", "returns", "general")
_TO_CLEAR = "composer-fields-to-clear"


@dataclass(frozen=True)
class Action:
    kind: str  # send | note | escalate | transfer | resolve
    text: str = ""
    subject: str = ""
    queue: str = ""
    disposition: str = ""


def composer_key(conversation_id: int) -> str:
    return f"composer-{conversation_id}"


def escalate_note_key(conversation_id: int) -> str:
    return f"escalate-note-{conversation_id}"


def transfer_note_key(conversation_id: int) -> str:
    return f"transfer-note-{conversation_id}"


def _fields_of(conversation_id: int, action: Action) -> list[str]:
    return {"send": [composer_key(conversation_id)], "note": [composer_key(conversation_id)],
            "escalate": [escalate_note_key(conversation_id)],
            "transfer": [transfer_note_key(conversation_id)]}.get(action.kind, [])


def clear_after_success(conversation_id: int, action: Action) -> None:
    """Empty the fields this action used, before they are drawn on the next run (Streamlit allows no later)."""
    st.session_state[_TO_CLEAR] = [*st.session_state.get(_TO_CLEAR, []), *_fields_of(conversation_id, action)]


def _clear_pending() -> None:
    for key in st.session_state.pop(_TO_CLEAR, []):
        st.session_state[key] = ""


def reply_form(conversation_id: int, channel: str, subject: str) -> Action | None:
    """Composer with channel-appropriate fields; Send or Add note."""
    _clear_pending()
    with st.form(f"reply-{conversation_id}", border=True):
        email_subject = ""
        if channel == "email":
            email_subject = st.text_input("Subject", value=f"Re: {subject}" if subject else "",
                                          key=f"subject-{conversation_id}")
        hint = {"email": "Email reply (greeting and sign-off included in suggestions)",
                "social": "Public reply: no order numbers or personal data", "voice": "What to say",
                "chat": "Chat reply"}[channel]
        text = st.text_area("Reply", key=composer_key(conversation_id), height=110, placeholder=hint,
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
            note = st.text_input("Note for the supervisor", key=escalate_note_key(conversation_id))
            if st.form_submit_button("Escalate to supervisor", type="primary"):
                return Action("escalate", note, queue="supervisor")
    with cols[1].popover("Transfer", icon=":material/swap_horiz:", width="stretch"):
        with st.form(f"transfer-{conversation_id}", border=False):
            queue = st.selectbox("Queue", QUEUES[1:])
            note = st.text_input("Note", key=transfer_note_key(conversation_id))
            if st.form_submit_button("Transfer"):
                return Action("transfer", note, queue=queue)
    with cols[2].popover("Resolve", icon=":material/task_alt:", width="stretch"):
        with st.form(f"resolve-{conversation_id}", border=False):
            disposition = st.selectbox("Disposition", DISPOSITIONS)
            if st.form_submit_button("Resolve", type="primary"):
                return Action("resolve", disposition=disposition)
    return None
