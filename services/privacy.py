"""PII masking and the audit trail of customer-data access."""

from __future__ import annotations

import re
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


def known_name_spans(text: str, names: Sequence[str]) -> list[PiiSpan]:
    """PERSON spans where the text repeats a name we already know (the customer's, from the CRM).

    No offline NER model ships in a wheel we trust, but the contact centre knows who it is talking to: their first
    and last names (3+ letters) are masked wherever they appear, in any case.
    """
    parts = {part for name in names for part in re.split(r"[\s,]+", name or "") if len(part) >= 3}
    if not parts:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True)) + r")\b",
                         re.IGNORECASE)
    return [PiiSpan("PERSON", m.start(), m.end(), 0.9) for m in pattern.finditer(text)]


def may_see_pii(user: User) -> bool:
    return user.role in ROLES_SEEING_PII
