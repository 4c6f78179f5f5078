"""The whole emails of an email conversation (services/email_inbound.thread_mails): the quoted history, signatures
and attachment list that the thread's messages leave out. Customer text is shown literally (components/safe.py):
never rendered as HTML or markdown; attachments are only named, never opened or linked."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.safe import literal, literal_html


def _size(size: int) -> str:
    return f"{size} B" if size < 1024 else f"{size / 1024:.0f} KB" if size < 1024 ** 2 else f"{size / 1024 ** 2:.1f} MB"


def whole_mails(mails: Sequence) -> None:  # services.email_inbound.MailView
    """Each mail, oldest first: who, when and the subject, the whole text (PII masked), its attachments listed."""
    if not mails:
        st.caption("No emails recorded for this conversation.")
        return
    for mail in mails:
        who = "From the customer" if mail.direction == "in" else "Our reply"
        st.html(literal_html(f"{who} · {mail.created_at.replace('T', ' ')[:16]} · {mail.subject}", "caption"))
        literal(mail.full_text if mail.direction == "in" else "(sent as shown in the thread)")
        for attachment in mail.attachments:
            st.html(literal_html(f"Attachment, not opened: {attachment.get('name', '')} · "
                                 f"{attachment.get('content_type', '')} · {_size(int(attachment.get('size', 0)))}",
                                 "caption"))
