"""Supervisor headline figures on a small, hand-made store."""

from __future__ import annotations

from services import analytics
from services.models import Conversation, Customer, User
from tests.repos import repos

SUPERVISOR = User(1, "supervisor", "Priya", "supervisor")


def add(services, channel: str, status: str, csat: int | None = None, resolution: str = "", day: str = "01"):
    at = f"2026-11-{day}T10:00:00Z"
    repos(services).conversations.add(Conversation(0, 1, channel, status, "s", at, at, "agent", "general",
                                                 resolution, csat))


def test_overview_counts_rates_and_csat_per_channel_filter(services):
    repos(services).customers.add(Customer(0, "Dana", "d@x.com", "", "gold", 1.0, "2024", "X"))
    add(services, "chat", "resolved", 5, "answered")
    add(services, "chat", "escalated", day="02")
    add(services, "email", "resolved", 3, "refund issued", day="02")
    add(services, "voice", "open")
    data = analytics.overview(services, SUPERVISOR)
    assert (data.conversations, data.open_now, data.resolved) == (4, 2, 2)
    assert data.escalation_rate == 0.25
    assert (data.avg_csat, data.csat_responses) == (4.0, 2)
    assert data.by_channel == {"chat": 2, "email": 1, "social": 0, "voice": 1}
    assert data.by_day == {"2026-11-01": 2, "2026-11-02": 2}
    chat_only = analytics.overview(services, SUPERVISOR, ("chat",))
    assert (chat_only.conversations, chat_only.escalation_rate) == (2, 0.5)
    assert repos(services).audit.entries(1)[0].action == "view_analytics"


def test_an_empty_store_gives_zeros_not_errors(services):
    data = analytics.overview(services, SUPERVISOR)
    assert (data.conversations, data.escalation_rate, data.avg_csat) == (0, 0.0, None)
