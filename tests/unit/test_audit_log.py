"""The admin's audit log (services/audit.py) on the real store: search and CSV export for admins only, each audited;
the chain's verification, with and without an anchor noted earlier."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from services import audit
from services.errors import InvalidInput, PermissionDenied
from services.models import User
from tests.repos import repos

ADMIN = User(1, "robin", "Robin Admin", "admin")


@pytest.fixture
def trail(services):
    with services.uow() as uow:
        uow.audit.record("sam", "read", "customer", "12", "viewed dana@example.com")
        uow.audit.record("sam", "reply", "conversation", "7", "=HYPERLINK(\"http://evil\")")
        uow.audit.record("priya", "take_over", "conversation", "7", "")
    return services


def sqlite_file(services) -> sqlite3.Connection:
    if services.settings.database_url:
        pytest.skip("tampers with the SQLite file (the contract suite tampers on PostgreSQL)")
    return sqlite3.connect(services.settings.database_file, isolation_level=None)


@pytest.mark.parametrize("role", ["agent", "supervisor", "kb_editor"])
def test_only_admins_read_export_or_verify_the_log(trail, role):
    user = User(2, "someone", "Some One", role)
    before = repos(trail).audit.entries(limit=50)
    for call in (lambda: audit.search_log(trail, user, audit.audit_query()),
                 lambda: audit.export_csv(trail, user, audit.audit_query()),
                 lambda: audit.verify_chain(trail, user)):
        with pytest.raises(PermissionDenied, match=f"The audit log is not available to the {role} role"):
            call()
    assert repos(trail).audit.entries(limit=50) == before


def test_an_admin_filters_the_log_and_the_search_is_audited(trail):
    found = audit.search_log(trail, ADMIN, audit.audit_query(actor="sam", entity="conversation", entity_id="7"))
    assert [(e.actor, e.action) for e in found] == [("sam", "reply")]
    assert [e.action for e in audit.search_log(trail, ADMIN, audit.audit_query(text="DANA@"))] == ["read"]
    newest = repos(trail).audit.entries(limit=1)[0]
    assert (newest.actor, newest.action, newest.entity) == ("robin", "search", "audit_log")
    assert '"text": "DANA@"' in newest.detail and '"rows": 1' in newest.detail


def test_a_date_until_includes_that_whole_day_and_bad_dates_are_refused(trail):
    today = repos(trail).audit.entries(limit=1)[0].at[:10]
    assert len(audit.search_log(trail, ADMIN, audit.audit_query(since=today, until=today))) == 3
    assert audit.search_log(trail, ADMIN, audit.audit_query(until="2000-01-01")) == []
    with pytest.raises(InvalidInput, match="from date must be YYYY-MM-DD"):
        audit.audit_query(since="yesterday")
    with pytest.raises(InvalidInput, match="the date range is empty"):
        audit.audit_query(since="2026-12-02", until="2026-12-01")


def test_the_csv_export_holds_the_matching_rows_with_formulas_defused_and_is_audited(trail):
    text = audit.export_csv(trail, ADMIN, audit.audit_query(actor="sam"))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["id", "at", "actor", "action", "entity", "entity_id", "detail"]
    assert [(r[2], r[3], r[6]) for r in rows[1:]] == [("sam", "reply", "'=HYPERLINK(\"http://evil\")"),
                                                      ("sam", "read", "viewed dana@example.com")]
    newest = repos(trail).audit.entries(limit=1)[0]
    assert (newest.actor, newest.action) == ("robin", "export") and '"rows": 2' in newest.detail


def test_verify_finds_a_changed_row_and_is_audited(trail):
    result = audit.verify_chain(trail, ADMIN)
    assert (result.entries, result.ok, result.first_bad_id, result.redacted) == (3, True, None, 0)
    assert repos(trail).audit.entries(limit=1)[0].action == "verify"
    conn = sqlite_file(trail)
    conn.execute("DROP TRIGGER audit_log_refuses_update")
    conn.execute("UPDATE audit_log SET detail = 'viewed nobody' WHERE id = 1")
    result = audit.verify_chain(trail, ADMIN)
    assert (result.entries, result.ok, result.first_bad_id) == (4, False, 1)


def test_an_anchor_shows_the_newest_rows_removed(trail):
    noted = audit.verify_chain(trail, ADMIN)
    anchor = f"{noted.head_id}:{noted.head_hash}"
    assert audit.verify_chain(trail, ADMIN, anchor=anchor).ok
    conn = sqlite_file(trail)
    conn.execute("DROP TRIGGER audit_log_refuses_delete")
    conn.execute(f"DELETE FROM audit_log WHERE id >= {noted.head_id}")  # the tail, so the rest still chains
    assert audit.verify_chain(trail, ADMIN).ok  # without the anchor nothing shows
    result = audit.verify_chain(trail, ADMIN, anchor=anchor)
    assert (result.ok, result.first_bad_id) == (False, noted.head_id)
    with pytest.raises(InvalidInput, match="the anchor must be ID:HASH"):
        audit.verify_chain(trail, ADMIN, anchor="3:abc")
