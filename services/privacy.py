"""PII masking and the audit trail of customer-data access."""

from __future__ import annotations

from collections.abc import Sequence

from services.models import PiiSpan, User

ROLES_SEEING_PII = frozenset({"agent", "admin"})  # the agent serves this customer


def mask(text: str, spans: Sequence[PiiSpan]) -> str:
    """Replace each PII span by its kind in brackets, e.g. "[EMAIL]"; overlapping spans merge."""
    out, cursor = [], 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= cursor:
            continue
        start = max(span.start, cursor)
        out.append(text[cursor:start])
        out.append(f"[{span.kind}]")
        cursor = span.end
    out.append(text[cursor:])
    return "".join(out)


def may_see_pii(user: User) -> bool:
    return user.role in ROLES_SEEING_PII
