"""Our own PII rules' findings, for the PII test files (the shared `detector` fixture is in conftest.py)."""

from __future__ import annotations

from services.adapters.local import pii_rules


def found(text: str) -> list[tuple[str, str]]:
    """(kind, the text of the span) for every span our own rules find."""
    return [(kind, text[start:end]) for kind, start, end, _ in pii_rules.find_all(text)]


def masked(detector, text: str, value: str) -> bool:
    """Is the first occurrence of value inside one span the detector finds (any kind)?"""
    start = text.index(value)
    return any(s.start <= start and start + len(value) <= s.end for s in detector.find(text))


def touched(detector, text: str, value: str) -> bool:
    """Does any span the detector finds overlap the first occurrence of value (masked in part or whole)?"""
    return overlapped(detector.find(text), text, value)


def overlapped(spans, text: str, value: str) -> bool:
    """Does any of these spans overlap the first occurrence of value (masked in part or whole)?"""
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)
