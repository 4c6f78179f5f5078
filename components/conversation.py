"""Queue and thread rendering for the agent workspace."""

from __future__ import annotations

import streamlit as st

from components.safe import literal_markdown
from services.conversations import ConversationView, QueueItem

CHANNEL_ICONS = {"chat": ":material/chat:", "email": ":material/mail:", "social": ":material/public:",
                 "voice": ":material/call:"}
AUTHOR_AVATARS = {"customer": ":material/person:", "agent": ":material/support_agent:",
                  "system": ":material/info:", "note": ":material/sticky_note_2:"}


def queue(items: list[QueueItem], selected: int | None) -> int | None:
    """The queue as buttons; returns the conversation id the agent clicked, if any."""
    st.subheader(f"Queue ({len(items)})")
    if not items:
        st.caption("No open conversations. New ones appear here.")
    chosen = None
    for item in items:
        c = item.conversation
        badge = " · :red-badge[escalated]" if c.status == "escalated" else ""
        label = (f"{CHANNEL_ICONS[c.channel]} **{literal_markdown(item.customer_name)}** "
                 f"({item.customer_tier}) · {item.waiting_minutes} min{badge}  \n"
                 f"{literal_markdown(item.last_message[:80])}")
        kind = "primary" if c.id == selected else "secondary"
        if st.button(label, key=f"queue-{c.id}", width="stretch", type=kind):
            chosen = c.id
    return chosen


def thread(view: ConversationView) -> None:
    c, customer = view.conversation, view.customer
    st.subheader(literal_markdown(c.subject) or f"Conversation {c.id}")
    st.caption(f"{c.channel} · {c.status} · {literal_markdown(customer.name)} · {customer.tier}")
    for message in view.messages:
        text = message.text if view.shows_pii else message.masked_text
        with st.chat_message(message.author_role, avatar=AUTHOR_AVATARS.get(message.author_role)):
            st.caption(f"{message.author or message.author_role} · {message.created_at}")
            st.markdown(literal_markdown(text))
