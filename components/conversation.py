"""Queue, thread and customer context for the agent workspace. Customer text always goes through components.safe."""

from __future__ import annotations

import functools
import html

import pandas  # noqa: F401 - imported with the module, not first by several tabs' threads at once (as pyarrow is)
import pyarrow as pa
import streamlit as st

from components.safe import literal_html, literal_markdown
from services.models import Route, language_name
from services.views import ConversationView, MessageTranslation, QueueItem, SlaClock

CHANNEL_ICONS = {"chat": ":material/chat:", "email": ":material/mail:", "social": ":material/public:",
                 "voice": ":material/call:"}
AUTHOR_AVATARS = {"customer": ":material/person:", "agent": ":material/support_agent:",
                  "system": ":material/info:", "note": ":material/sticky_note_2:"}
# (Material Symbols ligature, colour) drawn with the font Streamlit serves itself
SENTIMENT_ICONS = {"positive": ("sentiment_satisfied", "#21c354"), "neutral": ("sentiment_neutral", "#808495"),
                   "mixed": ("sentiment_neutral", "#ffa421"), "negative": ("sentiment_dissatisfied", "#ff4b4b"),
                   "": ("hourglass_empty", "#808495")}
CHANNEL_GLYPHS = {"chat": "chat", "email": "mail", "social": "public", "voice": "call"}
PREVIEW_CHARS = 90


def _icon(name: str, colour: str = "inherit") -> str:
    return (f'<span aria-hidden="true" style="font-family:\'Material Symbols Rounded\';font-size:1rem;'
            f'vertical-align:-0.2rem;color:{colour}">{name}</span>')


def _age(minutes: int) -> str:
    return f"{minutes} min" if minutes < 120 else f"{minutes // 60} h"


def _sla_html(sla: SlaClock | None) -> str:
    if sla is None:
        return ""
    if sla.breached:
        return f'<span class="fl-sla fl-sla-over">SLA {_age(sla.target_min)}: {_age(-sla.remaining_min)} over</span>'
    return f'<span class="fl-sla fl-sla-ok">SLA: {_age(sla.remaining_min)} left</span>'


def queue_card_html(item: QueueItem, sla: SlaClock | None, selected: bool) -> str:
    """One queue entry as escaped HTML: the customer's name and words are shown literally."""
    row = item.row
    glyph, colour = SENTIMENT_ICONS.get(row.sentiment, SENTIMENT_ICONS[""])
    waited = f"waiting {_age(item.waiting_minutes)}" if item.customer_waiting else \
        f"answered {_age(item.waiting_minutes)} ago"
    badge = '<span class="fl-badge">escalate</span>' if item.urgent else ""
    classes = "fl-card" + (" fl-selected" if selected else "") + (" fl-urgent" if item.urgent else "")
    return (f'<div class="{classes}"><div>{_icon(CHANNEL_GLYPHS[row.conversation.channel])} {_icon(glyph, colour)} '
            f'<b>{html.escape(row.customer_name)}</b> · {html.escape(row.customer_tier)} {badge}</div>'
            f'<div class="fl-meta">{waited} {_sla_html(sla)}</div>'
            f'<div class="fl-preview">{html.escape(row.last_text[:PREVIEW_CHARS])}</div></div>')


def queue(items: list[tuple[QueueItem, SlaClock | None]], selected: int | None) -> int | None:
    """The queue as cards, most urgent first; returns the conversation id the agent clicked.

    Each card is escaped HTML under a transparent button of our own label, so the whole card is clickable and no
    customer text ever reaches a (markdown) button label.
    """
    chosen = None
    for item, sla in items:
        cid = item.row.conversation.id
        with st.container(key=f"qcard-{cid}"):
            st.html(queue_card_html(item, sla, cid == selected))
            if st.button(f"Open conversation {cid}", key=f"queue-{cid}", width="stretch"):
                chosen = cid
    return chosen


def route_reason(route: Route, queue: str) -> None:
    """Why the conversation reached this queue (the routing rules' reason), and where it went since."""
    moved = f" · since moved to {queue}" if queue != route.queue else ""
    st.html(literal_html(f"{route.reason}{moved}", "caption"))


