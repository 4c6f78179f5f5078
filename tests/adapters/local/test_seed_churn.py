"""The seed's churn carries honest drivers (services/seed/churn.py): customers whose first replies came late, who
answered the survey with 1-2 or were escalated leave more often than the others; nobody leaves after the seed's
"now", and nobody leaves before their last contact."""

from __future__ import annotations

import os
from collections import defaultdict

import pytest

from services.bootstrap import build_services
from services.config import Settings
from services.seed import seed_history
from services.seed.churn import leaving_logit
from services.seed.outcomes import TARGET_S


@pytest.fixture(scope="module")
def history(request, tmp_path_factory):
    """3,000 finished conversations of 1,500 customers, generated once for this module's tests, which only read it:
    (services, seed report). The PII detector is our rules alone (tests/conftest.py's history_services says why);
    with FRONTLINE_TEST_STORE=postgres, on the throw-away PostgreSQL server (as the ``settings`` fixture does)."""
    url = ""
    if os.environ.get("FRONTLINE_TEST_STORE") == "postgres":
        url = request.getfixturevalue("postgres_cluster").new_database()
    settings = Settings(db_path=str(tmp_path_factory.mktemp("churn") / "frontline.db"), database_url=url,
                        providers={"pii": "rules"})
    services = build_services(settings)
    yield services, seed_history(services, 3000, "2026-11-24", customers=1500)
    if url:
        services.get("store").close()


def test_customers_who_were_let_down_leave_more_often(history):
    history_services, report = history
    with history_services.uow() as uow:
        rows = uow.predictions.contacts()
    by_customer = defaultdict(list)
    for row in rows:
        by_customer[row.customer_id].append(row)
    left = {c for c, contacts in by_customer.items() if contacts[0].churned_at}
    assert len(left) == report["churned"] > 50
    for c in left:
        churned = by_customer[c][0].churned_at
        assert by_customer[c][-1].created_at < churned <= "2026-11-24T12:00:00Z"

    def rate(keep) -> float:
        chosen = [c for c, contacts in by_customer.items() if keep(contacts)]
        return sum(c in left for c in chosen) / len(chosen)

    def late(contacts) -> bool:
        return any(r.first_response_s is not None and r.first_response_s > TARGET_S[r.channel] for r in contacts)

    def unhappy(contacts) -> bool:
        return any(r.csat is not None and r.csat <= 2 for r in contacts)

    assert rate(late) > 1.5 * rate(lambda cs: not late(cs))
    assert rate(unhappy) > 1.5 * rate(lambda cs: not unhappy(cs))


def test_the_drawn_odds_rise_with_each_thing_that_went_wrong_and_fall_with_tier(history):
    with history[0].uow() as uow:
        one = next(r for r in uow.predictions.contacts() if r.first_response_s is not None)
    from dataclasses import replace

    calm = replace(one, first_response_s=1, csat=5, escalated=False, sentiment="neutral", tier="standard")
    worse = [replace(calm, first_response_s=10 * TARGET_S[calm.channel]), replace(calm, csat=1),
             replace(calm, escalated=True), replace(calm, sentiment="negative")]
    assert all(leaving_logit([w]) > leaving_logit([calm]) for w in worse)
    assert leaving_logit([replace(calm, tier="vip")]) < leaving_logit([calm])
