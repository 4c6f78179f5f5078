"""The reply composer and the conversation actions; they return what the agent asked for.

A form keeps what the agent typed until the action succeeded (a refused reply or note is not lost); after success
the page calls clear_after_success and the fields start empty on the next run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from services.views import DISPOSITIONS

ESCALATION_QUEUE = "supervisor"  # Escalate sends here; Transfer offers every other configured queue
_TO_CLEAR = "composer-fields-to-clear"
_TO_FILL = "composer-fields-to-fill"


@dataclass(frozen=True)
class Action:
    kind: str  # send | note | escalate | transfer | resolve | translate | play
    text: str = ""
    subject: str = ""
    queue: str = ""
    disposition: str = ""
    translation: str = ""  # send: the reply in the customer's language (what they read); text is the agent's own
    language: str = ""  # send, translate: the customer's language


def composer_key(conversation_id: int) -> str:
    return f"composer-{conversation_id}"


def escalate_note_key(conversation_id: int) -> str:
    return f"escalate-note-{conversation_id}"


def transfer_note_key(conversation_id: int) -> str:
    return f"transfer-note-{conversation_id}"


def translation_key(conversation_id: int) -> str:
    return f"composer-translation-{conversation_id}"


def translated_from_key(conversation_id: int) -> str:
    return f"composer-translated-from-{conversation_id}"


def show_translation(conversation_id: int, translation: str, source: str) -> None:
    """Put the reply's translation in its field on the next run (Streamlit allows no later), for the agent to read
    and correct before sending it; ``source`` is the reply it was made from (a changed reply must be translated
    again before Send in <language>)."""
    st.session_state[_TO_FILL] = {**st.session_state.get(_TO_FILL, {}), translation_key(conversation_id): translation}
    st.session_state[translated_from_key(conversation_id)] = source


def _fields_of(conversation_id: int, action: Action) -> list[str]:
    return {"send": [composer_key(conversation_id), translation_key(conversation_id)],
            "note": [composer_key(conversation_id)],
            "escalate": [escalate_note_key(conversation_id)],
            "transfer": [transfer_note_key(conversation_id)]}.get(action.kind, [])


def clear_after_success(conversation_id: int, action: Action) -> None:
    """Empty the fields this action used, before they are drawn on the next run (Streamlit allows no later)."""
    st.session_state[_TO_CLEAR] = [*st.session_state.get(_TO_CLEAR, []), *_fields_of(conversation_id, action)]


def _clear_pending() -> None:
    for key in st.session_state.pop(_TO_CLEAR, []):
        st.session_state[key] = ""
    st.session_state.update(st.session_state.pop(_TO_FILL, {}))


def reply_form(conversation_id: int, channel: str, subject: str, language: str | None = None,
               language_label: str = "") -> Action | None:
    """Composer with channel-appropriate fields; Send or Add note. When the customer writes another language
    (``language``, named ``language_label``), also Translate: the translation appears under the reply, editable,
    and Send in <language> sends it (the agent sees both)."""
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
        translated, translate, send_translated = _translation_fields(conversation_id, language, language_label)
        send_col, note_col, play_col = st.columns([1, 1, 0.6])
        send = send_col.form_submit_button("Send", type="primary", icon=":material/send:", width="stretch")
        note = note_col.form_submit_button("Add internal note", icon=":material/sticky_note_2:", width="stretch")
        play = play_col.form_submit_button("Play", icon=":material/volume_up:", width="stretch",
                                           help="Hear your reply read aloud")
    if send_translated and language:
        if text.strip() != (st.session_state.get(translated_from_key(conversation_id)) or "").strip():
            st.warning("Your reply changed after it was translated: translate it again before sending it in "
                       f"{language_label}.", icon=":material/translate:")
            return None
        return Action("send", text, subject=email_subject, translation=translated, language=language)
    if translate and language:
        return Action("translate", text, language=language)
    if send:
        return Action("send", text, subject=email_subject)
    if note:
        return Action("note", text)
    return Action("play", text) if play else None


def _translation_fields(conversation_id: int, language: str | None, language_label: str) -> tuple[str, bool, bool]:
    """(the translation as the agent left it, Translate clicked, Send in <language> clicked); nothing for a customer
    who writes the agent's language."""
    if not language:
        return "", False, False
    key = translation_key(conversation_id)
    translate = st.form_submit_button(f"Translate into {language_label}", icon=":material/translate:")
    if not st.session_state.get(key):
        return "", translate, False
    translated = st.text_area(f"{language_label}: what the customer reads (machine translation: correct it if "
                              "needed; translate again after changing your reply)", key=key, height=110)
    send = st.form_submit_button(f"Send in {language_label}", type="primary", icon=":material/send:")
    return translated, translate, send


def actions(conversation_id: int, queues: Sequence[str]) -> Action | None:
    """Escalate, transfer (to one of the configured queues) and resolve, each in its own popover."""
    cols = st.columns(3)
    with cols[0].popover("Escalate", icon=":material/priority_high:", width="stretch"):
        with st.form(f"escalate-{conversation_id}", border=False):
            note = st.text_input("Note for the supervisor", key=escalate_note_key(conversation_id))
            if st.form_submit_button("Escalate to supervisor", type="primary"):
                return Action("escalate", note, queue=ESCALATION_QUEUE)
    with cols[1].popover("Transfer", icon=":material/swap_horiz:", width="stretch"):
        with st.form(f"transfer-{conversation_id}", border=False):
            queue = st.selectbox("Queue", [q for q in queues if q != ESCALATION_QUEUE])
            note = st.text_input("Note", key=transfer_note_key(conversation_id))
            if st.form_submit_button("Transfer"):
                return Action("transfer", note, queue=queue)
    with cols[2].popover("Resolve", icon=":material/task_alt:", width="stretch"):
        with st.form(f"resolve-{conversation_id}", border=False):
            disposition = st.selectbox("Disposition", DISPOSITIONS)
            if st.form_submit_button("Resolve", type="primary"):
                return Action("resolve", disposition=disposition)
    return None
