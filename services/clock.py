"""Timestamps as ISO-8601 UTC strings ("2026-11-24T18:00:00Z"), the one format the store keeps."""

from __future__ import annotations

from datetime import UTC, datetime

FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def now_iso() -> str:
    return datetime.now(UTC).strftime(FORMAT)


def to_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(FORMAT)


def parse_iso(text: str) -> datetime:
    return datetime.strptime(text, FORMAT).replace(tzinfo=UTC)
