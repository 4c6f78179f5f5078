"""A small store with planted signal for the predictors' tests: survey answers fall with a late first reply and a
negative last sentiment; customers who waited leave more often. Everything dated 40-120 days before NOW, so every
customer is a churn label (quiet for more than 30 days)."""

from __future__ import annotations

import random
from datetime import timedelta

from services.clock import parse_iso, to_iso
from services.models import Conversation, ConversationFacts, Customer

NOW = "2026-12-01T12:00:00Z"


def plant(services, customers: int = 260, surveyed: float = 0.8, seed: int = 7) -> dict[str, int]:
    """Write the store; returns how many survey answers and churned customers it holds."""
    rng, now = random.Random(seed), parse_iso(NOW)
    answers = left = 0
    with services.uow() as uow:
        for n in range(customers):
            tier = rng.choice(("standard", "standard", "silver", "gold"))
            who = uow.customers.add(Customer(0, f"Customer {n}", f"c{n}@example.com", "", tier, 10.0, "2024-01-01",
                                             "Leeds")).id
            late_any, last = False, None
            for _ in range(rng.randint(1, 3)):
                start = now - timedelta(days=rng.uniform(40, 120))
                late = rng.random() < 0.4
                late_any |= late
                sentiment = rng.choice(("negative", "neutral", "neutral", "positive"))
                score = 4.6 - 1.6 * late - 1.0 * (sentiment == "negative") + rng.gauss(0, 0.5)
                csat = max(1, min(5, round(score))) if rng.random() < surveyed else None
                answers += csat is not None
                at = to_iso(start)
                talk = uow.conversations.add(Conversation(0, who, "chat", "resolved", "Help", at, at, "sam",
                                                          csat=csat))
                uow.analytics.record_facts(talk.id, ConversationFacts(
                    rng.randint(900, 2400) if late else rng.randint(20, 100), at, 600, 0, 0, False, "Order Status",
                    sentiment))
                last = max(last or start, start)
            if rng.random() < (0.65 if late_any else 0.12):
                uow.predictions.record_churn(who, to_iso(last + timedelta(days=5)))
                left += 1
    return {"answers": answers, "left": left}
