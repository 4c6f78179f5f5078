"""What the PII pass tests share: whether the whole rule set (``pii_rules.find_all``) covers a value (session 25), and
the values a detector masks as phones (sessions 35-39's phone tests)."""

from __future__ import annotations

from typing import Protocol

from services.adapters.local import pii_rules
from services.models import PiiSpan


class _Finder(Protocol):
    def find(self, text: str) -> list[PiiSpan]: ...


def phones(detector: _Finder, text: str) -> list[str]:
    """The values the detector masks as PHONE, in order."""
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PHONE"]


def rules_cover(text: str, value: str) -> bool:
    """Every non-space character of ``value`` (its first occurrence in ``text``) lies in a span ``find_all`` found, so
    no later rule dropped the pass's span."""
    covered: set[int] = set()
    for _, start, end, _ in pii_rules.find_all(text):
        covered.update(range(start, end))
    first = text.index(value)
    return all(i in covered for i in range(first, first + len(value)) if not text[i].isspace())
