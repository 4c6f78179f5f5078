"""The admin's audit log: search it, export it as CSV, verify its hash chain (services/audit_chain.py).

Admins only (``audit.admin``), checked here whatever the caller (the Audit log page, ``python -m services
verify-audit``). Searching and exporting are themselves audited. Details are shown as stored: only admins read
them, and admins see PII (services/privacy.ROLES_SEEING_PII); details name ids, counts and outcomes rather than
message text. A search's filter is kept in its own entry's detail (an e-mail an admin searched for included): a
privacy erase redacts such details with the rest (AuditRepository.redact_details).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict

from services.audit_chain import ChainCheck
from services.bootstrap import Services
from services.errors import InvalidInput
from services.models import AuditEntry, AuditQuery, User
from services.permissions import require
from services.validation import clean_field
from services.views import AuditVerification

SEARCH_LIMIT = 500  # rows the page shows, newest first
EXPORT_LIMIT = 100_000  # rows one CSV holds, newest first (a bounded file; narrow the filter for older ones)
VERIFY_PAGE = 5000  # rows read per query while verifying
CSV_COLUMNS = ("id", "at", "actor", "action", "entity", "entity_id", "detail")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_ANCHOR = re.compile(r"(\d{1,18}):([0-9a-f]{64})")


def audit_query(actor: str = "", action: str = "", entity: str = "", entity_id: str = "", since: str = "",
                until: str = "", text: str = "") -> AuditQuery:
    """A validated query: short single-line fields; ``since``/``until`` a date (YYYY-MM-DD) or a moment
    (YYYY-MM-DDTHH:MM:SSZ); a date as ``until`` includes that whole day.

    Raises:
        InvalidInput: a field too long or with forbidden characters; a date in another format; since after until.
    """
    fields = {name: clean_field(value, name.replace("_", " "), 200, allow_empty=True)
              for name, value in (("actor", actor), ("action", action), ("entity", entity),
                                  ("entity_id", entity_id), ("text", text))}
    start, end = _moment(since, "from", "T00:00:00Z"), _moment(until, "until", "T23:59:59Z")
    if start and end and start > end:
        raise InvalidInput(f"the date range is empty: from {since} is after until {until}")
    return AuditQuery(since=start, until=end, **fields)


def _moment(value: str, name: str, day_part: str) -> str:
    text = clean_field(value, f"{name} date", 20, allow_empty=True)
    if not text or _MOMENT.fullmatch(text):
        return text
    if _DATE.fullmatch(text):
        return text + day_part
    raise InvalidInput(f"the {name} date must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ; got {text[:20]!r}")


def search_log(services: Services, user: User, query: AuditQuery, limit: int = SEARCH_LIMIT) -> list[AuditEntry]:
    """The entries matching the query (see ``audit_query``), newest first, at most ``limit`` (≤ 500); audited.

    Raises:
        PermissionDenied: not an admin.
    """
    user = require(user, "audit.admin")
    with services.uow() as uow:
        found = uow.audit.search(query, max(1, min(int(limit), SEARCH_LIMIT)))
        uow.audit.record(user.username, "search", "audit_log", "", _described(query, len(found)))
    return found


def export_csv(services: Services, user: User, query: AuditQuery) -> str:
    """The matching entries as CSV (a header row, then newest first, at most 100,000); audited. A cell that a
    spreadsheet would run as a formula (=, +, -, @ first) is written with a leading apostrophe.

    Raises:
        PermissionDenied: not an admin.
    """
    user = require(user, "audit.admin")
    with services.uow() as uow:
        found = uow.audit.search(query, EXPORT_LIMIT)
        uow.audit.record(user.username, "export", "audit_log", "", _described(query, len(found)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for entry in found:
        writer.writerow([_cell(getattr(entry, column)) for column in CSV_COLUMNS])
    return out.getvalue()


def verify_chain(services: Services, user: User, anchor: str = "") -> AuditVerification:
    """Check every row's digest and hash from the first row on (read in pages of 5,000); with an anchor
    ``ID:HASH`` noted earlier (a former ``head_id``/``head_hash``), that row must still be there with that hash —
    which is what shows newest rows removed, or the chain rewritten from some row on. The check is audited after it
    ran (the entry is the new head).

    Raises:
        PermissionDenied: not an admin.
        InvalidInput: an anchor not of the form ID:HASH (64 hex digits).
    """
    user = require(user, "audit.admin")
    expected = _anchor(anchor)
    last_id, anchor_seen = 0, None
    with services.uow() as uow:
        check = ChainCheck(uow.audit.detail_matches)
        while links := uow.audit.chain(last_id, VERIFY_PAGE):
            check.feed(links)
            last_id = links[-1].id
            if expected and anchor_seen is None:
                anchor_seen = next((link.hash for link in links if link.id == expected[0]), None)
    first_bad = check.first_bad_id
    if expected and anchor_seen != expected[1]:
        first_bad = expected[0] if first_bad is None else min(first_bad, expected[0])
    result = AuditVerification(check.entries, first_bad is None, first_bad, check.redacted, check.head_id,
                               check.head_hash)
    with services.uow() as uow:
        uow.audit.record(user.username, "verify", "audit_log", "", json.dumps(result.as_json()))
    return result


def _anchor(text: str) -> tuple[int, str] | None:
    if not text:
        return None
    found = _ANCHOR.fullmatch(text.strip().lower()) if isinstance(text, str) else None
    if found is None:
        raise InvalidInput("the anchor must be ID:HASH, a row id and its 64-hex-digit hash (verify-audit's "
                           "head_id and head_hash)")
    return int(found.group(1)), found.group(2)


def _described(query: AuditQuery, found: int) -> str:
    used = {k: v for k, v in asdict(query).items() if v}
    return json.dumps({"filter": used, "rows": found}, ensure_ascii=False)


def _cell(value: object) -> object:
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else value
