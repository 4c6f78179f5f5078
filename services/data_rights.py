"""Data rights (issue 21 item 4): a customer's data exported, a customer erased, and the retention policy that
removes the personal data of conversations resolved long ago. Admin only (``privacy.manage``), each audited.

What is removed and what is kept is decided in the PrivacyRepository (services/ports.py): free text and identifiers
go; the facts analytics count stay (conversation rows with channel, timestamps, status, CSAT and KPI columns, intent
and sentiment labels, ratings, routes, order totals). docs/security.md ("Data rights") says why.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from datetime import timedelta
from typing import Any

from services.bootstrap import Services
from services.clock import now_iso, parse_iso, to_iso
from services.errors import InvalidInput, ServiceError
from services.permissions import require
from services.validation import require_id

EXPORT_FORMAT = "frontline-customer-export/1"
ERASED = "[erased]"
MIN_NEEDLE = 5  # shorter values ("Ann", a three-letter handle) would erase unrelated words from the KB and audit
MAX_RETENTION_DAYS = 36_500
MAX_BATCH = 10_000


def export_customer(services: Services, user: Any, customer_id: Any) -> dict[str, Any]:
    """Everything stored about one customer, as JSON-ready data: the customer, their orders and integration ids,
    every conversation with all its messages (raw text, as an admin reads it), analyses, suggestions, escalations,
    survey answers (CSAT), assistant ratings, mails, routes, events, KB usage, the predictors' rows for them, the
    audit entries about them, and staff text quoting them (``quoted_in``: KB articles, versions, drafts, search
    misses). Audited ("export_customer").

    Raises:
        PermissionDenied: not an admin.
        InvalidInput: not a customer id.
        NotFound: no such customer.
    """
    user = require(user, "privacy.manage")
    customer_id = require_id(customer_id, "customer")
    with services.uow() as uow:
        tables = uow.privacy.customer_rows(customer_id)
        # the repositories' own reads, where they exist, so that what they decode (decrypt) is what the admin gets
        found = uow.customers.get(customer_id)
        tables["customers"] = [{**tables["customers"][0], **asdict(found)}]
        orders = {o.id: asdict(o) for o in uow.customers.orders_for(customer_id)}
        tables["orders"] = [{**row, **orders.get(row["id"], {})} for row in tables["orders"]]
        messages = {m.id: asdict(m) for c in tables["conversations"]
                    for m in uow.conversations.messages_for(int(c["id"]))}
        tables["messages"] = [{**row, **messages.get(row["id"], {})} for row in tables["messages"]]
        predictions = [asdict(row) for row in uow.predictions.contacts(customer_id)]
        quoted = uow.privacy.quoting(_needles(found), [int(c["id"]) for c in tables["conversations"]])
        rows = sum(len(found) for found in tables.values()) + sum(len(found) for found in quoted.values())
        uow.audit.record(user.username, "export_customer", "customer", str(customer_id),
                         f"{rows} rows from {sum(1 for found in tables.values() if found)} tables")
    return {
        "format": EXPORT_FORMAT,
        "customer_id": customer_id,
        "exported_at": now_iso(),
        "exported_by": user.username,
        "customer": tables["customers"][0],
        "survey_answers": [{"conversation_id": c["id"], "csat": c["csat"]} for c in tables["conversations"]
                           if c.get("csat") is not None],
        "predictions": predictions,
        "tables": tables,
        "quoted_in": quoted,
    }


def _needles(customer: Any) -> list[str]:
    """The customer's identifying values that free text elsewhere may quote: full name, e-mail, phone, handle (each
    of at least MIN_NEEDLE characters; found as whole words, any case)."""
    values = (customer.name, customer.email, customer.phone, customer.handle)
    return sorted({v.strip() for v in values if isinstance(v, str) and len(v.strip()) >= MIN_NEEDLE
                   and v.strip() != ERASED}, key=len, reverse=True)


def erase_customer(services: Services, user: Any, customer_id: Any) -> dict[str, Any]:
    """Remove one customer's personal data everywhere, in one transaction (a failure leaves everything as it was):
    the customer row anonymised, their conversations' texts, analyses' entities, suggestions, notes, mails and
    integration ids, KB text and search misses quoting their name, e-mail, phone or handle, and the details of the
    audit entries about them. Aggregates stay. On SQLite the freed space is zeroed and the write-ahead log truncated
    afterwards; the KB search index is rebuilt when an article changed. The erasure is audited under the customer's
    id only. Running it again changes nothing more.

    Raises:
        PermissionDenied: not an admin.
        InvalidInput: not a customer id.
        NotFound: no such customer ("customer 42 not found"); nothing was changed.
    """
    user = require(user, "privacy.manage")
    customer_id = require_id(customer_id, "customer")
    started = time.perf_counter()
    at = now_iso()
    with services.uow() as uow:
        uow.privacy.secure_delete()
        customer = uow.customers.get(customer_id)
        needles = _needles(customer)
        conversations = uow.privacy.conversations_of(customer_id)
        messages = uow.privacy.messages_of(conversations)
        entries = uow.privacy.audit_about(customer_id, conversations, messages, needles)
        changed = uow.privacy.erase_customer(customer_id, at)
        for table, count in uow.privacy.erase_quotes(needles).items():
            changed[table] = changed.get(table, 0) + count
        redacted = uow.audit.redact_details(entries)
        if redacted:
            changed["audit_log"] = redacted
        uow.audit.record(user.username, "erase_customer", "customer", str(customer_id),
                         f"{len(conversations)} conversations, {len(messages)} messages")
    result: dict[str, Any] = {"erased": customer_id, "conversations": len(conversations), "messages": len(messages),
                              "changed": dict(sorted(changed.items()))}
    result.update(_after_erasure(services, changed))
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result


def _after_erasure(services: Services, changed: dict[str, int]) -> dict[str, Any]:
    """Once committed: the files forget the old versions (SQLite), the search index forgets changed articles."""
    done = dict(services.store.forget_freed())
    if changed.get("kb_articles") or changed.get("kb_passages"):
        from services import assist

        try:
            assist.reindex_kb(services)
            done["kb_reindexed"] = True
        except ServiceError as e:  # committed already; every process rebuilds on the moved KB index version anyway
            done["kb_reindexed"] = f"not now ({e}); the app's processes rebuild their index on their next search"
    return done


def _retention_days(services: Services, days: Any) -> int:
    days = services.settings.privacy_retention_days if days is None else days
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_RETENTION_DAYS:
        raise InvalidInput(f"retention days must be a whole number from 0 (off) to {MAX_RETENTION_DAYS}; got {days!r}")
    return days


def apply_retention(services: Services, user: Any, *, dry_run: bool = False, days: Any = None,
                    batch: Any = None, now: str | None = None) -> dict[str, Any]:
    """The retention policy: the personal data of every conversation resolved more than ``days`` days ago
    (``privacy_retention_days`` by default; 0: off) removed as an erasure removes it, in batches of ``batch``
    conversations (``privacy_retention_batch``), one transaction and one audit entry each. Idempotent: a
    conversation already anonymised is taken again only when it changed since (a customer wrote again). The
    customer rows stay (erase_customer removes those). ``dry_run`` counts what would be anonymised and changes nothing.
    ``now`` (tests, catching up): the moment counted back from, also recorded as the moment of the anonymisation.

    Returns the JSON line the command prints: retention_days, closed_before, dry_run, conversations, batches,
    changed (rows per table), wal_checkpoint, seconds.

    Raises:
        PermissionDenied: not an admin.
        InvalidInput: days or batch out of range, or ``now`` not an ISO-8601 UTC moment.
    """
    user = require(user, "privacy.manage")
    days = _retention_days(services, days)
    batch = services.settings.privacy_retention_batch if batch is None else batch
    if isinstance(batch, bool) or not isinstance(batch, int) or not 1 <= batch <= MAX_BATCH:
        raise InvalidInput(f"the retention batch must be 1 to {MAX_BATCH} conversations; got {batch!r}")
    try:
        moment = parse_iso(now if now is not None else now_iso())
    except (TypeError, ValueError):
        raise InvalidInput(f"now must be an ISO-8601 UTC moment like 2026-12-01T12:00:00Z; got {now!r}") from None
    started = time.perf_counter()
    result: dict[str, Any] = {"retention_days": days, "dry_run": bool(dry_run)}
    if days == 0:
        return {**result, "status": "off", "conversations": 0, "batches": 0, "changed": {},
                "seconds": round(time.perf_counter() - started, 3)}
    closed_before = to_iso(moment - timedelta(days=days))
    result["closed_before"] = closed_before
    if dry_run:
        with services.uow() as uow:
            due = uow.privacy.retention_due(closed_before, 10**9)
        return {**result, "conversations": len(due), "batches": -(-len(due) // batch), "changed": {},
                "seconds": round(time.perf_counter() - started, 3)}
    total, batches, changed, seen = 0, 0, dict[str, int](), set[int]()
    while True:
        with services.uow() as uow:
            uow.privacy.secure_delete()
            ids = [i for i in uow.privacy.retention_due(closed_before, batch) if i not in seen]
            if not ids:
                break
            messages = uow.privacy.messages_of(ids)
            entries = uow.privacy.audit_about(0, ids, messages, ())
            counts = uow.privacy.erase_conversations(ids, to_iso(moment))
            redacted = uow.audit.redact_details(entries)
            if redacted:
                counts["audit_log"] = redacted
            uow.audit.record(user.username, "retention_anonymise", "conversations", "*",
                             f"{len(ids)} conversations resolved before {closed_before} "
                             f"(ids {min(ids)}-{max(ids)})")
        seen.update(ids)  # a conversation is taken once per run, whatever its clock says
        total, batches = total + len(ids), batches + 1
        for table, count in counts.items():
            changed[table] = changed.get(table, 0) + count
    result.update(conversations=total, batches=batches, changed=dict(sorted(changed.items())))
    if total:
        result.update(_after_erasure(services, {}))
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result
