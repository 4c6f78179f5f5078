"""Read-only KPIs for supervisors. Nothing here exposes raw customer text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from services.bootstrap import Services
from services.errors import InvalidInput
from services.models import CHANNELS, User
from services.permissions import require
from services.validation import clean_choice, short_repr

# moved to services.views (what the UI renders); re-exported for callers of the old names
from services.views import Overview as Overview

MAX_DAYS = 36_600  # a century of days: longer spans are a corrupt date, not a chart


def overview(services: Services, user: User, channels: tuple[str, ...] = CHANNELS) -> Overview:
    """Headline figures over conversations in the chosen channels (the read is audited).

    Raises:
        PermissionDenied: not signed in, or a role other than supervisor and admin.
        InvalidInput: channels is not a list of known channels.
    """
    user = require(user, "analytics.read")
    channels = _channels(channels)
    with services.uow() as uow:
        rows = [c for c in uow.conversations.all() if c.channel in channels]
        uow.audit.record(user.username, "view_analytics", "conversations", "*", f"channels={','.join(channels)}")
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


def _channels(value: Any) -> tuple[str, ...]:
    if not isinstance(value, (tuple, list, set, frozenset)):
        raise InvalidInput(f"the channels must be a list of {', '.join(CHANNELS)}; got {short_repr(value)}")
    return tuple(clean_choice(channel, "channel", CHANNELS) for channel in value)


def _day(value: Any) -> date:
    """An ISO day "YYYY-MM-DD", exactly (date.fromisoformat also takes "YYYYMMDD", which would not round-trip)."""
    try:
        day = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        day = None
    if day is None or day.isoformat() != value:
        raise InvalidInput(f"a day must be written YYYY-MM-DD; got {short_repr(value)}")
    return day


def every_day(counts: Counter[str]) -> dict[str, int]:
    """Counts per ISO day from the first to the last day seen, with 0 on the days without any (a chart must not
    draw a line straight across days that had no conversations).

    Raises:
        InvalidInput: not a mapping of "YYYY-MM-DD" days to whole numbers ≥ 0, or days more than a century apart.
    """
    if not isinstance(counts, Mapping):
        raise InvalidInput(f"the daily counts must map days to numbers; got {short_repr(counts)}")
    for day, count in counts.items():
        _day(day)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise InvalidInput(f"the count for {short_repr(day)} must be a whole number ≥ 0; got {short_repr(count)}")
    if not counts:
        return {}
    first, last = _day(min(counts)), _day(max(counts))
    if (last - first).days >= MAX_DAYS:
        raise InvalidInput(f"the days span more than {MAX_DAYS:,} days ({first} to {last})")
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return {day.isoformat(): counts.get(day.isoformat(), 0) for day in days}