def thread(view: ConversationView, not_analysed: dict[int, str] | None = None,
           translations: dict[int, MessageTranslation] | None = None) -> None:
    """The messages, oldest first; a customer message the live path could not analyse says so (and why); one in
    another language has its translation (or why there is none) under it; a reply sent translated shows what the
    agent wrote."""
    not_analysed, translations = not_analysed or {}, translations or {}
    c, customer = view.conversation, view.customer
    st.html(f'<div class="fl-subject">{_icon(CHANNEL_GLYPHS[c.channel])} '
            f'<span>{html.escape(c.subject or f"Conversation {c.id}")}</span></div>')
    st.caption(f"#{c.id} · {c.channel} · {c.status} · queue {literal_markdown(c.queue)} · "
               f"assigned to {literal_markdown(c.assigned_agent or 'nobody')}")
    if view.route is not None:
        route_reason(view.route, c.queue)
    with st.container(height=320, border=False, key="thread-messages", autoscroll=True):  # latest in view
        for message in view.messages:
            text = message.text if view.shows_pii else message.masked_text
            with st.chat_message(message.author_role, avatar=AUTHOR_AVATARS.get(message.author_role)):
                who = customer.name if message.author_role == "customer" else (message.author or message.author_role)
                label = " · internal note" if message.author_role == "note" else ""
                if message.id in not_analysed:
                    label += f" · not analysed: {not_analysed[message.id]}"
                st.html(literal_html(f"{who} · {message.created_at.replace('T', ' ')[:16]}{label}", "caption")
                        + literal_html(text) + translation_html(translations.get(message.id))
                        + original_html(message.original, view.shows_pii))


def translation_html(translation: MessageTranslation | None) -> str:
    """The agent's translation of a customer message (customer text: literal), or why there is none."""
    if translation is None:
        return ""
    if not translation.text:
        return literal_html(f"{language_name(translation.source)}: {translation.notice}", "caption")
    return (literal_html(f"{language_name(translation.target)} translation from {language_name(translation.source)} "
                         f"({translation.provider}: machine translation, check before relying on it)", "caption")
            + f'<div class="fl-translation" style="border-left:3px solid #808495;padding-left:0.5rem">'
              f'{literal_html(translation.text)}</div>')


def original_html(original: str, shows_pii: bool) -> str:
    """Under a reply sent translated: what the agent wrote (a role that may not see PII reads only that it was)."""
    if not original:
        return ""
    return literal_html(f"Sent translated; written as: {original}" if shows_pii else "Sent translated", "caption")


HISTORY_SHOWN = 8  # previous conversations in the Customer tab


def customer_picture(view: ConversationView) -> tuple:
    """What customer_context draws of a view: a change elsewhere (a new message, its analysis) leaves it equal, so
    the live redraw of the open conversation skips the Customer tab."""
    return view.customer, view.orders, view.history[:HISTORY_SHOWN], view.shows_pii


def customer_context(view: ConversationView) -> None:
    """Profile, orders and previous conversations (the side panel's Customer tab); it draws customer_picture(view)."""
    customer = view.customer
    contact = customer.email if view.shows_pii else "contact hidden for your role"
    st.html(literal_html(f"{customer.name} · {customer.tier} · {customer.city}", "body")
            + literal_html(contact, "caption"))
    cols = st.columns(2)
    cols[0].metric("Lifetime value", f"{customer.lifetime_value:,.0f}")
    cols[1].metric("Customer since", customer.customer_since[:7])
    st.markdown("**Orders**")
    if view.orders:
        st.dataframe(_table(("order", "status", "total", "placed", "tracking"),
                            tuple((o.number, o.status, f"{o.total:.2f} {o.currency}", o.placed_at[:10],
                                   o.tracking_number) for o in view.orders)),
                     hide_index=True, width="stretch")
    else:
        st.caption("No orders.")
    if view.history:
        st.markdown("**Previous conversations**")
        st.dataframe(_table(("#", "channel", "subject", "status", "outcome", "csat", "date"),
                            tuple((h.id, h.channel, h.subject, h.status, h.resolution, h.csat, h.created_at[:10])
                                  for h in view.history[:HISTORY_SHOWN])), hide_index=True, width="stretch")


@functools.lru_cache(maxsize=256)
def _table(columns: tuple[str, ...], rows: tuple[tuple, ...]):  # noqa: ANN202 - a pyarrow Table
    """A customer tab's table as Arrow, built once per content for the whole process: the conversation's fragment
    redraws the tab with every new message, and pandas' conversion was 5-7 % of a loaded server's CPU."""
    return pa.table({column: [row[i] for row in rows] for i, column in enumerate(columns)})
