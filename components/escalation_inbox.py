"""The escalation inbox: one card per escalation with its reasons and the agent's note; returns what the
supervisor chose. Customer text is shown literally (components.safe)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import streamlit as st

from components.safe import literal_markdown
from services.models import AuditEntry, Conversation, User
from services.views import DISPOSITIONS, InboxItem

CHANNEL_ICONS = {"chat": ":material/chat:", "email": ":material/mail:", "social": ":material/public:",
                 "voice": ":material/call:"}


@dataclass(frozen=True)
class Choice:
    kind: str  # take_over | reassign | return | open | reply | note | resolve
    conversation_id: int
    agent: str = ""
    text: str = ""


def _age(at: str) -> str:
    minutes = max(0, int((datetime.now(UTC) - datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC))
                         .total_seconds() // 60))
    return f"{minutes} min ago" if minutes < 120 else (f"{minutes // 60} h ago" if minutes < 2880
                                                        else f"{minutes // 1440} days ago")


def _card(item: InboxItem, agents: list[User]) -> Choice | None:
    cid = item.conversation_id
    badge = ":red-badge[:material/priority_high: urgent] " if item.urgent else ""
    st.markdown(f"{badge}{CHANNEL_ICONS.get(item.channel, '')} **{literal_markdown(item.customer)}** · "
                f"{item.tier} · #{cid} {literal_markdown(item.subject)}")
    st.caption(f"escalated by {literal_markdown(item.escalated_by)} · {_age(item.escalated_at)} · "
               f"score {item.score:.2f}" + (f" · sentiment {item.sentiment}" if item.sentiment else ""))
    if item.reasons:
        st.markdown(" ".join(f":orange-badge[{literal_markdown(r)}]" for r in item.reasons))
    st.markdown(f":material/sticky_note_2: {literal_markdown(item.note) if item.note else '*no note*'}")
    if item.last_message:
        st.caption(f"Customer: {literal_markdown(item.last_message[:200])}")
    take, read = st.columns(2)
    reassign, back = st.columns(2)
    if take.button("Take over", key=f"take-{cid}", type="primary", icon=":material/front_hand:", width="stretch"):
        return Choice("take_over", cid)
    if read.button("Read", key=f"read-{cid}", icon=":material/visibility:", width="stretch"):
        return Choice("open", cid)
    with reassign.popover("Reassign", icon=":material/person_search:", width="stretch"):
        with st.form(f"reassign-{cid}", border=False):
            agent = st.selectbox("Agent", [a.username for a in agents],
                                 format_func=lambda name: next(a.display_name for a in agents if a.username == name))
            note = st.text_input("Note for the agent")
            if st.form_submit_button("Reassign", type="primary"):
                return Choice("reassign", cid, agent=agent or "", text=note)
    with back.popover("Return", icon=":material/undo:", width="stretch"):
        with st.form(f"return-{cid}", border=False):
            note = st.text_area("What should the agent do?", height=80)
            if st.form_submit_button("Return to the agent", type="primary"):
                return Choice("return", cid, text=note)
    return None


def inbox(items: list[InboxItem], agents: list[User]) -> Choice | None:
    """The open escalations, most urgent and newest first."""
    st.markdown(f"**Waiting for a supervisor** · {len(items)}")
    if not items:
        st.caption("No open escalations. New ones appear here by themselves.")
    chosen = None
    for item in items:
        with st.container(border=True, key=f"escalation-{item.conversation_id}"):
            chosen = _card(item, agents) or chosen
    return chosen


def handled(conversations: list[Conversation], selected: int | None) -> Choice | None:
    """The conversations this supervisor took over, as buttons."""
    st.markdown(f"**Taken over by you** · {len(conversations)}")
    chosen = None
    for c in conversations:
        label = f"{CHANNEL_ICONS.get(c.channel, '')} #{c.id} · {c.channel} · {c.status} · updated {_age(c.updated_at)}"
        kind = "primary" if c.id == selected else "secondary"
        if st.button(label, key=f"handled-{c.id}", width="stretch", type=kind):
            chosen = Choice("open", c.id)
    return chosen


def trail(entries: list[AuditEntry]) -> None:
    """The conversation's audit trail, oldest first."""
    with st.expander(f":material/history: Audit trail · {len(entries)}", expanded=False):
        st.dataframe([{"at": e.at.replace("T", " ")[:16], "who": e.actor, "action": e.action.replace("_", " "),
                       "detail": e.detail} for e in entries], hide_index=True, width="stretch")


def composer(conversation_id: int) -> Choice | None:
    """Reply, internal note or resolve, for a conversation the supervisor handles."""
    with st.form(f"supervisor-reply-{conversation_id}", clear_on_submit=True):
        text = st.text_area("Reply", height=110, label_visibility="collapsed", placeholder="Reply to the customer")
        send, note = st.columns(2)
        if send.form_submit_button("Send", type="primary", icon=":material/send:", width="stretch"):
            return Choice("reply", conversation_id, text=text)
        if note.form_submit_button("Add internal note", icon=":material/sticky_note_2:", width="stretch"):
            return Choice("note", conversation_id, text=text)
    with st.popover("Resolve", icon=":material/task_alt:"):
        with st.form(f"supervisor-resolve-{conversation_id}", border=False):
            disposition = st.selectbox("Disposition", DISPOSITIONS)
            if st.form_submit_button("Resolve", type="primary"):
                return Choice("resolve", conversation_id, text=disposition)
    return None
