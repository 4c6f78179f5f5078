"""Chart data of the analytics page: a day without conversations is a zero, not a gap the line bridges."""

from __future__ import annotations

from collections import Counter

from services import analytics
from services.models import Conversation, Customer, User
from tests.repos import repos

SUPERVISOR = User(1, "supervisor", "Priya", "supervisor")


def add(services, day: str) -> None:
    at = f"2026-11-{day}T10:00:00Z"
    repos(services).conversations.add(Conversation(0, 1, "chat", "open", "s", at, at, "agent", "general"))


def test_defect_13_10_days_without_data_are_zero_filled(services):
    repos(services).customers.add(Customer(0, "Dana", "d@x.com", "", "gold", 1.0, "2024", "X"))
    for day in ("01", "01", "04"):
        add(services, day)
    data = analytics.overview(services, SUPERVISOR)
    assert data.by_day == {"2026-11-01": 2, "2026-11-02": 0, "2026-11-03": 0, "2026-11-04": 1}


def test_every_day_spans_month_ends_and_keeps_an_empty_count_empty():
    assert analytics.every_day(Counter({"2026-02-27": 1, "2026-03-01": 2})) == {
        "2026-02-27": 1, "2026-02-28": 0, "2026-03-01": 2}
    assert analytics.every_day(Counter()) == {}
