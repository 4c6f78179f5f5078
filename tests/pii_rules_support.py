"""What the session-25 PII pass tests share: whether the whole rule set (``pii_rules.find_all``) covers a value."""

from __future__ import annotations

from services.adapters.local import pii_rules


def rules_cover(text: str, value: str) -> bool:
    """Every non-space character of ``value`` (its first occurrence in ``text``) lies in a span ``find_all`` found, so
    no later rule dropped the pass's span."""
    covered: set[int] = set()
    for _, start, end, _ in pii_rules.find_all(text):
        covered.update(range(start, end))
    first = text.index(value)
    return all(i in covered for i in range(first, first + len(value)) if not text[i].isspace())
