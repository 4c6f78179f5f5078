"""The supervisor dashboard's KPIs on a small hand-made store (tests/contracts/test_analytics_repository.store):
each figure checked against its value worked out by hand from the six conversations there."""

from __future__ import annotations

import pytest

from services import analytics
from services.errors import InvalidInput, PermissionDenied
from services.models import User
from tests.contracts.test_analytics_repository import store
from tests.repos import repos

SUPERVISOR = User(1, "supervisor", "Priya", "supervisor")
AGENT = User(2, "sam", "Sam", "agent")
RANGE = {"since": "2026-11-01", "until": "2026-11-04"}


def board(services, **chosen):
    return analytics.dashboard(services, SUPERVISOR, **RANGE, **chosen)


def test_each_kpi_matches_its_hand_computed_value(services):
    store(services.store)
    kpis = {k.key: k for k in board(services).kpis}
    expected = {
        "volume": 5,  # c1-c5 (c6 started on 31 October)
        "first-response-time": (60 + 300 + 7200 + 20) / 4,  # c1-c4 answered; c5 not yet
        "sla-attainment": 3 / 4,  # c1 60 s <= 120 (chat), c3 2 h <= 8 h (email), c4 20 s <= 30 (voice); c2 300 s
        "handle-time": (600 + 1800 + 90_000) / 3,  # resolved c1-c3
        "first-contact-resolution": 1 / 3,  # c1; c2 was transferred, c3 reopened
        "escalation-rate": 1 / 5,  # c4
        "transfer-rate": 1 / 5,  # c2
        "reopen-rate": 1 / 5,  # c3
        "csat": (5 + 2) / 2,  # c1, c2 answered the survey
        "csat-satisfied": 1 / 2,  # c1's 5
        "suggestion-acceptance": 2 / 3,  # c1 accepted, c2 edited, c3 all rejected
        "kb-deflection": 1 / 3,  # c1 resolved with an article in a reply (c4's use is not resolved)
    }
    assert {key: k.value for key, k in kpis.items()} == pytest.approx(expected)
    assert kpis["first-response-time"].basis == "4 answered conversations"
    assert kpis["csat"].basis == "2 survey answers"


def test_trends_tables_and_leaderboard(services):
    store(services.store)
    data = board(services)
    assert [(t.key[0], t.conversations) for t in data.by_day] == [
        ("2026-11-01", 2), ("2026-11-02", 0), ("2026-11-03", 2), ("2026-11-04", 1)]  # the quiet 2nd is a zero
    assert [(t.key, t.conversations) for t in data.by_channel] == [(("chat",), 3), (("email",), 1), (("voice",), 1)]
    assert [(t.key, t.conversations) for t in data.by_intent] == [
        (("Order Status",), 2), (("",), 1), (("Complaint",), 1), (("Refund",), 1)]
    assert [(t.key, t.conversations) for t in data.sentiment_by_day if t.key[0] == "2026-11-03"] == [
        (("2026-11-03", "negative"), 1), (("2026-11-03", "neutral"), 1)]
    assert [(r.agent, r.totals.resolved, r.totals.avg_csat, r.suggestions.acceptance) for r in data.leaderboard] == [
        ("sam", 2, 3.5, 1.0), ("kim", 1, None, 0.0)]
    assert [(s.key, s.accepted, s.edited, s.rejected) for s in data.suggestions_by_intent] == [
        (("Order Status",), 1, 0, 1), (("Refund",), 0, 1, 0)]
    assert data.options == {"agents": ("kim", "sam"), "intents": ("Complaint", "Order Status", "Refund"),
                            "queues": ("general",)}


def test_filters_narrow_every_figure_and_the_read_is_audited(services):
    store(services.store)
    chat_gold = board(services, channels=["chat"], tiers=["gold"])
    assert (chat_gold.overall.conversations, chat_gold.overall.avg_csat) == (1, 5.0)
    assert repos(services).audit.entries(1)[0].action == "view_analytics"
    assert "channels=chat" in repos(services).audit.entries(1)[0].detail
    kim = board(services, agents=["kim"], intents=["Order Status", "Complaint"])
    assert (kim.overall.conversations, kim.overall.escalation_rate) == (2, 0.5)


def test_drill_down_shows_the_conversations_behind_a_point_with_masked_subjects(services):
    made = store(services.store)
    repos(services).conversations.update(made["c3"], subject="Refund to ada@example.com")
    rows = analytics.drill_down(services, SUPERVISOR, {"day": "2026-11-03"}, **RANGE)
    assert [r.conversation_id for r in rows] == [made["c4"], made["c3"]]
    assert "ada@example.com" not in rows[1].subject and rows[1].subject.startswith("Refund to")
    assert repos(services).audit.entries(1)[0].action == "view_analytics_conversations"


@pytest.mark.parametrize(("chosen", "message"), [
    ({"since": "2026-11-31"}, "YYYY-MM-DD"),
    ({"since": "2026-11-05", "until": "2026-11-01"}, "starts"),
    ({"since": "1900-01-01", "until": "2026-11-01"}, "more than"),
    ({"channels": ["fax"]}, "channel must be one of"),
    ({"tiers": ["platinum"]}, "tier must be one of"),
    ({"agents": "sam"}, "must be a list"),
    ({"intents": ["x" * 500]}, "too long"),
    ({"queues": ["q"] * 51}, "limit is 50"),
    ({"colour": ["red"]}, "unknown analytics filter colour"),
])
def test_invalid_filters_are_refused_with_a_clear_message(services, chosen, message):
    with pytest.raises(InvalidInput, match=message):
        analytics.dashboard(services, SUPERVISOR, **chosen)
    with pytest.raises(InvalidInput, match="dimension"):
        analytics.drill_down(services, SUPERVISOR, {"password": "x"})


def test_agents_may_not_read_analytics(services):
    with pytest.raises(PermissionDenied):
        analytics.dashboard(services, AGENT)
    with pytest.raises(PermissionDenied):
        analytics.drill_down(services, AGENT, {"day": "2026-11-01"})


def test_an_empty_range_gives_zeros_and_none_not_errors(services):
    data = board(services)
    assert data.overall.conversations == 0 and len(data.by_day) == 4
    assert {k.key: k.value for k in data.kpis if k.value not in (0, None)} == {}
