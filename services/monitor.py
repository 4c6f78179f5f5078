"""The supervisor's live monitor (issue 18 item 4): escalations waiting for a supervisor and the open
conversations at risk right now - a negative or mixed last sentiment, the assist's escalation flag, or a customer
waiting past the channel's first-response target (services.analytics.SLA_S). The escalation inbox is where a
supervisor acts on them; this is the overview. Masked text only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from services.analytics import SLA_S
from services.assist import mask_text
from services.bootstrap import Services
from services.clock import now_iso, parse_iso
from services.models import LiveMonitor, MonitorRow, QueueRow, User
from services.permissions import require

LIMIT = 50  # rows per list: the most urgent ones


def live_monitor(services: Services, user: User, audit: bool = False) -> LiveMonitor:
    """What needs a supervisor's eye now. audit=True logs the read (once per page visit; the live refresh passes
    False).

    Raises:
        PermissionDenied: a role without analytics.read.
    """
    user = require(user, "analytics.read")
    with services.uow() as uow:
        if audit:
            uow.audit.record(user.username, "view_live_monitor", "conversations", "*", "escalations and at risk")
        queue = uow.conversations.queue(agent=None)
        escalated = uow.assist.open_escalations(LIMIT)
    at = now_iso()
    now = parse_iso(at)
    escalations = tuple(_row(services, r.conversation, r.customer_tier, r.sentiment, None,
                             tuple(reason.replace("_", " ") for reason in r.reasons) or ("escalated",),
                             r.last_masked_text) for r in escalated)
    risky = [(row, why) for row in queue if row.conversation.status != "escalated" and (why := risk_reasons(row, now))]
    risky.sort(key=lambda pair: (_waiting(pair[0], now) is None, -(_waiting(pair[0], now) or 0)))
    at_risk = tuple(_row(services, row.conversation, row.customer_tier, row.sentiment, _waiting(row, now), why,
                         row.last_text if row.last_author == "customer" else "") for row, why in risky[:LIMIT])
    return LiveMonitor(at, escalations, at_risk, sum(r.conversation.status != "escalated" for r in queue))


def risk_reasons(row: QueueRow, now: datetime) -> tuple[str, ...]:
    """Why an open conversation is at risk (empty: it is not)."""
    found = []
    if row.sentiment in ("negative", "mixed"):
        found.append(f"{row.sentiment} sentiment")
    if row.escalate:
        found.append("assist suggests escalating")
    waited = _waiting(row, now)
    target = SLA_S.get(row.conversation.channel)
    if waited is not None and target is not None and waited * 60 > target:
        found.append(f"waiting past the {_target(target)} target")
    return tuple(found)


def _waiting(row: QueueRow, now: datetime) -> int | None:
    try:
        return max(0, int((now - parse_iso(row.waiting_since)).total_seconds() // 60)) if row.waiting_since else None
    except ValueError:
        return None


def _target(seconds: int) -> str:
    return f"{seconds // 3600} h" if seconds >= 3600 else f"{seconds // 60} min" if seconds >= 60 else f"{seconds} s"


def _row(services: Services, c: Any, tier: str, sentiment: str, waiting: int | None, why: tuple[str, ...],
         latest_masked: str) -> MonitorRow:
    return MonitorRow(c.id, c.channel, c.queue or "", c.assigned_agent or "", tier, c.status, sentiment or "",
                      waiting, why, mask_text(services, c.subject), latest_masked)
