"""Where the agent's replies to a social conversation are (services/social_outbound.reply_states): sent, waiting for
the platform (queued, or retrying with the next attempt's time) or failed with the platform's reason. The reason is
the platform's text: shown literally (components/safe.py), never as markdown."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.safe import literal_html

WHERE = {"dm": "DM", "comment": "public reply"}
PLATFORMS = {"page": "Facebook", "instagram": "Instagram"}


def _at(moment: str) -> str:
    return moment.replace("T", " ")[:16] + " UTC" if moment else ""


def _line(state) -> tuple[str, str]:  # services.social_outbound.ReplyState -> (our label, the detail, literal)
    what = f"Your reply of {_at(state.queued_at)} ({PLATFORMS.get(state.platform, state.platform)} {WHERE.get(state.kind, '')})"
    if state.state == "queued":
        return f":material/schedule_send: {what}: queued for the platform", f"Next attempt {_at(state.next_attempt_at)}."
    if state.state == "retrying":
        tries = f"{state.attempts} attempt{'s' if state.attempts != 1 else ''}"
        return (f":material/schedule_send: {what}: not sent yet, retrying",
                f"The platform could not take it ({tries}): {state.reason}. Next attempt {_at(state.next_attempt_at)}.")
    if state.state == "failed":
        return (f":material/error: {what}: not sent",
                f"The platform refused it: {state.reason}. It will not be resent; reply again or reach the customer "
                "another way.")
    return f":material/check: {what}: sent", f"Sent {_at(state.sent_at)}."


def reply_states(states: Sequence) -> None:  # services.social_outbound.ReplyState
    """Each reply that has not reached the platform (queued, retrying, failed) on its own lines; sent ones counted."""
    unsent = [s for s in states if s.state != "sent"]
    for state in unsent:
        label, detail = _line(state)
        with st.container(border=True, key=f"social-state-{state.message_id}"):
            st.markdown(f"**{label}**")  # our own words and numbers only
            st.html(literal_html(detail, "caption"))  # the platform's reason: shown literally
    sent = len(states) - len(unsent)
    if sent:
        st.caption(f"{sent} repl{'y' if sent == 1 else 'ies'} delivered to the platform.")
