"""Queue, thread and customer context for the agent workspace."""

from __future__ import annotations

import streamlit as st

from components.safe import literal_markdown
from services.conversations import ConversationView, QueueItem

CHANNEL_ICONS = {"chat": ":material/chat:", "email": ":material/mail:", "social": ":material/public:",
                 "voice": ":material/call:"}
AUTHOR_AVATARS = {"customer": ":material/person:", "agent": ":material/support_agent:",
                  "system": ":material/info:", "note": ":material/sticky_note_2:"}
SENTIMENT_DOTS = {"positive": ":green[:material/sentiment_satisfied:]", "neutral": ":gray[:material/sentiment_neutral:]",
                  "mixed": ":orange[:material/sentiment_neutral:]", "negative": ":red[:material/sentiment_dissatisfied:]",
                  "": ":gray[:material/hourglass_empty:]"}


QUEUE_CSS = """
<style>
[class*="st-key-queue-"] button { justify-content: flex-start; text-align: left; }
[class*="st-key-queue-"] button p { text-align: left; }
</style>
"""


def _queue_label(item: QueueItem) -> str:
    row = item.row
    badge = " :red-badge[:material/priority_high: escalate]" if item.urgent else ""
    age = f"{item.waiting_minutes} min" if item.waiting_minutes < 120 else f"{item.waiting_minutes // 60} h"
    waited = f"waiting {age}" if item.customer_waiting else f"answered {age} ago"
    return (f"{CHANNEL_ICONS[row.conversation.channel]} {SENTIMENT_DOTS.get(row.sentiment, SENTIMENT_DOTS[''])} "
            f"**{literal_markdown(row.customer_name)}** · {row.customer_tier} · {waited}{badge}  \n"
            f"{literal_markdown(row.last_text[:70])}")


def queue(items: list[QueueItem], selected: int | None) -> int | None:
    """The queue as buttons, most urgent first; returns the conversation id the agent clicked."""
    st.html(QUEUE_CSS)  # our own static styling; customer text is never passed through st.html
    st.markdown(f"**Queue** · {len(items)} open")
    if not items:
        st.caption("No open conversations. New ones appear here by themselves.")
    chosen = None
    for item in items:
        cid = item.row.conversation.id
        kind = "primary" if cid == selected else "secondary"
        if st.button(_queue_label(item), key=f"queue-{cid}", width="stretch", type=kind):
            chosen = cid
    return chosen


def thread(view: ConversationView) -> None:
    c, customer = view.conversation, view.customer
    st.markdown(f"#### {CHANNEL_ICONS[c.channel]} {literal_markdown(c.subject or f'Conversation {c.id}')}")
    st.caption(f"#{c.id} · {c.channel} · {c.status} · queue {c.queue} · "
               f"assigned to {c.assigned_agent or 'nobody'}")
    with st.container(height=430, border=False):
        for message in view.messages:
            text = message.text if view.shows_pii else message.masked_text
            with st.chat_message(message.author_role, avatar=AUTHOR_AVATARS.get(message.author_role)):
                who = customer.name if message.author_role == "customer" else (message.author or message.author_role)
                label = " · internal note" if message.author_role == "note" else ""
                st.caption(f"{literal_markdown(who)} · {message.created_at.replace('T', ' ')[:16]}{label}")
                st.markdown(literal_markdown(text))


def customer_context(view: ConversationView) -> None:
    customer = view.customer
    with st.expander(f":material/person: {customer.name} · {customer.tier}", expanded=False):
        cols = st.columns(2)
        cols[0].metric("Lifetime value", f"{customer.lifetime_value:,.0f}")
        cols[1].metric("Customer since", customer.customer_since[:7])
        contact = customer.email if view.shows_pii else "hidden for your role"
        st.caption(f"{literal_markdown(customer.city)} · {literal_markdown(contact)}")
        if view.orders:
            st.dataframe([{"order": o.number, "status": o.status, "total": f"{o.total:.2f} {o.currency}",
                           "placed": o.placed_at[:10], "tracking": o.tracking_number} for o in view.orders],
                         hide_index=True, width="stretch")
        if view.history:
            st.caption("Previous conversations")
            st.dataframe([{"#": h.id, "channel": h.channel, "subject": h.subject, "status": h.status,
                           "outcome": h.resolution, "csat": h.csat, "date": h.created_at[:10]}
                          for h in view.history[:8]], hide_index=True, width="stretch")
