"""Read-only KPIs for supervisors. Nothing here exposes raw customer text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from services.bootstrap import Services
from services.models import CHANNELS, User


@dataclass(frozen=True)
class Overview:
    conversations: int
    open_now: int
    resolved: int
    escalation_rate: float
    avg_csat: float | None
    csat_responses: int
    by_channel: dict[str, int]
    by_status: dict[str, int]
    by_day: dict[str, int]


def overview(services: Services, user: User, channels: tuple[str, ...] = CHANNELS) -> Overview:
    """Headline figures over conversations in the chosen channels (the read is audited)."""
    rows = [c for c in services.store.list_conversations() if c.channel in channels]
    services.store.audit(user.username, "view_analytics", "conversations", "*", f"channels={','.join(channels)}")
    statuses = Counter(c.status for c in rows)
    csats = [c.csat for c in rows if c.csat is not None]
    escalated = sum(1 for c in rows if c.status == "escalated" or "escalat" in (c.resolution or ""))
    return Overview(
        conversations=len(rows),
        open_now=statuses["open"] + statuses["pending"] + statuses["escalated"],
        resolved=statuses["resolved"],
        escalation_rate=escalated / len(rows) if rows else 0.0,
        avg_csat=sum(csats) / len(csats) if csats else None,
        csat_responses=len(csats),
        by_channel={ch: sum(1 for c in rows if c.channel == ch) for ch in channels},
        by_status=dict(statuses),
        by_day=every_day(Counter(c.created_at[:10] for c in rows)),
    )


def every_day(counts: Counter[str]) -> dict[str, int]:
    """Counts per ISO day from the first to the last day seen, with 0 on the days without any (a chart must not
    draw a line straight across days that had no conversations)."""
    if not counts:
        return {}
    first, last = date.fromisoformat(min(counts)), date.fromisoformat(max(counts))
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return {day.isoformat(): counts.get(day.isoformat(), 0) for day in days}
