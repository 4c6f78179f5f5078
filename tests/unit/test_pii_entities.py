"""Issue 21: stored analyses kept raw e-mails and phones in their entities (and reply facts carried them)."""

from __future__ import annotations

import pytest

from services import inbox
from services.adapters.local.entities import RuleEntityExtractor
from services.bootstrap import build_services
from services.models import Customer
from tests.fakes import fake_pipeline
from tests.repos import repos


@pytest.fixture
def svc(settings):
    services = build_services(settings, **{**fake_pipeline(), "entities": RuleEntityExtractor(settings)})
    repos(services).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01", "Leeds"))
    return services


def test_stored_analysis_keeps_no_raw_email_or_phone_in_entities(svc):
    text = "order BW-104233 never came; mail me at dana.r@example.com or call +44 20 7946 0321"
    _, message, _ = inbox.start_conversation(svc, 1, "chat", "Late", text)
    stored = repos(svc).assist.get_analysis(message.id)
    values = [(e.kind, e.text, e.value) for e in stored.entities]
    assert ("order_number", "BW-104233", "BW-104233") in values  # what replies need is kept
    assert not any("dana.r@example.com" in f"{t} {v}" or "7946" in f"{t} {v}" for _, t, v in values)
    assert {k: t for k, t, _ in values if k in ("email", "phone")} == {"email": "[EMAIL]", "phone": "[PHONE]"}


def test_reply_generator_gets_no_raw_email_through_entities(svc):
    replies = fake_pipeline()["replies"]
    services = build_services(svc.settings, **{**fake_pipeline(), "entities": RuleEntityExtractor(svc.settings),
                                               "replies": replies})
    from services import assist

    assist.analyze_message(services, "where is BW-104233? I'm dana.r@example.com")
    assert "dana.r@example.com" not in str(replies.contexts[-1])
