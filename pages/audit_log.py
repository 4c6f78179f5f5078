"""Audit log (admins): filter the log, export it as CSV, verify its hash chain. Every search, export and check is
itself audited (services/audit.py)."""

import streamlit as st

from components import audit_log as render
from components.guard import require
from components.state import get_services, memo
from services import audit
from services.errors import ServiceError

FILTER, VERIFIED, MEMO = "audit_filter_values", "audit_verified", "audit_entries"

user = require("audit")
services = get_services()
st.header("Audit log")
st.caption("Who read or changed what. The database refuses to change or delete an entry (a privacy erase may only "
           "replace a detail with [erased]); each entry is chained to the one before by a hash, so a change made "
           "around the database's rules shows when the chain is verified.")
submitted = render.filter_form(st.session_state.get(FILTER, {}))
if submitted is not None:
    st.session_state[FILTER] = submitted
    st.session_state.pop(f"_memo-{MEMO}", None)  # Search again shows new entries for the same filter
try:
    query = audit.audit_query(**st.session_state.get(FILTER, {}))
    entries = memo(MEMO, query, lambda: audit.search_log(services, user, query))
except ServiceError as e:
    st.error(str(e))
    st.stop()
render.entries_table(entries, audit.SEARCH_LIMIT)
left, right = st.columns([1, 4])
with left:
    render.export_button(lambda: audit.export_csv(services, user, query))
with right:
    if render.verify_button():
        try:
            st.session_state[VERIFIED] = audit.verify_chain(services, user)
        except ServiceError as e:
            st.error(str(e))
if VERIFIED in st.session_state:
    render.verification(st.session_state[VERIFIED])
