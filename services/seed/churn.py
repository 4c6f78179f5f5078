"""Which seeded customers left, and when (customers.churned_at: the churn predictor's label, docs/models.md).

The draw carries honest drivers, so a model trained on the stored history has something true to find: a customer's
chance of leaving rises with the share of their first replies that came late (against the channel's target), low
survey answers (1-2), escalations, repeat contacts within a week and contacts ending negative, and falls with a
higher tier; plus noise. A customer who leaves does so 2-45 days after their last contact; a date after the demo's
"now" is not recorded (they have not left yet). Drawn from its own random stream over what is already stored, so
the rest of the seed is unchanged.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from datetime import datetime, timedelta

from services.bootstrap import Services
from services.clock import parse_iso, to_iso
from services.models import TIERS, ContactRow
from services.seed.outcomes import TARGET_S

CHURN_SEED = 20_261_202
BASE = -1.3  # log-odds of leaving for a standard customer with nothing gone wrong (about 21 %)
LATE, LOW_CSAT, ESCALATED, REPEAT, NEGATIVE, TIER = 1.4, 0.9, 0.7, 0.5, 0.4, -0.45
NOISE = 0.5
LEAVES_AFTER_DAYS = (2, 45)


def leaving_logit(contacts: list[ContactRow], noise: float = 0.0) -> float:
    """The seeded log-odds that a customer with these contacts (oldest first) leaves."""
    answered = [c for c in contacts if c.first_response_s is not None]
    late = sum(c.first_response_s > TARGET_S[c.channel] for c in answered) / len(answered) if answered else 0.0  # type: ignore[operator]
    low = sum(c.csat is not None and c.csat <= 2 for c in contacts)
    escalated = sum(c.escalated for c in contacts)
    negative = sum(c.sentiment == "negative" for c in contacts)
    repeat = sum((parse_iso(b.created_at) - parse_iso(a.created_at)).days < 7
                 for a, b in zip(contacts, contacts[1:], strict=False))
    return (BASE + LATE * late + LOW_CSAT * min(2, low) + ESCALATED * min(2, escalated) + REPEAT * min(2, repeat)
            + NEGATIVE * min(2, negative) + TIER * TIERS.index(contacts[-1].tier) + noise)


def plant_churn(services: Services, now: datetime) -> int:
    """Record who left among the customers with stored conversations; returns how many."""
    rng = random.Random(CHURN_SEED)
    with services.uow() as uow:
        by_customer: dict[int, list[ContactRow]] = defaultdict(list)
        for row in uow.predictions.contacts():
            by_customer[row.customer_id].append(row)
        left = 0
        for customer_id in sorted(by_customer):
            contacts = by_customer[customer_id]
            chance = 1 / (1 + math.exp(-leaving_logit(contacts, rng.gauss(0, NOISE))))
            leaves = rng.random() < chance
            at = parse_iso(contacts[-1].created_at) + timedelta(days=rng.uniform(*LEAVES_AFTER_DAYS))
            if leaves and at <= now:
                uow.predictions.record_churn(customer_id, to_iso(at))
                left += 1
    return left
