"""The audit log page's parts: the filter form, the entries table, the CSV download, the chain's verification."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from services.models import AuditEntry
from services.views import AuditVerification

FIELDS = (("actor", "Actor (user name)"), ("action", "Action"), ("entity", "Entity"), ("entity_id", "Entity id"))


def filter_form(current: dict[str, str]) -> dict[str, str] | None:
    """The filters (each empty means any); returns them, as text, when the admin pressed Search."""
    with st.form("audit_filter"):
        cols = st.columns(4)
        values = {name: cols[i].text_input(label, value=current.get(name, ""), max_chars=200)
                  for i, (name, label) in enumerate(FIELDS)}
        cols = st.columns([1, 1, 2])
        since = cols[0].date_input("From", value=_day(current.get("since", "")), format="YYYY-MM-DD")
        until = cols[1].date_input("Until", value=_day(current.get("until", "")), format="YYYY-MM-DD")
        values["text"] = cols[2].text_input("Text (actor, action, entity id or detail)",
                                            value=current.get("text", ""), max_chars=200)
        if not st.form_submit_button("Search", type="primary", icon=":material/search:"):
            return None
    return {**values, "since": _text(since), "until": _text(until)}


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else ""


def entries_table(entries: list[AuditEntry], limit: int) -> None:
    note = f" (the newest {limit}: narrow the filter or export for more)" if len(entries) >= limit else ""
    st.caption(f"{len(entries)} entries, newest first{note}.")
    st.dataframe([{"id": e.id, "at": e.at, "actor": e.actor, "action": e.action, "entity": e.entity,
                   "entity id": e.entity_id, "detail": e.detail} for e in entries],
                 hide_index=True, width="stretch")


def export_button(load: Callable[[], str]) -> None:
    """The CSV of the same filter, built (and audited) only when the admin downloads it."""
    st.download_button("Export CSV", data=lambda: load().encode("utf-8"), file_name="audit_log.csv",
                       mime="text/csv", on_click="ignore", icon=":material/download:")


def verify_button() -> bool:
    return st.button("Verify chain", icon=":material/verified_user:")


def verification(result: AuditVerification) -> None:
    """What verify_chain found, and the head to note outside the database."""
    if result.ok:
        st.success(f"The chain holds: {result.entries} entries, {result.redacted} redacted.",
                   icon=":material/verified:")
    else:
        st.error(f"The audit log was tampered with: entry {result.first_bad_id} does not match the chain "
                 f"({result.entries} entries checked).", icon=":material/gpp_bad:")
    if result.head_id is not None:
        st.caption("Note this anchor outside the database; `python -m services verify-audit --anchor` with it later "
                   "shows rows removed from the end or a rewritten chain:")
        st.code(f"{result.head_id}:{result.head_hash}", language=None)
