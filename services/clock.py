"""Timestamps as ISO-8601 UTC strings ("2026-11-24T18:00:00Z"), the one format the store keeps; and the monotonic
clock durations are measured on (the circuit breaker's)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def now_iso() -> str:
    return datetime.now(UTC).strftime(FORMAT)


def to_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(FORMAT)


def parse_iso(text: str) -> datetime:
    return datetime.strptime(text, FORMAT).replace(tzinfo=UTC)


Clock = Callable[[], float]  # seconds from an arbitrary start, never going back; tests inject a fake one


def monotonic() -> float:
    """Seconds on a clock that never goes back (for durations and timeouts, never for timestamps)."""
    return time.monotonic()
