"""The seed's history carries real signal for analytics and for a CSAT model: survey answers fall with long waits,
negative sentiment and escalations; every finished conversation has its facts recorded."""

from __future__ import annotations

import random
from statistics import mean

import pytest

from services.errors import InvalidInput
from services.models import AnalyticsFilter, ConversationFacts
from services.seed import seed_history
from services.seed.outcomes import TARGET_S, satisfaction


class Quiet(random.Random):
    def gauss(self, mu: float = 0.0, sigma: float = 1.0) -> float:
        return 0.0


def test_satisfaction_falls_with_each_thing_that_went_wrong():
    calm = ConversationFacts(first_response_s=60, sentiment="neutral")
    assert satisfaction(Quiet(), 5, calm, "chat") == 5
    assert satisfaction(Quiet(), 5, ConversationFacts(first_response_s=TARGET_S["chat"] + 1), "chat") == 4
    assert satisfaction(Quiet(), 5, ConversationFacts(first_response_s=4 * TARGET_S["chat"]), "chat") == 4
    assert satisfaction(Quiet(), 5, ConversationFacts(first_response_s=4 * TARGET_S["chat"], sentiment="negative",
                                                      escalated=True, reopens=1), "chat") == 1
    assert satisfaction(Quiet(), 1, ConversationFacts(sentiment="positive"), "email") == 1


def test_a_seeded_history_has_csat_driven_by_waits_sentiment_and_escalation(history_services):
    report = seed_history(history_services, 1500, "2026-11-24")
    assert report["conversations"] == 1500 and report["article_uses"] > 100
    with history_services.uow() as uow:
        rows = uow.analytics.conversations(AnalyticsFilter("2026-01-01", "2027-01-01"), limit=5000)
    assert len(rows) == 1500 and all(r.intent and r.sentiment for r in rows)
    rated = [r for r in rows if r.csat is not None]
    assert len(rated) > 700

    def avg(keep) -> float:
        return mean(r.csat for r in rated if keep(r))

    met = avg(lambda r: r.first_response_s is not None and r.first_response_s <= TARGET_S[r.channel])
    missed = avg(lambda r: r.first_response_s is not None and r.first_response_s > 3 * TARGET_S[r.channel])
    assert met - missed > 0.8
    assert avg(lambda r: r.sentiment == "positive") - avg(lambda r: r.sentiment == "negative") > 1.0
    with history_services.uow() as uow:
        totals = uow.analytics.totals(AnalyticsFilter("2026-01-01", "2027-01-01"))[0]
    assert 0.03 < totals.transfer_rate < 0.15 and 0.02 < totals.reopen_rate < 0.12
    assert 0.5 < totals.suggestions.acceptance < 0.95 and 0.15 < totals.kb_deflection < 0.5


@pytest.mark.parametrize("count", [0, -1, True, 2.5, "100"])
def test_seed_history_refuses_a_count_that_is_not_a_positive_whole_number(services, count):
    with pytest.raises(InvalidInput, match="whole number"):
        seed_history(services, count)
